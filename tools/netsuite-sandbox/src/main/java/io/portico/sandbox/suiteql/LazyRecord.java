package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Ref;
import io.portico.sandbox.data.Store;
import java.math.BigDecimal;

/**
 * A row backed by one record that is only built when a column other than the id or type is read, so filters on
 * keys and types, and COUNT(*), stay cheap over millions of generated rows.
 */
final class LazyRecord {

  private final Store store;
  private final RecordType type;
  private final long id;
  private RecordData stored;
  private boolean storedLoaded;
  private RecordData record;
  private boolean loaded;

  LazyRecord(Store store, RecordType type, long id) {
    this.store = store;
    this.type = type;
    this.id = id;
  }

  Store store() {
    return store;
  }

  RecordType type() {
    return type;
  }

  long id() {
    return id;
  }

  /** The resolved record; null if it vanished (deleted while the query ran). */
  RecordData record() {
    if (!loaded) {
      record = store.find(type, id).orElse(null);
      loaded = true;
    }
    return record;
  }

  /** A field; only fields derived from other records (amounts due, statuses, balances) need the resolved record. */
  Object field(String name) {
    RecordData r = Store.isDerived(type, name) ? record() : stored();
    return r == null ? null : r.get(name);
  }

  /** The record without derived fields; enough for everything but amounts due, statuses and balances. */
  RecordData stored() {
    if (!storedLoaded) {
      stored = loaded ? record : store.findStored(type, id).orElse(null);
      storedLoaded = true;
    }
    return stored;
  }

  String text(String name) {
    Object v = field(name);
    return v == null ? null : v.toString();
  }

  BigDecimal decimal(String name) {
    return (BigDecimal) field(name);
  }

  Long refId(String name) {
    Object v = field(name);
    return v instanceof Ref ref ? ref.id() : null;
  }

  String refName(String name) {
    Object v = field(name);
    return v instanceof Ref ref ? store.refName(ref) : null;
  }

  String flag(String name) {
    Object v = field(name);
    return v == null ? null : Boolean.TRUE.equals(v) ? "T" : "F";
  }
}
