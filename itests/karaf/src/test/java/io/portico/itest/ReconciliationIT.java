package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Reconciliation in the real distribution: the operator's admin sees every payment's write-back on
 * /admin/reconciliation (linked from the navigation) and in /api/pay/reconciliation, retries a stopped one and marks
 * one resolved (CSRF required, audited), and is warned on the dashboard when one waited too long; bad input is a 400,
 * and a customer finds none of it (404), nor the warning.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReconciliationIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Organizations organizations;
    private Database database;

    @Configuration
    public Option[] config() {
        // A database of its own: its stuck write-backs must not warn other test classes' dashboards.
        return distribution(databasePassword(), privateDatabase("portico_test_reconcile"));
    }

    @Test
    public void anOperatorAdminReconcilesWriteBacksAndACustomerFindsNone() throws Exception {
        // Looked up rather than injected: on a busy machine migrating a fresh database outlasts injection's wait.
        await("the database and organizations", Duration.ofMinutes(5),
                () -> bundleContext.getServiceReference(Organizations.class) != null
                        && bundleContext.getServiceReference(Database.class) != null);
        organizations = bundleContext.getService(bundleContext.getServiceReference(Organizations.class));
        database = bundleContext.getService(bundleContext.getServiceReference(Database.class));
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("REC-" + run, "Acme " + run,
                List.of("acme-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient owner = join("rec-owner-" + run + "@operator.example", null, "owner");
        WebClient customer = join("admin@acme-" + run + ".example", String.valueOf(acme), "admin");
        String failed = "portico-pay-failed-" + run;
        String posted = "portico-pay-posted-" + run;
        writeback(acme, posted, "posted", "'4242'", null);
        writeback(acme, failed, "failed", "NULL", "'This invoice is already paid. (USER_ERROR, HTTP 400)'");

        String dashboard = page(owner, "/dashboard").body();
        assertTrue(dashboard, dashboard.contains("1 payment has waited more than 60 minutes to reach NetSuite."));
        assertTrue(dashboard, dashboard.contains("href=\"/admin/reconciliation\""));
        String customerDashboard = page(customer, "/dashboard").body();
        assertFalse(customerDashboard, customerDashboard.contains("reach NetSuite"));
        assertFalse(customerDashboard.contains("/admin/reconciliation"));

        HttpResponse<String> list = page(owner, "/admin/reconciliation");
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body().contains("This invoice is already paid. (USER_ERROR, HTTP 400)"));
        assertTrue(list.body().contains(failed));
        assertTrue(list.body(), list.body().contains("aria-current=\"page\""));
        assertTrue(list.body().contains("action=\"/admin/reconciliation/" + failed + "/retry\""));
        assertFalse("a posted row has no actions", list.body().contains("/admin/reconciliation/" + posted + "/retry"));
        String onlyFailed = page(owner, "/admin/reconciliation?state=failed&customer=" + acme).body();
        assertTrue(onlyFailed.contains(failed));
        assertFalse(onlyFailed.contains(posted));
        assertEquals(400, page(owner, "/admin/reconciliation?state=stuck").statusCode());
        assertEquals(400, page(owner, "/admin/reconciliation?from=2026-13-01").statusCode());

        HttpResponse<String> api = owner.send("GET", "/api/pay/reconciliation?state=posted", null);
        assertEquals(api.body(), 200, api.statusCode());
        assertTrue(api.body(), api.body().contains("\"externalId\":\"" + posted + "\""));
        assertTrue(api.body(), api.body().contains("\"netsuiteId\":\"4242\""));
        assertTrue(api.body(), api.body().contains("\"overdue\":1"));
        assertFalse(api.body().contains(failed));
        HttpResponse<String> badApi = owner.send("GET", "/api/pay/reconciliation?size=201", null);
        assertEquals(400, badApi.statusCode());
        assertTrue(badApi.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(owner.send("GET", "/api/openapi.json", null).body().contains("/api/pay/reconciliation"));

        String token = owner.csrf;
        owner.csrf = "";
        assertEquals("no CSRF token, no retry", 403, owner.form("/admin/reconciliation/" + failed + "/retry",
                Map.of("back", "")).statusCode());
        owner.csrf = token;
        assertEquals("failed", single("SELECT status FROM pay_writeback WHERE external_id = '" + failed + "'"));
        HttpResponse<String> retried = post(owner, "/admin/reconciliation/" + failed + "/retry",
                Map.of("back", "state=failed"));
        assertEquals(retried.body(), 303, retried.statusCode());
        assertEquals("/admin/reconciliation?notice=retried&state=failed",
                retried.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
        assertEquals("back in the queue (it waits there: no NetSuite account is set up here)", "pending",
                single("SELECT status FROM pay_writeback WHERE external_id = '" + failed + "'"));
        assertEquals("1", single("SELECT count(*) FROM audit_log WHERE action = 'pay.writeback_retried' AND detail"
                + "->>'externalId' = '" + failed + "'"));
        assertEquals("posted rows are not retried", 409,
                owner.send("POST", "/api/pay/reconciliation/" + posted + "/retry", null).statusCode());

        // NetSuite refused it again; the admin makes the payment in NetSuite by hand.
        sql("UPDATE pay_writeback SET status = 'failed', lease_owner = NULL, lease_until = NULL"
                + " WHERE external_id = '" + failed + "'");
        HttpResponse<String> noNote = owner.send("POST", "/api/pay/reconciliation/" + failed + "/resolve",
                "{\"note\":\"\"}");
        assertEquals(noNote.body(), 400, noNote.statusCode());
        assertTrue(noNote.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> resolved = owner.send("POST", "/api/pay/reconciliation/" + failed + "/resolve",
                "{\"note\":\"Customer payment 991 entered by hand\"}");
        assertEquals(resolved.body(), 200, resolved.statusCode());
        assertTrue(resolved.body(), resolved.body().contains("\"state\":\"resolved\""));
        assertTrue(resolved.body(), resolved.body().contains("\"resolvedBy\":\"rec-owner-" + run));
        assertEquals("1", single("SELECT count(*) FROM audit_log WHERE action = 'pay.writeback_resolved' AND detail"
                + "->>'note' = 'Customer payment 991 entered by hand'"));
        String after = page(owner, "/dashboard").body();
        assertFalse("nothing waits any more", after.contains("reach NetSuite"));
        assertTrue(page(owner, "/admin/reconciliation?state=resolved").body()
                .contains("Customer payment 991 entered by hand"));

        for (String path : List.of("/admin/reconciliation", "/api/pay/reconciliation")) {
            assertEquals(path, 404, customer.send("GET", path, null).statusCode());
        }
        assertEquals(404, post(customer, "/admin/reconciliation/" + posted + "/retry", Map.of()).statusCode());
        assertEquals(404, customer.send("POST", "/api/pay/reconciliation/" + failed + "/resolve",
                "{\"note\":\"x\"}").statusCode());
        assertEquals("unknown ids are the same 404", 404,
                owner.send("POST", "/api/pay/reconciliation/portico-pay-nothing/retry", null).statusCode());

        assertEquals(404, customer.send("POST", "/api/pay/reconciliation/pay-links", null).statusCode());
        assertEquals("no invoice field named yet", 409,
                owner.send("POST", "/api/pay/reconciliation/pay-links", null).statusCode());
        assertFalse(page(owner, "/admin/reconciliation").body().contains("/admin/reconciliation/pay-links"));
        await("the portico:pay-links-publish command", WAIT,
                () -> sessionFactory.getRegistry().getCommand("portico", "pay-links-publish") != null);
        try {
            console("portico:pay-links-publish --field custbody_portico_pay_link");
            throw new AssertionError("links need the write-back's settings first");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Choose the NetSuite account"));
        }
        sql("INSERT INTO pay_writeback_settings (tenant_id, account_id) SELECT id, '2' FROM organization"
                + " WHERE kind = 'operator'");
        String published = console("portico:pay-links-publish --field custbody_portico_pay_link");
        assertTrue(published, published.contains("Pay-now links go in the invoice field custbody_portico_pay_link."));
        assertTrue(published, published.contains("0 open invoices will get a pay-now link shortly."));
        assertTrue(page(owner, "/admin/reconciliation").body().contains("/admin/reconciliation/pay-links"));
        HttpResponse<String> button = post(owner, "/admin/reconciliation/pay-links", Map.of("back", ""));
        assertEquals(button.body(), 303, button.statusCode());

        await("the portico:pay-reconcile command", WAIT,
                () -> sessionFactory.getRegistry().getCommand("portico", "pay-reconcile") != null);
        String console = console("portico:pay-reconcile --state resolved");
        assertTrue(console, console.contains(failed));
        assertFalse(console, console.contains(posted));
        try {
            console("portico:pay-reconcile --resolve " + posted + " done by hand");
            throw new AssertionError("a posted write-back cannot be resolved");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is posted"));
        }
    }

    private static HttpResponse<String> page(WebClient client, String path) throws Exception {
        return client.send("GET", path, null, null, "text/html");
    }

    private static HttpResponse<String> post(WebClient client, String path, Map<String, String> fields)
            throws Exception {
        Map<String, String> withCsrf = new HashMap<>(fields);
        withCsrf.put("csrf", client.csrf);
        return client.form(path, withCsrf);
    }

    /** A succeeded payment of 250.00 USD and its write-back, written two hours ago. */
    private void writeback(long organization, String externalId, String status, String netsuiteId, String error)
            throws Exception {
        sql("WITH p AS (INSERT INTO pay_payment (public_id, tenant_id, organization_id, currency, invoices_amount,"
                + " total, status, processor, processor_account_id, created_at) SELECT gen_random_uuid(), tenant_id,"
                + " id, 'USD', 250, 250, 'succeeded', 'itest', 'acct', now() - interval '2 hours' FROM organization"
                + " WHERE id = " + organization + " RETURNING id, tenant_id)"
                + " INSERT INTO pay_writeback (payment_id, tenant_id, external_id, status, netsuite_id, attempts,"
                + " last_error, created_at, posted_at) SELECT id, tenant_id, '" + externalId + "', '" + status
                + "', " + netsuiteId + ", 1, " + (error == null ? "NULL" : error) + ", now() - interval '2 hours', "
                + ("posted".equals(status) ? "now()" : "NULL") + " FROM p");
    }

    private void sql(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
