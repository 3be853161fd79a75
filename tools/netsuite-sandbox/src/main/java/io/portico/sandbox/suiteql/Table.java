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

  /**
   * The columns rows come out of {@link #scan} sorted by (ascending), most significant first: the key column, for
   * transaction lines also the line id. Empty for unordered tables.
   */
  default List<String> naturalOrder() {
    return keyColumn() == null ? List.of() : List.of(keyColumn());
  }

  /** Whether no two rows share their {@link #naturalOrder} values. */
  default boolean naturalOrderUnique() {
    return false;
  }

  /**
   * For a table keyed by another table's key (lines by their transaction): that table's name. Every row references
   * exactly one existing row there ({@link #referencedRow}), and the constraint's types are that row's types; so a
   * join on {@code other.key = this.key} matches exactly one row, and WHERE terms on the other table's key and type
   * narrow this table's scan.
   */
  default String keyReferences() {
    return null;
  }

  /** The row of the {@link #keyReferences} table that {@code row} belongs to. */
  default Object referencedRow(Object row) {
    throw new UnsupportedOperationException(name() + " references no table");
  }

  /** Whether {@link KeyConstraint#mainline()} applies ({@code transactionline} only). */
  default boolean filtersMainline() {
    return false;
  }

  /**
   * Rows in {@link #naturalOrder}: exactly those the constraint's key range, key set, types and main line filter
   * admit (the date window is only a hint: callers still apply the WHERE clause).
   */
  Iterator<Object> scan(KeyConstraint constraint);

  /** Rows whose {@code column} equals {@code value}, if the table can find them without a scan. */
  default Optional<Iterator<Object>> lookup(String column, Object value) {
    return Optional.empty();
  }

  /**
   * Exact number of rows {@link #scan} yields for a constraint without date window, if the table can count them
   * without building every row.
   */
  default OptionalLong count(KeyConstraint constraint) {
    return OptionalLong.empty();
  }
}
