package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.DemoCompany;
import io.portico.sandbox.data.ItemLine;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Ref;
import io.portico.sandbox.data.Store;
import java.math.BigDecimal;
import java.util.List;

/**
 * A row backed by one record that is only built when a column other than the id or type is read, so filters on
 * keys and types, and COUNT(*), stay cheap over millions of generated rows.
 */
final class LazyRecord {

  private static final int FIELD_CACHE = 4;

  private final Store store;
  private final RecordType type;
  private final long id;
  private RecordData stored;
  private boolean storedLoaded;
  private RecordData record;
  private boolean loaded;
  // 0: not checked yet, 1: a generated transaction nobody changed (fields can be derived one by one), 2: otherwise
  private byte generated;
  // Derived fields by name (field names are string constants, compared by identity; a miss only derives again).
  private String[] fieldNames;
  private Object[] fieldValues;
  private int nextField;

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
    if (Store.isDerived(type, name)) {
      RecordData r = record();
      return r == null ? null : r.get(name);
    }
    if (stored == null && generatedUnchanged()) {
      // Several columns of several rows (a transaction's lines) read the same few fields.
      if (fieldNames == null) {
        fieldNames = new String[FIELD_CACHE];
        fieldValues = new Object[FIELD_CACHE];
      }
      for (int i = 0; i < FIELD_CACHE; i++) {
        if (fieldNames[i] == name) {
          return fieldValues[i];
        }
      }
      Object v = store.company().generatedField(type, id, name);
      if (v != DemoCompany.UNKNOWN) {
        fieldNames[nextField] = name;
        fieldValues[nextField] = v;
        nextField = (nextField + 1) % FIELD_CACHE;
        return v;
      }
    }
    RecordData r = stored();
    return r == null ? null : r.get(name);
  }

  /** The item sublist's lines; empty if the record vanished or has none. */
  List<ItemLine> itemLines() {
    if (stored == null && generatedUnchanged()) {
      return store.company().generatedItemLines(type, id);
    }
    RecordData r = stored();
    return r == null ? List.of() : r.sublist("item").stream().map(ItemLine::of).toList();
  }

  /** Whether the record exists (as far as this row knows: it may vanish while the query runs). */
  boolean exists() {
    return (stored == null && generatedUnchanged()) || stored() != null;
  }

  private boolean generatedUnchanged() {
    if (generated == 0) {
      generated = type.isTransaction() && store.isGeneratedUnchanged(type, id) ? (byte) 1 : (byte) 2;
    }
    return generated == 1;
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
