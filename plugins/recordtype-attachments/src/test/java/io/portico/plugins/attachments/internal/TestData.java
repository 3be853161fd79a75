package io.portico.plugins.attachments.internal;

import io.portico.api.records.RecordChanges;
import io.portico.records.internal.RecordChangesImpl;
import io.portico.records.internal.RecordMapper;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A migrated database with two customer organizations and synced records to attach files to. */
final class TestData implements AutoCloseable {

    final TestDatabase db = TestDatabase.create().withPluginSchema(AttachmentStore.SCHEMA);
    final long tenant = one("SELECT id FROM organization WHERE kind = 'operator'");
    final long acme = one("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
            + ", 'customer', 'Acme', '1001') RETURNING id");
    final long globex = one("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
            + ", 'customer', 'Globex', '1002') RETURNING id");

    /** The store over {@code db}, whose operator organization it looks up as the platform would. */
    static AttachmentStore store(TestDatabase db) {
        return new AttachmentStore(db.database().sessionFactory(AttachmentMapper.class), () -> {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM organization WHERE kind = 'operator'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The platform's record changes over {@code db}. */
    static RecordChanges records(TestDatabase db) {
        return new RecordChangesImpl(db.database().sessionFactory(RecordMapper.class));
    }

    /** A synced transaction of a customer (null: not yet adopted by an organization). */
    void transaction(String recordType, long netsuiteId, String owner, Long organization) {
        update("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id, "
                + "number, content_hash, sync_generation) VALUES (?, ?, ?, ?, ?, ?, 0, 1)", tenant, organization,
                recordType, netsuiteId, owner, recordType.toUpperCase() + netsuiteId);
    }

    void customer(long netsuiteId, long organization) {
        update("INSERT INTO ns_entity (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id, "
                + "content_hash, sync_generation) VALUES (?, ?, 'customer', ?, ?, 0, 1)", tenant, organization,
                netsuiteId, Long.toString(netsuiteId));
    }

    long one(String sql, Object... params) {
        return ((Number) list(sql, params).get(0).values().iterator().next()).longValue();
    }

    List<Map<String, Object>> list(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean rows = ps.execute();
            List<Map<String, Object>> out = new ArrayList<>();
            if (rows) {
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                        }
                        out.add(row);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void update(String sql, Object... params) {
        list(sql, params);
    }

    /** The stored attachments by file id. */
    Map<Long, Map<String, Object>> attachments() {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> row : list("SELECT a.*, c.content FROM ns_attachment a "
                + "LEFT JOIN ns_attachment_content c ON c.attachment_id = a.id")) {
            out.put((Long) row.get("file_netsuite_id"), row);
        }
        return out;
    }

    @Override
    public void close() {
        db.close();
    }
}
