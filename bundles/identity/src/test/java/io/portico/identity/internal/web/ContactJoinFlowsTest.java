package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoSignedIn;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.user.UserMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People whose email is a NetSuite contact's join the contact's customer organization the moment their email is
 * verified — by the emailed link, a password reset, an SSO provider, an invitation or a registration — over real
 * HTTP with the emails GreenMail receives, and never lose a membership an invitation gave. A member an administrator
 * removes is not made a member again by contact links until an administrator invites them.
 */
class ContactJoinFlowsTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;
    private static long globex;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = customer("C1", "Acme");
        globex = customer("C2", "Globex");
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    @Test
    void aUserWhoConfirmsTheirEmailIsAMemberAtOnce() throws Exception {
        long vera = userWithoutMembership("Vera@acme.example", false);
        portal.organizations.linkContact(new ContactLink("101", "C1", "vera@acme.example"));
        assertEquals(0, memberships(vera), "an unconfirmed address proves nothing");

        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> refused = signIn(browser, "Vera@acme.example");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Confirm your email address first"), refused.body());
        String link = path(portal.latestLink("vera@acme.example"));
        HttpResponse<String> confirmed = browser.submit(link, "/verify-email", Map.of("token", token(link)));
        assertEquals("/sign-in?notice=email-verified", Browser.location(confirmed));

        assertEquals("/", Browser.location(signIn(browser, "Vera@acme.example")));
        String me = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"name\":\"Acme\"") && me.contains("\"role\":\"member\""), me);
        assertEquals(1, portal.count("SELECT count(*) FROM audit_log WHERE actor = 'system:contact-sync' "
                + "AND action = 'membership.added' AND subject = 'Vera@acme.example' AND organization_id = " + acme));
    }

    @Test
    void aPasswordResetConfirmsTheEmailToo() throws Exception {
        long rita = userWithoutMembership("rita@acme.example", false);
        portal.organizations.linkContact(new ContactLink("102", "C1", "rita@acme.example"));
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/forgot-password", "/forgot-password", Map.of("email", "rita@acme.example"));
        String link = path(portal.latestLink("rita@acme.example"));
        HttpResponse<String> reset = browser.submit(link, "/reset-password",
                Map.of("token", token(link), "password", "a brand new passphrase"));
        assertEquals("/sign-in?notice=password-reset", Browser.location(reset));
        assertEquals(1, memberships(rita));
    }

    @Test
    void aContactRegistersWithAnAddressNoDomainMatches() throws Exception {
        portal.organizations.linkContact(new ContactLink("103", "C1", "Acme.Buyer@gmail.com"));
        Browser browser = new Browser(portal.baseUrl);
        browser.submit("/register", "/register", Map.of("email", "acme.buyer@gmail.com"));
        String link = path(portal.latestLink("acme.buyer@gmail.com"));
        assertTrue(link.startsWith("/verify-email?token="), "a registration link, not a refusal: " + link);

        HttpResponse<String> done = browser.submit(link, "/verify-email",
                Map.of("token", token(link), "name", "Acme Buyer", "password", PASSWORD));
        assertEquals("/", Browser.location(done));
        String me = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"name\":\"Acme\"") && me.contains("\"role\":\"member\""), me);
    }

    @Test
    void ssoSignInWithAVerifiedEmailJoinsTheContactsOrganization() throws Exception {
        portal.organizations.linkContact(new ContactLink("104", "C1", "sam@customer-mail.example"));
        String newcomer = me(portal.sso.signIn("test", person("sub-sam", "Sam@customer-mail.example", true), "/"));
        assertTrue(newcomer.contains("\"name\":\"Acme\"") && newcomer.contains("\"role\":\"member\""), newcomer);

        long una = userWithoutMembership("una@globex.example", false);
        portal.organizations.linkContact(new ContactLink("105", "C2", "una@globex.example"));
        assertEquals(0, memberships(una));
        String existing = me(portal.sso.signIn("test", person("sub-una", "una@globex.example", true), "/"));
        assertTrue(existing.contains("\"name\":\"Globex\"") && existing.contains("\"role\":\"member\""), existing);
    }

    @Test
    void aContactMovedToAnotherCustomerMovesItsMembershipForTheSignedInUser() throws Exception {
        portal.user("mo@acme.example", PASSWORD, portal.operatorId(), Role.ADMIN);
        portal.organizations.linkContact(new ContactLink("106", "C1", "mo@acme.example"));
        portal.organizations.linkContact(new ContactLink("106", "C2", "mo@acme.example"));
        Browser browser = new Browser(portal.baseUrl);
        browser.signInJson("mo@acme.example", PASSWORD);
        String organizations = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(organizations.contains("\"name\":\"Globex\"") && !organizations.contains("\"name\":\"Acme\""),
                organizations);

        portal.organizations.unlinkContact("106");
        assertEquals(1, portal.count("SELECT count(*) FROM membership m JOIN app_user u ON u.id = m.user_id "
                + "WHERE u.email = 'mo@acme.example'"), "only the operator membership is left");
    }

    @Test
    void membershipsThatInvitationsGaveAreNeverTakenBack() throws Exception {
        portal.invitations.inviteFromConsole("admin", acme, "ivan@acme.example", Role.MEMBER, true);
        String link = path(portal.latestLink("ivan@acme.example"));
        Browser browser = new Browser(portal.baseUrl);
        browser.submit(link, "/invitations/accept", Map.of("token", token(link), "name", "Ivan", "password",
                PASSWORD));
        portal.organizations.linkContact(new ContactLink("107", "C1", "ivan@acme.example"));
        portal.organizations.unlinkContact("107");
        assertEquals(List.of("member"), roles("ivan@acme.example"), "invited before the link");

        // Invited, a member by contact link meanwhile, then the invitation accepted: it makes the membership its own.
        portal.user("jo@elsewhere.example", PASSWORD, globex, Role.MEMBER);
        portal.invitations.inviteFromConsole("admin", acme, "jo@elsewhere.example", Role.MEMBER, true);
        String invitation = path(portal.latestLink("jo@elsewhere.example"));
        portal.organizations.linkContact(new ContactLink("108", "C1", "jo@elsewhere.example"));
        assertEquals(List.of("member", "member"), roles("jo@elsewhere.example"));
        HttpResponse<String> accepted = new Browser(portal.baseUrl).submit(invitation, "/invitations/accept",
                Map.of("token", token(invitation)));
        assertEquals("/sign-in?notice=invitation-accepted", Browser.location(accepted));
        portal.organizations.unlinkContact("108");
        assertEquals(List.of("member", "member"), roles("jo@elsewhere.example"));
    }

    @Test
    void aCustomerSyncedAfterItsContactLetsItsUserSignIn() throws Exception {
        userWithoutMembership("kim@initech.example", true);
        portal.organizations.linkContact(new ContactLink("109", "C3", "kim@initech.example"));
        HttpResponse<String> refused = signIn(new Browser(portal.baseUrl), "kim@initech.example");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("does not belong to any organization"), refused.body());

        customer("C3", "Initech");
        Browser browser = new Browser(portal.baseUrl);
        assertEquals("/", Browser.location(signIn(browser, "kim@initech.example")));
        String me = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"name\":\"Initech\"") && me.contains("\"role\":\"member\""), me);
    }

    @Test
    void aMemberAnAdministratorRemovedStaysRemovedUntilInvitedAgain() throws Exception {
        portal.user("boss@acme.example", PASSWORD, acme, Role.ADMIN);
        long nia = userWithoutMembership("nia@acme.example", true);
        portal.organizations.linkContact(new ContactLink("110", "C1", "nia@acme.example"));
        Browser admin = new Browser(portal.baseUrl);
        assertEquals("/", Browser.location(signIn(admin, "boss@acme.example")));
        String page = admin.get("/members").body();
        assertTrue(row(page, "nia@acme.example").contains("removing them stops the contact sync from adding them "
                + "back"), page);
        assertFalse(row(page, "boss@acme.example").contains("contact sync"), "no contact: no such note");

        HttpResponse<String> removed = admin.submit("/members", "/members/" + membershipId(nia, acme) + "/remove",
                Map.of("organization", String.valueOf(acme)));
        assertEquals("/members?organization=" + acme + "&notice=member-removed", Browser.location(removed));
        assertEquals(1, portal.count("SELECT count(*) FROM audit_log WHERE actor = 'boss@acme.example' "
                + "AND action = 'membership.contact_sync_refused' AND subject = '" + nia + "' AND organization_id = "
                + acme));

        // The contact changes in NetSuite, a full sync links it again, NetSuite deletes it and creates it anew.
        portal.organizations.linkContact(new ContactLink("110", "C1", "Nia@acme.example"));
        portal.organizations.unlinkContact("110");
        portal.organizations.linkContact(new ContactLink("111", "C1", "nia@acme.example"));
        assertEquals(0, memberships(nia));
        // Nia confirms her email address again, and signs in by SSO with it.
        portal.execute("UPDATE app_user SET email_verified_at = NULL WHERE id = " + nia);
        Browser browser = new Browser(portal.baseUrl);
        assertEquals(403, signIn(browser, "nia@acme.example").statusCode());
        String link = path(portal.latestLink("nia@acme.example"));
        browser.submit(link, "/verify-email", Map.of("token", token(link)));
        HttpResponse<String> refused = signIn(browser, "nia@acme.example");
        assertTrue(refused.body().contains("does not belong to any organization"), refused.body());
        SsoException sso = assertThrows(SsoException.class,
                () -> portal.sso.signIn("test", person("sub-nia", "nia@acme.example", true), "/"));
        assertTrue(sso.getMessage().contains("does not belong to any organization"), sso.getMessage());
        assertEquals(0, memberships(nia), "the administrator's removal stands");
        assertEquals(1, portal.count("SELECT count(*) FROM audit_log WHERE action = 'membership.added' "
                + "AND subject = 'nia@acme.example' AND organization_id = " + acme), "given once, never again");

        // An administrator invites her again: the invitation's role, and the contact sync's rules apply again.
        admin.submit("/members", "/members/invite", Map.of("organization", String.valueOf(acme),
                "email", "nia@acme.example", "role", "viewer"));
        String invitation = path(portal.latestLink("nia@acme.example"));
        HttpResponse<String> accepted = new Browser(portal.baseUrl).submit(invitation, "/invitations/accept",
                Map.of("token", token(invitation)));
        assertEquals("/sign-in?notice=invitation-accepted", Browser.location(accepted));
        assertEquals(List.of("viewer"), roles("nia@acme.example"));
        assertEquals(0, refusals(nia));
        assertTrue(row(admin.get("/members").body(), "nia@acme.example").contains("contact sync"));
    }

    @Test
    void aRefusalInOneOrganizationLeavesTheUsersContactsOfAnotherAlone() throws Exception {
        portal.user("ops@operator.example", PASSWORD, portal.operatorId(), Role.ADMIN);
        long omar = userWithoutMembership("omar@shared.example", true);
        portal.organizations.linkContact(new ContactLink("112", "C1", "omar@shared.example"));
        portal.organizations.linkContact(new ContactLink("113", "C2", "omar@shared.example"));
        assertEquals(List.of("member", "member"), roles("omar@shared.example"));

        Browser operator = new Browser(portal.baseUrl);
        String csrf = operator.signInJson("ops@operator.example", PASSWORD);
        String members = operator.json("GET", "/api/organizations/" + globex + "/members", null, Map.of()).body();
        Matcher omarsEntry = Pattern.compile("\"email\":\"omar@shared.example\".*?\"netsuiteContact\":(\\w+)")
                .matcher(members);
        assertTrue(omarsEntry.find() && omarsEntry.group(1).equals("true"), members);
        assertEquals(204, operator.change("DELETE", "/api/memberships/" + membershipId(omar, globex), null, csrf)
                .statusCode());

        portal.organizations.linkContact(new ContactLink("113", "C2", "omar@shared.example"));
        portal.organizations.unlinkContact("112");
        portal.organizations.linkContact(new ContactLink("112", "C1", "omar@shared.example"));
        assertEquals(1, portal.count("SELECT count(*) FROM membership WHERE user_id = " + omar
                + " AND organization_id = " + acme), "Acme's contact gives its membership as before");
        assertEquals(0, portal.count("SELECT count(*) FROM membership WHERE user_id = " + omar
                + " AND organization_id = " + globex), "Globex's removal stands");
        assertEquals(1, refusals(omar));
    }

    // ------------------------------------------------------------------ helpers

    private static int membershipId(long userId, long organizationId) throws Exception {
        return portal.count("SELECT id FROM membership WHERE user_id = " + userId + " AND organization_id = "
                + organizationId);
    }

    private static int refusals(long userId) throws Exception {
        return portal.count("SELECT count(*) FROM contact_membership_refusal WHERE user_id = " + userId);
    }

    /** The members page's table row of one member. */
    private static String row(String page, String email) {
        Matcher row = Pattern.compile("<tr>\\s*<td>" + Pattern.quote(email) + "</td>.*?</tr>", Pattern.DOTALL)
                .matcher(page);
        if (!row.find()) {
            throw new AssertionError("no row for " + email + " in:\n" + page);
        }
        return row.group();
    }

    private static long customer(String netsuiteId, String name) {
        return portal.organizations.upsertCustomer(new CustomerOrganization(netsuiteId, name, List.of(), null,
                "USD", null, Map.of())).id();
    }

    /** A user with a password and no membership. */
    private static long userWithoutMembership(String email, boolean verified) {
        String hash = portal.hasher.hash(PASSWORD);
        long tenant = portal.operatorId();
        return portal.store.write(UserMapper.class, m -> m.insert(tenant, email, "", hash, verified));
    }

    private static int memberships(long userId) throws Exception {
        return portal.count("SELECT count(*) FROM membership WHERE status = 'active' AND user_id = " + userId);
    }

    private static List<String> roles(String email) throws Exception {
        List<String> roles = new ArrayList<>();
        try (var c = portal.db.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT m.role FROM membership m JOIN app_user u ON u.id = m.user_id "
                     + "WHERE lower(u.email) = ? ORDER BY m.organization_id")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return roles;
    }

    private static HttpResponse<String> signIn(Browser browser, String email) throws Exception {
        return browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", PASSWORD));
    }

    private static SsoIdentity person(String subject, String email, boolean verified) {
        return new SsoIdentity("https://accounts.example", subject, email, verified, "Sam Sso", null, Map.of());
    }

    private static String me(SsoSignedIn signedIn) throws Exception {
        String cookie = signedIn.setCookies().get(0).split(";")[0];
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/me"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String path(String link) {
        return link.substring(portal.baseUrl.length());
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
