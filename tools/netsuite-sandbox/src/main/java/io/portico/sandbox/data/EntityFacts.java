package io.portico.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Derives the facts of generated customers, contacts and vendors from (seed, index). */
final class EntityFacts {

  /** How far back the oldest customer was created. */
  private static final int CUSTOMER_HISTORY_DAYS = 1100;

  record Customer(int index, String entityId, String companyName, String domain, String email, String phone,
                  Catalog.UsState state, String street, int parentIndex, long currencyId, long termsId,
                  Instant dateCreated, Instant lastModified, boolean inactive) {
  }

  record Contact(int index, int customerIndex, String firstName, String lastName, String email, String phone,
                 String title, Instant dateCreated, Instant lastModified) {
  }

  record Vendor(int index, String entityId, String companyName, String email, String phone, Instant dateCreated,
                Instant lastModified) {
  }

  /** Recently derived customers; every invoice, contact and reference reads its customer, often repeatedly. */
  private final FactCache<Customer> cache = new FactCache<>(16_384);
  private final long seed;
  private final int customers;
  private final LocalDate today;
  private final ZoneId zone;

  EntityFacts(long seed, int customers, LocalDate today, ZoneId zone) {
    this.seed = seed;
    this.customers = customers;
    this.today = today;
    this.zone = zone;
  }

  Customer customer(int i) {
    return cache.get(i, this::deriveCustomer);
  }

  private Customer deriveCustomer(int i) {
    long h = Hashing.hash(seed, Hashing.CUSTOMER, i);
    SplittableRandom r = Hashing.random(seed, Hashing.CUSTOMER, i);
    int parent = parentIndex(i);
    Catalog.UsState state = Catalog.STATES.get(i % Catalog.STATES.size());
    String companyName;
    String domain;
    if (parent >= 0) {
      Customer p = customer(parent);
      companyName = p.companyName() + " - " + state.city();
      domain = p.domain();
    } else {
      String[] name = companyName(i, h);
      companyName = name[0];
      domain = name[1];
    }
    String email = (r.nextBoolean() ? "ap@" : "billing@") + domain;
    long currency = Hashing.slice(h, 20, 100) < 6 ? 2 : 1;
    int termsRoll = Hashing.slice(h, 28, 100);
    long terms = termsRoll < 60 ? 2 : termsRoll < 75 ? 1 : termsRoll < 90 ? 3 : 4;
    int createdDaysAgo = CUSTOMER_HISTORY_DAYS - (int) ((long) CUSTOMER_HISTORY_DAYS * i / customers) + 30;
    Instant created = at(today.minusDays(createdDaysAgo), r);
    Instant modified = at(today.minusDays(1 + r.nextInt(createdDaysAgo)), r);
    boolean inactive = Hashing.slice(h, 36, 100) < 3;
    String street = (100 + r.nextInt(9800)) + " " + pick(Catalog.STREETS, r);
    return new Customer(i, "C" + (10000 + i), companyName, domain, email, phone(state, r), state, street, parent,
        currency, terms, created, modified, inactive);
  }

  Contact contact(int j) {
    int customerIndex = j / IdLayout.CONTACTS_PER_CUSTOMER;
    Customer c = customer(customerIndex);
    SplittableRandom r = Hashing.random(seed, Hashing.CONTACT, j);
    String first = pick(Catalog.FIRST_NAMES, r);
    String last = pick(Catalog.LAST_NAMES, r);
    String email = (first + "." + last).toLowerCase(Locale.ROOT) + "@" + c.domain();
    String title = j % IdLayout.CONTACTS_PER_CUSTOMER == 0 ? Catalog.CONTACT_TITLES.get(0)
        : Catalog.CONTACT_TITLES.get(1 + r.nextInt(Catalog.CONTACT_TITLES.size() - 1));
    Instant created = c.dateCreated().plusSeconds(3600L * (1 + r.nextInt(200)));
    long spanDays = Math.max(1, (at(today, r).getEpochSecond() - created.getEpochSecond()) / 86_400);
    Instant modified = created.plusSeconds(86_400L * r.nextLong(spanDays));
    return new Contact(j, customerIndex, first, last, email, phone(c.state(), r), title, created, modified);
  }

  Vendor vendor(int v) {
    SplittableRandom r = Hashing.random(seed, Hashing.VENDOR, v);
    String base = Catalog.VENDOR_NAMES.get(v % Catalog.VENDOR_NAMES.size());
    int round = v / Catalog.VENDOR_NAMES.size();
    String name = round == 0 ? base : base + " " + (round + 1);
    String email = "receivables@" + slug(name) + ".com";
    Instant created = at(today.minusDays(900 + r.nextInt(300)), r);
    Instant modified = at(today.minusDays(1 + r.nextInt(800)), r);
    return new Vendor(v, "V" + (500 + v), name, email, phone(Catalog.STATES.get(v % Catalog.STATES.size()), r),
        created, modified);
  }

  /** About one customer in seven is a sub-customer of an earlier top-level customer. */
  int parentIndex(int i) {
    int candidate = i;
    while (candidate >= 4) {
      long h = Hashing.hash(seed, Hashing.CUSTOMER, candidate);
      if (Hashing.slice(h, 8, 100) >= 15) {
        break;
      }
      candidate = Hashing.slice(h, 40, candidate);
    }
    return candidate == i ? -1 : candidate;
  }

  /** Company name and web domain; the first 1,200 names are unique, later ones get a number. */
  private static String[] companyName(int i, long h) {
    List<String> prefixes = Catalog.COMPANY_PREFIXES;
    List<String> nouns = Catalog.COMPANY_NOUNS;
    int combos = prefixes.size() * nouns.size();
    String prefix = prefixes.get(i % prefixes.size());
    String noun = nouns.get((i / prefixes.size() + i) % nouns.size());
    String round = i < combos ? "" : " " + (i / combos + 1);
    String suffix = Catalog.COMPANY_SUFFIXES.get(Hashing.slice(h, 48, Catalog.COMPANY_SUFFIXES.size()));
    return new String[] {prefix + " " + noun + round + " " + suffix, slug(prefix + noun + round) + ".com"};
  }

  private Instant at(LocalDate date, SplittableRandom r) {
    return date.atTime(8 + r.nextInt(10), r.nextInt(60), r.nextInt(60)).atZone(zone).toInstant();
  }

  private static String phone(Catalog.UsState state, SplittableRandom r) {
    int n = r.nextInt(10000);
    String digits = Integer.toString(10000 + n).substring(1);
    return "(" + state.areaCode() + ") 555-" + digits;
  }

  static String slug(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  static <T> T pick(List<T> list, SplittableRandom r) {
    return list.get(r.nextInt(list.size()));
  }
}
