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

/**
 * "View as customer" in the real distribution: the operator's admin opens a customer's portal from the organizations
 * page and sees exactly that customer's records under a read-only banner, cannot change anything, stops, and finds
 * both in the audit log; a customer cannot start it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ViewAsIT extends PorticoTestSupport {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Inject
    private Organizations organizations;

    @Inject
    private Database database;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void staffViewACustomersPortalReadOnlyAndItIsAudited() throws Exception {
        await("/health to answer 200", Duration.ofSeconds(30), () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String acmeName = "Acme " + run;
        long acme = organizations.upsertCustomer(new CustomerOrganization("VA-" + run, acmeName,
                List.of("acme-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        long globex = organizations.upsertCustomer(new CustomerOrganization("VB-" + run, "Globex " + run,
                List.of("globex-" + run + ".example"), "CT", "USD", null, Map.of())).id();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        LocalDate today = LocalDate.now();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, base + 1, "VA-INV-1", today.minusDays(40), today.minusDays(10), "100.00", "60.00",
                    "{}"));
            s.execute(invoice(acme, base + 2, "VA-INV-2", today.minusDays(5), today.plusDays(25), "250.50", "250.50",
                    "{}"));
            s.execute(invoice(globex, base + 3, "VB-SECRET-INV", today.minusDays(3), today.plusDays(27), "999.00",
                    "999.00", "{}"));
        }
        String start = "/admin/organizations/" + acme + "/view-as";
        String openApi = get("/api/openapi.json").body();
        assertTrue("InputSweepIT finds the new endpoints", openApi.contains("\"/admin/organizations/{organization}"
                + "/view-as\"") && openApi.contains("\"/admin/view-as/stop\"") && openApi.contains("\"/api/view-as\""));

        WebClient customer = join("admin@acme-" + run + ".example", String.valueOf(acme), "admin");
        assertEquals(403, customer.form(start, Map.of("csrf", customer.csrf)).statusCode());
        HttpResponse<String> customerApi = customer.send("POST", "/api/view-as", "{\"organizationId\":" + globex
                + "}");
        assertEquals(customerApi.body(), 403, customerApi.statusCode());
        assertTrue(customer.send("GET", "/api/me", null).body().contains("\"viewingAs\":false"));

        WebClient staff = join("staff-" + run + "@operator.example", null, "admin");
        String orgs = staff.send("GET", "/admin/organizations?q=" + run, null, null, HTML).body();
        assertTrue(orgs, orgs.contains("action=\"" + start + "\""));
        HttpResponse<String> started = staff.form(start, Map.of("csrf", staff.csrf));
        assertEquals(started.body(), 303, started.statusCode());
        assertEquals("/dashboard", started.headers().firstValue("Location").orElse("")
                .replaceFirst("^https?://[^/]+", ""));

        String banner = "Viewing <strong>" + acmeName + "</strong> as its customers see it — read-only";
        String dashboard = staff.send("GET", "/dashboard", null, null, HTML).body();
        assertTrue(dashboard, dashboard.contains(banner) && dashboard.contains("action=\"/admin/view-as/stop\""));
        assertTrue(dashboard, dashboard.contains("$310.50")); // Acme's open balance: 60.00 + 250.50
        assertTrue(dashboard, dashboard.contains("href=\"/records/invoice\""));
        assertFalse("the customer's sidebar, not the operator's", dashboard.contains("href=\"/admin/syncs\""));
        String list = staff.send("GET", "/records/invoice", null, null, HTML).body();
        assertTrue(list, list.contains(banner) && list.contains("VA-INV-1") && list.contains("VA-INV-2"));
        assertFalse(list, list.contains("VB-SECRET-INV"));
        assertEquals(404, staff.send("GET", "/records/invoice/" + (base + 3), null, null, HTML).statusCode());
        assertEquals(404, staff.send("GET", "/api/records/invoice/" + (base + 3), null).statusCode());
        assertTrue(staff.send("GET", "/api/records/invoice", null).body().contains("\"totalCount\":2"));
        String csv = staff.send("GET", "/records/invoice/csv", null, null, "text/csv").body();
        assertEquals(csv, 3, csv.lines().count());
        assertFalse(csv, csv.contains("VB-SECRET-INV"));

        HttpResponse<String> accountChange = staff.form("/account/mfa", Map.of("csrf", staff.csrf));
        assertEquals(accountChange.body(), 403, accountChange.statusCode());
        assertTrue(accountChange.body(), accountChange.body().contains("You are viewing as " + acmeName
                + ", read-only") && accountChange.body().contains(banner));
        HttpResponse<String> apiChange = staff.send("POST", "/api/me/mfa", "{}");
        assertEquals(apiChange.body(), 403, apiChange.statusCode());
        assertTrue(apiChange.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(apiChange.body(), apiChange.body().contains("You are viewing as " + acmeName + ", read-only"));

        HttpResponse<String> stopped = staff.form("/admin/view-as/stop", Map.of("csrf", staff.csrf));
        assertEquals(stopped.body(), 303, stopped.statusCode());
        assertEquals("/admin/organizations", stopped.headers().firstValue("Location").orElse("")
                .replaceFirst("^https?://[^/]+", ""));
        String own = staff.send("GET", "/records/invoice?q=VB-SECRET-INV", null, null, HTML).body();
        assertTrue("the whole tenant again", own.contains("VB-SECRET-INV"));
        assertFalse(own.contains("view-as-banner"));

        String audit = staff.send("GET", "/api/audit?organizationId=" + acme, null).body();
        assertTrue(audit, audit.contains("\"action\":\"view_as.started\""));
        assertTrue(audit, audit.contains("\"action\":\"view_as.stopped\""));
        assertTrue(audit, audit.contains("\"actor\":\"staff-" + run + "@operator.example\""));
        String auditPage = staff.send("GET", "/admin/audit", null, null, HTML).body();
        assertTrue(auditPage.contains("view_as.started") && auditPage.contains("view_as.stopped"));
    }
}
