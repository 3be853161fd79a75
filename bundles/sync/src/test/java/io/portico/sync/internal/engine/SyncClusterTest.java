package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.sandbox.NetSuiteSandbox;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two nodes on one database never run the same configuration at once, and a node that lost its lease cannot write. */
class SyncClusterTest extends SyncTestSupport {

    @Test
    void twoNodesStartingTheSameSyncTogetherRunItOnce() throws Exception {
        start(NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12).latencyMillis(5));
        SyncEngine a = engine("node-a");
        SyncEngine b = engine("node-b");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                boolean full = round == 0;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Object>> attempts = new ArrayList<>();
                for (SyncEngine node : List.of(a, b)) {
                    attempts.add(threads.submit((Callable<Object>) () -> {
                        together.await();
                        try {
                            return node.start("invoice", full);
                        } catch (SyncException e) {
                            return e;
                        }
                    }));
                }
                List<SyncRun> started = new ArrayList<>();
                List<SyncException> refused = new ArrayList<>();
                for (Future<Object> f : attempts) {
                    Object r = f.get(30, TimeUnit.SECONDS);
                    if (r instanceof SyncRun run) {
                        started.add(run);
                    } else {
                        refused.add((SyncException) r);
                    }
                }
                assertEquals(1, started.size(), "exactly one node runs it, round " + round);
                assertEquals(SyncException.Reason.ALREADY_RUNNING, refused.get(0).reason());
                assertTrue(refused.get(0).getMessage().contains(started.get(0).node()), refused.get(0).getMessage());
                assertEquals("succeeded", a.await(started.get(0).id(), RUN_TIMEOUT).status());
            }
        } finally {
            threads.shutdownNow();
        }
        assertNoOverlappingRuns();
        assertInvoicesMatchSource();
    }

    @Test
    void aDueScheduleIsRunByOneNodeOnly() throws Exception {
        start(NetSuiteSandbox.builder().customers(10).invoicesPerCustomer(5));
        SyncEngine a = engine("node-a");
        SyncEngine b = engine("node-b");
        a.configure("invoice", new SyncSettings(true, false, "5m", null, List.of(), null, "archive", 600, 1000, 2));
        for (int round = 0; round < 3; round++) {
            try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE sync_config SET next_run_at = now() - interval '1 second'");
            }
            CyclicBarrier together = new CyclicBarrier(2);
            Thread other = new Thread(() -> {
                await(together);
                b.tick();
            });
            other.start();
            await(together);
            a.tick();
            other.join();
            List<SyncRun> runs = a.runs("invoice", 100);
            assertEquals(round + 1, runs.size(), "one run per due time");
            a.await(runs.get(0).id(), RUN_TIMEOUT);
        }
        assertTrue(a.config("invoice").orElseThrow().nextRunAt().isAfter(java.time.Instant.now()));
        assertNoOverlappingRuns();
        assertInvoicesMatchSource();
    }

    @Test
    void aNodeThatLostItsLeaseStopsWritingAndTheNewHolderFinishes() throws Exception {
        start(NetSuiteSandbox.builder().customers(60).invoicesPerCustomer(10).latencyMillis(20));
        SyncEngine slow = engine("slow-node", new SyncEngine.Options("slow-node", 600, 1, 1, 1000), () -> client);
        SyncEngine b = engine("node-b");
        slow.configure("invoice", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600, 20,
                2));
        SyncRun first = slow.start("invoice", false);
        while (count("SELECT count(*) FROM ns_transaction") < 60) {
            Thread.sleep(10);
        }
        // The slow node stalls (a long GC pause, a network partition) past its lease, and node B takes over.
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE sync_lease SET expires_at = now() - interval '1 second'");
        }
        SyncRun second = b.start("invoice", false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (slow.running("invoice").isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the slow node notices and stops");
            Thread.sleep(10);
        }
        SyncRun lost = slow.run(first.id()).orElseThrow();
        assertEquals("abandoned", lost.status(), "the new holder's verdict stands");
        assertTrue(slow.errors(first.id(), 0, 10).stream().anyMatch(e -> e.message().contains("lease")),
                "the slow node recorded why it stopped");
        Timestamp takenOver = (Timestamp) list("SELECT acquired_at FROM sync_lease").get(0).get("acquired_at");
        SyncRun done = b.await(second.id(), RUN_TIMEOUT);
        assertEquals("succeeded", done.status(), done.toString());
        assertEquals(Long.valueOf(first.id()), done.resumedRunId());
        assertTrue(takenOver != null);
        assertInvoicesMatchSource();
    }

    /** No two runs of one configuration were ever running at the same time. */
    private void assertNoOverlappingRuns() throws Exception {
        List<Map<String, Object>> runs = list("SELECT id, started_at, finished_at FROM sync_run ORDER BY started_at");
        for (int i = 1; i < runs.size(); i++) {
            Timestamp previousEnd = (Timestamp) runs.get(i - 1).get("finished_at");
            Timestamp start = (Timestamp) runs.get(i).get("started_at");
            assertTrue(previousEnd != null && !start.before(previousEnd), "run " + runs.get(i).get("id")
                    + " started before run " + runs.get(i - 1).get("id") + " ended");
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
