package io.portico.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.portico.api.db.Database;
import io.portico.api.health.HealthCheck;
import io.portico.api.health.HealthResult;
import io.portico.api.secrets.SecretBox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import java.util.Properties;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to PostgreSQL, applies the schema migrations and then registers the {@link Database} service. While the
 * database cannot be reached it logs one clear line per distinct problem, reports DOWN in the health check and
 * retries in the background, so the rest of the server keeps serving.
 */
// Declares the hand-registered service, as DS would, for resolvers that check service requirements.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.api.db.Database\"",
        uses = Database.class)
@Component(configurationPid = "io.portico.db", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = DatabaseConfig.class)
public class DatabaseComponent implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    private final BundleContext context;
    private final DatabaseConfig config;
    private final Properties credentials = new Properties();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "portico-db"));
    private final ServiceRegistration<HealthCheck> healthRegistration;

    private volatile HikariDataSource pool;
    private volatile ServiceRegistration<Database> databaseRegistration;
    private volatile NodeHeartbeat heartbeat;
    private volatile String problem = "connecting";

    @Activate
    public DatabaseComponent(BundleContext context, DatabaseConfig config, @Reference SecretBox secrets) {
        this.context = context;
        this.config = config;
        credentials.setProperty("user", config.user());
        credentials.setProperty("password", secrets.reveal(config.password()));
        credentials.setProperty("ApplicationName", "portico");
        credentials.setProperty("connectTimeout", "10");
        healthRegistration = context.registerService(HealthCheck.class, this, null);
        worker.execute(this::start);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        if (databaseRegistration != null) {
            databaseRegistration.unregister();
        }
        healthRegistration.unregister();
        if (heartbeat != null) {
            heartbeat.leave();
        }
        if (pool != null) {
            pool.close();
        }
    }

    private void start() {
        String failure = connectAndMigrate();
        if (failure == null) {
            return;
        }
        if (!failure.equals(problem)) {
            LOG.error("Database not available, retrying every {} s: {}", config.retrySeconds(), failure);
        }
        problem = failure;
        worker.schedule(this::start, config.retrySeconds(), TimeUnit.SECONDS);
    }

    /** Returns null on success, otherwise a one-line reason. */
    private String connectAndMigrate() {
        // The driver directly, not DriverManager: DriverManager does not see drivers across OSGi class loaders.
        try (Connection probe = new Driver().connect(config.url(), credentials)) {
            if (probe == null) {
                return "not a PostgreSQL JDBC URL: " + config.url();
            }
        } catch (SQLException e) {
            return "cannot connect to " + config.url() + " as " + config.user() + ": " + oneLine(e);
        }
        try {
            HikariDataSource ds = new HikariDataSource(poolConfig());
            MigrationResult result = migrate(ds);
            pool = ds;
            PooledDatabase database = new PooledDatabase(ds);
            heartbeat = new NodeHeartbeat(database.sessionFactory(NodeMapper.class),
                    context.getBundle().getVersion().toString());
            heartbeat.beat();
            worker.scheduleWithFixedDelay(heartbeat::beatQuietly, 15, 15, TimeUnit.SECONDS);
            databaseRegistration = context.registerService(Database.class, database, null);
            problem = null;
            LOG.info("Database ready at {} (schema version {}, {} migrations applied now)", config.url(),
                    result.version(), result.applied());
            return null;
        } catch (FlywayException e) {
            return "schema migration failed: " + oneLine(e);
        } catch (RuntimeException e) {
            return "database start failed: " + oneLine(e);
        } catch (LinkageError e) {
            LOG.error("Database start failed on a class-loading error", e);
            return "database start failed: " + e;
        }
    }

    private HikariConfig poolConfig() {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("portico");
        hikari.setDriverClassName(Driver.class.getName());
        hikari.setJdbcUrl(config.url());
        hikari.setDataSourceProperties(credentials);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeoutMillis());
        hikari.setRegisterMbeans(true);
        return hikari;
    }

    private record MigrationResult(String version, int applied) {
    }

    private static MigrationResult migrate(HikariDataSource ds) {
        // Flyway finds the SQL files through this bundle's class loader (it understands bundle: URLs).
        Flyway flyway = Migrations.platform(ds, DatabaseComponent.class.getClassLoader()).load();
        var result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
        return new MigrationResult(version, result.migrationsExecuted);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthResult check() {
        HikariDataSource ds = pool;
        if (ds == null) {
            return HealthResult.down(problem == null ? "starting" : problem);
        }
        try (Connection c = ds.getConnection()) {
            if (!c.isValid(2)) {
                return HealthResult.down("connection not valid");
            }
        } catch (SQLException e) {
            return HealthResult.down(oneLine(e));
        }
        var mx = ds.getHikariPoolMXBean();
        return new HealthResult(true, "reachable", Map.of(
                "activeConnections", mx.getActiveConnections(),
                "idleConnections", mx.getIdleConnections(),
                "maxConnections", config.maxPoolSize(),
                "liveNodes", heartbeat.liveNodes()));
    }

    /** The root cause's first line. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
