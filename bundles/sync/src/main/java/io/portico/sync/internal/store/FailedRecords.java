package io.portico.sync.internal.store;

import io.portico.sync.internal.store.SyncStore.ErrorRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of one configuration that failed and have not synced since ({@code sync_failed_record}), kept in step
 * with the pages that read them: a failure adds the record (or counts another attempt), a success, a deletion in
 * NetSuite or a full load that no longer sees it removes it. Incremental runs read these records again by id.
 * Every change happens in the transaction of the page it belongs to, in plain JDBC like the rest of the page
 * (ARCHITECTURE.md).
 */
public final class FailedRecords {

    private final long configId;
    /** Whether the set may hold records; while it is empty, pages need not look for theirs in it. */
    private volatile boolean maybeAny;

    private FailedRecords(long configId, boolean maybeAny) {
        this.configId = configId;
        this.maybeAny = maybeAny;
    }

    public static FailedRecords of(Jdbc jdbc, long configId) {
        return new FailedRecords(configId, jdbc.call(c -> Jdbc.one(c,
                "SELECT 1 FROM sync_failed_record WHERE config_id = ? LIMIT 1", rs -> 1, configId).isPresent()));
    }

    /** After a page: its failed records are added (or counted again), the others of its records are removed. */
    public void track(Connection c, long runId, Collection<Long> pageIds, List<ErrorRow> errors) throws SQLException {
        Map<Long, ErrorRow> failed = new LinkedHashMap<>();
        for (ErrorRow e : errors) {
            if (e.netsuiteId() != null) {
                failed.putIfAbsent(e.netsuiteId(), e);
            }
        }
        if (maybeAny) {
            Set<Long> synced = new HashSet<>(pageIds);
            synced.removeAll(failed.keySet());
            forget(c, synced);
        }
        if (failed.isEmpty()) {
            return;
        }
        maybeAny = true;
        // A plugin that fails every record fails whole pages: one round trip per page, not per record.
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sync_failed_record (config_id, netsuite_id, last_run_id, kind, message)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (config_id, netsuite_id) DO UPDATE SET last_failed_at = now(),
                    attempts = sync_failed_record.attempts + 1, last_run_id = EXCLUDED.last_run_id,
                    kind = EXCLUDED.kind, message = EXCLUDED.message""")) {
            for (ErrorRow e : failed.values()) {
                Jdbc.bind(ps, configId, e.netsuiteId(), runId, e.kind(), SyncStore.clip(e.message(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The records no longer fail: they synced, or NetSuite deleted them. */
    public void forget(Connection c, Collection<Long> ids) throws SQLException {
        if (!maybeAny || ids.isEmpty()) {
            return;
        }
        Jdbc.update(c, "DELETE FROM sync_failed_record WHERE config_id = ? AND netsuite_id = ANY (?)", configId,
                c.createArrayOf("bigint", ids.toArray(Long[]::new)));
    }

    /** After a full load: records the load did not read at all are not in NetSuite (or the filters) any more. */
    public void forgetUnseenBy(Connection c, long planRunId) throws SQLException {
        if (maybeAny) {
            Jdbc.update(c, "DELETE FROM sync_failed_record WHERE config_id = ? AND last_run_id < ?", configId,
                    planRunId);
        }
    }

    /** How many records a run that started with {@code planRunId} has to try again. */
    public long due(Connection c, long planRunId) throws SQLException {
        return Jdbc.one(c, "SELECT count(*) FROM sync_failed_record WHERE config_id = ? AND last_run_id < ?",
                rs -> rs.getLong(1), configId, planRunId).orElse(0L);
    }

    /** The next records, by id, that failed before the run that started with {@code planRunId}. */
    public List<Long> dueAfter(Connection c, long planRunId, long afterId, int limit) throws SQLException {
        return new ArrayList<>(Jdbc.list(c, "SELECT netsuite_id FROM sync_failed_record WHERE config_id = ? "
                + "AND last_run_id < ? AND netsuite_id > ? ORDER BY netsuite_id LIMIT ?", rs -> rs.getLong(1),
                configId, planRunId, afterId, limit));
    }
}
