package io.portico.sync.testing;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SourceRow;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.SuiteQlValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A SuiteQL row as the sync engine hands it to a record type: NetSuite's text, converted by the NetSuite client's
 * {@link SuiteQlRow} (US date format, Los Angeles time), conversion failures as {@link RecordMappingException}.
 */
public final class TestRow implements SourceRow {

    public static final AccountFormat FORMAT = AccountFormat.of(AccountFormat.DEFAULT_DATE_PATTERN,
            ZoneId.of("America/Los_Angeles"));

    private final SuiteQlRow row;

    private TestRow(Map<String, String> values) {
        this.row = new SuiteQlRow(values, FORMAT);
    }

    /** @param columnsAndValues alternating column names and raw text; a null value leaves the column out */
    public static TestRow of(String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (columnsAndValues[i + 1] != null) {
                values.put(columnsAndValues[i], columnsAndValues[i + 1]);
            }
        }
        return new TestRow(values);
    }

    /** This row with columns changed ({@code null} removes one). */
    public TestRow with(String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : row.columns()) {
            values.put(column, row.getString(column));
        }
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (columnsAndValues[i + 1] == null) {
                values.remove(columnsAndValues[i]);
            } else {
                values.put(columnsAndValues[i], columnsAndValues[i + 1]);
            }
        }
        return new TestRow(values);
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
}
