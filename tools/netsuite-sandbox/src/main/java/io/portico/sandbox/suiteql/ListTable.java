package io.portico.sandbox.suiteql;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** A small table held as a list (currencies, terms, deleted records...); scans filter the whole list. */
final class ListTable implements Table {

  private final String name;
  private final List<Column> columns;
  private final Supplier<List<?>> rows;

  ListTable(String name, List<Column> columns, Supplier<List<?>> rows) {
    this.name = name;
    this.columns = columns;
    this.rows = rows;
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
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<Object> scan(KeyConstraint constraint) {
    return ((List<Object>) rows.get()).iterator();
  }
}
