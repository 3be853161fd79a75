package io.portico.netsuite;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SourceRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

/**
 * A SuiteQL row as record types read it: a {@link SourceRow} over {@link SuiteQlRow}, whose conversion failures
 * become {@link RecordMappingException}s naming the column and the raw value. The sync engine hands these to record
 * types; open so that a plugin's tests build their rows the same way ({@code TestRow} of the plugin test kit).
 *
 * @since 1.3
 */
public class SuiteQlSourceRow implements SourceRow {

    private final SuiteQlRow row;

    public SuiteQlSourceRow(SuiteQlRow row) {
        this.row = row;
    }

    @Override
    public Set<String> columns() {
        return row.columns();
    }

    @Override
    public boolean has(String column) {
        return row.has(column);
    }

    @Override
    public String getString(String column) {
        return row.getString(column);
    }

    @Override
    public BigDecimal getDecimal(String column) {
        return convert(column, row::getDecimal);
    }

    @Override
    public Long getLong(String column) {
        return convert(column, row::getLong);
    }

    @Override
    public Boolean getBoolean(String column) {
        return convert(column, row::getBoolean);
    }

    @Override
    public LocalDate getDate(String column) {
        return convert(column, row::getDate);
    }

    @Override
    public Instant getInstant(String column) {
        return convert(column, row::getInstant);
    }

    private static <T> T convert(String column, Function<String, T> accessor) {
        try {
            return accessor.apply(column);
        } catch (SuiteQlValueException e) {
            throw new RecordMappingException(e.getMessage(), e.column(), e.rawValue(), e);
        }
    }

    @Override
    public String toString() {
        return row.toString();
    }
}
