package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * The account's current data: generated records with the overlay of mutations on top. Reads return resolved copies
 * (derived fields such as an invoice's amount remaining filled in from current payments); writes are serialized.
 */
public final class Store {

  /** Result of a {@code PUT .../eid:} upsert. */
  public record UpsertResult(long id, boolean created) {
  }

  private final DemoCompany company;
  private final IdLayout layout;
  private final Overlay overlay;
  private final SandboxClock clock;
  private final RecordWriter writer;
  private final CustomRecords customRecords;
  private final Object writeLock = new Object();
  /** The last closed posting period's id; 0 while every period is open. */
  private volatile long closedThroughPeriod;
  // Customer balances sum up to hundreds of invoices; cached until the next write.
  private final Map<Long, BigDecimal> balanceCache = new ConcurrentHashMap<>();

  public Store(DemoCompany company) {
    this.company = company;
    this.layout = company.layout();
    this.overlay = new Overlay(layout);
    this.clock = new SandboxClock(company.today(), company.zone());
    this.writer = new RecordWriter(this, overlay, clock);
    this.customRecords = new CustomRecords(clock);
  }

  public DemoCompany company() {
    return company;
  }

  public LocalDate today() {
    return company.today();
  }

  public SandboxClock clock() {
    return clock;
  }

  /** The partners' custom record types, empty until the control API defines one. */
  public CustomRecords customRecords() {
    return customRecords;
  }

  public int customerCount() {
    return layout.customers();
  }

  public long customerId(int index) {
    checkIndex(index, layout.customers());
    return layout.customerId(index);
  }

  public int invoiceCount() {
    return layout.invoices();
  }

  public long invoiceId(int index) {
    checkIndex(index, layout.invoices());
    return layout.invoiceId(index);
  }

  // ---------------------------------------------------------------- reads

  /** The current record, with derived fields, or empty if it never existed or was deleted. */
  public Optional<RecordData> find(RecordType type, long id) {
    return base(type, id).map(this::resolve);
  }

  /**
   * The record as stored or generated, without derived fields (see {@link #isDerived}); cheaper than
   * {@link #find}. The instance may be shared: callers must not change it.
   */
  public Optional<RecordData> findStored(RecordType type, long id) {
    return base(type, id);
  }

  /**
   * Whether the record is the generator's, unchanged: then {@link #findStored} is {@link DemoCompany#generated} and
   * single fields can be read through {@link DemoCompany#generatedField} without building it.
   */
  public boolean isGeneratedUnchanged(RecordType type, long id) {
    return !overlay.isDeleted(type, id) && !overlay.isChanged(type, id) && company.generates(type, id);
  }

  /** Fields whose value {@link #find} computes from other records: amounts due, statuses, balances. */
  public static boolean isDerived(RecordType type, String field) {
    return switch (type) {
      case INVOICE -> field.equals("amountPaid") || field.equals("amountRemaining")
          || field.equals("amountRemainingTotalBox") || field.equals("status");
      case CUSTOMER -> field.equals("balance");
      default -> false;
    };
  }

  public boolean exists(RecordType type, long id) {
    if (overlay.isDeleted(type, id)) {
      return false;
    }
    return overlay.changed(type, id).isPresent() || (!overlay.isChanged(type, id) && company.generates(type, id));
  }

  /** The type of the existing transaction with this id. */
  public Optional<RecordType> transactionType(long id) {
    RecordType generatedType = layout.slotOf(id) >= 0 ? layout.slotType(id) : null;
    if (generatedType != null && exists(generatedType, id)) {
      return Optional.of(generatedType);
    }
    RecordType created = overlay.created(true).get(id);
    return created != null && exists(created, id) ? Optional.of(created) : Optional.empty();
  }

  /** The type a transaction id has or would have, without checking that it exists; null outside all ranges. */
  public RecordType typeOfTransactionId(long id) {
    return layout.slotOf(id) >= 0 ? layout.slotType(id) : overlay.created(true).get(id);
  }

  /** The type of the existing entity (customer, contact, vendor) with this id. */
  public Optional<RecordType> entityType(long id) {
    for (RecordType t : List.of(RecordType.CUSTOMER, RecordType.CONTACT, RecordType.VENDOR)) {
      if (layout.entityIndex(t, id) >= 0) {
        return exists(t, id) ? Optional.of(t) : Optional.empty();
      }
    }
    RecordType created = overlay.created(false).get(id);
    return created != null && exists(created, id) ? Optional.of(created) : Optional.empty();
  }

  /** Existing ids of one type from {@code fromInclusive} upwards. */
  public IdCursor ids(RecordType type, long fromInclusive) {
    return type.isTransaction() ? transactionIds(fromInclusive, Set.of(type)) : entityIds(type, fromInclusive);
  }

  /** Existing transaction ids of the given types from {@code fromInclusive} upwards, generated ones first. */
  public IdCursor transactionIds(long fromInclusive, Set<RecordType> types) {
    long start = Math.max(fromInclusive, layout.firstTransactionId());
    long generatedEnd = layout.firstFreeTransactionId();
    boolean invoicesOnly = types.equals(Set.of(RecordType.INVOICE));
    // Either range of generated ids (slots, item fulfillments) is skipped at once when it holds none of the types.
    long slotsEnd = types.equals(Set.of(RecordType.ITEM_FULFILLMENT)) ? layout.firstTransactionId()
        : layout.firstFulfillmentId();
    long fulfillmentsEnd = types.contains(RecordType.ITEM_FULFILLMENT) ? generatedEnd : layout.firstFulfillmentId();
    IdCursor created = createdIds(true, fromInclusive, types);
    return new IdCursor() {
      long next = start;

      @Override
      public long nextId() {
        while (next < generatedEnd) {
          if (next >= slotsEnd && next < layout.firstFulfillmentId()) {
            next = layout.firstFulfillmentId();
          }
          if (next >= fulfillmentsEnd) {
            next = generatedEnd;
            break;
          }
          long id = next++;
          RecordType t = layout.slotType(id);
          if (!types.contains(t) || overlay.isDeleted(t, id)) {
            continue;
          }
          if (invoicesOnly || overlay.isChanged(t, id) || company.generates(t, id)) {
            return id;
          }
        }
        return created.nextId();
      }
    };
  }

  /** Whether {@link #transactionIds} yields this id for these types. */
  public boolean listsTransaction(long id, Set<RecordType> types) {
    if (id >= layout.firstTransactionId() && id < layout.firstFreeTransactionId()) {
      RecordType t = layout.slotType(id);
      return types.contains(t) && !overlay.isDeleted(t, id) && (overlay.isChanged(t, id) || company.generates(t, id));
    }
    RecordType t = overlay.created(true).get(id);
    return t != null && types.contains(t) && !overlay.isDeleted(t, id);
  }

  /**
   * Counts over the transaction ids {@link #transactionIds} yields within [from, to] for these types, without building
   * generated records: {ids, ids with a record, item lines of those records} (the lines only if {@code lines}; an id
   * allocated by a create that then failed is yielded but has no record). Generated slots are counted by arithmetic
   * and cached block sums, then corrected for the few ids the overlay edited, deleted or created.
   */
  public long[] countTransactions(long from, long to, Set<RecordType> types, boolean lines) {
    long[] out = new long[3];
    long lo = Math.max(from, layout.firstTransactionId());
    long hi = Math.min(to, layout.firstFreeTransactionId() - 1);
    if (lo <= hi) {
      for (RecordType t : types) {
        if (t.isTransaction()) {
          long generated = company.generatedTransactionCount(lo, hi, t, false);
          out[0] += generated;
          out[1] += generated;
          out[2] += lines ? company.generatedTransactionCount(lo, hi, t, true) : 0;
        }
      }
      Set<Long> touched = new TreeSet<>();
      for (Set<Long> ids : List.of(overlay.touchedIds(true), overlay.deletedIds(true))) {
        for (long id : ids) {
          if (id >= lo && id <= hi) {
            touched.add(id);
          }
        }
      }
      for (long id : touched) {
        RecordType t = layout.slotType(id);
        if (!types.contains(t)) {
          continue;
        }
        if (company.generates(t, id)) {
          out[0]--;
          out[1]--;
          out[2] -= lines ? company.generatedItemLines(id) : 0;
        }
        if (listsTransaction(id, types)) {
          countListed(t, id, out);
        }
      }
    }
    long createdFrom = Math.max(from, layout.firstFreeTransactionId());
    if (createdFrom <= to) {
      overlay.created(true).subMap(createdFrom, true, to, true).forEach((id, t) -> {
        if (types.contains(t) && !overlay.isDeleted(t, id)) {
          countListed(t, id, out);
        }
      });
    }
    if (!lines) {
      out[2] = 0;
    }
    return out;
  }

  private void countListed(RecordType type, long id, long[] out) {
    out[0]++;
    base(type, id).ifPresent(r -> {
      out[1]++;
      out[2] += r.sublist("item").size();
    });
  }

  /**
   * Existing transaction ids of the given types within [from, to] that can carry an activity or document date within
   * the window (see {@link DateWindow}). Generated slots are skipped by their timeline without building records; edited and created
   * transactions are always included, since an edit may have moved their dates.
   */
  public IdCursor transactionIdsWithDatesWithin(DateWindow window, boolean activity, long from, long to,
                                                Set<RecordType> types) {
    int firstSlot = window.first() == null ? 0 : company.firstSlotWithDatesFrom(window.first());
    int lastSlot = window.last() == null ? layout.invoices() - 1 : company.lastSlotWithDatesUntil(window.last());
    // The slots' ids and their item fulfillments' ids, each range narrowed to the slots the window can reach.
    long[][] ranges = {
        {layout.transactionId(firstSlot, RecordType.SALES_ORDER), layout.transactionId(lastSlot, RecordType.SALES_ORDER)
            + IdLayout.SLOT_SIZE - 1},
        {layout.fulfillmentId(firstSlot, 0), layout.fulfillmentId(lastSlot, IdLayout.FULFILLMENTS_PER_SLOT - 1)}};
    if (window.first() == null) {
      ranges[0][0] = Long.MIN_VALUE;
    }
    if (window.last() == null) {
      ranges[1][1] = Long.MAX_VALUE; // and the created ones after them
    }
    IdCursor filtered = new IdCursor() {
      int range;
      IdCursor inRange = transactionIds(Math.max(from, ranges[0][0]), types);
      int checkedSlot = -1;
      boolean slotMatches;

      @Override
      public long nextId() {
        while (range < ranges.length) {
          long hi = Math.min(to, ranges[range][1]);
          for (long id = inRange.nextId(); id != END && id <= hi; id = inRange.nextId()) {
            if (matches(id)) {
              return id;
            }
          }
          if (++range < ranges.length) {
            inRange = transactionIds(Math.max(from, ranges[range][0]), types);
            checkedSlot = -1;
          }
        }
        return END;
      }

      private boolean matches(long id) {
        int slot = layout.slotOf(id);
        if (slot < 0 || overlay.isChanged(layout.slotType(id), id)) {
          return true;
        }
        if (layout.slotType(id) == RecordType.ITEM_FULFILLMENT) {
          return company.slotMayHaveDatesWithin(id, window, activity); // each has dates of its own
        }
        if (slot != checkedSlot) {
          checkedSlot = slot;
          slotMatches = company.slotMayHaveDatesWithin(id, window, activity);
        }
        return slotMatches;
      }
    };
    TreeSet<Long> touched = new TreeSet<>();
    for (long id : overlay.touchedIds(true)) {
      boolean scanned = (id >= ranges[0][0] && id <= ranges[0][1]) || (id >= ranges[1][0] && id <= ranges[1][1]);
      if (id >= from && id <= to && !scanned && transactionType(id).filter(types::contains).isPresent()) {
        touched.add(id);
      }
    }
    return merge(filtered, touched.iterator());
  }

  private static IdCursor merge(IdCursor a, Iterator<Long> b) {
    return new IdCursor() {
      long nextA = a.nextId();
      long nextB = b.hasNext() ? b.next() : END;

      @Override
      public long nextId() {
        if (nextA == END && nextB == END) {
          return END;
        }
        long out;
        if (nextB == END || (nextA != END && nextA <= nextB)) {
          out = nextA;
          if (nextA == nextB) {
            nextB = b.hasNext() ? b.next() : END;
          }
          nextA = a.nextId();
        } else {
          out = nextB;
          nextB = b.hasNext() ? b.next() : END;
        }
        return out;
      }
    };
  }

  /** Existing transactions whose customer is {@code customerId} (sales transactions' entity, payments' customer). */
  public List<Long> transactionIdsOfCustomer(long customerId) {
    List<Long> ids = new ArrayList<>();
    for (long invoiceId : company.generatedInvoiceIdsOf(customerId)) {
      int slot = layout.slotOf(invoiceId);
      for (RecordType t : List.of(RecordType.SALES_ORDER, RecordType.INVOICE, RecordType.CREDIT_MEMO,
          RecordType.CUSTOMER_PAYMENT)) {
        long id = layout.transactionId(slot, t);
        if (!overlay.isChanged(t, id) && exists(t, id)) {
          ids.add(id);
        }
      }
      for (int k = 0; k < IdLayout.FULFILLMENTS_PER_SLOT; k++) {
        long id = layout.fulfillmentId(slot, k);
        if (!overlay.isChanged(RecordType.ITEM_FULFILLMENT, id) && exists(RecordType.ITEM_FULFILLMENT, id)) {
          ids.add(id);
        }
      }
    }
    for (long id : overlay.touchedIds(true)) {
      transactionType(id).flatMap(t -> overlay.changed(t, id)).filter(r -> customerOf(r) == customerId)
          .ifPresent(r -> ids.add(id));
    }
    ids.sort(null);
    return ids;
  }

  /** The customer a transaction belongs to. */
  private static long customerOf(RecordData transaction) {
    long id = refId(transaction, "entity");
    return id >= 0 ? id : refId(transaction, "customer");
  }

  private IdCursor entityIds(RecordType type, long fromInclusive) {
    long first = layout.firstEntityId(type);
    long end = first + layout.entityCount(type);
    IdCursor created = createdIds(false, fromInclusive, Set.of(type));
    return new IdCursor() {
      long next = Math.max(first, fromInclusive);

      @Override
      public long nextId() {
        while (next < end) {
          long id = next++;
          if (!overlay.isDeleted(type, id)) {
            return id;
          }
        }
        return created.nextId();
      }
    };
  }

  private IdCursor createdIds(boolean transactions, long fromInclusive, Set<RecordType> types) {
    ConcurrentNavigableMap<Long, RecordType> tail = overlay.created(transactions).tailMap(fromInclusive, true);
    var it = tail.entrySet().iterator();
    return () -> {
      while (it.hasNext()) {
        var e = it.next();
        if (types.contains(e.getValue()) && !overlay.isDeleted(e.getValue(), e.getKey())) {
          return e.getKey();
        }
      }
      return IdCursor.END;
    };
  }

  /** Display name of a reference target, as NetSuite puts it in {@code refName} and SuiteQL's BUILTIN.DF. */
  public String refName(Ref ref) {
    long id = ref.id();
    return switch (ref.target()) {
      case "currency" -> Catalog.currency(id).map(Catalog.Currency::symbol).orElse(null);
      case "term" -> Catalog.term(id).map(Catalog.Term::name).orElse(null);
      case "shipitem" -> Catalog.shipMethod(id).map(Catalog.ShipMethod::name).orElse(null);
      case "subsidiary" -> id == Catalog.SUBSIDIARY_ID ? Catalog.SUBSIDIARY_NAME : null;
      case "account" -> Catalog.account(id).map(Catalog.Account::displayName).orElse(null);
      case "accountingperiod" -> AccountingPeriods.nameOf(id);
      case "serviceitem", "inventoryitem", "noninventorysaleitem", "item" ->
          Catalog.item(id).map(Catalog.Item::itemId).orElse(null);
      default -> RecordType.fromRestName(ref.target()).flatMap(t -> base(t, id)).map(this::displayName).orElse(null);
    };
  }

  /** NetSuite's display name of a record: "C10001 Summit Analytics LLC", "Invoice #INV1001", "Olivia Smith". */
  public String displayName(RecordData r) {
    return switch (r.type()) {
      case CUSTOMER -> {
        String own = join(r.string("entityId"), r.string("companyName"));
        Ref parent = r.ref("parent");
        String parentName = parent == null ? null : refName(parent);
        yield parentName == null ? own : parentName + " : " + own;
      }
      case VENDOR -> join(r.string("entityId"), r.string("companyName"));
      case CONTACT -> r.string("entityId");
      default -> r.type().displayName() + " #" + r.string("tranId");
    };
  }

  /** Payments and credit memos currently applied to an invoice. */
  public List<DemoCompany.Application> applicationsTo(long invoiceId) {
    List<DemoCompany.Application> out = new ArrayList<>();
    for (DemoCompany.Application a : company.generatedApplications(invoiceId)) {
      if (!overlay.overrides(a.docType(), a.docId())) {
        out.add(a);
      }
    }
    for (long applierId : overlay.appliersOf(invoiceId)) {
      transactionType(applierId).flatMap(t -> overlay.changed(t, applierId)).ifPresent(doc -> {
        for (Map<String, Object> line : doc.sublist("apply")) {
          Ref ref = (Ref) line.get("doc");
          if (ref != null && ref.id() == invoiceId && Boolean.TRUE.equals(line.get("apply"))) {
            out.add(new DemoCompany.Application(doc.type(), doc.id(), (BigDecimal) line.get("amount")));
          }
        }
      });
    }
    return out;
  }

  /** An invoice's open amount: its total minus everything applied to it. */
  public BigDecimal amountRemaining(RecordData invoice) {
    BigDecimal applied = applicationsTo(invoice.id()).stream()
        .map(DemoCompany.Application::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return invoice.decimal("total").subtract(applied);
  }

  /** Invoices of a customer that currently exist (generated ones not deleted or moved, plus created ones). */
  public List<Long> invoiceIdsOf(long customerId) {
    List<Long> ids = new ArrayList<>();
    for (long id : company.generatedInvoiceIdsOf(customerId)) {
      if (overlay.isDeleted(RecordType.INVOICE, id)) {
        continue;
      }
      Optional<RecordData> changed = overlay.changed(RecordType.INVOICE, id);
      if (changed.isEmpty() || isEntity(changed.get(), customerId)) {
        ids.add(id);
      }
    }
    overlay.created(true).forEach((id, type) -> {
      if (type == RecordType.INVOICE && !company.generates(type, id)) {
        overlay.changed(type, id).filter(r -> isEntity(r, customerId)).ifPresent(r -> ids.add(id));
      }
    });
    return ids;
  }

  /** Contacts of a customer that currently exist. */
  public List<Long> contactIdsOf(long customerId) {
    List<Long> ids = new ArrayList<>();
    for (long id : company.generatedContactIdsOf(customerId)) {
      base(RecordType.CONTACT, id).filter(r -> refId(r, "company") == customerId).ifPresent(r -> ids.add(id));
    }
    overlay.created(false).forEach((id, type) -> {
      if (type == RecordType.CONTACT) {
        overlay.changed(type, id).filter(r -> refId(r, "company") == customerId).ifPresent(r -> ids.add(id));
      }
    });
    return ids;
  }

  public List<DeletedRecord> deletedRecords() {
    return overlay.deletions();
  }

  public Optional<Long> idOfExternalId(RecordType type, String externalId) {
    return overlay.externalId(type, externalId).filter(id -> exists(type, id));
  }

  /** Ids of customer payments created or changed through the API, oldest first. */
  public List<Long> writtenPaymentIds() {
    return List.copyOf(overlay.writtenPayments());
  }

  public Optional<FileAttachment> attachment(long fileId) {
    return company.attachment(fileId).filter(f -> exists(f.transactionType(), f.transactionId()));
  }

  public Optional<byte[]> attachmentContent(long fileId) {
    return attachment(fileId).flatMap(f -> company.attachmentContent(fileId));
  }

  public List<FileAttachment> attachmentsOf(long transactionId) {
    long fileId = company.attachmentIdOf(transactionId);
    return fileId < 0 ? List.of() : attachment(fileId).map(List::of).orElse(List.of());
  }

  // ---------------------------------------------------------------- writes

  /** Creates a record from a REST body; returns the new internal id. */
  public long create(RecordType type, JsonNode body) {
    synchronized (writeLock) {
      balanceCache.clear();
      return writer.create(type, body);
    }
  }

  /** PATCH: changes the given body fields; {@code replaceSublists} names sublists to replace instead of merge. */
  public void patch(RecordType type, long id, JsonNode body, Set<String> replaceSublists) {
    synchronized (writeLock) {
      balanceCache.clear();
      writer.update(type, id, body, replaceSublists);
    }
  }

  /** PUT by external id: updates the record carrying that external id, or creates it. */
  public UpsertResult upsert(RecordType type, String externalId, JsonNode body) {
    synchronized (writeLock) {
      balanceCache.clear();
      Optional<Long> existing = idOfExternalId(type, externalId);
      if (existing.isPresent()) {
        writer.update(type, existing.get(), body, Set.of());
        return new UpsertResult(existing.get(), false);
      }
      return new UpsertResult(writer.createWithExternalId(type, body, externalId), true);
    }
  }

  public void delete(RecordType type, long id) {
    synchronized (writeLock) {
      balanceCache.clear();
      writer.delete(type, id);
    }
  }

  /**
   * Closes every posting period up to the one of {@code date} (none when null): their transactions can no longer be
   * changed or deleted, as after a month-end close.
   */
  public void closePeriodsThrough(LocalDate date) {
    closedThroughPeriod = date == null ? 0 : AccountingPeriods.idOf(date);
  }

  boolean isClosedPeriod(long periodId) {
    return periodId <= closedThroughPeriod;
  }

  /** What customer refunds (other than {@code exceptRefundId}) pay out of a customer payment's unapplied amount. */
  BigDecimal refundedFrom(long paymentId, long exceptRefundId) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<Long, RecordType> created : overlay.created(true).entrySet()) {
      if (created.getValue() != RecordType.CUSTOMER_REFUND || created.getKey() == exceptRefundId) {
        continue;
      }
      Optional<RecordData> refund = base(RecordType.CUSTOMER_REFUND, created.getKey());
      if (refund.isPresent()) {
        for (Map<String, Object> line : refund.get().sublist("apply")) {
          if (((Ref) line.get("doc")).id() == paymentId) {
            sum = sum.add((BigDecimal) line.get("amount"));
          }
        }
      }
    }
    return sum;
  }

  // ---------------------------------------------------------------- internals

  /** The stored or generated record without derived fields. */
  Optional<RecordData> base(RecordType type, long id) {
    if (overlay.isDeleted(type, id)) {
      return Optional.empty();
    }
    Optional<RecordData> changed = overlay.changed(type, id);
    if (changed.isPresent() || overlay.isChanged(type, id)) {
      return changed;
    }
    return company.generated(type, id);
  }

  private RecordData resolve(RecordData stored) {
    RecordData r = stored.copy();
    switch (r.type()) {
      case INVOICE -> {
        BigDecimal remaining = amountRemaining(r);
        r.set("amountPaid", r.decimal("total").subtract(remaining));
        r.set("amountRemaining", remaining);
        r.set("amountRemainingTotalBox", remaining);
        r.set("status", remaining.signum() == 0 ? TransactionStatus.INVOICE_PAID_IN_FULL
            : TransactionStatus.INVOICE_OPEN);
      }
      case CUSTOMER -> r.set("balance", balanceCache.computeIfAbsent(r.id(), this::balance));
      case CUSTOMER_PAYMENT, CREDIT_MEMO -> {
        BigDecimal refunded = r.type() == RecordType.CUSTOMER_PAYMENT ? refundedFrom(r.id(), -1) : BigDecimal.ZERO;
        if (refunded.signum() > 0) {
          r.set("unapplied", r.decimal("unapplied").subtract(refunded));
        }
        for (Map<String, Object> line : r.sublist("apply")) {
          Ref doc = (Ref) line.get("doc");
          base(RecordType.INVOICE, doc.id()).ifPresent(inv ->
              line.put("due", amountRemaining(inv).add((BigDecimal) line.get("amount"))));
        }
      }
      default -> {
      }
    }
    return r;
  }

  private BigDecimal balance(long customerId) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long invoiceId : invoiceIdsOf(customerId)) {
      Optional<RecordData> inv = base(RecordType.INVOICE, invoiceId);
      if (inv.isPresent()) {
        sum = sum.add(amountRemaining(inv.get()));
      }
    }
    return sum;
  }

  private static boolean isEntity(RecordData r, long customerId) {
    return refId(r, "entity") == customerId;
  }

  private static long refId(RecordData r, String field) {
    Ref ref = r.ref(field);
    return ref == null ? -1 : ref.id();
  }

  private static String join(String a, String b) {
    return b == null ? a : a == null ? b : a + " " + b;
  }

  private static void checkIndex(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
    }
  }
}
