package io.portico.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import io.portico.api.db.Database;
import io.portico.db.internal.Migrations;
import io.portico.db.internal.PooledDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database with Portico's schema migrations applied (a plugin's own too, when asked), on the server that {@code ./portico test}
 * provides ({@code PORTICO_DB_URL}, {@code PORTICO_DB_USER}, {@code PORTICO_DB_PASSWORD}). Each instance is a
 * database of its own, dropped on {@link #close()}, so tests never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final PGSimpleDataSource admin;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String name, PGSimpleDataSource admin, PGSimpleDataSource dataSource) {
        this.name = name;
        this.admin = admin;
        this.dataSource = dataSource;
    }

    /** Creates the database and applies every migration. */
    public static TestDatabase create() {
        TestDatabase db = empty();
        db.migrate();
        return db;
    }

    /**
     * Creates the database with the migrations up to {@code version} only (e.g. {@code "201"}), for a test that an
     * existing database migrates: fill it, then {@link #migrate()}.
     */
    public static TestDatabase createAt(String version) {
        TestDatabase db = empty();
        db.flyway().target(version).load().migrate();
        return db;
    }

    private static TestDatabase empty() {
        String url = System.getenv("PORTICO_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("PORTICO_DB_URL is not set: run the tests through ./portico test");
        }
        String name = "portico_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = dataSource(url);
        execute(admin, "CREATE DATABASE " + name);
        PGSimpleDataSource ds = dataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        return new TestDatabase(name, admin, ds);
    }

    /** Applies the migrations not applied yet. */
    public void migrate() {
        flyway().load().migrate();
    }

    /**
     * Applies a plugin's own migrations ({@code db/plugin/<name>} on the test's class path), as the server does when
     * the plugin starts.
     */
    public TestDatabase withPluginSchema(String name) {
        Migrations.plugin(dataSource, name, TestDatabase.class.getClassLoader()).migrate();
        return this;
    }

    private FluentConfiguration flyway() {
        return Migrations.platform(dataSource, TestDatabase.class.getClassLoader());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The {@link Database} service as the server provides it, over this database. */
    public Database database() {
        return new PooledDatabase(dataSource);
    }

    /** The JDBC URL of this database. */
    public String url() {
        return dataSource.getURL();
    }

    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("PORTICO_DB_USER", "portico"));
        ds.setPassword(System.getenv().getOrDefault("PORTICO_DB_PASSWORD", ""));
        return ds;
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
