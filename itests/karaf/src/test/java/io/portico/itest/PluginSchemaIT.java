package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.db.PluginSchema;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import io.portico.api.records.RecordAttachments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Plugins own their schema, on a fresh database: the attachments plugin's tables come from the plugin (not the
 * platform) when it starts, its data outlives an uninstall, and a plugin whose migration fails stays unstarted while
 * the platform serves on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginSchemaIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ATTACHMENTS = "io.portico.recordtype-attachments";

    @Configuration
    public Option[] config() {
        return distribution(databasePassword(), privateDatabase("portico_test_plugins"));
    }

    @Test
    public void theAttachmentsPluginMigratesItsSchemaAndKeepsItsDataAcrossUninstall() throws Exception {
        PluginSchema schema = pluginSchema("attachments", WAIT);
        assertNotNull("the attachments schema is ready", schema);
        assertEquals("2", schema.version());
        Database database = service(Database.class, WAIT);
        assertEquals("the platform made no attachment tables", List.of(),
                strings(database, "SELECT version FROM flyway_schema_history WHERE version = '410'"));
        assertEquals(List.of("0 true", "1 true", "2 true"), history(database));

        Organizations organizations = service(Organizations.class, WAIT);
        long tenant = organizations.operator().id();
        long customer = organizations.upsertCustomer(new CustomerOrganization("PS-" + System.nanoTime(),
                "Schema Test", List.of(), "CA", "USD", null, Map.of())).id();
        LocalDate today = LocalDate.now();
        long invoice = 777_000_001L;
        String stored = "INSERT INTO ns_attachment (tenant_id, organization_id, record_type, record_netsuite_id,"
                + " file_netsuite_id, name, content_type, status, error) VALUES (" + tenant + ", " + customer
                + ", 'invoice', " + invoice + ", 1, 'Kept.pdf', 'application/pdf', 'too-large', 'over the limit')";
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(customer, invoice, "PS-1", today, today, "1.00", "1.00", "{}"));
            s.execute(stored);
        }
        DataScope operator = new DataScope(tenant, null);
        assertEquals(List.of("Kept.pdf"), names(operator, invoice));

        Bundle plugin = bundle(ATTACHMENTS);
        plugin.uninstall();
        await("the schema service to leave with the plugin", WAIT, () -> pluginSchema("attachments", Duration.ZERO) == null);
        assertEquals("uninstalling keeps the rows", List.of("Kept.pdf"),
                strings(database, "SELECT name FROM ns_attachment WHERE record_netsuite_id = " + invoice));

        Bundle again = bundleContext.installBundle(bundleUrl("portico-recordtype-attachments"));
        again.start();
        assertNotNull("the schema is ready again", pluginSchema("attachments", WAIT));
        assertEquals("nothing was applied twice", List.of("0 true", "1 true", "2 true"), history(database));
        await("the plugin to list the kept attachment", WAIT, () -> names(operator, invoice).equals(List.of("Kept.pdf")));

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM ns_attachment WHERE record_netsuite_id = " + invoice);
            s.execute("DELETE FROM ns_transaction WHERE netsuite_id = " + invoice);
        }
    }

    @Test
    public void aPluginWhoseMigrationFailsStaysUnstartedAndThePlatformServesOn() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Bundle broken = bundleContext.installBundle(bundleUrl("portico-itest-broken-plugin"));
        try {
            broken.start();
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            await("the failed migration in the log", WAIT, () -> lines(log).stream().anyMatch(line ->
                    line.contains("Plugin io.portico.itest.broken-plugin") && line.contains("not started")
                            && line.contains("schema broken failed") && line.contains("V1__broken.sql")
                            && line.contains("duplicate key")));
            assertEquals(null, pluginSchema("broken", Duration.ZERO));
            Database database = service(Database.class, WAIT);
            assertEquals("the failed migration left nothing behind", List.of(),
                    strings(database, "SELECT tablename FROM pg_tables WHERE tablename = 'broken_widget'"));
            assertEquals("PostgreSQL rolled the migration back: only the baseline is recorded", List.of("0 true"),
                    history(database, "broken"));
            assertEquals(200, status("/health"));
            assertNotNull("other plugins are not held up", pluginSchema("attachments", WAIT));
        } finally {
            broken.uninstall();
        }
    }

    private List<String> names(DataScope scope, long invoice) {
        try {
            return service(RecordAttachments.class, WAIT).list(scope, "invoice", invoice).stream()
                    .map(a -> a.name()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<String> history(Database database) {
        return history(database, "attachments");
    }

    private static List<String> history(Database database, String schema) {
        return strings(database, "SELECT version || ' ' || success FROM flyway_plugin_" + schema
                + " ORDER BY installed_rank");
    }

    private static List<String> strings(Database database, String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }
}
