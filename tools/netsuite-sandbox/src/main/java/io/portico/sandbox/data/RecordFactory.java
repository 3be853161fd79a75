package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns generated facts into REST-shaped {@link RecordData}. Fields whose value depends on other records (an
 * invoice's amount remaining and status, a customer's balance) are left to the {@link Store}.
 */
final class RecordFactory {

  static final Choice INVOICE_FORM = new Choice("91", "Standard Service Invoice");
  static final Choice SALES_ORDER_FORM = new Choice("68", "Standard Sales Order");
  static final Choice PAYMENT_FORM = new Choice("70", "Standard Customer Payment");
  static final Choice CREDIT_MEMO_FORM = new Choice("88", "Standard Credit Memo");
  static final Choice ITEM_FULFILLMENT_FORM = new Choice("72", "Standard Item Fulfillment");

  private final IdLayout layout;
  private final EntityFacts entities;
  private final SlotFacts slots;
  private final LocalDate today;

  RecordFactory(IdLayout layout, EntityFacts entities, SlotFacts slots, LocalDate today) {
    this.layout = layout;
    this.entities = entities;
    this.slots = slots;
    this.today = today;
  }

  RecordData customer(int index) {
    EntityFacts.Customer c = entities.customer(index);
    RecordData r = new RecordData(RecordType.CUSTOMER, layout.customerId(index));
    r.set("entityId", c.entityId())
        .set("companyName", c.companyName())
        .set("isPerson", false)
        .set("isInactive", c.inactive())
        .set("email", c.email())
        .set("phone", c.phone())
        .set("parent", c.parentIndex() >= 0 ? new Ref("customer", layout.customerId(c.parentIndex())) : null)
        .set("currency", new Ref("currency", c.currencyId()))
        .set("terms", new Ref("term", c.termsId()))
        .set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID))
        .set("dateCreated", c.dateCreated())
        .set("lastModifiedDate", c.lastModified())
        .set("defaultAddress", Addresses.text(c.companyName(), c.street(), c.state()));
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("addressBookAddress", Addresses.of(c.companyName(), c.street(), c.state()));
    address.put("addressBookAddress_text", Addresses.text(c.companyName(), c.street(), c.state()));
    address.put("defaultBilling", true);
    address.put("defaultShipping", true);
    address.put("id", layout.customerId(index));
    address.put("internalId", layout.customerId(index));
    address.put("label", c.street());
    r.setSublist("addressBook", new ArrayList<>(List.of(address)));
    return r;
  }

  RecordData contact(int index) {
    EntityFacts.Contact c = entities.contact(index);
    return new RecordData(RecordType.CONTACT, layout.contactId(index))
        .set("entityId", c.firstName() + " " + c.lastName())
        .set("firstName", c.firstName())
        .set("lastName", c.lastName())
        .set("email", c.email())
        .set("phone", c.phone())
        .set("title", c.title())
        .set("company", new Ref("customer", layout.customerId(c.customerIndex())))
        .set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID))
        .set("isInactive", false)
        .set("isPrivate", false)
        .set("dateCreated", c.dateCreated())
        .set("lastModifiedDate", c.lastModified());
  }

  RecordData vendor(int index) {
    EntityFacts.Vendor v = entities.vendor(index);
    return new RecordData(RecordType.VENDOR, layout.vendorId(index))
        .set("entityId", v.entityId())
        .set("companyName", v.companyName())
        .set("isPerson", false)
        .set("isInactive", false)
        .set("email", v.email())
        .set("phone", v.phone())
        .set("currency", new Ref("currency", 1))
        .set("terms", new Ref("term", 2))
        .set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID))
        .set("dateCreated", v.dateCreated())
        .set("lastModifiedDate", v.lastModified());
  }

  /** Marks a field {@link #slotField} cannot give without building the record. */
  static final Object UNKNOWN = new Object();

  /**
   * One field of a generated slot member, as {@link #slotMember} would set it, for the fields cheap to derive without
   * the slot's plan (from its shape or timeline; null = not set); {@link #UNKNOWN} for the others.
   */
  Object slotField(int slot, RecordType type, String field) {
    return switch (field) {
      case "tranId" -> tranId(type, slot);
      case "tranDate" -> switch (type) {
        case INVOICE -> slots.shape(slot).tranDate();
        case SALES_ORDER -> slots.timeline(slot).salesOrderDate();
        case CREDIT_MEMO -> slots.timeline(slot).creditDate();
        default -> slots.timeline(slot).paymentDate();
      };
      case "createdDate" -> switch (type) {
        case INVOICE -> slots.timeline(slot).created();
        case SALES_ORDER -> slots.timeline(slot).salesOrderCreated();
        case CREDIT_MEMO -> slots.timeline(slot).creditCreated();
        default -> slots.timeline(slot).paymentCreated();
      };
      case "lastModifiedDate" -> switch (type) {
        case INVOICE -> slots.timeline(slot).lastModified();
        case SALES_ORDER -> slots.timeline(slot).salesOrderLastModified();
        case CREDIT_MEMO -> slots.timeline(slot).creditCreated();
        default -> slots.timeline(slot).paymentCreated();
      };
      case "entity" -> type == RecordType.CUSTOMER_PAYMENT ? null : customerRef(slot);
      case "customer" -> type == RecordType.CUSTOMER_PAYMENT ? customerRef(slot) : null;
      case "subsidiary" -> new Ref("subsidiary", Catalog.SUBSIDIARY_ID);
      case "currency" -> new Ref("currency", entities.customer(slot % layout.customers()).currencyId());
      case "exchangeRate" -> exchangeRate(entities.customer(slot % layout.customers()).currencyId());
      default -> UNKNOWN;
    };
  }

  /**
   * The {@code item} sublist of a generated invoice or sales order, as {@link #slotMember} would set it, derived from
   * the slot's lines only (not the whole plan) and without building line maps.
   */
  List<ItemLine> slotItemLines(int slot, RecordType type) {
    boolean salesOrder = type == RecordType.SALES_ORDER;
    List<SlotFacts.Line> lines = salesOrder ? slots.salesOrderLines(slot) : slots.invoiceLines(slot);
    List<ItemLine> out = new ArrayList<>(lines.size());
    for (SlotFacts.Line l : lines) {
      out.add(new ItemLine(l.line(), new Ref(l.item().restType(), l.item().id()), l.item().itemType(),
          l.description(), l.quantity(), l.rate(), l.amount(), salesOrder ? Boolean.FALSE : null));
    }
    return out;
  }

  private Ref customerRef(int slot) {
    return new Ref("customer", layout.customerId(slot % layout.customers()));
  }

  private static String tranId(RecordType type, int slot) {
    String prefix = switch (type) {
      case INVOICE -> "INV";
      case SALES_ORDER -> "SO";
      case CREDIT_MEMO -> "CM";
      default -> "PYMT";
    };
    return prefix + (1000 + slot);
  }

  /** The generated member of {@code slot} with the given type; callers check existence with the slot's shape first. */
  RecordData slotMember(int slot, RecordType type) {
    SlotFacts.Plan plan = slots.plan(slot);
    return switch (type) {
      case INVOICE -> invoice(plan);
      case SALES_ORDER -> salesOrder(plan);
      case CUSTOMER_PAYMENT -> payment(plan);
      case CREDIT_MEMO -> creditMemo(plan);
      default -> throw new IllegalArgumentException(type + " is not a slot member");
    };
  }

  private RecordData invoice(SlotFacts.Plan p) {
    int slot = p.shape().slot();
    EntityFacts.Customer c = entities.customer(p.shape().customerIndex());
    RecordData r = transactionHeader(RecordType.INVOICE, slot, c, p.shape().tranDate(), p.timeline().created(),
        p.timeline().lastModified());
    r.set("tranId", tranId(RecordType.INVOICE, slot))
        .set("dueDate", p.dueDate())
        .set("terms", new Ref("term", c.termsId()))
        .set("account", new Ref("account", Catalog.ACCOUNTS_RECEIVABLE.id()))
        .set("memo", p.memo())
        .set("otherRefNum", p.otherRefNum())
        .set("email", c.email())
        .set("subtotal", p.total())
        .set("discountTotal", BigDecimal.ZERO)
        .set("taxTotal", BigDecimal.ZERO)
        .set("total", p.total())
        .set("customForm", INVOICE_FORM)
        .set("billingAddress", Addresses.of(c.companyName(), c.street(), c.state()))
        .set("billingAddress_text", Addresses.text(c.companyName(), c.street(), c.state()));
    if (p.shape().salesOrderBilled()) {
      r.set("createdFrom", new Ref("salesorder", layout.transactionId(slot, RecordType.SALES_ORDER)));
    }
    r.setSublist("item", itemLines(p.lines(), false));
    return r;
  }

  private RecordData salesOrder(SlotFacts.Plan p) {
    int slot = p.shape().slot();
    EntityFacts.Customer c = entities.customer(p.shape().customerIndex());
    SlotFacts.Timeline t = p.timeline();
    RecordData r = transactionHeader(RecordType.SALES_ORDER, slot, c, t.salesOrderDate(), t.salesOrderCreated(),
        t.salesOrderLastModified());
    r.set("tranId", tranId(RecordType.SALES_ORDER, slot))
        .set("status", p.salesOrderStatus())
        .set("terms", new Ref("term", c.termsId()))
        .set("otherRefNum", p.otherRefNum())
        .set("email", c.email())
        .set("subtotal", p.salesOrderTotal())
        .set("discountTotal", BigDecimal.ZERO)
        .set("taxTotal", BigDecimal.ZERO)
        .set("total", p.salesOrderTotal())
        .set("customForm", SALES_ORDER_FORM)
        .set("billingAddress", Addresses.of(c.companyName(), c.street(), c.state()))
        .set("billingAddress_text", Addresses.text(c.companyName(), c.street(), c.state()));
    r.setSublist("item", itemLines(p.salesOrderLines(), true));
    return r;
  }

  private RecordData payment(SlotFacts.Plan p) {
    int slot = p.shape().slot();
    EntityFacts.Customer c = entities.customer(p.shape().customerIndex());
    RecordData r = new RecordData(RecordType.CUSTOMER_PAYMENT, layout.transactionId(slot, RecordType.CUSTOMER_PAYMENT));
    SlotFacts.Timeline t = p.timeline();
    boolean deposited = t.paymentDate().isBefore(today.minusDays(3));
    r.set("tranId", tranId(RecordType.CUSTOMER_PAYMENT, slot))
        .set("customer", new Ref("customer", layout.customerId(c.index())))
        .set("tranDate", t.paymentDate())
        .set("postingPeriod", new Ref("accountingperiod", AccountingPeriods.idOf(t.paymentDate())))
        .set("status", deposited ? TransactionStatus.PAYMENT_DEPOSITED : TransactionStatus.PAYMENT_NOT_DEPOSITED)
        .set("currency", new Ref("currency", c.currencyId()))
        .set("exchangeRate", exchangeRate(c.currencyId()))
        .set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID))
        .set("account", new Ref("account", Catalog.OPERATING_ACCOUNT.id()))
        .set("arAcct", new Ref("account", Catalog.ACCOUNTS_RECEIVABLE.id()))
        .set("payment", p.paymentAmount())
        .set("total", p.paymentAmount())
        .set("applied", p.paymentAmount())
        .set("unapplied", BigDecimal.ZERO)
        .set("memo", p.paymentMemo())
        .set("checkNumber", p.checkNumber())
        .set("customForm", PAYMENT_FORM)
        .set("createdDate", t.paymentCreated())
        .set("lastModifiedDate", t.paymentCreated());
    r.setSublist("apply", new ArrayList<>(List.of(applyLine(slot, p, p.paymentAmount()))));
    return r;
  }

  private RecordData creditMemo(SlotFacts.Plan p) {
    int slot = p.shape().slot();
    EntityFacts.Customer c = entities.customer(p.shape().customerIndex());
    SlotFacts.Timeline t = p.timeline();
    RecordData r = transactionHeader(RecordType.CREDIT_MEMO, slot, c, t.creditDate(), t.creditCreated(),
        t.creditCreated());
    SlotFacts.Line first = p.lines().get(0);
    SlotFacts.Line credit = new SlotFacts.Line(1, first.item(), BigDecimal.ONE, p.creditAmount(), p.creditAmount(),
        "Service credit");
    r.set("tranId", tranId(RecordType.CREDIT_MEMO, slot))
        .set("status", TransactionStatus.CREDIT_MEMO_FULLY_APPLIED)
        .set("createdFrom", new Ref("invoice", layout.invoiceId(slot)))
        .set("memo", "Service credit")
        .set("subtotal", p.creditAmount())
        .set("total", p.creditAmount())
        .set("applied", p.creditAmount())
        .set("unapplied", BigDecimal.ZERO)
        .set("customForm", CREDIT_MEMO_FORM);
    r.setSublist("item", itemLines(List.of(credit), false));
    r.setSublist("apply", new ArrayList<>(List.of(applyLine(slot, p, p.creditAmount()))));
    return r;
  }

  /**
   * The {@code index}th item fulfillment of the slot's sales order (which the caller checked exists): shipping
   * method, status, the order it fulfils, one {@code package} line per tracking number and the shipped {@code item}
   * lines, each naming its order line. Numbered IF + its position in the fulfillments' id range.
   */
  RecordData fulfillment(int slot, int index) {
    SlotFacts.Fulfillment f = slots.fulfillments(slot).get(index);
    EntityFacts.Customer c = entities.customer(slot % layout.customers());
    long id = layout.fulfillmentId(slot, index);
    RecordData r = transactionHeader(RecordType.ITEM_FULFILLMENT, id, c, f.shipDate(), f.created(),
        f.lastModified());
    r.set("tranId", "IF" + (1000 + id - layout.firstFulfillmentId()))
        .set("status", f.status())
        .set("createdFrom", new Ref("salesorder", layout.transactionId(slot, RecordType.SALES_ORDER)))
        .set("shipMethod", new Ref("shipitem", f.shipMethod().id()))
        .set("memo", f.memo())
        .set("customForm", ITEM_FULFILLMENT_FORM)
        .set("shippingAddress", Addresses.of(c.companyName(), c.street(), c.state()))
        .set("shippingAddress_text", Addresses.text(c.companyName(), c.street(), c.state()));
    List<Map<String, Object>> packages = new ArrayList<>();
    for (String number : f.trackingNumbers()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("packageDescr", "Carton " + (packages.size() + 1));
      p.put("packageTrackingNumber", number);
      packages.add(p);
    }
    r.setSublist("package", packages);
    List<Map<String, Object>> lines = new ArrayList<>(f.lines().size());
    for (SlotFacts.ShippedLine l : f.lines()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("line", l.line());
      m.put("item", new Ref(l.item().restType(), l.item().id()));
      m.put("itemType", Choice.of(l.item().itemType()));
      m.put("description", l.description());
      m.put("quantity", l.quantity());
      m.put("orderLine", l.orderLine());
      m.put("itemReceive", true);
      lines.add(m);
    }
    r.setSublist("item", lines);
    return r;
  }

  private RecordData transactionHeader(RecordType type, long id, EntityFacts.Customer c, LocalDate tranDate,
                                       Instant created, Instant modified) {
    return new RecordData(type, id)
        .set("entity", new Ref("customer", layout.customerId(c.index())))
        .set("tranDate", tranDate)
        .set("postingPeriod", new Ref("accountingperiod", AccountingPeriods.idOf(tranDate)))
        .set("currency", new Ref("currency", c.currencyId()))
        .set("exchangeRate", exchangeRate(c.currencyId()))
        .set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID))
        .set("createdDate", created)
        .set("lastModifiedDate", modified);
  }

  private RecordData transactionHeader(RecordType type, int slot, EntityFacts.Customer c, LocalDate tranDate,
                                       Instant created, Instant modified) {
    return transactionHeader(type, layout.transactionId(slot, type), c, tranDate, created, modified);
  }

  private Map<String, Object> applyLine(int slot, SlotFacts.Plan p, BigDecimal amount) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("apply", true);
    line.put("amount", amount);
    line.put("doc", new Ref("invoice", layout.invoiceId(slot)));
    line.put("applyDate", p.shape().tranDate());
    line.put("refNum", "INV" + (1000 + slot));
    line.put("total", p.total());
    line.put("type", "Invoice");
    line.put("line", 0);
    return line;
  }

  static List<Map<String, Object>> itemLines(List<SlotFacts.Line> lines, boolean salesOrder) {
    List<Map<String, Object>> out = new ArrayList<>(lines.size());
    for (SlotFacts.Line l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("line", l.line());
      m.put("item", new Ref(l.item().restType(), l.item().id()));
      m.put("itemType", Choice.of(l.item().itemType()));
      m.put("description", l.description());
      m.put("quantity", l.quantity());
      m.put("rate", l.rate());
      m.put("amount", l.amount());
      if (salesOrder) {
        m.put("isClosed", false);
      }
      out.add(m);
    }
    return out;
  }

  static BigDecimal exchangeRate(long currencyId) {
    return Catalog.currency(currencyId).map(Catalog.Currency::exchangeRate).orElse(BigDecimal.ONE);
  }
}
