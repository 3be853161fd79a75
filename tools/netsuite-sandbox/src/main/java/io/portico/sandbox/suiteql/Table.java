package io.portico.sandbox.suiteql;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A SuiteQL table over generated and overlaid data, scanned in key order. */
interface Table {

  String name();

  List<Column> columns();

  default Column column(String name) {
    for (Column c : columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The column rows are ordered by and seekable on; null if the table is small and unordered. */
  String keyColumn();

  /** Column holding the transaction type code that {@link KeyConstraint#types()} filters, or null. */
  default String typeColumn() {
    return null;
  }

  /** Columns holding created/modified times, whose bounds can narrow the scan (see {@link KeyConstraint}). */
  default List<String> activityDateColumns() {
    return List.of();
  }

  /** Columns holding business dates (transaction, due date), whose bounds can narrow the scan. */
  default List<String> documentDateColumns() {
    return List.of();
  }

  /** Rows admitted by the constraint (at least those; callers still apply the WHERE clause), in key order. */
  Iterator<Object> scan(KeyConstraint constraint);

  /** Rows whose {@code column} equals {@code value}, if the table can find them without a scan. */
  default Optional<Iterator<Object>> lookup(String column, Object value) {
    return Optional.empty();
  }

  /** Exact row count for a constraint without date window, if the table can count without building rows. */
  default OptionalLong count(KeyConstraint constraint) {
    return OptionalLong.empty();
  }
}
