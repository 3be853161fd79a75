package io.portico.sandbox.suiteql;

/** A lexical token; {@code text} of identifiers keeps its case, keywords are identifiers matched case-insensitively. */
record Token(Kind kind, String text, int position) {

  enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, STRING, SYMBOL, PARAMETER, END }

  boolean isWord(String word) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
