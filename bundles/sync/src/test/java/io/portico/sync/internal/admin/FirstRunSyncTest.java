package io.portico.sync.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.records.FirstRunStep.State;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Choose the record types and run the first sync" ticks itself from the record types' first full loads. */
class FirstRunSyncTest {

    private static SyncConfig config(String type, boolean enabled, boolean fullLoadDone, SyncRun current) {
        return new SyncConfig(type, new SyncSettings(enabled, false, "15m", null, List.of(), null, "archive", 60, 1000,
                1), current == null ? "idle" : "running", "t", fullLoadDone, null, null, current, null);
    }

    private static SyncRun running(String type, long done, Long total) {
        return new SyncRun(1, type, "full", "manual", "running", "history", "node", null, Instant.EPOCH, null, total,
                done, done, 0, 0, 0, 0, 1, 1, 0, 10.0, null, null);
    }

    @Test
    void theFirstSyncIsDoneOnceEveryChosenRecordTypeFinishedItsFullLoad() {
        assertFalse(FirstRunSync.state(List.of()).done());
        assertEquals("No record type is chosen for syncing yet.", FirstRunSync.state(List.of(
                config("invoice", false, false, null))).detail());
        State half = FirstRunSync.state(List.of(config("customer", true, true, null),
                config("invoice", true, false, null), config("contact", false, false, null)));
        assertFalse(half.done());
        assertTrue(half.detail().startsWith("1 of 2 record types"), half.detail());
        State syncing = FirstRunSync.state(List.of(config("customer", true, true, null),
                config("invoice", true, false, running("invoice", 1234, 5000L))));
        assertFalse(syncing.done());
        assertEquals("Syncing invoice: 1,234 of 5,000 records.", syncing.detail(), "its progress");
        State done = FirstRunSync.state(List.of(config("customer", true, true, null),
                config("invoice", true, true, running("invoice", 10, null)), config("contact", false, false, null)));
        assertTrue(done.done(), "an incremental run after the first full load does not undo it");
        assertEquals("/admin/syncs", done.href());
    }
}
