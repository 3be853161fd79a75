package io.portico.sync.internal.store;

import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The engine's tables: configurations, state, cursors, leases, runs and errors. What a page of records writes in its
 * transaction (cursors, plans, fences, errors) is plain JDBC on the page's connection, on the ingest path that
 * {@code tools/bench/sync-bench.sh} measures against COPY; everything else goes through {@link SyncMapper}.
 */
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

    private final Jdbc jdbc;
    private final SqlSessionFactory sessions;
    private volatile Long tenantId;

    /** @param sessions a session factory that knows {@link SyncMapper} */
    public SyncStore(Jdbc jdbc, SqlSessionFactory sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** The operator organization: the tenant every synced row belongs to. */
    public long tenantId() {
        Long t = tenantId;
        if (t == null) {
            t = call(SyncMapper::operatorId);
            if (t == null) {
                throw new IllegalStateException("the operator organization is missing: schema not migrated?");
            }
            tenantId = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ configurations

    public List<ConfigRow> configs() {
        return call(m -> m.configs(tenantId()));
    }

    public Optional<ConfigRow> config(String recordType) {
        return Optional.ofNullable(call(m -> m.config(tenantId(), recordType)));
    }

    /**
     * Creates or replaces a configuration; marks a full resync as required when the filters or the initial window
     * changed, and resets the schedule's next run when the schedule changed.
     */
    public ConfigRow save(String recordType, SyncSettings s, Instant nextRunAt) {
        return inTransaction(m -> {
            ConfigRow before = m.configForUpdate(tenantId(), recordType);
            ConfigRow saved = m.saveConfig(tenantId(), recordType, s, nextRunAt);
            m.ensureState(saved.id());
            if (before != null && filtersChanged(before.settings(), s)) {
                m.requireFullLoad(saved.id());
            }
            return saved;
        });
    }

    private static boolean filtersChanged(SyncSettings a, SyncSettings b) {
        return !a.subsidiaryIds().equals(b.subsidiaryIds())
                || !Objects.equals(blankToNull(a.customCondition()), blankToNull(b.customCondition()))
                || !Objects.equals(a.initialWindowDays(), b.initialWindowDays());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void setNextRunAt(long configId, Instant next) {
        call(m -> m.setNextRunAt(configId, next));
    }

    /** Moves the next run from {@code due} to {@code next} unless another node did first; true if this node won. */
    public boolean claimDue(long configId, Instant due, Instant next) {
        return call(m -> m.claimDue(configId, due, next)) == 1;
    }

    // ------------------------------------------------------------------ state and cursors

    /** Whether the table has any row of the record type. */
    public boolean hasRows(String table, long tenantId, String recordType) {
        return call(m -> m.hasRows(table, tenantId, recordType));
    }

    public StateRow state(long configId) {
        SyncMapper.StateRecord state = call(m -> m.state(configId));
        return state == null ? new StateRow(configId, 0, null, true, null)
                : new StateRow(state.configId(), state.generation(), state.watermark(), state.fullRequired(),
                        state.pending() == null ? null : Json.read(state.pending(), RunPlan.class));
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
        return call(m -> m.cursors(configId, phase.text()));
    }

    /** Records committed by the unfinished plan so far (all phases). */
    public long committedRecords(long configId) {
        return call(m -> m.committedRecords(configId));
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
        return inTransaction(m -> {
            long runId = m.insertRun(config.id(), config.tenantId(), config.recordType(), nodeId, mode.text(),
                    trigger);
            if (m.takeLease(config.id(), runId, nodeId, leaseSeconds) == null) {
                return Optional.<Long>empty();
            }
            // Take the state and the cursors over; this waits for a page the previous owner may still be
            // committing, after which that owner can commit nothing more.
            m.ensureState(config.id());
            m.ownState(config.id(), runId);
            m.ownCursors(config.id(), runId);
            m.abandonOtherRuns(config.id(), runId);
            return Optional.of(runId);
        }, Optional::isPresent);
    }

    public Optional<LeaseRow> lease(long configId) {
        return Optional.ofNullable(call(m -> m.lease(configId)));
    }

    /** Extends the run's lease; false when the run no longer holds it. */
    public boolean renew(long configId, long runId, int leaseSeconds) {
        return call(m -> m.renew(configId, runId, leaseSeconds)) == 1;
    }

    public void release(long configId, long runId) {
        call(m -> m.release(configId, runId));
    }

    /** The run lost its lease (it was too slow to renew it and another node took over). */
    public static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("the run lost its lease to another node; it stops without writing more");
        }
    }

    public void progress(long runId, Mode mode, Phase phase, RunCounters p) {
        call(m -> m.progress(runId, mode.text(), phase.text(), p));
    }

    /** Ends a run: final counters and status, and the lease released, in one transaction. */
    public void finish(long runId, long configId, Mode mode, Phase phase, RunCounters p, String status,
            String message) {
        inTransaction(m -> {
            m.finish(runId, mode.text(), phase.text(), p, status, message);
            return m.release(configId, runId);
        });
    }

    public void setResumed(long runId, long resumedRunId) {
        call(m -> m.setResumed(runId, resumedRunId));
    }

    public Optional<SyncRun> run(long runId) {
        return Optional.ofNullable(call(m -> m.run(runId, tenantId())));
    }

    /**
     * Deletes ended runs (and their errors) that finished more than {@code days} ago, except each configuration's
     * newest {@code keep} runs and runs an unfinished plan still names.
     *
     * @return how many runs were deleted
     */
    public int pruneRuns(int days, int keep) {
        return call(m -> m.pruneRuns(days, keep));
    }

    public List<SyncRun> runs(String recordType, int limit) {
        return call(m -> m.runs(tenantId(), recordType, Math.max(1, Math.min(limit, 1000))));
    }

    /** The configuration's running run (its lease is live), if any. */
    public Optional<SyncRun> currentRun(long configId) {
        return Optional.ofNullable(call(m -> m.currentRun(configId)));
    }

    public Optional<SyncRun> lastFinishedRun(long configId) {
        return Optional.ofNullable(call(m -> m.lastFinishedRun(configId)));
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
        return call(m -> m.errors(runId, tenantId(), Math.max(0, offset), Math.max(1, Math.min(limit, 1000))));
    }

    public List<SyncFailingRecord> failingRecords(String recordType, int offset, int limit) {
        return call(m -> m.failingRecords(tenantId(), recordType, Math.max(0, offset),
                Math.max(1, Math.min(limit, 1000))));
    }

    public long failingRecordCount(String recordType) {
        return call(m -> m.failingRecordCount(tenantId(), recordType));
    }

    /** Text for the history: no NUL characters (PostgreSQL refuses them), at most {@code max} characters. */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.replace('\0', '?');
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }

    /** Mapper calls with autocommit, each statement on its own. */
    private <T> T call(Function<SyncMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(SyncMapper.class));
        } catch (PersistenceException e) {
            throw new Jdbc.SyncStoreException(e);
        }
    }

    private <T> T inTransaction(Function<SyncMapper, T> work) {
        return inTransaction(work, result -> true);
    }

    /**
     * Mapper calls in one transaction, committed when {@code commit} says so of the result, else (and when they throw)
     * rolled back. Both are forced: MyBatis skips them after statements it does not count as writes
     * ({@code INSERT … RETURNING} is mapped as a select), and closing the session would then commit whatever is open
     * when it resets autocommit.
     */
    private <T> T inTransaction(Function<SyncMapper, T> work, Predicate<T> commit) {
        try (SqlSession session = sessions.openSession(false)) {
            T result;
            try {
                result = work.apply(session.getMapper(SyncMapper.class));
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
            if (commit.test(result)) {
                session.commit(true);
            } else {
                session.rollback(true);
            }
            return result;
        } catch (PersistenceException e) {
            throw new Jdbc.SyncStoreException(e);
        }
    }
}
