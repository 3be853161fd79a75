package io.portico.plugins.attachments.internal;

import io.portico.api.db.Database;
import io.portico.api.db.PluginSchema;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import io.portico.plugins.attachments.internal.AttachmentSource.AttachedFile;
import io.portico.plugins.attachments.internal.AttachmentSource.FileInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Attachments in PostgreSQL: what the sync stores, and what portal users may read. Every read is scoped by
 * {@link DataScope} in SQL: a customer's user reaches only rows of their organization, operator staff the tenant's.
 * The tables are this plugin's own schema ({@code db/plugin/attachments}), so the store starts only once the
 * platform has migrated it, and every component that reads or writes attachments goes through this one.
 */
@Component(service = AttachmentStore.class)
public final class AttachmentStore {

    /** A synced record whose attachments are due to be looked up. */
    record DueRecord(String recordType, long netsuiteId, Long organizationId) {
    }

    /** What is stored of one attached file. */
    record Stored(long id, long fileId, String status, String lastModified) {
    }

    /** One attachment as the portal lists it. */
    record Attachment(long id, String recordType, long recordNetsuiteId, long fileNetsuiteId, String name,
            String contentType, Long size, String sha256, String status, String error, Instant syncedAt) {

        boolean downloadable() {
            return "stored".equals(status);
        }
    }

    /** This plugin's schema, as its manifest names it ({@code Portico-Migrations}). */
    static final String SCHEMA = "attachments";

    private final DataSource dataSource;
    private final LongSupplier operator;
    private volatile Long tenantId;

    @Activate
    public AttachmentStore(@Reference Database database, @Reference Organizations organizations,
            @Reference(target = "(" + PluginSchema.NAME_PROPERTY + "=" + SCHEMA + ")") PluginSchema schema) {
        this(database.dataSource(), () -> organizations.operator().id());
    }

    /** @param operator the operator organization's id, asked once */
    AttachmentStore(DataSource dataSource, LongSupplier operator) {
        this.dataSource = dataSource;
        this.operator = operator;
    }

    /** The operator organization, the tenant of every row. */
    long tenantId() {
        Long t = tenantId;
        if (t == null) {
            t = operator.getAsLong();
            tenantId = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ sync side

    /**
     * Live records of the given types whose attachments were never looked up, changed since, or were last looked up
     * before {@code rescanBefore}; those never looked up first.
     */
    List<DueRecord> due(List<String> recordTypes, Instant rescanBefore, int limit) {
        long tenant = tenantId();
        return call(c -> {
            Array types = c.createArrayOf("text", recordTypes.toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.record_type, r.netsuite_id, r.organization_id
                    FROM (SELECT record_type, netsuite_id, organization_id, synced_at FROM ns_transaction
                          WHERE tenant_id = ? AND record_type = ANY(?) AND archived_at IS NULL
                          UNION ALL
                          SELECT record_type, netsuite_id, organization_id, synced_at FROM ns_entity
                          WHERE tenant_id = ? AND record_type = ANY(?) AND archived_at IS NULL) r
                    LEFT JOIN ns_attachment_scan s ON s.tenant_id = ? AND s.record_type = r.record_type
                        AND s.record_netsuite_id = r.netsuite_id
                    WHERE s.scanned_at IS NULL OR s.scanned_at < r.synced_at OR s.scanned_at < ?
                    ORDER BY s.scanned_at NULLS FIRST, r.record_type, r.netsuite_id
                    LIMIT ?""")) {
                ps.setLong(1, tenant);
                ps.setArray(2, types);
                ps.setLong(3, tenant);
                ps.setArray(4, types);
                ps.setLong(5, tenant);
                ps.setTimestamp(6, Timestamp.from(rescanBefore));
                ps.setInt(7, limit);
                List<DueRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long org = rs.getLong(3);
                        Long organization = rs.wasNull() ? null : org;
                        out.add(new DueRecord(rs.getString(1), rs.getLong(2), organization));
                    }
                }
                return out;
            }
        });
    }

    /** What is stored of the records' attachments: record id to file id to row. */
    Map<Long, Map<Long, Stored>> existing(String recordType, List<Long> recordIds) {
        long tenant = tenantId();
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT record_netsuite_id, id, file_netsuite_id, status, "
                    + "netsuite_last_modified FROM ns_attachment WHERE tenant_id = ? AND record_type = ? "
                    + "AND record_netsuite_id = ANY(?)")) {
                ps.setLong(1, tenant);
                ps.setString(2, recordType);
                ps.setArray(3, c.createArrayOf("bigint", recordIds.toArray()));
                Map<Long, Map<Long, Stored>> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(3),
                                new Stored(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Stores a file's content and metadata (replacing what was stored of it). */
    void store(DueRecord record, AttachedFile file, FileInfo info, String contentType, byte[] bytes, String sha256) {
        call(c -> {
            long id = upsert(c, record, file, info, contentType, (long) bytes.length, sha256, "stored", null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ns_attachment_content (attachment_id, content) "
                    + "VALUES (?, ?) ON CONFLICT (attachment_id) DO UPDATE SET content = EXCLUDED.content")) {
                ps.setLong(1, id);
                ps.setBytes(2, bytes);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records a file that is not stored ({@code too-large} or {@code failed}), with why; drops any old content. */
    void refuse(DueRecord record, AttachedFile file, FileInfo info, String contentType, Long size, String status,
            String error) {
        call(c -> {
            long id = upsert(c, record, file, info, contentType, size, null, status, error);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM ns_attachment_content WHERE attachment_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private long upsert(Connection c, DueRecord record, AttachedFile file, FileInfo info, String contentType,
            Long size, String sha256, String status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ns_attachment (tenant_id, organization_id, record_type, record_netsuite_id,
                    file_netsuite_id, name, content_type, netsuite_file_type, size_bytes, sha256,
                    netsuite_last_modified, status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, record_type, record_netsuite_id, file_netsuite_id) DO UPDATE SET
                    organization_id = EXCLUDED.organization_id, name = EXCLUDED.name,
                    content_type = EXCLUDED.content_type, netsuite_file_type = EXCLUDED.netsuite_file_type,
                    size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                    netsuite_last_modified = EXCLUDED.netsuite_last_modified, status = EXCLUDED.status,
                    error = EXCLUDED.error, archived_at = NULL, synced_at = now()
                RETURNING id""")) {
            ps.setLong(1, tenantId());
            if (record.organizationId() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, record.organizationId());
            }
            ps.setString(3, record.recordType());
            ps.setLong(4, record.netsuiteId());
            ps.setLong(5, file.fileId());
            ps.setString(6, clip(file.name(), 500));
            ps.setString(7, contentType);
            ps.setString(8, clip(file.fileType(), 100));
            if (size == null) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, size);
            }
            ps.setString(10, sha256);
            ps.setString(11, info == null ? null : info.lastModified());
            ps.setString(12, status);
            ps.setString(13, clip(error, 2000));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes the record's attachments other than the given files; returns how many. */
    int removeExcept(DueRecord record, Set<Long> fileIds) {
        long tenant = tenantId();
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ns_attachment WHERE tenant_id = ? "
                    + "AND record_type = ? AND record_netsuite_id = ? AND NOT (file_netsuite_id = ANY(?))")) {
                ps.setLong(1, tenant);
                ps.setString(2, record.recordType());
                ps.setLong(3, record.netsuiteId());
                ps.setArray(4, c.createArrayOf("bigint", fileIds.toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /** Notes that the records' attachments were looked up at {@code at}. */
    void scanned(List<DueRecord> records, Instant at) {
        long tenant = tenantId();
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ns_attachment_scan (tenant_id, record_type, record_netsuite_id, scanned_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, record_type, record_netsuite_id) DO UPDATE SET
                        scanned_at = EXCLUDED.scanned_at""")) {
                for (DueRecord r : records) {
                    ps.setLong(1, tenant);
                    ps.setString(2, r.recordType());
                    ps.setLong(3, r.netsuiteId());
                    ps.setTimestamp(4, Timestamp.from(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Keeps attachments in step with their records: the owning organization (a record synced before its customer
     * is adopted later), and archived while the record is archived or gone.
     *
     * @return attachments changed
     */
    int refreshOwnership() {
        long tenant = tenantId();
        return call(c -> {
            int changed;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ns_attachment a SET organization_id = r.organization_id,
                        archived_at = CASE WHEN r.archived_at IS NULL THEN NULL ELSE coalesce(a.archived_at, now()) END
                    FROM (SELECT record_type, netsuite_id, organization_id, archived_at FROM ns_transaction
                          WHERE tenant_id = ?
                          UNION ALL
                          SELECT record_type, netsuite_id, organization_id, archived_at FROM ns_entity
                          WHERE tenant_id = ?) r
                    WHERE a.tenant_id = ? AND a.record_type = r.record_type AND a.record_netsuite_id = r.netsuite_id
                      AND (a.organization_id IS DISTINCT FROM r.organization_id
                           OR (a.archived_at IS NULL) <> (r.archived_at IS NULL))""")) {
                ps.setLong(1, tenant);
                ps.setLong(2, tenant);
                ps.setLong(3, tenant);
                changed = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ns_attachment a SET archived_at = now()
                    WHERE a.tenant_id = ? AND a.archived_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM ns_transaction t WHERE t.tenant_id = a.tenant_id
                                      AND t.record_type = a.record_type AND t.netsuite_id = a.record_netsuite_id)
                      AND NOT EXISTS (SELECT 1 FROM ns_entity e WHERE e.tenant_id = a.tenant_id
                                      AND e.record_type = a.record_type AND e.netsuite_id = a.record_netsuite_id)""")) {
                ps.setLong(1, tenant);
                changed += ps.executeUpdate();
            }
            return changed;
        });
    }

    // ------------------------------------------------------------------ portal side

    private static final String COLUMNS = "id, record_type, record_netsuite_id, file_netsuite_id, name, content_type, "
            + "size_bytes, sha256, status, error, synced_at";
    /** The scope condition; parameters: tenant, organization (or null), organization (or null). */
    private static final String SCOPED = "tenant_id = ? AND (CAST(? AS bigint) IS NULL OR organization_id = ?) "
            + "AND archived_at IS NULL";

    /** The attachments of one record the scope reaches, by name. */
    List<Attachment> list(DataScope scope, String recordType, long recordNetsuiteId) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ns_attachment WHERE "
                    + SCOPED + " AND record_type = ? AND record_netsuite_id = ? ORDER BY lower(name), id")) {
                int p = scope(ps, scope);
                ps.setString(p++, recordType);
                ps.setLong(p, recordNetsuiteId);
                List<Attachment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(attachment(rs));
                    }
                }
                return out;
            }
        });
    }

    /** What the documents page asks for; {@code null} filters are left out. */
    record Search(String text, List<String> recordTypes, LocalDate from, LocalDate to, int offset, int limit) {
    }

    /** An attachment with the number of the record it is attached to. */
    record Found(Attachment attachment, String recordNumber) {
    }

    /**
     * The attachments the scope reaches of the given record types, newest first, whose name or record number contains
     * the search text, stored within the dates; one more than {@code limit} tells there is a next page.
     */
    List<Found> search(DataScope scope, Search search) {
        if (search.recordTypes().isEmpty()) {
            return List.of();
        }
        return call(c -> {
            StringBuilder sql = new StringBuilder("SELECT a." + COLUMNS.replace(", ", ", a.")
                    + ", COALESCE(t.number, e.number, e.name) FROM ns_attachment a"
                    + " LEFT JOIN ns_transaction t ON t.tenant_id = a.tenant_id AND t.record_type = a.record_type"
                    + " AND t.netsuite_id = a.record_netsuite_id"
                    + " LEFT JOIN ns_entity e ON e.tenant_id = a.tenant_id AND e.record_type = a.record_type"
                    + " AND e.netsuite_id = a.record_netsuite_id"
                    + " WHERE a.tenant_id = ? AND (CAST(? AS bigint) IS NULL OR a.organization_id = ?)"
                    + " AND a.archived_at IS NULL AND a.record_type = ANY (?)");
            if (search.text() != null) {
                sql.append(" AND (a.name ILIKE ? ESCAPE '\\' OR COALESCE(t.number, e.number) ILIKE ? ESCAPE '\\')");
            }
            if (search.from() != null) {
                sql.append(" AND a.synced_at >= CAST(? AS date)");
            }
            if (search.to() != null) {
                sql.append(" AND a.synced_at < CAST(? AS date) + 1");
            }
            sql.append(" ORDER BY a.synced_at DESC, a.id DESC OFFSET ? LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = scope(ps, scope);
                Array types = c.createArrayOf("text", search.recordTypes().toArray());
                ps.setArray(p++, types);
                if (search.text() != null) {
                    String pattern = "%" + search.text().replace("\\", "\\\\").replace("%", "\\%")
                            .replace("_", "\\_") + "%";
                    ps.setString(p++, pattern);
                    ps.setString(p++, pattern);
                }
                if (search.from() != null) {
                    ps.setObject(p++, search.from());
                }
                if (search.to() != null) {
                    ps.setObject(p++, search.to());
                }
                ps.setInt(p++, search.offset());
                ps.setInt(p, search.limit() + 1);
                List<Found> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Found(attachment(rs), rs.getString(12)));
                    }
                }
                return out;
            }
        });
    }

    /** One attachment, if the scope reaches it. */
    Optional<Attachment> find(DataScope scope, long id) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ns_attachment WHERE "
                    + SCOPED + " AND id = ?")) {
                ps.setLong(scope(ps, scope), id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(attachment(rs)) : Optional.empty();
                }
            }
        });
    }

    /** An attachment's bytes, if the scope reaches it and they are stored. */
    Optional<byte[]> content(DataScope scope, long id) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT ac.content FROM ns_attachment_content ac JOIN ns_attachment a ON a.id = ac.attachment_id
                    WHERE a.tenant_id = ? AND (CAST(? AS bigint) IS NULL OR a.organization_id = ?)
                      AND a.archived_at IS NULL AND a.status = 'stored' AND a.id = ?""")) {
                ps.setLong(scope(ps, scope), id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private static int scope(PreparedStatement ps, DataScope scope) throws SQLException {
        ps.setLong(1, scope.tenantId());
        if (scope.organizationId() == null) {
            ps.setNull(2, Types.BIGINT);
            ps.setNull(3, Types.BIGINT);
        } else {
            ps.setLong(2, scope.organizationId());
            ps.setLong(3, scope.organizationId());
        }
        return 4;
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        long size = rs.getLong(7);
        Long sizeOrNull = rs.wasNull() ? null : size;
        return new Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), sizeOrNull, rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ------------------------------------------------------------------ JDBC

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction. */
    <T> T call(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attachments: " + e.getMessage(), e);
        }
    }
}
