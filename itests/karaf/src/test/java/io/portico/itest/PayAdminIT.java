package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Pay's admin side in the real distribution: Settings &gt; Pay for the operator's admins (a field that is not valid
 * is marked, Pay stays off without a ready account), refused to a customer; the payments made here, scoped, with
 * bad input answered 400 or 404; the console's pay commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PayAdminIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private Organizations organizations;

    @Configuration
    public Option[] config() {
        // A database of its own: Pay's settings, payments and their emails must not reach other test classes.
        return distribution(databasePassword(), privateDatabase("portico_test_payadmin"));
    }

    private static HttpResponse<String> page(WebClient client, String path) throws Exception {
        return client.send("GET", path, null, null, "text/html");
    }

    private static HttpResponse<String> post(WebClient client, String path, Map<String, String> fields)
            throws Exception {
        Map<String, String> withCsrf = new java.util.HashMap<>(fields);
        withCsrf.put("csrf", client.csrf);
        return client.form(path, withCsrf);
    }

    @Test
    public void anOperatorAdminSetsUpPayAndACustomerSeesOnlyTheirPayments() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("PAY-" + run, "Acme " + run,
                List.of("acme-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient owner = join("pay-owner-" + run + "@operator.example", null, "owner");
        WebClient customer = join("admin@acme-" + run + ".example", String.valueOf(acme), "admin");

        String dashboard = page(owner, "/dashboard").body();
        assertTrue(dashboard, dashboard.contains("href=\"/admin/pay\""));
        HttpResponse<String> settings = page(owner, "/admin/pay");
        assertEquals(settings.body(), 200, settings.statusCode());
        assertTrue(settings.body().contains("Credit card surcharge"));
        assertTrue("the customer can be exempted", settings.body().contains("Acme " + run));

        HttpResponse<String> invalid = post(owner, "/admin/pay", Map.of("cardSurchargePercent", "7",
                "bankFee", "0", "partialMinimum", "0"));
        assertEquals(invalid.body(), 400, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("id=\"cardSurchargePercent-error\""));
        HttpResponse<String> saved = post(owner, "/admin/pay", Map.of("cardSurchargePercent", "2.5",
                "operatorState", "co", "bankFee", "1.00", "partialMinimum", "5", "partialPayments", "true",
                "exempt", String.valueOf(acme)));
        assertEquals(saved.body(), 303, saved.statusCode());
        String reread = page(owner, "/admin/pay?notice=saved").body();
        assertTrue(reread, reread.contains("value=\"2.5\""));
        assertTrue(reread, reread.contains("value=\"CO\""));
        assertTrue(reread, reread.contains("The Pay settings were saved."));
        assertEquals("Pay stays off without a ready account", 409,
                post(owner, "/admin/pay/enable", Map.of("on", "true")).statusCode());
        assertEquals(400, post(owner, "/admin/pay/processor", Map.of("processor", "no-such-plugin")).statusCode());
        assertEquals(400, page(owner, "/payments?from=2026-13-01").statusCode());
        assertEquals(200, page(owner, "/payments?customer=" + acme + "&status=refunded").statusCode());

        HttpResponse<String> refused = page(customer, "/admin/pay");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("Credit card surcharge"));
        assertEquals(403, post(customer, "/admin/pay/enable", Map.of("on", "false")).statusCode());
        HttpResponse<String> payments = page(customer, "/payments");
        assertEquals(payments.body(), 200, payments.statusCode());
        assertTrue(payments.body().contains("No payments were made here yet."));
        HttpResponse<String> api = customer.send("GET", "/api/payments", null);
        assertEquals(200, api.statusCode());
        assertTrue(api.body(), api.body().contains("\"payments\":[]"));
        assertEquals(404, customer.send("GET", "/api/payments/not-a-payment", null).statusCode());
        assertEquals(404, customer.send("GET", "/api/payments/" + UUID.randomUUID(), null).statusCode());
        assertEquals(400, customer.send("GET", "/api/payments?status=bogus", null).statusCode());
        assertEquals(400, customer.send("GET", "/api/payments?customer=" + acme, null).statusCode());
        assertEquals(400, customer.send("GET", "/api/payments?size=100000", null).statusCode());
        assertEquals("customers never refund", 403, post(customer, "/payments/" + UUID.randomUUID() + "/refund",
                Map.of()).statusCode());
        assertTrue(owner.send("GET", "/api/openapi.json", null).body().contains("/api/payments/{id}"));

        await("the portico:pay-list command", WAIT,
                () -> sessionFactory.getRegistry().getCommand("portico", "pay-list") != null);
        assertTrue(console("portico:pay-list --status succeeded").contains("payments"));
        try {
            console("portico:pay-refund " + UUID.randomUUID() + " 1.00");
            throw new AssertionError("a refund of no payment must fail");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no such payment"));
        }
    }

    @Test
    public void anOperatorAdminSetsHowPaymentsAreWrittenToNetSuite() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        WebClient owner = join("ns-owner-" + run + "@operator.example", null, "admin");
        String settings = page(owner, "/admin/pay").body();
        assertTrue(settings, settings.contains("Payments in NetSuite"));
        assertTrue("the threshold's default", settings.contains("name=\"warnAfterMinutes\" inputmode=\"numeric\""
                + " maxlength=\"5\" value=\"60\""));

        Map<String, String> valid = Map.of("accountId", "1", "paymentMethodId", "3", "timeZone", "America/Chicago",
                "feeRecording", "none", "reversalMode", "void", "payLinkField", "custbody_portico_pay_link",
                "warnAfterMinutes", "45");
        Map<String, String> badField = new java.util.HashMap<>(valid);
        badField.put("payLinkField", "custentity_link");
        HttpResponse<String> invalid = post(owner, "/admin/pay/writeback", badField);
        assertEquals(invalid.body(), 400, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("id=\"payLinkField-error\""));
        assertTrue("what was entered stays", invalid.body().contains("value=\"custentity_link\""));
        Map<String, String> badChoice = new java.util.HashMap<>(valid);
        badChoice.put("reversalMode", "shred");
        assertEquals(400, post(owner, "/admin/pay/writeback", badChoice).statusCode());

        HttpResponse<String> saved = post(owner, "/admin/pay/writeback", valid);
        assertEquals(saved.body(), 303, saved.statusCode());
        String reread = page(owner, "/admin/pay?notice=writeback").body();
        assertTrue(reread, reread.contains("The settings for payments in NetSuite were saved."));
        assertTrue(reread, reread.contains("value=\"custbody_portico_pay_link\""));
        assertTrue(reread, reread.contains("value=\"America/Chicago\""));
        assertTrue(reread, reread.contains("<option value=\"void\" selected>"));
        assertTrue(reread, reread.contains("<option value=\"none\" selected>"));
        assertTrue(reread, reread.contains("value=\"45\""));

        long acme = organizations.upsertCustomer(new CustomerOrganization("NS-" + run, "Acme " + run,
                List.of("acme-ns-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient customer = join("admin@acme-ns-" + run + ".example", String.valueOf(acme), "admin");
        assertEquals(403, post(customer, "/admin/pay/writeback", valid).statusCode());
        assertTrue("the customer's attempt changed nothing", page(owner, "/admin/pay").body()
                .contains("value=\"custbody_portico_pay_link\""));
    }
}
