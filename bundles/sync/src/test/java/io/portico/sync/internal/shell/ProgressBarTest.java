package io.portico.sync.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsTheShareDoneTheRateAndTheEta() {
        SyncRun run = new SyncRun(7, "invoice", "full", "manual", "running", "recent", "node-a", null, Instant.now(),
                null, 10_000L, 4_500, 4_500, 0, 0, 0, 0, 5, 20, 1, 1234.4, 5L, null);
        assertEquals("[##############................]  45%  4,500/10,000  1,234/s  ETA 0:05  recent",
                ProgressBar.render(run, 30));
        SyncRun unknown = new SyncRun(8, "invoice", "incremental", "manual", "running", "planning", "n", null,
                Instant.now(), null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
        assertTrue(ProgressBar.render(unknown, 10).startsWith("[??????????]"));
        assertEquals("1:01:01", ProgressBar.duration(3661));
    }
}
