package io.portico.sync.internal.web;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.Formats;
import io.portico.api.web.ProblemException;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.internal.engine.CorruptingClient;
import io.portico.sync.internal.engine.Schedule;
import io.portico.sync.internal.engine.SyncEngine;
import io.portico.sync.internal.engine.SyncTestSupport;
import io.portico.testing.TestPages;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The sync admin pages over real HTTP (Jetty and Jersey) on a real engine, database and NetSuite sandbox. Signing in
 * and checking CSRF tokens are the identity bundle's: here a filter puts the user and the session's CSRF token into
 * the request as the identity bundle does, and SyncIT checks the pages in the distribution with the real ones.
 */
class SyncPagesTest extends SyncTestSupport {

    private static final String OWNER = "operator-owner";
    private static final String OPERATOR_MEMBER = "operator-member";
    private static final String CUSTOMER_ADMIN = "customer-admin";
    private static final String CSRF = "csrf-of-the-session";
    private static final Pattern ROW = Pattern.compile("<tr data-record-type=\"([a-z0-9_-]+)\".*?</tr>",
            Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Server jetty;
    private String base;

    @AfterEach
    void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void onlyTheOperatorsAdministratorsGetIn() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        SyncEngine engine = engine("node-a");
        serve(engine);

        // The web bundle's mapper turns this 401 into the way to sign in first (SyncIT).
        assertEquals(401, get("/admin/syncs/invoice", null).statusCode());
        for (String who : List.of(CUSTOMER_ADMIN, OPERATOR_MEMBER)) {
            HttpResponse<String> refused = get("/admin/syncs", who);
            assertEquals(403, refused.statusCode(), who);
            assertTrue(refused.body().contains("Only the operator&#39;s administrators may do this."), refused.body());
            assertFalse(refused.body().contains("invoice"), "nothing of the syncs shows");
        }
        assertEquals(403, post("/admin/syncs/invoice/runs", CUSTOMER_ADMIN, Map.of("csrf", CSRF)).statusCode());
        assertTrue(engine.runs("invoice", 10).isEmpty(), "a refused form starts nothing");
        assertEquals(404, get("/admin/syncs/nosuchtype", OWNER).statusCode());
    }

    @Test
    void theListShowsEveryRecordTypeAndAStoppedPluginAsPausedWithANote() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        SyncEngine engine = engine("node-a");
        serve(engine);
        SyncRun customers = sync(engine, "customer", false);
        plugins.remove("customer");

        HttpResponse<String> page = get("/admin/syncs", OWNER);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        Map<String, String> rows = rows(page.body());
        assertEquals(List.of("customer", "invoice"), List.copyOf(rows.keySet()));
        String customer = rows.get("customer");
        assertTrue(customer.contains("<td>stopped</td>") && customer.contains("paused")
                && customer.contains("The record-type plugin is stopped"), customer);
        assertTrue(customer.contains("succeeded (full)") && customer.contains(String.format(Locale.ROOT, "%,d inserted",
                customers.inserted())), customer);
        assertFalse(customer.contains("Run now"), "a stopped plugin's sync cannot run");
        String invoice = rows.get("invoice");
        assertTrue(invoice.contains("<td>active</td>") && invoice.contains("not configured")
                && invoice.contains("never") && invoice.contains("Run now") && invoice.contains("Full resync")
                && invoice.contains("Pause schedule"), invoice);
        assertFalse(page.body().contains("syncs.js") || page.body().contains("refresh"),
                "nothing runs, so nothing refreshes");
    }

    @Test
    void recordTypesShowByTheirLabelsAndTimesOnTheReadersClock() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        SyncEngine engine = engine("node-a");
        serve(engine);
        SyncRun customers = sync(engine, "customer", false);
        String zone = "Asia/Kolkata"; // +05:30 all year: a half hour no UTC time has
        Formats reader = new Formats(List.of(Locale.UK), ZoneId.of(zone));

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/syncs")).GET()
                .header("X-Test-User", OWNER).header("X-Test-Zone", zone).header("Accept-Language", "en-GB");
        String list = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Map<String, String> rows = rows(list);
        assertTrue(rows.get("customer").contains(">Customers</a>") && rows.get("invoice").contains(">Invoices</a>"),
                list);
        assertTrue(rows.get("customer").contains(reader.dateTime(customers.finishedAt())), rows.get("customer"));
        assertTrue(list.contains("Times are on the clock of " + zone), list);

        String history = get("/admin/syncs/customer", OWNER).body();
        assertTrue(history.contains("<title>Sync: Customers") && history.contains(
                new Formats(List.of(), null).dateTime(customers.startedAt())), history);
        assertTrue(history.contains("Times are on the clock of UTC"), "no zone chosen: UTC");
    }

    @Test
    void runNowShowsTheLiveProgressAndStopEndsTheRun() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        CorruptingClient held = new CorruptingClient(client);
        CountDownLatch release = new CountDownLatch(1);
        held.corrupt(row -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return row;
        });
        SyncEngine engine = engine("node-a", SyncEngine.Options.defaults("node-a"), () -> held);
        serve(engine);

        HttpResponse<String> started = post("/admin/syncs/customer/runs", OWNER, Map.of("csrf", CSRF));
        assertEquals(303, started.statusCode(), started.body());
        assertEquals("/admin/syncs?notice=run-started", location(started));
        SyncRun run = engine.runs("customer", 1).get(0);
        assertTrue(run.running());
        assertEquals("manual", run.trigger());

        HttpResponse<String> list = get(location(started), OWNER);
        assertTrue(list.body().contains("The run has started."), list.body());
        String row = rows(list.body()).get("customer");
        assertTrue(row.contains("data-run-id=\"" + run.id() + "\"") && row.contains("<progress data-run-progress")
                && row.contains("data-run-field=\"phase\"") && row.contains(">Stop</button>"), row);
        assertFalse(row.contains("Run now"), "one run at a time");
        assertTrue(list.body().contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                && list.body().contains("<script src=\"/admin/syncs/syncs.js\" defer></script>"), list.body());
        HttpResponse<String> detail = get("/admin/syncs/customer", OWNER);
        assertTrue(detail.body().contains("data-sync-status=\"/api/admin/sync/customer\"")
                && detail.body().contains("<progress") && detail.body().contains("syncs.js"), detail.body());
        assertFalse(detail.body().contains("http-equiv"), "the form page never reloads over what is being typed");

        HttpResponse<String> again = post("/admin/syncs/customer/runs", OWNER, Map.of("csrf", CSRF, "back",
                "detail"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("class=\"error\"") && again.body().contains("already syncing"),
                again.body());

        HttpResponse<String> stopping = post("/admin/syncs/customer/stop", OWNER, Map.of("csrf", CSRF, "back",
                "detail"));
        assertEquals(303, stopping.statusCode(), stopping.body());
        assertEquals("/admin/syncs/customer?notice=stopping", location(stopping));
        release.countDown();
        assertEquals("stopped", engine.await(run.id(), RUN_TIMEOUT).status());
        HttpResponse<String> after = get("/admin/syncs", OWNER);
        assertFalse(after.body().contains("<progress") || after.body().contains("syncs.js"), after.body());
        assertEquals(409, post("/admin/syncs/customer/stop", OWNER, Map.of("csrf", CSRF)).statusCode());

        HttpResponse<String> resync = post("/admin/syncs/customer/runs", OWNER, Map.of("csrf", CSRF, "full",
                "true"));
        assertEquals("/admin/syncs?notice=resync-started", location(resync));
        SyncRun full = engine.runs("customer", 1).get(0);
        assertEquals("full", full.mode());
        assertEquals("succeeded", engine.await(full.id(), RUN_TIMEOUT).status());

        HttpResponse<String> script = get("/admin/syncs/syncs.js", OWNER);
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("data-run-id") && script.body().contains("currentRun"));
    }

    @Test
    void anInvalidSettingShowsItsErrorByItsFieldAndNothingIsSaved() throws Exception {
        start(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2));
        SyncEngine engine = engine("node-a");
        serve(engine);
        Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", CSRF, "enabled", "true", "schedule", "cron",
                "cron", "61 * * * *", "initialWindowDays", "30", "subsidiaryIds", "1, 2", "customCondition",
                "t.memo <> 'x'"));

        HttpResponse<String> badCron = post("/admin/syncs/invoice", OWNER, form);
        assertEquals(400, badCron.statusCode());
        assertTrue(fieldError(badCron, "schedule").contains("minute"), badCron.body());
        assertTrue(badCron.body().contains("Nothing was saved"));
        assertTrue(badCron.body().contains("value=\"61 * * * *\"") && badCron.body().contains("value=\"30\""),
                "the form keeps what was typed");
        assertEquals("unconfigured", engine.config("invoice").orElseThrow().state(), "nothing saved");

        form.put("cron", "0 2 * * 1-5");
        form.put("initialWindowDays", "soon");
        assertTrue(fieldError(post("/admin/syncs/invoice", OWNER, form), "initialWindowDays")
                .contains("whole number of days"));
        form.put("initialWindowDays", "0");
        assertTrue(fieldError(post("/admin/syncs/invoice", OWNER, form), "initialWindowDays").contains("1 to 36500"));
        form.put("initialWindowDays", "30");
        form.put("subsidiaryIds", "1, parent");
        assertTrue(fieldError(post("/admin/syncs/invoice", OWNER, form), "subsidiaryIds").contains("numbers"));
        form.put("subsidiaryIds", "1, 2");
        form.put("customCondition", "t.memo <> 'x'; DELETE");
        assertTrue(fieldError(post("/admin/syncs/invoice", OWNER, form), "customCondition")
                .contains("must not contain"));
        assertEquals("unconfigured", engine.config("invoice").orElseThrow().state(), "still nothing saved");

        form.put("customCondition", "t.memo <> 'x'");
        HttpResponse<String> saved = post("/admin/syncs/invoice", OWNER, form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/admin/syncs/invoice?notice=saved", location(saved));
        SyncSettings s = engine.config("invoice").orElseThrow().settings();
        assertEquals("0 2 * * 1-5", s.schedule());
        assertEquals(Integer.valueOf(30), s.initialWindowDays());
        assertEquals(List.of(1L, 2L), s.subsidiaryIds());
        assertEquals("t.memo <> 'x'", s.customCondition());
        assertTrue(s.enabled());
        assertFalse(s.paused(), "an unticked box is false");
        assertEquals(SyncSettings.defaults().pageSize(), s.pageSize(), "settings the form does not show stay");
        HttpResponse<String> page = get(location(saved), OWNER);
        assertTrue(page.body().contains("The configuration is saved.")
                && page.body().contains("<option value=\"cron\" selected>")
                && page.body().contains("value=\"0 2 * * 1-5\"")
                && page.body().contains("t.memo &lt;&gt; &#39;x&#39;</textarea>"), page.body());

        form.put("schedule", "daily");
        form.remove("enabled");
        assertEquals(303, post("/admin/syncs/invoice", OWNER, form).statusCode());
        s = engine.config("invoice").orElseThrow().settings();
        assertEquals("daily", s.schedule());
        assertFalse(s.enabled());
        assertEquals(303, post("/admin/syncs/invoice/enable", OWNER, Map.of("csrf", CSRF)).statusCode());
        assertEquals(303, post("/admin/syncs/invoice/pause", OWNER, Map.of("csrf", CSRF)).statusCode());
        s = engine.config("invoice").orElseThrow().settings();
        assertTrue(s.enabled() && s.paused());
        String row = rows(get("/admin/syncs", OWNER).body()).get("invoice");
        assertTrue(row.contains("Daily at 02:00 UTC") && row.contains("Resume schedule"), row);
        assertEquals(303, post("/admin/syncs/invoice/resume", OWNER, Map.of("csrf", CSRF)).statusCode());
        assertFalse(engine.config("invoice").orElseThrow().settings().paused());
    }

    @Test
    void theHistoryShowsEachErrorWithItsNetSuiteIdAndNetSuitesTextAsText() throws Exception {
        start(NetSuiteSandbox.builder().customers(5).invoicesPerCustomer(4));
        CorruptingClient corrupting = new CorruptingClient(client);
        SyncEngine engine = engine("node-a", SyncEngine.Options.defaults("node-a"), () -> corrupting);
        serve(engine);
        sync(engine, "customer", false);
        String bad = Long.toString(invoiceIds().get(3));
        String markup = "<b onmouseover=alert(1)>Z</b>";
        corrupting.corrupt(row -> {
            if (bad.equals(row.get("id")) && row.containsKey("tranid")) {
                row.put("status", markup);
            }
            return row;
        });
        SyncRun run = sync(engine, "invoice", false);
        assertEquals(1, run.failed());

        HttpResponse<String> page = get("/admin/syncs/invoice", OWNER);
        assertEquals(200, page.statusCode());
        String escaped = "&lt;b onmouseover=alert(1)&gt;Z&lt;/b&gt;";
        assertTrue(page.body().contains("<td>" + bad + "</td><td>mapping</td>") && page.body().contains(escaped),
                page.body());
        assertFalse(page.body().contains(markup), "NetSuite's text is never markup on the page");
        HttpResponse<String> runPage = get("/admin/syncs/invoice/runs/" + run.id(), OWNER);
        assertEquals(200, runPage.statusCode());
        assertTrue(runPage.body().contains("<td>" + bad + "</td>") && runPage.body().contains(escaped));
        assertFalse(runPage.body().contains(markup));
        assertEquals(404, get("/admin/syncs/customer/runs/" + run.id(), OWNER).statusCode(),
                "a run is shown under its own record type only");
        assertTrue(page.body().contains("Records failing now (1)")
                && page.body().contains("<td>" + bad + "</td><td>mapping</td><td>"), "the record still failing");
        assertTrue(get("/admin/syncs", OWNER).body()
                .contains("<a href=\"/admin/syncs/invoice#failing\">1 failing now</a>"), "the list links to it");

        corrupting.corrupt(row -> row);
        assertEquals(0, sync(engine, "invoice", false).failed(), "read again, unchanged, and stored");
        assertFalse(get("/admin/syncs/invoice", OWNER).body().contains("Records failing now"));
    }

    @Test
    void theHistoryPagesThroughTheRuns() throws Exception {
        start(NetSuiteSandbox.builder().customers(2).invoicesPerCustomer(1));
        SyncEngine engine = engine("node-a");
        serve(engine);
        for (int i = 0; i <= SyncPages.RUNS_PER_PAGE; i++) {
            sync(engine, "customer", false);
        }
        List<SyncRun> runs = engine.runs("customer", 100);
        String first = get("/admin/syncs/customer", OWNER).body();
        assertTrue(first.contains("/runs/" + runs.get(0).id() + "\"") && first.contains("?page=2\">Older runs"));
        assertFalse(first.contains("/runs/" + runs.get(SyncPages.RUNS_PER_PAGE).id() + "\""));
        String second = get("/admin/syncs/customer?page=2", OWNER).body();
        assertTrue(second.contains("/runs/" + runs.get(SyncPages.RUNS_PER_PAGE).id() + "\"")
                && second.contains("?page=1\">Newer runs") && !second.contains("Older runs"), second);
        for (String past : List.of("3", "51", String.valueOf(Integer.MAX_VALUE))) {
            HttpResponse<String> last = get("/admin/syncs/customer?page=" + past, OWNER);
            assertEquals(200, last.statusCode(), past);
            assertTrue(last.body().contains("/runs/" + runs.get(SyncPages.RUNS_PER_PAGE).id() + "\"")
                    && last.body().contains("?page=1\">Newer runs") && !last.body().contains("Older runs"),
                    "a page past the history shows its last one");
        }
        for (String before : List.of("0", "-1", String.valueOf(Integer.MIN_VALUE))) {
            HttpResponse<String> firstAgain = get("/admin/syncs/customer?page=" + before, OWNER);
            assertEquals(200, firstAgain.statusCode(), before);
            assertTrue(firstAgain.body().contains("/runs/" + runs.get(0).id() + "\"")
                    && firstAgain.body().contains("?page=2\">Older runs")
                    && !firstAgain.body().contains("Newer runs"), "a page before the first shows the first");
        }
    }

    @Test
    void theFormOffersEveryScheduleTheEngineKnows() {
        assertTrue(SyncForm.SCHEDULES.keySet().containsAll(Schedule.PRESETS.keySet()));
        assertTrue(SyncForm.SCHEDULES.containsKey(Schedule.MANUAL));
    }

    // ------------------------------------------------------------------ helpers

    private void serve(SyncEngine engine) throws Exception {
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ServletContainer(new ResourceConfig()
                .register(new SignedIn())
                .register(new ProblemStatus())
                .register(new SyncPages(new TestPages(), engine, name -> Optional.ofNullable(plugins.get(name))
                        .map(type -> type.descriptor().label()).orElse(name))))), "/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** A problem's status, as the web bundle's mapper (not served here) answers it. */
    public static final class ProblemStatus implements ExceptionMapper<ProblemException> {

        @Override
        public Response toResponse(ProblemException problem) {
            return Response.status(problem.status()).build();
        }
    }

    /** The request's user, named by a test header, as the identity bundle's authentication filter provides it. */
    @Priority(Priorities.AUTHENTICATION)
    public static final class SignedIn implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            String who = request.getHeaderString("X-Test-User");
            if (who == null) {
                return;
            }
            boolean operator = who.startsWith("operator-");
            Role role = switch (who) {
                case OWNER -> Role.OWNER;
                case CUSTOMER_ADMIN -> Role.ADMIN;
                default -> Role.MEMBER;
            };
            String zone = request.getHeaderString("X-Test-Zone");
            request.setProperty(PortalUser.REQUEST_PROPERTY, new PortalUser(1, who + "@example.test", who, 1,
                    operator ? 1 : 2, operator ? "Operator" : "Customer", operator ? OrganizationKind.OPERATOR
                    : OrganizationKind.CUSTOMER, role, Map.of(), AuthMethod.PASSWORD,
                    zone == null ? null : ZoneId.of(zone)));
            request.setProperty(PortalUser.CSRF_REQUEST_PROPERTY, CSRF);
        }
    }

    private HttpResponse<String> get(String path, String who) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (who != null) {
            request.header("X-Test-User", who);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String who, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (who != null) {
            request.header("X-Test-User", who);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The path and query a redirect goes to. */
    private static String location(HttpResponse<String> response) {
        URI target = URI.create(response.headers().firstValue("Location").orElseThrow());
        return target.getRawPath() + Optional.ofNullable(target.getRawQuery()).map(q -> "?" + q).orElse("");
    }

    /** The rows of the syncs table by record type, in order. */
    private static Map<String, String> rows(String html) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.put(m.group(1), m.group());
        }
        return rows;
    }

    /** The error shown next to a field of the configuration form; fails when there is none. */
    private static String fieldError(HttpResponse<String> page, String field) {
        assertEquals(400, page.statusCode(), page.body());
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\" role=\"alert\">([^<]*)</p>")
                .matcher(page.body());
        assertTrue(m.find(), () -> "no error by " + field + " in " + page.body());
        return m.group(1);
    }
}
