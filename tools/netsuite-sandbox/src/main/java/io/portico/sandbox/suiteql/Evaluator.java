package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.SandboxClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Evaluates expressions against a joined row (one row object per source) or, for aggregates, a group of rows. */
final class Evaluator {

  static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG");

  /** A row of the FROM/JOIN product, or a group of such rows when aggregating. */
  record Context(Object[] row, List<Object[]> group) {
  }

  private final Binding binding;
  private final List<Object> params;
  private final ZoneId zone;
  private final SandboxClock clock;
  // Calls on constants only (TO_DATE('...')) are computed once per query, not once per row.
  private final Map<Ast.Call, Object> constantCalls = new IdentityHashMap<>();

  Evaluator(Binding binding, List<Object> params, ZoneId zone, SandboxClock clock) {
    this.binding = binding;
    this.params = params;
    this.zone = zone;
    this.clock = clock;
  }

  Object eval(Ast.Expr e, Context ctx) {
    if (e instanceof Ast.Literal l) {
      return l.value();
    }
    if (e instanceof Ast.Parameter p) {
      return parameter(p.index());
    }
    if (e instanceof Ast.Column c) {
      return column(c, ctx.row());
    }
    if (e instanceof Ast.Call call) {
      return call(call, ctx);
    }
    if (e instanceof Ast.Binary b) {
      return binary(b, ctx);
    }
    if (e instanceof Ast.Not n) {
      return not(truth(eval(n.expr(), ctx)));
    }
    if (e instanceof Ast.In in) {
      return in(in, ctx);
    }
    if (e instanceof Ast.Between b) {
      return between(b, ctx);
    }
    if (e instanceof Ast.IsNull n) {
      return (eval(n.expr(), ctx) == null) != n.negated();
    }
    if (e instanceof Ast.Like l) {
      return like(l, ctx);
    }
    if (e instanceof Ast.Case c) {
      return caseWhen(c, ctx);
    }
    if (e instanceof Ast.Negate n) {
      return negate(eval(n.expr(), ctx));
    }
    return LocalDateTime.ofInstant(clock.now(), zone); // Ast.Keyword: SYSDATE and friends
  }

  /** WHERE/ON/HAVING semantics: only TRUE passes, FALSE and UNKNOWN (null) do not. */
  boolean test(Ast.Expr e, Context ctx) {
    return Boolean.TRUE.equals(truth(eval(e, ctx)));
  }

  Object column(Ast.Column c, Object[] row) {
    Binding.Resolved r = binding.resolved(c);
    Object source = row == null ? null : row[r.source()];
    return source == null ? null : SqlValues.normalize(r.column().getter().apply(source), zone);
  }

  private Object parameter(int index) {
    if (index >= params.size()) {
      throw SuiteQlException.invalid("No value was given for parameter " + (index + 1) + ".");
    }
    Object v = params.get(index);
    return v instanceof Number n ? new BigDecimal(n.toString()) : v;
  }

  private Object call(Ast.Call call, Context ctx) {
    if (constantCalls.containsKey(call)) {
      return constantCalls.get(call);
    }
    Object value = evaluateCall(call, ctx);
    if (Pushdown.isConstant(call)) {
      constantCalls.put(call, value);
    }
    return value;
  }

  private Object evaluateCall(Ast.Call call, Context ctx) {
    String name = call.name();
    if (AGGREGATES.contains(name)) {
      return aggregate(call, ctx);
    }
    List<Object> args = new ArrayList<>();
    if (!name.equals("BUILTIN.DF")) {
      for (Ast.Expr a : call.args()) {
        args.add(eval(a, ctx));
      }
    }
    return switch (name) {
      case "BUILTIN.DF" -> displayValue(call, ctx);
      case "TO_DATE", "TO_TIMESTAMP" -> toDate(args, arity(call, 1, 2));
      case "TO_CHAR" -> toChar(args, arity(call, 1, 2));
      case "TO_NUMBER" -> SqlValues.toNumber(args.get(arity(call, 1, 1) - 1));
      case "NVL" -> args.get(arity(call, 2, 2) - 2) != null ? args.get(0) : args.get(1);
      case "COALESCE" -> args.stream().filter(a -> a != null).findFirst().orElse(null);
      case "UPPER" -> text(args, call) == null ? null : text(args, call).toUpperCase(Locale.ROOT);
      case "LOWER" -> text(args, call) == null ? null : text(args, call).toLowerCase(Locale.ROOT);
      case "TRIM" -> text(args, call) == null ? null : text(args, call).trim();
      case "LENGTH" -> text(args, call) == null ? null : BigDecimal.valueOf(text(args, call).length());
      case "SUBSTR" -> substr(args, arity(call, 2, 3));
      case "CONCAT" -> concat(args.get(arity(call, 2, 2) - 2), args.get(1));
      case "ABS" -> number(args, call) == null ? null : number(args, call).abs();
      case "ROUND" -> round(args, arity(call, 1, 2));
      case "TRUNC" -> trunc(args, arity(call, 1, 2));
      default -> throw SuiteQlException.unsupported("The function " + name);
    };
  }

  private Object displayValue(Ast.Call call, Context ctx) {
    if (call.args().size() != 1 || !(call.args().get(0) instanceof Ast.Column c)) {
      throw SuiteQlException.invalid("BUILTIN.DF takes one column.");
    }
    Binding.Resolved r = binding.resolved(c);
    Object source = ctx.row() == null ? null : ctx.row()[r.source()];
    if (source == null) {
      return null;
    }
    if (r.column().display() != null) {
      return r.column().display().apply(source);
    }
    return SqlValues.format(SqlValues.normalize(r.column().getter().apply(source), zone));
  }

  private Object aggregate(Ast.Call call, Context ctx) {
    if (ctx.group() == null) {
      throw SuiteQlException.invalid("The aggregate function " + call.name() + " is not allowed here.");
    }
    if (call.star()) {
      return BigDecimal.valueOf(ctx.group().size());
    }
    arity(call, 1, 1);
    List<Object> values = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Object[] row : ctx.group()) {
      Object v = eval(call.args().get(0), new Context(row, null));
      if (v != null && (!call.distinct() || seen.add(v instanceof BigDecimal d ? d.stripTrailingZeros() : v))) {
        values.add(v);
      }
    }
    return switch (call.name()) {
      case "COUNT" -> BigDecimal.valueOf(values.size());
      case "SUM" -> values.isEmpty() ? null : values.stream().map(SqlValues::toNumber)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      case "AVG" -> values.isEmpty() ? null : values.stream().map(SqlValues::toNumber)
          .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
      case "MIN" -> values.stream().reduce((a, b) -> SqlValues.compare(a, b) <= 0 ? a : b).orElse(null);
      default -> values.stream().reduce((a, b) -> SqlValues.compare(a, b) >= 0 ? a : b).orElse(null);
    };
  }

  private Object binary(Ast.Binary b, Context ctx) {
    switch (b.op()) {
      case "AND" -> {
        Boolean l = truth(eval(b.left(), ctx));
        if (Boolean.FALSE.equals(l)) {
          return false;
        }
        Boolean r = truth(eval(b.right(), ctx));
        return Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
      }
      case "OR" -> {
        Boolean l = truth(eval(b.left(), ctx));
        if (Boolean.TRUE.equals(l)) {
          return true;
        }
        Boolean r = truth(eval(b.right(), ctx));
        return Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : Boolean.FALSE;
      }
      case "||" -> {
        return concat(eval(b.left(), ctx), eval(b.right(), ctx));
      }
      default -> {
        Object l = eval(b.left(), ctx);
        Object r = eval(b.right(), ctx);
        return switch (b.op()) {
          case "+", "-", "*", "/" -> arithmetic(b.op(), l, r);
          default -> comparison(b.op(), SqlValues.compare(l, r));
        };
      }
    }
  }

  private static Boolean comparison(String op, Integer cmp) {
    if (cmp == null) {
      return null;
    }
    return switch (op) {
      case "=" -> cmp == 0;
      case "<>" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  private static Object arithmetic(String op, Object l, Object r) {
    if (l == null || r == null) {
      return null;
    }
    if (l instanceof LocalDateTime t && (op.equals("+") || op.equals("-")) && !(r instanceof LocalDateTime)) {
      long seconds = SqlValues.toNumber(r).multiply(BigDecimal.valueOf(86_400)).longValue();
      return op.equals("+") ? t.plusSeconds(seconds) : t.minusSeconds(seconds);
    }
    if (l instanceof LocalDateTime a && r instanceof LocalDateTime b && op.equals("-")) {
      return BigDecimal.valueOf(Duration.between(b, a).getSeconds())
          .divide(BigDecimal.valueOf(86_400), MathContext.DECIMAL64);
    }
    BigDecimal x = SqlValues.toNumber(l);
    BigDecimal y = SqlValues.toNumber(r);
    return switch (op) {
      case "+" -> x.add(y);
      case "-" -> x.subtract(y);
      case "*" -> x.multiply(y);
      default -> {
        if (y.signum() == 0) {
          throw SuiteQlException.invalid("Division by zero.");
        }
        yield x.divide(y, MathContext.DECIMAL64);
      }
    };
  }

  private Object in(Ast.In in, Context ctx) {
    Object v = eval(in.expr(), ctx);
    if (v == null) {
      return null;
    }
    boolean sawNull = false;
    for (Ast.Expr candidate : in.values()) {
      Integer cmp = SqlValues.compare(v, eval(candidate, ctx));
      if (cmp == null) {
        sawNull = true;
      } else if (cmp == 0) {
        return !in.negated();
      }
    }
    return sawNull ? null : in.negated();
  }

  private Object between(Ast.Between b, Context ctx) {
    Object v = eval(b.expr(), ctx);
    Integer low = SqlValues.compare(v, eval(b.low(), ctx));
    Integer high = SqlValues.compare(v, eval(b.high(), ctx));
    if (low == null || high == null) {
      return null;
    }
    return (low >= 0 && high <= 0) != b.negated();
  }

  private Object like(Ast.Like l, Context ctx) {
    Object v = eval(l.expr(), ctx);
    Object p = eval(l.pattern(), ctx);
    if (v == null || p == null) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (char ch : p.toString().toCharArray()) {
      switch (ch) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(SqlValues.format(v)).matches() != l.negated();
  }

  private Object caseWhen(Ast.Case c, Context ctx) {
    for (Ast.When w : c.whens()) {
      if (test(w.condition(), ctx)) {
        return eval(w.result(), ctx);
      }
    }
    return c.otherwise() == null ? null : eval(c.otherwise(), ctx);
  }

  private static Object negate(Object v) {
    return v == null ? null : SqlValues.toNumber(v).negate();
  }

  private static Boolean not(Boolean b) {
    return b == null ? null : !b;
  }

  private static Boolean truth(Object v) {
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw SuiteQlException.invalid("A condition was expected where a value was found.");
  }

  private static LocalDateTime toDate(List<Object> args, int arity) {
    Object v = args.get(0);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      return t;
    }
    return arity == 2 ? OracleFormats.parse(v.toString(), String.valueOf(args.get(1)))
        : OracleFormats.parseAccountDate(v.toString());
  }

  private static Object toChar(List<Object> args, int arity) {
    Object v = args.get(0);
    if (v instanceof LocalDateTime t) {
      return arity == 2 ? OracleFormats.format(t, String.valueOf(args.get(1))) : SqlValues.format(t);
    }
    return SqlValues.format(v);
  }

  private static Object substr(List<Object> args, int arity) {
    if (args.get(0) == null || args.get(1) == null) {
      return null;
    }
    String s = SqlValues.format(args.get(0));
    int start = SqlValues.toNumber(args.get(1)).intValue();
    int from = start > 0 ? start - 1 : start == 0 ? 0 : Math.max(0, s.length() + start);
    if (from >= s.length()) {
      return null;
    }
    int to = arity == 3 ? Math.min(s.length(), from + SqlValues.toNumber(args.get(2)).intValue()) : s.length();
    return to <= from ? null : s.substring(from, to);
  }

  private static Object concat(Object a, Object b) {
    String s = (a == null ? "" : SqlValues.format(a)) + (b == null ? "" : SqlValues.format(b));
    return s.isEmpty() ? null : s;
  }

  private static Object round(List<Object> args, int arity) {
    BigDecimal n = SqlValues.toNumber(args.get(0));
    int places = arity == 2 && args.get(1) != null ? SqlValues.toNumber(args.get(1)).intValue() : 0;
    return n == null ? null : n.setScale(places, RoundingMode.HALF_UP);
  }

  private static Object trunc(List<Object> args, int arity) {
    Object v = args.get(0);
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate().atStartOfDay();
    }
    BigDecimal n = SqlValues.toNumber(v);
    int places = arity == 2 && args.get(1) != null ? SqlValues.toNumber(args.get(1)).intValue() : 0;
    return n == null ? null : n.setScale(places, RoundingMode.DOWN);
  }

  private String text(List<Object> args, Ast.Call call) {
    arity(call, 1, 1);
    return args.get(0) == null ? null : SqlValues.format(args.get(0));
  }

  private BigDecimal number(List<Object> args, Ast.Call call) {
    arity(call, 1, 1);
    return SqlValues.toNumber(args.get(0));
  }

  private static int arity(Ast.Call call, int min, int max) {
    int n = call.args().size();
    if (n < min || n > max) {
      throw SuiteQlException.invalid("Wrong number of arguments for " + call.name() + ".");
    }
    return n;
  }
}
