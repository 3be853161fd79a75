package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One row of NetSuite's answer to a record type's {@link SyncQuery} (a header row or a line row), as the sync hands it
 * to {@link RecordType#map}. NetSuite sends every value as text and leaves NULL columns out; these accessors convert
 * the text. Column names are case-insensitive: the column name for a plain column ({@code t.tranid} gives
 * {@code tranid}), else its alias ({@code BUILTIN.DF(t.status) AS statuslabel} gives {@code statuslabel}).
 *
 * <p>Every getter returns null for a NULL column and throws {@link RecordMappingException} naming the column and
 * the raw text when the text does not convert; the {@code require} variants also throw when the column is NULL.
 */
@ProviderType
public interface SourceRow {

    /** The columns that have a value, in the order NetSuite sent them. */
    Set<String> columns();

    /** Whether the column has a value. */
    boolean has(String column);

    /** The raw text, or null. */
    String getString(String column);

    /** An exact decimal number, e.g. {@code 1234.50}. */
    BigDecimal getDecimal(String column);

    /** A whole number, e.g. an internal id. */
    Long getLong(String column);

    /** NetSuite's {@code T}/{@code F}. */
    Boolean getBoolean(String column);

    /** A date (NetSuite writes dates in the account's date format). */
    LocalDate getDate(String column);

    /** A point in time; text without an offset is read in the account's time zone. */
    Instant getInstant(String column);

    /** The raw text, which must be present and not blank. */
    default String requireString(String column) {
        String value = getString(column);
        if (value == null || value.isBlank()) {
            throw RecordMappingException.missing(column);
        }
        return value;
    }

    default BigDecimal requireDecimal(String column) {
        BigDecimal value = getDecimal(column);
        if (value == null) {
            throw RecordMappingException.missing(column);
        }
        return value;
    }

    default long requireLong(String column) {
        Long value = getLong(column);
        if (value == null) {
            throw RecordMappingException.missing(column);
        }
        return value;
    }

    default LocalDate requireDate(String column) {
        LocalDate value = getDate(column);
        if (value == null) {
            throw RecordMappingException.missing(column);
        }
        return value;
    }
}
