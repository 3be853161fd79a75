package io.portico.sandbox.rest;

import io.portico.sandbox.data.Choice;
import io.portico.sandbox.data.DateWindow;
import io.portico.sandbox.data.FieldKind;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordSchema;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Ref;
import io.portico.sandbox.data.TransactionStatus;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The record list's {@code q} filter: {@code field OPERATOR value} terms joined by AND/OR (AND binds tighter) with
 * parentheses, values quoted, bare, or {@code [a, b]} lists. Operators follow the field's type (text, number,
 * boolean, date). Dates may be written in the account's format ({@code 1/15/2026}, {@code 1/15/26 3:04 PM}) or as
 * ISO-8601 date-times; a date without time means the whole day in the account's time zone.
 */
public final class RecordQuery {

  /** A parsed condition tree. */
  private sealed interface Node permits Term, And, Or {
  }

  private record Term(RecordSchema.Field field, String operator, List<String> values) implements Node {
  }

  private record And(Node left, Node right) implements Node {
  }

  private record Or(Node left, Node right) implements Node {
  }

  private static final Set<String> UNARY = Set.of("EMPTY", "EMPTY_NOT");

  private final Node root;
  private final ZoneId zone;

  private RecordQuery(Node root, ZoneId zone) {
    this.root = root;
    this.zone = zone;
  }

  public static RecordQuery parse(String q, RecordType type, ZoneId zone) {
    Parser p = new Parser(tokenize(q), RecordSchema.of(type), type, zone);
    Node root = p.or();
    if (p.pos < p.tokens.size()) {
      throw invalid("Unexpected '" + p.tokens.get(p.pos) + "' in the query.");
    }
    return new RecordQuery(root, zone);
  }

  public boolean matches(RecordData r) {
    return eval(root, r);
  }

  /**
   * The window that top-level AND terms put on one kind of date (created/modified, or transaction/due dates), for
   * skipping records that cannot match; null if the filter has no such terms.
   */
  public DateWindow dateWindow() {
    Boolean activity = firstDateKind(root);
    if (activity == null) {
      return null;
    }
    return new DateWindow(bound(root, true, activity), bound(root, false, activity));
  }

  /** Whether {@link #dateWindow()} bounds created/modified dates (true) or transaction/due dates (false). */
  public boolean dateWindowIsActivity() {
    return Boolean.TRUE.equals(firstDateKind(root));
  }

  private static Boolean firstDateKind(Node n) {
    if (n instanceof And a) {
      Boolean left = firstDateKind(a.left());
      return left != null ? left : firstDateKind(a.right());
    }
    if (n instanceof Term t && isDate(t)) {
      return isActivity(t);
    }
    return null;
  }

  private LocalDate bound(Node n, boolean lower, boolean activity) {
    if (n instanceof And a) {
      LocalDate l = bound(a.left(), lower, activity);
      LocalDate r = bound(a.right(), lower, activity);
      if (l == null || r == null) {
        return l == null ? r : l;
      }
      return lower == l.isAfter(r) ? l : r;
    }
    if (!(n instanceof Term t) || !isDate(t) || isActivity(t) != activity) {
      return null;
    }
    Set<String> lowerOps = Set.of("AFTER", "ON_OR_AFTER", "ON", "WITHIN");
    Set<String> upperOps = Set.of("BEFORE", "ON_OR_BEFORE", "ON", "WITHIN");
    if (lower && lowerOps.contains(t.operator())) {
      return DateValue.parse(t.values().get(0), zone).day(zone);
    }
    if (!lower && upperOps.contains(t.operator())) {
      return DateValue.parse(t.values().get(t.values().size() - 1), zone).day(zone);
    }
    return null;
  }

  private static boolean isDate(Term t) {
    return t.field().kind() == FieldKind.DATE || t.field().kind() == FieldKind.DATETIME;
  }

  private static boolean isActivity(Term t) {
    return Set.of("lastModifiedDate", "createdDate", "dateCreated").contains(t.field().name());
  }

  private boolean eval(Node n, RecordData r) {
    if (n instanceof And a) {
      return eval(a.left(), r) && eval(a.right(), r);
    }
    if (n instanceof Or o) {
      return eval(o.left(), r) || eval(o.right(), r);
    }
    Term t = (Term) n;
    Object value = t.field().name().equals("id") ? (Object) BigDecimal.valueOf(r.id()) : r.get(t.field().name());
    boolean negated = t.operator().endsWith("_NOT");
    String op = negated ? t.operator().substring(0, t.operator().length() - 4) : t.operator();
    if (op.equals("END_WITH")) {
      op = "ENDWITH";
    }
    boolean result = switch (op) {
      case "EMPTY" -> value == null || value.toString().isEmpty();
      default -> value != null && test(t.field().kind(), op, value, t.values());
    };
    return result != negated;
  }

  private boolean test(FieldKind kind, String op, Object value, List<String> args) {
    switch (kind) {
      case STRING -> {
        String v = value.toString().toLowerCase(Locale.ROOT);
        String a = args.get(0).toLowerCase(Locale.ROOT);
        return switch (op) {
          case "IS" -> v.equals(a);
          case "CONTAIN" -> v.contains(a);
          case "START_WITH" -> v.startsWith(a);
          case "ENDWITH" -> v.endsWith(a);
          default -> throw invalidOperator(op);
        };
      }
      case BOOLEAN -> {
        if (!op.equals("IS")) {
          throw invalidOperator(op);
        }
        return value.equals(Boolean.parseBoolean(args.get(0)));
      }
      case DATE, DATETIME -> {
        Instant v = value instanceof LocalDate d ? d.atStartOfDay(zone).toInstant() : (Instant) value;
        DateValue first = DateValue.parse(args.get(0), zone);
        return switch (op) {
          case "ON" -> !v.isBefore(first.dayStart(zone)) && v.isBefore(first.dayEnd(zone));
          case "AFTER" -> first.dateOnly() ? !v.isBefore(first.dayEnd(zone)) : v.isAfter(first.start(zone));
          case "ON_OR_AFTER" -> !v.isBefore(first.start(zone));
          case "BEFORE" -> v.isBefore(first.start(zone));
          case "ON_OR_BEFORE" -> first.dateOnly() ? v.isBefore(first.dayEnd(zone)) : !v.isAfter(first.start(zone));
          case "WITHIN" -> {
            DateValue last = DateValue.parse(args.get(args.size() - 1), zone);
            yield !v.isBefore(first.start(zone))
                && (last.dateOnly() ? v.isBefore(last.dayEnd(zone)) : !v.isAfter(last.start(zone)));
          }
          default -> throw invalidOperator(op);
        };
      }
      case STATUS, CHOICE -> {
        String label = value instanceof TransactionStatus s ? s.label() : ((Choice) value).id();
        String letter = value instanceof TransactionStatus s ? s.letter() : label;
        boolean any = args.stream().anyMatch(a -> a.equalsIgnoreCase(label) || a.equalsIgnoreCase(letter));
        return switch (op) {
          case "IS", "ANY_OF", "EQUAL" -> any;
          default -> throw invalidOperator(op);
        };
      }
      default -> {
        BigDecimal v = value instanceof Ref ref ? BigDecimal.valueOf(ref.id()) : (BigDecimal) value;
        List<BigDecimal> a = new ArrayList<>();
        for (String s : args) {
          a.add(number(s));
        }
        return switch (op) {
          case "EQUAL", "IS" -> v.compareTo(a.get(0)) == 0;
          case "ANY_OF" -> a.stream().anyMatch(x -> v.compareTo(x) == 0);
          case "GREATER" -> v.compareTo(a.get(0)) > 0;
          case "GREATER_OR_EQUAL" -> v.compareTo(a.get(0)) >= 0;
          case "LESS" -> v.compareTo(a.get(0)) < 0;
          case "LESS_OR_EQUAL" -> v.compareTo(a.get(0)) <= 0;
          case "BETWEEN", "WITHIN" -> v.compareTo(a.get(0)) >= 0 && v.compareTo(a.get(a.size() - 1)) <= 0;
          default -> throw invalidOperator(op);
        };
      }
    }
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw invalid("Invalid number value: " + s + ".");
    }
  }

  private static NetSuiteException invalidOperator(String op) {
    return invalid("The operator " + op + " cannot be used with this field.");
  }

  static NetSuiteException invalid(String detail) {
    return NetSuiteException.invalidParameter("Invalid query: " + detail, "q");
  }

  // ---------------------------------------------------------------- parsing

  private static List<String> tokenize(String q) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = q.indexOf('"', i + 1);
        if (end < 0) {
          throw invalid("Unterminated quoted value.");
        }
        tokens.add(q.substring(i, end + 1));
        i = end + 1;
      } else if ("()[],".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()[],\"".indexOf(q.charAt(i)) < 0) {
          i++;
        }
        tokens.add(q.substring(start, i));
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private final RecordSchema schema;
    private final RecordType type;
    private final ZoneId zone;
    private int pos;

    Parser(List<String> tokens, RecordSchema schema, RecordType type, ZoneId zone) {
      this.tokens = tokens;
      this.schema = schema;
      this.type = type;
      this.zone = zone;
    }

    Node or() {
      Node left = and();
      while (peekWord("OR")) {
        pos++;
        left = new Or(left, and());
      }
      return left;
    }

    Node and() {
      Node left = primary();
      while (peekWord("AND")) {
        pos++;
        left = new And(left, primary());
      }
      return left;
    }

    Node primary() {
      if (peek("(")) {
        pos++;
        Node inner = or();
        expect(")");
        return inner;
      }
      String fieldName = next("a field name");
      RecordSchema.Field field = schema.field(fieldName).orElseThrow(() -> invalid("The field '" + fieldName
          + "' does not exist on record '" + type.restName() + "' or cannot be used in a query."));
      if (field.kind() == FieldKind.REFERENCE || field.name().equals("id")) {
        field = new RecordSchema.Field(field.name(), FieldKind.NUMBER, field.target(), field.writable());
      }
      String operator = next("an operator").toUpperCase(Locale.ROOT);
      List<String> values = new ArrayList<>();
      if (!UNARY.contains(operator)) {
        if (peek("[")) {
          pos++;
          do {
            values.add(unquote(next("a value")));
          } while (accept(","));
          expect("]");
        } else {
          values.add(unquote(next("a value")));
        }
      }
      if (field.kind() == FieldKind.DATE || field.kind() == FieldKind.DATETIME) {
        values.forEach(v -> DateValue.parse(v, zone));
      }
      return new Term(field, operator, values);
    }

    private boolean peekWord(String word) {
      return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private boolean peek(String token) {
      return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean accept(String token) {
      if (peek(token)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw invalid("Expected '" + token + "'.");
      }
    }

    private String next(String what) {
      if (pos >= tokens.size()) {
        throw invalid("Expected " + what + " at the end of the query.");
      }
      return tokens.get(pos++);
    }

    private static String unquote(String s) {
      return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
  }
}
