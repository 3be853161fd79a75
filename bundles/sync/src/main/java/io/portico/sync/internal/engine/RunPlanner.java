package io.portico.sync.internal.engine;

import io.portico.api.recordtype.SyncQuery;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.SuiteQlRow;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.FailedRecords;
import io.portico.sync.internal.store.Mode;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a run reads: the unfinished plan of an earlier run, resumed where its cursors stand, or a new plan — a
 * full load (the first run, a forced one, or one after the filters or initial window changed) or the changes since
 * the watermark — with each phase's id range cut into slices, counted and committed before any record is read.
 */
final class RunPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RunPlanner.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final SyncQuery query;
    private final NetSuiteClient client;
    private final String table;
    private final FailedRecords failures;
    private final Progress progress;
    private final PageCommits commits;

    RunPlanner(SyncStore store, ConfigRow config, long runId, SyncQuery query, NetSuiteClient client, String table,
            FailedRecords failures, Progress progress, PageCommits commits) {
        this.store = store;
        this.config = config;
        this.runId = runId;
        this.query = query;
        this.client = client;
        this.table = table;
        this.failures = failures;
        this.progress = progress;
        this.commits = commits;
    }

    /**
     * The plan this run follows, committed with its cursors.
     *
     * @param modeChosen told a new plan's mode as soon as it is known, before NetSuite is asked anything
     */
    RunPlan plan(boolean forceFull, Consumer<Mode> modeChosen) {
        SyncStore.StateRow state = store.state(config.id());
        RunPlan pending = state.pending();
        if (pending != null && !forceFull) {
            progress.base(store.committedRecords(config.id()));
            progress.estimatedTotal(pending.estimatedTotal());
            if (pending.runId() != runId) {
                store.setResumed(runId, pending.runId());
            }
            LOG.info("Sync run {} of {} resumes the {} run {} at phase {}", runId, config.recordType(),
                    pending.mode().text(), pending.runId(), pending.phase().text());
            return pending;
        }
        boolean full = forceFull || state.generation() == 0 || state.fullRequired() || state.watermark() == null;
        Mode mode = full ? Mode.FULL : Mode.INCREMENTAL;
        modeChosen.accept(mode);
        List<String> base = Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition());
        boolean joins = config.settings().customCondition() != null && !config.settings().customCondition().isBlank();
        List<Cursor> cursors = new ArrayList<>();
        long estimate = 0;
        RunPlan plan;
        if (full) {
            Integer days = config.settings().initialWindowDays();
            String cutoff = days != null && query.windowDate() != null
                    ? LocalDate.now(ZoneOffset.UTC).minusDays(days).toString() : null;
            List<Phase> phases = cutoff == null ? List.of(Phase.ALL, Phase.SWEEP)
                    : List.of(Phase.RECENT, Phase.HISTORY, Phase.SWEEP);
            for (Phase p : phases) {
                if (!p.sliced()) {
                    continue;
                }
                List<String> conditions = new ArrayList<>(base);
                if (p == Phase.RECENT) {
                    conditions.add(Queries.recent(query, cutoff));
                } else if (p == Phase.HISTORY) {
                    conditions.add(Queries.history(query, cutoff));
                }
                Stats stats = stats(conditions, joins, false);
                estimate += stats.count;
                cursors.addAll(slices(p, stats));
            }
            String highWater = estimate == 0 ? null : highWater(base, joins);
            boolean fresh = state.generation() == 0 && !store.hasRows(table, config.tenantId(), config.recordType());
            plan = new RunPlan(runId, Mode.FULL, state.generation() + 1, highWater, null, cutoff, phases, 0,
                    estimate, fresh);
        } else {
            String since = minusSeconds(state.watermark(), config.settings().overlapSeconds());
            List<String> conditions = new ArrayList<>(base);
            conditions.add(Queries.changedSince(query, since));
            Stats stats = stats(conditions, joins, true);
            long retries = store.jdbc().call(c -> failures.due(c, runId));
            estimate = stats.count + retries;
            cursors.addAll(slices(Phase.CHANGES, stats));
            cursors.add(Cursor.whole(Phase.RETRIES));
            cursors.add(Cursor.whole(Phase.DELETIONS));
            plan = new RunPlan(runId, Mode.INCREMENTAL, state.generation(), stats.highWater, since, null,
                    List.of(Phase.CHANGES, Phase.RETRIES, Phase.DELETIONS), 0, estimate, false);
        }
        progress.estimatedTotal(estimate);
        RunPlan p = plan;
        commits.inPageDo(c -> {
            SyncStore.startPlan(c, config.id(), runId, p);
            SyncStore.insertCursors(c, config.id(), runId, cursors);
        });
        LOG.info("Sync run {} of {}: {} run, about {} records in {} slices{}", runId, config.recordType(),
                mode.text(), estimate, cursors.size(), full ? "" : " changed since " + plan.since());
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
    private List<Cursor> slices(Phase p, Stats stats) {
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
}
