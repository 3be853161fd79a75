package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.ItemLine;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code transactionline}: per transaction its main line (id 0, {@code mainline = 'T'}) and its item lines (id = line
 * number), in (transaction, id) order. Keyed by {@code transaction}, so a keyset over transactions also pages lines;
 * the transaction types and main/item line filter narrow the scan, and counts come from the store's arithmetic.
 */
final class TransactionLineTable implements Table {

  /** One line; {@code item} is null for the main line. */
  record LineRow(LazyRecord transaction, int lineId, ItemLine item) {
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

  /** Lines come per transaction, main line (id 0) first, then item lines in line number order. */
  @Override
  public List<String> naturalOrder() {
    return List.of("transaction", "id");
  }

  @Override
  public boolean naturalOrderUnique() {
    return true;
  }

  @Override
  public String keyReferences() {
    return "transaction";
  }

  @Override
  public Object referencedRow(Object row) {
    return ((LineRow) row).transaction();
  }

  @Override
  public boolean filtersMainline() {
    return true;
  }

  @Override
  public List<String> activityDateColumns() {
    return List.of("linelastmodifieddate");
  }

  @Override
  public Iterator<Object> scan(KeyConstraint c) {
    return expand(transactions.scan(transactionConstraint(c)), c);
  }

  @Override
  public Optional<Iterator<Object>> lookup(String column, Object value) {
    if (column.equals("transaction") && value instanceof Number n) {
      return Optional.of(transactions.lookup("id", n).map(rows -> expand(rows, KeyConstraint.ALL))
          .orElse(Collections.emptyIterator()));
    }
    return Optional.empty();
  }

  /** Main lines are the transactions with a record; item lines are counted from the records or generated facts. */
  @Override
  public OptionalLong count(KeyConstraint c) {
    if (c.hasDateWindow()) {
      return OptionalLong.empty();
    }
    long n = 0;
    if (c.keys() != null) {
      for (long id : c.keysInRange()) {
        RecordType type = store.typeOfTransactionId(id);
        if (type != null && c.admitsType(type.transactionCode())) {
          RecordData r = store.findStored(type, id).orElse(null);
          if (r != null && store.listsTransaction(id, TransactionTable.types(c))) {
            n += (c.admitsLines(true) ? 1 : 0) + (c.admitsLines(false) ? r.sublist("item").size() : 0);
          }
        }
      }
      return OptionalLong.of(n);
    }
    long[] counts = store.countTransactions(c.start(), c.end(), TransactionTable.types(c), c.admitsLines(false));
    return OptionalLong.of((c.admitsLines(true) ? counts[1] : 0) + (c.admitsLines(false) ? counts[2] : 0));
  }

  /** The transactions whose lines the constraint can admit: same keys and types, no line filter. */
  private static KeyConstraint transactionConstraint(KeyConstraint c) {
    return new KeyConstraint(c.low(), c.high(), c.keys(), c.types(), c.dates(), c.activityDates(), null);
  }

  private static Iterator<Object> expand(Iterator<Object> txRows, KeyConstraint c) {
    boolean main = c.admitsLines(true);
    boolean items = c.admitsLines(false);
    return new Iterator<>() {
      Iterator<Object> lines = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!lines.hasNext() && txRows.hasNext()) {
          lines = linesOf((LazyRecord) txRows.next(), main, items).iterator();
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

  private static List<Object> linesOf(LazyRecord tx, boolean main, boolean items) {
    if (!tx.exists()) {
      return List.of();
    }
    List<ItemLine> itemLines = items ? tx.itemLines() : List.of();
    List<Object> rows = new ArrayList<>(itemLines.size() + 1);
    if (main) {
      rows.add(new LineRow(tx, 0, null));
    }
    for (ItemLine line : itemLines) {
      rows.add(new LineRow(tx, line.line(), line));
    }
    return rows;
  }

  /**
   * Sales lines carry negative quantities and amounts in SuiteQL (credits to income), item fulfillment lines negative
   * quantities (stock leaving); credit memo lines positive.
   */
  static int itemSign(RecordType type) {
    return type == RecordType.INVOICE || type == RecordType.SALES_ORDER || type == RecordType.ITEM_FULFILLMENT ? -1
        : 1;
  }
}
