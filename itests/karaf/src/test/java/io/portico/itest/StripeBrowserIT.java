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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * A customer pays an invoice by credit card through the Stripe plugin in Chromium ({@link
 * io.portico.itest.browser.StripeCheckoutWalk}, in a JVM of its own like {@link BrowserIT}'s walk): the real checkout
 * pages, their Content-Security-Policy, the plugin's checkout script and the server-side confirm against the Stripe
 * double; only Stripe's own origins are played by the double at the browser's network boundary, with a stand-in for
 * Stripe.js.
 *
 * <p>Not covered: Stripe.js and the Payment Element themselves (their iframes, card validation, Financial
 * Connections' flow, wallets), Stripe's 3-D Secure pages, and the network between the browser and Stripe.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StripeBrowserIT extends PorticoTestSupport {

    private static final String CLASSPATH_PROPERTY = "portico.itest.browser.classpath";
    private static final String STRIPE_CFG = "etc/io.portico.pay.stripe.cfg";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        String apiBase = StripeDoubleServer.apiBase();
        return OptionUtils.combine(distribution(databasePassword(), privateDatabase("portico_stripebrowser")),
                editConfigurationFilePut(STRIPE_CFG, "secretKey", StripeDoubleServer.SECRET_KEY),
                editConfigurationFilePut(STRIPE_CFG, "publishableKey", "pk_test_portico_itest"),
                editConfigurationFilePut(STRIPE_CFG, "webhookSecret", "whsec_itest_account"),
                editConfigurationFilePut(STRIPE_CFG, "connectWebhookSecret", "whsec_itest_connect"),
                editConfigurationFilePut(STRIPE_CFG, "apiBase", apiBase),
                systemProperty("portico.itest.stripe").value(apiBase),
                systemProperty(CLASSPATH_PROPERTY).value(BrowserIT.driverClassPathFile()));
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
                new OnboardingRequest(null, "Operator", "owner@operator.example", URI.create("http://localhost/admin/pay"),
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
        try (Connection c = databases.waitForService(60_000).dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(invoice(acme, invoice, "INV-3001", LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
                    "100.00", "100.00", "{}"));
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                    + " card_surcharge_percent, operator_state) VALUES (" + organizations.operator().id() + ", true,"
                    + " 'stripe', '" + onboarding.accountId() + "', 3, 'NV') ON CONFLICT (tenant_id) DO UPDATE SET"
                    + " enabled = true, processor = 'stripe', processor_account_id = EXCLUDED.processor_account_id,"
                    + " card_surcharge_percent = 3, operator_state = 'NV'");
        }
        String customer = "ann@acme-" + run + ".example";
        join(customer, String.valueOf(acme), "admin", "Ann Archer");

        Path log = Files.createTempFile("portico-stripe-walk-", ".log");
        Process walk = new ProcessBuilder(BrowserIT.javaExecutable(), "@" + System.getProperty(CLASSPATH_PROPERTY),
                "-Xmx256m", "io.portico.itest.browser.StripeCheckoutWalk", "http://localhost:" + httpPort(),
                System.getProperty("portico.itest.stripe"), customer, TEST_PASSWORD, String.valueOf(invoice))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = walk.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            walk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        assertTrue("the Stripe walk did not end in 5 minutes:\n" + output, ended);
        assertEquals("the Stripe walk found problems:\n" + output, 0, walk.exitValue());
        assertTrue(output, output.contains("stripe GET https://js.stripe.com/v3/"));
        assertTrue(output, output.contains("stripe POST https://api.stripe.com/v1/test_helpers/confirmation_tokens"));

        // The ledger has the payment as Stripe took it: the invoice and the surcharge, succeeded.
        try (Connection c = databases.getService().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, processor, processor_reference FROM pay_payment"
                        + " WHERE organization_id = " + acme)) {
            assertTrue("a payment for the customer", rs.next());
            assertEquals("succeeded", rs.getString(1));
            assertEquals("stripe", rs.getString(2));
            assertTrue(rs.getString(3), rs.getString(3).startsWith("pi_"));
        }
    }
}
