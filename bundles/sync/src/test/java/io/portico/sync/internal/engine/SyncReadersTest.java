package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.sandbox.NetSuiteSandbox;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Portal reads go on while a sync writes: they are never blocked (each answers within a strict statement timeout), and
 * never see a half-written page (every invoice they see has all its lines).
 */
class SyncReadersTest extends SyncTestSupport {

    @Test
    void readersAreNeverBlockedAndNeverSeeHalfAPage() throws Exception {
        start(NetSuiteSandbox.builder().customers(40).invoicesPerCustomer(15).latencyMillis(5));
        SyncEngine engine = engine("node-a");
        sync(engine, "customer", false);
        Map<Long, Integer> lineCounts = new HashMap<>();
        client.suiteQl("SELECT transaction AS id, COUNT(*) AS n FROM transactionline WHERE mainline = 'F' "
                + "GROUP BY transaction", 1000, row -> lineCounts.put(row.getLong("id"), row.getLong("n").intValue()));
        engine.configure("invoice", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600, 25,
                3));

        AtomicReference<Throwable> problem = new AtomicReference<>();
        int[] reads = {0};
        int[] seen = {0};
        SyncRun run = engine.start("invoice", false);
        Thread reader = new Thread(() -> {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = '1s'");
                while (engine.run(run.id()).orElseThrow().running()) {
                    try (ResultSet rs = st.executeQuery("SELECT t.netsuite_id, t.organization_id, "
                            + "(SELECT count(*) FROM ns_transaction_line l WHERE l.transaction_id = t.id) AS lines "
                            + "FROM ns_transaction t WHERE t.record_type = 'invoice' AND t.archived_at IS NULL")) {
                        int n = 0;
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            int expected = lineCounts.getOrDefault(id, -1);
                            if (rs.getInt(3) != expected) {
                                throw new AssertionError("invoice " + id + " visible with " + rs.getInt(3)
                                        + " of its " + expected + " lines");
                            }
                            n++;
                        }
                        seen[0] = Math.max(seen[0], n);
                    }
                    reads[0]++;
                }
            } catch (Throwable e) {
                problem.set(e);
            }
        });
        reader.start();
        SyncRun done = engine.await(run.id(), RUN_TIMEOUT);
        reader.join();
        if (problem.get() != null) {
            throw new AssertionError("a portal read failed during the sync", problem.get());
        }
        assertEquals("succeeded", done.status());
        assertTrue(reads[0] > 10, "the reader read many times during the sync: " + reads[0]);
        assertTrue(seen[0] > 0, "and saw the sync's progress");
        assertInvoicesMatchSource();
    }
}
