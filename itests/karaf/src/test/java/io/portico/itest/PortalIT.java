package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The customer portal in the real distribution: a customer signs in and sees their dashboard, lists and details,
 * downloads CSV and reads the JSON API; never another customer's records; a record-type plugin stopped at run time
 * takes its sidebar entry and pages with it, and brings them back when it starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private Organizations organizations;

    @Inject
    private Database database;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void aCustomerBrowsesTheirOwnRecordsOnly() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("PA-" + run, "Acme " + run,
                List.of("acme-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        long globex = organizations.upsertCustomer(new CustomerOrganization("PB-" + run, "Globex " + run,
                List.of("globex-" + run + ".example"), "CT", "USD", null, Map.of())).id();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        LocalDate today = LocalDate.now();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, base + 1, "A-INV-1", today.minusDays(40), today.minusDays(10), "100.00", "60.00",
                    "{\"memo\":\"<script>alert(1)</script>\"}"));
            s.execute(invoice(acme, base + 2, "A-INV-2", today.minusDays(5), today.plusDays(25), "250.50", "250.50",
                    "{}"));
            s.execute(invoice(globex, base + 3, "B-SECRET-INV", today.minusDays(3), today.plusDays(27), "999.00",
                    "999.00", "{}"));
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " item, description, quantity, rate, amount) SELECT id, 'items', 1, tenant_id, organization_id,"
                    + " 'WIDGET-9', 'Blue widget', 4, 10, 40 FROM ns_transaction WHERE netsuite_id = " + (base + 1));
        }
        WebClient customer = join("admin@acme-" + run + ".example", String.valueOf(acme), "admin");

        HttpResponse<String> home = customer.send("GET", "/", null, null, "text/html");
        assertEquals(303, home.statusCode());
        assertEquals("/dashboard", home.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
        String dashboard = customer.send("GET", "/dashboard", null, null, "text/html").body();
        assertTrue(dashboard, dashboard.contains("$310.50")); // open: 60.00 + 250.50
        assertTrue(dashboard, dashboard.contains("$60.00")); // overdue
        assertTrue(dashboard, dashboard.contains("href=\"/records/invoice\""));
        assertFalse(dashboard, dashboard.contains("B-SECRET-INV"));

        String list = customer.send("GET", "/records/invoice?sort=total&dir=desc", null, null, "text/html").body();
        assertTrue(list, list.indexOf("A-INV-2") < list.indexOf("A-INV-1") && list.contains("A-INV-1"));
        assertTrue(list, list.contains("Overdue · 10 days"));
        assertFalse(list, list.contains("B-SECRET-INV"));
        assertEquals(400, customer.send("GET", "/records/invoice?sort=password", null, null, "text/html")
                .statusCode());
        assertTrue(customer.send("GET", "/api/records/invoice?size=500", null).body().contains("'size'"));

        String detail = customer.send("GET", "/records/invoice/" + (base + 1), null, null, "text/html").body();
        assertTrue(detail, detail.contains("WIDGET-9") && detail.contains("Blue widget"));
        assertFalse("synced markup is shown as text", detail.contains("<script>alert(1)</script>"));
        assertEquals(404, customer.send("GET", "/records/invoice/" + (base + 3), null, null, "text/html")
                .statusCode());
        assertEquals(404, customer.send("GET", "/api/records/invoice/" + (base + 3), null).statusCode());
        assertEquals(404, customer.send("GET", "/records/customer", null, null, "text/html").statusCode());

        HttpResponse<String> csv = customer.send("GET", "/api/records/invoice?sort=number&dir=asc", null, null,
                "text/csv");
        assertEquals(csv.body(), 200, csv.statusCode());
        List<String> rows = csv.body().lines().toList();
        assertEquals(csv.body(), 3, rows.size());
        assertTrue(rows.get(1), rows.get(1).startsWith("A-INV-1,"));
        assertFalse(csv.body().contains("B-SECRET-INV"));
        assertEquals(400, customer.send("GET", "/api/records/invoice?sort=password", null, null, "text/csv")
                .statusCode());

        String api = customer.send("GET", "/api/records/invoice", null).body();
        assertTrue(api, api.contains("\"totalCount\":2"));
        assertTrue(customer.send("GET", "/api/sidebar", null).body().contains("/records/invoice"));

        HttpResponse<String> refusedPage = customer.send("GET", "/auth/sso/no-such-provider", null, null,
                "text/html,application/xhtml+xml,*/*;q=0.8");
        assertTrue(refusedPage.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(refusedPage.body(), refusedPage.body().contains("class=\"problem\""));
        HttpResponse<String> refusedApi = customer.send("GET", "/auth/sso/no-such-provider", null);
        assertTrue(refusedApi.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("no-store", customer.send("GET", "/api/me", null).headers().firstValue("Cache-Control")
                .orElse(""));

        Bundle invoices = bundle("io.portico.recordtype-invoice");
        invoices.stop();
        try {
            await("the invoice entry to leave the sidebar", WAIT, () -> !body(customer, "/api/sidebar")
                    .contains("/records/invoice"));
            await("the invoice pages to go", WAIT, () -> code(customer, "/records/invoice") == 404);
        } finally {
            invoices.start();
        }
        await("the invoice entry to come back", WAIT, () -> body(customer, "/api/sidebar").contains("/records/invoice"));
        await("the invoice pages to come back", WAIT, () -> code(customer, "/records/invoice") == 200);
    }

    /**
     * The list's in-place updates (htmx): a request of the page's own gets only the parts that change and the clean
     * URL to push; a history restore and every other request get the whole page; a session that ended makes htmx load
     * the sign-in page as a whole page.
     */
    @Test
    public void aListAnswersItsOwnInPlaceRequestsWithJustTheResults() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("PH-" + run, "Hx " + run,
                List.of("hx-" + run + ".example"), "CH", "USD", null, Map.of())).id();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        LocalDate today = LocalDate.now();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, base + 1, "HX-1", today.minusDays(4), today.plusDays(26), "10.00", "10.00", "{}"));
            s.execute(invoice(acme, base + 2, "HX-2", today.minusDays(2), today.plusDays(28), "20.00", "20.00", "{}"));
        }
        WebClient customer = join("admin@hx-" + run + ".example", String.valueOf(acme), "admin");
        String search = "/records/invoice?q=HX-2&status=&from=&to=&sort=number&dir=asc";

        HttpResponse<String> part = customer.page(search, Map.of("HX-Request", "true",
                "HX-Current-URL", "http://localhost/records/invoice"));
        assertEquals(part.body(), 200, part.statusCode());
        String fragment = part.body();
        assertFalse(fragment, fragment.contains("<html") || fragment.contains("<form"));
        assertTrue(fragment, fragment.contains("<div id=\"list-results\"") && fragment.contains("HX-2")
                && !fragment.contains("HX-1"));
        assertTrue(fragment, fragment.contains("<p id=\"list-range\" class=\"muted\" aria-live=\"polite\""
                + " hx-swap-oob=\"innerHTML\">1–1 of 1</p>"));
        assertTrue(fragment, fragment.contains("id=\"list-csv\"") && fragment.contains("/records/invoice/csv?q=HX-2")
                && fragment.contains("<input type=\"hidden\" name=\"sort\" value=\"number\">"));
        assertEquals("/records/invoice?q=HX-2&sort=number&dir=asc",
                part.headers().firstValue("HX-Push-Url").orElse(""));
        assertTrue(part.headers().allValues("Vary").toString(), part.headers().allValues("Vary").stream()
                .anyMatch(v -> v.contains("HX-Request")));
        assertTrue(part.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        HttpResponse<String> same = customer.page("/records/invoice?q=HX-2&sort=number&dir=asc", Map.of(
                "HX-Request", "true", "HX-Current-URL", "http://localhost/records/invoice?q=HX-2&sort=number&dir=asc"));
        assertEquals("the URL it is on is not pushed again", "false",
                same.headers().firstValue("HX-Push-Url").orElse(""));

        HttpResponse<String> restore = customer.page(search, Map.of("HX-History-Restore-Request", "true"));
        assertTrue(restore.body(), restore.body().startsWith("<!doctype html>") && restore.body().contains("<form"));
        String whole = customer.send("GET", search, null, null, "text/html").body();
        assertTrue(whole, whole.startsWith("<!doctype html>") && whole.contains("/static/htmx/htmx-2.0.11.min.js")
                && whole.contains("hx-get=\"/records/invoice\"") && !whole.contains("hx-swap-oob"));
        assertEquals(200, status("/static/htmx/htmx-2.0.11.min.js"));

        assertEquals(400, customer.page("/records/invoice?from=yesterday", Map.of("HX-Request", "true"))
                .statusCode());
        HttpResponse<String> signedOut = new WebClient("http://localhost:" + httpPort(), null)
                .page(search, Map.of("HX-Request", "true"));
        assertEquals(204, signedOut.statusCode());
        assertTrue(signedOut.headers().firstValue("HX-Redirect").orElse(""), signedOut.headers()
                .firstValue("HX-Redirect").orElse("").startsWith("/sign-in?next=%2Frecords%2Finvoice%3Fq%3DHX-2"));
    }

    private static String body(WebClient client, String path) {
        try {
            return client.send("GET", path, null).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static int code(WebClient client, String path) {
        try {
            return client.send("GET", path, null, null, "text/html").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
