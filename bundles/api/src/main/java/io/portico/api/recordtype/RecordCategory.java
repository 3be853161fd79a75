package io.portico.api.recordtype;

/** NetSuite's two record shapes, plus custom records. */
public enum RecordCategory {
    /** Invoices, sales orders, payments, credit memos: a header with lines, money and dates. */
    TRANSACTION,
    /** Customers, contacts, vendors. */
    ENTITY,
    /** A {@code customrecord_*} type. */
    CUSTOM
}
