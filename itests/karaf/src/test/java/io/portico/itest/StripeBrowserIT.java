package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.plugin.PluginRegistry;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A customer pays an invoice by credit card, and another with a card that needs 3-D Secure, through the Stripe
 * plugin in Chromium ({@link
 * io.portico.itest.browser.StripeCheckoutWalk}, in a JVM of its own like {@link BrowserIT}'s walk): the real checkout
 * pages, their Content-Security-Policy, the plugin's checkout script and the server-side confirm against the Stripe
 * double; only Stripe's own origins are played by the double at the browser's network boundary, with a stand-in for
 * Stripe.js.
 *
 * <p>The customer then pays two invoices by bank accounts entered by hand, which Stripe verifies with micro-deposits,
 * and opens each emailed link (received here, handed to the walk): the verification page on a desktop (the deposit's
 * code) and on a phone (the two amounts), a wrong answer and then the right one; the payments are then processing.
 * The walk keeps {@code docs/screenshots/pay-verify-*.png} true.
 *
 * <p>Then the payer's bank disputes the payment: the webhook marks it disputed, its page shows the dispute (status,
 * reason, evidence deadline) to the operator's admin, and the operator's admins get an email.
 *
 * <p>Not covered: Stripe.js and the Payment Element themselves (their iframes, card validation, Financial
 * Connections' flow, wallets), Stripe's real 3-D Secure pages (the double's stand in at https://hooks.stripe.com),
 * and the network between the browser and Stripe.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StripeBrowserIT extends PorticoTestSupport {

    private static final String CLASSPATH_PROPERTY = "portico.itest.browser.classpath";
    private static final String SCREENSHOTS_PROPERTY = "portico.itest.screenshots";
    private static final String STRIPE_CFG = "etc/io.portico.pay.stripe.cfg";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration WALK = Duration.ofMinutes(8);
    private static final Pattern VERIFY_LINK = Pattern.compile("/pay/verify/[A-Za-z0-9_-]+");

    @Inject
    private FeaturesService features;

    private Database database;

    @Configuration
    public Option[] config() {
        String apiBase = StripeDoubleServer.start();
        return OptionUtils.combine(withSmtp(distribution(databasePassword(),
                privateDatabase("portico_stripebrowser"))),
                editConfigurationFilePut(STRIPE_CFG, "secretKey", StripeDoubleServer.SECRET_KEY),
                editConfigurationFilePut(STRIPE_CFG, "publishableKey", "pk_test_portico_itest"),
                editConfigurationFilePut(STRIPE_CFG, "webhookSecret", "whsec_itest_account"),
                editConfigurationFilePut(STRIPE_CFG, "connectWebhookSecret", "whsec_itest_connect"),
                editConfigurationFilePut(STRIPE_CFG, "apiBase", apiBase),
                systemProperty("portico.itest.stripe").value(apiBase),
                systemProperty(CLASSPATH_PROPERTY).value(BrowserIT.driverClassPathFile()),
                systemProperty(SCREENSHOTS_PROPERTY).value(new File(System.getProperty(SCREENSHOTS_PROPERTY,
                        "../../docs/screenshots")).getAbsolutePath()));
    }

    @Test
    public void aCustomerPaysByCardThroughStripe() throws Exception {
        for (String program : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            assertTrue(program + " is missing", new File(program).canExecute());
        }
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        features.installFeature("portico-plugin-payment-stripe");
        ServiceTracker<PluginRegistry, PluginRegistry> plugins = new ServiceTracker<>(bundleContext,
                PluginRegistry.class, null);
        plugins.open();
        PluginRegistry registry = plugins.waitForService(60_000);
        await("the stripe processor", WAIT, () -> registry.find(PaymentProcessor.class, "stripe").isPresent());
        ServiceTracker<Organizations, Organizations> orgs = new ServiceTracker<>(bundleContext, Organizations.class,
                null);
        orgs.open();
        Organizations organizations = orgs.waitForService(60_000);

        // The operator connects Stripe (the Account Link's page, finished) and turns Pay on with a 3 % surcharge.
        Onboarding onboarding = registry.find(PaymentProcessor.class, "stripe").orElseThrow().onboard(
                new OnboardingRequest(null, "Operator", "owner@operator.example",
                        URI.create("http://localhost/admin/pay"),
                        URI.create("http://localhost/admin/pay/refresh")));
        HttpResponse<String> finished = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                onboarding.redirectUri()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, finished.statusCode());
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("STRIPE-" + run, "Acme Supplies",
                List.of("acme-" + run + ".example"), "C-2001", "USD", null, Map.of())).id();
        long invoice = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        ServiceTracker<Database, Database> databases = new ServiceTracker<>(bundleContext, Database.class, null);
        databases.open();
        database = databases.waitForService(60_000);
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(invoice(acme, invoice, "INV-3001", LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
                    "100.00", "100.00", "{}"));
            s.execute(invoice(acme, invoice + 1, "INV-3002", LocalDate.now().minusDays(5), LocalDate.now().plusDays(25),
                    "100.00", "100.00", "{}"));
            s.execute(invoice(acme, invoice + 2, "INV-3003", LocalDate.now().minusDays(4), LocalDate.now().plusDays(26),
                    "100.00", "100.00", "{}"));
            s.execute(invoice(acme, invoice + 3, "INV-3004", LocalDate.now().minusDays(3), LocalDate.now().plusDays(27),
                    "250.00", "250.00", "{}"));
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                    + " card_surcharge_percent, operator_state) VALUES (" + organizations.operator().id() + ", true,"
                    + " 'stripe', '" + onboarding.accountId() + "', 3, 'NV') ON CONFLICT (tenant_id) DO UPDATE SET"
                    + " enabled = true, processor = 'stripe', processor_account_id = EXCLUDED.processor_account_id,"
                    + " card_surcharge_percent = 3, operator_state = 'NV'");
        }
        String customer = "ann@acme-" + run + ".example";
        join(customer, String.valueOf(acme), "admin", "Ann Archer");
        String operatorAdmin = "olga-" + run + "@operator.example";
        WebClient olga = join(operatorAdmin, null, "admin", "Olga Operator");
        String portal = "http://127.0.0.1:" + httpPort();
        control("webhook-endpoint", "url=" + portal + "/api/pay/webhooks/stripe/account&secret=whsec_itest_account");
        // The browser reaches Stripe's pages at Stripe's origins, which the walk routes to the double.
        control("pages-origin", "origin=https://hooks.stripe.com");
        SmtpSink smtp = smtpSink();

        Path log = Files.createTempFile("portico-stripe-walk-", ".log");
        Process walk = new ProcessBuilder(BrowserIT.javaExecutable(), "@" + System.getProperty(CLASSPATH_PROPERTY),
                "-Xmx256m", "io.portico.itest.browser.StripeCheckoutWalk", "http://localhost:" + httpPort(),
                System.getProperty("portico.itest.stripe"), System.getProperty(SCREENSHOTS_PROPERTY), customer,
                TEST_PASSWORD, String.valueOf(invoice), String.valueOf(invoice + 1), String.valueOf(invoice + 2),
                String.valueOf(invoice + 3))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(WALK);
        handVerifyLinks(smtp, customer, walk, deadline);
        boolean ended = walk.waitFor(Math.max(1, Duration.between(Instant.now(), deadline).toSeconds()),
                TimeUnit.SECONDS);
        if (!ended) {
            walk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        assertTrue("the Stripe walk did not end in " + WALK + ":\n" + output, ended);
        assertEquals("the Stripe walk found problems:\n" + output, 0, walk.exitValue());
        assertTrue(output, output.contains("stripe GET https://js.stripe.com/v3/"));
        assertTrue(output, output.contains("stripe POST https://api.stripe.com/v1/test_helpers/confirmation_tokens"));

        // The ledger has the first payment as Stripe took it: the invoice and the surcharge, succeeded.
        String reference = ledger(acme, "processor_reference");
        assertEquals("succeeded", ledger(acme, "status"));
        assertEquals("stripe", ledger(acme, "processor"));
        assertTrue(reference, reference.startsWith("pi_"));
        // The two bank payments verified by micro-deposits are processing (bank debits take days to settle).
        assertEquals(2, payments(acme, "us_bank_account", "processing"));

        // The payer's bank disputes it: the webhook marks it disputed, its page shows the dispute to the operator's
        // staff, and the operator's admins are told by email.
        control("open-dispute", "payment_intent=" + reference + "&reason=product_not_received");
        await("the payment to read disputed", WAIT, () -> "disputed".equals(ledger(acme, "status")));
        String page = olga.send("GET", "/payments/" + ledger(acme, "public_id"), null, null, "text/html").body();
        for (String text : List.of("Disputes", "Needs a response", "product not received", "$103.00")) {
            assertTrue(text + " on the payment's page:\n" + page, page.contains(text));
        }
        String mail = null;
        while (mail == null || !mail.contains("To: " + operatorAdmin)) {
            mail = smtp.next();
        }
        assertTrue(mail, mail.contains("A payment is disputed") && mail.contains("Invoice INV-3001: $100.00"));
        smtp.close();
    }

    /**
     * Hands the walk, on its standard input, the link of each micro-deposit email the customer receives (two), as
     * the payer would click it: the path, since the email names the portal's public address, not the test's port.
     */
    private static void handVerifyLinks(SmtpSink smtp, String customer, Process walk, Instant deadline)
            throws InterruptedException {
        try (Writer links = new OutputStreamWriter(walk.getOutputStream(), StandardCharsets.UTF_8)) {
            int handed = 0;
            while (handed < 2 && walk.isAlive() && Instant.now().isBefore(deadline)) {
                String mail = smtp.poll(Duration.ofSeconds(5));
                Matcher link = mail == null ? null : VERIFY_LINK.matcher(mail);
                if (link != null && mail.contains("To: " + customer) && link.find()) {
                    links.write(link.group() + "\n");
                    links.flush();
                    handed++;
                }
            }
        } catch (IOException walkEnded) {
            // the walk broke off: its output says why
        }
    }

    private String ledger(long organization, String column) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + " FROM pay_payment WHERE organization_id = "
                        + organization + " ORDER BY id LIMIT 1")) {
            assertTrue("a payment for the customer", rs.next());
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long payments(long organization, String methodKind, String status) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pay_payment WHERE organization_id = "
                        + organization + " AND method_kind = '" + methodKind + "' AND status = '" + status + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String control(String hook, String form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                System.getProperty("portico.itest.stripe") + "/double/control/" + hook))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }
}
