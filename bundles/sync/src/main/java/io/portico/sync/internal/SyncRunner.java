package io.portico.sync.internal;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.sync.internal.SyncStore.ConfigRow;
import io.portico.sync.internal.SyncStore.ErrorRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one configuration: plans it (or resumes the unfinished plan), reads NetSuite page by page in parallel id
 * slices, maps and writes each page in one transaction together with its cursor, then processes deletions (or, after
 * a full load, archives what NetSuite no longer has) and moves the watermark. The run holds the configuration's
 * lease throughout; every page checks it inside its transaction, so a run that lost its lease cannot write.
 */
final class SyncRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LINE_PAGE = NetSuiteClient.MAX_PAGE_SIZE;
    private static final int SWEEP_BATCH = 1000;

    /** Why a run stops early, on request. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String reason) {
            super(reason);
        }
    }

    private final SyncEngine engine;
    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final boolean forceFull;
    private final RecordType type;
    private final Supplier<Optional<RecordType>> currentType;
    private final NetSuiteClient client;
    private final SyncQuery query;
    private final PageWriter writer;
    private final FailedRecords failures;
    private final Progress progress = new Progress();
    private final AtomicInteger errorsRecorded = new AtomicInteger();
    private final Instant startedAt = Instant.now();

    private volatile String stopReason;
    private volatile String mode = Pending.INCREMENTAL;
    private volatile String phase = "queued";
    private volatile boolean finished;
    private ExecutorService slices;
    private ExecutorService fetches;

    SyncRunner(SyncEngine engine, ConfigRow config, long runId, boolean forceFull, RecordType type,
            Supplier<Optional<RecordType>> currentType, NetSuiteClient client) {
        this.engine = engine;
        this.store = engine.store();
        this.config = config;
        this.runId = runId;
        this.forceFull = forceFull;
        this.type = type;
        this.currentType = currentType;
        this.client = client;
        this.query = type.query();
        this.writer = new PageWriter(config.tenantId(), config.recordType(), type.descriptor().category());
        this.failures = FailedRecords.of(store.jdbc(), config.id());
        var metrics = client.metrics();
        progress.netsuiteBase(metrics.requests(), metrics.retries());
    }

    long runId() {
        return runId;
    }

    ConfigRow config() {
        return config;
    }

    String mode() {
        return mode;
    }

    String phase() {
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
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Counters now, for the history and the progress display. */
    Progress.Snapshot snapshot() {
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
            checkStop();
            Pending plan = prepare();
            while (!plan.finished()) {
                checkStop();
                phase = plan.phase();
                flushQuietly();
                if (Pending.sliced(phase)) {
                    readSlices(plan, phase);
                } else if (Pending.RETRIES.equals(phase)) {
                    readRetries(plan);
                } else if (Pending.DELETIONS.equals(phase)) {
                    readDeletions(plan);
                } else if (Pending.SWEEP.equals(phase)) {
                    sweep(plan);
                }
                Pending next = plan.next();
                inPageDo(c -> SyncStore.savePending(c, config.id(), runId, next));
                plan = next;
            }
            Pending done = plan;
            inPageDo(c -> SyncStore.complete(c, config.id(), runId, done));
            phase = "done";
        } catch (Stopped e) {
            status = "stopped";
            message = e.getMessage();
        } catch (SyncStore.LeaseLostException e) {
            status = "failed";
            message = e.getMessage();
        } catch (RuntimeException | Error e) {
            status = "failed";
            message = describe(e);
            if (!(e instanceof NetSuiteException) && !(e instanceof Jdbc.SyncStoreException)) {
                LOG.error("Sync run {} of {} failed", runId, config.recordType(), e);
            }
        } finally {
            shutdownPools();
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

    static String describe(Throwable e) {
        if (e instanceof NetSuiteException ns) {
            return "NetSuite: " + ns.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void checkStop() {
        String reason = stopReason;
        if (reason != null) {
            throw new Stopped(reason);
        }
        Optional<RecordType> current = currentType.get();
        if (current.isEmpty() || current.get() != type) {
            requestStop("the record-type plugin '" + config.recordType() + "' stopped; the next run resumes");
            throw new Stopped(stopReason);
        }
    }

    // ------------------------------------------------------------------ planning

    private Pending prepare() {
        phase = "planning";
        SyncStore.StateRow state = store.state(config.id());
        Pending pending = state.pending();
        if (pending != null && !forceFull) {
            mode = pending.mode();
            progress.base(store.committedRecords(config.id()));
            progress.estimatedTotal(pending.estimatedTotal());
            if (pending.runId() != runId) {
                store.setResumed(runId, pending.runId());
            }
            LOG.info("Sync run {} of {} resumes the {} run {} at phase {}", runId, config.recordType(),
                    pending.mode(), pending.runId(), pending.phase());
            return pending;
        }
        boolean full = forceFull || state.generation() == 0 || state.fullRequired() || state.watermark() == null;
        mode = full ? Pending.FULL : Pending.INCREMENTAL;
        flushQuietly();
        List<String> base = Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition());
        boolean joins = config.settings().customCondition() != null && !config.settings().customCondition().isBlank();
        List<Cursor> cursors = new ArrayList<>();
        long estimate = 0;
        String highWater = null;
        Pending plan;
        if (full) {
            Integer days = config.settings().initialWindowDays();
            String cutoff = days != null && query.windowDate() != null
                    ? LocalDate.now(ZoneOffset.UTC).minusDays(days).toString() : null;
            List<String> phases = cutoff == null ? List.of(Pending.ALL, Pending.SWEEP)
                    : List.of(Pending.RECENT, Pending.HISTORY, Pending.SWEEP);
            for (String p : phases) {
                if (!Pending.sliced(p)) {
                    continue;
                }
                List<String> conditions = new ArrayList<>(base);
                if (Pending.RECENT.equals(p)) {
                    conditions.add(Queries.recent(query, cutoff));
                } else if (Pending.HISTORY.equals(p)) {
                    conditions.add(Queries.history(query, cutoff));
                }
                Stats stats = stats(conditions, joins, false);
                estimate += stats.count;
                cursors.addAll(slices(p, stats));
            }
            highWater = estimate == 0 ? null : highWater(base, joins);
            boolean fresh = state.generation() == 0 && !store.hasRows(writer.table(), config.tenantId(),
                    config.recordType());
            plan = new Pending(runId, Pending.FULL, state.generation() + 1, highWater, null, cutoff, phases, 0,
                    estimate, fresh);
        } else {
            String since = minusSeconds(state.watermark(), config.settings().overlapSeconds());
            List<String> conditions = new ArrayList<>(base);
            conditions.add(Queries.changedSince(query, since));
            Stats stats = stats(conditions, joins, true);
            long retries = store.jdbc().call(c -> failures.due(c, runId));
            estimate = stats.count + retries;
            cursors.addAll(slices(Pending.CHANGES, stats));
            cursors.add(new Cursor(Pending.RETRIES, 0, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, false, 0));
            cursors.add(new Cursor(Pending.DELETIONS, 0, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, false, 0));
            plan = new Pending(runId, Pending.INCREMENTAL, state.generation(), stats.highWater, since, null,
                    List.of(Pending.CHANGES, Pending.RETRIES, Pending.DELETIONS), 0, estimate, false);
        }
        progress.estimatedTotal(estimate);
        Pending p = plan;
        inPageDo(c -> {
            SyncStore.startPlan(c, config.id(), runId, p);
            SyncStore.insertCursors(c, config.id(), runId, cursors);
        });
        LOG.info("Sync run {} of {}: {} run, about {} records in {} slices{}", runId, config.recordType(), mode,
                estimate, cursors.size(), full ? "" : " changed since " + plan.since());
        return plan;
    }

    private record Stats(long low, long high, long count, String highWater) {
    }

    private Stats stats(List<String> conditions, boolean joins, boolean highWater) {
        List<SuiteQlRow> rows = new ArrayList<>();
        client.suiteQlPage(Queries.stats(query, conditions, joins, highWater), 1, 0, rows::add);
        if (rows.isEmpty()) {
            return new Stats(0, 0, 0, null);
        }
        SuiteQlRow row = rows.get(0);
        Long count = row.getLong("n");
        if (count == null || count == 0) {
            return new Stats(0, 0, 0, null);
        }
        String hw = row.getString("hw");
        return new Stats(row.getLong("lo"), row.getLong("hi"), count,
                hw != null && Queries.TIME_TEXT.matcher(hw).matches() ? hw : null);
    }

    /**
     * NetSuite's newest last-modified time of the records, before this run reads any: the next run reads the changes
     * from there. It is asked for among the records changed in the last day first, then the last month, year and
     * decade, and only then among all: the newest of a recent subset is the newest of all, and NetSuite finds a
     * recent subset by its last-modified index instead of looking at every record. (The bounds are in UTC while
     * NetSuite reads them in the account's time zone; that only changes which bound finds records first.)
     */
    private String highWater(List<String> base, boolean joins) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (long days : new long[] {1, 31, 366, 3660}) {
            List<String> conditions = new ArrayList<>(base);
            conditions.add(Queries.changedSince(query, now.minusDays(days).format(TIME)));
            Stats recent = stats(conditions, joins, true);
            if (recent.highWater != null) {
                return recent.highWater;
            }
        }
        return stats(base, joins, true).highWater;
    }

    /** Splits a phase's id range into slices of about equal width, no more than its pages. */
    private List<Cursor> slices(String p, Stats stats) {
        if (stats.count == 0) {
            return List.of();
        }
        int pageSize = config.settings().pageSize();
        int parallelism = Math.max(1, Math.min(config.settings().parallelism(),
                Math.max(1, client.account().concurrencyLimit())));
        long pages = (stats.count + pageSize - 1) / pageSize;
        int n = (int) Math.max(1, Math.min(parallelism, pages));
        long width = stats.high - stats.low + 1;
        long step = Math.max(1, (width + n - 1) / n);
        List<Cursor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long low = stats.low + i * step;
            if (low > stats.high) {
                break;
            }
            long high = i == n - 1 ? stats.high : Math.min(stats.high, low + step - 1);
            out.add(new Cursor(p, i, low, high, low - 1, false, 0));
        }
        return out;
    }

    static String minusSeconds(String time, int seconds) {
        return LocalDateTime.parse(time, TIME).minusSeconds(seconds).format(TIME);
    }

    // ------------------------------------------------------------------ reading records

    private void readSlices(Pending plan, String p) {
        List<Cursor> open = store.cursors(config.id(), p).stream().filter(k -> !k.done()).toList();
        if (open.isEmpty()) {
            return;
        }
        List<String> conditions = new ArrayList<>(Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition()));
        if (Pending.RECENT.equals(p)) {
            conditions.add(Queries.recent(query, plan.cutoff()));
        } else if (Pending.HISTORY.equals(p)) {
            conditions.add(Queries.history(query, plan.cutoff()));
        } else if (Pending.CHANGES.equals(p)) {
            conditions.add(Queries.changedSince(query, plan.since()));
        }
        ensurePools(open.size());
        List<Future<?>> running = new ArrayList<>();
        for (Cursor k : open) {
            running.add(slices.submit(() -> readSlice(plan, conditions, k)));
        }
        RuntimeException first = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(e.getCause());
                if (first == null || (first instanceof Stopped && !(cause instanceof Stopped))) {
                    first = cause;
                }
                requestStop("another slice failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop("interrupted");
                first = new Stopped("interrupted");
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * A page of header rows and their lines (every line list's, list after list), as NetSuite sent them, for the ids
     * in {@code (after, coveredUpTo]}.
     *
     * @param last whether the page reached the end of the slice
     * @param nextWindow how wide the next page's id window should be
     */
    private record Fetched(List<SuiteQlRow> headers, Map<Long, List<SuiteQlRow>> lines, long coveredUpTo,
            boolean last, long nextWindow) {
    }

    /** The first id window of a slice: a page's worth of ids if about one id in four is this type's. */
    private long initialWindow() {
        return 4L * config.settings().pageSize();
    }

    /**
     * Reads a slice page by page: each page asks for the ids in a window after the cursor (not for the whole rest of
     * the slice, which NetSuite would count for every page), the next page is fetched while this one is written.
     */
    private void readSlice(Pending plan, List<String> conditions, Cursor start) {
        long high = start.high();
        long firstAfter = start.afterId();
        Cursor k = start;
        Future<Fetched> next = fetches.submit(() -> fetch(conditions, firstAfter, high, initialWindow()));
        while (true) {
            Fetched page = await(next);
            if (!page.last) {
                long after = page.coveredUpTo;
                long window = page.nextWindow;
                next = fetches.submit(() -> fetch(conditions, after, high, window));
            }
            checkStop();
            if (page.headers.isEmpty()) {
                if (page.last) {
                    Cursor doneCursor = k.advanced(high, true, 0);
                    inPageDo(c -> SyncStore.advance(c, config.id(), runId, doneCursor));
                    return;
                }
                continue;
            }
            Cursor advanced = k.advanced(page.coveredUpTo, page.last, page.headers.size());
            writePage(plan, page, advanced);
            k = advanced;
            if (page.last) {
                return;
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted");
        }
    }

    private Fetched fetch(List<String> conditions, long after, long high, long window) {
        checkStop();
        int pageSize = config.settings().pageSize();
        long end = window >= high - after ? high : after + window;
        KeysetQuery headers = Queries.headers(query, conditions, after, end, pageSize);
        List<SuiteQlRow> rows = new ArrayList<>(pageSize);
        client.suiteQlPage(headers.firstPage(), pageSize, 0, rows::add);
        long covered;
        long nextWindow;
        if (rows.size() >= pageSize) {
            covered = rows.get(rows.size() - 1).getLong(SyncQuery.ID);
            nextWindow = Math.max(pageSize, (covered - after) + (covered - after) / 4);
        } else {
            covered = end;
            nextWindow = rows.size() < pageSize / 2 ? grow(window) : window + window / 4;
        }
        Map<Long, List<SuiteQlRow>> lines = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            List<Long> ids = new ArrayList<>(rows.size());
            for (SuiteQlRow r : rows) {
                ids.add(r.getLong(SyncQuery.ID));
            }
            for (LineQuery lineQuery : query.lineQueries()) {
                fetchLines(lineQuery, ids, lines);
            }
        }
        return new Fetched(rows, lines, covered, covered >= high, nextWindow);
    }

    /** Adds one line list's rows of the given headers to their headers' lines. */
    private void fetchLines(LineQuery lineQuery, List<Long> ids, Map<Long, List<SuiteQlRow>> lines) {
        KeysetQuery keyset = Queries.lines(lineQuery, ids, LINE_PAGE);
        String sql = keyset.firstPage();
        while (true) {
            List<SuiteQlRow> page = new ArrayList<>(LINE_PAGE);
            client.suiteQlPage(sql, LINE_PAGE, 0, page::add);
            for (SuiteQlRow line : page) {
                lines.computeIfAbsent(line.getLong(LineQuery.PARENT_ID), id -> new ArrayList<>()).add(line);
            }
            if (page.size() < LINE_PAGE) {
                return;
            }
            sql = keyset.pageAfter(page.get(page.size() - 1));
        }
    }

    private static long grow(long window) {
        return window > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 2 : window * 4;
    }

    private void writePage(Pending plan, Fetched page, Cursor advanced) {
        Map<Long, PageWriter.Mapped> mapped = new LinkedHashMap<>();
        List<Long> failedIds = new ArrayList<>();
        List<ErrorRow> errors = new ArrayList<>();
        for (SuiteQlRow header : page.headers) {
            long id = header.getLong(SyncQuery.ID);
            try {
                List<SourceRow> lineRows = new ArrayList<>();
                for (SuiteQlRow line : page.lines.getOrDefault(id, List.of())) {
                    lineRows.add(new Rows(line));
                }
                Rows row = new Rows(header);
                SyncedRecord record = type.map(row, lineRows);
                if (record == null || record.netsuiteId() != id) {
                    throw new RecordMappingException("the record type mapped record " + id + " to "
                            + (record == null ? "nothing" : "record " + record.netsuiteId()));
                }
                Instant lastModified = row.getInstant(SyncQuery.LAST_MODIFIED);
                type.beforeCommit(record);
                mapped.put(id, new PageWriter.Mapped(record, lastModified));
            } catch (RecordMappingException e) {
                failedIds.add(id);
                errors.add(new ErrorRow(id, "mapping", e.getMessage(), detail(e)));
            } catch (RuntimeException e) {
                failedIds.add(id);
                errors.add(new ErrorRow(id, "mapping", "the record-type plugin failed: " + describe(e), null));
                LOG.debug("Record type {} failed on record {}", config.recordType(), id, e);
            }
        }
        PageWriter.Outcome outcome = inPage(c -> {
            SyncStore.advance(c, config.id(), runId, advanced);
            PageWriter.Outcome o = writer.write(c, new ArrayList<>(mapped.values()), failedIds, plan.generation(),
                    plan.full(), plan.fresh());
            List<ErrorRow> all = new ArrayList<>(errors);
            all.addAll(o.errors());
            recordErrors(c, all);
            failures.track(c, runId, mapped.keySet(), all);
            return o;
        });
        progress.done.addAndGet(page.headers.size());
        progress.inserted.addAndGet(outcome.inserted());
        progress.updated.addAndGet(outcome.updated());
        progress.unchanged.addAndGet(outcome.unchanged());
        progress.failed.addAndGet(errors.size() + outcome.errors().size());
        progress.pages.incrementAndGet();
    }

    private static String detail(RecordMappingException e) {
        if (e.column() == null) {
            return null;
        }
        return "column " + e.column() + (e.rawValue() == null ? "" : ", value '" + e.rawValue() + "'");
    }

    /** Records a page's errors in its transaction, up to the run's limit (all are counted). */
    private void recordErrors(Connection c, List<ErrorRow> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        int room = engine.options().maxErrorsPerRun() - errorsRecorded.get();
        if (room <= 0) {
            return;
        }
        List<ErrorRow> kept = errors.size() <= room ? errors : errors.subList(0, room);
        errorsRecorded.addAndGet(kept.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_error (run_id, netsuite_id, kind, message, "
                + "detail) VALUES (?, ?, ?, ?, ?)")) {
            for (ErrorRow e : kept) {
                Jdbc.bind(ps, runId, e.netsuiteId(), e.kind(), SyncStore.clip(e.message(), 2000),
                        SyncStore.clip(e.detail(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Reads again, by id, the records that failed in earlier runs and have not changed since (changed ones were read
     * in the changes phase): a fix in NetSuite's data or in the record-type plugin need not wait for the record to
     * change. A record NetSuite no longer returns (deleted, or outside the filters now) leaves the failed set.
     */
    private void readRetries(Pending plan) {
        List<Cursor> cursors = store.cursors(config.id(), Pending.RETRIES);
        if (cursors.isEmpty() || cursors.get(0).done()) {
            return;
        }
        Cursor k = cursors.get(0);
        List<String> base = Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition());
        int pageSize = config.settings().pageSize();
        while (true) {
            checkStop();
            long after = k.afterId();
            List<Long> ids = store.jdbc().call(c -> failures.dueAfter(c, plan.runId(), after, pageSize));
            if (ids.isEmpty()) {
                Cursor done = k.advanced(after, true, 0);
                inPageDo(c -> SyncStore.advance(c, config.id(), runId, done));
                return;
            }
            List<String> conditions = new ArrayList<>(base);
            conditions.add(Queries.idIn(query, ids));
            long high = ids.get(ids.size() - 1);
            Fetched page = fetch(conditions, after, high, Long.MAX_VALUE);
            Set<Long> vanished = new HashSet<>(ids);
            page.headers().forEach(h -> vanished.remove(h.getLong(SyncQuery.ID)));
            boolean last = ids.size() < pageSize;
            Cursor advanced = k.advanced(high, last, page.headers().size());
            if (page.headers().isEmpty()) {
                inPageDo(c -> {
                    SyncStore.advance(c, config.id(), runId, advanced);
                    failures.forget(c, vanished);
                });
            } else {
                if (!vanished.isEmpty()) {
                    inPageDo(c -> {
                        SyncStore.fence(c, config.id(), runId);
                        failures.forget(c, vanished);
                    });
                }
                writePage(plan, page, advanced);
            }
            k = advanced;
            if (last) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ deletions and sweep

    private void readDeletions(Pending plan) {
        List<Cursor> cursors = store.cursors(config.id(), Pending.DELETIONS);
        if (cursors.isEmpty() || cursors.get(0).done()) {
            return;
        }
        Cursor k = cursors.get(0);
        boolean archive = !"delete".equals(config.settings().onDelete());
        int pageSize = config.settings().pageSize();
        String netsuiteRecord = type.descriptor().netsuiteRecord();
        while (true) {
            checkStop();
            List<SuiteQlRow> rows = new ArrayList<>();
            SuiteQlPage page = client.suiteQlPage(Queries.deletions(netsuiteRecord, plan.since(), k.afterId(),
                    pageSize).firstPage(), pageSize, 0, rows::add);
            boolean last = rows.size() < pageSize || !page.hasMore();
            List<Long> ids = new ArrayList<>();
            List<ErrorRow> errors = new ArrayList<>();
            for (SuiteQlRow r : rows) {
                long id = r.getLong(SyncQuery.ID);
                try {
                    type.beforeDelete(id);
                    ids.add(id);
                } catch (RuntimeException e) {
                    errors.add(new ErrorRow(id, "write", "the record-type plugin refused the deletion: "
                            + describe(e), null));
                }
            }
            Cursor advanced = k.advanced(rows.isEmpty() ? k.afterId() : rows.get(rows.size() - 1).getLong(SyncQuery.ID),
                    last, rows.size());
            int deleted = inPage(c -> {
                SyncStore.advance(c, config.id(), runId, advanced);
                int n = writer.delete(c, ids, archive);
                recordErrors(c, errors);
                failures.forget(c, ids);
                return n;
            });
            progress.deleted.addAndGet(deleted);
            progress.failed.addAndGet(errors.size());
            progress.pages.incrementAndGet();
            k = advanced;
            if (last) {
                return;
            }
        }
    }

    /** After a full load: archives (or deletes) what the load did not see, because NetSuite no longer has it. */
    private void sweep(Pending plan) {
        boolean archive = !"delete".equals(config.settings().onDelete());
        inPageDo(c -> {
            SyncStore.fence(c, config.id(), runId);
            failures.forgetUnseenBy(c, plan.runId());
        });
        while (true) {
            checkStop();
            List<Long> unseen = store.jdbc().call(c -> writer.unseen(c, plan.generation(), SWEEP_BATCH));
            if (unseen.isEmpty()) {
                return;
            }
            List<Long> ids = new ArrayList<>();
            List<ErrorRow> errors = new ArrayList<>();
            for (long id : unseen) {
                try {
                    type.beforeDelete(id);
                    ids.add(id);
                } catch (RuntimeException e) {
                    errors.add(new ErrorRow(id, "write", "the record-type plugin refused the deletion: "
                            + describe(e), null));
                }
            }
            int deleted = inPage(c -> {
                SyncStore.fence(c, config.id(), runId);
                int n = writer.delete(c, ids, archive);
                recordErrors(c, errors);
                if (!errors.isEmpty()) {
                    // Keep refused rows out of the next batch: mark them as seen by this generation.
                    Jdbc.update(c, "UPDATE " + writer.table() + " t SET sync_generation = ? FROM unnest(?::bigint[]) "
                            + "AS i(id) WHERE t.tenant_id = ? AND t.record_type = ? AND t.netsuite_id = i.id",
                            plan.generation(), c.createArrayOf("bigint",
                                    errors.stream().map(ErrorRow::netsuiteId).toArray(Long[]::new)),
                            config.tenantId(), config.recordType());
                }
                return n;
            });
            progress.deleted.addAndGet(deleted);
            progress.failed.addAndGet(errors.size());
            if (unseen.size() < SWEEP_BATCH) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ transactions and threads

    @FunctionalInterface
    private interface PageWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface PageAction {
        void run(Connection c) throws SQLException;
    }

    /**
     * One transaction. Each one first moves a cursor or the state, or fences, on rows only the owning run may
     * change: a run that lost the configuration to another node fails there and commits nothing.
     */
    private <T> T inPage(PageWork<T> work) {
        return store.jdbc().transaction(c -> {
            // Committed pages need not wait for the disk: should PostgreSQL itself crash, it loses the last
            // fraction of a second of commits (pages and their cursors together) and the next run reads them again.
            try (var st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        });
    }

    private void inPageDo(PageAction action) {
        inPage(c -> {
            action.run(c);
            return null;
        });
    }

    private void ensurePools(int n) {
        if (slices == null) {
            int size = Math.max(1, Math.min(32, config.settings().parallelism()));
            slices = Executors.newFixedThreadPool(size, named("slice"));
            fetches = Executors.newFixedThreadPool(size, named("fetch"));
        }
    }

    private ThreadFactory named(String role) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "portico-sync-" + config.recordType() + "-" + role + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void shutdownPools() {
        for (ExecutorService pool : new ExecutorService[] {slices, fetches}) {
            if (pool != null) {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
