package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.user.MembershipMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admin of one customer reaches nothing of another customer through any identity endpoint. */
class TenantIsolationTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;
    private static long globex;
    private static long globexMembership;
    private static long globexInvitation;
    private static Browser acmeAdmin;
    private static String csrf;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of(), null, "USD",
                null, Map.of())).id();
        globex = portal.organizations.upsertCustomer(new CustomerOrganization("C2", "Globex", List.of(), null,
                "USD", null, Map.of())).id();
        portal.user("admin@acme.example", PASSWORD, acme, Role.ADMIN);
        long globexUser = portal.user("admin@globex.example", PASSWORD, globex, Role.ADMIN);
        globexMembership = portal.count("SELECT id FROM membership WHERE user_id = " + globexUser);
        Browser globexAdmin = new Browser(portal.baseUrl);
        String globexCsrf = globexAdmin.signInJson("admin@globex.example", PASSWORD);
        globexInvitation = Browser.number(globexAdmin.change("POST", "/api/organizations/" + globex
                + "/invitations", "{\"email\":\"new@globex.example\",\"role\":\"member\"}", globexCsrf).body(), "id");
        acmeAdmin = new Browser(portal.baseUrl);
        csrf = acmeAdmin.signInJson("admin@acme.example", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static int status(String method, String path, String json) throws Exception {
        return acmeAdmin.change(method, path, json, csrf).statusCode();
    }

    @Test
    void readsOfAnotherOrganizationFail() throws Exception {
        assertEquals(404, status("GET", "/api/organizations/" + globex, null));
        assertEquals(403, status("GET", "/api/organizations/" + globex + "/members", null));
        assertEquals(403, status("GET", "/api/organizations/" + globex + "/invitations", null));
        assertEquals(403, status("GET", "/api/organizations/" + globex + "/policy", null));
        assertEquals(403, status("GET", "/api/organizations", null), "only staff list organizations");
        assertEquals(403, status("GET", "/api/api-tokens", null));
        String audit = acmeAdmin.json("GET", "/api/audit?organizationId=" + globex, null, Map.of()).body();
        assertFalse(audit.contains("globex"), "the audit log is narrowed to the caller's organization: " + audit);
        assertEquals(200, status("GET", "/api/organizations/" + acme, null));
    }

    @Test
    void changesToAnotherOrganizationFailAndChangeNothing() throws Exception {
        assertEquals(403, status("POST", "/api/organizations/" + globex + "/invitations",
                "{\"email\":\"spy@acme.example\",\"role\":\"admin\"}"));
        assertEquals(403, status("PATCH", "/api/memberships/" + globexMembership, "{\"role\":\"viewer\"}"));
        assertEquals(403, status("DELETE", "/api/memberships/" + globexMembership, null));
        assertEquals(403, status("DELETE", "/api/invitations/" + globexInvitation, null));
        assertEquals(403, status("POST", "/api/invitations/" + globexInvitation + "/resend", null));
        assertEquals(403, status("PUT", "/api/organizations/" + globex + "/policy",
                "{\"mfaRequired\":true,\"selfRegistration\":null}"));
        assertEquals(403, status("PUT", "/api/session/organization", "{\"organizationId\":" + globex + "}"));
        assertEquals(Role.ADMIN, portal.store.read(MembershipMapper.class, m -> m.findById(globexMembership)).role());
        assertEquals(0, portal.mailsTo("spy@acme.example").size());
        PortalUser operator = new PortalUser(0, "x", "x", portal.operatorId(), portal.operatorId(), "Op",
                OrganizationKind.OPERATOR, Role.OWNER, Map.of(), AuthMethod.PASSWORD);
        assertTrue(portal.invitations.list(operator, globex).stream().anyMatch(i -> i.id() == globexInvitation),
                "the other organization's invitation is intact");
    }
}
