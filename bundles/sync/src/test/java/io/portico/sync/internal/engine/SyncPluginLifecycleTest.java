package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping a record-type plugin pauses its syncs and keeps its data; starting it again resumes them. */
class SyncPluginLifecycleTest extends SyncTestSupport {

    @Test
    void aStoppedPluginsSyncPausesAndResumesWhenItIsBack() throws Exception {
        start(NetSuiteSandbox.builder().customers(60).invoicesPerCustomer(10).latencyMillis(10));
        SyncEngine engine = engine("node-a", new SyncEngine.Options("node-a", 30, 1, 1, 1000), () -> client);
        engine.configure("invoice", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600, 20,
                2));
        SyncRun run = engine.start("invoice", false);
        while (count("SELECT count(*) FROM ns_transaction") < 100) {
            Thread.sleep(10);
        }
        plugins.remove("invoice");
        SyncRun stopped = engine.await(run.id(), RUN_TIMEOUT);
        assertEquals("stopped", stopped.status());
        assertTrue(stopped.message().contains("plugin"), stopped.message());
        assertEquals("plugin-stopped", engine.config("invoice").orElseThrow().state());
        long kept = count("SELECT count(*) FROM ns_transaction");
        assertTrue(kept >= 100, "the data stays");
        assertEquals(SyncException.Reason.UNKNOWN_RECORD_TYPE,
                assertThrows(SyncException.class, () -> engine.start("invoice", false)).reason());
        Thread.sleep(1100);
        engine.tick();
        assertEquals(1, engine.runs("invoice", 10).size(), "nothing runs while the plugin is stopped");
        assertEquals(kept, count("SELECT count(*) FROM ns_transaction"));
        assertPresentInvoicesMatchSource();

        plugins.put("invoice", new InvoiceRecordType());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (engine.runs("invoice", 10).size() < 2) {
            assertTrue(System.nanoTime() < deadline, "the schedule resumes the sync");
            engine.tick();
            Thread.sleep(100);
        }
        SyncRun resumed = engine.await(engine.runs("invoice", 1).get(0).id(), RUN_TIMEOUT);
        assertEquals("succeeded", resumed.status());
        assertEquals(Long.valueOf(run.id()), resumed.resumedRunId());
        assertInvoicesMatchSource();
    }
}
