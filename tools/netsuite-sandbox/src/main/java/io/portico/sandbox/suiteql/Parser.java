package io.portico.sandbox.suiteql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recursive-descent parser for the supported SELECT subset. */
final class Parser {

  /** Words that end an expression or clause and therefore cannot be bare aliases. */
  private static final Set<String> RESERVED = Set.of("select", "from", "where", "group", "order", "by", "having",
      "join", "inner", "left", "right", "full", "outer", "cross", "on", "and", "or", "not", "in", "between", "is",
      "null", "like", "as", "asc", "desc", "case", "when", "then", "else", "end", "union", "distinct", "nulls",
      "fetch", "offset", "limit", "with", "minus", "intersect");

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private int pos;
  private int parameters;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Ast.Select parse(String sql) {
    Parser p = new Parser(Lexer.tokenize(sql));
    Ast.Select select = p.select();
    if (p.peek().kind() != Token.Kind.END) {
      throw p.unexpected();
    }
    return select;
  }

  private Ast.Select select() {
    if (peek().isWord("with")) {
      throw SuiteQlException.unsupported("WITH (common table expressions)");
    }
    expectWord("select");
    boolean distinct = acceptWord("distinct");
    if (peek().isWord("top")) {
      throw SuiteQlException.unsupported("TOP");
    }
    List<Ast.SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    expectWord("from");
    Ast.TableRef from = tableRef();
    if (peek().isSymbol(",")) {
      throw SuiteQlException.unsupported("Comma-separated joins (use ANSI JOIN ... ON)");
    }
    List<Ast.Join> joins = new ArrayList<>();
    while (true) {
      boolean left;
      if (acceptWord("left")) {
        acceptWord("outer");
        left = true;
      } else if (acceptWord("inner")) {
        left = false;
      } else if (peek().isWord("join")) {
        left = false;
      } else if (peek().isWord("right") || peek().isWord("full") || peek().isWord("cross")) {
        throw SuiteQlException.unsupported(peek().text().toUpperCase(Locale.ROOT) + " JOIN");
      } else {
        break;
      }
      expectWord("join");
      Ast.TableRef table = tableRef();
      expectWord("on");
      joins.add(new Ast.Join(left, table, expression()));
    }
    Ast.Expr where = acceptWord("where") ? expression() : null;
    List<Ast.Expr> groupBy = new ArrayList<>();
    if (acceptWord("group")) {
      expectWord("by");
      do {
        groupBy.add(expression());
      } while (acceptSymbol(","));
    }
    Ast.Expr having = acceptWord("having") ? expression() : null;
    List<Ast.OrderItem> orderBy = new ArrayList<>();
    if (acceptWord("order")) {
      expectWord("by");
      do {
        orderBy.add(orderItem());
      } while (acceptSymbol(","));
    }
    if (peek().isWord("union") || peek().isWord("minus") || peek().isWord("intersect")) {
      throw SuiteQlException.unsupported(peek().text().toUpperCase(Locale.ROOT));
    }
    if (peek().isWord("fetch") || peek().isWord("offset") || peek().isWord("limit")) {
      throw SuiteQlException.unsupported(peek().text().toUpperCase(Locale.ROOT)
          + " in SQL (page with the limit and offset query parameters)");
    }
    return new Ast.Select(distinct, items, from, joins, where, groupBy, having, orderBy);
  }

  private Ast.SelectItem selectItem() {
    if (acceptSymbol("*")) {
      return new Ast.SelectItem(null, null, null, true);
    }
    if (peek().kind() == Token.Kind.IDENTIFIER && peekAt(1).isSymbol(".") && peekAt(2).isSymbol("*")) {
      String qualifier = next().text().toLowerCase(Locale.ROOT);
      pos += 2;
      return new Ast.SelectItem(null, null, qualifier, true);
    }
    Ast.Expr expr = expression();
    return new Ast.SelectItem(expr, alias(), null, false);
  }

  private String alias() {
    if (acceptWord("as")) {
      return identifier();
    }
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED_IDENTIFIER
        || (t.kind() == Token.Kind.IDENTIFIER && !RESERVED.contains(t.text().toLowerCase(Locale.ROOT)))) {
      return identifier();
    }
    return null;
  }

  private Ast.TableRef tableRef() {
    if (peek().isSymbol("(")) {
      throw SuiteQlException.unsupported("Subqueries");
    }
    String name = identifier();
    String alias = alias();
    return new Ast.TableRef(name, alias == null ? name : alias);
  }

  private Ast.OrderItem orderItem() {
    Ast.Expr expr = expression();
    boolean desc = false;
    if (acceptWord("desc")) {
      desc = true;
    } else {
      acceptWord("asc");
    }
    Boolean nullsFirst = null;
    if (acceptWord("nulls")) {
      if (acceptWord("first")) {
        nullsFirst = true;
      } else {
        expectWord("last");
        nullsFirst = false;
      }
    }
    return new Ast.OrderItem(expr, desc, nullsFirst);
  }

  // ---------------------------------------------------------------- expressions

  Ast.Expr expression() {
    Ast.Expr left = and();
    while (acceptWord("or")) {
      left = new Ast.Binary("OR", left, and());
    }
    return left;
  }

  private Ast.Expr and() {
    Ast.Expr left = not();
    while (acceptWord("and")) {
      left = new Ast.Binary("AND", left, not());
    }
    return left;
  }

  private Ast.Expr not() {
    if (acceptWord("not")) {
      return new Ast.Not(not());
    }
    return predicate();
  }

  private Ast.Expr predicate() {
    Ast.Expr left = additive();
    Token t = peek();
    if (t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      pos++;
      String op = t.text().equals("!=") ? "<>" : t.text();
      return new Ast.Binary(op, left, additive());
    }
    boolean negated = false;
    if (peek().isWord("not") && (peekAt(1).isWord("in") || peekAt(1).isWord("between") || peekAt(1).isWord("like"))) {
      pos++;
      negated = true;
    }
    if (acceptWord("in")) {
      expectSymbol("(");
      if (peek().isWord("select")) {
        throw SuiteQlException.unsupported("Subqueries");
      }
      List<Ast.Expr> values = new ArrayList<>();
      do {
        values.add(additive());
      } while (acceptSymbol(","));
      expectSymbol(")");
      return new Ast.In(left, values, negated);
    }
    if (acceptWord("between")) {
      Ast.Expr low = additive();
      expectWord("and");
      return new Ast.Between(left, low, additive(), negated);
    }
    if (acceptWord("like")) {
      Ast.Expr pattern = additive();
      if (peek().isWord("escape")) {
        throw SuiteQlException.unsupported("LIKE ... ESCAPE");
      }
      return new Ast.Like(left, pattern, negated);
    }
    if (negated) {
      throw unexpected();
    }
    if (acceptWord("is")) {
      boolean not = acceptWord("not");
      expectWord("null");
      return new Ast.IsNull(left, not);
    }
    return left;
  }

  private Ast.Expr additive() {
    Ast.Expr left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
      String op = next().text();
      left = new Ast.Binary(op, left, multiplicative());
    }
    return left;
  }

  private Ast.Expr multiplicative() {
    Ast.Expr left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/")) {
      String op = next().text();
      left = new Ast.Binary(op, left, unary());
    }
    return left;
  }

  private Ast.Expr unary() {
    if (acceptSymbol("-")) {
      return new Ast.Negate(unary());
    }
    acceptSymbol("+");
    return primary();
  }

  private Ast.Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Ast.Literal(new BigDecimal(t.text()));
      case STRING:
        return new Ast.Literal(t.text());
      case PARAMETER:
        return new Ast.Parameter(parameters++);
      case SYMBOL:
        if (t.text().equals("(")) {
          if (peek().isWord("select")) {
            throw SuiteQlException.unsupported("Subqueries");
          }
          Ast.Expr inner = expression();
          expectSymbol(")");
          return inner;
        }
        throw unexpectedAt(t);
      case QUOTED_IDENTIFIER:
        return new Ast.Column(null, t.text().toLowerCase(Locale.ROOT));
      case IDENTIFIER:
        return identifierExpression(t);
      default:
        throw unexpectedAt(t);
    }
  }

  private Ast.Expr identifierExpression(Token t) {
    String word = t.text().toLowerCase(Locale.ROOT);
    switch (word) {
      case "null":
        return new Ast.Literal(null);
      case "case":
        return caseExpression();
      case "sysdate", "current_date", "current_timestamp", "systimestamp":
        return new Ast.Keyword(word);
      case "rownum":
        throw SuiteQlException.unsupported("ROWNUM (page with the limit and offset query parameters)");
      case "select":
        throw SuiteQlException.unsupported("Subqueries");
      default:
        break;
    }
    if (RESERVED.contains(word)) {
      throw unexpectedAt(t);
    }
    if (acceptSymbol(".")) {
      String second = identifier();
      if (peek().isSymbol("(")) {
        return call(word.toUpperCase(Locale.ROOT) + "." + second.toUpperCase(Locale.ROOT));
      }
      return new Ast.Column(word, second.toLowerCase(Locale.ROOT));
    }
    if (peek().isSymbol("(")) {
      return call(word.toUpperCase(Locale.ROOT));
    }
    return new Ast.Column(null, word);
  }

  private Ast.Expr call(String name) {
    expectSymbol("(");
    if (acceptSymbol("*")) {
      expectSymbol(")");
      return new Ast.Call(name, List.of(), true, false);
    }
    boolean distinct = acceptWord("distinct");
    List<Ast.Expr> args = new ArrayList<>();
    if (!peek().isSymbol(")")) {
      do {
        args.add(expression());
      } while (acceptSymbol(","));
    }
    expectSymbol(")");
    if (peek().isWord("over")) {
      throw SuiteQlException.unsupported("Analytic functions (OVER)");
    }
    return new Ast.Call(name, args, false, distinct);
  }

  private Ast.Expr caseExpression() {
    List<Ast.When> whens = new ArrayList<>();
    if (!peek().isWord("when")) {
      Ast.Expr subject = additive();
      while (acceptWord("when")) {
        Ast.Expr value = additive();
        expectWord("then");
        whens.add(new Ast.When(new Ast.Binary("=", subject, value), expression()));
      }
    } else {
      while (acceptWord("when")) {
        Ast.Expr condition = expression();
        expectWord("then");
        whens.add(new Ast.When(condition, expression()));
      }
    }
    Ast.Expr otherwise = acceptWord("else") ? expression() : null;
    expectWord("end");
    if (whens.isEmpty()) {
      throw SuiteQlException.syntax("CASE needs at least one WHEN");
    }
    return new Ast.Case(whens, otherwise);
  }

  // ---------------------------------------------------------------- token helpers

  private String identifier() {
    Token t = next();
    if (t.kind() == Token.Kind.IDENTIFIER || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
      return t.text().toLowerCase(Locale.ROOT);
    }
    throw unexpectedAt(t);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.END) {
      pos++;
    }
    return t;
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw SuiteQlException.syntax("expected " + word.toUpperCase(Locale.ROOT) + " " + describe(peek()));
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw SuiteQlException.syntax("expected '" + symbol + "' " + describe(peek()));
    }
  }

  private RuntimeException unexpected() {
    return unexpectedAt(peek());
  }

  private static RuntimeException unexpectedAt(Token t) {
    return SuiteQlException.syntax("unexpected " + describe(t).substring(3));
  }

  private static String describe(Token t) {
    return t.kind() == Token.Kind.END ? "at end of query" : "at '" + t.text() + "' (position " + t.position() + ")";
  }
}
