package io.portico.sync.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncService;
import io.portico.api.sync.SyncSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of a sync command is an exception, so that the console client exits non-zero. */
class SyncCommandsTest {

    private final PrintStream console = System.out;
    private final Sync sync = new Sync();

    @BeforeEach
    void quiet() {
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(console);
    }

    @Test
    void aRunAlreadyGoingOnElsewhereIsARefusal() {
        SyncRunCommand command = new SyncRunCommand();
        command.sync = sync;
        command.type = "invoice";
        assertEquals("Not started: 'invoice' is already syncing on node b (run 7)", refusal(command));
    }

    @Test
    void aFollowedRunThatDoesNotSucceedFails() {
        sync.startsRuns = true;
        SyncRunCommand command = new SyncRunCommand();
        command.sync = sync;
        command.type = "invoice";
        command.follow = true;
        assertEquals("Run 8 of invoice failed: NetSuite refused the query", refusal(command));
    }

    @Test
    void stoppingWhatDoesNotRunHereIsARefusal() {
        SyncStopCommand command = new SyncStopCommand();
        command.sync = sync;
        command.type = "invoice";
        assertEquals("Run 7 of invoice runs on node b; only that node can stop it.", refusal(command));
        command.type = "nosuchtype";
        assertEquals("No record type nosuchtype is configured or running; portico:sync-list shows them.",
                refusal(command));
    }

    @Test
    void refusedOrUnreadableSettingsChangeNothingAndFail() {
        SyncConfigCommand command = new SyncConfigCommand();
        command.sync = sync;
        command.type = "invoice";
        command.schedule = "sometimes";
        assertEquals("Not changed: schedule is not a schedule", refusal(command));
        command.schedule = null;
        command.subsidiaries = "1,x";
        assertEquals("--subsidiaries takes NetSuite ids (numbers) separated by commas, not 1,x", refusal(command));
        command.subsidiaries = null;
        command.type = "nosuchtype";
        assertEquals("No record type nosuchtype is configured or running; portico:sync-list shows them.",
                refusal(command));
    }

    @Test
    void historyAndStatusOfWhatDoesNotExistFail() {
        SyncHistoryCommand history = new SyncHistoryCommand();
        history.sync = sync;
        history.type = "nosuchtype";
        assertEquals("No record type nosuchtype is configured or running; portico:sync-list shows them.",
                refusal(history));
        history.type = "invoice";
        history.errorsOf = 99;
        assertEquals("No run 99 of invoice.", refusal(history));
        SyncStatusCommand status = new SyncStatusCommand();
        status.sync = sync;
        status.type = "nosuchtype";
        assertEquals("No record type nosuchtype is configured or running; portico:sync-list shows them.",
                refusal(status));
    }

    private static String refusal(Action command) {
        return assertThrows(RuntimeException.class, command::execute).getMessage();
    }

    /** Knows one record type, invoice, whose run 7 goes on on node b. */
    private static final class Sync implements SyncService {

        boolean startsRuns;

        @Override
        public List<SyncConfig> configs() {
            return List.of(config("invoice").orElseThrow());
        }

        @Override
        public Optional<SyncConfig> config(String recordType) {
            return "invoice".equals(recordType) ? Optional.of(new SyncConfig("invoice", SyncSettings.defaults(),
                    "running", "t", true, null, null, run(7, "running", null), null)) : Optional.empty();
        }

        @Override
        public SyncConfig configure(String recordType, SyncSettings settings) {
            throw new SyncException(SyncException.Reason.INVALID_SETTINGS, "schedule is not a schedule");
        }

        @Override
        public SyncRun start(String recordType, boolean full) {
            if (startsRuns) {
                return run(8, "running", null);
            }
            throw new SyncException(SyncException.Reason.ALREADY_RUNNING, "'invoice' is already syncing on node b "
                    + "(run 7)");
        }

        @Override
        public boolean stop(String recordType) {
            return false;
        }

        @Override
        public Optional<SyncRun> run(long runId) {
            return runId == 8 ? Optional.of(run(8, "failed", "NetSuite refused the query")) : Optional.empty();
        }

        @Override
        public List<SyncRun> runs(String recordType, int limit) {
            return List.of();
        }

        @Override
        public List<SyncRunError> errors(long runId, int offset, int limit) {
            return List.of();
        }

        @Override
        public List<SyncFailingRecord> failingRecords(String recordType, int offset, int limit) {
            return List.of();
        }

        @Override
        public long failingRecordCount(String recordType) {
            return 0;
        }

        private static SyncRun run(long id, String status, String message) {
            return new SyncRun(id, "invoice", "incremental", "manual", status, "reading", "b", null, Instant.now(),
                    null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, message);
        }
    }
}
