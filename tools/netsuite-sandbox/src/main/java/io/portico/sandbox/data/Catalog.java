package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The small, fixed lists every demo account shares: states, items, currencies, terms, accounts, the subsidiary. */
public final class Catalog {

  private Catalog() {
  }

  /** A US state with one plausible city, ZIP code and area code for generated addresses. */
  public record UsState(String code, String name, String city, String zip, String areaCode) {
  }

  /** Item; {@code itemType} is SuiteQL's code, {@code restType} the REST record name links point at. */
  public record Item(long id, String itemId, String displayName, String itemType, String restType, BigDecimal basePrice) {
  }

  /**
   * A shipping item (SuiteQL's {@code shipmethod}) and how its carrier writes tracking numbers: UPS {@code 1Z} + 16
   * characters, FedEx 12 digits, USPS 22 digits, DHL Express 10 digits; a local courier and an LTL freight line with
   * numbers of their own; customer pickup none.
   */
  public record ShipMethod(long id, String name, Carrier carrier) {
  }

  public enum Carrier {
    UPS, FEDEX, USPS, DHL, COURIER, FREIGHT, PICKUP
  }

  public record Currency(long id, String symbol, String name, BigDecimal exchangeRate, boolean base) {
  }

  public record Term(long id, String name, int days) {
  }

  public record Account(long id, String number, String name) {
    public String displayName() {
      return number + " " + name;
    }
  }

  /**
   * Surcharge-restricted states come first so even the smallest demo company has customers in CT, MA, ME, CO and OK
   * (customer i lives in state i % size).
   */
  public static final List<UsState> STATES = List.of(
      new UsState("CT", "Connecticut", "Hartford", "06103", "860"),
      new UsState("MA", "Massachusetts", "Boston", "02110", "617"),
      new UsState("ME", "Maine", "Portland", "04101", "207"),
      new UsState("CO", "Colorado", "Denver", "80202", "303"),
      new UsState("OK", "Oklahoma", "Oklahoma City", "73102", "405"),
      new UsState("CA", "California", "San Francisco", "94105", "415"),
      new UsState("NY", "New York", "New York", "10001", "212"),
      new UsState("TX", "Texas", "Austin", "78701", "512"),
      new UsState("FL", "Florida", "Miami", "33131", "305"),
      new UsState("WA", "Washington", "Seattle", "98101", "206"),
      new UsState("IL", "Illinois", "Chicago", "60601", "312"),
      new UsState("GA", "Georgia", "Atlanta", "30303", "404"),
      new UsState("NC", "North Carolina", "Charlotte", "28202", "704"),
      new UsState("OR", "Oregon", "Portland", "97204", "503"),
      new UsState("AZ", "Arizona", "Phoenix", "85004", "602"),
      new UsState("MN", "Minnesota", "Minneapolis", "55401", "612"),
      new UsState("PA", "Pennsylvania", "Philadelphia", "19103", "215"),
      new UsState("OH", "Ohio", "Columbus", "43215", "614"),
      new UsState("MI", "Michigan", "Detroit", "48226", "313"),
      new UsState("NJ", "New Jersey", "Newark", "07102", "973"),
      new UsState("VA", "Virginia", "Richmond", "23219", "804"),
      new UsState("TN", "Tennessee", "Nashville", "37203", "615"),
      new UsState("UT", "Utah", "Salt Lake City", "84101", "801"),
      new UsState("NV", "Nevada", "Las Vegas", "89101", "702"),
      new UsState("WI", "Wisconsin", "Milwaukee", "53202", "414"),
      new UsState("MO", "Missouri", "St. Louis", "63101", "314"),
      new UsState("KS", "Kansas", "Wichita", "67202", "316"),
      new UsState("NH", "New Hampshire", "Manchester", "03101", "603"));

  public static final List<Item> ITEMS = List.of(
      item(201, "SVC-IMPL", "Implementation Services", "Service", "serviceitem", "1500.00"),
      item(202, "SVC-CONSULT", "Consulting Hour", "Service", "serviceitem", "175.00"),
      item(203, "SVC-TRAIN", "Training Session", "Service", "serviceitem", "950.00"),
      item(204, "SVC-SUPPORT", "Premium Support (Monthly)", "Service", "serviceitem", "450.00"),
      item(205, "SVC-INSTALL", "On-site Installation", "Service", "serviceitem", "1200.00"),
      item(206, "SUB-BASIC", "Subscription - Basic (Monthly)", "Service", "serviceitem", "99.00"),
      item(207, "SUB-PRO", "Subscription - Professional (Monthly)", "Service", "serviceitem", "249.00"),
      item(208, "SUB-ENT", "Subscription - Enterprise (Monthly)", "Service", "serviceitem", "799.00"),
      item(209, "HW-SCAN-100", "Barcode Scanner S100", "InvtPart", "inventoryitem", "189.00"),
      item(210, "HW-PRN-200", "Label Printer P200", "InvtPart", "inventoryitem", "349.00"),
      item(211, "HW-TERM-300", "Handheld Terminal T300", "InvtPart", "inventoryitem", "899.00"),
      item(212, "HW-DOCK-310", "Charging Dock D310", "InvtPart", "inventoryitem", "129.00"),
      item(213, "HW-RFID-400", "RFID Reader R400", "InvtPart", "inventoryitem", "649.00"),
      item(214, "SUP-LBL-4X6", "Thermal Labels 4x6 (Case)", "InvtPart", "inventoryitem", "42.50"),
      item(215, "SUP-RIB-110", "Ribbon 110mm (Box)", "InvtPart", "inventoryitem", "38.75"),
      item(216, "SUP-BATT", "Replacement Battery Pack", "InvtPart", "inventoryitem", "59.90"),
      item(217, "NI-SHIP", "Freight & Handling", "NonInvtPart", "noninventorysaleitem", "25.00"),
      item(218, "NI-EXPEDITE", "Expedited Shipping", "NonInvtPart", "noninventorysaleitem", "65.00"),
      item(219, "NI-WARRANTY", "Extended Warranty (1 yr)", "NonInvtPart", "noninventorysaleitem", "120.00"),
      item(220, "NI-CABLE", "Cable Kit", "NonInvtPart", "noninventorysaleitem", "18.00"));

  /** Ship methods; the generator picks one per sales order, roughly in this list's proportions (see SlotFacts). */
  public static final List<ShipMethod> SHIP_METHODS = List.of(
      new ShipMethod(301, "UPS Ground", Carrier.UPS),
      new ShipMethod(302, "UPS Next Day Air", Carrier.UPS),
      new ShipMethod(303, "FedEx Ground", Carrier.FEDEX),
      new ShipMethod(304, "FedEx 2Day", Carrier.FEDEX),
      new ShipMethod(305, "USPS Priority Mail", Carrier.USPS),
      new ShipMethod(306, "DHL Express Worldwide", Carrier.DHL),
      new ShipMethod(307, "Metro Courier Same Day", Carrier.COURIER),
      new ShipMethod(308, "R+L Carriers LTL Freight", Carrier.FREIGHT),
      new ShipMethod(309, "Customer Pickup", Carrier.PICKUP));

  public static final List<Currency> CURRENCIES = List.of(
      new Currency(1, "USD", "US Dollar", new BigDecimal("1.00"), true),
      new Currency(2, "CAD", "Canadian Dollar", new BigDecimal("0.73"), false),
      new Currency(3, "EUR", "Euro", new BigDecimal("1.08"), false),
      new Currency(4, "GBP", "British pound", new BigDecimal("1.27"), false));

  public static final List<Term> TERMS = List.of(
      new Term(1, "Net 15", 15),
      new Term(2, "Net 30", 30),
      new Term(3, "Net 60", 60),
      new Term(4, "Due on receipt", 0));

  /** Longest payment term; no generated due date lies further after its invoice date. */
  public static final int MAX_TERM_DAYS = 60;

  public static final Account OPERATING_ACCOUNT = new Account(1, "1000", "Operating Account");
  public static final Account UNDEPOSITED_FUNDS = new Account(2, "1100", "Undeposited Funds");
  public static final Account ACCOUNTS_RECEIVABLE = new Account(6, "1200", "Accounts Receivable");
  public static final List<Account> ACCOUNTS = List.of(OPERATING_ACCOUNT, UNDEPOSITED_FUNDS, ACCOUNTS_RECEIVABLE);

  public static final long SUBSIDIARY_ID = 1;
  public static final String SUBSIDIARY_NAME = "Portico Demo Co.";

  static final List<String> COMPANY_PREFIXES = List.of(
      "Summit", "Harbor", "Granite", "Cedar", "Bluewater", "Ironwood", "Northwind", "Redstone", "Silverline", "Oakridge",
      "Brightpath", "Keystone", "Pioneer", "Lakeshore", "Evergreen", "Copperfield", "Meridian", "Highland", "Riverbend",
      "Stonegate", "Sunrise", "Westfield", "Crescent", "Falcon", "Juniper", "Maple", "Orchard", "Prairie", "Sequoia",
      "Tidewater", "Union", "Vantage", "Willow", "Atlas", "Beacon", "Cobalt", "Driftwood", "Elm Street", "Foxglove",
      "Golden Gate");
  static final List<String> COMPANY_NOUNS = List.of(
      "Analytics", "Logistics", "Dental", "Builders", "Foods", "Health", "Robotics", "Outfitters", "Marine", "Energy",
      "Pharmacy", "Printing", "Media", "Farms", "Hardware", "Coffee Roasters", "Veterinary", "Apparel", "Engineering",
      "Labs", "Plumbing", "Realty", "Software", "Freight", "Clinics", "Brewing", "Textiles", "Design", "Auto Parts",
      "Supply");
  static final List<String> COMPANY_SUFFIXES = List.of("LLC", "Inc.", "Co.", "Group", "Corp.", "Partners");
  static final List<String> VENDOR_NAMES = List.of(
      "Acme Components", "Pacific Paper Supply", "Midwest Freight Lines", "Allied Electronics", "Coastal Packaging",
      "Premier Office Products", "Delta Industrial", "Northstar Cloud Hosting", "Summit Staffing", "Keystone Insurance");
  static final List<String> FIRST_NAMES = List.of(
      "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Mia", "Ethan", "Amelia", "James", "Harper",
      "Benjamin", "Evelyn", "Elijah", "Abigail", "Henry", "Emily", "Daniel", "Priya", "Wei", "Fatima", "Diego", "Aisha",
      "Kenji", "Grace", "Samuel", "Chloe", "Omar");
  static final List<String> LAST_NAMES = List.of(
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Nguyen",
      "Patel", "Kim", "Chen", "Okafor", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson",
      "White", "Lopez", "Clark", "Lewis", "Walker", "Hall", "Young");
  static final List<String> CONTACT_TITLES = List.of(
      "Accounts Payable Specialist", "Controller", "Office Manager", "CFO", "Operations Director", "Purchasing Manager");
  static final List<String> STREETS = List.of(
      "Main St", "Oak Ave", "Pine St", "Maple Dr", "Cedar Ln", "Washington Blvd", "Lake St", "Hill Rd", "Park Ave",
      "Elm St", "Market St", "Church St", "Commerce Way", "Industrial Pkwy", "Harbor Blvd");

  public static Optional<Item> item(long id) {
    return ITEMS.stream().filter(i -> i.id() == id).findFirst();
  }

  public static Optional<ShipMethod> shipMethod(long id) {
    return SHIP_METHODS.stream().filter(m -> m.id() == id).findFirst();
  }

  public static Optional<Currency> currency(long id) {
    return CURRENCIES.stream().filter(c -> c.id() == id).findFirst();
  }

  public static Optional<Term> term(long id) {
    return TERMS.stream().filter(t -> t.id() == id).findFirst();
  }

  public static Optional<Account> account(long id) {
    return ACCOUNTS.stream().filter(a -> a.id() == id).findFirst();
  }

  private static Item item(long id, String itemId, String name, String type, String restType, String price) {
    return new Item(id, itemId, name, type, restType, new BigDecimal(price));
  }
}
