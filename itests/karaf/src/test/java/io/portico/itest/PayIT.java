package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.plugin.PluginRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Pay over HTTP in the distribution with the sandbox processor: a customer pays two invoices, one partially, by
 * credit card with the disclosed surcharge, and gets a receipt by email; a declined card leaves no payment and no
 * fee; a 3-D Secure challenge; a bank payment that the bank returns after processing is shown failed; another
 * organization's invoice is 404.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PayIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Pattern PAYMENT = Pattern.compile("/pay/([0-9a-f-]{36})$");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    private Organizations organizations;

    @Inject
    private Database database;

    @Inject
    private PluginRegistry registry;

    private SmtpSink smtp;
    private WebClient customer;

    @Configuration
    public Option[] config() {
        // A database of its own: Pay is turned on here, which later test classes must not find.
        return withSmtp(distribution(databasePassword(), privateDatabase("portico_test_pay")));
    }

    @Before
    public void startSmtp() throws IOException {
        smtp = smtpSink();
    }

    @After
    public void stopSmtp() throws IOException {
        smtp.close();
    }

    @Test
    public void aCustomerPaysInvoicesWithEveryKindOfOutcome() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        await("the sandbox processor", WAIT, () -> registry.find(PaymentProcessor.class, "sandbox").isPresent());
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("PAY-A-" + run, "Acme " + run,
                List.of("acme-" + run + ".example"), "ok", "USD", null, Map.of())).id();
        long globex = organizations.upsertCustomer(new CustomerOrganization("PAY-B-" + run, "Globex " + run,
                List.of("globex-" + run + ".example"), "ok", "USD", null, Map.of())).id();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        long inv1 = base + 1;
        long inv2 = base + 2;
        long secret = base + 3;
        LocalDate today = LocalDate.now();
        long tenant;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, inv1, "P-INV-1", today, "60.00"));
            s.execute(invoice(acme, inv2, "P-INV-2", today, "250.50"));
            s.execute(invoice(globex, secret, "P-SECRET", today, "99.00"));
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " item, description, quantity, rate, amount) SELECT id, 'items', 1, tenant_id, organization_id,"
                    + " 'GEAR-7', 'Steel gear', 3, 20, 60 FROM ns_transaction WHERE netsuite_id = " + inv1);
            try (ResultSet rs = s.executeQuery("SELECT tenant_id FROM organization WHERE id = " + acme)) {
                rs.next();
                tenant = rs.getLong(1);
            }
        }
        String account = connectSandbox();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                    + " card_surcharge_percent, operator_state) VALUES (" + tenant + ", true, 'sandbox', '" + account
                    + "', 2.5, 'NV') ON CONFLICT (tenant_id) DO UPDATE SET enabled = true, processor = 'sandbox',"
                    + " processor_account_id = EXCLUDED.processor_account_id, card_surcharge_percent = 2.5,"
                    + " operator_state = 'NV'");
        }
        customer = join("ap@acme-" + run + ".example", String.valueOf(acme), "admin");

        // Choose: the invoices with their items and what is left; another organization's invoice is not there.
        String choose = page("/pay?invoice=" + inv1 + "&invoice=" + inv2);
        assertTrue(choose, choose.contains("P-INV-1") && choose.contains("Steel gear") && choose.contains("$250.50"));
        assertTrue(choose, choose.contains("surcharge of up to 2.5 %"));
        assertEquals(404, customer.send("GET", "/pay?invoice=" + secret, null, null, "text/html").statusCode());
        assertEquals(404, open(Map.of(secret, "10.00")).statusCode());
        assertEquals(400, open(Map.of(inv1, "60.01")).statusCode());
        assertEquals(400, open(Map.of(inv1, "1.001")).statusCode());

        // Two invoices, one partially, by credit card: the surcharge is shown before paying, then charged.
        String first = opened(Map.of(inv1, "60.00", inv2, "100.00"));
        HttpResponse<String> method = customer.send("GET", "/pay/" + first, null, null, "text/html");
        assertEquals(method.body(), 200, method.statusCode());
        assertTrue(method.body(), method.body().contains("/pay-sandbox/element.js"));
        assertTrue(method.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        String credit = token(account, "4242424242424242", "FL");
        String review = customer.send("POST", "/pay/" + first + "/review", FORM, "methodToken=" + credit
                + "&csrf=" + customer.csrf, "text/html").body();
        assertTrue(review, review.contains("Credit card surcharge (2.5 %)") && review.contains("$4.00"));
        assertTrue(review, review.contains("Pay $164.00"));
        assertEquals("/pay/" + first, confirm(first, credit));
        String paid = page("/pay/" + first);
        assertTrue(paid, paid.contains("Paid") && paid.contains("$164.00") && paid.contains("ending in 4242"));
        String receipt = smtp.next();
        assertTrue(receipt, receipt.contains("Receipt for your payment") && receipt.contains("P-INV-1")
                && receipt.contains("Credit card surcharge") && receipt.contains("$164.00"));
        assertEquals("the double submit paid nothing more", "/pay/" + first, confirm(first, credit));
        assertEquals(409, open(Map.of(inv1, "1.00")).statusCode());

        // A declined card: no payment, no fee.
        String declined = opened(Map.of(inv2, "150.50"));
        confirm(declined, token(account, "4000000000000002", "FL"));
        String refused = page("/pay/" + declined);
        assertTrue(refused, refused.contains("Your card was declined."));
        assertEquals(0, BigDecimal.ZERO.compareTo(column(declined, "surcharge")));

        // A 3-D Secure challenge, passed.
        String challenged = opened(Map.of(inv2, "50.00"));
        String challenge = confirm(challenged, token(account, "4000000000003220", "FL"));
        assertTrue(challenge, challenge.startsWith("/pay-sandbox/challenge/"));
        HttpResponse<String> back = customer.send("POST", challenge, FORM, "outcome=authenticate&csrf="
                + customer.csrf, "text/html");
        assertEquals(back.body(), 303, back.statusCode());
        HttpResponse<String> returned = customer.send("GET", path(back), null, null, "text/html");
        assertEquals(303, returned.statusCode());
        assertTrue(page("/pay/" + challenged).contains("Paid"));
        smtp.next();

        // A bank payment that processes, then the bank returns it.
        String bank = opened(Map.of(inv2, "100.50"));
        confirm(bank, bankToken(account, "000111111113"));
        assertTrue(page("/pay/" + bank).contains("processing"));
        await("the bank to return the payment", WAIT, () -> "failed".equals(paymentStatus(bank)));
        assertTrue(page("/pay/" + bank).contains("The bank returned the payment: account closed."));
        String notices = smtp.next() + smtp.next();
        assertTrue(notices, notices.contains("Your bank payment is processing")
                && notices.contains("Your bank payment failed"));
        assertEquals("the returned payment no longer holds the invoice", 303,
                open(Map.of(inv2, "100.50")).statusCode());
    }

    private String connectSandbox() throws Exception {
        PaymentProcessor sandbox = registry.find(PaymentProcessor.class, "sandbox").orElseThrow();
        Onboarding onboarding = sandbox.onboard(new OnboardingRequest(null, "Operator", "owner@operator.example",
                URI.create("/"), URI.create("/")));
        WebClient admin = new WebClient("http://localhost:" + httpPort(), null);
        assertEquals(303, admin.form(onboarding.redirectUri().toString(), Map.of("businessState", "NV"))
                .statusCode());
        return onboarding.accountId();
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = customer.send("GET", path, null, null, "text/html");
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }

    private HttpResponse<String> open(Map<Long, String> amounts) throws Exception {
        StringBuilder form = new StringBuilder("csrf=" + customer.csrf);
        amounts.forEach((id, amount) -> form.append("&invoice=").append(id).append("&amount-").append(id).append('=')
                .append(amount));
        return customer.send("POST", "/pay", FORM, form.toString(), "text/html");
    }

    private String opened(Map<Long, String> amounts) throws Exception {
        HttpResponse<String> response = open(amounts);
        assertEquals(response.body(), 303, response.statusCode());
        Matcher id = PAYMENT.matcher(path(response));
        assertTrue(path(response), id.find());
        assertEquals(200, customer.send("GET", "/pay/" + id.group(1), null, null, "text/html").statusCode());
        return id.group(1);
    }

    /** Pays; returns where the portal sends the browser next. */
    private String confirm(String payment, String methodToken) throws Exception {
        HttpResponse<String> response = customer.send("POST", "/pay/" + payment + "/confirm", FORM, "methodToken="
                + methodToken + "&csrf=" + customer.csrf, "text/html");
        assertEquals(response.body(), 303, response.statusCode());
        return path(response);
    }

    private String token(String account, String card, String state) throws Exception {
        return token("{\"account\":\"" + account + "\",\"kind\":\"card\",\"cardNumber\":\"" + card
                + "\",\"expiry\":\"12/34\",\"cvc\":\"123\",\"billingState\":\"" + state + "\"}");
    }

    private String bankToken(String account, String number) throws Exception {
        return token("{\"account\":\"" + account + "\",\"kind\":\"us_bank_account\",\"routingNumber\":\"110000000\","
                + "\"accountNumber\":\"" + number + "\",\"billingState\":\"FL\"}");
    }

    private String token(String json) throws Exception {
        HttpResponse<String> response = customer.send("POST", "/pay-sandbox/tokens", json);
        assertEquals(response.body(), 200, response.statusCode());
        Matcher token = Pattern.compile("\"token\":\"(pm_sandbox_[0-9a-f]+)\"").matcher(response.body());
        assertTrue(response.body(), token.find());
        return token.group(1);
    }

    private String paymentStatus(String payment) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status FROM pay_payment WHERE public_id = '" + payment + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BigDecimal column(String payment, String column) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + " FROM pay_payment WHERE public_id = '" + payment
                        + "'")) {
            assertTrue(rs.next());
            return rs.getBigDecimal(1);
        }
    }

    private static String path(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private static String invoice(long organization, long netsuiteId, String number, LocalDate date, String amount) {
        return "INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number, record_date,"
                + " due_date, status, total, amount_remaining, currency, last_modified, content_hash, sync_generation)"
                + " SELECT tenant_id, id, 'invoice', " + netsuiteId + ", '" + number + "', '" + date + "', '"
                + date.plusDays(30) + "', 'open', " + amount + ", " + amount + ", 'USD', now(), 0, 0"
                + " FROM organization WHERE id = " + organization;
    }
}
