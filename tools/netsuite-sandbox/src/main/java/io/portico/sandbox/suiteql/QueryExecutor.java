package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.Store;
import java.math.BigDecimal;
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
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a SELECT: scans the FROM table (narrowed by {@link Pushdown}), nested-loop joins (using table lookups where the
 * ON clause allows), filters, groups, sorts and returns the requested page. When the order is the FROM table's key
 * order the rows stream and only the page is projected; otherwise at most offset + limit rows are kept while sorting.
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
    Pushdown pushdown = Pushdown.analyze(select.where(), binding, evaluator);
    Iterator<Object[]> rows = joinedRows(select, binding, evaluator, pushdown.constraint());

    Comparator<ResultRow> order = comparator(select.orderBy());
    if (!aggregated && !select.distinct() && streamsInOrder(select, binding, outputs, aliasRefs)) {
      return streamPage(rows, outputs, evaluator, limit, offset, select, binding, pushdown);
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
    List<Map<String, String>> page = new ArrayList<>();
    for (int i = offset; i < Math.min(results.size(), offset + limit); i++) {
      page.add(format(outputs, results.get(i).values()));
    }
    return new QueryResult(page, total);
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

  private Iterator<Object[]> joinedRows(Ast.Select select, Binding binding, Evaluator evaluator,
                                        KeyConstraint constraint) {
    int width = binding.sources().size();
    Iterator<Object> base = binding.sources().get(0).table().scan(constraint);
    Iterator<Object[]> rows = map(base, r -> {
      Object[] row = new Object[width];
      row[0] = r;
      return row;
    });
    for (int i = 0; i < select.joins().size(); i++) {
      rows = join(rows, i + 1, select.joins().get(i), binding, evaluator);
    }
    Ast.Expr where = select.where();
    return where == null ? rows : filter(rows, row -> evaluator.test(where, new Evaluator.Context(row, null)));
  }

  private Iterator<Object[]> join(Iterator<Object[]> left, int index, Ast.Join join, Binding binding,
                                  Evaluator evaluator) {
    Table table = binding.sources().get(index).table();
    JoinKey key = joinKey(join.on(), index, binding);
    return flatMap(left, row -> {
      Iterator<Object> candidates = null;
      if (key != null) {
        Object value = evaluator.eval(key.outer(), new Evaluator.Context(row, null));
        if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
          candidates = table.lookup(key.column(), d.longValue()).orElse(null);
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

  /** True when rows already arrive in the requested order: no ORDER BY, or the FROM table's key ascending. */
  private static boolean streamsInOrder(Ast.Select select, Binding binding, List<Output> outputs,
                                        Set<Ast.Column> aliasRefs) {
    if (select.orderBy().isEmpty()) {
      return true;
    }
    Ast.OrderItem first = select.orderBy().get(0);
    Ast.Expr expr = first.expr();
    if (expr instanceof Ast.Column c && aliasRefs.contains(c)) {
      expr = outputs.get(outputIndex(outputs, c.name())).expr();
    }
    String key = binding.sources().get(0).table().keyColumn();
    boolean keyAscending = key != null && !first.descending() && first.nullsFirst() == null
        && expr instanceof Ast.Column c && binding.resolved(c).source() == 0
        && binding.resolved(c).column().name().equals(key);
    boolean uniquePerKey = select.joins().isEmpty() && key != null
        && !binding.sources().get(0).table().name().equals("transactionline")
        && !binding.sources().get(0).table().name().endsWith("link");
    return keyAscending && (select.orderBy().size() == 1 || uniquePerKey);
  }

  private QueryResult streamPage(Iterator<Object[]> rows, List<Output> outputs, Evaluator evaluator, int limit,
                                 int offset, Ast.Select select, Binding binding, Pushdown pushdown) {
    List<Map<String, String>> page = new ArrayList<>();
    long seen = 0;
    while (seen < (long) offset + limit && rows.hasNext()) {
      Object[] row = rows.next();
      if (seen >= offset) {
        Object[] values = new Object[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
          values[i] = evaluator.eval(outputs.get(i).expr(), new Evaluator.Context(row, null));
        }
        page.add(format(outputs, values));
      }
      seen++;
    }
    long total;
    OptionalLong counted = select.joins().isEmpty() && pushdown.exact()
        ? binding.sources().get(0).table().count(pushdown.constraint()) : OptionalLong.empty();
    if (counted.isPresent()) {
      total = counted.getAsLong();
    } else {
      total = seen;
      while (rows.hasNext()) {
        rows.next();
        total++;
      }
    }
    return new QueryResult(page, total);
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

  private static Map<String, String> format(List<Output> outputs, Object[] values) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < outputs.size(); i++) {
      Object v = values[i];
      if (v instanceof Boolean) {
        throw SuiteQlException.invalid("A condition cannot be selected as a column; use CASE WHEN.");
      }
      String s = SqlValues.format(v);
      if (s != null) {
        row.put(outputs.get(i).name(), s);
      }
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
