package io.portico.sandbox.suiteql;

import java.util.List;

/** The parsed form of the SELECT subset the sandbox supports. */
final class Ast {

  private Ast() {
  }

  sealed interface Expr permits Literal, Parameter, Column, Call, Binary, Not, In, Between, IsNull, Like, Case,
      Negate, Keyword {
  }

  /** A string, number (BigDecimal) or NULL (value null). */
  record Literal(Object value) implements Expr {
  }

  record Parameter(int index) implements Expr {
  }

  /** {@code qualifier.name} or bare {@code name}; qualifier and name are lower-cased. */
  record Column(String qualifier, String name) implements Expr {
    String text() {
      return qualifier == null ? name : qualifier + "." + name;
    }
  }

  /** Function call; {@code name} upper-cased (BUILTIN.DF included); {@code star} for COUNT(*). */
  record Call(String name, List<Expr> args, boolean star, boolean distinct) implements Expr {
  }

  /** Comparison (=, <>, <, <=, >, >=), arithmetic (+, -, *, /), concatenation (||), AND, OR. */
  record Binary(String op, Expr left, Expr right) implements Expr {
  }

  record Not(Expr expr) implements Expr {
  }

  record In(Expr expr, List<Expr> values, boolean negated) implements Expr {
  }

  record Between(Expr expr, Expr low, Expr high, boolean negated) implements Expr {
  }

  record IsNull(Expr expr, boolean negated) implements Expr {
  }

  record Like(Expr expr, Expr pattern, boolean negated) implements Expr {
  }

  record When(Expr condition, Expr result) {
  }

  record Case(List<When> whens, Expr otherwise) implements Expr {
  }

  record Negate(Expr expr) implements Expr {
  }

  /** SYSDATE, CURRENT_DATE. */
  record Keyword(String name) implements Expr {
  }

  record SelectItem(Expr expr, String alias, String starQualifier, boolean star) {
  }

  record TableRef(String name, String alias) {
  }

  record Join(boolean left, TableRef table, Expr on) {
  }

  record OrderItem(Expr expr, boolean descending, Boolean nullsFirst) {
  }

  record Select(boolean distinct, List<SelectItem> items, TableRef from, List<Join> joins, Expr where,
                List<Expr> groupBy, Expr having, List<OrderItem> orderBy) {
  }
}
