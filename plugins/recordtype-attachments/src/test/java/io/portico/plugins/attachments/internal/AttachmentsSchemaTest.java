package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.db.internal.Migrations;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The plugin's own schema ({@code db/plugin/attachments}): on a fresh database, on a database migrated before the
 * plugin owned its tables (they were the platform's V410 then), and with two nodes starting at once.
 */
class AttachmentsSchemaTest {

    /** A copy of the platform's V410 as main shipped it, byte for byte (Flyway checksums it). */
    private static final String PLATFORM_BEFORE = "classpath:main-before-plugin-schemas";

    /** The plugin's history once migrated: the empty baseline, then each of its migrations once. */
    private static final List<String> HISTORY = List.of("0 before attachments true", "1 attachments true",
            "2 record changes true");

    @Test
    void aFreshPlatformHasNoAttachmentTablesUntilThePluginMigratesItsSchema() {
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(List.of(), schema(db.dataSource()));

            db.withPluginSchema(AttachmentStore.SCHEMA);

            assertEquals(HISTORY, history(db.dataSource()));
            try (TestDatabase before = beforePluginSchemas()) {
                List<String> v410 = schema(before.dataSource());
                assertTrue(schema(db.dataSource()).containsAll(v410), "the plugin's V1 is what V410 made");
                before.withPluginSchema(AttachmentStore.SCHEMA);
                assertEquals(schema(before.dataSource()), schema(db.dataSource()),
                        "upgraded or fresh, the plugin's schema is the same");
            }
        }
    }

    @Test
    void aDatabaseThatHadTheTablesFromThePlatformKeepsThemAndTheirRows() {
        try (TestDatabase db = beforePluginSchemas()) {
            List<String> shape = schema(db.dataSource());
            long tenant = one(db.dataSource(), "SELECT id FROM organization WHERE kind = 'operator'");
            long id = one(db.dataSource(), "INSERT INTO ns_attachment (tenant_id, record_type, record_netsuite_id, "
                    + "file_netsuite_id, name, content_type, size_bytes, sha256, status) VALUES (" + tenant
                    + ", 'invoice', 100, 7, 'a.pdf', 'application/pdf', 3, '" + AttachmentSync.sha256(new byte[3])
                    + "', 'stored') RETURNING id");
            one(db.dataSource(), "INSERT INTO ns_attachment_content VALUES (" + id + ", '\\x000000') RETURNING 1");
            one(db.dataSource(), "INSERT INTO ns_attachment_scan VALUES (" + tenant + ", 'invoice', 100, now()) "
                    + "RETURNING 1");

            db.migrate();
            db.withPluginSchema(AttachmentStore.SCHEMA);

            assertTrue(schema(db.dataSource()).containsAll(shape), "V1 changed nothing; V2 only adds");
            assertEquals(HISTORY, history(db.dataSource()));
            assertEquals(id, one(db.dataSource(), "SELECT id FROM ns_attachment WHERE name = 'a.pdf'"));
            assertArrayEquals(new byte[3], TestData.store(db).content(
                    new DataScope(tenant, null), id).orElseThrow());
            assertEquals(1, one(db.dataSource(), "SELECT count(*) FROM ns_attachment_scan"));
            assertEquals(1, one(db.dataSource(), "SELECT count(*) FROM flyway_schema_history "
                    + "WHERE version = '410' AND success"), "V410 stays in the platform's history");
        }
    }

    @Test
    void twoNodesStartingTogetherMigrateOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> applied = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    applied.add(nodes.submit(() -> {
                        var flyway = Migrations.plugin(db.dataSource(), AttachmentStore.SCHEMA,
                                AttachmentsSchemaTest.class.getClassLoader());
                        together.await();
                        return flyway.migrate().migrationsExecuted;
                    }));
                }
                assertEquals(HISTORY.size() - 1, applied.get(0).get() + applied.get(1).get());
            } finally {
                nodes.shutdownNow();
            }
            assertEquals(HISTORY, history(db.dataSource()));
            assertFalse(schema(db.dataSource()).isEmpty());
        }
    }

    /** A database as main migrated it before plugins owned their schemas, when V410 made the attachments tables. */
    private static TestDatabase beforePluginSchemas() {
        TestDatabase db = TestDatabase.createAt("1");
        Migrations.platform(db.dataSource(), AttachmentsSchemaTest.class.getClassLoader())
                .locations("classpath:db/migration", PLATFORM_BEFORE).load().migrate();
        return db;
    }

    /** The attachments tables' columns, constraints and indexes, in a stable order. */
    private static List<String> schema(DataSource ds) {
        return strings(ds, """
                SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                    || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'ns_attachment%'
                UNION ALL
                SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid::regclass::text LIKE 'ns_attachment%'
                UNION ALL
                SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'ns_attachment%'
                ORDER BY 1""");
    }

    private static List<String> history(DataSource ds) {
        return strings(ds, "SELECT coalesce(version, '') || ' ' || description || ' ' || success "
                + "FROM flyway_plugin_attachments ORDER BY installed_rank");
    }

    private static List<String> strings(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long one(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
