package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import io.portico.netsuite.NetSuiteClient;
import io.portico.api.sync.SyncSettings;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The sync engine and the invoice, customer, contact and credit memo record types in the real distribution, against a
 * NetSuite sandbox running as a process of its own: syncs through the console, the admin API and the admin pages, an
 * edit in NetSuite synced incrementally, a contact that makes its user a member until NetSuite deletes it, credit
 * memos with both their line lists, attachments read through NetSuite's RESTlets, and a record-type plugin stopped
 * and started while its data stays.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyncIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "itest-admin-token-5d1f0c";
    private static final String INVOICE_BUNDLE = "io.portico.recordtype-invoice";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    private SyncService sync;

    @Inject
    private PluginRegistry registry;

    @Inject
    private Database database;

    @Inject
    private NetSuiteClient netsuite;

    @Inject
    private Organizations organizations;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() throws Exception {
        SandboxProcess sandbox = SandboxProcess.start();
        List<Option> options = new ArrayList<>(List.of(distribution(databasePassword())));
        options.addAll(List.of(sandbox.connection()));
        options.addAll(List.of(
                editConfigurationFilePut("etc/io.portico.sync.cfg", "adminToken", TOKEN),
                editConfigurationFilePut("etc/io.portico.sync.cfg", "tickSeconds", "1"),
                editConfigurationFilePut("etc/io.portico.sync.cfg", "resumeDelaySeconds", "1")));
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
        // A synced invoice: other test classes share the database and add invoices the sandbox does not have (the
        // full sync archives them).
        long invoiceId = Long.parseLong(query("SELECT max(netsuite_id) FROM ns_transaction WHERE record_type = 'invoice'"
                + " AND archived_at IS NULL"));
        HttpResponse<String> edit = sandbox("POST", "/sandbox/records/invoice/" + invoiceId,
                "{\"memo\":\"Changed in NetSuite\"}");
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
    public void aSyncedContactMakesTheUserWithItsVerifiedEmailAMemberUntilNetSuiteDeletesIt() throws Exception {
        syncAll();
        String customer = field(sandbox("GET", "/sandbox", null).body(), "firstCustomerId");
        long organization = count("SELECT id FROM organization WHERE kind = 'customer' AND netsuite_id = '"
                + customer + "'");
        long user = count("INSERT INTO app_user (tenant_id, email, email_verified_at) SELECT id, "
                + "'Ida.Contact@itest.example', now() FROM organization WHERE kind = 'operator' RETURNING id");
        HttpResponse<String> created = sandbox("POST", "/sandbox/records/contact", "{\"firstName\":\"Ida\","
                + "\"lastName\":\"Contact\",\"email\":\"ida.contact@itest.example\",\"company\":{\"id\":\""
                + customer + "\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        String membership = "SELECT count(*) FROM membership WHERE user_id = " + user + " AND organization_id = "
                + organization + " AND role = 'member' AND status = 'active'";

        syncContacts();
        assertEquals(1, count(membership));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE actor = 'system:contact-sync' "
                + "AND action = 'membership.added' AND subject = 'Ida.Contact@itest.example'"));

        assertEquals(204, sandbox("DELETE", "/sandbox/records/contact/" + field(created.body(), "id"), null)
                .statusCode());
        syncContacts();
        assertEquals("deleted in NetSuite", 0, count(membership));
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
            // A refused command throws, so that ./portico console exits non-zero.
            Exception refused = assertThrows(Exception.class, () -> console("portico:sync-run invoice"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("Not started"));
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

    /** The running Portico calls the sandbox's RESTlets through its NetSuite client and stores every invoice's file. */
    @Test
    public void theAttachmentsOfSyncedInvoicesAreStoredFromNetSuitesRestlets() throws Exception {
        syncAll();
        String out = console("portico:attachments-run");
        assertTrue(out, out.contains("files stored") && !out.contains("stopped"));
        long[] files = new long[1];
        netsuite.suiteQlPage("SELECT COUNT(*) AS n FROM file", 1, 0, row -> files[0] = row.getLong("n"));
        assertTrue("the demo company has attachments", files[0] > 0);
        assertEquals(files[0], count("SELECT count(*) FROM ns_attachment a JOIN ns_attachment_content c "
                + "ON c.attachment_id = a.id WHERE a.status = 'stored' AND a.record_type = 'invoice' "
                + "AND a.organization_id IS NOT NULL"));
        assertEquals("stored content matches its checksum", 0, count("SELECT count(*) FROM ns_attachment a "
                + "JOIN ns_attachment_content c ON c.attachment_id = a.id "
                + "WHERE a.sha256 <> encode(sha256(c.content), 'hex')"));
        String again = console("portico:attachments-run");
        assertTrue(again, again.contains("0 files stored"));
    }

    @Test
    public void anOperatorAdminManagesTheSyncsInTheBrowser() throws Exception {
        syncAll();
        // The integration database outlives a run: people get names of their own, and the contact sync starts
        // from a known configuration.
        String run = Long.toString(System.nanoTime(), 36);
        sync.configure("contact", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600, 1000,
                4));
        Browser owner = signedIn("-r owner sync-owner-" + run + "@operator.example");
        Organization acme = organizations.upsertCustomer(new CustomerOrganization("SYNC-IT-" + run, "Sync IT " + run,
                List.of("sync-" + run + ".example"), "ok", "USD", null, Map.of()));
        Browser customerAdmin = signedIn("-r admin ann-" + run + "@sync-" + run + ".example " + acme.id());

        // Found from the user menu on every page (the home page is the dashboard); one row per record type.
        assertTrue(owner.get("/dashboard").body().contains("href=\"/admin/syncs\""));
        HttpResponse<String> list = owner.get("/admin/syncs");
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        for (String type : List.of("customer", "invoice", "contact", "salesorder", "itemfulfillment", "customerpayment",
                "creditmemo")) {
            assertTrue(type, list.body().contains("<tr data-record-type=\"" + type + "\""));
        }
        HttpResponse<String> script = owner.get("/admin/syncs/syncs.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));

        // Others get the refusal every admin page gives; visitors sign in first.
        HttpResponse<String> refused = customerAdmin.get("/admin/syncs");
        assertEquals(403, refused.statusCode());
        String refusal = "Only the operator&#39;s administrators may do this.";
        assertTrue(refused.body(), refused.body().contains(refusal));
        assertTrue(customerAdmin.get("/admin/organizations").body().contains(refusal));
        HttpResponse<String> anonymous = new Browser().get("/admin/syncs");
        assertEquals(303, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/sign-in?next=%2Fadmin%2Fsyncs"));
        // A form sent after the session ended signs in first, then comes back to the page it was sent from.
        String here = "http://localhost:" + httpPort();
        HttpResponse<String> expired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(here + "/admin/syncs/contact/runs")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", here + "/admin/syncs/contact")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, expired.statusCode());
        assertTrue(expired.headers().firstValue("Location").orElse("")
                .endsWith("/sign-in?next=%2Fadmin%2Fsyncs%2Fcontact"));

        // Run now: refused without the session's CSRF token, started with it.
        int runsBefore = sync.runs("contact", 1000).size();
        assertEquals(403, owner.postWithoutCsrf("/admin/syncs/contact/runs", Map.of()).statusCode());
        HttpResponse<String> notAdmin = customerAdmin.post("/admin/syncs/contact/runs", Map.of());
        assertEquals(403, notAdmin.statusCode());
        assertTrue(notAdmin.body(), notAdmin.body().contains(refusal));
        assertEquals("nothing started", runsBefore, sync.runs("contact", 1000).size());
        SyncRun loaded = runByForm(owner, "contact", Map.of());
        assertEquals("succeeded", loaded.status());

        // An invalid cron expression is shown by its field, and nothing is saved.
        SyncSettings settings = sync.config("contact").orElseThrow().settings();
        HttpResponse<String> badCron = owner.post("/admin/syncs/contact", Map.of("enabled", "true",
                "schedule", "cron", "cron", "61 * * * *", "initialWindowDays", "30"));
        assertEquals(badCron.body(), 400, badCron.statusCode());
        assertTrue(badCron.body(), Pattern.compile("<p class=\"field-error\" id=\"schedule-error\" role=\"alert\">"
                + "[^<]*minute").matcher(badCron.body()).find());
        assertEquals(settings, sync.config("contact").orElseThrow().settings());

        // A record NetSuite sends malformed is an error of its own with its NetSuite id; NetSuite's text is text.
        long contactId = Long.parseLong(query("SELECT min(netsuite_id) FROM ns_entity WHERE record_type = 'contact'"));
        Matcher original = Pattern.compile("\"entityId\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")")
                .matcher(sandbox("GET", "/sandbox/records/contact/" + contactId, null).body());
        assertTrue(original.find());
        String entityId = original.group(1);
        String markup = "<b>" + "x".repeat(300) + "</b>";
        try {
            assertEquals(200, sandbox("POST", "/sandbox/records/contact/" + contactId,
                    "{\"entityId\":\"" + markup + "\"}").statusCode());
            SyncRun failedOne = runByForm(owner, "contact", Map.of());
            assertEquals(1, failedOne.failed());
            String history = owner.get("/admin/syncs/contact").body();
            assertTrue(history, history.contains("<td>" + contactId + "</td><td>mapping</td>")
                    && history.contains("&lt;b&gt;xxx"));
            assertFalse(history.contains("<b>xxx"));

            HttpResponse<String> saved = owner.post("/admin/syncs/contact", Map.of("enabled", "true",
                    "schedule", "manual", "customCondition", "\"<i>nosuchfield</i>\" IS NULL"));
            assertEquals(saved.body(), 303, saved.statusCode());
            SyncRun refusedByNetSuite = runByForm(owner, "contact", Map.of());
            assertEquals("failed", refusedByNetSuite.status());
            assertTrue(refusedByNetSuite.message(), refusedByNetSuite.message().contains("<i>nosuchfield</i>"));
            history = owner.get("/admin/syncs/contact").body();
            assertTrue(history, history.contains("&lt;i&gt;nosuchfield&lt;/i&gt;"));
            assertFalse(history.contains("<i>nosuchfield</i>"));
        } finally {
            assertEquals(200, sandbox("POST", "/sandbox/records/contact/" + contactId,
                    "{\"entityId\":" + entityId + "}").statusCode());
            sync.configure("contact", settings);
        }
        SyncRun repaired = runByForm(owner, "contact", Map.of("full", "true"));
        assertEquals("succeeded", repaired.status());
        assertEquals(0, repaired.failed());
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

    private void syncContacts() throws Exception {
        await("the contact record type", WAIT, () -> sync.config("contact").isPresent());
        console("portico:sync-config --schedule manual contact");
        String out = console("portico:sync-run --follow contact");
        assertTrue(out, out.contains("succeeded"));
        assertEquals(0, sync.runs("contact", 1).get(0).failed());
    }

    /** A request to the sandbox's control API. */
    private HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a run with the page's form and waits for it to end. */
    private SyncRun runByForm(Browser admin, String type, Map<String, String> fields) throws Exception {
        long previous = sync.runs(type, 1).stream().mapToLong(SyncRun::id).max().orElse(0);
        HttpResponse<String> started = admin.post("/admin/syncs/" + type + "/runs", fields);
        assertEquals(started.body(), 303, started.statusCode());
        assertTrue(started.headers().firstValue("Location").orElse("").contains("/admin/syncs?notice="));
        SyncRun run = sync.runs(type, 1).get(0);
        assertTrue("a new run", run.id() > previous);
        await("run " + run.id() + " to end", WAIT, () -> !sync.run(run.id()).orElseThrow().running());
        return sync.run(run.id()).orElseThrow();
    }

    /**
     * Invites someone from the console ({@code portico:user-invite --link-only} with these arguments) and accepts the
     * link with a password: the browser is signed in as them.
     */
    private Browser signedIn(String inviteArguments) throws Exception {
        // The identity bundle's commands appear a moment after its services.
        await("the portico:user-invite command", WAIT,
                () -> sessionFactory.getRegistry().getCommand("portico", "user-invite") != null);
        String output = console("portico:user-invite --link-only " + inviteArguments);
        Matcher link = Pattern.compile("/invitations/accept\\?token=([A-Za-z0-9_-]{43})").matcher(output);
        assertTrue(output, link.find());
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(link.group());
        HttpResponse<String> accepted = browser.post("/invitations/accept", Map.of("token", link.group(1), "name",
                "Sync Admin", "password", PASSWORD, "csrf", csrf(page)));
        assertEquals(accepted.body(), 303, accepted.statusCode());
        return browser;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(page.body(), m.find());
        return m.group(1);
    }

    /** A browser with its own cookies that does not follow redirects; its forms post the page's CSRF token. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
                .build();
        private String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort()
                    + path)).header("Accept", "text/html,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(page.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return page;
        }

        /** Posts a form with the CSRF token of the last page it got, as the page's own forms do. */
        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> form = new HashMap<>(fields);
            form.putIfAbsent("csrf", csrf);
            return postWithoutCsrf(path, form);
        }

        HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        return System.getProperty(SandboxProcess.URL);
    }

    private int sandboxCount(String what) throws Exception {
        String body = sandbox("GET", "/sandbox", null).body();
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
}
