package io.portico.plugins.paysandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.PortalUser;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Money;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import io.portico.testing.TestPages;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's pages and endpoints as its resource answers them, over PostgreSQL, with the test layout. */
class SandboxResourceTest {

    private static TestDatabase db;
    private static Sandbox sandbox;
    private static SandboxResource resource;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        sandbox = new Sandbox(db.database().sessionFactory(SandboxMapper.class), new Sandbox.Settings(
                URI.create("http://127.0.0.1:9/api/pay/webhooks/sandbox"), Duration.ofSeconds(20), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(5)), new WebhookSigner("whsec_test", Clock.systemUTC()),
                HttpClient.newHttpClient(), Clock.systemUTC());
        resource = new SandboxResource(sandbox, new TestPages());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theOnboardingPageFinishesWithTheChosenStateAndGoesBack() throws PaymentException {
        Onboarding started = sandbox.onboard(new OnboardingRequest(null, "Acme <Supply>", null,
                URI.create("/admin/pay?connected"), URI.create("/admin/pay?refresh")));
        String page = html(resource.onboarding(started.accountId(), request(null)));
        assertTrue(page.contains("Acme &lt;Supply&gt;"), page);
        assertTrue(page.contains("<option value=\"NV\" selected>Nevada</option>"), page);
        assertTrue(page.contains("<option value=\"\">Outside the US</option>"), page);
        assertFalse(page.contains("name=\"csrf\""), "anonymous: no session to protect");
        assertTrue(html(resource.onboarding(started.accountId(), request("tok-123")))
                .contains("name=\"csrf\" value=\"tok-123\""));

        Response finished = resource.finishOnboarding(started.accountId(), "WA");
        assertEquals(303, finished.getStatus());
        assertEquals(URI.create("/admin/pay?connected"), finished.getLocation());
        assertTrue(html(resource.onboarding(started.accountId(), request(null)))
                .contains("<option value=\"WA\" selected>Washington</option>"));
        assertEquals(400, assertThrows(ProblemException.class,
                () -> resource.finishOnboarding(started.accountId(), null)).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.onboarding("acct_sandbox_nope", request(null))).status());
    }

    @Test
    void theChallengePageAsksOnceThenSendsThePayerBack() throws PaymentException {
        Onboarding started = sandbox.onboard(new OnboardingRequest(null, "Acme", null, URI.create("/"),
                URI.create("/")));
        sandbox.finishOnboarding(started.accountId(), "NV");
        CheckoutSession session = sandbox.startCheckout(new CheckoutRequest(started.accountId(), "ledger-1",
                new Money(new BigDecimal("42.00"), Currency.getInstance("USD")), Set.of(PaymentMethodKind.CARD),
                "Invoice", Map.of(), "checkout:" + UUID.randomUUID()));
        String token = resource.tokenize(new TokenRequest(started.accountId(), "card", "4000000000003220", "12/34",
                "123", "NV", null, null)).get("token");
        sandbox.confirm(new ConfirmRequest(started.accountId(), session.processorReference(), token,
                new Money(new BigDecimal("43.26"), Currency.getInstance("USD")), URI.create("/pay/abc/return"),
                Map.of(), "confirm:" + UUID.randomUUID()));

        String page = html(resource.challenge(session.processorReference(), request(null)));
        assertTrue(page.contains("43.26 USD"), page);
        assertTrue(page.contains("value=\"authenticate\""), page);
        assertTrue(page.contains("value=\"fail\""), page);
        assertEquals(400, assertThrows(ProblemException.class,
                () -> resource.answerChallenge(session.processorReference(), "maybe")).status());
        Response answered = resource.answerChallenge(session.processorReference(), "authenticate");
        assertEquals(303, answered.getStatus());
        assertEquals(URI.create("/pay/abc/return"), answered.getLocation());
        assertFalse(html(resource.challenge(session.processorReference(), request(null))).contains("value=\"fail\""),
                "answered: nothing left to choose");
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.challenge("pi_sandbox_nope", request(null))).status());
    }

    @Test
    void theElementsAssetsAreCachedScriptAndStyles() {
        Response script = resource.script();
        assertTrue(new String((byte[]) script.getEntity(), StandardCharsets.UTF_8).contains("methodToken"));
        assertEquals("public, max-age=86400", script.getHeaderString("Cache-Control"));
        assertTrue(new String((byte[]) resource.style().getEntity(), StandardCharsets.UTF_8)
                .contains(".sandbox-element"));
    }

    private static String html(Response response) {
        assertEquals(200, response.getStatus());
        return (String) response.getEntity();
    }

    /** A request as the authentication filter leaves it: anonymous, or with a session's CSRF token. */
    private static ContainerRequestContext request(String csrf) {
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(SandboxResourceTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> null);
        return (ContainerRequestContext) Proxy.newProxyInstance(SandboxResourceTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSecurityContext" -> security;
                    case "getProperty" -> PortalUser.CSRF_REQUEST_PROPERTY.equals(args[0]) ? csrf : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
