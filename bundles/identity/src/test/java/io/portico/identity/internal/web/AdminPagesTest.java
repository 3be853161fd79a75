package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML pages for admins: an organization's people, the operator's organizations and audit log. */
class AdminPagesTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;
    private static long globex;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of(), null, "USD",
                null, Map.of())).id();
        globex = portal.organizations.upsertCustomer(new CustomerOrganization("C2", "Globex", List.of(), null,
                "USD", null, Map.of())).id();
        portal.user("admin@acme.example", PASSWORD, acme, Role.ADMIN);
        portal.user("staff@operator.example", PASSWORD, portal.operatorId(), Role.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static Browser signedIn(String email) throws Exception {
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", PASSWORD));
        return browser;
    }

    @Test
    void anAdminInvitesAndRevokesFromTheMembersPage() throws Exception {
        Browser admin = signedIn("admin@acme.example");
        HttpResponse<String> page = admin.get("/members");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("People of Acme") && page.body().contains("admin@acme.example"));
        assertFalse(page.body().contains("<option value=\"owner\""), "no owners in a customer organization");

        HttpResponse<String> invited = admin.submit("/members", "/members/invite", Map.of(
                "organization", String.valueOf(acme), "email", "new@acme.example", "role", "viewer"));
        assertEquals("/members?organization=" + acme + "&notice=invitation-sent", Browser.location(invited));
        assertEquals(1, portal.mailsTo("new@acme.example").size());
        HttpResponse<String> after = admin.get(Browser.location(invited));
        assertTrue(after.body().contains("The invitation is on its way.") && after.body().contains("new@acme.example"));

        Matcher revoke = Pattern.compile("/members/invitations/(\\d+)/revoke").matcher(after.body());
        assertTrue(revoke.find());
        HttpResponse<String> revoked = admin.post(revoke.group(), Map.of("organization", String.valueOf(acme),
                "csrf", Browser.csrf(after.body()).orElseThrow()));
        assertEquals(303, revoked.statusCode());
        assertFalse(admin.get("/members").body().contains("new@acme.example"));

        HttpResponse<String> bad = admin.submit("/members", "/members/invite", Map.of(
                "organization", String.valueOf(acme), "email", "nope", "role", "viewer"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Enter a valid email address."));
    }

    @Test
    void customersSeeNeitherOtherOrganizationsNorTheAdminPages() throws Exception {
        Browser admin = signedIn("admin@acme.example");
        assertEquals(403, admin.get("/members?organization=" + globex).statusCode());
        assertEquals(403, admin.get("/admin/organizations").statusCode());
        assertEquals(403, admin.get("/admin/audit").statusCode());
        HttpResponse<String> forged = admin.submit("/members", "/members/invite", Map.of(
                "organization", String.valueOf(globex), "email", "spy@acme.example", "role", "admin"));
        assertEquals(403, forged.statusCode());
        assertEquals(0, portal.mailsTo("spy@acme.example").size());
        assertEquals(303, new Browser(portal.baseUrl).get("/members").statusCode(), "anonymous: to sign-in");
    }

    @Test
    void theOperatorListsOrganizationsAndReadsTheAuditLog() throws Exception {
        Browser staff = signedIn("staff@operator.example");
        HttpResponse<String> list = staff.get("/admin/organizations?q=glob");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("href=\"/members?organization=" + globex + "\">Globex</a>"));
        assertFalse(list.body().contains(">Acme</a>"));
        assertEquals(200, staff.get("/members?organization=" + globex).statusCode());
        HttpResponse<String> audit = staff.get("/admin/audit");
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("sign_in") && audit.body().contains("staff@operator.example"));
    }
}
