package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives one generated invoice "slot" (the invoice plus its optional sales order, credit memo and payment) from
 * (seed, slot index). {@link #shape} is a cheap, hash-only answer to "which members exist", used when skipping through
 * millions of ids; {@link #plan} computes every amount and date.
 */
final class SlotFacts {

  /** Invoices span this many days before "today"; slot i is dated proportionally to i, so ids follow time. */
  static final int HISTORY_DAYS = 540;

  enum Settlement {
    OPEN, PARTIALLY_PAID, PAID, CREDITED_OPEN, CREDITED_PAID;

    boolean hasPayment() {
      return this == PARTIALLY_PAID || this == PAID || this == CREDITED_PAID;
    }

    boolean hasCreditMemo() {
      return this == CREDITED_OPEN || this == CREDITED_PAID;
    }
  }

  record Shape(int slot, int customerIndex, LocalDate tranDate, Settlement settlement, boolean hasSalesOrder,
               boolean salesOrderBilled, boolean hasAttachment) {

    boolean exists(RecordType type) {
      return switch (type) {
        case INVOICE -> true;
        case SALES_ORDER -> hasSalesOrder;
        case CREDIT_MEMO -> settlement.hasCreditMemo();
        case CUSTOMER_PAYMENT -> settlement.hasPayment();
        default -> false;
      };
    }
  }

  /**
   * When the slot's members were dated, created and last changed. Derived from the slot's own hash, separately from
   * amounts, so date-window scans can skip slots without building records.
   */
  record Timeline(Instant created, Instant lastModified, LocalDate paymentDate, Instant paymentCreated,
                  LocalDate creditDate, Instant creditCreated, LocalDate salesOrderDate, Instant salesOrderCreated,
                  Instant salesOrderLastModified, DateWindow documentDates, DateWindow activityDates) {
  }

  record Line(int line, Catalog.Item item, BigDecimal quantity, BigDecimal rate, BigDecimal amount, String description) {
  }

  record Plan(Shape shape, Timeline timeline, List<Line> lines, BigDecimal total, LocalDate dueDate, String memo,
              String otherRefNum, BigDecimal paymentAmount, String paymentMemo, String checkNumber,
              BigDecimal creditAmount, TransactionStatus salesOrderStatus, List<Line> salesOrderLines,
              BigDecimal salesOrderTotal) {
  }

  /**
   * One item fulfillment of the slot's sales order: shipped (or, in the last days, still picked or packed) on
   * {@code shipDate} with one tracking number per package ({@code trackingNumbers}, none while picked or for a
   * pickup), and the sales order lines it ships.
   */
  record Fulfillment(int index, LocalDate shipDate, Instant created, Instant lastModified, TransactionStatus status,
                     Catalog.ShipMethod shipMethod, List<String> trackingNumbers, List<ShippedLine> lines,
                     String memo, DateWindow documentDates, DateWindow activityDates) {
  }

  /** A fulfillment line: {@code quantity} of the sales order's line {@code orderLine}. */
  record ShippedLine(int line, int orderLine, Catalog.Item item, BigDecimal quantity, String description) {
  }

  /** Longest an item fulfillment follows the one before it (the first, its sales order). */
  static final int MAX_SHIPPING_GAP_DAYS = 5;

  /** Longest gap between an invoice's date and its payment. */
  static final int MAX_PAYMENT_DELAY_DAYS = 70;
  /** Longest a sales order precedes its invoice. */
  static final int MAX_ORDER_LEAD_DAYS = 10;

  private final long seed;
  private final int customers;
  private final int invoices;
  private final LocalDate today;
  private final ZoneId zone;
  private final EntityFacts entities;
  private final FactCache<Plan> plans = new FactCache<>(4096);
  private final FactCache<List<Fulfillment>> fulfillments = new FactCache<>(4096);

  SlotFacts(long seed, int customers, int invoices, LocalDate today, ZoneId zone, EntityFacts entities) {
    this.seed = seed;
    this.customers = customers;
    this.invoices = invoices;
    this.today = today;
    this.zone = zone;
    this.entities = entities;
  }

  Shape shape(int slot) {
    long h = Hashing.hash(seed, Hashing.SLOT, slot);
    long age = ageDays(slot, h);
    LocalDate tranDate = today.minusDays(age);
    boolean hasSalesOrder = hasSalesOrder(h);
    boolean billed = hasSalesOrder && Hashing.slice(h, 24, 100) < 75;
    boolean attachment = Hashing.slice(h, 32, 100) < 30;
    return new Shape(slot, slot % customers, tranDate, settlement(age, h), hasSalesOrder, billed, attachment);
  }

  /** {@code shape(slot).exists(type)} from the slot's hash alone: no dates, nothing cached. */
  boolean exists(int slot, RecordType type) {
    return switch (type) {
      case INVOICE -> true;
      case SALES_ORDER -> hasSalesOrder(Hashing.hash(seed, Hashing.SLOT, slot));
      case CREDIT_MEMO, CUSTOMER_PAYMENT -> {
        long h = Hashing.hash(seed, Hashing.SLOT, slot);
        Settlement settlement = settlement(ageDays(slot, h), h);
        yield type == RecordType.CREDIT_MEMO ? settlement.hasCreditMemo() : settlement.hasPayment();
      }
      default -> false;
    };
  }

  /**
   * Days between the slot's invoice date and today: slot i is dated proportionally to i within the history, jittered
   * by up to 3 days, and never later than yesterday.
   */
  private long ageDays(int slot, long h) {
    long dayOffset = (long) HISTORY_DAYS * slot / Math.max(1, invoices);
    return Math.max(1, HISTORY_DAYS - dayOffset - Hashing.slice(h, 0, 4));
  }

  private static boolean hasSalesOrder(long h) {
    return Hashing.slice(h, 16, 100) < 35;
  }

  private static Settlement settlement(long age, long h) {
    return settlement(age, Hashing.slice(h, 8, 100));
  }

  /** Older invoices are mostly settled; recent ones mostly open, so every aging bucket has open invoices. */
  private static Settlement settlement(long age, int roll) {
    int open;
    int partial;
    if (age <= 30) {
      open = 70;
      partial = 10;
    } else if (age <= 90) {
      open = 35;
      partial = 12;
    } else if (age <= 180) {
      open = 15;
      partial = 10;
    } else {
      open = 6;
      partial = 4;
    }
    if (roll < open) {
      return Settlement.OPEN;
    }
    if (roll < open + partial) {
      return Settlement.PARTIALLY_PAID;
    }
    if (roll < open + partial + 3) {
      return Settlement.CREDITED_OPEN;
    }
    if (roll < open + partial + 6) {
      return Settlement.CREDITED_PAID;
    }
    return Settlement.PAID;
  }

  Timeline timeline(int slot) {
    Shape shape = shape(slot);
    SplittableRandom r = Hashing.random(seed, Hashing.SLOT_TIMELINE, slot);
    LocalDate tranDate = shape.tranDate();
    Instant created = at(tranDate, 8, r);
    LocalDate creditDate = null;
    Instant creditCreated = null;
    if (shape.settlement().hasCreditMemo()) {
      creditDate = tranDate.plusDays(daysUntil(tranDate, 16, r));
      creditCreated = at(creditDate, 9, r);
    }
    LocalDate paymentDate = null;
    Instant paymentCreated = null;
    if (shape.settlement().hasPayment()) {
      paymentDate = tranDate.plusDays(daysUntil(tranDate, MAX_PAYMENT_DELAY_DAYS, r));
      paymentCreated = at(paymentDate, 10, r);
    }
    Instant lastModified = latest(created.plusSeconds(60 + r.nextInt(3600)), paymentCreated, creditCreated);
    LocalDate soDate = null;
    Instant soCreated = null;
    Instant soModified = null;
    if (shape.hasSalesOrder()) {
      soDate = tranDate.minusDays(1 + r.nextInt(MAX_ORDER_LEAD_DAYS));
      soCreated = at(soDate, 8, r);
      soModified = shape.salesOrderBilled() ? created : soCreated.plusSeconds(3600L * (1 + r.nextInt(48)));
    }
    LocalDate firstDocument = soDate != null ? soDate : tranDate;
    LocalDate lastDocument = tranDate.plusDays(Catalog.MAX_TERM_DAYS);
    for (LocalDate d : new LocalDate[] {paymentDate, creditDate}) {
      lastDocument = d != null && d.isAfter(lastDocument) ? d : lastDocument;
    }
    Instant firstActivity = soCreated != null ? soCreated : created;
    Instant lastActivity = soModified != null && soModified.isAfter(lastModified) ? soModified : lastModified;
    return new Timeline(created, lastModified, paymentDate, paymentCreated, creditDate, creditCreated, soDate,
        soCreated, soModified, new DateWindow(firstDocument, lastDocument),
        new DateWindow(LocalDate.ofInstant(firstActivity, zone), LocalDate.ofInstant(lastActivity, zone)));
  }

  Plan plan(int slot) {
    return plans.get(slot, this::derivePlan);
  }

  private Plan derivePlan(int slot) {
    Shape shape = shape(slot);
    Timeline timeline = timeline(slot);
    SplittableRandom r = Hashing.random(seed, Hashing.SLOT_DETAIL, slot);
    EntityFacts.Customer customer = entities.customer(shape.customerIndex());
    List<Line> lines = lines(r);
    BigDecimal total = sum(lines);
    int termDays = Catalog.term(customer.termsId()).orElseThrow().days();
    LocalDate dueDate = shape.tranDate().plusDays(termDays);
    String memo = r.nextInt(100) < 30 ? pick(r, "Monthly services", "Q" + (1 + r.nextInt(4)) + " order",
        "Replacement parts", "Per contract", "Renewal") : null;
    String otherRefNum = r.nextInt(100) < 60 ? "PO-" + (40000 + r.nextInt(60000)) : null;

    BigDecimal creditAmount = null;
    if (shape.settlement().hasCreditMemo()) {
      creditAmount = money(total.multiply(BigDecimal.valueOf(10 + r.nextInt(21))).movePointLeft(2));
    }
    BigDecimal paymentAmount = null;
    String paymentMemo = null;
    String checkNumber = null;
    if (shape.settlement().hasPayment()) {
      BigDecimal due = creditAmount == null ? total : total.subtract(creditAmount);
      paymentAmount = shape.settlement() == Settlement.PARTIALLY_PAID
          ? money(due.multiply(BigDecimal.valueOf(20 + r.nextInt(61))).movePointLeft(2)) : due;
      int method = r.nextInt(3);
      if (method == 0) {
        checkNumber = String.valueOf(1000 + r.nextInt(9000));
        paymentMemo = "Check #" + checkNumber;
      } else {
        paymentMemo = method == 1 ? "ACH payment" : "Wire transfer";
      }
    }
    TransactionStatus soStatus = null;
    List<Line> soLines = null;
    BigDecimal soTotal = null;
    if (shape.hasSalesOrder()) {
      soLines = shape.salesOrderBilled() ? lines : lines(r);
      soTotal = sum(soLines);
      soStatus = shape.salesOrderBilled() ? TransactionStatus.SALES_ORDER_BILLED : openOrderStatus(r.nextInt(100));
    }
    return new Plan(shape, timeline, lines, total, dueDate, memo, otherRefNum, paymentAmount, paymentMemo,
        checkNumber, creditAmount, soStatus, soLines, soTotal);
  }

  /**
   * The item fulfillments of the slot's sales order, oldest first: none before it is approved and fulfilled, or when
   * it sells only services; every inventory unit in one to three fulfillments once it is pending billing or billed;
   * some of them when it is partially fulfilled, and for half of the closed orders. Drawn from a stream of their own.
   */
  List<Fulfillment> fulfillments(int slot) {
    return fulfillments.get(slot, this::deriveFulfillments);
  }

  private List<Fulfillment> deriveFulfillments(int slot) {
    Shape shape = shape(slot);
    if (!shape.hasSalesOrder()) {
      return List.of();
    }
    List<Line> shippable = salesOrderLines(slot).stream()
        .filter(l -> l.item().itemType().equals("InvtPart")).toList();
    int mostUnits = shippable.stream().mapToInt(l -> l.quantity().intValue()).max().orElse(0);
    SplittableRandom r = Hashing.random(seed, Hashing.SLOT_FULFILLMENTS, slot);
    TransactionStatus orderStatus = shape.salesOrderBilled() ? TransactionStatus.SALES_ORDER_BILLED
        : plan(slot).salesOrderStatus();
    // Shipping in `planned` parts, of which `made` exist; each part ships at least one unit of the largest line.
    int planned;
    int made;
    switch (orderStatus) {
      case SALES_ORDER_PENDING_BILLING, SALES_ORDER_BILLED -> {
        planned = mostUnits == 0 ? 0 : 1 + r.nextInt(Math.min(IdLayout.FULFILLMENTS_PER_SLOT, mostUnits));
        made = planned;
      }
      case SALES_ORDER_PARTIALLY_FULFILLED, SALES_ORDER_CLOSED -> {
        boolean shipped = orderStatus == TransactionStatus.SALES_ORDER_PARTIALLY_FULFILLED || r.nextBoolean();
        planned = !shipped || mostUnits < 2 ? 0
            : 2 + r.nextInt(Math.min(IdLayout.FULFILLMENTS_PER_SLOT, mostUnits) - 1);
        made = planned == 0 ? 0 : 1 + r.nextInt(planned - 1);
      }
      default -> {
        planned = 0;
        made = 0;
      }
    }
    if (made == 0) {
      return List.of();
    }
    Catalog.ShipMethod method = shipMethod(r.nextInt(100));
    LocalDate yesterday = today.minusDays(1);
    LocalDate date = timeline(slot).salesOrderDate();
    List<Fulfillment> out = new ArrayList<>(made);
    for (int k = 0; k < made; k++) {
      date = date.plusDays(r.nextInt(MAX_SHIPPING_GAP_DAYS + 1));
      date = date.isAfter(yesterday) ? yesterday : date;
      Instant created = at(date, 8, r);
      Instant lastModified = created.plusSeconds(60 + r.nextInt(4 * 3600));
      TransactionStatus status = date.isBefore(today.minusDays(2)) ? TransactionStatus.ITEM_FULFILLMENT_SHIPPED
          : pick(r, TransactionStatus.ITEM_FULFILLMENT_PICKED, TransactionStatus.ITEM_FULFILLMENT_PACKED,
              TransactionStatus.ITEM_FULFILLMENT_SHIPPED);
      List<ShippedLine> lines = new ArrayList<>();
      for (Line l : shippable) {
        int units = l.quantity().intValue();
        int part = units * (k + 1) / planned - units * k / planned;
        if (part > 0) {
          lines.add(new ShippedLine(lines.size() + 1, l.line(), l.item(), BigDecimal.valueOf(part),
              l.description()));
        }
      }
      List<String> tracking = new ArrayList<>();
      if (status != TransactionStatus.ITEM_FULFILLMENT_PICKED) {
        int packages = method.carrier() == Catalog.Carrier.FREIGHT ? 1 : 1 + r.nextInt(3);
        for (int p = 0; p < packages && method.carrier() != Catalog.Carrier.PICKUP; p++) {
          tracking.add(trackingNumber(method.carrier(), r));
        }
      }
      String memo = r.nextInt(100) < 20 ? pick(r, "Ship complete", "Deliver to loading dock", "Call before delivery",
          "Backordered items to follow") : null;
      out.add(new Fulfillment(k, date, created, lastModified, status, method, List.copyOf(tracking),
          List.copyOf(lines), memo, new DateWindow(date, date),
          new DateWindow(LocalDate.ofInstant(created, zone), LocalDate.ofInstant(lastModified, zone))));
    }
    return List.copyOf(out);
  }

  /** UPS and FedEx carry most orders; a few go by courier, freight or are picked up. */
  private static Catalog.ShipMethod shipMethod(int roll) {
    int[] upTo = {22, 30, 45, 55, 70, 80, 88, 95, 100};
    for (int i = 0; i < upTo.length; i++) {
      if (roll < upTo[i]) {
        return Catalog.SHIP_METHODS.get(i);
      }
    }
    throw new IllegalArgumentException("roll " + roll);
  }

  private static String trackingNumber(Catalog.Carrier carrier, SplittableRandom r) {
    return switch (carrier) {
      case UPS -> "1Z" + alphanumeric(r, 6) + "03" + digits(r, 8);
      case FEDEX -> digits(r, 12);
      case USPS -> "9405" + digits(r, 18);
      case DHL -> digits(r, 10);
      case COURIER -> "MC-" + digits(r, 7);
      case FREIGHT -> "PRO " + digits(r, 9);
      case PICKUP -> throw new IllegalArgumentException("a pickup has no tracking number");
    };
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String alphanumeric(SplittableRandom r, int n) {
    String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** A delay of 1..max days after {@code from}, never beyond yesterday (generated history ends before today). */
  private int daysUntil(LocalDate from, int max, SplittableRandom r) {
    long room = Math.min(max, ChronoUnit.DAYS.between(from, today.minusDays(1)));
    return room <= 0 ? 0 : 1 + r.nextInt((int) room);
  }

  private static TransactionStatus openOrderStatus(int roll) {
    if (roll < 5) {
      return TransactionStatus.SALES_ORDER_PENDING_APPROVAL;
    }
    if (roll < 45) {
      return TransactionStatus.SALES_ORDER_PENDING_FULFILLMENT;
    }
    if (roll < 60) {
      return TransactionStatus.SALES_ORDER_PARTIALLY_FULFILLED;
    }
    if (roll < 90) {
      return TransactionStatus.SALES_ORDER_PENDING_BILLING;
    }
    return TransactionStatus.SALES_ORDER_CLOSED;
  }

  /**
   * Item lines the generated member of {@code slot} of this type has (the member must exist), without building it:
   * an invoice's count is the first draw of the slot's detail stream; a billed sales order repeats the invoice's
   * lines, an open one draws its own (so the plan is needed); a credit memo has one line, a payment none.
   */
  int itemLineCount(int slot, RecordType type) {
    return switch (type) {
      case INVOICE -> lineCount(Hashing.random(seed, Hashing.SLOT_DETAIL, slot));
      case SALES_ORDER -> shape(slot).salesOrderBilled()
          ? lineCount(Hashing.random(seed, Hashing.SLOT_DETAIL, slot)) : plan(slot).salesOrderLines().size();
      case CREDIT_MEMO -> 1;
      default -> 0;
    };
  }

  /** The invoice's item lines (what {@link #plan} computes first), without the rest of the plan. */
  List<Line> invoiceLines(int slot) {
    return lines(Hashing.random(seed, Hashing.SLOT_DETAIL, slot));
  }

  /** A sales order's item lines: the invoice's once billed, its own otherwise. */
  List<Line> salesOrderLines(int slot) {
    return shape(slot).salesOrderBilled() ? invoiceLines(slot) : plan(slot).salesOrderLines();
  }

  private static int lineCount(SplittableRandom r) {
    return 1 + r.nextInt(4);
  }

  private static List<Line> lines(SplittableRandom r) {
    int count = lineCount(r);
    List<Line> lines = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      Catalog.Item item = Catalog.ITEMS.get(r.nextInt(Catalog.ITEMS.size()));
      int maxQuantity = switch (item.itemType()) {
        case "Service" -> item.itemId().startsWith("SUB") ? 12 : 10;
        case "InvtPart" -> item.itemId().startsWith("SUP") ? 50 : 20;
        default -> 3;
      };
      BigDecimal quantity = BigDecimal.valueOf(1 + r.nextInt(maxQuantity));
      BigDecimal rate = r.nextInt(100) < 20
          ? money(item.basePrice().multiply(BigDecimal.valueOf(90 + r.nextInt(10))).movePointLeft(2))
          : item.basePrice();
      lines.add(new Line(n, item, quantity, rate, money(quantity.multiply(rate)), item.displayName()));
    }
    return lines;
  }

  private static BigDecimal sum(List<Line> lines) {
    return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  private Instant at(LocalDate date, int fromHour, SplittableRandom r) {
    return date.atTime(fromHour + r.nextInt(8), r.nextInt(60), r.nextInt(60)).atZone(zone).toInstant();
  }

  private static Instant latest(Instant first, Instant... others) {
    Instant latest = first;
    for (Instant i : others) {
      if (i != null && i.isAfter(latest)) {
        latest = i;
      }
    }
    return latest;
  }



  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
