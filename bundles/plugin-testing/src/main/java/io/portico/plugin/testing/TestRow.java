package io.portico.plugin.testing;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.SuiteQlSourceRow;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SuiteQL row as the sync engine hands it to a record type ({@link SuiteQlSourceRow}), for a plugin's mapping
 * tests: NetSuite's text, converted by the NetSuite client's {@link SuiteQlRow} (US date format, Los Angeles time),
 * conversion failures as {@link RecordMappingException}. Lines are rows too, each naming its list in the column
 * {@code linelist}:
 *
 * <pre>{@code
 * SyncedRecord invoice = type.map(TestRow.of("id", "7", "tranid", "INV7", "trandate", "1/9/2026"),
 *         List.of(TestRow.of("parentid", "7", "lineid", "1", "linelist", "items", "item", "SVC")));
 * }</pre>
 */
public final class TestRow extends SuiteQlSourceRow {

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
