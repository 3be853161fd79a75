package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordType;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.sync.internal.store.FailedRecords;
import io.portico.sync.internal.store.Jdbc;
import io.portico.sync.internal.store.Mode;
import io.portico.sync.internal.store.PageWriter;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.RunCounters;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import io.portico.sync.internal.store.SyncStore.ErrorRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one configuration: plans it (or resumes the unfinished plan, {@link RunPlanner}), then goes through the
 * plan's phases — id slices read in parallel ({@link SliceReader}), failed records read again ({@link RetryReader}),
 * deletions and the sweep after a full load ({@link Deletions}) — each page written in one transaction together with
 * its cursor ({@link PageCommits}), and moves the watermark. The run holds the configuration's lease throughout;
 * every page checks it inside its transaction, so a run that lost its lease cannot write.
 */
final class SyncRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncEngine engine;
    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final boolean forceFull;
    private final NetSuiteClient client;
    private final Progress progress = new Progress();
    private final RunControl control;
    private final PageCommits commits;
    private final RunPlanner planner;
    private final SliceReader slices;
    private final RetryReader retries;
    private final Deletions deletions;
    private final Instant startedAt = Instant.now();

    private volatile Mode mode = Mode.INCREMENTAL;
    private volatile Phase phase = Phase.QUEUED;
    private volatile boolean finished;

    SyncRunner(SyncEngine engine, ConfigRow config, long runId, boolean forceFull, RecordType type,
            Supplier<Optional<RecordType>> currentType, NetSuiteClient client) {
        this.engine = engine;
        this.store = engine.store();
        this.config = config;
        this.runId = runId;
        this.forceFull = forceFull;
        this.client = client;
        this.control = new RunControl(config.recordType(), type, currentType);
        PageWriter writer = new PageWriter(config.tenantId(), config.recordType(), type.descriptor().category());
        FailedRecords failures = FailedRecords.of(store.jdbc(), config.id());
        this.commits = new PageCommits(store, config, runId, type, writer, failures, progress,
                engine.options().maxErrorsPerRun());
        PageFetcher fetcher = new PageFetcher(client, type.query(), config.settings().pageSize(), control);
        this.planner = new RunPlanner(store, config, runId, type.query(), client, writer.table(), failures, progress,
                commits);
        this.slices = new SliceReader(store, config, runId, type.query(), fetcher, commits, control);
        this.retries = new RetryReader(store, config, runId, type.query(), failures, fetcher, commits, control);
        this.deletions = new Deletions(store, config, runId, type, client, writer, failures, progress, commits,
                control);
        var metrics = client.metrics();
        progress.netsuiteBase(metrics.requests(), metrics.retries());
    }

    long runId() {
        return runId;
    }

    ConfigRow config() {
        return config;
    }

    Mode mode() {
        return mode;
    }

    Phase phase() {
        return phase;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean finished() {
        return finished;
    }

    /** Asks the run to stop before its next page; what is committed stays and the next run resumes. */
    void requestStop(String reason) {
        control.requestStop(reason);
    }

    /** Counters now, for the history and the progress display. */
    RunCounters snapshot() {
        return progress.snapshot();
    }

    /** Refreshes the rate and the NetSuite counters, and writes the progress to the run's row. */
    void flushProgress() {
        progress.tick();
        var metrics = client.metrics();
        progress.netsuiteNow(metrics.requests(), metrics.retries());
        store.progress(runId, mode, phase, progress.snapshot());
    }

    @Override
    public void run() {
        String status = "succeeded";
        String message = null;
        Thread.currentThread().setName("portico-sync-" + config.recordType() + "-" + runId);
        try {
            control.checkStop();
            phase = Phase.PLANNING;
            RunPlan plan = planner.plan(forceFull, chosen -> {
                mode = chosen;
                flushQuietly();
            });
            mode = plan.mode();
            while (!plan.finished()) {
                control.checkStop();
                phase = plan.phase();
                flushQuietly();
                switch (phase) {
                    case ALL, RECENT, HISTORY, CHANGES -> slices.read(plan, phase);
                    case RETRIES -> retries.read(plan);
                    case DELETIONS -> deletions.readDeletions(plan);
                    case SWEEP -> deletions.sweep(plan);
                    default -> throw new IllegalStateException("a plan has no phase " + phase.text());
                }
                RunPlan next = plan.next();
                commits.inPageDo(c -> SyncStore.savePending(c, config.id(), runId, next));
                plan = next;
            }
            RunPlan done = plan;
            commits.inPageDo(c -> SyncStore.complete(c, config.id(), runId, done));
            phase = Phase.DONE;
        } catch (RunControl.Stopped e) {
            status = "stopped";
            message = e.getMessage();
        } catch (SyncStore.LeaseLostException e) {
            status = "failed";
            message = e.getMessage();
        } catch (RuntimeException | Error e) {
            status = "failed";
            message = RunControl.describe(e);
            if (!(e instanceof NetSuiteException) && !(e instanceof Jdbc.SyncStoreException)) {
                LOG.error("Sync run {} of {} failed", runId, config.recordType(), e);
            }
        } finally {
            slices.close();
            finish(status, message);
        }
    }

    /**
     * Records the end: the final counters, the status and the release of the lease in one transaction, so that once
     * the run shows as ended another run can start at once, on any node.
     */
    private void finish(String status, String message) {
        engine.detach(this);
        try {
            if (message != null) {
                store.addErrors(runId, List.of(new ErrorRow(null, "run", message, null)));
            }
            progress.tick();
            var metrics = client.metrics();
            progress.netsuiteNow(metrics.requests(), metrics.retries());
            store.finish(runId, config.id(), mode, phase, progress.snapshot(), status, message);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of sync run {} (its lease expires by itself): {}", runId,
                    e.getMessage());
        } finally {
            finished = true;
            engine.afterRun(this);
        }
        LOG.info("Sync run {} of {} {}{} ({} records, {} inserted, {} updated, {} deleted, {} failed)", runId,
                config.recordType(), status, message == null ? "" : ": " + message, progress.done.get(),
                progress.inserted.get(), progress.updated.get(), progress.deleted.get(), progress.failed.get());
    }

    private void flushQuietly() {
        try {
            flushProgress();
        } catch (RuntimeException e) {
            LOG.debug("Progress of run {} not written: {}", runId, e.getMessage());
        }
    }
}
