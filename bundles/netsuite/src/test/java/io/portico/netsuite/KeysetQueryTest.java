package io.portico.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysetQueryTest {

    private static final AccountFormat FORMAT = AccountFormat.of("M/d/yyyy", ZoneOffset.UTC);

    @Test
    void byIdStartsBeforeEveryIdAndContinuesAfterTheLastRow() {
        KeysetQuery query = KeysetQuery.byId("SELECT id FROM transaction WHERE id > :last ORDER BY id");
        assertEquals("SELECT id FROM transaction WHERE id > -9223372036854775808 ORDER BY id", query.firstPage());
        assertEquals("SELECT id FROM transaction WHERE id > 4711 ORDER BY id", query.pageAfter(row("id", "4711")));
        assertEquals("SELECT id FROM transaction WHERE id > 100 ORDER BY id",
                KeysetQuery.byId("SELECT id FROM transaction WHERE id > :last ORDER BY id", 100).firstPage());
    }

    @Test
    void compositeKeysFillEachColumnsPlaceholder() {
        KeysetQuery lines = KeysetQuery.byKey("SELECT transaction, id FROM transactionline WHERE transaction >= "
                        + ":last_transaction AND (transaction > :last_transaction OR id > :last_id) "
                        + "ORDER BY transaction, id",
                KeysetKey.number("transaction", 0), KeysetKey.number("id"));
        assertEquals("SELECT transaction, id FROM transactionline WHERE transaction >= 0 AND (transaction > 0 OR "
                + "id > -9223372036854775808) ORDER BY transaction, id", lines.firstPage());
        assertEquals("SELECT transaction, id FROM transactionline WHERE transaction >= 42 AND (transaction > 42 OR "
                + "id > 3) ORDER BY transaction, id", lines.pageAfter(row("transaction", "42", "id", "3")));
    }

    @Test
    void textKeysAreQuoted() {
        KeysetQuery modified = KeysetQuery.byKey("SELECT id, m FROM t WHERE m > :last_m OR (m = :last_m AND "
                + "id > :last_id) ORDER BY m, id", KeysetKey.text("m", "2026-01-01 00:00:00"), KeysetKey.number("id"));
        assertEquals("SELECT id, m FROM t WHERE m > 'O''Brien' OR (m = 'O''Brien' AND id > 9) ORDER BY m, id",
                modified.pageAfter(row("id", "9", "m", "O'Brien")));
    }

    @Test
    void mistakesAreReportedClearly() {
        assertThrows(IllegalArgumentException.class, () -> KeysetQuery.byId("SELECT id FROM t ORDER BY id"));
        assertThrows(IllegalArgumentException.class,
                () -> KeysetQuery.byKey("SELECT id FROM t WHERE id > :last_x", KeysetKey.number("id")));
        assertThrows(IllegalArgumentException.class, () -> KeysetQuery.byId("id > :last").pageSize(1001));
        assertThrows(IllegalArgumentException.class, () -> new KeysetKey("id", true, "0 OR 1=1"));
        KeysetQuery query = KeysetQuery.byId("SELECT id FROM t WHERE id > :last ORDER BY id");
        assertThrows(IllegalStateException.class, () -> query.pageAfter(row("x", "1")));
        assertThrows(SuiteQlValueException.class, () -> query.pageAfter(row("id", "1 OR 1=1")));
    }

    private static SuiteQlRow row(String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new SuiteQlRow(values, FORMAT);
    }
}
