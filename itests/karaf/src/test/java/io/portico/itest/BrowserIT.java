package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import io.portico.itest.browser.SandboxAttachment;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The portal in a real browser: headless Chromium driven by Selenium walks the shell (landmarks, skip link, user
 * menu, the phone's menu button, no sideways scrolling on a 390 px phone) and runs axe-core on every page, signed in
 * as a customer's admin and as an operator's admin, and keeps the screenshots in {@code docs/screenshots/} true.
 *
 * <p>This test runs inside Karaf, like every Pax Exam test here, and makes the people it signs in as through the
 * distribution's own services. Selenium does not: it is a pile of plain jars (Guava, OpenTelemetry, ServiceLoader
 * lookups) that would have to be wrapped into bundles, so the walk itself ({@link io.portico.itest.browser.BrowserWalk})
 * runs in a JVM of its own on the test driver's class path, which the configuration (evaluated in the driver) hands
 * over in a file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrowserIT extends PorticoTestSupport {

    private static final String CLASSPATH_PROPERTY = "portico.itest.browser.classpath";
    private static final String SCREENSHOTS_PROPERTY = "portico.itest.screenshots";
    /** A file the NetSuite sandbox attaches to one of its invoices, written by the driver for Karaf to store. */
    private static final String ATTACHMENT_PROPERTY = "portico.itest.browser.attachment";
    private static final String TRACKING = "1Z999AA10123456784";

    @Configuration
    public Option[] config() throws IOException {
        Path attachment = SandboxAttachment.write();
        // A database of its own: the walk turns Pay on and views a customer, which later test classes must not find.
        return OptionUtils.combine(withSmtp(distribution(databasePassword(), privateDatabase("portico_test_browser"))),
                // Long enough for the walk to see a bank payment processing on the invoice and on Payments.
                editConfigurationFilePut("etc/io.portico.pay.sandbox.cfg", "achSettleSeconds", "20"),
                systemProperty(CLASSPATH_PROPERTY).value(driverClassPathFile()),
                systemProperty(ATTACHMENT_PROPERTY).value(attachment.toString()),
                systemProperty(SCREENSHOTS_PROPERTY).value(new File(System.getProperty(SCREENSHOTS_PROPERTY,
                        "../../docs/screenshots")).getAbsolutePath()));
    }

    /** Runs in the test driver: its class path (Selenium, axe-core, the walk) as a java argument file. */
    static String driverClassPathFile() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try {
            Path file = Files.createTempFile("portico-browser-walk-", ".args");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-cp\n\"" + classPath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void theShellWorksOnADesktopAndAPhoneForCustomersAndStaff() throws Exception {
        for (String program : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            assertTrue(program + " is missing: ./portico test installs Debian's chromium and chromium-driver",
                    new File(program).canExecute());
        }
        await("/health to answer 200", Duration.ofSeconds(60), () -> status("/health") == 200);
        // Looked up here rather than injected: on an empty database the migrations may outlast injection's 10 s.
        ServiceTracker<Organizations, Organizations> tracker = new ServiceTracker<>(bundleContext, Organizations.class,
                null);
        tracker.open();
        Organizations organizations = tracker.waitForService(60_000);
        assertTrue("the Organizations service", organizations != null);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("BROWSER-" + run, "Acme Supplies",
                List.of("acme-" + run + ".example"), "C-1001", "USD", null, Map.of())).id();
        long base = syncedInvoices(acme);
        String customer = "ann@acme-" + run + ".example";
        WebClient ann = join(customer, String.valueOf(acme), "admin", "Ann Archer");
        String operator = "olga-" + run + "@operator.example";
        join(operator, null, "admin", "Olga Operator");
        payWithTheSandbox(organizations.operator().id());
        SmtpSink smtp = smtpSink();

        Path log = Files.createTempFile("portico-browser-walk-", ".log");
        Process walk = new ProcessBuilder(javaExecutable(), "@" + System.getProperty(CLASSPATH_PROPERTY),
                "-Xmx256m", "-Djava.awt.headless=true", "io.portico.itest.browser.BrowserWalk",
                "http://localhost:" + httpPort(), System.getProperty(SCREENSHOTS_PROPERTY), customer, operator,
                TEST_PASSWORD, System.getProperty(ATTACHMENT_PROPERTY))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = walk.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            walk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue("the browser walk did not end in 10 minutes:\n" + output, ended);
        assertEquals("the browser walk found problems:\n" + output, 0, walk.exitValue());
        assertTrue("axe-core ran on every page:\n" + output, output.lines().filter(line -> line.startsWith("checked ")).count() >= 22);
        System.out.println(output);
        receiptsOfTheWalksPayments(smtp, customer);
        smtp.close();
        aDeclinedCardLeftNoFee(output, base + 1);
        attachmentsComeAndGoWithTheirPlugin(ann, base);
    }

    /**
     * The receipts of the payment on the phone (INV-2057 partly, INV-2063 in full, by credit card from Florida) and
     * of the one through the payment link, each with its invoices and amounts, the surcharge on its own line, the
     * total, the method and its last four digits; the bank payment's two notices come in between.
     */
    private static void receiptsOfTheWalksPayments(SmtpSink smtp, String customer) throws InterruptedException {
        List<String> mails = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mails.add(smtp.next());
        }
        String phone = receiptFor(mails, customer, "INV-2063");
        for (String line : List.of("Receipt for your payment", "Invoice INV-2057: $100.00",
                "Invoice INV-2063: $785.25", "Credit card surcharge: $26.56", "Total: $911.81", "ending in 4242")) {
            assertTrue(line + " in the receipt:\n" + phone, phone.contains(line));
        }
        String challenged = receiptFor(mails, customer, "Total: $206.00");
        assertTrue(challenged, challenged.contains("Invoice INV-2041: $200.00")
                && challenged.contains("Credit card surcharge: $6.00") && challenged.contains("ending in 3220"));
        String bank = String.join("\n", mails.stream().filter(m -> m.contains("Your bank payment")).toList());
        assertTrue(bank, bank.contains("Your bank payment is processing") && bank.contains("Your bank payment failed")
                && bank.contains("The bank returned the payment: account closed."));
        String link = receiptFor(mails, io.portico.itest.browser.BrowserWalk.LINK_PAYER, "INV-2041");
        for (String line : List.of("Invoice INV-2041: $1,040.00", "Credit card surcharge: $31.20",
                "Total: $1,071.20", "ending in 4242")) {
            assertTrue(line + " in the link payer's receipt:\n" + link, link.contains(line));
        }
    }

    private static String receiptFor(List<String> mails, String to, String naming) {
        return mails.stream().filter(m -> m.contains("To: " + to) && m.contains("Receipt for your payment")
                && m.contains(naming)).findFirst().orElseThrow(() -> new AssertionError("no receipt to " + to
                + " naming " + naming + " among:\n" + String.join("\n----\n", mails)));
    }

    /**
     * The ledger after the declined card: the payment failed with the card's reason and keeps no surcharge (its total
     * is the invoice's amount), and no payment holds INV-2057 beyond the 100.00 paid on the phone.
     */
    private void aDeclinedCardLeftNoFee(String walkOutput, long inv2057) throws Exception {
        String reference = walkOutput.lines().filter(l -> l.startsWith("declined ")).map(l -> l.substring(9))
                .findFirst().orElseThrow(() -> new AssertionError("the walk named no declined payment"));
        ServiceTracker<Database, Database> databases = new ServiceTracker<>(bundleContext, Database.class, null);
        databases.open();
        try (Connection c = databases.waitForService(60_000).dataSource().getConnection();
                PreparedStatement declined = c.prepareStatement("SELECT status, failure_reason, surcharge, total,"
                        + " invoices_amount FROM pay_payment WHERE public_id = ?::uuid");
                PreparedStatement kept = c.prepareStatement("SELECT coalesce(sum(a.amount), 0) FROM pay_allocation a"
                        + " JOIN pay_payment p ON p.id = a.payment_id JOIN ns_transaction t ON t.id = a.invoice_id"
                        + " WHERE t.netsuite_id = ? AND p.status NOT IN ('failed', 'canceled', 'created')")) {
            declined.setString(1, reference);
            try (ResultSet rs = declined.executeQuery()) {
                assertTrue("the declined payment " + reference + " is in the ledger", rs.next());
                assertEquals("failed", rs.getString("status"));
                assertEquals("Your card was declined.", rs.getString("failure_reason"));
                assertEquals(0, rs.getBigDecimal("surcharge").signum());
                assertEquals(0, rs.getBigDecimal("total").compareTo(rs.getBigDecimal("invoices_amount")));
            }
            kept.setLong(1, inv2057);
            try (ResultSet rs = kept.executeQuery()) {
                rs.next();
                assertEquals("only the 100.00 paid on the phone holds INV-2057", 0,
                        new java.math.BigDecimal("100.00").compareTo(rs.getBigDecimal(1)));
            }
        } finally {
            databases.close();
        }
    }

    /** Pay on with the sandbox processor, onboarded as an admin would, with a 3 % card surcharge from Nevada. */
    private void payWithTheSandbox(long tenant) throws Exception {
        ServiceTracker<PluginRegistry, PluginRegistry> plugins = new ServiceTracker<>(bundleContext,
                PluginRegistry.class, null);
        plugins.open();
        PluginRegistry registry = plugins.waitForService(60_000);
        await("the sandbox payment processor", Duration.ofSeconds(60),
                () -> registry.find(PaymentProcessor.class, "sandbox").isPresent());
        Onboarding onboarding = registry.find(PaymentProcessor.class, "sandbox").orElseThrow().onboard(
                new OnboardingRequest(null, "Operator", "owner@operator.example", URI.create("/admin/pay"),
                        URI.create("/admin/pay/refresh")));
        // The processor's service can be registered a moment before its pages are mounted.
        await("the sandbox's onboarding page", Duration.ofSeconds(60),
                () -> status(onboarding.redirectUri().toString()) == 200);
        WebClient admin = new WebClient("http://localhost:" + httpPort(), null);
        assertEquals(303, admin.form(onboarding.redirectUri().toString(), Map.of("businessState", "NV"))
                .statusCode());
        ServiceTracker<Database, Database> databases = new ServiceTracker<>(bundleContext, Database.class, null);
        databases.open();
        try (Connection c = databases.waitForService(60_000).dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id,"
                    + " card_surcharge_percent, operator_state) VALUES (" + tenant + ", true, 'sandbox', '"
                    + onboarding.accountId() + "', 3, 'NV') ON CONFLICT (tenant_id) DO UPDATE SET enabled = true,"
                    + " processor = 'sandbox', processor_account_id = EXCLUDED.processor_account_id,"
                    + " card_surcharge_percent = 3, operator_state = 'NV'");
        }
    }

    /** The record's JSON lists the attachments too; with the attachments plugin stopped, page and JSON lose them. */
    private void attachmentsComeAndGoWithTheirPlugin(WebClient customer, long invoice) throws Exception {
        String name = Path.of(System.getProperty(ATTACHMENT_PROPERTY)).getFileName().toString();
        String json = customer.send("GET", "/api/records/invoice/" + invoice, null).body();
        assertTrue(json, json.contains("\"name\":\"" + name + "\"") && json.contains("\"download\":\"/api/attachments/")
                && json.contains("\"notStored\":\"Too large"));
        Bundle attachments = bundle("io.portico.recordtype-attachments");
        attachments.stop();
        try {
            await("the attachments to leave the invoice's JSON", Duration.ofSeconds(30),
                    () -> page(customer, "/api/records/invoice/" + invoice, "application/json").contains("\"attachments\":[]"));
            HttpResponse<String> page = customer.send("GET", "/records/invoice/" + invoice, null, null, "text/html");
            assertEquals(page.body(), 200, page.statusCode());
            assertFalse(page.body(), page.body().contains("id=\"attachments-heading\""));
        } finally {
            attachments.start();
        }
        await("the attachments to come back", Duration.ofSeconds(30),
                () -> page(customer, "/records/invoice/" + invoice, "text/html").contains(name));
    }

    private static String page(WebClient client, String path, String accept) {
        try {
            return client.send("GET", path, null, null, accept).body();
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * What the syncs would have written for Acme: open, overdue and paid invoices with lines, a payment, a sales order
     * with its shipment, a credit memo, and an invoice's attachments. Returns the first invoice's id (INV-2041, the one
     * with attachments).
     */
    private long syncedInvoices(long organization) throws Exception {
        ServiceTracker<Database, Database> tracker = new ServiceTracker<>(bundleContext, Database.class, null);
        tracker.open();
        Database database = tracker.waitForService(60_000);
        assertTrue("the Database service", database != null);
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 100;
        LocalDate today = LocalDate.now();
        String[][] invoices = {
            {"INV-2041", "45", "15", "1240.00", "1240.00", "open"},
            {"INV-2057", "20", "-10", "3180.50", "1180.50", "open"},
            {"INV-2063", "8", "-22", "785.25", "785.25", "open"},
            {"INV-1998", "70", "40", "2450.00", "0", "paid"},
            {"INV-1975", "95", "65", "612.80", "0", "paid"}};
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < invoices.length; i++) {
                String[] v = invoices[i];
                s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                        + " record_date, due_date, status, total, amount_remaining, currency, last_modified,"
                        + " attributes, content_hash, sync_generation) SELECT tenant_id, id, 'invoice', " + (base + i)
                        + ", '" + v[0] + "', '" + today.minusDays(Long.parseLong(v[1])) + "', '"
                        + today.minusDays(Long.parseLong(v[2])) + "', '" + v[5] + "', " + v[3] + ", " + v[4]
                        + ", 'USD', now() - interval '" + v[1] + " days', '{\"terms\":\"Net 30\","
                        + (i == 0 ? "\"createdFromId\":\"" + (base + 20) + "\",\"createdFrom\":\"SO-880\"," : "")
                        + "\"otherRefNum\":\"PO-77" + i + "\",\"memo\":\"Spring restock\"}', 0, 0"
                        + " FROM organization WHERE id = " + organization);
                s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id,"
                        + " organization_id, item, description, quantity, rate, amount) SELECT id, 'items', l.n,"
                        + " tenant_id, organization_id, l.item, l.description, l.quantity, l.rate, l.quantity * l.rate"
                        + " FROM ns_transaction, (VALUES (1, 'PAL-120', 'Shipping pallet, 120 cm', 4, 85.00),"
                        + " (2, 'WRAP-50', 'Stretch wrap, 50 rolls', 2, 42.50)) AS l(n, item, description, quantity,"
                        + " rate) WHERE netsuite_id = " + (base + i));
            }
            s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                    + " record_date, status, total, amount_remaining, currency, last_modified, attributes,"
                    + " content_hash, sync_generation) SELECT tenant_id, id, 'customerpayment', " + (base + 50)
                    + ", 'PYMT-311', '" + today.minusDays(12) + "', 'deposited', 2000.00, 0, 'USD', now(), '{}', 0, 0"
                    + " FROM organization WHERE id = " + organization);
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " amount) SELECT id, 'applications', " + (base + 1) + ", tenant_id, organization_id, 2000.00"
                    + " FROM ns_transaction WHERE netsuite_id = " + (base + 50));
            // The order INV-2041 was billed from, its shipment, and a credit memo applied to INV-2063.
            transaction(s, organization, "salesorder", base + 20, "SO-880", today.minusDays(50), "billed", "1240.00",
                    "0", "{\"otherRefNum\":\"PO-770\",\"memo\":\"Spring restock\"}");
            transaction(s, organization, "itemfulfillment", base + 30, "IF-501", today.minusDays(47), "shipped", "0",
                    "0", "{\"createdFromId\":\"" + (base + 20) + "\",\"createdFrom\":\"Sales Order #SO-880\","
                    + "\"shipMethod\":\"UPS Ground\",\"carrier\":\"UPS\",\"trackingNumbers\":[\"" + TRACKING
                    + "\"],\"trackingUrls\":[\"https://www.ups.com/track?tracknum=" + TRACKING + "\"]}");
            transaction(s, organization, "creditmemo", base + 40, "CM-118", today.minusDays(5), "applied", "150.00",
                    "0", "{\"memo\":\"Damaged pallet\"}");
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " amount) SELECT id, 'applications', " + (base + 2) + ", tenant_id, organization_id, 150.00"
                    + " FROM ns_transaction WHERE netsuite_id = " + (base + 40));
            // The attachments plugin's tables are there once its schema is (a fresh database has none before).
            assertTrue("the attachments schema", pluginSchema("attachments", Duration.ofSeconds(60)) != null);
            attachments(c, organization, base);
        }
        tracker.close();
        return base;
    }

    private static void transaction(Statement s, long organization, String type, long netsuiteId, String number,
            LocalDate date, String status, String total, String remaining, String attributes) throws SQLException {
        s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                + " record_date, status, total, amount_remaining, currency, last_modified, attributes, content_hash,"
                + " sync_generation) SELECT tenant_id, id, '" + type + "', " + netsuiteId + ", '" + number + "', '"
                + date + "', '" + status + "', " + total + ", " + remaining + ", 'USD', now(), '" + attributes
                + "', 0, 0 FROM organization WHERE id = " + organization);
    }

    /**
     * What the attachments sync stores for INV-2041: the sandbox's PDF, and a file over the size limit (listed, not
     * stored).
     */
    private static void attachments(Connection c, long organization, long base) throws Exception {
        Path file = Path.of(System.getProperty(ATTACHMENT_PROPERTY));
        byte[] content = Files.readAllBytes(file);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ns_attachment (tenant_id, organization_id,"
                + " record_type, record_netsuite_id, file_netsuite_id, name, content_type, netsuite_file_type,"
                + " size_bytes, sha256, status, error) SELECT tenant_id, id, 'invoice', ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " FROM organization WHERE id = ? RETURNING id")) {
            ps.setLong(1, base);
            ps.setLong(2, base + 90);
            ps.setString(3, file.getFileName().toString());
            ps.setString(4, "application/pdf");
            ps.setString(5, "PDF");
            ps.setLong(6, content.length);
            ps.setString(7, sha256);
            ps.setString(8, "stored");
            ps.setString(9, null);
            ps.setLong(10, organization);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            ps.setLong(2, base + 91);
            ps.setString(3, "delivery-photos.zip");
            ps.setString(4, "application/zip");
            ps.setString(5, "ZIP");
            ps.setLong(6, 48L * 1024 * 1024);
            ps.setString(7, null);
            ps.setString(8, "too-large");
            ps.setString(9, "the file is 50331648 bytes, more than the limit of 10485760 bytes");
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ns_attachment_content (attachment_id, content) VALUES (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, content);
            ps.executeUpdate();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
