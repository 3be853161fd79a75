package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.plugin.PluginName;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
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
import org.osgi.framework.ServiceRegistration;

/**
 * A no-login payment link in the real distribution: a customer's admin makes one, someone without an account opens
 * it in a fresh client and pays the invoice through the same checkout, the link then shows the invoice paid; another
 * link's token does not reach that payment, and a tampered or withdrawn link says so.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PayLinkIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("\"url\":\"[^\"]*(/pay/l/[A-Za-z0-9_-]{43})\"");

    @Inject
    private Organizations organizations;

    @Inject
    private Database database;

    @Configuration
    public Option[] config() {
        // A database of its own: Pay's settings, payments and their emails must not reach other test classes.
        return distribution(databasePassword(), privateDatabase("portico_test_paylink"));
    }

    @Test
    public void someoneWithoutAnAccountPaysAnInvoiceThroughALink() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Dictionary<String, Object> name = new Hashtable<>();
        name.put(PluginName.PROPERTY, "itest-cards");
        ServiceRegistration<PaymentProcessor> processor = bundleContext.registerService(PaymentProcessor.class,
                new CardOnlyProcessor(), name);
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            long acme = organizations.upsertCustomer(new CustomerOrganization("LA-" + run, "Acme " + run,
                    List.of("acme-" + run + ".example"), "NV", "USD", null, Map.of())).id();
            long invoice = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10 + 1;
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                        + " status, total, amount_remaining, currency, content_hash, sync_generation) SELECT tenant_id,"
                        + " id, 'invoice', " + invoice + ", 'L-INV-" + run + "', 'open', 120, 120, 'USD', 0, 0 FROM"
                        + " organization WHERE id = " + acme);
                s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                        + " card_surcharge_percent, operator_state) SELECT tenant_id, true, 'itest-cards',"
                        + " 'acct_itest', 0, 'NV' FROM organization WHERE id = " + acme
                        + " ON CONFLICT (tenant_id) DO UPDATE SET enabled = true, processor = 'itest-cards',"
                        + " processor_account_id = 'acct_itest'");
            }
            WebClient admin = join("admin@acme-" + run + ".example", String.valueOf(acme), "admin");
            WebClient member = join("member@acme-" + run + ".example", String.valueOf(acme), "member");
            String body = "{\"invoices\":[" + invoice + "]}";
            assertEquals(403, member.send("POST", "/api/pay/links", body).statusCode());
            assertEquals(400, admin.send("POST", "/api/pay/links", "{\"invoices\":[" + invoice + "],\"days\":400}")
                    .statusCode());
            assertEquals(400, admin.send("POST", "/api/pay/links", "{\"invoices\":\"all\"}").statusCode());
            HttpResponse<String> made = admin.send("POST", "/api/pay/links", body);
            assertEquals(made.body(), 201, made.statusCode());
            Matcher url = LINK.matcher(made.body());
            assertTrue(made.body(), url.find());
            String link = url.group(1);
            Matcher other = LINK.matcher(admin.send("POST", "/api/pay/links", body).body());
            assertTrue(other.find());
            String page = admin.form("/pay/links", Map.of("invoice", String.valueOf(invoice), "days", "3",
                    "csrf", admin.csrf)).body();
            assertTrue(page, page.contains("/pay/l/") && page.contains("data-copy=\"pay-link\""));

            WebClient stranger = new WebClient("http://localhost:" + httpPort(), null);
            HttpResponse<String> opened = stranger.send("GET", link + "?amount-" + invoice + "=1", null, null,
                    "text/html");
            assertEquals(opened.body(), 200, opened.statusCode());
            assertTrue(opened.body(), opened.body().contains("L-INV-" + run) && opened.body().contains("$120.00")
                    && opened.body().contains("Acme " + run));
            assertTrue("no amount from the URL", opened.body().contains("value=\"120.00\""));
            String asked = stranger.send("GET", "/api" + link, null).body();
            assertTrue(asked, asked.contains("\"payable\":120") && asked.contains("\"paid\":false"));
            Matcher csrf = CSRF.matcher(opened.body());
            assertTrue(csrf.find());
            Map<String, String> choice = Map.of("invoice", String.valueOf(invoice), "amount-" + invoice, "120.00",
                    "email", "ap@acme-" + run + ".example", "csrf", csrf.group(1));
            assertEquals(403, new WebClient("http://localhost:" + httpPort(), null).form(link, choice).statusCode());
            HttpResponse<String> started = stranger.form(link, choice);
            assertEquals(started.body(), 303, started.statusCode());
            String payment = path(started);
            assertTrue(payment, payment.startsWith(link + "/"));
            assertEquals(200, stranger.send("GET", payment, null, null, "text/html").statusCode());
            String otherPayment = other.group(1) + payment.substring(link.length());
            assertEquals(404, stranger.send("GET", otherPayment, null, null, "text/html").statusCode());
            assertEquals(404, stranger.form(otherPayment + "/confirm", Map.of("methodToken", "credit", "csrf",
                    csrf.group(1))).statusCode());
            String review = stranger.form(payment + "/review", Map.of("methodToken", "credit", "csrf",
                    csrf.group(1))).body();
            assertTrue(review, review.contains("action=\"" + payment + "/confirm\""));
            HttpResponse<String> paid = stranger.form(payment + "/confirm", Map.of("methodToken", "credit", "csrf",
                    csrf.group(1)));
            assertEquals(paid.body(), 303, paid.statusCode());
            String outcome = stranger.send("GET", path(paid), null, null, "text/html").body();
            assertTrue(outcome, outcome.contains("Thank you"));
            String after = stranger.send("GET", link, null, null, "text/html").body();
            assertTrue(after, after.contains("Nothing is left to pay on this invoice."));

            HttpResponse<String> tampered = stranger.send("GET", link.substring(0, link.length() - 2) + "zz", null,
                    null, "text/html");
            assertEquals(404, tampered.statusCode());
            assertTrue(tampered.body(), tampered.body().contains("This payment link is not valid"));
            Matcher id = Pattern.compile("\"id\":([0-9]+)").matcher(made.body());
            assertTrue(made.body(), id.find());
            assertTrue(admin.send("GET", "/api/pay/links", null).body().contains("\"id\":" + id.group(1) + ","));
            assertTrue(admin.send("GET", "/pay/links", null, null, "text/html").body().contains("Withdraw"));
            assertEquals(200, admin.send("POST", "/api/pay/links/" + id.group(1) + "/revoke", null).statusCode());
            assertEquals(404, admin.send("POST", "/api/pay/links/999999999/revoke", null).statusCode());
            HttpResponse<String> withdrawn = stranger.send("GET", link, null, null, "text/html");
            assertEquals(410, withdrawn.statusCode());
            assertTrue(withdrawn.body(), withdrawn.body().contains("was withdrawn"));
            assertEquals(200, stranger.send("GET", other.group(1), null, null, "text/html").statusCode());
            HttpResponse<String> withdrawnApi = stranger.send("GET", "/api" + link, null);
            assertEquals(404, withdrawnApi.statusCode());
            assertTrue(withdrawnApi.body(), withdrawnApi.body().contains("was withdrawn"));
            HttpResponse<String> api = stranger.send("GET", link.substring(0, link.length() - 2) + "zz", null);
            assertEquals(404, api.statusCode());
            assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        } finally {
            processor.unregister();
        }
    }

    private static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }
}
