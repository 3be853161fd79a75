package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.health.HealthService;
import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.plugin.PluginState;
import io.portico.api.recordtype.RecordType;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private PluginRegistry registry;

    @Inject
    private HealthService health;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void healthIsUpAgainstPostgres() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        HttpResponse<String> anonymous = get("/health");
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("anyone gets the status alone", "{\"status\":\"UP\"}", anonymous.body());
        HttpResponse<String> response = monitoredHealth();
        assertEquals(200, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"status\":\"UP\""));
        assertTrue(response.body(), response.body().contains("\"databaseReachable\":true"));
        assertTrue(response.body(), response.body().contains("\"version\":\"0.1.0"));
        assertTrue(console("portico:health").contains("database     UP"));
    }

    @Test
    public void metricsSpeakPrometheusText() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = response.body();
        assertTrue(body.contains("# TYPE jvm_memory_used_bytes gauge"));
        assertTrue(body.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}"));
        assertTrue(body.contains("db_pool_active_connections{pool=\"portico\"}"));
    }

    @Test
    public void unknownPathsAnswerProblemDetails() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        HttpResponse<String> response = get("/api/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":404"));
        assertEquals(200, status("/static/portico.css"));
    }

    @Test
    public void migrationsApplyOnceAndAreIdempotentOnRestart() throws Exception {
        Database database = awaitService(Database.class);
        List<String> files = Collections.list(bundle("io.portico.db").findEntries("db/migration", "V*.sql", false))
                .stream().map(url -> url.getPath().substring(url.getPath().lastIndexOf('/') + 1)).toList();
        // Counted by the files shipped: a database migrated before keeps the rows of migrations that moved into
        // plugins (V410).
        assertEquals(files.size(), appliedMigrations(database, files));

        Bundle db = bundle("io.portico.db");
        db.stop();
        db.start();
        Database restarted = awaitService(Database.class);
        assertEquals("a restart applies nothing twice", files.size(), appliedMigrations(restarted, files));
        await("/health UP after the restart", WAIT, () -> health.report().up());
    }

    @Test
    public void pluginInstalledAtRuntimeServesUntilUninstalled() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        assertEquals(404, status("/api/test-plugin"));

        Bundle plugin = bundleContext.installBundle(bundleUrl("portico-itest-test-plugin"));
        plugin.start();
        await("the plugin's resource", WAIT, () -> status("/api/test-plugin") == 200);
        assertTrue(registry.find(RecordType.class, "test-widget").isPresent());
        assertTrue(pluginsOf(plugin).stream().anyMatch(p -> p.kind() == PluginKind.WEB_RESOURCE));
        assertTrue(console("portico:plugins").contains("test-widget"));
        assertTrue("the plugin endpoint is described", get("/api/openapi.json").body().contains("\"/api/test-plugin\""));

        plugin.update();
        await("the resource after bundle:update", WAIT, () -> status("/api/test-plugin") == 200);

        plugin.uninstall();
        await("the resource to disappear", WAIT, () -> status("/api/test-plugin") == 404);
        assertFalse(registry.find(RecordType.class, "test-widget").isPresent());
        assertTrue(pluginsOf(plugin).isEmpty());
        assertFalse(get("/api/openapi.json").body().contains("\"/api/test-plugin\""));
    }

    @Test
    public void pluginDroppedIntoDeployFolderComesAndGoes() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Files.createDirectories(deploy);
        Path jar = deploy.resolve("portico-itest-test-plugin.jar");
        try (InputStream in = new java.net.URL(bundleUrl("portico-itest-test-plugin")).openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        long start = System.nanoTime();
        await("the hot-deployed resource", WAIT, () -> status("/api/test-plugin") == 200);
        System.out.println("hot deploy to first 200: " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms");

        Files.delete(jar);
        await("the resource to go with the jar", WAIT, () -> status("/api/test-plugin") == 404);
        assertFalse(registry.find(RecordType.class, "test-widget").isPresent());
    }

    @Test
    public void misbehavingPluginsAreReportedAndTheServerKeepsServing() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Bundle broken = bundleContext.installBundle(bundleUrl("portico-itest-broken-plugin"));
        broken.start();
        Bundle unresolved = bundleContext.installBundle(bundleUrl("portico-itest-unresolved-plugin"));
        try {
            unresolved.start();
        } catch (org.osgi.framework.BundleException expected) {
            // It cannot resolve: the registry must say so.
        }
        try {
            await("the failed activation to be reported", WAIT, () -> pluginsOf(broken).stream()
                    .anyMatch(p -> p.state() == PluginState.FAILED && p.detail().contains("boom")));
            assertTrue(pluginsOf(broken).stream().anyMatch(p -> p.state() == PluginState.REFUSED
                    && p.detail().contains("invalid name")));
            Optional<PluginInfo> orphan = pluginsOf(unresolved).stream().findFirst();
            assertTrue(orphan.isPresent());
            assertEquals(PluginState.FAILED, orphan.get().state());
            assertTrue(orphan.get().detail(), orphan.get().detail().contains("io.portico.itest.nowhere"));

            String listing = console("portico:plugins");
            assertTrue(listing, listing.contains("REFUSED") && listing.contains("FAILED"));
            HttpResponse<String> healthResponse = monitoredHealth();
            assertEquals(200, healthResponse.statusCode());
            assertTrue(healthResponse.body().contains("boom"));
            assertFalse("problems are details", get("/health").body().contains("boom"));
        } finally {
            broken.uninstall();
            unresolved.uninstall();
        }
        assertTrue(pluginsOf(broken).isEmpty());
        assertTrue(pluginsOf(unresolved).isEmpty());
    }

    private List<PluginInfo> pluginsOf(Bundle bundle) {
        return registry.plugins().stream().filter(p -> p.bundleId() == bundle.getBundleId()).toList();
    }

    private <T> T awaitService(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT.toMillis());
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not appear within " + WAIT);
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    private static int appliedMigrations(Database database, List<String> scripts) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM flyway_schema_history WHERE success AND script = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", scripts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
