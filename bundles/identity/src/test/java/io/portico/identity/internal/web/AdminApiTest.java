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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's and organizations' admin JSON API: invitations, roles, access, policy, audit, API tokens. */
class AdminApiTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of("acme.example"),
                null, "USD", null, Map.of())).id();
        portal.user("owner@operator.example", PASSWORD, portal.operatorId(), Role.OWNER);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    @Test
    void theOperatorInvitesACustomerAdminWhoInvitesAColleague() throws Exception {
        Browser operator = new Browser(portal.baseUrl);
        String csrf = operator.signInJson("owner@operator.example", PASSWORD);
        assertTrue(operator.json("GET", "/api/organizations?q=acm", null, Map.of()).body().contains("\"Acme\""));

        HttpResponse<String> invited = operator.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"admin@acme.example\",\"role\":\"admin\"}", csrf);
        assertEquals(201, invited.statusCode(), invited.body());
        String link = portal.latestLink("admin@acme.example");
        String token = link.substring(link.indexOf("token=") + 6);

        Browser admin = new Browser(portal.baseUrl);
        HttpResponse<String> accepted = admin.json("POST", "/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"name\":\"Ada Admin\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(200, accepted.statusCode(), accepted.body());
        String adminCsrf = Browser.field(accepted.body(), "csrfToken");
        assertEquals(410, new Browser(portal.baseUrl).json("POST", "/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"name\":\"X\",\"password\":\"" + PASSWORD + "\"}", Map.of())
                .statusCode(), "used links stay used");

        HttpResponse<String> colleague = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"colleague@acme.example\",\"role\":\"viewer\"}", adminCsrf);
        assertEquals(201, colleague.statusCode(), colleague.body());
        HttpResponse<String> owner = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"x@acme.example\",\"role\":\"owner\"}", adminCsrf);
        assertEquals(400, owner.statusCode(), "no owners in customer organizations");
        HttpResponse<String> staff = admin.change("POST", "/api/organizations/" + portal.operatorId()
                + "/invitations", "{\"email\":\"x@acme.example\",\"role\":\"admin\"}", adminCsrf);
        assertEquals(403, staff.statusCode(), "a customer admin cannot invite operator staff");
        HttpResponse<String> malformed = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"not an email\",\"role\":\"viewer\"}", adminCsrf);
        assertEquals(400, malformed.statusCode());
        HttpResponse<String> unknownField = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"y@acme.example\",\"role\":\"viewer\",\"extra\":1}", adminCsrf);
        assertEquals(400, unknownField.statusCode());

        String audit = operator.json("GET", "/api/audit?limit=50", null, Map.of()).body();
        assertTrue(audit.contains("\"action\":\"invitation.sent\"") && audit.contains("\"action\":\"invitation"
                + ".accepted\"") && audit.contains("\"ip\":\"127.0.0.1\""), audit);
    }

    @Test
    void rolesAndRecordAccessChangeWhatTheMemberMayDo() throws Exception {
        long memberId = portal.user("mel@acme.example", PASSWORD, acme, Role.MEMBER);
        portal.user("boss@acme.example", PASSWORD, acme, Role.ADMIN);
        Browser boss = new Browser(portal.baseUrl);
        String csrf = boss.signInJson("boss@acme.example", PASSWORD);
        String members = boss.json("GET", "/api/organizations/" + acme + "/members", null, Map.of()).body();
        long membershipId = membershipOf(members, memberId);

        assertEquals(204, boss.change("PATCH", "/api/memberships/" + membershipId,
                "{\"role\":\"viewer\",\"recordAccess\":{\"salesorder\":\"none\"}}", csrf).statusCode());
        Browser mel = new Browser(portal.baseUrl);
        mel.signInJson("mel@acme.example", PASSWORD);
        String me = mel.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"role\":\"viewer\"") && me.contains("\"salesorder\":\"none\""), me);

        assertEquals(400, boss.change("PATCH", "/api/memberships/" + membershipId,
                "{\"recordAccess\":{\"Bad Type!\":\"view\"}}", csrf).statusCode());
        assertEquals(400, boss.change("PATCH", "/api/memberships/" + membershipId,
                "{\"recordAccess\":{\"invoice\":\"everything\"}}", csrf).statusCode());
        assertEquals(204, boss.change("DELETE", "/api/memberships/" + membershipId, null, csrf).statusCode());
        String after = mel.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(after.contains("\"state\":\"choose_organization\"") && after.contains("\"memberships\":[]"),
                "a removed member can no longer act in the organization: " + after);
    }

    @Test
    void theOperatorKeepsAnOwnerAndCustomersCannotOpenRegistration() throws Exception {
        Browser operator = new Browser(portal.baseUrl);
        String csrf = operator.signInJson("owner@operator.example", PASSWORD);
        String staff = operator.json("GET", "/api/organizations/" + portal.operatorId() + "/members", null,
                Map.of()).body();
        long ownerMembership = Browser.number(staff, "membershipId");
        HttpResponse<String> demote = operator.change("PATCH", "/api/memberships/" + ownerMembership,
                "{\"role\":\"admin\"}", csrf);
        assertEquals(409, demote.statusCode());
        assertTrue(demote.body().contains("at least one owner"));

        portal.user("cadmin@acme.example", PASSWORD, acme, Role.ADMIN);
        Browser customer = new Browser(portal.baseUrl);
        String customerCsrf = customer.signInJson("cadmin@acme.example", PASSWORD);
        assertEquals(200, customer.change("PUT", "/api/organizations/" + acme + "/policy",
                "{\"mfaRequired\":true,\"selfRegistration\":null}", customerCsrf).statusCode());
        assertEquals(403, customer.change("PUT", "/api/organizations/" + acme + "/policy",
                "{\"mfaRequired\":true,\"selfRegistration\":\"open\"}", customerCsrf).statusCode());
        assertEquals(200, operator.change("PUT", "/api/organizations/" + acme + "/policy",
                "{\"mfaRequired\":false,\"selfRegistration\":\"approval\"}", csrf).statusCode());
        assertTrue(operator.json("GET", "/api/audit?organizationId=" + acme, null, Map.of()).body()
                .contains("\"action\":\"policy.changed\""));
    }

    @Test
    void apiTokensAreShownOnceWorkWithoutCookiesAndCanBeRevoked() throws Exception {
        Browser operator = new Browser(portal.baseUrl);
        String csrf = operator.signInJson("owner@operator.example", PASSWORD);
        HttpResponse<String> created = operator.change("POST", "/api/api-tokens",
                "{\"name\":\"nightly export\",\"validDays\":30}", csrf);
        assertEquals(201, created.statusCode(), created.body());
        String token = Browser.field(created.body(), "token");
        assertTrue(token.startsWith("ptc_"));
        long id = Browser.number(created.body(), "id");
        String list = operator.json("GET", "/api/api-tokens", null, Map.of()).body();
        assertTrue(list.contains("nightly export"));
        assertFalse(list.contains(token), "the token is never shown again");
        assertEquals(0, portal.count("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE '%"
                + token.substring(4, 12) + "%'"), "stored hashed");

        Browser robot = new Browser(portal.baseUrl);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String me = robot.json("GET", "/api/me", null, bearer).body();
        assertTrue(me.contains("owner@operator.example"), me);
        assertEquals(200, robot.json("GET", "/api/organizations", null, bearer).statusCode());
        assertEquals(403, robot.json("POST", "/api/api-tokens", "{\"name\":\"child\"}", bearer).statusCode(),
                "tokens do not mint tokens");

        assertEquals(204, operator.change("DELETE", "/api/api-tokens/" + id, null, csrf).statusCode());
        assertEquals(401, robot.json("GET", "/api/me", null, bearer).statusCode());
        assertEquals(401, robot.json("GET", "/api/me", null, Map.of("Authorization", "Bearer ptc_forged"))
                .statusCode());
    }

    private static long membershipOf(String members, long userId) {
        var m = java.util.regex.Pattern.compile("\\{\"membershipId\":(\\d+),\"userId\":" + userId + ",")
                .matcher(members);
        if (!m.find()) {
            throw new AssertionError("no membership of " + userId + " in " + members);
        }
        return Long.parseLong(m.group(1));
    }
}
