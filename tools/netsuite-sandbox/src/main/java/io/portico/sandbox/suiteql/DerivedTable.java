package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.IdCursor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A table whose rows hang off records of another kind (addresses off customers, links off invoices): the source ids
 * are walked in order and each yields zero or more rows. The table key is the source id plus a fixed offset.
 */
final class DerivedTable implements Table {

  private final String name;
  private final List<Column> columns;
  private final String keyColumn;
  private final long keyOffset;
  private final LongFunction<IdCursor> sourceIdsFrom;
  private final LongFunction<List<Object>> rowsOf;
  private final Map<String, LongFunction<List<Object>>> lookups;

  DerivedTable(String name, List<Column> columns, String keyColumn, long keyOffset,
               LongFunction<IdCursor> sourceIdsFrom, LongFunction<List<Object>> rowsOf,
               Map<String, LongFunction<List<Object>>> lookups) {
    this.name = name;
    this.columns = columns;
    this.keyColumn = keyColumn;
    this.keyOffset = keyOffset;
    this.sourceIdsFrom = sourceIdsFrom;
    this.rowsOf = rowsOf;
    this.lookups = lookups;
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
    return keyColumn;
  }

  @Override
  public Iterator<Object> scan(KeyConstraint c) {
    long start = c.start() == Long.MIN_VALUE ? Long.MIN_VALUE : c.start() - keyOffset;
    IdCursor ids = sourceIdsFrom.apply(start);
    return new Iterator<>() {
      Iterator<Object> rows = Collections.emptyIterator();
      boolean done;

      @Override
      public boolean hasNext() {
        while (!rows.hasNext() && !done) {
          long id = ids.nextId();
          if (id == IdCursor.END || id + keyOffset > c.end()) {
            done = true;
          } else if (c.admits(id + keyOffset)) {
            rows = rowsOf.apply(id).iterator();
          }
        }
        return rows.hasNext();
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return rows.next();
      }
    };
  }

  @Override
  public Optional<Iterator<Object>> lookup(String column, Object value) {
    if (!(value instanceof Number n)) {
      return Optional.empty();
    }
    if (column.equals(keyColumn)) {
      return Optional.of(rowsOf.apply(n.longValue() - keyOffset).iterator());
    }
    LongFunction<List<Object>> lookup = lookups.get(column);
    return lookup == null ? Optional.empty() : Optional.of(lookup.apply(n.longValue()).iterator());
  }
}
