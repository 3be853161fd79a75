package io.portico.sandbox.suiteql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Declares a table's columns over a row class, keeping table definitions short and typed. */
final class Columns<R> {

  private final List<Column> columns = new ArrayList<>();

  Columns<R> add(String name, Function<R, Object> getter) {
    return add(name, getter, null);
  }

  @SuppressWarnings("unchecked")
  Columns<R> add(String name, Function<R, Object> getter, Function<R, String> display) {
    Function<Object, Object> g = row -> getter.apply((R) row);
    Function<Object, String> d = display == null ? null : row -> display.apply((R) row);
    columns.add(new Column(name, g, d));
    return this;
  }

  List<Column> build() {
    return List.copyOf(columns);
  }
}
