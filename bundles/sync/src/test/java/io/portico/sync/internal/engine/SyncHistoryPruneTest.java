package io.portico.sync.internal.engine;

import io.portico.api.sync.SyncRun;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.internal.store.Jdbc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Old runs and their errors go; each record type's newest runs, and runs an unfinished plan names, stay. */
class SyncHistoryPruneTest extends SyncTestSupport {

    @Test
    void runsOlderThanTheHistoryAreDeletedWithTheirErrorsButTheNewestAreKept() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        SyncEngine engine = engine("node-a");
        List<Long> customerRuns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customerRuns.add(sync(engine, "customer", false).id());
        }
        SyncRun invoices = sync(engine, "invoice", false);
        // Everything but the newest customer run ended 100 days ago; the oldest one had an error.
        Jdbc jdbc = engine.store().jdbc();
        jdbc.transaction(c -> {
            Jdbc.update(c, "UPDATE sync_run SET started_at = now() - interval '100 days', "
                    + "finished_at = now() - interval '100 days' WHERE id <> ?", customerRuns.get(3));
            Jdbc.update(c, "INSERT INTO sync_error (run_id, netsuite_id, kind, message) VALUES (?, 7, 'mapping', "
                    + "'broken')", customerRuns.get(0));
            return null;
        });

        assertEquals(2, engine.store().pruneRuns(90, 2), "the two oldest customer runs");

        assertEquals(List.of(customerRuns.get(3), customerRuns.get(2)),
                engine.runs("customer", 10).stream().map(SyncRun::id).toList());
        assertEquals(List.of(invoices.id()), engine.runs("invoice", 10).stream().map(SyncRun::id).toList(),
                "another record type's newest runs are its own");
        assertEquals(0, count("SELECT count(*) FROM sync_error"), "errors go with their run");
        assertEquals(0, engine.store().pruneRuns(90, 2), "nothing more is due");
        assertEquals(1, engine.store().pruneRuns(90, 1), "fewer kept: the old customer run goes too");
    }
}
