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
    REFERENCE,
    /**
     * Texts that link out of the portal, e.g. tracking numbers to the carrier's tracking page: the field's value is a
     * list of texts (or one text), and the attribute named after the key with {@code Urls} in place of a trailing
     * {@code Numbers} ({@code trackingNumbers} → {@code trackingUrls}; any other key: the key followed by
     * {@code Urls}) holds each one's {@code https} address in the same order. A text without one shows as plain text.
     */
    LINKS
}
