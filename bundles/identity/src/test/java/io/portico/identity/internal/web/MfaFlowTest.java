package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.crypto.Base32;
import io.portico.identity.internal.crypto.Totp;
import io.portico.identity.internal.policy.PolicyRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TOTP enrolment, the second sign-in step, replay refusal, and MFA required by an organization. */
class MfaFlowTest {

    private static final String PASSWORD = "correct horse battery";
    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of(), null, "USD",
                null, Map.of())).id();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static String code(String secret) {
        portal.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return Totp.code(Base32.decode(secret), Totp.step(portal.clock.instant()));
    }

    @Test
    void enrolledUsersNeedTheirCodeAndEachCodeWorksOnce() throws Exception {
        portal.user("ann@acme.example", PASSWORD, acme, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        String csrf = browser.signInJson("ann@acme.example", PASSWORD);
        String secret = Browser.field(browser.change("POST", "/api/me/mfa", null, csrf).body(), "secret");
        assertEquals(400, browser.change("POST", "/api/me/mfa/confirm", "{\"code\":\"000000\"}", csrf).statusCode());
        assertEquals(204, browser.change("POST", "/api/me/mfa/confirm", "{\"code\":\"" + code(secret) + "\"}", csrf)
                .statusCode());
        assertTrue(portal.count("SELECT count(*) FROM app_user WHERE mfa_secret LIKE 'ENC(%'") == 1, "sealed");

        Browser again = new Browser(portal.baseUrl);
        HttpResponse<String> first = again.json("POST", "/api/session",
                "{\"email\":\"ann@acme.example\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertTrue(first.body().contains("\"state\":\"mfa_required\""), first.body());
        String pendingCsrf = Browser.field(first.body(), "csrfToken");
        assertEquals(401, again.json("GET", "/api/organizations/" + acme, null, Map.of()).statusCode(),
                "half signed in is not signed in");
        assertEquals(401, again.change("POST", "/api/session/mfa", "{\"code\":\"123456\"}", pendingCsrf)
                .statusCode());
        String code = code(secret);
        HttpResponse<String> done = again.change("POST", "/api/session/mfa", "{\"code\":\"" + code + "\"}",
                pendingCsrf);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("\"state\":\"signed_in\""));

        Browser replay = new Browser(portal.baseUrl);
        String replayCsrf = Browser.field(replay.json("POST", "/api/session",
                "{\"email\":\"ann@acme.example\",\"password\":\"" + PASSWORD + "\"}", Map.of()).body(), "csrfToken");
        assertEquals(401, replay.change("POST", "/api/session/mfa", "{\"code\":\"" + code + "\"}", replayCsrf)
                .statusCode(), "a code works once");
    }

    @Test
    void anOrganizationThatRequiresMfaMakesMembersEnrolAtSignIn() throws Exception {
        long globex = portal.organizations.upsertCustomer(new CustomerOrganization("C2", "Globex", List.of(), null,
                "USD", null, Map.of())).id();
        portal.store.write(s -> {
            portal.policies.save(s, new PolicyRecord(globex, true, null));
            return null;
        });
        portal.user("gil@globex.example", PASSWORD, globex, Role.MEMBER);
        Browser browser = new Browser(portal.baseUrl);
        HttpResponse<String> signedIn = browser.submit("/sign-in", "/sign-in",
                Map.of("email", "gil@globex.example", "password", PASSWORD));
        assertEquals("/sign-in/mfa", Browser.location(signedIn));
        HttpResponse<String> setup = browser.get("/sign-in/mfa");
        assertTrue(setup.body().contains("requires two-step verification"), setup.body());
        Matcher key = Pattern.compile("Key: <code>([A-Z2-7]+)</code>").matcher(setup.body());
        assertTrue(key.find());
        HttpResponse<String> done = browser.post("/sign-in/mfa",
                Map.of("code", code(key.group(1)), "csrf", Browser.csrf(setup.body()).orElseThrow()));
        assertEquals("/", Browser.location(done));
        assertTrue(browser.json("GET", "/api/me", null, Map.of()).body().contains("\"state\":\"signed_in\""));
    }
}
