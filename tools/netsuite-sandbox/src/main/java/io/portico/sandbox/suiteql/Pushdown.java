package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.DateWindow;
import io.portico.sandbox.data.RecordType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives the FROM table's {@link KeyConstraint} from the WHERE clause's top-level AND terms: key comparisons, key
 * IN lists and BETWEEN, transaction type filters, the main/item line filter of transaction lines, and date bounds (as
 * a hint). Terms on a table joined one-to-one by key ({@link Table#keyReferences}) count too: its key is the FROM
 * table's key and its type the FROM rows' type.
 *
 * <p>Terms the constraint captures exactly need no evaluation per row: {@link #residual()} is the rest of the WHERE
 * clause. {@link #exactAbove()} tells where the table may count matches without evaluating rows: a residual keyset
 * term such as {@code (transaction > 5 OR id > 2)} holds for every key above 5, so only rows up to key 5 need it.
 */
final class Pushdown {

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** What a column reference means for the scan. */
  private enum Kind { KEY, TYPE, MAINLINE, OTHER }

  /** A column reference mapped onto the FROM table; {@code name} is the column's own name. */
  private record Mapped(Kind kind, String name) {
  }

  private long low = Long.MIN_VALUE;
  private long high = Long.MAX_VALUE;
  private TreeSet<Long> keys;
  private Set<String> types;
  private Set<String> mainline;
  private LocalDate dateLow;
  private LocalDate dateHigh;
  private Boolean activityDates;
  private final List<Ast.Expr> residual = new ArrayList<>();
  private long exactAbove = Long.MIN_VALUE;

  private final Table table;
  private final Binding binding;
  private final Evaluator evaluator;
  private final Set<Integer> aligned;

  private Pushdown(Table table, Binding binding, Evaluator evaluator, Set<Integer> aligned) {
    this.table = table;
    this.binding = binding;
    this.evaluator = evaluator;
    this.aligned = aligned;
  }

  /**
   * @param aligned sources joined one-to-one on the FROM table's key (see {@link Table#keyReferences}); their key and
   *                type columns narrow the FROM table's scan
   */
  static Pushdown analyze(Ast.Expr where, Binding binding, Evaluator evaluator, Set<Integer> aligned) {
    Pushdown p = new Pushdown(binding.sources().get(0).table(), binding, evaluator, aligned);
    if (where != null) {
      List<Ast.Expr> terms = new ArrayList<>();
      flattenAnd(where, terms);
      terms.forEach(p::term);
    }
    return p;
  }

  KeyConstraint constraint() {
    DateWindow dates = dateLow == null && dateHigh == null ? null : new DateWindow(dateLow, dateHigh);
    return new KeyConstraint(low, high, keys, types, dates, Boolean.TRUE.equals(activityDates), mainline);
  }

  /** The WHERE terms the constraint does not capture, ANDed in their original order; null if there are none. */
  Ast.Expr residual() {
    Ast.Expr out = null;
    for (Ast.Expr t : residual) {
      out = out == null ? t : new Ast.Binary("AND", out, t);
    }
    return out;
  }

  /**
   * Every row the scan yields with a key above this satisfies the whole WHERE clause (and evaluating the clause there
   * could not have failed), so such rows need no evaluation and can be counted by {@link Table#count};
   * {@link Long#MIN_VALUE} if the constraint captures the clause entirely, {@link Long#MAX_VALUE} if some term must be
   * evaluated on every row.
   */
  long exactAbove() {
    return exactAbove;
  }

  /** Whether the constraint captures the whole WHERE clause. */
  boolean exact() {
    return exactAbove == Long.MIN_VALUE;
  }

  private void term(Ast.Expr e) {
    boolean used = false;
    if (e instanceof Ast.Binary b && isComparison(b.op())) {
      used = comparison(b.op(), b.left(), b.right()) || comparison(flip(b.op()), b.right(), b.left());
    } else if (e instanceof Ast.In in && !in.negated()) {
      used = in(in);
    } else if (e instanceof Ast.Between b && !b.negated()) {
      used = comparison(">=", b.expr(), b.low()) & comparison("<=", b.expr(), b.high());
    }
    if (!used) {
      residual.add(e);
      exactAbove = Math.max(exactAbove, keysetThreshold(e));
    }
  }

  /** {@code column op constant}; true if the term was fully expressed in the constraint. */
  private boolean comparison(String op, Ast.Expr columnSide, Ast.Expr valueSide) {
    Mapped column = map(columnSide);
    if (column == null || !isConstant(valueSide)) {
      return false;
    }
    Object value = evaluator.eval(valueSide, new Evaluator.Context(null, null));
    switch (column.kind()) {
      case KEY -> {
        BigDecimal n = number(value);
        if (n == null || op.equals("<>")) {
          return false;
        }
        switch (op) {
          case "=" -> {
            if (n.stripTrailingZeros().scale() > 0 || n.compareTo(MIN) < 0 || n.compareTo(MAX) > 0) {
              keys = new TreeSet<>();
            } else {
              atLeast(n);
              atMost(n);
            }
          }
          case ">" -> atLeast(n.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE));
          case ">=" -> atLeast(n.setScale(0, RoundingMode.CEILING));
          case "<" -> atMost(n.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE));
          default -> atMost(n.setScale(0, RoundingMode.FLOOR));
        }
        return true;
      }
      case TYPE -> {
        if (op.equals("=") && value instanceof String s) {
          restrictTypes(Set.of(typeCode(column.name(), s)));
          return true;
        }
        return false;
      }
      case MAINLINE -> {
        if (op.equals("=") && isLineFlag(value)) {
          restrictMainline(Set.of((String) value));
          return true;
        }
        return false;
      }
      default -> {
        dateHint(op, column.name(), value);
        return false;
      }
    }
  }

  /** Date bounds on the FROM table's date columns only narrow the scan; the term is still evaluated. */
  private void dateHint(String op, String column, Object value) {
    boolean activity = table.activityDateColumns().contains(column);
    boolean document = table.documentDateColumns().contains(column);
    // One window kind per scan: the first date bound decides whether it is activity or document dates.
    if ((activity || document) && value != null && (activityDates == null || activityDates == activity)) {
      LocalDate date = date(value);
      if (date != null) {
        activityDates = activity;
        if (op.equals(">") || op.equals(">=") || op.equals("=")) {
          dateLow = dateLow == null || date.isAfter(dateLow) ? date : dateLow;
        }
        if (op.equals("<") || op.equals("<=") || op.equals("=")) {
          dateHigh = dateHigh == null || date.isBefore(dateHigh) ? date : dateHigh;
        }
      }
    }
  }

  private boolean in(Ast.In in) {
    Mapped column = map(in.expr());
    if (column == null || !in.values().stream().allMatch(Pushdown::isConstant)) {
      return false;
    }
    List<Object> values = new ArrayList<>();
    for (Ast.Expr v : in.values()) {
      values.add(evaluator.eval(v, new Evaluator.Context(null, null)));
    }
    switch (column.kind()) {
      case KEY -> {
        TreeSet<Long> set = new TreeSet<>();
        for (Object v : values) {
          BigDecimal n = number(v);
          if (n == null) {
            return false;
          }
          // A fraction or a number beyond the key range equals no key.
          if (n.stripTrailingZeros().scale() <= 0 && n.compareTo(MIN) >= 0 && n.compareTo(MAX) <= 0) {
            set.add(n.longValue());
          }
        }
        if (keys != null) {
          set.retainAll(keys);
        }
        keys = set;
        return true;
      }
      case TYPE -> {
        if (values.stream().allMatch(v -> v instanceof String)) {
          Set<String> codes = new HashSet<>();
          values.forEach(v -> codes.add(typeCode(column.name(), (String) v)));
          restrictTypes(codes);
          return true;
        }
        return false;
      }
      case MAINLINE -> {
        if (values.stream().allMatch(Pushdown::isLineFlag)) {
          Set<String> flags = new HashSet<>();
          values.forEach(v -> flags.add((String) v));
          restrictMainline(flags);
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * For a keyset term {@code (key > c OR ...)}: the key above which the term is certainly true; {@link Long#MAX_VALUE}
   * for any other term. Only the first disjunct counts: when it is true, evaluation never looks at the others (which
   * could fail, say on a text column compared with a number), so skipping the term above c changes nothing.
   */
  private long keysetThreshold(Ast.Expr e) {
    if (!(e instanceof Ast.Binary b) || !b.op().equals("OR")) {
      return Long.MAX_VALUE;
    }
    List<Ast.Expr> disjuncts = new ArrayList<>();
    flattenOr(e, disjuncts);
    if (disjuncts.get(0) instanceof Ast.Binary c && isComparison(c.op())) {
      return Math.min(lowerKeyBound(c.op(), c.left(), c.right()), lowerKeyBound(flip(c.op()), c.right(), c.left()));
    }
    return Long.MAX_VALUE;
  }

  /** For {@code key > v} or {@code key >= v}: the largest key for which the comparison may be false. */
  private long lowerKeyBound(String op, Ast.Expr columnSide, Ast.Expr valueSide) {
    Mapped column = map(columnSide);
    if (column == null || column.kind() != Kind.KEY || !isConstant(valueSide)
        || !(op.equals(">") || op.equals(">="))) {
      return Long.MAX_VALUE;
    }
    BigDecimal n = number(evaluator.eval(valueSide, new Evaluator.Context(null, null)));
    if (n == null) {
      return Long.MAX_VALUE;
    }
    BigDecimal bound = op.equals(">") ? n.setScale(0, RoundingMode.FLOOR)
        : n.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
    return bound.compareTo(MAX) >= 0 ? Long.MAX_VALUE : bound.compareTo(MIN) <= 0 ? Long.MIN_VALUE
        : bound.longValue();
  }

  /** Keys from {@code bound} (an integer) on. */
  private void atLeast(BigDecimal bound) {
    if (bound.compareTo(MAX) > 0) {
      keys = new TreeSet<>();
    } else if (bound.compareTo(MIN) > 0) {
      low = Math.max(low, bound.longValue());
    }
  }

  /** Keys up to {@code bound} (an integer). */
  private void atMost(BigDecimal bound) {
    if (bound.compareTo(MIN) < 0) {
      keys = new TreeSet<>();
    } else if (bound.compareTo(MAX) < 0) {
      high = Math.min(high, bound.longValue());
    }
  }

  /** What a column means for the FROM table's scan; null for anything but a column of FROM or an aligned join. */
  private Mapped map(Ast.Expr e) {
    if (!(e instanceof Ast.Column c)) {
      return null;
    }
    Binding.Resolved r = binding.resolved(c);
    String name = r.column().name();
    if (r.source() == 0) {
      if (name.equals(table.keyColumn())) {
        return new Mapped(Kind.KEY, name);
      }
      if (isTypeColumn(table, name)) {
        return new Mapped(Kind.TYPE, name);
      }
      if (table.filtersMainline() && name.equals("mainline")) {
        return new Mapped(Kind.MAINLINE, name);
      }
      return new Mapped(Kind.OTHER, name);
    }
    if (aligned.contains(r.source())) {
      Table joined = binding.sources().get(r.source()).table();
      if (name.equals(joined.keyColumn())) {
        return new Mapped(Kind.KEY, name);
      }
      if (isTypeColumn(joined, name)) {
        return new Mapped(Kind.TYPE, name);
      }
    }
    return null;
  }

  private static boolean isTypeColumn(Table t, String column) {
    return t.typeColumn() != null && (column.equals(t.typeColumn()) || column.equals("recordtype"));
  }

  private static boolean isLineFlag(Object v) {
    return "T".equals(v) || "F".equals(v);
  }

  /** {@code recordtype} holds REST names ("invoice"); the constraint works on type codes ("CustInvc"). */
  private static String typeCode(String column, String value) {
    if (column.equals("recordtype")) {
      return RecordType.fromRestName(value).map(RecordType::transactionCode).orElse("?" + value);
    }
    return value;
  }

  private void restrictTypes(Set<String> codes) {
    Set<String> next = new HashSet<>(codes);
    if (types != null) {
      next.retainAll(types);
    }
    types = next;
  }

  private void restrictMainline(Set<String> flags) {
    Set<String> next = new HashSet<>(flags);
    if (mainline != null) {
      next.retainAll(mainline);
    }
    mainline = next;
  }

  /** Whether an expression reads no column and no aggregate, so its value is the same for every row. */
  static boolean isConstant(Ast.Expr e) {
    if (e instanceof Ast.Literal || e instanceof Ast.Parameter || e instanceof Ast.Keyword) {
      return true;
    }
    if (e instanceof Ast.Negate n) {
      return isConstant(n.expr());
    }
    if (e instanceof Ast.Call c) {
      return !Evaluator.AGGREGATES.contains(c.name()) && !c.name().equals("BUILTIN.DF")
          && c.args().stream().allMatch(Pushdown::isConstant);
    }
    if (e instanceof Ast.Binary b && (b.op().equals("+") || b.op().equals("-") || b.op().equals("||"))) {
      return isConstant(b.left()) && isConstant(b.right());
    }
    return false;
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static LocalDate date(Object v) {
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof String s) {
      try {
        return OracleFormats.parseAccountDate(s).toLocalDate();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isComparison(String op) {
    return COMPARISONS.contains(op);
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  static void flattenAnd(Ast.Expr e, List<Ast.Expr> out) {
    if (e instanceof Ast.Binary b && b.op().equals("AND")) {
      flattenAnd(b.left(), out);
      flattenAnd(b.right(), out);
    } else {
      out.add(e);
    }
  }

  private static void flattenOr(Ast.Expr e, List<Ast.Expr> out) {
    if (e instanceof Ast.Binary b && b.op().equals("OR")) {
      flattenOr(b.left(), out);
      flattenOr(b.right(), out);
    } else {
      out.add(e);
    }
  }
}
