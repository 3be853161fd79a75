package io.portico.db.internal;

import io.portico.api.db.PluginSchema;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How Portico's schema migrations are configured: the platform's, and each plugin's. Public so that tests outside
 * OSGi (bundles/testing) migrate exactly as the server does; the package is not exported.
 *
 * <p>Flyway locks its history table with a PostgreSQL advisory lock while it migrates, so nodes starting together
 * migrate once: the others wait and then find nothing left to apply. Each plugin has a history table of its own,
 * hence a lock and a version sequence of its own.
 */
public final class Migrations {

    /** A plugin schema's name: it becomes part of a table name. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private Migrations() {
    }

    /**
     * The platform's migrations ({@code db/migration}), found through {@code loader}.
     *
     * <p>A migration file the platform no longer ships but a database applied is ignored rather than refused
     * ({@code *:missing}): plugins' tables moved out of the platform into their plugins (V410, the attachments
     * tables), and databases migrated before keep those migrations in their history.
     */
    public static FluentConfiguration platform(DataSource dataSource, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Each bundle area owns a version range (V100 identity, V200 sync, ...), so a migration added in a
                // lower range after a higher one shipped is expected, not an error.
                .outOfOrder(true)
                .ignoreMigrationPatterns("*:missing");
    }

    /**
     * A plugin's migrations ({@value PluginSchema#LOCATION}{@code <name>}), found through the plugin's class loader,
     * recorded in {@code flyway_plugin_<name>}. The schema already holds the platform's tables when a plugin first
     * migrates, so its history starts from an empty baseline (version 0) and its V1 is applied.
     *
     * @throws IllegalArgumentException when the name is not a lower-case identifier
     */
    public static Flyway plugin(DataSource dataSource, String name, ClassLoader loader) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the schema name '" + name + "' is not a lower-case name of letters,"
                    + " digits and _ (at most 40, starting with a letter)");
        }
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:" + PluginSchema.LOCATION + name)
                .table("flyway_plugin_" + name)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before " + name)
                .load();
    }
}
