package io.portico.netsuite;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One SuiteQL result row. NetSuite sends every value as text ({@code "T"}/{@code "F"}, numbers, dates in the
 * account's format) and leaves NULL columns out; this is the one place that text becomes typed values. Column
 * names are case-insensitive (NetSuite answers in lower case). Every accessor returns null for a NULL (omitted)
 * column and throws {@link SuiteQlValueException}, naming the column and the raw value, for text it cannot convert.
 */
public final class SuiteQlRow {

    private final Map<String, String> values;
    private final AccountFormat format;

    /**
     * @param values column name to raw text, without NULL columns
     * @param format how the account writes dates
     */
    public SuiteQlRow(Map<String, String> values, AccountFormat format) {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        values.forEach((column, value) -> lowerCase.put(key(column), Objects.requireNonNull(value, column)));
        this.values = Collections.unmodifiableMap(lowerCase);
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The columns that have a value, in the order NetSuite sent them. */
    public Set<String> columns() {
        return values.keySet();
    }

    /** Whether the column has a value (NetSuite omits NULL columns). */
    public boolean has(String column) {
        return values.containsKey(key(column));
    }

    /** The raw text, or null. */
    public String getString(String column) {
        return values.get(key(column));
    }

    /** An exact number such as {@code "1234.50"} or {@code ".5"}. */
    public BigDecimal getDecimal(String column) {
        String raw = getString(column);
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new SuiteQlValueException(column, raw, "a decimal number", e);
        }
    }

    /** A whole number such as an internal id. */
    public Long getLong(String column) {
        String raw = getString(column);
        if (raw == null) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new SuiteQlValueException(column, raw, "a whole number", e);
        }
    }

    /** NetSuite's {@code T}/{@code F} (also {@code true}/{@code false}). */
    public Boolean getBoolean(String column) {
        String raw = getString(column);
        if (raw == null) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true" -> Boolean.TRUE;
            case "f", "false" -> Boolean.FALSE;
            default -> throw new SuiteQlValueException(column, raw, "a boolean (T or F)", null);
        };
    }

    /** A date in the account's format (or ISO {@code yyyy-MM-dd}). */
    public LocalDate getDate(String column) {
        String raw = getString(column);
        if (raw == null) {
            return null;
        }
        try {
            return format.parseDate(raw.trim());
        } catch (DateTimeException e) {
            throw new SuiteQlValueException(column, raw, "a date in the account format " + format.datePattern()
                    + " or yyyy-MM-dd", e);
        }
    }

    /**
     * A point in time, at the account's offset: local text (a date, a date with a time, or
     * {@code yyyy-MM-dd HH:mm:ss} from {@code TO_CHAR}) is read in the account's time zone.
     */
    public OffsetDateTime getDateTime(String column) {
        String raw = getString(column);
        if (raw == null) {
            return null;
        }
        try {
            return format.parseDateTime(raw.trim());
        } catch (DateTimeException e) {
            throw new SuiteQlValueException(column, raw, "a date-time in the account format " + format.datePattern()
                    + " (optionally with a time), yyyy-MM-dd HH:mm:ss or ISO-8601", e);
        }
    }

    /** {@link #getDateTime} as an instant. */
    public Instant getInstant(String column) {
        OffsetDateTime dateTime = getDateTime(column);
        return dateTime == null ? null : dateTime.toInstant();
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SuiteQlRow" + values;
    }
}
