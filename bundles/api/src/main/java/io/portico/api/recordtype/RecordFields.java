package io.portico.api.recordtype;

/**
 * The keys of the typed fields of a {@link SyncedRecord} and {@link SyncedLine}, for {@link FieldDescriptor#key()}.
 * Any other key names an attribute ({@link SyncedRecord#attributes()}), e.g. {@code memo}.
 */
public final class RecordFields {

    public static final String NUMBER = "number";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String DATE = "date";
    public static final String DUE_DATE = "dueDate";
    public static final String STATUS = "status";
    public static final String TOTAL = "total";
    public static final String AMOUNT_REMAINING = "amountRemaining";
    public static final String CURRENCY = "currency";
    /** When NetSuite last changed the record. */
    public static final String LAST_MODIFIED = "lastModified";
    /** The owning customer organization's name. */
    public static final String ORGANIZATION = "organization";

    public static final String LINE_ITEM = "item";
    public static final String LINE_DESCRIPTION = "description";
    public static final String LINE_QUANTITY = "quantity";
    public static final String LINE_RATE = "rate";
    public static final String LINE_AMOUNT = "amount";

    private RecordFields() {
    }
}
