package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.sandbox.NetSuiteSandbox;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kill the JVM in the middle of a run: what it committed is whole pages only, and the next run, on another node,
 * resumes from the last committed cursors and ends with tables identical to NetSuite.
 */
class SyncCrashResumeTest extends SyncTestSupport {

    private static final int LEASE_SECONDS = 8;

    @Test
    void aKilledNodesRunIsResumedExactlyByAnotherNode() throws Exception {
        start(NetSuiteSandbox.builder().customers(100).invoicesPerCustomer(12).latencyMillis(15));
        SyncEngine survivor = engine("survivor", new SyncEngine.Options("survivor", 30, 1, 1, 1000), () -> client);
        survivor.configure("invoice", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600,
                25, 3));
        int total = invoiceIds().size();

        Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.url(), sandbox.accountId(), sandbox.baseUrl(),
                sandbox.credentials().consumerKey(), sandbox.credentials().consumerSecret(),
                sandbox.credentials().tokenId(), sandbox.credentials().tokenSecret(), String.valueOf(LEASE_SECONDS))
                .redirectErrorStream(true).start();
        long doomedRun;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("RUN ")) {
                // the child's log
            }
            assertTrue(line != null, "the child started a run");
            doomedRun = Long.parseLong(line.substring(4).trim());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count("SELECT count(*) FROM ns_transaction") < total / 3) {
                assertTrue(System.nanoTime() < deadline, "the child makes progress");
                Thread.sleep(20);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        // Until its lease expires, the dead node still holds the configuration.
        SyncException blocked = assertThrows(SyncException.class, () -> survivor.start("invoice", false));
        assertEquals(SyncException.Reason.ALREADY_RUNNING, blocked.reason());
        assertTrue(blocked.getMessage().contains("doomed-node"), blocked.getMessage());

        int committed = assertPresentInvoicesMatchSource();
        assertTrue(committed >= total / 3 && committed < total, committed + " of " + total);
        assertEquals("running", survivor.run(doomedRun).orElseThrow().status(), "the dead node could not say so");

        // The dead node's lease expires; the schedule notices the unfinished run and resumes it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SyncRun resumed = null;
        while (resumed == null) {
            assertTrue(System.nanoTime() < deadline, "the run is resumed once the lease has expired");
            Thread.sleep(200);
            survivor.tick();
            resumed = survivor.runs("invoice", 5).stream().filter(r -> r.id() != doomedRun).findFirst().orElse(null);
        }
        SyncRun done = survivor.await(resumed.id(), RUN_TIMEOUT);
        assertEquals("succeeded", done.status(), done.toString());
        assertEquals("schedule", done.trigger());
        assertEquals(Long.valueOf(doomedRun), done.resumedRunId());
        assertEquals("full", done.mode());
        assertEquals(total, done.recordsDone(), "done counts the dead run's committed pages too");
        assertEquals(total - committed, done.inserted() + done.updated(),
                "only what was not committed before the crash is written again, at most one page per slice");
        assertTrue(done.updated() == 0, "no committed page is written twice");
        assertEquals("abandoned", survivor.run(doomedRun).orElseThrow().status());
        assertInvoicesMatchSource();

        SyncRun next = sync(survivor, "invoice", false);
        assertEquals("incremental", next.mode(), "the resumed full load completed the state");
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
