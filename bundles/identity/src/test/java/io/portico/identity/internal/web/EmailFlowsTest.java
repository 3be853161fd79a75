package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.policy.PolicyRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password reset, registration and invitations, following the links in the emails GreenMail receives. */
class EmailFlowsTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme",
                List.of("acme.example", "gmail.com"), null, "USD", null, Map.of())).id();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static String path(String link) {
        return link.substring(portal.baseUrl.length());
    }

    @Test
    void passwordResetByEmailedLinkWorksOnce() throws Exception {
        portal.user("ann@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> asked = browser.submit("/forgot-password", "/forgot-password",
                Map.of("email", "ann@acme.example"));
        assertEquals("/sign-in?notice=check-email", Browser.location(asked));
        browser.submit("/forgot-password", "/forgot-password", Map.of("email", "nobody@acme.example"));
        assertEquals(0, portal.mailsTo("nobody@acme.example").size(), "no account, no email, same answer");

        String link = path(portal.latestLink("ann@acme.example"));
        assertTrue(link.startsWith("/reset-password?token="), link);
        HttpResponse<String> weak = browser.submit(link, "/reset-password",
                Map.of("token", token(link), "password", "short"));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("at least 12 characters"));

        HttpResponse<String> done = browser.submit(link, "/reset-password",
                Map.of("token", token(link), "password", "a brand new passphrase"));
        assertEquals("/sign-in?notice=password-reset", Browser.location(done));

        HttpResponse<String> again = browser.get(link);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("already been used"));
        assertEquals(303, signIn(browser, "ann@acme.example", "a brand new passphrase").statusCode());
        assertEquals(401, signIn(new Browser(portal.baseUrl), "ann@acme.example", PASSWORD).statusCode());
    }

    @Test
    void brokenAndExpiredLinksSaySo() throws Exception {
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> unknown = browser.get("/reset-password?token=" + "A".repeat(43));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("This link is not valid"));
        assertEquals(404, browser.get("/reset-password?token=short").statusCode());

        portal.user("exp@acme.example", PASSWORD, acme, Role.MEMBER);
        portal.resets.request("exp@acme.example", Client.none());
        String link = path(portal.latestLink("exp@acme.example"));
        portal.execute("UPDATE one_time_token SET expires_at = now() - interval '1 minute' "
                + "WHERE email = 'exp@acme.example'");
        HttpResponse<String> expired = browser.get(link);
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("expired"));
    }

    @Test
    void registrationByWorkEmailJoinsTheDomainsOrganization() throws Exception {
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> asked = browser.submit("/register", "/register", Map.of("email", "Reg@Acme.example"));
        assertEquals("/sign-in?notice=check-email", Browser.location(asked));
        String link = path(portal.latestLink("reg@acme.example"));
        assertTrue(link.startsWith("/verify-email?token="), link);

        HttpResponse<String> form = browser.get(link);
        assertTrue(form.body().contains("Finish registering"), form.body());
        HttpResponse<String> done = browser.submit(link, "/verify-email",
                Map.of("token", token(link), "name", "Reg Istered", "password", PASSWORD));
        assertEquals("/", Browser.location(done));
        String me = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"name\":\"Acme\"") && me.contains("\"role\":\"member\""), me);
        assertEquals(410, browser.get(link).statusCode(), "the link works once");
    }

    @Test
    void publicAndUnknownDomainsNeverMatchAndTheEmailSaysWhy() throws Exception {
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/register", "/register", Map.of("email", "someone@gmail.com"));
        browser.submit("/register", "/register", Map.of("email", "x@unknown.example"));
        assertTrue(portal.mailsTo("someone@gmail.com").get(0).getSubject().contains("could not find"));
        assertTrue(portal.mailsTo("x@unknown.example").get(0).getSubject().contains("could not find"));
        HttpResponse<String> malformed = browser.submit("/register", "/register", Map.of("email", "not-an-email"));
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("Enter a valid email address."));
    }

    @Test
    void registrationCanWaitForApproval() throws Exception {
        long globex = portal.organizations.upsertCustomer(new CustomerOrganization("C2", "Globex",
                List.of("globex.example"), null, "USD", null, Map.of())).id();
        portal.store.write(s -> {
            portal.policies.save(s, new PolicyRecord(globex, false, "approval"));
            return null;
        });
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/register", "/register", Map.of("email", "wait@globex.example"));
        String link = path(portal.latestLink("wait@globex.example"));
        HttpResponse<String> done = browser.submit(link, "/verify-email",
                Map.of("token", token(link), "name", "Wai Ting", "password", PASSWORD));
        assertEquals("/sign-in?notice=pending-approval", Browser.location(done));
        HttpResponse<String> refused = signIn(browser, "wait@globex.example", PASSWORD);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("waiting for an administrator"), refused.body());
    }

    @Test
    void invitationCreatesTheAccountAndCanBeRevokedOrResent() throws Exception {
        long adminId = portal.user("boss@acme.example", PASSWORD, acme, Role.ADMIN);
        PortalUser boss = new PortalUser(adminId, "boss@acme.example", "Boss", portal.operatorId(), acme, "Acme",
                OrganizationKind.CUSTOMER, Role.ADMIN, Map.of(), AuthMethod.PASSWORD);

        var first = portal.invitations.invite(boss, acme, "new@acme.example", Role.VIEWER, Client.none());
        String firstLink = path(portal.latestLink("new@acme.example"));
        assertTrue(portal.mailsTo("new@acme.example").get(0).getSubject().contains("Acme"));
        var second = portal.invitations.resend(boss, first.id(), Client.none());
        String secondLink = path(portal.latestLink("new@acme.example"));
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> replaced = browser.get(firstLink);
        assertEquals(410, replaced.statusCode());
        assertTrue(replaced.body().contains("withdrawn or replaced"));

        HttpResponse<String> page = browser.get(secondLink);
        assertTrue(page.body().contains("as viewer"), page.body());
        HttpResponse<String> accepted = browser.submit(secondLink, "/invitations/accept",
                Map.of("token", token(secondLink), "name", "New Person", "password", PASSWORD));
        assertEquals("/", Browser.location(accepted));
        assertTrue(browser.json("GET", "/api/me", null, Map.of()).body().contains("\"role\":\"viewer\""));

        portal.invitations.invite(boss, acme, "revoked@acme.example", Role.MEMBER, Client.none());
        String revokedLink = path(portal.latestLink("revoked@acme.example"));
        long revokedId = portal.invitations.list(boss, acme).stream()
                .filter(i -> i.email().equals("revoked@acme.example")).findFirst().orElseThrow().id();
        portal.invitations.revoke(boss, revokedId, Client.none());
        assertEquals(410, new Browser(portal.baseUrl).get(revokedLink).statusCode());
        assertTrue(second.expiresAt().isAfter(Instant.now().plus(Duration.ofDays(6))), "valid for a week");
    }

    @Test
    void anInvitationLinksAnExistingAccount() throws Exception {
        long globex = portal.organizations.upsertCustomer(new CustomerOrganization("C3", "Initech",
                List.of(), null, "USD", null, Map.of())).id();
        portal.user("both@acme.example", PASSWORD, acme, Role.MEMBER);
        portal.invitations.inviteFromConsole("admin", globex, "both@acme.example", Role.ADMIN, true);
        String link = path(portal.latestLink("both@acme.example"));
        Browser browser = new Browser(portal.baseUrl);
        assertTrue(browser.get(link).body().contains("You already have an account"));
        assertEquals("/sign-in?notice=invitation-accepted",
                Browser.location(browser.submit(link, "/invitations/accept", Map.of("token", token(link)))));
        assertEquals("/choose-organization", Browser.location(signIn(browser, "both@acme.example", PASSWORD)));
    }

    @Test
    void theConsoleCanHandOverALinkInsteadOfMailingIt() throws Exception {
        var result = portal.invitations.inviteFromConsole("admin", portal.operatorId(), "first@operator.example",
                Role.OWNER, false);
        assertEquals(0, portal.mailsTo("first@operator.example").size());
        String link = path(result.link());
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> accepted = browser.submit(link, "/invitations/accept",
                Map.of("token", token(link), "name", "First Owner", "password", PASSWORD));
        assertEquals("/", Browser.location(accepted));
        assertTrue(browser.json("GET", "/api/me", null, Map.of()).body().contains("\"role\":\"owner\""));
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) throws Exception {
        return browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", password));
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
