package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code customer}, {@code contact} and {@code vendor}: one row per existing entity, keyed by id. */
final class EntityTable implements Table {

  private final String name;
  private final RecordType type;
  private final Store store;
  private final List<Column> columns;

  EntityTable(String name, RecordType type, Store store, List<Column> columns) {
    this.name = name;
    this.type = type;
    this.store = store;
    this.columns = columns;
  }

  @Override
  public String name() {
    return name;
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
  public Iterator<Object> scan(KeyConstraint c) {
    return Cursors.rows(store.ids(type, c.start()), c.end(),
        id -> c.admits(id) ? new LazyRecord(store, type, id) : null);
  }

  @Override
  public Optional<Iterator<Object>> lookup(String column, Object value) {
    if (!(value instanceof Number n)) {
      return Optional.empty();
    }
    long key = n.longValue();
    if (column.equals("id")) {
      return Optional.of(store.exists(type, key) ? List.<Object>of(new LazyRecord(store, type, key)).iterator()
          : Collections.emptyIterator());
    }
    if (column.equals("company") && type == RecordType.CONTACT) {
      return Optional.of(store.contactIdsOf(key).stream()
          .<Object>map(id -> new LazyRecord(store, type, id)).iterator());
    }
    return Optional.empty();
  }

  @Override
  public boolean naturalOrderUnique() {
    return true;
  }

  @Override
  public OptionalLong count(KeyConstraint c) {
    return OptionalLong.of(Cursors.count(store.ids(type, c.start()), c.end(), c::admits));
  }
}
