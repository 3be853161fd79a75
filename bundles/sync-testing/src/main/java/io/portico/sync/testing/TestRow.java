package io.portico.sync.testing;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.SuiteQlRow;
import io.portico.sync.internal.engine.Rows;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SuiteQL row as the sync engine hands it to a record type (the engine's own {@link Rows}): NetSuite's text,
 * converted by the NetSuite client's {@link SuiteQlRow} (US date format, Los Angeles time), conversion failures as
 * {@link RecordMappingException}.
 */
public final class TestRow extends Rows {

    public static final AccountFormat FORMAT = AccountFormat.of(AccountFormat.DEFAULT_DATE_PATTERN,
            ZoneId.of("America/Los_Angeles"));

    private TestRow(Map<String, String> values) {
        super(new SuiteQlRow(values, FORMAT));
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
        for (String column : columns()) {
            values.put(column, getString(column));
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
}
