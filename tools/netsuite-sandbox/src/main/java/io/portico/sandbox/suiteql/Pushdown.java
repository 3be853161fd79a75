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
 * IN lists and BETWEEN, transaction type filters, and date bounds (as a hint). {@link #exact()} says whether the
 * constraint captures the whole WHERE clause, so the table may count matches without evaluating rows.
 */
final class Pushdown {

  private long low = Long.MIN_VALUE;
  private long high = Long.MAX_VALUE;
  private TreeSet<Long> keys;
  private Set<String> types;
  private LocalDate dateLow;
  private LocalDate dateHigh;
  private Boolean activityDates;
  private boolean exact = true;

  private final Table table;
  private final Binding binding;
  private final Evaluator evaluator;

  private Pushdown(Table table, Binding binding, Evaluator evaluator) {
    this.table = table;
    this.binding = binding;
    this.evaluator = evaluator;
  }

  static Pushdown analyze(Ast.Expr where, Binding binding, Evaluator evaluator) {
    Pushdown p = new Pushdown(binding.sources().get(0).table(), binding, evaluator);
    if (where != null) {
      List<Ast.Expr> terms = new ArrayList<>();
      flattenAnd(where, terms);
      terms.forEach(p::term);
    }
    return p;
  }

  KeyConstraint constraint() {
    DateWindow dates = dateLow == null && dateHigh == null ? null : new DateWindow(dateLow, dateHigh);
    return new KeyConstraint(low, high, keys, types, dates, Boolean.TRUE.equals(activityDates));
  }

  boolean exact() {
    return exact;
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
    exact &= used;
  }

  /** {@code column op constant}; true if the term was fully expressed in the constraint. */
  private boolean comparison(String op, Ast.Expr columnSide, Ast.Expr valueSide) {
    String column = baseColumn(columnSide);
    if (column == null || !isConstant(valueSide)) {
      return false;
    }
    Object value = evaluator.eval(valueSide, new Evaluator.Context(null, null));
    if (column.equals(table.keyColumn())) {
      BigDecimal n = number(value);
      if (n == null || op.equals("<>")) {
        return false;
      }
      switch (op) {
        case "=" -> {
          if (n.stripTrailingZeros().scale() > 0) {
            keys = new TreeSet<>();
          } else {
            low = Math.max(low, n.longValue());
            high = Math.min(high, n.longValue());
          }
        }
        case ">" -> low = Math.max(low, n.setScale(0, RoundingMode.FLOOR).longValue() + 1);
        case ">=" -> low = Math.max(low, n.setScale(0, RoundingMode.CEILING).longValue());
        case "<" -> high = Math.min(high, n.setScale(0, RoundingMode.CEILING).longValue() - 1);
        default -> high = Math.min(high, n.setScale(0, RoundingMode.FLOOR).longValue());
      }
      return true;
    }
    if (isTypeColumn(column) && op.equals("=") && value instanceof String s) {
      restrictTypes(Set.of(typeCode(column, s)));
      return true;
    }
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
    return false;
  }

  private boolean in(Ast.In in) {
    String column = baseColumn(in.expr());
    if (column == null || !in.values().stream().allMatch(Pushdown::isConstant)) {
      return false;
    }
    List<Object> values = new ArrayList<>();
    for (Ast.Expr v : in.values()) {
      values.add(evaluator.eval(v, new Evaluator.Context(null, null)));
    }
    if (column.equals(table.keyColumn())) {
      TreeSet<Long> set = new TreeSet<>();
      for (Object v : values) {
        BigDecimal n = number(v);
        if (n == null) {
          return false;
        }
        if (n.stripTrailingZeros().scale() <= 0) {
          set.add(n.longValue());
        }
      }
      if (keys != null) {
        set.retainAll(keys);
      }
      keys = set;
      return true;
    }
    if (isTypeColumn(column) && values.stream().allMatch(v -> v instanceof String)) {
      Set<String> codes = new HashSet<>();
      values.forEach(v -> codes.add(typeCode(column, (String) v)));
      restrictTypes(codes);
      return true;
    }
    return false;
  }

  /** The column name if the expression is a column of the FROM table (source 0). */
  private String baseColumn(Ast.Expr e) {
    if (e instanceof Ast.Column c) {
      Binding.Resolved r = binding.resolved(c);
      return r.source() == 0 ? r.column().name() : null;
    }
    return null;
  }

  private boolean isTypeColumn(String column) {
    return table.typeColumn() != null && (column.equals(table.typeColumn()) || column.equals("recordtype"));
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
    return Set.of("=", "<>", "<", "<=", ">", ">=").contains(op);
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
}
