package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.portico.api.payment.CardFunding;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Money;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.plugin.PluginRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The sandbox payment processor in the distribution: active as the {@code sandbox} plugin, its onboarding page,
 * element script and token endpoint answering over HTTP, its bad input answered with 4xx, a bank debit settling
 * after the configured delay, and its signed webhooks accepted by the portal's webhook endpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaySandboxIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private PluginRegistry registry;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void theSandboxTakesAPaymentEndToEnd() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        assertEquals(Bundle.ACTIVE, bundle("io.portico.plugin-payment-sandbox").getState());
        await("the sandbox processor", WAIT, () -> registry.find(PaymentProcessor.class, "sandbox").isPresent());
        PaymentProcessor sandbox = registry.find(PaymentProcessor.class, "sandbox").orElseThrow();
        WebClient browser = new WebClient("http://localhost:" + httpPort(), null);

        Onboarding onboarding = sandbox.onboard(new OnboardingRequest(null, "Acme Supply", "owner@acme.test",
                URI.create("/admin/pay?connected"), URI.create("/admin/pay?refresh")));
        // The processor's service can be registered a moment before its pages are mounted.
        await("the sandbox's onboarding page", WAIT, () -> status(onboarding.redirectUri().toString()) == 200);
        HttpResponse<String> page = browser.send("GET", onboarding.redirectUri().toString(), null, null, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains("Finish onboarding"));
        assertTrue(page.body(), page.body().contains("<option value=\"NV\" selected>"));
        HttpResponse<String> finished = browser.form(onboarding.redirectUri().toString(),
                Map.of("businessState", "CO"));
        assertEquals(finished.body(), 303, finished.statusCode());
        assertTrue(finished.headers().firstValue("Location").orElse("").endsWith("/admin/pay?connected"));
        ProcessorAccount account = sandbox.account(onboarding.accountId());
        assertEquals(ProcessorAccount.State.READY, account.state());
        assertEquals("CO", account.businessState());

        CheckoutSession session = sandbox.startCheckout(new CheckoutRequest(account.accountId(),
                UUID.randomUUID().toString(), usd("120.00"), Set.of(PaymentMethodKind.CARD,
                        PaymentMethodKind.US_BANK_ACCOUNT), "Invoice INV-1", Map.of(), "checkout:" + UUID.randomUUID()));
        HttpResponse<String> script = browser.send("GET", session.scripts().get(0).toString(), null, null, "*/*");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.headers().firstValue("Cache-Control").orElse("").contains("max-age"));

        String card = token(browser, "{\"account\":\"" + account.accountId() + "\",\"kind\":\"card\","
                + "\"cardNumber\":\"4000 0566 5566 5556\",\"expiry\":\"12/34\",\"cvc\":\"123\",\"billingState\":\"NY\"}");
        assertEquals(CardFunding.DEBIT, sandbox.inspect(account.accountId(), card).funding());
        String bank = token(browser, "{\"account\":\"" + account.accountId() + "\",\"kind\":\"us_bank_account\","
                + "\"routingNumber\":\"110000000\",\"accountNumber\":\"000123456789\",\"billingState\":\"NY\"}");
        PaymentState processing = sandbox.confirm(new ConfirmRequest(account.accountId(),
                session.processorReference(), bank, usd("120.00"), URI.create("/pay/x/return"), Map.of(),
                "confirm:" + UUID.randomUUID()));
        assertEquals(PaymentState.Status.PROCESSING, processing.status());
        await("the bank debit to settle", WAIT, () -> succeeded(sandbox, account.accountId(),
                session.processorReference()));
        await("the portal to accept every sandbox webhook", WAIT, () -> undelivered() == 0);
        assertTrue(delivered() >= 3);
    }

    @Test
    public void badInputGetsAFourHundredNeverAServerError() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        WebClient client = new WebClient("http://localhost:" + httpPort(), null);
        assertProblem(404, client.send("POST", "/pay-sandbox/tokens", "{\"account\":\"acct_sandbox_nope\","
                + "\"kind\":\"card\"}"));
        assertProblem(400, client.send("POST", "/pay-sandbox/tokens", "{\"surprise\":1}"));
        assertProblem(400, client.send("POST", "/pay-sandbox/tokens", "not json"));
        assertProblem(400, client.send("POST", "/pay-sandbox/tokens", "null"));
        assertProblem(404, client.send("GET", "/pay-sandbox/onboarding/acct_sandbox_nope", null));
        assertEquals(404, client.send("GET", "/pay-sandbox/challenge/pi_sandbox_nope", null, null, "text/html")
                .statusCode());
        assertProblem(400, client.send("POST", "/pay-sandbox/challenge/pi_sandbox_nope", "application/x-www-form-urlencoded",
                "outcome=maybe", "application/json"));
        assertProblem(400, client.send("POST", "/pay-sandbox/onboarding/acct_sandbox_nope",
                "application/x-www-form-urlencoded", "businessState=ZZ", "application/json"));
        assertEquals(415, client.send("POST", "/pay-sandbox/onboarding/acct_sandbox_nope", "{}").statusCode());
        String openApi = get("/api/openapi.json").body();
        for (String path : new String[] {"/pay-sandbox/tokens", "/pay-sandbox/onboarding/{account}",
            "/pay-sandbox/challenge/{payment}", "/pay-sandbox/element.js"}) {
            assertTrue(path, openApi.contains("\"" + path + "\""));
        }
        assertTrue(openApi.contains("\"cardNumber\""));
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    private static String token(WebClient browser, String json) throws Exception {
        HttpResponse<String> response = browser.send("POST", "/pay-sandbox/tokens", json);
        assertEquals(response.body(), 200, response.statusCode());
        Matcher token = Pattern.compile("\"token\":\"(pm_sandbox_[0-9a-f]+)\"").matcher(response.body());
        assertTrue(response.body(), token.find());
        return token.group(1);
    }

    private static boolean succeeded(PaymentProcessor sandbox, String account, String reference) {
        try {
            return sandbox.fetch(account, reference).status() == PaymentState.Status.SUCCEEDED;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long undelivered() {
        return count("SELECT count(*) FROM pay_sandbox_event WHERE delivered_at IS NULL");
    }

    private static long delivered() {
        return count("SELECT count(*) FROM pay_sandbox_event WHERE delivered_at IS NOT NULL");
    }

    private static long count(String sql) {
        try (Connection c = DriverManager.getConnection(System.getenv("PORTICO_DB_URL"),
                System.getenv("PORTICO_DB_USER"), databasePassword());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), Currency.getInstance("USD"));
    }
}
