package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.user.MembershipMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInFlowTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;
    private static long globex;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(customer("C1", "Acme")).id();
        globex = portal.organizations.upsertCustomer(customer("C2", "Globex")).id();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static CustomerOrganization customer(String id, String name) {
        return new CustomerOrganization(id, name, List.of(), null, "USD", null, Map.of());
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) throws Exception {
        return browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", password, "next", "/"));
    }

    @Test
    void signsInThroughThePagesWithAHardenedCookie() throws Exception {
        portal.user("ann@acme.example", PASSWORD, acme, Role.ADMIN);
        Browser browser = new Browser(portal.baseUrl);

        HttpResponse<String> page = browser.get("/sign-in");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains("<a class=\"button\" href=\"/auth/sso/example?returnTo=%2F\">Sign in with "
                + "Example</a>"), "SSO providers get a button: " + page.body());

        HttpResponse<String> response = signIn(browser, "ANN@acme.example", PASSWORD);
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/", Browser.location(response));
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("portico_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
        assertFalse(cookie.contains("Secure"), "plain HTTP with an http public URL");

        HttpResponse<String> me = browser.json("GET", "/api/me", null, Map.of());
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"state\":\"signed_in\""), me.body());
        assertTrue(me.body().contains("\"name\":\"Acme\""), me.body());
        assertTrue(me.body().contains("\"role\":\"admin\""), me.body());
    }

    @Test
    void wrongPasswordsAreRefusedThenTheAccountLocks() throws Exception {
        portal.user("bob@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = signIn(browser, "bob@acme.example", "not the password " + i);
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.body().contains("The email address or password is wrong."));
            assertTrue(browser.cookie("portico_session").isEmpty());
        }
        HttpResponse<String> locked = signIn(browser, "bob@acme.example", PASSWORD);
        assertEquals(423, locked.statusCode());
        assertTrue(locked.body().contains("locked until"), locked.body());
        assertTrue(browser.cookie("portico_session").isEmpty());

        HttpResponse<String> unknown = signIn(browser, "nobody@acme.example", PASSWORD);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("The email address or password is wrong."));
        assertTrue(portal.count("SELECT count(*) FROM audit_log WHERE action = 'sign_in.failed'") >= 6);
    }

    @Test
    void formsWithoutTheirTokenOrOversizedAreRefused() throws Exception {
        portal.user("cat@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        browser.get("/sign-in");
        HttpResponse<String> forged = browser.post("/sign-in",
                Map.of("email", "cat@acme.example", "password", PASSWORD, "csrf", "forged"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("This form has expired"));
        assertTrue(browser.cookie("portico_session").isEmpty());

        HttpResponse<String> huge = browser.post("/sign-in", Map.of("email", "x".repeat(70_000), "password", "y"));
        assertEquals(413, huge.statusCode());

        HttpResponse<String> tooLong = signIn(browser, "cat@acme.example", "p".repeat(129));
        assertEquals(400, tooLong.statusCode());
        assertEquals(0, portal.count("SELECT failed_attempts FROM app_user WHERE email = 'cat@acme.example'"));
    }

    @Test
    void aPersonInSeveralOrganizationsChoosesOne() throws Exception {
        long id = portal.user("dan@acme.example", PASSWORD, acme, Role.VIEWER);
        portal.store.write(s -> s.getMapper(MembershipMapper.class).upsert(id, globex, Role.ADMIN, "active"));
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> signedIn = signIn(browser, "dan@acme.example", PASSWORD);
        assertEquals("/choose-organization", Browser.location(signedIn));
        assertTrue(browser.json("GET", "/api/me", null, Map.of()).body().contains("\"state\":\"choose_organization\""));

        HttpResponse<String> chooser = browser.get("/choose-organization");
        assertTrue(chooser.body().contains("Acme") && chooser.body().contains("Globex"), chooser.body());
        String csrf = Browser.csrf(chooser.body()).orElseThrow();
        HttpResponse<String> notMine = browser.post("/choose-organization",
                Map.of("organizationId", String.valueOf(portal.operatorId()), "csrf", csrf));
        assertEquals(403, notMine.statusCode());
        HttpResponse<String> chosen = browser.post("/choose-organization",
                Map.of("organizationId", String.valueOf(globex), "csrf", csrf));
        assertEquals(303, chosen.statusCode());
        String me = browser.json("GET", "/api/me", null, Map.of()).body();
        assertTrue(me.contains("\"name\":\"Globex\"") && me.contains("\"role\":\"admin\""), me);
    }

    @Test
    void theJsonApiSignsInAndOutWithCsrfHeaders() throws Exception {
        portal.user("eve@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> bad = browser.json("POST", "/api/session", "{\"email\":", Map.of());
        assertEquals(400, bad.statusCode());
        HttpResponse<String> wrong = browser.json("POST", "/api/session",
                "{\"email\":\"eve@acme.example\",\"password\":\"nope nope nope\"}", Map.of());
        assertEquals(401, wrong.statusCode());
        assertEquals("application/problem+json", wrong.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> ok = browser.json("POST", "/api/session",
                "{\"email\":\"eve@acme.example\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(200, ok.statusCode(), ok.body());
        String csrf = ok.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        assertEquals(403, browser.json("DELETE", "/api/session", null, Map.of()).statusCode(),
                "a cookie-authenticated change without the CSRF header is refused");
        assertEquals(200, browser.json("GET", "/api/me", null, Map.of()).statusCode());
        assertEquals(204, browser.json("DELETE", "/api/session", null, Map.of("X-CSRF-Token", csrf)).statusCode());
        assertEquals(401, browser.json("GET", "/api/me", null, Map.of()).statusCode());
    }

    @Test
    void signOutEverywhereEndsEveryDevice() throws Exception {
        portal.user("fay@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser laptop = new Browser(portal.baseUrl);
        Browser phone = new Browser(portal.baseUrl);
        signIn(laptop, "fay@acme.example", PASSWORD);
        signIn(phone, "fay@acme.example", PASSWORD);
        String csrf = laptop.json("GET", "/api/me", null, Map.of()).body()
                .replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> ended = laptop.json("DELETE", "/api/sessions", null, Map.of("X-CSRF-Token", csrf));
        assertEquals(200, ended.statusCode());
        assertTrue(ended.body().contains("\"sessionsEnded\":2"), ended.body());
        assertEquals(401, phone.json("GET", "/api/me", null, Map.of()).statusCode());
    }

    @Test
    void idleAndExpiredSessionsEnd() throws Exception {
        portal.user("gus@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        signIn(browser, "gus@acme.example", PASSWORD);
        assertEquals(200, browser.json("GET", "/api/me", null, Map.of()).statusCode());
        portal.execute("UPDATE http_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = 'gus@acme.example')");
        assertEquals(401, browser.json("GET", "/api/me", null, Map.of()).statusCode(), "idle too long");

        signIn(browser, "gus@acme.example", PASSWORD);
        portal.execute("UPDATE http_session SET expires_at = now() - interval '1 second' WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = 'gus@acme.example')");
        assertEquals(401, browser.json("GET", "/api/me", null, Map.of()).statusCode(), "past the absolute expiry");
    }

    @Test
    void manyFailuresFromOneAddressMakeItWait() throws Exception {
        portal.user("hal@acme.example", PASSWORD, acme, Role.MEMBER);
        try (Connection c = portal.db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_log (tenant_id, actor, action, ip) VALUES (?, 'x', 'sign_in.failed', ?)")) {
            for (int i = 0; i < 30; i++) {
                insert.setLong(1, portal.operatorId());
                insert.setString(2, "127.0.0.1");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try {
            HttpResponse<String> throttled = signIn(new Browser(portal.baseUrl), "hal@acme.example", PASSWORD);
            assertEquals(429, throttled.statusCode());
            assertTrue(throttled.body().contains("Too many failed sign-ins from your network"));
        } finally {
            portal.execute("DELETE FROM audit_log WHERE action = 'sign_in.failed'");
        }
    }

    @Test
    void safeNextPathsOnly() throws Exception {
        portal.user("ida@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> response = browser.submit("/sign-in", "/sign-in",
                Map.of("email", "ida@acme.example", "password", PASSWORD, "next", "//evil.example/x"));
        assertEquals("/", Browser.location(response));
    }
}
