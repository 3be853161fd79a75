package io.portico.sandbox.data;

/** How a body field is typed, for parsing writes and evaluating {@code q} filters. */
public enum FieldKind {
  STRING, NUMBER, BOOLEAN, DATE, DATETIME, REFERENCE, STATUS, CHOICE
}
