package io.portico.sync.internal.engine;

import io.portico.api.db.Database;
import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncException.Reason;
import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncService;
import io.portico.api.sync.SyncSettings;
import io.portico.netsuite.NetSuiteClient;
import io.portico.sync.internal.store.Jdbc;
import io.portico.sync.internal.store.Mode;
import io.portico.sync.internal.store.PageWriter;
import io.portico.sync.internal.store.RunCounters;
import io.portico.sync.internal.store.SyncMapper;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine of one node: configurations, runs started by hand or by the schedule, leases, progress. Plain Java
 * (the OSGi component wires it), so tests run several engines, as several nodes, on one database.
 */
public final class SyncEngine implements SyncService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /**
     * @param nodeId this node's name in leases and the history
     * @param leaseSeconds how long a lease lasts without renewal (renewed every third of it)
     * @param maxConcurrentRuns runs this node executes at once; more wait for a thread
     * @param resumeDelaySeconds how long an unfinished run (stopped, or its node died) waits before the schedule
     *         resumes it
     * @param maxErrorsPerRun errors recorded per run (all are counted)
     */
    public record Options(String nodeId, int leaseSeconds, int maxConcurrentRuns, int resumeDelaySeconds,
            int maxErrorsPerRun) {

        public static Options defaults(String nodeId) {
            return new Options(nodeId, 60, 2, 60, 1000);
        }
    }

    private final SyncStore store;
    private final Function<String, Optional<RecordType>> recordTypes;
    private final Supplier<List<String>> recordTypeNames;
    private final Supplier<NetSuiteClient> clients;
    private final Options options;
    private final ExecutorService runPool;
    private final ScheduledExecutorService timer;
    private final Map<Long, Active> active = new ConcurrentHashMap<>();

    private record Active(SyncRunner runner, List<ScheduledFuture<?>> tasks) {
    }

    /**
     * @param recordTypes the running record-type plugin of a name
     * @param recordTypeNames the names of the running record-type plugins
     * @param clients the NetSuite client, or null while none is configured
     */
    public SyncEngine(Database database, Function<String, Optional<RecordType>> recordTypes,
            Supplier<List<String>> recordTypeNames, Supplier<NetSuiteClient> clients, Options options) {
        this.store = new SyncStore(new Jdbc(database.dataSource()), database.sessionFactory(SyncMapper.class));
        this.recordTypes = recordTypes;
        this.recordTypeNames = recordTypeNames;
        this.clients = clients;
        this.options = options;
        AtomicInteger threads = new AtomicInteger();
        this.runPool = Executors.newFixedThreadPool(Math.max(1, options.maxConcurrentRuns()), r -> {
            Thread t = new Thread(r, "portico-sync-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "portico-sync-timer");
            t.setDaemon(true);
            return t;
        });
    }

    SyncStore store() {
        return store;
    }

    Options options() {
        return options;
    }

    public String nodeId() {
        return options.nodeId();
    }

    // ------------------------------------------------------------------ configurations

    @Override
    public List<SyncConfig> configs() {
        List<SyncConfig> out = new ArrayList<>();
        Set<String> configured = new TreeSet<>();
        for (ConfigRow row : store.configs()) {
            configured.add(row.recordType());
            out.add(view(row));
        }
        for (String name : recordTypeNames.get()) {
            if (!configured.contains(name)) {
                out.add(unconfigured(name));
            }
        }
        out.sort((a, b) -> a.recordType().compareTo(b.recordType()));
        return out;
    }

    @Override
    public Optional<SyncConfig> config(String recordType) {
        Optional<ConfigRow> row = store.config(recordType);
        if (row.isPresent()) {
            return Optional.of(view(row.get()));
        }
        return recordTypes.apply(recordType).isPresent() ? Optional.of(unconfigured(recordType)) : Optional.empty();
    }

    @Override
    public SyncConfig configure(String recordType, SyncSettings settings) {
        checkName(recordType);
        // Configurations are never deleted, so only a running plugin's name may create one; an existing one stays
        // editable while its plugin is stopped (to pause or disable it).
        if (recordTypes.apply(recordType).isEmpty() && store.config(recordType).isEmpty()) {
            throw notRunning(recordType);
        }
        SyncSettings s = validate(recordType, settings);
        Instant next = Schedule.parse(s.schedule()).next(Instant.now()).orElse(null);
        return view(store.save(recordType, s, next));
    }

    private SyncSettings validate(String recordType, SyncSettings s) {
        if (s == null) {
            throw invalid("settings are missing");
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(s.schedule());
        } catch (IllegalArgumentException e) {
            throw invalid("schedule", e.getMessage());
        }
        String onDelete = s.onDelete() == null ? "archive" : s.onDelete().strip().toLowerCase(Locale.ROOT);
        if (!onDelete.equals("archive") && !onDelete.equals("delete")) {
            throw invalid("onDelete", "onDelete must be archive or delete, not " + s.onDelete());
        }
        if (s.overlapSeconds() < 0 || s.overlapSeconds() > 7 * 86_400) {
            throw invalid("overlapSeconds", "overlapSeconds must be 0 to 604800");
        }
        if (s.pageSize() < 1 || s.pageSize() > NetSuiteClient.MAX_PAGE_SIZE) {
            throw invalid("pageSize", "pageSize must be 1 to " + NetSuiteClient.MAX_PAGE_SIZE);
        }
        if (s.parallelism() < 1 || s.parallelism() > 32) {
            throw invalid("parallelism", "parallelism must be 1 to 32");
        }
        if (s.initialWindowDays() != null && (s.initialWindowDays() < 1 || s.initialWindowDays() > 36_500)) {
            throw invalid("initialWindowDays",
                    "initialWindowDays must be 1 to 36500, or absent to load everything at once");
        }
        for (Long id : s.subsidiaryIds()) {
            if (id == null || id < 1) {
                throw invalid("subsidiaryIds", "subsidiaryIds must be NetSuite internal ids (positive numbers)");
            }
        }
        String condition = s.customCondition() == null || s.customCondition().isBlank() ? null
                : s.customCondition().strip();
        Optional<RecordType> type = recordTypes.apply(recordType);
        try {
            if (condition != null) {
                Queries.checkCondition(condition);
            }
        } catch (IllegalArgumentException e) {
            throw invalid("customCondition", e.getMessage());
        }
        try {
            if (type.isPresent()) {
                // The condition passed its check, so only the subsidiary filter can be refused here.
                Queries.base(type.get().query(), s.subsidiaryIds(), condition);
            }
        } catch (IllegalArgumentException e) {
            throw invalid("subsidiaryIds", e.getMessage());
        }
        return new SyncSettings(s.enabled(), s.paused(), schedule.text(), s.initialWindowDays(), s.subsidiaryIds(),
                condition, onDelete, s.overlapSeconds(), s.pageSize(), s.parallelism());
    }

    private static SyncException invalid(String message) {
        return new SyncException(Reason.INVALID_SETTINGS, message);
    }

    private static SyncException invalid(String setting, String message) {
        return new InvalidSettingException(setting, message);
    }

    private static void checkName(String recordType) {
        if (recordType == null || !PluginName.VALID.matcher(recordType).matches()) {
            throw new SyncException(Reason.UNKNOWN_RECORD_TYPE, "'" + recordType + "' is not a record-type name");
        }
    }

    private static SyncException notRunning(String recordType) {
        return new SyncException(Reason.UNKNOWN_RECORD_TYPE, "no record-type plugin named '" + recordType
                + "' is running");
    }

    private SyncConfig unconfigured(String name) {
        String alias = recordTypes.apply(name).map(t -> t.query().alias()).orElse(null);
        return new SyncConfig(name, SyncSettings.defaults(), "unconfigured", alias, false, null, null, null, null);
    }

    private SyncConfig view(ConfigRow row) {
        SyncStore.StateRow state = store.state(row.id());
        Optional<RecordType> type = recordTypes.apply(row.recordType());
        SyncRun current = store.currentRun(row.id()).map(this::overlay).orElse(null);
        SyncRun last = store.lastFinishedRun(row.id()).orElse(null);
        String status;
        if (current != null) {
            status = "running";
        } else if (!row.settings().enabled()) {
            status = "disabled";
        } else if (type.isEmpty()) {
            status = "plugin-stopped";
        } else if (clients.get() == null) {
            status = "netsuite-not-configured";
        } else if (row.settings().paused()) {
            status = "paused";
        } else {
            status = "idle";
        }
        return new SyncConfig(row.recordType(), row.settings(), status, type.map(t -> t.query().alias()).orElse(null),
                state.generation() > 0, state.watermark(), row.nextRunAt(), current, last);
    }

    // ------------------------------------------------------------------ runs

    @Override
    public SyncRun start(String recordType, boolean full) {
        return start(recordType, full, "manual");
    }

    SyncRun start(String recordType, boolean full, String trigger) {
        checkName(recordType);
        RecordType type = recordTypes.apply(recordType).orElseThrow(() -> notRunning(recordType));
        NetSuiteClient client = clients.get();
        if (client == null) {
            throw new SyncException(Reason.NETSUITE_NOT_CONFIGURED,
                    "NetSuite is not connected yet: set up the connection in etc/io.portico.netsuite.cfg first");
        }
        ConfigRow config = store.config(recordType).orElseGet(() -> {
            SyncSettings defaults = SyncSettings.defaults();
            return store.save(recordType, defaults, Schedule.parse(defaults.schedule()).next(Instant.now())
                    .orElse(null));
        });
        if (!config.settings().enabled()) {
            throw new SyncException(Reason.DISABLED, "the sync of '" + recordType + "' is disabled");
        }
        SyncRunner runner;
        synchronized (this) {
            Active local = active.get(config.id());
            if (local != null) {
                throw new SyncException(Reason.ALREADY_RUNNING, "'" + recordType + "' is already syncing on this "
                        + "node (run " + local.runner().runId() + ")");
            }
            Optional<Long> runId = store.beginRun(config, options.nodeId(), trigger,
                    full ? Mode.FULL : Mode.INCREMENTAL, options.leaseSeconds());
            if (runId.isEmpty()) {
                String holder = store.lease(config.id()).map(l -> " on node " + l.nodeId() + " (run " + l.runId() + ")")
                        .orElse("");
                throw new SyncException(Reason.ALREADY_RUNNING, "'" + recordType + "' is already syncing" + holder);
            }
            runner = new SyncRunner(this, config, runId.get(), full, type, () -> recordTypes.apply(recordType),
                    client);
            long renewEvery = Math.max(1, options.leaseSeconds() / 3);
            List<ScheduledFuture<?>> tasks = List.of(
                    timer.scheduleWithFixedDelay(() -> renew(runner), renewEvery, renewEvery, TimeUnit.SECONDS),
                    timer.scheduleWithFixedDelay(() -> flush(runner), 1, 1, TimeUnit.SECONDS));
            active.put(config.id(), new Active(runner, tasks));
        }
        runPool.execute(runner);
        LOG.info("Sync run {} of {} started ({}{})", runner.runId(), recordType, trigger, full ? ", full" : "");
        return run(runner.runId()).orElseThrow();
    }

    private void renew(SyncRunner runner) {
        try {
            if (!store.renew(runner.config().id(), runner.runId(), options.leaseSeconds())) {
                runner.requestStop("the run lost its lease (another node took over)");
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the lease of sync run {}: {}", runner.runId(), e.getMessage());
        }
    }

    private void flush(SyncRunner runner) {
        try {
            runner.flushProgress();
        } catch (RuntimeException e) {
            LOG.debug("Progress of sync run {} not written: {}", runner.runId(), e.getMessage());
        }
    }

    /** Called by a run as it ends, before it records its end: this node no longer counts it as running. */
    void detach(SyncRunner runner) {
        Active a = active.get(runner.config().id());
        if (a != null && a.runner() == runner) {
            a.tasks().forEach(t -> t.cancel(false));
            active.remove(runner.config().id(), a);
        }
    }

    /** Called by a run when it has ended: gives rows whose customer's organization now exists their organization. */
    void afterRun(SyncRunner runner) {
        try {
            int adopted = PageWriter.adoptOrphans(store.jdbc(), store.tenantId());
            if (adopted > 0) {
                LOG.info("{} synced rows now belong to their customers' organizations", adopted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not assign organizations to orphaned rows: {}", e.getMessage());
        }
    }

    @Override
    public boolean stop(String recordType) {
        Optional<ConfigRow> config = store.config(recordType);
        Active a = config.map(c -> active.get(c.id())).orElse(null);
        if (a == null) {
            return false;
        }
        a.runner().requestStop("stopped by an administrator; the next run resumes");
        return true;
    }

    @Override
    public Optional<SyncRun> run(long runId) {
        return store.run(runId).map(this::overlay);
    }

    @Override
    public List<SyncRun> runs(String recordType, int limit) {
        return store.runs(recordType, limit).stream().map(this::overlay).toList();
    }

    @Override
    public List<SyncRunError> errors(long runId, int offset, int limit) {
        return store.errors(runId, offset, limit);
    }

    @Override
    public List<SyncFailingRecord> failingRecords(String recordType, int offset, int limit) {
        return store.failingRecords(recordType, offset, limit);
    }

    @Override
    public long failingRecordCount(String recordType) {
        return store.failingRecordCount(recordType);
    }

    /** A run as stored, with the live counters when it runs on this node. */
    private SyncRun overlay(SyncRun stored) {
        if (!stored.running()) {
            return stored;
        }
        for (Active a : active.values()) {
            SyncRunner r = a.runner();
            if (r.runId() == stored.id() && !r.finished()) {
                RunCounters p = r.snapshot();
                return new SyncRun(stored.id(), stored.recordType(), r.mode().text(), stored.trigger(), stored.status(),
                        r.phase().text(), stored.node(), stored.resumedRunId(), stored.startedAt(), stored.finishedAt(),
                        p.estimatedTotal(), p.done(), p.inserted(), p.updated(), p.unchanged(), p.deleted(),
                        p.failed(), p.pages(), p.requests(), p.retries(), p.rate(), p.etaSeconds(), stored.message());
            }
        }
        return stored;
    }

    /** The run of a record type on this node, if one is going on. */
    Optional<SyncRunner> running(String recordType) {
        return store.config(recordType).map(c -> active.get(c.id())).map(Active::runner);
    }

    /**
     * Deletes ended runs (and their errors) that finished more than {@code days} ago, except each configuration's
     * newest {@code keep} runs and runs an unfinished plan still names.
     *
     * @return how many runs were deleted
     */
    public int pruneHistory(int days, int keep) {
        return store.pruneRuns(days, keep);
    }

    /** Waits until the run has finished (on any node); returns it as it ended. */
    public SyncRun await(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SyncRun r = run(runId).orElseThrow();
            if (!r.running()) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " still running after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------ schedule

    /**
     * Starts what is due: scheduled runs whose time has come (one node wins each), and unfinished runs nobody is
     * working on any more (stopped, or their node died) once they have waited the resume delay.
     */
    public void tick() {
        if (clients.get() == null) {
            return;
        }
        Instant now = Instant.now();
        for (ConfigRow config : store.configs()) {
            try {
                tick(config, now);
            } catch (SyncException e) {
                LOG.debug("Sync of {} not started: {}", config.recordType(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Scheduling the sync of {} failed: {}", config.recordType(), e.getMessage());
            }
        }
    }

    private void tick(ConfigRow config, Instant now) {
        SyncSettings s = config.settings();
        if (!s.enabled() || active.containsKey(config.id()) || recordTypes.apply(config.recordType()).isEmpty()) {
            return;
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(s.schedule());
        } catch (IllegalArgumentException e) {
            return;
        }
        Optional<Instant> following = schedule.next(now);
        if (s.paused()) {
            return;
        }
        if (config.nextRunAt() == null) {
            following.ifPresent(next -> store.setNextRunAt(config.id(), next));
        } else if (!config.nextRunAt().isAfter(now)) {
            if (store.claimDue(config.id(), config.nextRunAt(), following.orElse(null))) {
                start(config.recordType(), false, "schedule");
            }
            return;
        }
        if (store.state(config.id()).pending() != null && store.lease(config.id()).isEmpty()) {
            Optional<SyncRun> last = store.runs(config.recordType(), 1).stream().findFirst();
            boolean resumable = last.isEmpty() || switch (last.get().status()) {
                case "running", "stopped", "abandoned" -> true;
                default -> false;
            };
            Instant lastSeen = last.map(r -> r.finishedAt() != null ? r.finishedAt() : r.startedAt()).orElse(now);
            if (resumable && lastSeen.plusSeconds(options.resumeDelaySeconds()).isBefore(now)) {
                LOG.info("Resuming the unfinished sync of {}", config.recordType());
                start(config.recordType(), false, "schedule");
            }
        }
    }

    // ------------------------------------------------------------------ shutdown

    /** Stops this node's runs after their current pages (they resume on the next run) and ends the threads. */
    @Override
    public void close() {
        for (Active a : active.values()) {
            a.runner().requestStop("the node shut down; the next run resumes");
        }
        runPool.shutdown();
        try {
            if (!runPool.awaitTermination(30, TimeUnit.SECONDS)) {
                runPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runPool.shutdownNow();
        }
        timer.shutdownNow();
    }
}
