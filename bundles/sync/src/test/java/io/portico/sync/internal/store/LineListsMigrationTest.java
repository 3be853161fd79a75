package io.portico.sync.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.sync.internal.engine.SyncTestSupport;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V202 on a database synced before line lists existed: invoices' lines become item lines, credit memos' and payments'
 * lines (their applications) become applications, and the next credit memo run is a full load that brings the
 * credit memos' item lines.
 */
class LineListsMigrationTest {

    @Test
    void anExistingDatabaseKeepsItsLinesInTheRightLists() throws Exception {
        try (TestDatabase db = TestDatabase.createAt("201")) {
            DataSource ds = db.dataSource();
            execute(ds, """
                    INSERT INTO ns_transaction (tenant_id, record_type, netsuite_id, number, content_hash,
                        sync_generation)
                    SELECT o.id, t.type, t.netsuite_id, t.number, 42, 3 FROM organization o,
                        (VALUES ('invoice', 101, 'INV1'), ('creditmemo', 102, 'CM1'), ('customerpayment', 103, 'PYMT1'))
                        AS t(type, netsuite_id, number)
                    WHERE o.kind = 'operator'""",
                    """
                    INSERT INTO ns_transaction_line (transaction_id, line_id, tenant_id, item, amount)
                    SELECT t.id, l.line_id, t.tenant_id, l.item, l.amount
                    FROM (VALUES (101, 1, 'SVC', 30.00), (101, 2, 'HW', 12.50), (102, 101, 'INV1', 10.00),
                                 (103, 101, 'INV1', 32.50)) AS l(netsuite_id, line_id, item, amount)
                    JOIN ns_transaction t ON t.netsuite_id = l.netsuite_id""",
                    """
                    INSERT INTO sync_config (tenant_id, record_type)
                    SELECT id, t FROM organization, unnest(ARRAY['invoice', 'creditmemo']) AS t
                    WHERE kind = 'operator'""",
                    """
                    INSERT INTO sync_state (config_id, generation, watermark, full_required, pending, owner_run_id)
                    SELECT id, 3, '2026-01-15 10:00:00', false, '{"mode": "incremental"}', 7 FROM sync_config""",
                    """
                    INSERT INTO sync_cursor (config_id, phase, slice, low, high, after_id, run_id)
                    SELECT id, 'changes', 0, 0, 1000, 500, 7 FROM sync_config""");

            db.migrate();

            assertEquals(List.of(
                    Map.of("netsuite_id", 101L, "line_list", "items", "line_id", 1L, "item", "SVC"),
                    Map.of("netsuite_id", 101L, "line_list", "items", "line_id", 2L, "item", "HW"),
                    Map.of("netsuite_id", 102L, "line_list", "applications", "line_id", 101L, "item", "INV1"),
                    Map.of("netsuite_id", 103L, "line_list", "applications", "line_id", 101L, "item", "INV1")),
                    SyncTestSupport.list(ds, "SELECT t.netsuite_id, l.line_list, l.line_id, l.item "
                            + "FROM ns_transaction_line l JOIN ns_transaction t ON t.id = l.transaction_id "
                            + "ORDER BY t.netsuite_id, l.line_list DESC, l.line_id"));

            Map<String, Object> invoices = state(ds, "invoice");
            assertEquals(false, invoices.get("full_required"), "invoices go on incrementally");
            assertEquals(7L, invoices.get("owner_run_id"));
            assertEquals(1L, invoices.get("cursors"));
            Map<String, Object> credits = state(ds, "creditmemo");
            assertEquals(true, credits.get("full_required"), "the next credit memo run is a full load");
            assertNull(credits.get("pending"), "from the start");
            assertNull(credits.get("owner_run_id"), "an old node's run can no longer commit");
            assertEquals(0L, credits.get("cursors"));
            assertEquals(3L, credits.get("generation"), "the generation is kept");

            // A line id is unique within its list only: the credit memo's item line 101 beside its application 101.
            String itemLine = "INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, item) "
                    + "SELECT id, 'items', 101, tenant_id, 'SVC' FROM ns_transaction WHERE netsuite_id = 102";
            execute(ds, itemLine);
            SQLException twice = assertThrows(SQLException.class, () -> execute(ds, itemLine));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
        }
    }

    private static Map<String, Object> state(DataSource ds, String type) throws SQLException {
        return SyncTestSupport.list(ds, "SELECT s.full_required, s.pending::text AS pending, s.owner_run_id, "
                + "s.generation, (SELECT count(*) FROM sync_cursor k WHERE k.config_id = s.config_id) AS cursors "
                + "FROM sync_state s JOIN sync_config c ON c.id = s.config_id WHERE c.record_type = ?", type).get(0);
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
