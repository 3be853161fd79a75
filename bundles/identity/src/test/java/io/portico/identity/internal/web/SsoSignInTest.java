package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoSignedIn;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.web.CurrentClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in on the word of an SSO provider: linking by subject, email, invitation and email domain. */
class SsoSignInTest {

    private static final String ISSUER = "https://accounts.example";
    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of("acme.example"),
                null, "USD", null, Map.of())).id();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static SsoIdentity person(String subject, String email, boolean verified) {
        return new SsoIdentity(ISSUER, subject, email, verified, "Sam Sso", null, Map.of());
    }

    private static String me(SsoSignedIn signedIn) throws Exception {
        String cookie = signedIn.setCookies().get(0).split(";")[0];
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/me"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anExistingAccountIsFoundByEmailThenBySubject() throws Exception {
        portal.user("pat@acme.example", "correct horse battery", acme, Role.ADMIN);
        SsoSignedIn first = portal.sso.signIn("test", person("sub-pat", "Pat@acme.example", true), "/invoices");
        assertEquals(URI.create("/invoices"), first.location());
        assertTrue(first.setCookies().get(0).contains("HttpOnly"));
        assertTrue(me(first).contains("\"email\":\"pat@acme.example\""));

        SsoSignedIn renamed = portal.sso.signIn("test", person("sub-pat", "pat.new@acme.example", true), "//evil");
        assertEquals(URI.create("/"), renamed.location(), "only local return paths");
        assertTrue(me(renamed).contains("\"email\":\"pat@acme.example\""), "the subject links, not the new email");
    }

    @Test
    void newPeopleJoinByInvitationOrByDomain() throws Exception {
        long initech = portal.organizations.upsertCustomer(new CustomerOrganization("C2", "Initech", List.of(),
                null, "USD", null, Map.of())).id();
        portal.invitations.inviteFromConsole("admin", initech, "ivy@elsewhere.example", Role.VIEWER, true);
        String invited = me(portal.sso.signIn("test", person("sub-ivy", "ivy@elsewhere.example", true), "/"));
        assertTrue(invited.contains("\"name\":\"Initech\"") && invited.contains("\"role\":\"viewer\""), invited);
        assertTrue(portal.invitations.list(ownerOf(initech), initech).isEmpty(), "the invitation is used up");

        String byDomain = me(portal.sso.signIn("test", person("sub-dom", "dom@acme.example", true), "/"));
        assertTrue(byDomain.contains("\"name\":\"Acme\"") && byDomain.contains("\"role\":\"member\""), byDomain);
    }

    @Test
    void unverifiedEmailsAndUnknownDomainsAreRefusedAndNothingIsCreated() throws Exception {
        int users = portal.count("SELECT count(*) FROM app_user");
        assertEquals(SsoException.Reason.EMAIL_NOT_VERIFIED, assertThrows(SsoException.class,
                () -> portal.sso.signIn("test", person("s1", "x@acme.example", false), "/")).reason());
        assertEquals(SsoException.Reason.NOT_LINKED, assertThrows(SsoException.class,
                () -> portal.sso.signIn("test", person("s2", "x@gmail.com", true), "/")).reason());
        SsoException unknown = assertThrows(SsoException.class,
                () -> portal.sso.signIn("test", person("s3", "x@unknown.example", true), "/"));
        assertEquals(SsoException.Reason.NOT_LINKED, unknown.reason());
        assertEquals("No organization on this portal has invited x@unknown.example or uses the domain "
                + "unknown.example. Ask your company's portal administrator, or "
                + portal.organizations.operator().name() + ", for an invitation.", unknown.getMessage(),
                "the person learns whom to ask");
        assertEquals(users, portal.count("SELECT count(*) FROM app_user"));
        assertTrue(portal.count("SELECT count(*) FROM audit_log WHERE action = 'sign_in.refused'") >= 2);
    }

    private static PortalUser ownerOf(long organizationId) {
        return new PortalUser(0, "console", "console", portal.operatorId(), portal.operatorId(), "Operator",
                OrganizationKind.OPERATOR, Role.OWNER, Map.of(), AuthMethod.PASSWORD);
    }

    @Test
    void ssoSessionsSignOutLikeAnyOther() throws Exception {
        portal.user("out@acme.example", "correct horse battery", acme, Role.MEMBER);
        SsoSignedIn signedIn = portal.sso.signIn("test", person("sub-out", "out@acme.example", true), "/");
        assertTrue(me(signedIn).contains("\"state\":\"signed_in\""));
        assertEquals(1, portal.count("SELECT count(*) FROM http_session s JOIN app_user u ON u.id = s.user_id "
                + "WHERE u.email = 'out@acme.example' AND s.auth_method = 'sso'"));
        assertEquals(Client.none(), CurrentClient.get(), "no request, no client left behind on the thread");
    }
}
