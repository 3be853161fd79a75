package io.portico.api.recordtype;

/**
 * A NetSuite record that cannot be mapped to Portico's record: a required column is missing, a value has the wrong
 * type, a status is unknown, a value is too large. The sync records it as an error of that one record, with the
 * record's NetSuite id, and carries on with the others; the record is left as it was in Portico.
 */
public class RecordMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final String rawValue;

    public RecordMappingException(String message) {
        this(message, null, null, null);
    }

    /**
     * @param message what is wrong, for the run history (no secrets: it is shown to administrators)
     * @param column the SuiteQL column or record field at fault, or null
     * @param rawValue the offending value as NetSuite sent it (shortened for the history), or null
     */
    public RecordMappingException(String message, String column, String rawValue, Throwable cause) {
        super(message, cause);
        this.column = column;
        this.rawValue = rawValue;
    }

    /** A required column is missing (NULL) in NetSuite's answer. */
    public static RecordMappingException missing(String column) {
        return new RecordMappingException("'" + column + "' is missing", column, null, null);
    }

    /** A column holds a value that does not mean what it should. */
    public static RecordMappingException invalid(String column, String rawValue, String expected) {
        return new RecordMappingException("'" + column + "' holds '" + shorten(rawValue) + "', which is not "
                + expected, column, rawValue, null);
    }

    /** The SuiteQL column or record field at fault, or null. */
    public String column() {
        return column;
    }

    /** The offending raw value, or null. */
    public String rawValue() {
        return rawValue;
    }

    static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
