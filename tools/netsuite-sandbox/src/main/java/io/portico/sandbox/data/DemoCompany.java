package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generated part of the account: every record is derived on demand from (seed, type, index), so a company with a
 * million invoices costs no heap. Mutations live in the {@link Store}'s overlay, never here.
 */
public final class DemoCompany {

  public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 1, 15);
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Los_Angeles");

  /** How many days after its invoice date a slot's latest date (due date, payment) can lie. */
  private static final int SLOT_DATE_SPAN_AFTER = Math.max(Catalog.MAX_TERM_DAYS, SlotFacts.MAX_PAYMENT_DELAY_DAYS) + 1;

  /** One payment or credit memo applied to an invoice. */
  public record Application(RecordType docType, long docId, BigDecimal amount) {
  }

  private final LocalDate today;
  private final ZoneId zone;
  private final IdLayout layout;
  private final EntityFacts entities;
  private final SlotFacts slots;
  private final RecordFactory factory;
  private final SlotCounts counts;
  // Recently generated records, shared read-only (see Store#findStored): a SuiteQL row reads its transaction's or
  // customer's fields several times, and joins and display names (BUILTIN.DF) read the same records again.
  private final FactCache<RecordData> generatedTransactions = new FactCache<>(1024);
  private final FactCache<RecordData> generatedEntities = new FactCache<>(2048);

  public DemoCompany(long seed, int customers, int invoicesPerCustomer, LocalDate today, ZoneId zone) {
    long invoices = (long) customers * invoicesPerCustomer;
    int idsPerSlot = IdLayout.SLOT_SIZE + IdLayout.FULFILLMENTS_PER_SLOT;
    if (invoices * idsPerSlot > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("At most " + Integer.MAX_VALUE / idsPerSlot + " invoices");
    }
    this.today = today;
    this.zone = zone;
    this.layout = new IdLayout(customers, (int) invoices, Math.max(3, customers / 20));
    this.entities = new EntityFacts(seed, customers, today, zone);
    this.slots = new SlotFacts(seed, customers, (int) invoices, today, zone, entities);
    this.factory = new RecordFactory(layout, entities, slots, today);
    this.counts = new SlotCounts(slots, (int) invoices);
  }

  public LocalDate today() {
    return today;
  }

  public ZoneId zone() {
    return zone;
  }

  public IdLayout layout() {
    return layout;
  }

  /** Whether the generator created a record with this id (ignoring later mutations). Cheap: no record is built. */
  public boolean generates(RecordType type, long id) {
    if (!type.isTransaction()) {
      return layout.entityIndex(type, id) >= 0;
    }
    int slot = layout.slotOf(id);
    if (slot < 0 || layout.slotType(id) != type) {
      return false;
    }
    return type == RecordType.ITEM_FULFILLMENT ? layout.fulfillmentIndex(id) < slots.fulfillments(slot).size()
        : slots.exists(slot, type);
  }

  /**
   * The record as generated, if the generator created it. The instance is cached and shared: callers must not change
   * it (copy it first).
   */
  public Optional<RecordData> generated(RecordType type, long id) {
    if (!generates(type, id)) {
      return Optional.empty();
    }
    if (type.isTransaction()) {
      int key = (int) (id - layout.firstTransactionId());
      return Optional.of(generatedTransactions.get(key, k -> type == RecordType.ITEM_FULFILLMENT
          ? factory.fulfillment(layout.slotOf(id), layout.fulfillmentIndex(id))
          : factory.slotMember(layout.slotOf(id), type)));
    }
    int key = (int) (id - layout.firstEntityId(RecordType.CUSTOMER));
    return Optional.of(generatedEntities.get(key, k -> switch (type) {
      case CUSTOMER -> factory.customer(layout.entityIndex(type, id));
      case CONTACT -> factory.contact(layout.entityIndex(type, id));
      default -> factory.vendor(layout.entityIndex(type, id));
    }));
  }

  /**
   * One field of the generated transaction with this id (which the generator must have created), without building the
   * record when the field is cheap to derive: {@link #UNKNOWN} when it is not (then read {@link #generated}). Used by
   * SuiteQL, which reads a few fields of very many transactions.
   */
  public Object generatedField(RecordType type, long id, String field) {
    int slot = layout.slotOf(id);
    return slot < 0 || type == RecordType.ITEM_FULFILLMENT ? UNKNOWN : factory.slotField(slot, type, field);
  }

  /** Marks a field {@link #generatedField} does not derive on its own. */
  public static final Object UNKNOWN = RecordFactory.UNKNOWN;

  /** The item lines of the generated transaction with this id (which the generator must have created). */
  public List<ItemLine> generatedItemLines(RecordType type, long id) {
    return switch (type) {
      case INVOICE, SALES_ORDER -> factory.slotItemLines(layout.slotOf(id), type);
      case CREDIT_MEMO, ITEM_FULFILLMENT -> generated(type, id)
          .map(r -> r.sublist("item").stream().map(ItemLine::of).toList())
          .orElse(List.of());
      default -> List.of(); // payments have no item sublist
    };
  }

  /**
   * Generated transactions of {@code type} with ids in [fromId, toId], or with {@code lines} their item lines, by
   * arithmetic over the slot layout and cached block sums: no record is built.
   */
  public long generatedTransactionCount(long fromId, long toId, RecordType type, boolean lines) {
    if (type == RecordType.ITEM_FULFILLMENT) {
      return generatedFulfillmentCount(fromId, toId, lines);
    }
    if (type == RecordType.CUSTOMER_REFUND) {
      return 0; // never generated: only made through the API
    }
    long offset = layout.firstTransactionId() + IdLayout.slotPosition(type);
    long first = Math.max(0, Math.floorDiv(fromId - offset + IdLayout.SLOT_SIZE - 1, IdLayout.SLOT_SIZE));
    long last = Math.min(layout.invoices() - 1L, Math.floorDiv(toId - offset, IdLayout.SLOT_SIZE));
    return first > last ? 0 : counts.sum((int) first, (int) last + 1, IdLayout.slotPosition(type), lines);
  }

  /** {@link #generatedTransactionCount} of item fulfillments: whole slots by block sums, the ends one by one. */
  private long generatedFulfillmentCount(long fromId, long toId, boolean lines) {
    long lo = Math.max(fromId, layout.firstFulfillmentId());
    long hi = Math.min(toId, layout.firstFreeTransactionId() - 1);
    if (lo > hi) {
      return 0;
    }
    int firstSlot = layout.slotOf(lo);
    int lastSlot = layout.slotOf(hi);
    if (firstSlot == lastSlot) {
      return fulfillmentsWithin(firstSlot, layout.fulfillmentIndex(lo), layout.fulfillmentIndex(hi), lines);
    }
    return fulfillmentsWithin(firstSlot, layout.fulfillmentIndex(lo), IdLayout.FULFILLMENTS_PER_SLOT - 1, lines)
        + counts.sum(firstSlot + 1, lastSlot, SlotCounts.FULFILLMENTS, lines)
        + fulfillmentsWithin(lastSlot, 0, layout.fulfillmentIndex(hi), lines);
  }

  private long fulfillmentsWithin(int slot, int fromIndex, int toIndex, boolean lines) {
    List<SlotFacts.Fulfillment> made = slots.fulfillments(slot);
    long n = 0;
    for (int k = fromIndex; k <= toIndex && k < made.size(); k++) {
      n += lines ? made.get(k).lines().size() : 1;
    }
    return n;
  }

  /** Item lines of the generated transaction with this id; 0 if the generator did not create it. */
  public int generatedItemLines(long id) {
    int slot = layout.slotOf(id);
    if (slot < 0) {
      return 0;
    }
    RecordType type = layout.slotType(id);
    if (!generates(type, id)) {
      return 0;
    }
    return type == RecordType.ITEM_FULFILLMENT
        ? slots.fulfillments(slot).get(layout.fulfillmentIndex(id)).lines().size() : slots.itemLineCount(slot, type);
  }

  /**
   * Lowest slot whose transactions can carry a date (transaction, due, created or modified date) on or after
   * {@code day}; {@code invoices} if none. Every date of slot i, its item fulfillments' included, lies within
   * [tranDate(i) - 10 days, tranDate(i) + 70 days] and tranDate grows with i, so earlier slots can be skipped by
   * arithmetic.
   */
  public int firstSlotWithDatesFrom(LocalDate day) {
    long daysIn = ChronoUnit.DAYS.between(historyStart(), day) - SLOT_DATE_SPAN_AFTER - 4;
    long slot = daysIn <= 0 ? 0 : Math.max(0, daysIn * layout.invoices() / SlotFacts.HISTORY_DAYS - 1);
    return (int) Math.min(slot, layout.invoices());
  }

  /** Highest slot whose transactions can carry a date on or before {@code day}; -1 if none. See above. */
  public int lastSlotWithDatesUntil(LocalDate day) {
    long daysIn = ChronoUnit.DAYS.between(historyStart(), day) + SlotFacts.MAX_ORDER_LEAD_DAYS + 1;
    if (daysIn < 0) {
      return -1;
    }
    return (int) Math.min(layout.invoices() - 1L, (daysIn + 1) * layout.invoices() / SlotFacts.HISTORY_DAYS + 1);
  }

  /**
   * Whether the generated transaction with this id (for a slot member: any member of its slot) can carry an activity
   * date (created, last modified) or, with {@code activity} false, a document date (transaction, due date) within the
   * window.
   */
  public boolean slotMayHaveDatesWithin(long transactionId, DateWindow window, boolean activity) {
    int slot = layout.slotOf(transactionId);
    if (slot < 0) {
      return true;
    }
    if (layout.slotType(transactionId) == RecordType.ITEM_FULFILLMENT) {
      List<SlotFacts.Fulfillment> made = slots.fulfillments(slot);
      int k = layout.fulfillmentIndex(transactionId);
      return k >= made.size()
          || (activity ? made.get(k).activityDates() : made.get(k).documentDates()).overlaps(window);
    }
    SlotFacts.Timeline t = slots.timeline(slot);
    return (activity ? t.activityDates() : t.documentDates()).overlaps(window);
  }

  private LocalDate historyStart() {
    return today.minusDays(SlotFacts.HISTORY_DAYS);
  }

  /** Payments and credit memos the generator applied to this invoice. */
  public List<Application> generatedApplications(long invoiceId) {
    int slot = layout.slotOf(invoiceId);
    if (slot < 0 || layout.slotType(invoiceId) != RecordType.INVOICE) {
      return List.of();
    }
    SlotFacts.Shape shape = slots.shape(slot);
    if (!shape.settlement().hasPayment() && !shape.settlement().hasCreditMemo()) {
      return List.of();
    }
    SlotFacts.Plan plan = slots.plan(slot);
    List<Application> out = new ArrayList<>(2);
    if (plan.creditAmount() != null) {
      out.add(new Application(RecordType.CREDIT_MEMO, layout.transactionId(slot, RecordType.CREDIT_MEMO),
          plan.creditAmount()));
    }
    if (plan.paymentAmount() != null) {
      out.add(new Application(RecordType.CUSTOMER_PAYMENT,
          layout.transactionId(slot, RecordType.CUSTOMER_PAYMENT), plan.paymentAmount()));
    }
    return out;
  }

  /** Ids of the invoices generated for a customer: invoice slot i belongs to customer i % customers. */
  public List<Long> generatedInvoiceIdsOf(long customerId) {
    int c = layout.entityIndex(RecordType.CUSTOMER, customerId);
    List<Long> ids = new ArrayList<>();
    if (c < 0) {
      return ids;
    }
    for (long slot = c; slot < layout.invoices(); slot += layout.customers()) {
      ids.add(layout.invoiceId((int) slot));
    }
    return ids;
  }

  /** Ids of the contacts generated for a customer. */
  public List<Long> generatedContactIdsOf(long customerId) {
    int c = layout.entityIndex(RecordType.CUSTOMER, customerId);
    List<Long> ids = new ArrayList<>();
    for (int k = 0; c >= 0 && k < IdLayout.CONTACTS_PER_CUSTOMER; k++) {
      ids.add(layout.contactId(c * IdLayout.CONTACTS_PER_CUSTOMER + k));
    }
    return ids;
  }

  /** The PDF attached to a generated invoice, if it has one. */
  public Optional<FileAttachment> attachment(long fileId) {
    int slot = layout.slotOfFile(fileId);
    if (slot < 0 || !slots.shape(slot).hasAttachment()) {
      return Optional.empty();
    }
    SlotFacts.Plan plan = slots.plan(slot);
    String tranId = "INV" + (1000 + slot);
    int size = pdf(slot, plan).length;
    return Optional.of(new FileAttachment(fileId, tranId + ".pdf", "PDF", size, 12, "Invoices",
        "Invoice " + tranId, plan.timeline().created().plusSeconds(60), plan.timeline().created().plusSeconds(60),
        layout.invoiceId(slot),
        RecordType.INVOICE));
  }

  public Optional<byte[]> attachmentContent(long fileId) {
    int slot = layout.slotOfFile(fileId);
    if (slot < 0 || !slots.shape(slot).hasAttachment()) {
      return Optional.empty();
    }
    return Optional.of(pdf(slot, slots.plan(slot)));
  }

  /** File id of the attachment of a generated invoice, or -1. */
  public long attachmentIdOf(long transactionId) {
    int slot = layout.slotOf(transactionId);
    if (slot < 0 || layout.slotType(transactionId) != RecordType.INVOICE || !slots.shape(slot).hasAttachment()) {
      return -1;
    }
    return layout.fileId(slot);
  }

  private byte[] pdf(int slot, SlotFacts.Plan plan) {
    EntityFacts.Customer c = entities.customer(plan.shape().customerIndex());
    List<String> lines = new ArrayList<>();
    lines.add(Catalog.SUBSIDIARY_NAME + " - Invoice INV" + (1000 + slot));
    lines.add("Bill to: " + c.companyName() + ", " + c.state().city() + " " + c.state().code());
    lines.add("Date: " + plan.shape().tranDate() + "   Due: " + plan.dueDate());
    for (SlotFacts.Line l : plan.lines()) {
      lines.add(l.quantity() + " x " + l.description() + " @ " + l.rate() + " = " + l.amount());
    }
    lines.add("Total: " + plan.total() + " " + Catalog.currency(c.currencyId()).orElseThrow().symbol());
    return PdfFactory.textPage(lines);
  }
}
