package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "View as customer": who may start it, what the session becomes, what it may not do, how it ends and is audited. */
class ViewAsTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;
    private static long globex;
    private static long archived;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = customer("V1", "Acme");
        globex = customer("V2", "Globex");
        archived = customer("V3", "Initech");
        portal.organizations.archiveCustomer("V3");
        portal.user("admin@acme.example", PASSWORD, acme, Role.ADMIN);
        portal.user("staff@operator.example", PASSWORD, portal.operatorId(), Role.ADMIN);
        portal.user("owner@operator.example", PASSWORD, portal.operatorId(), Role.OWNER);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static long customer(String netsuiteId, String name) {
        return portal.organizations.upsertCustomer(new CustomerOrganization(netsuiteId, name, List.of(), null, "USD",
                null, Map.of())).id();
    }

    private static Browser signedIn(String email) throws Exception {
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", PASSWORD));
        return browser;
    }

    private static HttpResponse<String> startViewing(Browser browser, long organization) throws Exception {
        return browser.submit("/admin/organizations", "/admin/organizations/" + organization + "/view-as", Map.of());
    }

    private static List<AuditEntry> audit(String action) {
        return portal.audit.list(null, null, 500).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void staffViewACustomerAsItsAdminReadOnlyUntilTheyStop() throws Exception {
        Browser staff = signedIn("staff@operator.example");
        HttpResponse<String> organizations = staff.get("/admin/organizations");
        assertTrue(organizations.body().contains("action=\"/admin/organizations/" + acme + "/view-as\""));
        assertFalse(organizations.body().contains("/admin/organizations/" + archived + "/view-as"),
                "an archived organization has no portal to view");
        int startedBefore = audit("view_as.started").size();

        HttpResponse<String> started = startViewing(staff, acme);
        assertEquals("/dashboard", Browser.location(started));
        String me = staff.get("/api/me").body();
        assertTrue(me.contains("\"id\":" + acme + ",\"name\":\"Acme\",\"kind\":\"customer\",\"role\":\"admin\""), me);
        assertTrue(me.contains("\"viewingAs\":true") && me.contains("\"email\":\"staff@operator.example\""), me);
        assertTrue(staff.get("/members").body().contains("admin@acme.example"), "the customer's own people page");
        assertEquals(403, staff.get("/members?organization=" + globex).statusCode(), "as the customer's admin would");
        assertEquals(403, staff.get("/admin/organizations").statusCode(), "no operator pages while viewing");
        assertTrue(staff.get("/api/view-as").body().startsWith("{\"viewing\":true,\"organizationId\":" + acme
                + ",\"organizationName\":\"Acme\",\"until\":\""));

        String csrf = Browser.csrf(staff.get("/members").body()).orElseThrow();
        HttpResponse<String> invite = staff.post("/members/invite", Map.of("csrf", csrf,
                "organization", String.valueOf(acme), "email", "new@acme.example", "role", "viewer"));
        assertEquals(403, invite.statusCode());
        assertTrue(invite.body().contains("You are viewing as Acme, read-only"), invite.body());
        assertEquals(0, portal.mailsTo("new@acme.example").size());
        HttpResponse<String> api = staff.change("PUT", "/api/organizations/" + acme + "/policy",
                "{\"mfaRequired\":true}", csrf);
        assertEquals(403, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(api.body().contains("You are viewing as Acme, read-only"), api.body());
        assertEquals(403, staff.post("/admin/organizations/" + globex + "/view-as", Map.of("csrf", csrf))
                .statusCode(), "no second view from inside the first");
        assertEquals(403, staff.post("/admin/view-as/stop", Map.of()).statusCode(), "stopping needs the CSRF token");

        HttpResponse<String> stopped = staff.post("/admin/view-as/stop", Map.of("csrf", csrf));
        assertEquals("/admin/organizations", Browser.location(stopped));
        me = staff.get("/api/me").body();
        assertTrue(me.contains("\"kind\":\"operator\"") && me.contains("\"viewingAs\":false"), me);
        assertEquals("{\"viewing\":false}", staff.get("/api/view-as").body());
        assertEquals(200, staff.get("/admin/organizations").statusCode());

        List<AuditEntry> startedEntries = audit("view_as.started");
        assertEquals(startedBefore + 1, startedEntries.size());
        AuditEntry entry = startedEntries.get(0);
        assertEquals("staff@operator.example", entry.actor());
        assertEquals(acme, entry.organizationId());
        assertEquals("admin", entry.detail().get("role"));
        AuditEntry stop = audit("view_as.stopped").get(0);
        assertEquals(acme, stop.organizationId());
        assertEquals("stopped", stop.detail().get("reason"));
    }

    @Test
    void theApiStartsAndStopsAViewOfTheSessionToo() throws Exception {
        Browser owner = new Browser(portal.baseUrl);
        String csrf = owner.signInJson("owner@operator.example", PASSWORD);
        HttpResponse<String> started = owner.change("POST", "/api/view-as", "{\"organizationId\":" + globex + "}",
                csrf);
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"organizationName\":\"Globex\",\"until\":\""), started.body());
        assertTrue(owner.get("/api/me").body().contains("\"name\":\"Globex\",\"kind\":\"customer\""));
        assertEquals(403, owner.change("POST", "/api/view-as", "{\"organizationId\":" + acme + "}", csrf)
                .statusCode());
        assertEquals(204, owner.change("DELETE", "/api/view-as", null, csrf).statusCode());
        assertTrue(owner.get("/api/me").body().contains("\"kind\":\"operator\""));
        assertEquals(400, owner.change("POST", "/api/view-as", "{}", csrf).statusCode());

        String token = Browser.field(owner.change("POST", "/api/api-tokens", "{\"name\":\"support robot\"}", csrf)
                .body(), "token");
        HttpResponse<String> robot = new Browser(portal.baseUrl).json("POST", "/api/view-as",
                "{\"organizationId\":" + globex + "}", Map.of("Authorization", "Bearer " + token));
        assertEquals(403, robot.statusCode());
        assertTrue(robot.body().contains("an API token cannot start it"), robot.body());
    }

    @Test
    void onlyTheOperatorsStaffStartAViewAndOnlyOfTheirCustomers() throws Exception {
        Browser customer = signedIn("admin@acme.example");
        String csrf = Browser.csrf(customer.get("/members").body()).orElseThrow();
        assertEquals(403, customer.post("/admin/organizations/" + acme + "/view-as", Map.of("csrf", csrf))
                .statusCode());
        assertEquals(403, customer.change("POST", "/api/view-as", "{\"organizationId\":" + globex + "}", csrf)
                .statusCode());
        assertTrue(customer.get("/api/me").body().contains("\"viewingAs\":false"));

        Browser staff = signedIn("staff@operator.example");
        assertEquals(404, startViewing(staff, portal.operatorId()).statusCode(), "the operator is no customer");
        assertEquals(404, startViewing(staff, 987654321L).statusCode());
        assertEquals(409, startViewing(staff, archived).statusCode());
        assertTrue(staff.get("/api/me").body().contains("\"kind\":\"operator\""));
    }

    @Test
    void anotherTenantsOrganizationIsNotThereEvenWhenTheSessionRowNamesIt() throws Exception {
        portal.execute("INSERT INTO organization (tenant_id, kind, name) VALUES (NULL, 'operator', 'Other Operator')");
        portal.execute("INSERT INTO organization (tenant_id, kind, name, netsuite_id) SELECT id, 'customer', "
                + "'Other Customer', 'X1' FROM organization WHERE name = 'Other Operator'");
        long other = portal.count("SELECT id FROM organization WHERE name = 'Other Customer'");
        Browser staff = signedIn("staff@operator.example");
        HttpResponse<String> refused = startViewing(staff, other);
        assertEquals(404, refused.statusCode());
        assertTrue(refused.body().contains("There is no such customer organization."), refused.body());

        portal.execute("UPDATE http_session SET viewing_organization_id = " + other + ", viewing_until = now() "
                + "+ interval '1 hour' WHERE user_id = (SELECT id FROM app_user WHERE email = 'staff@operator.example')");
        String me = staff.get("/api/me").body();
        assertTrue(me.contains("\"kind\":\"operator\"") && !me.contains("Other Customer"), me);
    }

    @Test
    void malformedStartsAreRefusedAsTheCallersMistake() throws Exception {
        Browser staff = new Browser(portal.baseUrl);
        String csrf = staff.signInJson("staff@operator.example", PASSWORD);
        for (String body : List.of("{\"organizationId\":\"x\"}", "{\"organizationId\":1e400}", "[]", "null",
                "{\"organizationId\":-1}", "{\"organizationId\":99999999999999999999}")) {
            int status = staff.change("POST", "/api/view-as", body, csrf).statusCode();
            assertTrue(status >= 400 && status < 500, body + ": " + status);
        }
        assertTrue(staff.get("/api/me").body().contains("\"viewingAs\":false"));
    }

    @Test
    void aViewEndsWithItsTimeLimitAndWithSignOut() throws Exception {
        Browser staff = signedIn("staff@operator.example");
        assertEquals(303, startViewing(staff, acme).statusCode());
        portal.execute("UPDATE http_session SET viewing_until = now() - interval '1 second' "
                + "WHERE viewing_organization_id = " + acme);
        assertTrue(staff.get("/api/me").body().contains("\"kind\":\"operator\""), "expired: the staff's own again");

        assertEquals(303, startViewing(staff, globex).statusCode());
        int stoppedBefore = audit("view_as.stopped").size();
        String csrf = Browser.csrf(staff.get("/members").body()).orElseThrow();
        assertEquals(303, staff.post("/sign-out", Map.of("csrf", csrf)).statusCode());
        List<AuditEntry> stopped = audit("view_as.stopped");
        assertEquals(stoppedBefore + 1, stopped.size());
        assertEquals(globex, stopped.get(0).organizationId());
        assertEquals("sign-out", stopped.get(0).detail().get("reason"));

        Browser again = signedIn("staff@operator.example");
        assertEquals(303, startViewing(again, acme).statusCode());
        csrf = Browser.csrf(again.get("/members").body()).orElseThrow();
        assertEquals(303, again.post("/account/sign-out-everywhere", Map.of("csrf", csrf)).statusCode());
        AuditEntry everywhere = audit("view_as.stopped").get(0);
        assertEquals(acme, everywhere.organizationId());
        assertEquals("sign-out everywhere", everywhere.detail().get("reason"));
    }
}
