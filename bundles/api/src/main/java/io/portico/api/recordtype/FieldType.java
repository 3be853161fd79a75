package io.portico.api.recordtype;

/** How a field is formatted, filtered and sorted. */
public enum FieldType {
    TEXT,
    NUMBER,
    MONEY,
    DATE,
    DATETIME,
    BOOLEAN,
    STATUS,
    REFERENCE
}
