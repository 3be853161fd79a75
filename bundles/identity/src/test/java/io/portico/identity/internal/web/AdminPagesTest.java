package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.api.web.Formats;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.time.ZoneId;
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
        // 401, which the web bundle's mapper turns into the way to sign in (IdentityIT).
        assertEquals(401, new Browser(portal.baseUrl).get("/members").statusCode(), "anonymous");
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

    @Test
    void theAuditLogShowsTimesOnTheChosenClockAndRecordTypesByTheirLabels() throws Exception {
        portal.audit.record(Actor.user(1, "someone@acme.example"), "membership.access_changed", acme, "7",
                Map.of("userId", 7, "recordAccess", Map.of("creditmemo", "view")), Client.none());
        Browser staff = signedIn("staff@operator.example");
        HttpResponse<String> saved = staff.submit("/account", "/account/time-zone",
                Map.of("timeZone", "Asia/Kolkata"));
        assertEquals("/account?notice=time-zone-saved", Browser.location(saved));
        String account = staff.get("/account?notice=time-zone-saved").body();
        assertTrue(account.contains("<option selected>Asia/Kolkata</option>")
                && account.contains("Your time zone is saved"), account);

        String audit = staff.get("/admin/audit").body();
        assertTrue(audit.contains("record access: Credit memos view"), audit);
        assertTrue(audit.contains("Times are on the clock of Asia/Kolkata"), audit);
        AuditEntry latest = portal.audit.list(null, null, 1).get(0);
        assertTrue(audit.contains(new Formats(List.of(), ZoneId.of("Asia/Kolkata")).dateTime(latest.occurredAt())),
                audit);

        HttpResponse<String> guessed = staff.post("/account/time-zone", Map.of("timeZone", "Europe/Paris",
                "guess", "true", "csrf", Browser.csrf(account).orElseThrow()));
        assertEquals(204, guessed.statusCode());
        assertTrue(staff.get("/account").body().contains("<option selected>Asia/Kolkata</option>"),
                "a browser's guess never replaces a choice");
        HttpResponse<String> unknown = staff.submit("/account", "/account/time-zone",
                Map.of("timeZone", "Mars/Olympus_Mons"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("Choose a time zone from the list."), unknown.body());
    }

    @Test
    void aBrowsersZoneIsKeptWhileNoneIsChosen() throws Exception {
        portal.user("zoe@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser zoe = signedIn("zoe@acme.example");
        String account = zoe.get("/account").body();
        assertTrue(account.contains("show in UTC until you choose"), account);
        HttpResponse<String> guessed = zoe.post("/account/time-zone", Map.of("timeZone", "America/New_York",
                "guess", "true", "csrf", Browser.csrf(account).orElseThrow()));
        assertEquals(204, guessed.statusCode());
        String after = zoe.get("/account").body();
        assertTrue(after.contains("<option selected>America/New_York</option>"), after);
    }
}
