package io.portico.sync.internal.store;

import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The engine's tables: configurations, state, cursors, leases, runs and errors. */
public final class SyncStore {

    /** A configuration row. */
    public record ConfigRow(long id, long tenantId, String recordType, SyncSettings settings, Instant nextRunAt) {
    }

    /** A configuration's sync state. */
    public record StateRow(long configId, long generation, String watermark, boolean fullRequired, RunPlan pending) {
    }

    /** Who holds a configuration's lease. */
    public record LeaseRow(long runId, String nodeId, Instant expiresAt) {
    }

    /** One error to record. */
    public record ErrorRow(Long netsuiteId, String kind, String message, String detail) {
    }

    private static final String CONFIG_COLUMNS = "id, tenant_id, record_type, enabled, paused, schedule, "
            + "initial_window_days, subsidiary_ids, custom_condition, on_delete, overlap_seconds, page_size, "
            + "parallelism, next_run_at";
    private static final String RUN_COLUMNS = "id, record_type, mode, trigger, status, phase, node_id, "
            + "resumed_run_id, started_at, finished_at, estimated_total, records_done, inserted, updated, unchanged, "
            + "deleted, failed, pages, requests, retries, rate, message";

    private final Jdbc jdbc;
    private volatile Long tenantId;

    public SyncStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** The operator organization: the tenant every synced row belongs to. */
    public long tenantId() {
        Long t = tenantId;
        if (t == null) {
            t = jdbc.call(c -> Jdbc.one(c, "SELECT id FROM organization WHERE kind = 'operator' ORDER BY id LIMIT 1",
                    rs -> rs.getLong(1)).orElseThrow(() -> new IllegalStateException(
                            "the operator organization is missing: schema not migrated?")));
            tenantId = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ configurations

    public List<ConfigRow> configs() {
        return jdbc.call(c -> Jdbc.list(c, "SELECT " + CONFIG_COLUMNS + " FROM sync_config WHERE tenant_id = ? "
                + "ORDER BY record_type", SyncStore::config, tenantId()));
    }

    public Optional<ConfigRow> config(String recordType) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT " + CONFIG_COLUMNS + " FROM sync_config WHERE tenant_id = ? AND "
                + "record_type = ?", SyncStore::config, tenantId(), recordType));
    }

    /**
     * Creates or replaces a configuration; marks a full resync as required when the filters or the initial window
     * changed, and resets the schedule's next run when the schedule changed.
     */
    public ConfigRow save(String recordType, SyncSettings s, Instant nextRunAt) {
        return jdbc.transaction(c -> {
            Optional<ConfigRow> before = Jdbc.one(c, "SELECT " + CONFIG_COLUMNS + " FROM sync_config WHERE "
                    + "tenant_id = ? AND record_type = ? FOR UPDATE", SyncStore::config, tenantId(), recordType);
            Array subsidiaries = c.createArrayOf("bigint", s.subsidiaryIds().toArray(new Long[0]));
            ConfigRow saved = Jdbc.one(c, """
                    INSERT INTO sync_config (tenant_id, record_type, enabled, paused, schedule, initial_window_days,
                        subsidiary_ids, custom_condition, on_delete, overlap_seconds, page_size, parallelism, next_run_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, record_type) DO UPDATE SET enabled = EXCLUDED.enabled,
                        paused = EXCLUDED.paused, schedule = EXCLUDED.schedule,
                        initial_window_days = EXCLUDED.initial_window_days, subsidiary_ids = EXCLUDED.subsidiary_ids,
                        custom_condition = EXCLUDED.custom_condition, on_delete = EXCLUDED.on_delete,
                        overlap_seconds = EXCLUDED.overlap_seconds, page_size = EXCLUDED.page_size,
                        parallelism = EXCLUDED.parallelism,
                        next_run_at = CASE WHEN sync_config.schedule = EXCLUDED.schedule
                                           AND sync_config.next_run_at IS NOT NULL
                                      THEN sync_config.next_run_at ELSE EXCLUDED.next_run_at END,
                        updated_at = now()
                    RETURNING\s""" + CONFIG_COLUMNS, SyncStore::config, tenantId(), recordType, s.enabled(),
                    s.paused(), s.schedule(), s.initialWindowDays(), subsidiaries, s.customCondition(), s.onDelete(),
                    s.overlapSeconds(), s.pageSize(), s.parallelism(), nextRunAt).orElseThrow();
            Jdbc.update(c, "INSERT INTO sync_state (config_id) VALUES (?) ON CONFLICT (config_id) DO NOTHING",
                    saved.id());
            if (before.isPresent() && filtersChanged(before.get().settings(), s)) {
                Jdbc.update(c, "UPDATE sync_state SET full_required = true, updated_at = now() WHERE config_id = ?",
                        saved.id());
            }
            return saved;
        });
    }

    private static boolean filtersChanged(SyncSettings a, SyncSettings b) {
        return !a.subsidiaryIds().equals(b.subsidiaryIds())
                || !java.util.Objects.equals(blankToNull(a.customCondition()), blankToNull(b.customCondition()))
                || !java.util.Objects.equals(a.initialWindowDays(), b.initialWindowDays());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void setNextRunAt(long configId, Instant next) {
        jdbc.call(c -> Jdbc.update(c, "UPDATE sync_config SET next_run_at = ? WHERE id = ?", next, configId));
    }

    /** Moves the next run from {@code due} to {@code next} unless another node did first; true if this node won. */
    public boolean claimDue(long configId, Instant due, Instant next) {
        return jdbc.call(c -> Jdbc.update(c, "UPDATE sync_config SET next_run_at = ? WHERE id = ? AND next_run_at = ?",
                next, configId, due)) == 1;
    }

    private static ConfigRow config(ResultSet rs) throws SQLException {
        Array subsidiaries = rs.getArray("subsidiary_ids");
        List<Long> ids = subsidiaries == null ? List.of() : Arrays.asList((Long[]) subsidiaries.getArray());
        int window = rs.getInt("initial_window_days");
        Integer windowDays = rs.wasNull() ? null : window;
        SyncSettings settings = new SyncSettings(rs.getBoolean("enabled"), rs.getBoolean("paused"),
                rs.getString("schedule"), windowDays, ids, rs.getString("custom_condition"), rs.getString("on_delete"),
                rs.getInt("overlap_seconds"), rs.getInt("page_size"), rs.getInt("parallelism"));
        return new ConfigRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("record_type"), settings,
                Jdbc.instant(rs, "next_run_at"));
    }

    // ------------------------------------------------------------------ state and cursors

    /** Whether the table has any row of the record type. */
    public boolean hasRows(String table, long tenantId, String recordType) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT 1 FROM " + table + " WHERE tenant_id = ? AND record_type = ? "
                + "LIMIT 1", rs -> 1, tenantId, recordType).isPresent());
    }

    public StateRow state(long configId) {
        return jdbc.call(c -> state(c, configId));
    }

    public static StateRow state(Connection c, long configId) throws SQLException {
        return Jdbc.one(c, "SELECT config_id, generation, watermark, full_required, pending::text AS pending "
                + "FROM sync_state WHERE config_id = ?", rs -> {
                    String pending = rs.getString("pending");
                    return new StateRow(rs.getLong("config_id"), rs.getLong("generation"), rs.getString("watermark"),
                            rs.getBoolean("full_required"), pending == null ? null : Json.read(pending, RunPlan.class));
                }, configId).orElse(new StateRow(configId, 0, null, true, null));
    }

    /** Replaces the unfinished plan and its cursors. */
    public static void startPlan(Connection c, long configId, long runId, RunPlan pending) throws SQLException {
        savePending(c, configId, runId, pending);
        Jdbc.update(c, "DELETE FROM sync_cursor WHERE config_id = ?", configId);
    }

    public static void savePending(Connection c, long configId, long runId, RunPlan pending) throws SQLException {
        owned(Jdbc.update(c, "UPDATE sync_state SET pending = CAST(? AS jsonb), updated_at = now() "
                + "WHERE config_id = ? AND owner_run_id = ?", pending == null ? null : Json.write(pending), configId,
                runId));
    }

    /** The run completed: no plan left, the watermark (and for a full load the generation) moves on. */
    public static void complete(Connection c, long configId, long runId, RunPlan done) throws SQLException {
        owned(Jdbc.update(c, """
                UPDATE sync_state SET pending = NULL,
                    generation = CASE WHEN ? THEN ? ELSE generation END,
                    full_required = CASE WHEN ? THEN false ELSE full_required END,
                    watermark = COALESCE(?, watermark), updated_at = now()
                WHERE config_id = ? AND owner_run_id = ?""", done.full(), done.generation(), done.full(),
                done.highWater(), configId, runId));
        Jdbc.update(c, "DELETE FROM sync_cursor WHERE config_id = ?", configId);
    }

    public static void insertCursors(Connection c, long configId, long runId, List<Cursor> cursors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_cursor (config_id, phase, slice, low, high, "
                + "after_id, done, records, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Cursor k : cursors) {
                Jdbc.bind(ps, configId, k.phase().text(), k.slice(), k.low(), k.high(), k.afterId(), k.done(), k.records(),
                        runId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Cursor> cursors(long configId, Phase phase) {
        return jdbc.call(c -> Jdbc.list(c, "SELECT phase, slice, low, high, after_id, done, records FROM sync_cursor "
                + "WHERE config_id = ? AND phase = ? ORDER BY slice", rs -> new Cursor(Phase.of(rs.getString("phase")),
                        rs.getInt("slice"), rs.getLong("low"), rs.getLong("high"), rs.getLong("after_id"),
                        rs.getBoolean("done"), rs.getLong("records")), configId, phase.text()));
    }

    /** Records committed by the unfinished plan so far (all phases). */
    public long committedRecords(long configId) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT COALESCE(sum(records), 0) FROM sync_cursor WHERE config_id = ?",
                rs -> rs.getLong(1), configId).orElse(0L));
    }

    /**
     * Moves a slice's cursor, first thing in a page's transaction: the row stays locked until the page commits, and
     * the update only happens while the run owns the cursor.
     *
     * @throws LeaseLostException when another run has taken the configuration over
     */
    public static void advance(Connection c, long configId, long runId, Cursor k) throws SQLException {
        owned(Jdbc.update(c, "UPDATE sync_cursor SET after_id = ?, done = ?, records = ? WHERE config_id = ? "
                + "AND phase = ? AND slice = ? AND run_id = ?", k.afterId(), k.done(), k.records(), configId,
                k.phase().text(), k.slice(), runId));
    }

    /**
     * For a transaction that moves no cursor: proves the run still owns the configuration and keeps a new owner out
     * until it commits.
     *
     * @throws LeaseLostException when it does not
     */
    public static void fence(Connection c, long configId, long runId) throws SQLException {
        if (Jdbc.one(c, "SELECT 1 FROM sync_state WHERE config_id = ? AND owner_run_id = ? FOR UPDATE", rs -> 1,
                configId, runId).isEmpty()) {
            throw new LeaseLostException();
        }
    }

    private static void owned(int updated) {
        if (updated != 1) {
            throw new LeaseLostException();
        }
    }

    // ------------------------------------------------------------------ leases and runs

    /**
     * Starts a run if no live lease exists: inserts the run, takes the lease, and marks runs whose node died as
     * abandoned, all in one transaction.
     *
     * @return the new run's id, or empty when another run holds the lease
     */
    public Optional<Long> beginRun(ConfigRow config, String nodeId, String trigger, Mode mode, int leaseSeconds) {
        return jdbc.transaction(c -> {
            long runId = Jdbc.one(c, "INSERT INTO sync_run (config_id, tenant_id, record_type, node_id, mode, trigger, "
                    + "status, phase) VALUES (?, ?, ?, ?, ?, ?, 'running', 'planning') RETURNING id",
                    rs -> rs.getLong(1), config.id(), config.tenantId(), config.recordType(), nodeId, mode.text(), trigger)
                    .orElseThrow();
            boolean leased = Jdbc.one(c, """
                    INSERT INTO sync_lease (config_id, run_id, node_id, expires_at)
                    VALUES (?, ?, ?, now() + ? * interval '1 second')
                    ON CONFLICT (config_id) DO UPDATE SET run_id = EXCLUDED.run_id, node_id = EXCLUDED.node_id,
                        acquired_at = now(), expires_at = EXCLUDED.expires_at
                    WHERE sync_lease.expires_at < now()
                    RETURNING run_id""", rs -> rs.getLong(1), config.id(), runId, nodeId, leaseSeconds).isPresent();
            if (!leased) {
                Jdbc.rollbackQuietly(c);
                return Optional.<Long>empty();
            }
            // Take the state and the cursors over; this waits for a page the previous owner may still be
            // committing, after which that owner can commit nothing more.
            Jdbc.update(c, "INSERT INTO sync_state (config_id) VALUES (?) ON CONFLICT (config_id) DO NOTHING",
                    config.id());
            Jdbc.update(c, "UPDATE sync_state SET owner_run_id = ? WHERE config_id = ?", runId, config.id());
            Jdbc.update(c, "UPDATE sync_cursor SET run_id = ? WHERE config_id = ?", runId, config.id());
            Jdbc.update(c, "UPDATE sync_run SET status = 'abandoned', finished_at = now(), message = "
                    + "'its node stopped before it finished (lease expired); the next run resumed its work' "
                    + "WHERE config_id = ? AND status = 'running' AND id <> ?", config.id(), runId);
            return Optional.of(runId);
        });
    }

    public Optional<LeaseRow> lease(long configId) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT run_id, node_id, expires_at FROM sync_lease WHERE config_id = ? "
                + "AND expires_at > now()", rs -> new LeaseRow(rs.getLong("run_id"), rs.getString("node_id"),
                        Jdbc.instant(rs, "expires_at")), configId));
    }

    /** Extends the run's lease; false when the run no longer holds it. */
    public boolean renew(long configId, long runId, int leaseSeconds) {
        return jdbc.call(c -> Jdbc.update(c, "UPDATE sync_lease SET expires_at = now() + ? * interval '1 second' "
                + "WHERE config_id = ? AND run_id = ? AND expires_at > now()", leaseSeconds, configId, runId)) == 1;
    }

    public void release(long configId, long runId) {
        jdbc.call(c -> Jdbc.update(c, "DELETE FROM sync_lease WHERE config_id = ? AND run_id = ?", configId, runId));
    }

    /** The run lost its lease (it was too slow to renew it and another node took over). */
    public static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("the run lost its lease to another node; it stops without writing more");
        }
    }

    public void progress(long runId, Mode mode, Phase phase, RunCounters p) {
        jdbc.call(c -> Jdbc.update(c, """
                UPDATE sync_run SET mode = ?, phase = ?, heartbeat_at = now(), estimated_total = ?, records_done = ?,
                    inserted = ?, updated = ?, unchanged = ?, deleted = ?, failed = ?, pages = ?, requests = ?,
                    retries = ?, rate = ?
                WHERE id = ?""", mode.text(), phase.text(), p.estimatedTotal(), p.done(), p.inserted(), p.updated(), p.unchanged(),
                p.deleted(), p.failed(), p.pages(), p.requests(), p.retries(), p.rate(), runId));
    }

    /** Ends a run: final counters and status, and the lease released, in one transaction. */
    public void finish(long runId, long configId, Mode mode, Phase phase, RunCounters p, String status,
            String message) {
        jdbc.transaction(c -> {
            // A run another node declared abandoned (it took the lease over) keeps that verdict.
            Jdbc.update(c, """
                    UPDATE sync_run SET mode = ?, phase = ?, estimated_total = ?, records_done = ?, inserted = ?,
                        updated = ?, unchanged = ?, deleted = ?, failed = ?, pages = ?, requests = ?, retries = ?,
                        rate = 0, status = ?, message = ?, finished_at = now(), heartbeat_at = now()
                    WHERE id = ? AND status = 'running'""", mode.text(), phase.text(), p.estimatedTotal(), p.done(), p.inserted(),
                    p.updated(), p.unchanged(), p.deleted(), p.failed(), p.pages(), p.requests(), p.retries(), status,
                    message, runId);
            Jdbc.update(c, "DELETE FROM sync_lease WHERE config_id = ? AND run_id = ?", configId, runId);
            return null;
        });
    }

    public void setResumed(long runId, long resumedRunId) {
        jdbc.call(c -> Jdbc.update(c, "UPDATE sync_run SET resumed_run_id = ? WHERE id = ? AND id <> ?", resumedRunId,
                runId, resumedRunId));
    }

    public Optional<SyncRun> run(long runId) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT " + RUN_COLUMNS + " FROM sync_run WHERE id = ? AND tenant_id = ?",
                SyncStore::run, runId, tenantId()));
    }

    /**
     * Deletes ended runs (and their errors) that finished more than {@code days} ago, except each configuration's
     * newest {@code keep} runs and runs an unfinished plan still names.
     *
     * @return how many runs were deleted
     */
    public int pruneRuns(int days, int keep) {
        return jdbc.transaction(c -> Jdbc.update(c, """
                DELETE FROM sync_run r
                WHERE r.status <> 'running' AND r.finished_at < now() - make_interval(days => ?)
                  AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.owner_run_id = r.id
                                  OR CAST(s.pending ->> 'runId' AS bigint) = r.id)
                  AND r.id NOT IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY config_id
                                                       ORDER BY started_at DESC, id DESC) AS newest
                                                   FROM sync_run) k
                                   WHERE k.newest <= ?)""", days, keep));
    }

    public List<SyncRun> runs(String recordType, int limit) {
        return jdbc.call(c -> Jdbc.list(c, "SELECT " + RUN_COLUMNS + " FROM sync_run WHERE tenant_id = ? AND "
                + "record_type = ? ORDER BY started_at DESC, id DESC LIMIT ?", SyncStore::run, tenantId(), recordType,
                Math.max(1, Math.min(limit, 1000))));
    }

    /** The configuration's running run (its lease is live), if any. */
    public Optional<SyncRun> currentRun(long configId) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT " + RUN_COLUMNS.replaceAll("(^|, )", "$1r.") + " FROM sync_run r "
                + "JOIN sync_lease l ON l.run_id = r.id AND l.expires_at > now() WHERE l.config_id = ? "
                + "AND r.status = 'running'", SyncStore::run, configId));
    }

    public Optional<SyncRun> lastFinishedRun(long configId) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT " + RUN_COLUMNS + " FROM sync_run WHERE config_id = ? AND "
                + "status <> 'running' ORDER BY started_at DESC, id DESC LIMIT 1", SyncStore::run, configId));
    }

    private static SyncRun run(ResultSet rs) throws SQLException {
        Long estimate = Jdbc.longOrNull(rs, "estimated_total");
        long done = rs.getLong("records_done");
        double rate = rs.getDouble("rate");
        String status = rs.getString("status");
        Long eta = "running".equals(status) && estimate != null && rate > 0
                ? Math.max(0, (long) Math.ceil((estimate - done) / rate)) : null;
        return new SyncRun(rs.getLong("id"), rs.getString("record_type"), rs.getString("mode"),
                rs.getString("trigger"), status, rs.getString("phase"), rs.getString("node_id"),
                Jdbc.longOrNull(rs, "resumed_run_id"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                estimate, done, rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"),
                rs.getLong("deleted"), rs.getLong("failed"), rs.getLong("pages"), rs.getLong("requests"),
                rs.getLong("retries"), rate, eta, rs.getString("message"));
    }

    // ------------------------------------------------------------------ errors

    /** Records errors outside a page (a run's own failure). */
    public void addErrors(long runId, List<ErrorRow> errors) {
        if (!errors.isEmpty()) {
            jdbc.call(c -> {
                insertErrors(c, runId, errors);
                return null;
            });
        }
    }

    /** Writes errors into the run's history, in the caller's transaction. */
    public static void insertErrors(Connection c, long runId, List<ErrorRow> errors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_error (run_id, netsuite_id, kind, message, "
                + "detail) VALUES (?, ?, ?, ?, ?)")) {
            for (ErrorRow e : errors) {
                Jdbc.bind(ps, runId, e.netsuiteId(), e.kind(), clip(e.message(), 2000), clip(e.detail(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<SyncRunError> errors(long runId, int offset, int limit) {
        return jdbc.call(c -> Jdbc.list(c, "SELECT e.netsuite_id, e.kind, e.message, e.detail, e.occurred_at "
                + "FROM sync_error e JOIN sync_run r ON r.id = e.run_id WHERE e.run_id = ? AND r.tenant_id = ? "
                + "ORDER BY e.id OFFSET ? LIMIT ?", rs -> new SyncRunError(Jdbc.longOrNull(rs, "netsuite_id"),
                        rs.getString("kind"), rs.getString("message"), rs.getString("detail"),
                        Jdbc.instant(rs, "occurred_at")), runId, tenantId(), Math.max(0, offset),
                Math.max(1, Math.min(limit, 1000))));
    }

    public List<SyncFailingRecord> failingRecords(String recordType, int offset, int limit) {
        return jdbc.call(c -> Jdbc.list(c, "SELECT f.netsuite_id, f.kind, f.message, f.attempts, f.first_failed_at, "
                + "f.last_failed_at FROM sync_failed_record f JOIN sync_config k ON k.id = f.config_id "
                + "WHERE k.tenant_id = ? AND k.record_type = ? ORDER BY f.netsuite_id OFFSET ? LIMIT ?",
                rs -> new SyncFailingRecord(rs.getLong("netsuite_id"), rs.getString("kind"), rs.getString("message"),
                        rs.getInt("attempts"), Jdbc.instant(rs, "first_failed_at"),
                        Jdbc.instant(rs, "last_failed_at")),
                tenantId(), recordType, Math.max(0, offset), Math.max(1, Math.min(limit, 1000))));
    }

    public long failingRecordCount(String recordType) {
        return jdbc.call(c -> Jdbc.one(c, "SELECT count(*) FROM sync_failed_record f JOIN sync_config k "
                + "ON k.id = f.config_id WHERE k.tenant_id = ? AND k.record_type = ?", rs -> rs.getLong(1),
                tenantId(), recordType).orElse(0L));
    }

    /** Text for the history: no NUL characters (PostgreSQL refuses them), at most {@code max} characters. */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.replace('\0', '?');
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }
}
