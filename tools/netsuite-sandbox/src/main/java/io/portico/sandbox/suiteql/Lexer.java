package io.portico.sandbox.suiteql;

import java.util.ArrayList;
import java.util.List;

/** Splits SuiteQL text into tokens: identifiers, 'strings' (with '' escapes), numbers, symbols and ? parameters. */
final class Lexer {

  private static final String[] SYMBOLS = {"<>", "!=", "<=", ">=", "||", "=", "<", ">", "(", ")", ",", ".", "*", "+",
      "-", "/"};

  private final String sql;
  private int pos;

  private Lexer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokenize(String sql) {
    return new Lexer(sql).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
          || sql.charAt(pos) == '$' || sql.charAt(pos) == '#')) {
        pos++;
      }
      return new Token(Token.Kind.IDENTIFIER, sql.substring(start, pos), start);
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
      while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
        pos++;
      }
      return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start);
    }
    if (c == '\'') {
      return string(start);
    }
    if (c == '"') {
      int end = sql.indexOf('"', pos + 1);
      if (end < 0) {
        throw SuiteQlException.syntax("unterminated quoted identifier at position " + start);
      }
      pos = end + 1;
      return new Token(Token.Kind.QUOTED_IDENTIFIER, sql.substring(start + 1, end), start);
    }
    if (c == '?') {
      pos++;
      return new Token(Token.Kind.PARAMETER, "?", start);
    }
    for (String s : SYMBOLS) {
      if (sql.startsWith(s, pos)) {
        pos += s.length();
        return new Token(Token.Kind.SYMBOL, s, start);
      }
    }
    throw SuiteQlException.syntax("unexpected character '" + c + "' at position " + start);
  }

  private Token string(int start) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < sql.length()) {
      char ch = sql.charAt(pos++);
      if (ch == '\'') {
        if (pos < sql.length() && sql.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          return new Token(Token.Kind.STRING, value.toString(), start);
        }
      } else {
        value.append(ch);
      }
    }
    throw SuiteQlException.syntax("unterminated string literal at position " + start);
  }

  private void skipWhitespaceAndComments() {
    while (pos < sql.length()) {
      if (Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        int nl = sql.indexOf('\n', pos);
        pos = nl < 0 ? sql.length() : nl + 1;
      } else if (sql.startsWith("/*", pos)) {
        int end = sql.indexOf("*/", pos + 2);
        pos = end < 0 ? sql.length() : end + 2;
      } else {
        return;
      }
    }
  }
}
