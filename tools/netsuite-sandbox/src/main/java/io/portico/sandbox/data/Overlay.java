package io.portico.sandbox.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that changed since generation: edited and created records (stored whole), deletions, external ids and
 * which payments/credit memos apply to which invoices. Entities and transactions have separate id spaces, so each
 * family has its own maps. Only the {@link Store} writes here, under its write lock; reads need no lock.
 */
final class Overlay {

  private final Map<Long, RecordData> entities = new ConcurrentHashMap<>();
  private final Map<Long, RecordData> transactions = new ConcurrentHashMap<>();
  private final Set<Long> deletedEntities = ConcurrentHashMap.newKeySet();
  private final Set<Long> deletedTransactions = ConcurrentHashMap.newKeySet();
  private final ConcurrentSkipListMap<Long, RecordType> createdEntities = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<Long, RecordType> createdTransactions = new ConcurrentSkipListMap<>();
  private final Map<String, Long> externalIds = new ConcurrentHashMap<>();
  private final List<DeletedRecord> deletions = new CopyOnWriteArrayList<>();
  private final Map<Long, Set<Long>> appliersByInvoice = new ConcurrentHashMap<>();
  private final Map<Long, Set<Long>> invoicesByApplier = new ConcurrentHashMap<>();
  private final List<Long> writtenPayments = new CopyOnWriteArrayList<>();
  private final AtomicLong nextEntityId;
  private final AtomicLong nextTransactionId;
  private final AtomicLong nextDocumentNumber;

  Overlay(IdLayout layout) {
    this.nextEntityId = new AtomicLong(layout.firstFreeEntityId());
    this.nextTransactionId = new AtomicLong(layout.firstFreeTransactionId());
    this.nextDocumentNumber = new AtomicLong(1000L + layout.invoices());
  }

  Optional<RecordData> changed(RecordType type, long id) {
    Map<Long, RecordData> family = family(type);
    RecordData r = family.isEmpty() ? null : family.get(id);
    return r != null && r.type() == type ? Optional.of(r) : Optional.empty();
  }

  boolean isChanged(RecordType type, long id) {
    Map<Long, RecordData> family = family(type);
    return !family.isEmpty() && family.containsKey(id); // scans ask for every id: skip boxing while nothing changed
  }

  boolean isDeleted(RecordType type, long id) {
    Set<Long> deleted = deletedSet(type);
    return !deleted.isEmpty() && deleted.contains(id);
  }

  /** Whether the generated version of this id no longer counts (edited or deleted). */
  boolean overrides(RecordType type, long id) {
    return isChanged(type, id) || isDeleted(type, id);
  }

  /** Ids of edited or created records of one family (entities or transactions). */
  Set<Long> touchedIds(boolean transactions) {
    return (transactions ? this.transactions : entities).keySet();
  }

  /** Ids of deleted records of one family (entities or transactions). */
  Set<Long> deletedIds(boolean transactions) {
    return transactions ? deletedTransactions : deletedEntities;
  }

  void put(RecordData record) {
    family(record.type()).put(record.id(), record);
  }

  long allocateId(RecordType type) {
    long id = (type.isTransaction() ? nextTransactionId : nextEntityId).getAndIncrement();
    (type.isTransaction() ? createdTransactions : createdEntities).put(id, type);
    return id;
  }

  long nextDocumentNumber() {
    return nextDocumentNumber.getAndIncrement();
  }

  ConcurrentSkipListMap<Long, RecordType> created(boolean transactions) {
    return transactions ? createdTransactions : createdEntities;
  }

  void markDeleted(RecordType type, long id, DeletedRecord log) {
    family(type).remove(id);
    deletedSet(type).add(id);
    deletions.add(log);
  }

  List<DeletedRecord> deletions() {
    return deletions;
  }

  Optional<Long> externalId(RecordType type, String externalId) {
    return Optional.ofNullable(externalIds.get(externalKey(type, externalId)));
  }

  void bindExternalId(RecordType type, String externalId, long id) {
    externalIds.put(externalKey(type, externalId), id);
  }

  void unbindExternalId(RecordType type, String externalId) {
    externalIds.remove(externalKey(type, externalId));
  }

  Set<Long> appliersOf(long invoiceId) {
    return appliersByInvoice.getOrDefault(invoiceId, Set.of());
  }

  /** Re-indexes which invoices a payment or credit memo applies to. */
  void indexApplications(long applierId, Set<Long> invoiceIds) {
    Set<Long> previous = invoicesByApplier.remove(applierId);
    if (previous != null) {
      previous.forEach(inv -> appliersByInvoice.computeIfPresent(inv, (k, appliers) -> {
        appliers.remove(applierId);
        return appliers.isEmpty() ? null : appliers;
      }));
    }
    if (!invoiceIds.isEmpty()) {
      invoicesByApplier.put(applierId, ConcurrentHashMap.newKeySet());
      invoicesByApplier.get(applierId).addAll(invoiceIds);
      invoiceIds.forEach(inv -> appliersByInvoice.computeIfAbsent(inv, k -> ConcurrentHashMap.newKeySet())
          .add(applierId));
    }
  }

  void recordWrittenPayment(long id) {
    if (!writtenPayments.contains(id)) {
      writtenPayments.add(id);
    }
  }

  List<Long> writtenPayments() {
    return writtenPayments;
  }

  private Map<Long, RecordData> family(RecordType type) {
    return type.isTransaction() ? transactions : entities;
  }

  private Set<Long> deletedSet(RecordType type) {
    return type.isTransaction() ? deletedTransactions : deletedEntities;
  }

  private static String externalKey(RecordType type, String externalId) {
    return type.restName() + "|" + externalId;
  }
}
