package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@code transactionline}: per transaction its main line (id 0, {@code mainline = 'T'}) and its item lines (id = line
 * number). Keyed by {@code transaction}, so a keyset over transactions also pages lines.
 */
final class TransactionLineTable implements Table {

  /** One line; {@code item} is null for the main line. */
  record LineRow(LazyRecord transaction, int lineId, Map<String, Object> item) {
  }

  private final Store store;
  private final TransactionTable transactions;
  private final List<Column> columns;

  TransactionLineTable(Store store, TransactionTable transactions, List<Column> columns) {
    this.store = store;
    this.transactions = transactions;
    this.columns = columns;
  }

  @Override
  public String name() {
    return "transactionline";
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public String keyColumn() {
    return "transaction";
  }

  @Override
  public List<String> activityDateColumns() {
    return List.of("linelastmodifieddate");
  }

  @Override
  public Iterator<Object> scan(KeyConstraint c) {
    return expand(transactions.scan(new KeyConstraint(c.low(), c.high(), c.keys(), null, c.dates(),
        c.activityDates())));
  }

  @Override
  public Optional<Iterator<Object>> lookup(String column, Object value) {
    if (column.equals("transaction") && value instanceof Number n) {
      return Optional.of(transactions.lookup("id", n).map(this::expand).orElse(Collections.emptyIterator()));
    }
    return Optional.empty();
  }

  private Iterator<Object> expand(Iterator<Object> txRows) {
    return new Iterator<>() {
      Iterator<Object> lines = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!lines.hasNext() && txRows.hasNext()) {
          lines = linesOf((LazyRecord) txRows.next()).iterator();
        }
        return lines.hasNext();
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return lines.next();
      }
    };
  }

  private static List<Object> linesOf(LazyRecord tx) {
    RecordData r = tx.stored();
    if (r == null) {
      return List.of();
    }
    List<Object> rows = new ArrayList<>();
    rows.add(new LineRow(tx, 0, null));
    for (Map<String, Object> line : r.sublist("item")) {
      rows.add(new LineRow(tx, (Integer) line.get("line"), line));
    }
    return rows;
  }

  /** Sales lines carry negative quantities and amounts in SuiteQL (credits to income); credit memo lines positive. */
  static int itemSign(RecordType type) {
    return EnumSet.of(RecordType.INVOICE, RecordType.SALES_ORDER).contains(type) ? -1 : 1;
  }
}
