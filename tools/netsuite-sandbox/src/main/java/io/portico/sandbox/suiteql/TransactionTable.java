package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.IdCursor;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code transaction}: invoices, sales orders, customer payments, credit memos and item fulfillments in id order. A
 * type filter skips the other types without building them; a date window on its date columns skips generated slots
 * that cannot match.
 */
final class TransactionTable implements Table {

  private final Store store;
  private final List<Column> columns;

  TransactionTable(Store store, List<Column> columns) {
    this.store = store;
    this.columns = columns;
  }

  @Override
  public String name() {
    return "transaction";
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public String keyColumn() {
    return "id";
  }

  @Override
  public String typeColumn() {
    return "type";
  }

  @Override
  public List<String> activityDateColumns() {
    return List.of("createddate", "lastmodifieddate");
  }

  @Override
  public List<String> documentDateColumns() {
    return List.of("trandate", "duedate");
  }

  @Override
  public Iterator<Object> scan(KeyConstraint c) {
    Set<RecordType> types = types(c);
    return Cursors.rows(ids(c, types), c.end(), id -> {
      RecordType t = store.typeOfTransactionId(id);
      return c.admits(id) ? new LazyRecord(store, t, id) : null;
    });
  }

  @Override
  public Optional<Iterator<Object>> lookup(String column, Object value) {
    if (!(value instanceof Number n)) {
      return Optional.empty();
    }
    long key = n.longValue();
    if (column.equals("id")) {
      return Optional.of(store.transactionType(key)
          .<Iterator<Object>>map(t -> List.<Object>of(new LazyRecord(store, t, key)).iterator())
          .orElse(Collections.emptyIterator()));
    }
    if (column.equals("entity")) {
      return Optional.of(store.transactionIdsOfCustomer(key).stream()
          .<Object>map(id -> new LazyRecord(store, store.typeOfTransactionId(id), id)).iterator());
    }
    return Optional.empty();
  }

  @Override
  public boolean naturalOrderUnique() {
    return true;
  }

  @Override
  public OptionalLong count(KeyConstraint c) {
    if (c.hasDateWindow()) {
      return OptionalLong.empty();
    }
    Set<RecordType> types = types(c);
    if (c.keys() != null) {
      return OptionalLong.of(c.keysInRange().stream()
          .filter(id -> store.listsTransaction(id, types)).count());
    }
    return OptionalLong.of(store.countTransactions(c.start(), c.end(), types, false)[0]);
  }

  private IdCursor ids(KeyConstraint c, Set<RecordType> types) {
    if (!c.hasDateWindow()) {
      return store.transactionIds(c.start(), types);
    }
    return store.transactionIdsWithDatesWithin(c.dates().widened(), c.activityDates(), c.start(), c.end(), types);
  }

  /** The transaction types the constraint admits. */
  static Set<RecordType> types(KeyConstraint c) {
    Set<RecordType> types = EnumSet.noneOf(RecordType.class);
    for (RecordType t : RecordType.values()) {
      if (t.isTransaction() && c.admitsType(t.transactionCode())) {
        types.add(t);
      }
    }
    return types;
  }
}
