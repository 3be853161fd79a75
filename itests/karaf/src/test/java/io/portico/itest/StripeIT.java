package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Stripe plugin in the distribution, against the Stripe double: the feature installs while Portico runs
 * (stripe-java resolves despite its {@code com.sun.net.httpserver} import), the processor onboards an Express account
 * through the Account Link's page, takes a card and a bank payment, its checkout script is served, the double's
 * signed webhooks reach both of the portal's Stripe endpoints and are stored once, forged ones are refused, and the
 * plugin uninstalled and installed again finds its payments where Stripe keeps them. A customer who pays by a bank
 * account entered by hand is emailed the link to Portico's micro-deposit page and verifies there; an operator admin
 * opens the Express dashboard from Settings &gt; Pay. Its own database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StripeIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STRIPE_CFG = "etc/io.portico.pay.stripe.cfg";

    private static final String FEATURE = "portico-plugin-payment-stripe";

    @Inject
    private PluginRegistry registry;

    @Inject
    private FeaturesService features;

    private Database database;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String database = privateDatabase("portico_stripe");
        String apiBase = StripeDoubleServer.start();
        List<Option> options = new ArrayList<>(List.of(withSmtp(distribution(databasePassword(), database))));
        options.add(editConfigurationFilePut(STRIPE_CFG, "secretKey", StripeDoubleServer.SECRET_KEY));
        options.add(editConfigurationFilePut(STRIPE_CFG, "publishableKey", "pk_test_portico_itest"));
        options.add(editConfigurationFilePut(STRIPE_CFG, "webhookSecret", "whsec_itest_account"));
        options.add(editConfigurationFilePut(STRIPE_CFG, "connectWebhookSecret", "whsec_itest_connect"));
        options.add(editConfigurationFilePut(STRIPE_CFG, "apiBase", apiBase));
        options.add(CoreOptions.systemProperty("portico.itest.stripe").value(apiBase));
        options.add(CoreOptions.systemProperty("portico.itest.stripe.db").value(database));
        return options.toArray(new Option[0]);
    }

    @Test
    public void stripeTakesPaymentsAndSurvivesAReinstall() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        features.installFeature(FEATURE);
        await("the stripe processor", WAIT, () -> registry.find(PaymentProcessor.class, "stripe").isPresent());
        assertEquals(Bundle.ACTIVE, bundle("stripe-java").getState());
        assertEquals(Bundle.ACTIVE, bundle("io.portico.plugin-payment-stripe").getState());
        PaymentProcessor stripe = registry.find(PaymentProcessor.class, "stripe").orElseThrow();
        assertEquals("Stripe", stripe.displayName());
        String portal = "http://127.0.0.1:" + httpPort();
        control("webhook-endpoint", "url=" + portal + "/api/pay/webhooks/stripe/account&secret=whsec_itest_account");
        control("webhook-endpoint", "url=" + portal + "/api/pay/webhooks/stripe/connect&secret=whsec_itest_connect"
                + "&connect=true");

        // Onboarding: the Account Link's page at "Stripe", finished, sends the admin back.
        Onboarding onboarding = stripe.onboard(new OnboardingRequest(null, "Acme Supply", "owner@acme.test",
                URI.create(portal + "/admin/pay?connected"), URI.create(portal + "/admin/pay?refresh")));
        assertEquals(ProcessorAccount.State.ONBOARDING, stripe.account(onboarding.accountId()).state());
        HttpResponse<String> page = send("GET", onboarding.redirectUri().toString(), null, null);
        assertTrue(page.body(), page.body().contains("Finish onboarding"));
        HttpResponse<String> finished = send("POST", onboarding.redirectUri().toString(), "", null);
        assertEquals(303, finished.statusCode());
        assertEquals(portal + "/admin/pay?connected", finished.headers().firstValue("Location").orElse(""));
        String account = onboarding.accountId();
        ProcessorAccount ready = stripe.account(account);
        assertEquals(ProcessorAccount.State.READY, ready.state());
        assertEquals(Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), ready.methods());

        // A card, as Stripe.js would hand it over: a confirmation token.
        CheckoutSession card = stripe.startCheckout(checkout(account, "120.00", PaymentMethodKind.CARD));
        HttpResponse<String> script = get(card.scripts().get(0).toString());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("createConfirmationToken"));
        String cardToken = confirmationToken("payment_method=pm_card_visa"
                + "&payment_method_data[billing_details][address][state]=NV");
        assertEquals(CardFunding.CREDIT, stripe.inspect(account, cardToken).funding());
        PaymentState paid = stripe.confirm(confirm(account, card, cardToken, "123.60"));
        assertEquals(PaymentState.Status.SUCCEEDED, paid.status());
        assertEquals(usd("123.60"), paid.amountReceived());

        // A bank account: processing, then settled by the bank.
        CheckoutSession bank = stripe.startCheckout(checkout(account, "80.00", PaymentMethodKind.US_BANK_ACCOUNT));
        String bankToken = confirmationToken("payment_method_data[type]=us_bank_account"
                + "&payment_method_data[us_bank_account][financial_connections_account]=fca_itest");
        assertEquals(PaymentState.Status.PROCESSING, stripe.confirm(confirm(account, bank, bankToken, "80.00"))
                .status());
        control("settle-bank-debit", "payment_intent=" + bank.processorReference() + "&settled=true");
        assertEquals(PaymentState.Status.SUCCEEDED, stripe.fetch(account, bank.processorReference()).status());

        // The double's webhooks reached both endpoints, each verified with its own secret, and were stored.
        await("the portal to accept the Stripe webhooks", WAIT, () -> stored("account.updated") >= 1
                && stored("payment_intent.succeeded") >= 2);
        String deliveries = control("deliveries", "");
        assertFalse(deliveries, deliveries.matches(".*\"status\":(?!200\\b)-?\\d+.*"));
        assertTrue(deliveries, deliveries.contains("/api/pay/webhooks/stripe/connect"));

        // Forged or misaddressed webhooks are refused and change nothing.
        long before = stored(null);
        assertEquals(400, send("POST", portal + "/api/pay/webhooks/stripe/account", "{\"id\":\"evt_forged\","
                + "\"type\":\"payment_intent.succeeded\"}", "t=1,v1=00").statusCode());
        assertEquals(400, send("POST", portal + "/api/pay/webhooks/stripe/payouts", "{}", "t=1,v1=00").statusCode());
        assertEquals(before, stored(null));

        // Uninstalled and installed again while Portico runs: the payments are still there, at Stripe.
        features.uninstallFeature(FEATURE);
        await("the stripe processor to go", WAIT, () -> registry.find(PaymentProcessor.class, "stripe").isEmpty());
        features.installFeature(FEATURE);
        await("the stripe processor to return", WAIT,
                () -> registry.find(PaymentProcessor.class, "stripe").isPresent());
        PaymentProcessor again = registry.find(PaymentProcessor.class, "stripe").orElseThrow();
        assertEquals(PaymentState.Status.SUCCEEDED, again.fetch(account, card.processorReference()).status());
        String disputed = control("open-dispute", "payment_intent=" + card.processorReference()
                + "&reason=fraudulent");
        assertTrue(disputed, disputed.contains("\"id\":\"dp_"));
        await("the dispute's webhook after the reinstall", WAIT, () -> stored("charge.dispute.created") == 1);
        assertTrue(again.fetch(account, card.processorReference()).disputed());
    }

    @Test
    public void aBankPayerVerifiesMicroDepositsFromTheEmailAndTheAdminOpensTheExpressDashboard() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        features.installFeature(FEATURE);
        await("the stripe processor", WAIT, () -> registry.find(PaymentProcessor.class, "stripe").isPresent());
        PaymentProcessor stripe = registry.find(PaymentProcessor.class, "stripe").orElseThrow();
        // Looked up here, not injected: on a busy machine they register after the test class is made.
        Organizations organizations = service(Organizations.class);
        database = service(Database.class);
        String portal = "http://127.0.0.1:" + httpPort();
        Onboarding onboarding = stripe.onboard(new OnboardingRequest(null, "Operator", "owner@operator.test",
                URI.create(portal + "/admin/pay"), URI.create(portal + "/admin/pay/refresh")));
        assertEquals(303, send("POST", onboarding.redirectUri().toString(), "", null).statusCode());
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("MICRO-" + run, "Acme Micro",
                List.of("micro-" + run + ".example"), "C-" + run, "USD", null, Map.of())).id();
        long invoice = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, invoice, "INV-" + run, LocalDate.now().minusDays(3), LocalDate.now().plusDays(27),
                    "250.00", "250.00", "{}"));
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                    + " card_surcharge_percent, operator_state) VALUES (" + organizations.operator().id() + ", true,"
                    + " 'stripe', '" + onboarding.accountId() + "', 0, 'NV') ON CONFLICT (tenant_id) DO UPDATE SET"
                    + " enabled = true, processor = 'stripe', processor_account_id = EXCLUDED.processor_account_id");
        }
        String payer = "bea@micro-" + run + ".example";
        WebClient bea = join(payer, String.valueOf(acme), "admin", "Bea Banks");
        SmtpSink smtp = smtpSink();

        // Bea pays by a bank account she types in (no instant verification): Stripe sends micro-deposits.
        HttpResponse<String> opened = bea.form("/pay", Map.of("invoice", String.valueOf(invoice),
                "amount-" + invoice, "250.00", "csrf", bea.csrf));
        assertEquals(opened.body(), 303, opened.statusCode());
        String paymentPath = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertEquals(200, bea.send("GET", paymentPath, null, null, "text/html").statusCode());
        String token = confirmationToken("payment_method_data[type]=us_bank_account"
                + "&payment_method_data[us_bank_account][routing_number]=110000000"
                + "&payment_method_data[us_bank_account][account_number]=000123456789");
        HttpResponse<String> review = bea.form(paymentPath + "/review", Map.of("methodToken", token,
                "csrf", bea.csrf));
        assertEquals(review.body(), 200, review.statusCode());
        HttpResponse<String> paid = bea.form(paymentPath + "/confirm", Map.of("methodToken", token,
                "csrf", bea.csrf));
        assertEquals(paid.body(), 303, paid.statusCode());
        assertTrue("no redirect to Stripe's page", paid.headers().firstValue("Location").orElse("")
                .endsWith(paymentPath));
        String outcome = bea.send("GET", paymentPath, null, null, "text/html").body();
        assertTrue(outcome, outcome.contains("we emailed you a link to the page where you enter them"));
        // The return page and a repeated webhook change nothing: one change to requires_action, one email.
        bea.send("GET", paymentPath + "/return", null, null, "text/html");
        bea.send("GET", paymentPath + "/return", null, null, "text/html");

        String mail = null;
        while (mail == null || !mail.contains("To: " + payer)) {
            mail = smtp.next();
        }
        assertTrue(mail, mail.contains("Subject: Verify your bank account to finish your payment"));
        assertTrue(mail, mail.contains("Invoice INV-" + run + ": $250.00"));
        Matcher link = Pattern.compile("/pay/verify/([A-Za-z0-9_-]+)").matcher(mail);
        assertTrue(mail, link.find());
        String verifyPath = link.group(0);
        await("the verification email to be marked sent", WAIT, () -> count("SELECT count(*) FROM pay_payment_event e"
                + " JOIN pay_payment p ON p.id = e.payment_id WHERE p.organization_id = " + acme
                + " AND e.status = 'requires_action' AND e.notified_at IS NOT NULL") == 1);

        // The link opens without signing in: invoices, amount, the code's form, Stripe's page as the alternative.
        WebClient anyone = new WebClient(portal, null);
        HttpResponse<String> page = anyone.send("GET", verifyPath, null, null, "text/html");
        assertEquals(page.body(), 200, page.statusCode());
        for (String text : List.of("Verify your bank account", "INV-" + run, "$250.00", "name=\"code\"",
                "starts with SM", "/double/microdeposits/")) {
            assertTrue(text + " on the verify page:\n" + page.body(), page.body().contains(text));
        }
        String tampered = verifyPath.substring(0, verifyPath.length() - 3)
                + (verifyPath.endsWith("AAA") ? "BBB" : "AAA");
        HttpResponse<String> forged = anyone.send("GET", tampered, null, null, "text/html");
        assertEquals(404, forged.statusCode());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(forged.body(), forged.body().contains("Exception"));

        HttpResponse<String> wrong = anyone.form(verifyPath, Map.of("code", "SM00ZZ"));
        assertEquals(wrong.body(), 400, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("does not match the micro-deposit. You have 2 verification "
                + "attempts remaining."));
        HttpResponse<String> right = anyone.form(verifyPath, Map.of("code", "SM11AA"));
        assertEquals(right.body(), 303, right.statusCode());
        String verified = anyone.send("GET", verifyPath, null, null, "text/html").body();
        assertTrue(verified, verified.contains("Your bank account is verified") && verified.contains("processing"));
        assertEquals(1, count("SELECT count(*) FROM pay_payment WHERE organization_id = " + acme
                + " AND status = 'processing'"));
        // The next email is the processing notice, not a second verification link.
        String next = null;
        while (next == null || !next.contains("To: " + payer)) {
            next = smtp.next();
        }
        assertTrue(next, next.contains("Your bank payment is processing"));
        smtp.close();

        // An operator admin opens the Express dashboard: a login link made on the click, used once.
        WebClient olga = join("olga-" + run + "@operator.example", null, "admin", "Olga Operator");
        String settings = olga.send("GET", "/admin/pay", null, null, "text/html").body();
        assertTrue(settings, settings.contains("action=\"/admin/pay/dashboard\""));
        assertEquals("nothing made at render", 0, control("requests", "").split("login_links", -1).length - 1);
        HttpResponse<String> dashboard = olga.form("/admin/pay/dashboard", Map.of("csrf", olga.csrf));
        assertEquals(dashboard.body(), 303, dashboard.statusCode());
        String express = dashboard.headers().firstValue("Location").orElseThrow();
        assertTrue(express, express.startsWith(System.getProperty("portico.itest.stripe") + "/double/express/"));
        assertTrue(send("GET", express, null, null).body().contains(onboarding.accountId()));
        assertTrue(send("GET", express, null, null).body().contains("already used"));
        assertEquals(403, bea.form("/admin/pay/dashboard", Map.of("csrf", bea.csrf)).statusCode());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        T service = tracker.waitForService(WAIT.toMillis());
        assertTrue("no " + type.getSimpleName() + " service", service != null);
        return service;
    }

    private long count(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static CheckoutRequest checkout(String account, String amount, PaymentMethodKind kind) {
        return new CheckoutRequest(account, UUID.randomUUID().toString(), usd(amount), Set.of(kind), "Invoice INV-1",
                Map.of(), "checkout:" + UUID.randomUUID());
    }

    private static ConfirmRequest confirm(String account, CheckoutSession session, String token, String amount) {
        return new ConfirmRequest(account, session.processorReference(), token, usd(amount),
                URI.create("https://portal.example/pay/x/return"), Map.of(), "confirm:" + UUID.randomUUID());
    }

    /** What Stripe.js does in the payer's browser: a confirmation token for the entered payment method. */
    private String confirmationToken(String form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                System.getProperty("portico.itest.stripe") + "/v1/test_helpers/confirmation_tokens"))
                .header("Authorization", "Bearer " + StripeDoubleServer.SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        Matcher id = Pattern.compile("\"id\":\"(ctoken_\\w+)\"").matcher(response.body());
        assertTrue(response.body(), id.find());
        return id.group(1);
    }

    private String control(String hook, String form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                System.getProperty("portico.itest.stripe") + "/double/control/" + hook))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }

    private HttpResponse<String> send(String method, String url, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature).header("Content-Type", "application/json");
        } else if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long stored(String type) {
        String sql = "SELECT count(*) FROM pay_webhook_event WHERE processor = 'stripe'"
                + (type == null ? "" : " AND event_type = '" + type + "'");
        try (Connection c = DriverManager.getConnection(System.getProperty("portico.itest.stripe.db"),
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
