package io.portico.db.internal;

import io.portico.api.db.Database;
import io.portico.api.db.PluginSchema;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender that applies plugins' own migrations: for every started bundle with the {@value PluginSchema#HEADER}
 * header it migrates the plugin's schema (on a thread of its own, never the framework's) and then registers a
 * {@link PluginSchema} in the plugin's name, which its components wait for. A plugin that stops loses the service
 * and keeps its tables. Runs once the platform's own schema is migrated (it needs the {@link Database}).
 */
// Declares the services registered in plugins' names, as DS would, for resolvers that check service requirements.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.api.db.PluginSchema\"",
        uses = PluginSchema.class)
@Component(immediate = true, service = {})
public final class PluginMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(PluginMigrations.class);

    private final Database database;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "portico-plugin-migrations"));
    private final BundleTracker<Migrated> tracker;

    @Activate
    public PluginMigrations(BundleContext context, @Reference Database database) {
        this.database = database;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Migrated addingBundle(Bundle bundle, BundleEvent event) {
                String name = bundle.getHeaders("").get(PluginSchema.HEADER);
                if (name == null) {
                    return null;
                }
                Migrated migrated = new Migrated(bundle, name.strip());
                worker.execute(migrated::migrate);
                return migrated;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Migrated migrated) {
                migrated.withdraw();
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        worker.shutdownNow();
    }

    /** One started plugin's schema: migrated, then offered as a service until the plugin stops. */
    private final class Migrated implements PluginSchema {

        private final Bundle bundle;
        private final String name;
        private volatile String version = "0";
        private ServiceRegistration<PluginSchema> registration;
        private boolean withdrawn;

        Migrated(Bundle bundle, String name) {
            this.bundle = bundle;
            this.name = name;
        }

        void migrate() {
            String plugin = bundle.getSymbolicName() + " " + bundle.getVersion();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                return;
            }
            try {
                Flyway flyway = Migrations.plugin(database.dataSource(), name, wiring.getClassLoader());
                int applied = flyway.migrate().migrationsExecuted;
                var current = flyway.info().current();
                version = current == null ? "0" : current.getVersion().toString();
                LOG.info("Plugin {}: schema {} at version {} ({} migrations applied now)", plugin, name, version,
                        applied);
            } catch (RuntimeException e) {
                // Flyway's first line names the migration, the root cause says what PostgreSQL refused.
                String migration = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                LOG.error("Plugin {} not started: the migration of its schema {} failed, so its services that need"
                        + " its tables stay unstarted until it is fixed and started again: {}: {}", plugin, name,
                        migration, DatabaseComponent.oneLine(e));
                return;
            }
            register();
        }

        private synchronized void register() {
            BundleContext context = bundle.getBundleContext();
            if (withdrawn || context == null) {
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(PluginSchema.NAME_PROPERTY, name);
            try {
                registration = context.registerService(PluginSchema.class, this, properties);
            } catch (IllegalStateException stoppedMeanwhile) {
                registration = null;
            }
        }

        synchronized void withdraw() {
            withdrawn = true;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGoneWithTheBundle) {
                    // The framework unregisters a stopped bundle's services itself.
                }
                registration = null;
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String version() {
            return version;
        }
    }
}
