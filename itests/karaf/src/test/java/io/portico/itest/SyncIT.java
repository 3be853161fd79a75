package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.db.Database;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The sync engine and the invoice, customer and credit memo record types in the real distribution, against a NetSuite
 * sandbox running as a process of its own: syncs through the console and the admin API, an edit in NetSuite synced
 * incrementally, a record-type plugin stopped and started while its data stays, and credit memos with both their
 * line lists.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyncIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "itest-admin-token-5d1f0c";
    private static final String INVOICE_BUNDLE = "io.portico.recordtype-invoice";

    @Inject
    private SyncService sync;

    @Inject
    private PluginRegistry registry;

    @Inject
    private Database database;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() throws Exception {
        Sandbox sandbox = Sandbox.start();
        List<Option> options = new ArrayList<>(List.of(distribution(databasePassword())));
        options.addAll(List.of(
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "accountId", sandbox.accountId),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "baseUrl", sandbox.baseUrl),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "authMethod", "tba"),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "consumerKey", sandbox.consumerKey),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "consumerSecret", sandbox.consumerSecret),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "tokenId", sandbox.tokenId),
                editConfigurationFilePut("etc/io.portico.netsuite.cfg", "tokenSecret", sandbox.tokenSecret),
                editConfigurationFilePut("etc/io.portico.sync.cfg", "adminToken", TOKEN),
                editConfigurationFilePut("etc/io.portico.sync.cfg", "tickSeconds", "1"),
                editConfigurationFilePut("etc/io.portico.sync.cfg", "resumeDelaySeconds", "1"),
                CoreOptions.systemProperty("portico.itest.sandbox").value(sandbox.baseUrl)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void syncsTheSandboxThroughTheConsoleAndTheAdminApi() throws Exception {
        syncAll();
        int invoices = sandboxCount("invoices");
        assertEquals(invoices, count("SELECT count(*) FROM ns_transaction WHERE record_type = 'invoice' "
                + "AND archived_at IS NULL"));
        // Other test classes share the database and add organizations of their own, never with numeric NetSuite ids.
        assertEquals(sandboxCount("customers"), count("SELECT count(*) FROM organization WHERE kind = 'customer' "
                + "AND netsuite_id ~ '^[0-9]+$'"));
        assertEquals("every invoice belongs to its customer's organization", 0,
                count("SELECT count(*) FROM ns_transaction WHERE organization_id IS NULL"));
        assertTrue(count("SELECT count(*) FROM ns_transaction_line") > invoices);

        String status = console("portico:sync-status");
        assertTrue(status, status.contains("invoice") && status.contains("succeeded"));
        String history = console("portico:sync-history invoice");
        assertTrue(history, history.contains("full") && history.contains("succeeded"));
        assertTrue(console("portico:sync-list"), console("portico:sync-list").contains("manual"));

        HttpResponse<String> anonymous = send("GET", "/api/admin/sync", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, send("GET", "/api/admin/sync", "wrong-token", null).statusCode());
        HttpResponse<String> list = send("GET", "/api/admin/sync", TOKEN, null);
        assertEquals(200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"recordType\":\"invoice\""));
        HttpResponse<String> bad = send("PUT", "/api/admin/sync/invoice", TOKEN, "{\"schedule\":\"sometimes\"}");
        assertEquals(bad.body(), 400, bad.statusCode());
        HttpResponse<String> configured = send("PUT", "/api/admin/sync/invoice", TOKEN,
                "{\"schedule\":\"0 3 * * 1-5\",\"onDelete\":\"archive\"}");
        assertEquals(configured.body(), 200, configured.statusCode());
        assertTrue(configured.body().contains("\"schedule\":\"0 3 * * 1-5\""));

        // An edit in NetSuite, synced incrementally through the admin API.
        long invoiceId = Long.parseLong(query("SELECT max(netsuite_id) FROM ns_transaction"));
        HttpResponse<String> edit = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + "/sandbox/records/invoice/"
                + invoiceId)).POST(HttpRequest.BodyPublishers.ofString("{\"memo\":\"Changed in NetSuite\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(edit.body(), 200, edit.statusCode());
        HttpResponse<String> started = send("POST", "/api/admin/sync/invoice/runs", TOKEN, null);
        assertEquals(started.body(), 202, started.statusCode());
        long runId = Long.parseLong(field(started.body(), "id"));
        await("the run to end", WAIT, () -> {
            String body = send("GET", "/api/admin/sync/runs/" + runId, TOKEN, null).body();
            return body.contains("\"status\":\"succeeded\"");
        });
        String run = send("GET", "/api/admin/sync/runs/" + runId, TOKEN, null).body();
        assertTrue(run, run.contains("\"mode\":\"incremental\"") && run.contains("\"updated\":1"));
        assertEquals("Changed in NetSuite", query("SELECT attributes->>'memo' FROM ns_transaction WHERE netsuite_id = "
                + invoiceId));
        assertEquals(200, send("GET", "/api/admin/sync/runs/" + runId + "/errors", TOKEN, null).statusCode());
        assertEquals(404, send("GET", "/api/admin/sync/nosuchtype", TOKEN, null).statusCode());
    }

    @Test
    public void aStoppedRecordTypePluginPausesItsSyncAndKeepsItsData() throws Exception {
        syncAll();
        long rows = count("SELECT count(*) FROM ns_transaction");
        Bundle plugin = bundle(INVOICE_BUNDLE);
        plugin.stop();
        try {
            await("the invoice record type to go", WAIT, () -> registry.find(RecordType.class, "invoice").isEmpty());
            assertEquals("plugin-stopped", sync.config("invoice").orElseThrow().state());
            String refused = console("portico:sync-run invoice");
            assertTrue(refused, refused.contains("Not started"));
            assertEquals("the data stays", rows, count("SELECT count(*) FROM ns_transaction"));
        } finally {
            plugin.start();
        }
        await("the invoice record type to come back", WAIT,
                () -> registry.find(RecordType.class, "invoice").isPresent());
        String out = console("portico:sync-run --follow invoice");
        assertTrue(out, out.contains("succeeded"));
        assertEquals(rows, count("SELECT count(*) FROM ns_transaction"));
    }

    @Test
    public void creditMemosKeepWhatTheyCreditedAndTheInvoicesTheyWereAppliedTo() throws Exception {
        syncFully("customer", "creditmemo");
        long memos = count("SELECT count(*) FROM ns_transaction WHERE record_type = 'creditmemo' "
                + "AND archived_at IS NULL");
        assertTrue("the sandbox has credit memos", memos > 0);
        for (String list : List.of("items", "applications")) {
            assertEquals("every credit memo has " + list, memos, count("SELECT count(DISTINCT t.id) FROM "
                    + "ns_transaction t JOIN ns_transaction_line l ON l.transaction_id = t.id WHERE "
                    + "t.record_type = 'creditmemo' AND t.archived_at IS NULL AND l.line_list = '" + list + "'"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Syncs customers, then invoices, through the console, unless that has been done. */
    private void syncAll() throws Exception {
        syncFully("customer", "invoice");
    }

    /** Syncs the record types in this order through the console, each unless its full load has been done. */
    private void syncFully(String... types) throws Exception {
        await("the record types", WAIT, () -> List.of(types).stream().allMatch(t -> sync.config(t).isPresent()));
        for (String type : types) {
            SyncConfig config = sync.config(type).orElseThrow();
            if (config.fullLoadDone()) {
                continue;
            }
            console("portico:sync-config --schedule manual " + type);
            String out = console("portico:sync-run --follow " + type);
            assertTrue(out, out.contains("succeeded") && out.contains("100%") && out.contains("[#"));
            SyncRun last = sync.runs(type, 1).get(0);
            assertEquals("full", last.mode());
            assertEquals(0, last.failed());
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("X-Portico-Admin-Token", token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertTrue(json, m.find());
        return m.group(1);
    }

    private static String sandboxUrl() {
        return System.getProperty("portico.itest.sandbox");
    }

    private int sandboxCount(String what) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + "/sandbox")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"" + what + "\"\\s*:\\s*(\\d+)").matcher(body);
        assertTrue(body, m.find());
        return Integer.parseInt(m.group(1));
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(query(sql));
    }

    private String query(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The NetSuite sandbox as a process of its own, started once by the test driver (outside Karaf). */
    private static final class Sandbox {
        private static Sandbox running;

        String baseUrl;
        String accountId;
        String consumerKey;
        String consumerSecret;
        String tokenId;
        String tokenSecret;

        static synchronized Sandbox start() throws IOException {
            if (running != null) {
                return running;
            }
            String version = System.getProperty("portico.version", VERSION);
            File jar = new File(System.getProperty("maven.repo.local", System.getProperty("user.home")
                    + "/.m2/repository"), "io/portico/portico-netsuite-sandbox/" + version
                    + "/portico-netsuite-sandbox-" + version + "-all.jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("build the sandbox first (mvn install -pl tools/netsuite-sandbox): "
                        + jar);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar",
                    jar.getPath(), "--port", String.valueOf(port), "--customers", "25", "--invoices-per-customer",
                    "8").redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Sandbox s = new Sandbox();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && s.tokenSecret == null) {
                Matcher m = Pattern.compile("for account (\\S+) at (\\S+)").matcher(line);
                if (m.find()) {
                    s.accountId = m.group(1);
                    s.baseUrl = m.group(2);
                }
                for (String pair : line.trim().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        switch (kv[0]) {
                            case "consumerKey" -> s.consumerKey = kv[1];
                            case "consumerSecret" -> s.consumerSecret = kv[1];
                            case "tokenId" -> s.tokenId = kv[1];
                            case "tokenSecret" -> s.tokenSecret = kv[1];
                            default -> { }
                        }
                    }
                }
            }
            if (s.tokenSecret == null || s.baseUrl == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the NetSuite sandbox did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (IOException ignored) {
                    // the sandbox ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            running = s;
            return s;
        }
    }
}
