package io.portico.sync.internal.store;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.SyncedLine;
import io.portico.api.recordtype.SyncedRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes pages of mapped records into Portico's generic tables, in the caller's transaction: records that did not
 * change are left alone, new and changed ones are upserted in one statement (arrays unnested server-side), and a
 * changed transaction's lines (of every line list) are replaced. A record the database refuses fails alone: the page
 * falls back to one record at a time behind savepoints. Plain JDBC, the ingest path that
 * {@code tools/bench/sync-bench.sh} measures against COPY (ARCHITECTURE.md).
 */
public final class PageWriter {

    /** A mapped record and NetSuite's last-modified time of it. */
    public record Mapped(SyncedRecord record, Instant lastModified) {
    }

    /** What a page write did. */
    public record Outcome(int inserted, int updated, int unchanged, List<SyncStore.ErrorRow> errors) {
    }

    private static final String HEADER_COLUMNS = "netsuite_id, owner, number, name, email, record_date, due_date, "
            + "status, total, amount_remaining, currency, last_modified, attributes, content_hash";

    private final long tenantId;
    private final String recordType;
    private final String table;
    private final boolean withLines;
    private final String upsertSql;

    public PageWriter(long tenantId, String recordType, RecordCategory category) {
        this.tenantId = tenantId;
        this.recordType = recordType;
        this.withLines = category == RecordCategory.TRANSACTION;
        this.table = withLines ? "ns_transaction" : "ns_entity";
        this.upsertSql = """
                INSERT INTO %1$s AS t (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id,
                    number, name, email, record_date, due_date, status, total, amount_remaining, currency,
                    last_modified, attributes, archived_at, content_hash, sync_generation, synced_at)
                SELECT ?, o.id, ?, r.netsuite_id, r.owner, r.number, r.name, r.email, r.record_date::date,
                    r.due_date::date, r.status, r.total::numeric, r.amount_remaining::numeric, r.currency,
                    r.last_modified::timestamptz, r.attributes::jsonb, NULL, r.content_hash, ?, now()
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS r(%2$s)
                LEFT JOIN organization o ON o.tenant_id = ? AND o.kind = 'customer' AND o.netsuite_id = r.owner
                ON CONFLICT (tenant_id, record_type, netsuite_id) DO UPDATE SET
                    organization_id = EXCLUDED.organization_id, owner_netsuite_id = EXCLUDED.owner_netsuite_id,
                    number = EXCLUDED.number, name = EXCLUDED.name, email = EXCLUDED.email,
                    record_date = EXCLUDED.record_date, due_date = EXCLUDED.due_date, status = EXCLUDED.status,
                    total = EXCLUDED.total, amount_remaining = EXCLUDED.amount_remaining,
                    currency = EXCLUDED.currency, last_modified = EXCLUDED.last_modified,
                    attributes = EXCLUDED.attributes, archived_at = NULL, content_hash = EXCLUDED.content_hash,
                    sync_generation = EXCLUDED.sync_generation, synced_at = now()
                RETURNING t.id, t.netsuite_id, t.organization_id, (t.xmax = 0) AS inserted""".formatted(table,
                HEADER_COLUMNS);
    }

    public String table() {
        return table;
    }

    /**
     * @param records the page's mapped records, each id at most once
     * @param seenIds ids read in this page that failed mapping: marked as seen by {@code generation} so that a full
     *         resync's sweep does not archive records merely because they were malformed this time
     * @param generation the run's full-load generation
     * @param markSeen whether rows left unchanged must still be marked with {@code generation} (full runs)
     * @param fresh whether the records cannot be in the table yet (the first full load of a record type that had
     *         no rows): then they are not looked up first; should one exist after all, the page falls back to the
     *         careful path
     */
    public Outcome write(Connection c, List<Mapped> records, List<Long> seenIds, long generation, boolean markSeen,
            boolean fresh) throws SQLException {
        List<Encoded> encoded = new ArrayList<>(records.size());
        for (Mapped m : records) {
            encoded.add(Encoded.of(m));
        }
        Map<Long, Existing> existing = fresh ? Map.of() : existing(c, encoded);
        List<Encoded> changed = new ArrayList<>();
        List<Long> untouched = new ArrayList<>(seenIds);
        int unchanged = 0;
        for (Encoded e : encoded) {
            Existing before = existing.get(e.netsuiteId);
            if (before != null && before.hash == e.hash && !before.archived) {
                unchanged++;
                if (markSeen && before.generation != generation) {
                    untouched.add(e.netsuiteId);
                }
            } else {
                changed.add(e);
            }
        }
        List<SyncStore.ErrorRow> errors = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        if (!changed.isEmpty()) {
            Savepoint beforeBatch = c.setSavepoint();
            try {
                int[] counts = upsert(c, changed, existing, generation);
                if (fresh && counts[1] > 0) {
                    throw new SQLException("records of a fresh load already existed");
                }
                inserted = counts[0];
                updated = counts[1];
                c.releaseSavepoint(beforeBatch);
            } catch (SQLException batchFailed) {
                c.rollback(beforeBatch);
                if (fresh) {
                    existing = existing(c, encoded);
                }
                for (Encoded e : changed) {
                    Savepoint one = c.setSavepoint();
                    try {
                        int[] counts = upsert(c, List.of(e), existing, generation);
                        inserted += counts[0];
                        updated += counts[1];
                        c.releaseSavepoint(one);
                    } catch (SQLException refused) {
                        c.rollback(one);
                        errors.add(new SyncStore.ErrorRow(e.netsuiteId, "write",
                                "the database refused the record: " + firstLine(refused.getMessage()), null));
                        untouched.add(e.netsuiteId);
                    }
                }
            }
        }
        if (markSeen && !untouched.isEmpty()) {
            Jdbc.update(c, "UPDATE " + table + " t SET sync_generation = ? FROM unnest(?::bigint[]) AS i(id) "
                    + "WHERE t.tenant_id = ? AND t.record_type = ? AND t.netsuite_id = i.id AND t.sync_generation <> ?",
                    generation, c.createArrayOf("bigint", untouched.toArray(new Long[0])), tenantId, recordType,
                    generation);
        }
        return new Outcome(inserted, updated, unchanged, errors);
    }

    private record Existing(long hash, boolean archived, long generation) {
    }

    private Map<Long, Existing> existing(Connection c, List<Encoded> encoded) throws SQLException {
        Long[] ids = new Long[encoded.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encoded.get(i).netsuiteId;
        }
        Map<Long, Existing> out = new HashMap<>();
        // A join with the unnested ids, not "netsuite_id = ANY(?)": that can turn into a scan testing every row
        // against the whole array when the table grows faster than its statistics during a full load.
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT t.netsuite_id, t.content_hash, t.archived_at IS NOT NULL, "
                + "t.sync_generation FROM unnest(?::bigint[]) AS i(id) JOIN " + table + " t ON t.tenant_id = ? "
                + "AND t.record_type = ? AND t.netsuite_id = i.id", c.createArrayOf("bigint", ids), tenantId,
                recordType); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Existing(rs.getLong(2), rs.getBoolean(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /** Upserts records and replaces their lines; returns {inserted, updated}. */
    private int[] upsert(Connection c, List<Encoded> rows, Map<Long, Existing> existing, long generation)
            throws SQLException {
        int n = rows.size();
        Long[] ids = new Long[n];
        Long[] hashes = new Long[n];
        String[][] text = new String[12][n];
        for (int i = 0; i < n; i++) {
            Encoded e = rows.get(i);
            ids[i] = e.netsuiteId;
            hashes[i] = e.hash;
            for (int k = 0; k < 12; k++) {
                text[k][i] = e.columns[k];
            }
        }
        // Statement order: tenant_id, record_type, sync_generation, the 14 arrays, the organizations' tenant.
        Object[] params = new Object[3 + 14 + 1];
        params[0] = tenantId;
        params[1] = recordType;
        int p = 2;
        params[p++] = generation;
        params[p++] = c.createArrayOf("bigint", ids);
        for (int k = 0; k < 12; k++) {
            params[p++] = c.createArrayOf("text", text[k]);
        }
        params[p++] = c.createArrayOf("bigint", hashes);
        params[p] = tenantId;
        Map<Long, long[]> stored = new HashMap<>();
        int inserted = 0;
        try (PreparedStatement ps = Jdbc.prepare(c, upsertSql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long organization = rs.getLong(3);
                if (rs.wasNull()) {
                    organization = -1;
                }
                stored.put(rs.getLong(2), new long[] {rs.getLong(1), organization});
                if (rs.getBoolean(4)) {
                    inserted++;
                }
            }
        }
        if (withLines) {
            writeLines(c, rows, existing, stored);
        }
        return new int[] {inserted, stored.size() - inserted};
    }

    private void writeLines(Connection c, List<Encoded> rows, Map<Long, Existing> existing, Map<Long, long[]> stored)
            throws SQLException {
        List<Long> replaced = new ArrayList<>();
        int lineCount = 0;
        for (Encoded e : rows) {
            if (existing.containsKey(e.netsuiteId)) {
                replaced.add(stored.get(e.netsuiteId)[0]);
            }
            lineCount += e.lines.size();
        }
        if (!replaced.isEmpty()) {
            Jdbc.update(c, "DELETE FROM ns_transaction_line l USING unnest(?::bigint[]) AS i(id) "
                    + "WHERE l.transaction_id = i.id", c.createArrayOf("bigint", replaced.toArray(new Long[0])));
        }
        if (lineCount == 0) {
            return;
        }
        Long[] transactionIds = new Long[lineCount];
        String[] lists = new String[lineCount];
        Long[] lineIds = new Long[lineCount];
        Long[] organizations = new Long[lineCount];
        String[][] text = new String[6][lineCount];
        int i = 0;
        for (Encoded e : rows) {
            long[] s = stored.get(e.netsuiteId);
            for (EncodedLine l : e.lines) {
                transactionIds[i] = s[0];
                organizations[i] = s[1] < 0 ? null : s[1];
                lists[i] = l.list;
                lineIds[i] = l.lineId;
                for (int k = 0; k < 6; k++) {
                    text[k][i] = l.columns[k];
                }
                i++;
            }
        }
        Jdbc.update(c, """
                INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id, item,
                    description, quantity, rate, amount, attributes)
                SELECT l.transaction_id, l.line_list, l.line_id, ?, l.organization_id, l.item, l.description,
                    l.quantity::numeric, l.rate::numeric, l.amount::numeric, l.attributes::jsonb
                FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                    AS l(transaction_id, line_list, line_id, organization_id, item, description, quantity, rate, amount,
                         attributes)""",
                tenantId, c.createArrayOf("bigint", transactionIds), c.createArrayOf("text", lists),
                c.createArrayOf("bigint", lineIds),
                c.createArrayOf("bigint", organizations), c.createArrayOf("text", text[0]),
                c.createArrayOf("text", text[1]), c.createArrayOf("text", text[2]), c.createArrayOf("text", text[3]),
                c.createArrayOf("text", text[4]), c.createArrayOf("text", text[5]));
    }

    /**
     * Archives (or deletes) the records NetSuite deleted.
     *
     * @return how many rows were archived or deleted
     */
    public int delete(Connection c, List<Long> netsuiteIds, boolean archive) throws SQLException {
        if (netsuiteIds.isEmpty()) {
            return 0;
        }
        java.sql.Array ids = c.createArrayOf("bigint", netsuiteIds.toArray(new Long[0]));
        return archive
                ? Jdbc.update(c, "UPDATE " + table + " t SET archived_at = now(), synced_at = now() FROM "
                        + "unnest(?::bigint[]) AS i(id) WHERE t.tenant_id = ? AND t.record_type = ? "
                        + "AND t.netsuite_id = i.id AND t.archived_at IS NULL", ids, tenantId, recordType)
                : Jdbc.update(c, "DELETE FROM " + table + " t USING unnest(?::bigint[]) AS i(id) WHERE "
                        + "t.tenant_id = ? AND t.record_type = ? AND t.netsuite_id = i.id", ids, tenantId, recordType);
    }

    /** Up to {@code limit} live rows a full load of {@code generation} did not see, by NetSuite id. */
    public List<Long> unseen(Connection c, long generation, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT netsuite_id FROM " + table + " WHERE tenant_id = ? AND record_type = ? AND "
                + "sync_generation < ? AND archived_at IS NULL ORDER BY netsuite_id LIMIT ?", rs -> rs.getLong(1),
                tenantId, recordType, generation, limit);
    }

    /** Marks rows as seen by a full load of {@code generation}, so that its sweep passes them by. */
    public void markSeen(Connection c, List<Long> ids, long generation) throws SQLException {
        Jdbc.update(c, "UPDATE " + table + " t SET sync_generation = ? FROM unnest(?::bigint[]) AS i(id) "
                + "WHERE t.tenant_id = ? AND t.record_type = ? AND t.netsuite_id = i.id", generation,
                c.createArrayOf("bigint", ids.toArray(Long[]::new)), tenantId, recordType);
    }

    /**
     * Gives rows whose owning customer's organization now exists their organization, a batch at a time, skipping
     * rows a running page holds.
     *
     * @return rows adopted
     */
    public static int adoptOrphans(Jdbc jdbc, long tenantId) {
        int total = 0;
        for (String table : List.of("ns_transaction", "ns_entity")) {
            String lines = table.equals("ns_transaction")
                    ? " UPDATE ns_transaction_line l SET organization_id = a.organization_id FROM adopted a "
                            + "WHERE l.transaction_id = a.id RETURNING 1"
                    : " SELECT 1 FROM adopted";
            while (true) {
                int n = jdbc.transaction(c -> Jdbc.one(c, """
                        WITH candidates AS (
                            SELECT t.id, o.id AS organization_id FROM %1$s t
                            JOIN organization o ON o.tenant_id = t.tenant_id AND o.kind = 'customer'
                                AND o.netsuite_id = t.owner_netsuite_id
                            WHERE t.tenant_id = ? AND t.organization_id IS NULL AND t.owner_netsuite_id IS NOT NULL
                            ORDER BY t.id LIMIT 5000 FOR UPDATE OF t SKIP LOCKED),
                        adopted AS (
                            UPDATE %1$s t SET organization_id = c.organization_id FROM candidates c WHERE t.id = c.id
                            RETURNING t.id, t.organization_id),
                        touched AS (%2$s)
                        SELECT count(*) FROM adopted""".formatted(table, lines), rs -> rs.getInt(1), tenantId)
                        .orElse(0));
                total += n;
                if (n < 5000) {
                    break;
                }
            }
        }
        return total;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.lines().findFirst().orElse(message);
    }

    // ------------------------------------------------------------------ encoding

    private static final class Encoded {
        final long netsuiteId;
        /** owner, number, name, email, date, dueDate, status, total, amountRemaining, currency, lastModified, attrs. */
        final String[] columns = new String[12];
        final List<EncodedLine> lines;
        final long hash;

        private Encoded(Mapped m) {
            SyncedRecord r = m.record();
            netsuiteId = r.netsuiteId();
            columns[0] = r.owner();
            columns[1] = r.number();
            columns[2] = r.name();
            columns[3] = r.email();
            columns[4] = r.date() == null ? null : r.date().toString();
            columns[5] = r.dueDate() == null ? null : r.dueDate().toString();
            columns[6] = r.status();
            columns[7] = plain(r.total());
            columns[8] = plain(r.amountRemaining());
            columns[9] = r.currency();
            columns[10] = m.lastModified() == null ? null : m.lastModified().toString();
            columns[11] = Json.write(r.attributes());
            lines = new ArrayList<>();
            for (Map.Entry<String, List<SyncedLine>> list : r.lineLists().entrySet()) {
                for (SyncedLine l : list.getValue()) {
                    lines.add(new EncodedLine(list.getKey(), l));
                }
            }
            hash = hash(columns, lines);
        }

        static Encoded of(Mapped m) {
            return new Encoded(m);
        }
    }

    private static final class EncodedLine {
        final String list;
        final long lineId;
        /** item, description, quantity, rate, amount, attributes. */
        final String[] columns = new String[6];

        EncodedLine(String list, SyncedLine l) {
            this.list = list;
            lineId = l.lineId();
            columns[0] = l.item();
            columns[1] = l.description();
            columns[2] = plain(l.quantity());
            columns[3] = plain(l.rate());
            columns[4] = plain(l.amount());
            columns[5] = Json.write(l.attributes());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * A 64-bit FNV-1a hash over everything stored, fields delimited: equal hashes mean nothing to write. It guards
     * against rewriting unchanged rows, not against an adversary, so a fast non-cryptographic hash is enough.
     */
    private static long hash(String[] columns, List<EncodedLine> lines) {
        long h = 0xcbf29ce484222325L;
        for (String column : columns) {
            h = mix(h, column);
        }
        for (EncodedLine l : lines) {
            // Item lines hash as they did before there were several lists, so that no record is rewritten for it.
            if (!l.list.equals(LineQuery.ITEMS)) {
                h = mix(h, l.list);
            }
            h = mix(h, Long.toString(l.lineId));
            for (String column : l.columns) {
                h = mix(h, column);
            }
        }
        return h;
    }

    private static long mix(long h, String value) {
        if (value == null) {
            return (h ^ 0x1ff) * 0x100000001b3L;
        }
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        return ((h ^ 0x100) * 0x100000001b3L) ^ value.length();
    }
}
