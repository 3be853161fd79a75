package io.portico.netsuite;

/** A SuiteQL value that does not convert to the type its accessor promises. */
public class SuiteQlValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final String rawValue;
    private final String expected;

    public SuiteQlValueException(String column, String rawValue, String expected, Throwable cause) {
        super("SuiteQL column '" + column + "' holds '" + rawValue + "', which is not " + expected, cause);
        this.column = column;
        this.rawValue = rawValue;
        this.expected = expected;
    }

    public String column() {
        return column;
    }

    public String rawValue() {
        return rawValue;
    }

    /** What the accessor wanted, e.g. {@code a date in the account format M/d/yyyy}. */
    public String expected() {
        return expected;
    }
}
