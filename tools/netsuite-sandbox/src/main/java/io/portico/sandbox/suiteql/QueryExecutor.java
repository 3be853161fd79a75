package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.Store;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a SELECT: scans the FROM table (narrowed by {@link Pushdown}), nested-loop joins (using table lookups where the
 * ON clause allows, or the row itself for a join on the table's key), filters by what the scan does not already
 * guarantee, groups, sorts and returns the requested page. When the order is the FROM table's natural order the rows
 * stream, only the page is projected and the table counts the rest where it can; otherwise at most offset + limit
 * rows are kept while sorting.
 */
final class QueryExecutor {

  /** A projected output column. */
  private record Output(String name, Ast.Expr expr) {
  }

  /** A result row: projected values plus the values to sort by. */
  private record ResultRow(Object[] values, Object[] sortKeys, long sequence) {
  }

  private final SuiteQlTables tables;
  private final Store store;

  QueryExecutor(SuiteQlTables tables, Store store) {
    this.tables = tables;
    this.store = store;
  }

  QueryResult execute(String sql, List<Object> params, int limit, int offset) {
    Ast.Select select = Parser.parse(sql);
    Binding binding = new Binding(select, tables);
    List<Output> outputs = outputs(select, binding);
    Set<Ast.Column> aliasRefs = bindColumns(select, binding, outputs);
    Evaluator evaluator = new Evaluator(binding, params, store.company().zone(), store.clock());
    boolean aggregated = !select.groupBy().isEmpty() || select.having() != null
        || outputs.stream().anyMatch(o -> hasAggregate(o.expr()));
    if (!aggregated && select.orderBy().stream().anyMatch(o -> hasAggregate(o.expr()))) {
      throw SuiteQlException.invalid("ORDER BY uses an aggregate without GROUP BY.");
    }
    Set<Integer> aligned = alignedJoins(select, binding);
    Pushdown pushdown = Pushdown.analyze(select.where(), binding, evaluator, aligned);
    Iterator<Object[]> rows = joinedRows(select, binding, evaluator, pushdown, aligned);
    List<String> names = outputs.stream().map(Output::name).toList();

    Comparator<ResultRow> order = comparator(select.orderBy());
    if (!aggregated && !select.distinct() && streamsInOrder(select, binding, outputs, aliasRefs)) {
      boolean countable = aligned.size() == select.joins().size() && pushdown.exactAbove() < Long.MAX_VALUE;
      return streamPage(rows, new Projection(outputs, binding, evaluator, store.company().zone()), names, limit,
          offset, binding.sources().get(0).table(), pushdown, countable);
    }
    List<ResultRow> results = new ArrayList<>();
    long total;
    if (aggregated) {
      for (List<Object[]> group : groups(rows, select, evaluator)) {
        Evaluator.Context ctx = new Evaluator.Context(group.isEmpty() ? null : group.get(0), group);
        if (select.having() == null || evaluator.test(select.having(), ctx)) {
          results.add(project(ctx, outputs, select.orderBy(), aliasRefs, evaluator, results.size()));
        }
      }
      results = distinct(select, results);
      results.sort(order);
      total = results.size();
    } else if (select.distinct()) {
      while (rows.hasNext()) {
        results.add(project(new Evaluator.Context(rows.next(), null), outputs, select.orderBy(), aliasRefs,
            evaluator, results.size()));
      }
      results = distinct(select, results);
      results.sort(order);
      total = results.size();
    } else {
      // Keep only the first offset + limit rows in sort order; the rest only count.
      int keep = offset + limit;
      PriorityQueue<ResultRow> top = new PriorityQueue<>(order.reversed());
      long seen = 0;
      while (rows.hasNext()) {
        ResultRow r = project(new Evaluator.Context(rows.next(), null), outputs, select.orderBy(), aliasRefs,
            evaluator, seen++);
        top.add(r);
        if (top.size() > keep) {
          top.poll();
        }
      }
      results = new ArrayList<>(top);
      results.sort(order);
      total = seen;
    }
    List<Object[]> page = new ArrayList<>();
    for (int i = offset; i < Math.min(results.size(), offset + limit); i++) {
      page.add(format(results.get(i).values()));
    }
    return new QueryResult(names, page, total);
  }

  // ---------------------------------------------------------------- binding

  private static List<Output> outputs(Ast.Select select, Binding binding) {
    List<Output> outputs = new ArrayList<>();
    int unnamed = 0;
    for (Ast.SelectItem item : select.items()) {
      if (item.star()) {
        for (int i = 0; i < binding.sources().size(); i++) {
          Binding.Source s = binding.sources().get(i);
          if (item.starQualifier() != null && !item.starQualifier().equals(s.alias())) {
            continue;
          }
          for (Column c : s.table().columns()) {
            outputs.add(new Output(c.name(), new Ast.Column(s.alias(), c.name())));
          }
        }
        if (item.starQualifier() != null && binding.sourceIndex(item.starQualifier()) < 0) {
          throw SuiteQlException.unknownIdentifier(item.starQualifier() + ".*", "the tables in FROM");
        }
      } else if (item.alias() != null) {
        outputs.add(new Output(item.alias(), item.expr()));
      } else if (item.expr() instanceof Ast.Column c) {
        outputs.add(new Output(c.name(), c));
      } else {
        outputs.add(new Output("expr" + (++unnamed), item.expr()));
      }
    }
    return outputs;
  }

  /** Resolves every column reference; returns ORDER BY references that name an output alias instead. */
  private static Set<Ast.Column> bindColumns(Ast.Select select, Binding binding, List<Output> outputs) {
    int all = binding.sources().size() - 1;
    for (Output o : outputs) {
      forEachColumn(o.expr(), c -> binding.resolve(c, all));
    }
    for (int i = 0; i < select.joins().size(); i++) {
      int visible = i + 1;
      forEachColumn(select.joins().get(i).on(), c -> binding.resolve(c, visible));
    }
    forEachColumn(select.where(), c -> binding.resolve(c, all));
    select.groupBy().forEach(g -> forEachColumn(g, c -> binding.resolve(c, all)));
    forEachColumn(select.having(), c -> binding.resolve(c, all));
    Set<Ast.Column> aliasRefs = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Ast.OrderItem o : select.orderBy()) {
      if (o.expr() instanceof Ast.Column c && c.qualifier() == null && outputIndex(outputs, c.name()) >= 0) {
        aliasRefs.add(c);
      } else {
        forEachColumn(o.expr(), c -> binding.resolve(c, all));
      }
    }
    return aliasRefs;
  }

  private static void forEachColumn(Ast.Expr e, Consumer<Ast.Column> action) {
    if (e == null) {
      return;
    }
    if (e instanceof Ast.Column c) {
      action.accept(c);
    } else if (e instanceof Ast.Call c) {
      c.args().forEach(a -> forEachColumn(a, action));
    } else if (e instanceof Ast.Binary b) {
      forEachColumn(b.left(), action);
      forEachColumn(b.right(), action);
    } else if (e instanceof Ast.Not n) {
      forEachColumn(n.expr(), action);
    } else if (e instanceof Ast.Negate n) {
      forEachColumn(n.expr(), action);
    } else if (e instanceof Ast.In in) {
      forEachColumn(in.expr(), action);
      in.values().forEach(v -> forEachColumn(v, action));
    } else if (e instanceof Ast.Between b) {
      forEachColumn(b.expr(), action);
      forEachColumn(b.low(), action);
      forEachColumn(b.high(), action);
    } else if (e instanceof Ast.IsNull n) {
      forEachColumn(n.expr(), action);
    } else if (e instanceof Ast.Like l) {
      forEachColumn(l.expr(), action);
      forEachColumn(l.pattern(), action);
    } else if (e instanceof Ast.Case c) {
      c.whens().forEach(w -> {
        forEachColumn(w.condition(), action);
        forEachColumn(w.result(), action);
      });
      forEachColumn(c.otherwise(), action);
    }
  }

  private static boolean hasAggregate(Ast.Expr e) {
    if (e instanceof Ast.Call c) {
      return Evaluator.AGGREGATES.contains(c.name()) || c.args().stream().anyMatch(QueryExecutor::hasAggregate);
    }
    if (e instanceof Ast.Binary b) {
      return hasAggregate(b.left()) || hasAggregate(b.right());
    }
    if (e instanceof Ast.Negate n) {
      return hasAggregate(n.expr());
    }
    if (e instanceof Ast.Case c) {
      return c.whens().stream().anyMatch(w -> hasAggregate(w.result()) || hasAggregate(w.condition()))
          || (c.otherwise() != null && hasAggregate(c.otherwise()));
    }
    return false;
  }

  private static int outputIndex(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- rows

  /**
   * The FROM rows the pushed-down constraint admits, joined, filtered by the part of WHERE the constraint does not
   * capture. Rows come in the FROM table's natural order; each FROM row's joined rows stay together.
   */
  private Iterator<Object[]> joinedRows(Ast.Select select, Binding binding, Evaluator evaluator, Pushdown pushdown,
                                        Set<Integer> aligned) {
    int width = binding.sources().size();
    Table baseTable = binding.sources().get(0).table();
    Iterator<Object> base = baseTable.scan(pushdown.constraint());
    Iterator<Object[]> rows = map(base, r -> {
      Object[] row = new Object[width];
      row[0] = r;
      return row;
    });
    for (int i = 0; i < select.joins().size(); i++) {
      int index = i + 1;
      if (aligned.contains(index)) {
        rows = map(rows, row -> {
          row[index] = baseTable.referencedRow(row[0]);
          return row;
        });
      } else {
        rows = join(rows, index, select.joins().get(i), binding, evaluator);
      }
    }
    Ast.Expr where = pushdown.residual();
    if (where == null) {
      return rows;
    }
    // Above exactAbove the residual terms (keyset terms such as "transaction > 5 OR id > 2") are known to hold.
    long exactAbove = pushdown.exactAbove();
    Column key = baseTable.keyColumn() == null ? null : baseTable.column(baseTable.keyColumn());
    if (key != null && exactAbove < Long.MAX_VALUE) {
      return filter(rows, row -> keyOf(key, row) > exactAbove
          || evaluator.test(where, new Evaluator.Context(row, null)));
    }
    return filter(rows, row -> evaluator.test(where, new Evaluator.Context(row, null)));
  }

  /**
   * Joins on {@code other.key = this.key} where this table is keyed by the other's key (lines by their transaction):
   * each row matches exactly its own referenced row, so no lookup or ON evaluation is needed.
   */
  private static Set<Integer> alignedJoins(Ast.Select select, Binding binding) {
    Set<Integer> aligned = new HashSet<>();
    Table base = binding.sources().get(0).table();
    if (base.keyReferences() == null) {
      return aligned;
    }
    for (int i = 0; i < select.joins().size(); i++) {
      int index = i + 1;
      Table joined = binding.sources().get(index).table();
      if (joined.name().equals(base.keyReferences()) && select.joins().get(i).on() instanceof Ast.Binary b
          && b.op().equals("=") && (keyPair(b.left(), b.right(), index, binding)
          || keyPair(b.right(), b.left(), index, binding))) {
        aligned.add(index);
      }
    }
    return aligned;
  }

  private static boolean keyPair(Ast.Expr joinedSide, Ast.Expr baseSide, int index, Binding binding) {
    if (!(joinedSide instanceof Ast.Column j) || !(baseSide instanceof Ast.Column b)) {
      return false;
    }
    Binding.Resolved rj = binding.resolved(j);
    Binding.Resolved rb = binding.resolved(b);
    return rj.source() == index && rj.column().name().equals(binding.sources().get(index).table().keyColumn())
        && rb.source() == 0 && rb.column().name().equals(binding.sources().get(0).table().keyColumn());
  }

  private Iterator<Object[]> join(Iterator<Object[]> left, int index, Ast.Join join, Binding binding,
                                  Evaluator evaluator) {
    Table table = binding.sources().get(index).table();
    JoinKey key = joinKey(join.on(), index, binding);
    LookupMemo memo = new LookupMemo();
    return flatMap(left, row -> {
      Iterator<Object> candidates = null;
      if (key != null) {
        Object value = evaluator.eval(key.outer(), new Evaluator.Context(row, null));
        if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
          candidates = memo.lookup(table, key.column(), d);
        } else if (value == null) {
          candidates = Collections.emptyIterator();
        }
      }
      if (candidates == null) {
        candidates = table.scan(KeyConstraint.ALL);
      }
      List<Object[]> matches = new ArrayList<>();
      while (candidates.hasNext()) {
        Object[] combined = row.clone();
        combined[index] = candidates.next();
        if (evaluator.test(join.on(), new Evaluator.Context(combined, null))) {
          matches.add(combined);
        }
      }
      if (matches.isEmpty() && join.left()) {
        matches.add(row.clone());
      }
      return matches.iterator();
    });
  }

  /**
   * The last lookup of a join: consecutive rows often look up the same key (the lines of one transaction looking up
   * their customer), and then get the same rows again.
   */
  private static final class LookupMemo {
    private BigDecimal key;
    private List<Object> rows; // null: the table cannot look up by this column

    /** The rows whose {@code column} equals {@code value}, or null if the table needs a scan. */
    Iterator<Object> lookup(Table table, String column, BigDecimal value) {
      if (key == null || key.compareTo(value) != 0) {
        Optional<Iterator<Object>> found = table.lookup(column, value.longValue());
        rows = null;
        if (found.isPresent()) {
          rows = new ArrayList<>();
          found.get().forEachRemaining(rows::add);
        }
        key = value;
      }
      return rows == null ? null : rows.iterator();
    }
  }

  /** {@code joined.column = expression over earlier tables}, the shape a lookup can serve. */
  private record JoinKey(String column, Ast.Expr outer) {
  }

  private static JoinKey joinKey(Ast.Expr on, int index, Binding binding) {
    List<Ast.Expr> terms = new ArrayList<>();
    Pushdown.flattenAnd(on, terms);
    for (Ast.Expr t : terms) {
      if (t instanceof Ast.Binary b && b.op().equals("=")) {
        JoinKey k = joinKey(b.left(), b.right(), index, binding);
        if (k == null) {
          k = joinKey(b.right(), b.left(), index, binding);
        }
        if (k != null) {
          return k;
        }
      }
    }
    return null;
  }

  private static JoinKey joinKey(Ast.Expr inner, Ast.Expr outer, int index, Binding binding) {
    if (!(inner instanceof Ast.Column c) || binding.resolved(c).source() != index) {
      return null;
    }
    boolean[] onlyEarlier = {true};
    forEachColumn(outer, col -> onlyEarlier[0] &= binding.resolved(col).source() < index);
    return onlyEarlier[0] ? new JoinKey(binding.resolved(c).column().name(), outer) : null;
  }

  private static List<List<Object[]>> groups(Iterator<Object[]> rows, Ast.Select select, Evaluator evaluator) {
    if (select.groupBy().isEmpty()) {
      List<Object[]> all = new ArrayList<>();
      rows.forEachRemaining(all::add);
      return List.of(all);
    }
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    while (rows.hasNext()) {
      Object[] row = rows.next();
      List<Object> key = new ArrayList<>();
      for (Ast.Expr g : select.groupBy()) {
        key.add(groupValue(evaluator.eval(g, new Evaluator.Context(row, null))));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return new ArrayList<>(groups.values());
  }

  private static Object groupValue(Object v) {
    return v instanceof BigDecimal d ? d.stripTrailingZeros() : v;
  }

  // ---------------------------------------------------------------- ordering and paging

  /**
   * True when rows already arrive in the requested order: no ORDER BY, or ascending columns of the FROM table that
   * are a prefix of its natural order (ties keep scan order, as the sort does), or the whole natural order when it is
   * unique and nothing is joined.
   */
  private static boolean streamsInOrder(Ast.Select select, Binding binding, List<Output> outputs,
                                        Set<Ast.Column> aliasRefs) {
    Table base = binding.sources().get(0).table();
    List<String> natural = base.naturalOrder();
    int matched = 0;
    while (matched < select.orderBy().size() && matched < natural.size()) {
      Ast.OrderItem item = select.orderBy().get(matched);
      Ast.Expr expr = item.expr();
      if (expr instanceof Ast.Column c && aliasRefs.contains(c)) {
        expr = outputs.get(outputIndex(outputs, c.name())).expr();
      }
      if (item.descending() || !(expr instanceof Ast.Column c) || binding.resolved(c).source() != 0
          || !binding.resolved(c).column().name().equals(natural.get(matched))) {
        return false;
      }
      matched++;
    }
    return matched == select.orderBy().size()
        || (matched == natural.size() && base.naturalOrderUnique() && select.joins().isEmpty());
  }

  /**
   * Projects the requested page as rows stream in order. totalResults: the rows after the page are counted by the
   * table ({@link Table#count}) from the first key where the pushed-down constraint is exact on; only rows up to that
   * key are evaluated. Without such a key (or a table that cannot count) every remaining row is evaluated.
   */
  private static QueryResult streamPage(Iterator<Object[]> rows, Projection projection, List<String> names,
                                        int limit, int offset, Table base, Pushdown pushdown, boolean countable) {
    List<Object[]> page = new ArrayList<>(Math.min(limit, 1024));
    long seen = 0;
    Object[] last = null;
    while (seen < (long) offset + limit && rows.hasNext()) {
      Object[] row = rows.next();
      if (seen >= offset) {
        page.add(projection.project(row));
      }
      last = row;
      seen++;
    }
    long total = seen;
    Column key = base.keyColumn() == null ? null : base.column(base.keyColumn());
    if (countable && key != null && last != null) {
      long boundary = Math.max(pushdown.exactAbove(), keyOf(key, last));
      while (rows.hasNext()) {
        Object[] row = rows.next();
        total++;
        if (keyOf(key, row) > boundary) {
          // This row and all later ones match exactly when the constraint admits them: let the table count them.
          OptionalLong rest = base.count(pushdown.constraint().from(keyOf(key, row)));
          if (rest.isPresent()) {
            return new QueryResult(names, page, total - 1 + rest.getAsLong());
          }
          break;
        }
      }
    }
    while (rows.hasNext()) {
      rows.next();
      total++;
    }
    return new QueryResult(names, page, total);
  }

  private static long keyOf(Column key, Object[] row) {
    return ((Number) key.getter().apply(row[0])).longValue();
  }

  /** Output values of streamed rows: plain columns are read and formatted directly, anything else evaluated. */
  private static final class Projection {

    private final Ast.Expr[] exprs;
    private final int[] sources;
    private final Column[] columns;
    private final Evaluator evaluator;
    private final ZoneId zone;

    Projection(List<Output> outputs, Binding binding, Evaluator evaluator, ZoneId zone) {
      int n = outputs.size();
      this.exprs = new Ast.Expr[n];
      this.sources = new int[n];
      this.columns = new Column[n];
      this.evaluator = evaluator;
      this.zone = zone;
      for (int i = 0; i < n; i++) {
        exprs[i] = outputs.get(i).expr();
        if (exprs[i] instanceof Ast.Column c) {
          sources[i] = binding.resolved(c).source();
          columns[i] = binding.resolved(c).column();
        }
      }
    }

    Object[] project(Object[] row) {
      Object[] values = new Object[exprs.length];
      for (int i = 0; i < exprs.length; i++) {
        if (columns[i] != null) {
          Object source = row[sources[i]];
          values[i] = source == null ? null : columns[i].getter().apply(source);
        } else {
          values[i] = evaluator.eval(exprs[i], new Evaluator.Context(row, null));
        }
      }
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Boolean) {
          throw SuiteQlException.invalid("A condition cannot be selected as a column; use CASE WHEN.");
        }
        values[i] = columns[i] != null ? SqlValues.cell(v, zone) : SqlValues.format(v);
      }
      return values;
    }
  }

  private static ResultRow project(Evaluator.Context ctx, List<Output> outputs, List<Ast.OrderItem> orderBy,
                                   Set<Ast.Column> aliasRefs, Evaluator evaluator, long sequence) {
    Object[] values = new Object[outputs.size()];
    for (int i = 0; i < outputs.size(); i++) {
      values[i] = evaluator.eval(outputs.get(i).expr(), ctx);
    }
    Object[] keys = new Object[orderBy.size()];
    for (int i = 0; i < orderBy.size(); i++) {
      Ast.Expr e = orderBy.get(i).expr();
      if (e instanceof Ast.Column c && aliasRefs.contains(c)) {
        keys[i] = values[outputIndex(outputs, c.name())];
      } else if (e instanceof Ast.Literal l && l.value() instanceof BigDecimal position) {
        int p = position.intValue();
        if (p < 1 || p > values.length) {
          throw SuiteQlException.invalid("ORDER BY position " + p + " is out of range.");
        }
        keys[i] = values[p - 1];
      } else {
        keys[i] = evaluator.eval(e, ctx);
      }
    }
    return new ResultRow(values, keys, sequence);
  }

  private static Comparator<ResultRow> comparator(List<Ast.OrderItem> orderBy) {
    return (a, b) -> {
      for (int i = 0; i < orderBy.size(); i++) {
        Ast.OrderItem o = orderBy.get(i);
        Object x = a.sortKeys()[i];
        Object y = b.sortKeys()[i];
        boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : o.descending();
        int cmp;
        if (x == null || y == null) {
          cmp = x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
        } else {
          cmp = SqlValues.compare(x, y);
          if (o.descending()) {
            cmp = -cmp;
          }
        }
        if (cmp != 0) {
          return cmp;
        }
      }
      return Long.compare(a.sequence(), b.sequence());
    };
  }

  private static List<ResultRow> distinct(Ast.Select select, List<ResultRow> rows) {
    if (!select.distinct()) {
      return rows;
    }
    Set<List<Object>> seen = new HashSet<>();
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : rows) {
      List<Object> key = new ArrayList<>();
      for (Object v : r.values()) {
        key.add(groupValue(v));
      }
      if (seen.add(key)) {
        out.add(r);
      }
    }
    return out;
  }

  private static Object[] format(Object[] values) {
    Object[] row = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Boolean) {
        throw SuiteQlException.invalid("A condition cannot be selected as a column; use CASE WHEN.");
      }
      row[i] = SqlValues.format(v);
    }
    return row;
  }

  // ---------------------------------------------------------------- iterator helpers

  private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }

  private static <A> Iterator<A> filter(Iterator<A> in, Predicate<A> keep) {
    return new Iterator<>() {
      A next = advance();

      private A advance() {
        while (in.hasNext()) {
          A a = in.next();
          if (keep.test(a)) {
            return a;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public A next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        A out = next;
        next = advance();
        return out;
      }
    };
  }

  private static <A, B> Iterator<B> flatMap(Iterator<A> in, Function<A, Iterator<B>> f) {
    return new Iterator<>() {
      Iterator<B> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && in.hasNext()) {
          current = f.apply(in.next());
        }
        return current.hasNext();
      }

      @Override
      public B next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
