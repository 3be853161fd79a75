package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Documents in the real distribution: the PDF service runs inside OSGi (openhtmltopdf and PDFBox as bundles, the
 * fonts from the documents bundle); a customer downloads an invoice's PDF, several as a ZIP, and their statement of
 * account on screen, as PDF and CSV; never another organization's; bad ranges are 400s naming the parameter.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DocumentsIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void aCustomerDownloadsInvoicePdfsAndTheirStatement() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        // Looked up here rather than injected: on an empty database the migrations may outlast injection's 10 s.
        Organizations organizations = service(Organizations.class, WAIT.multipliedBy(2));
        Database database = service(Database.class, WAIT.multipliedBy(2));
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("DA-" + run, "Müller Ørsted 山田 " + run,
                List.of("docs-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        long globex = organizations.upsertCustomer(new CustomerOrganization("DB-" + run, "Globex " + run,
                List.of("docs-b-" + run + ".example"), "CT", "USD", null, Map.of())).id();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        LocalDate today = LocalDate.now();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, base + 1, "D-INV-1", today.minusDays(40), today.minusDays(10), "100.00", "60.00",
                    "{\"billingAddress\":\"Müller Ørsted 山田\\nHauptstraße 5\\nBerlin\",\"amountPaid\":40}"));
            s.execute(invoice(acme, base + 2, "D-INV-2", today.minusDays(5), today.plusDays(25), "250.50", "250.50",
                    "{}"));
            s.execute(invoice(globex, base + 3, "D-SECRET-INV", today.minusDays(3), today.plusDays(27), "999.00",
                    "999.00", "{}"));
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " item, description, quantity, rate, amount) SELECT id, 'items', l.n, tenant_id, organization_id,"
                    + " 'WIDGET-' || l.n, 'Blue widget 山田 ' || l.n, 1, 20, 20 FROM ns_transaction,"
                    + " generate_series(1, 5) AS l(n) WHERE netsuite_id = " + (base + 1));
        }
        WebClient customer = join("admin@docs-" + run + ".example", String.valueOf(acme), "admin");

        await("the documents bundle's pages", WAIT,
                () -> code(customer, "/documents/invoice/pdf?invoice=" + (base + 1)) == 200);
        String detail = customer.send("GET", "/records/invoice/" + (base + 1), null, null, "text/html").body();
        assertTrue(detail, detail.contains("action=\"/documents/invoice/pdf\"") && detail.contains("Download PDF"));
        String list = customer.send("GET", "/records/invoice", null, null, "text/html").body();
        assertTrue(list, list.contains("formaction=\"/documents/invoice/pdf\""));

        HttpResponse<byte[]> pdf = customer.download("/documents/invoice/pdf?invoice=" + (base + 1));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse(""),
                pdf.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"Invoice D-INV-1.pdf\""));
        String text = pdfText(pdf.body());
        for (int n = 1; n <= 5; n++) {
            assertTrue(text, text.contains("WIDGET-" + n) && text.contains("Blue widget 山田 " + n));
        }
        assertTrue(text, text.contains("Total $100.00"));
        assertTrue(text, text.contains("Amount paid $40.00"));
        assertTrue(text, text.contains("Amount remaining $60.00"));
        assertTrue(text, text.contains("Hauptstraße 5") && text.contains("Müller Ørsted 山田"));

        HttpResponse<byte[]> zip = customer.download("/documents/invoice/pdf?invoice=" + (base + 1) + "&invoice="
                + (base + 2));
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertTrue(pdfText(in.readAllBytes()).contains(e.getName().replace("Invoice ", "").replace(".pdf", "")));
            }
        }
        assertEquals(List.of("Invoice D-INV-1.pdf", "Invoice D-INV-2.pdf"), names);

        // Another organization's invoice is the same 404 as a missing one, alone or among its own.
        assertEquals(404, customer.download("/documents/invoice/pdf?invoice=" + (base + 3)).statusCode());
        assertEquals(404, customer.download("/documents/invoice/pdf?invoice=" + (base + 1) + "&invoice="
                + (base + 3)).statusCode());
        assertEquals(404, customer.download("/documents/invoice/pdf?invoice=" + (base + 9)).statusCode());
        assertEquals(404, customer.download("/documents/customer/pdf?customer=1").statusCode());
        assertEquals(400, customer.download("/documents/invoice/pdf").statusCode());
        assertEquals(400, customer.download("/documents/invoice/pdf?invoice=abc").statusCode());

        // The statement: on screen, as PDF and CSV, the running balance ending at the closing balance.
        String range = "from=" + today.minusDays(60) + "&to=" + today;
        String page = customer.send("GET", "/statement?" + range, null, null, "text/html").body();
        assertTrue(page, page.contains("D-INV-1") && page.contains("D-INV-2") && !page.contains("D-SECRET-INV"));
        assertTrue(page, page.contains("$350.50")); // 100.00 + 250.50
        assertTrue(page, page.contains("href=\"/statement\""));
        HttpResponse<byte[]> statement = customer.download("/statement/pdf?" + range);
        assertEquals(200, statement.statusCode());
        assertEquals("application/pdf", statement.headers().firstValue("Content-Type").orElse(""));
        String statementText = pdfText(statement.body());
        assertTrue(statementText, statementText.contains("Closing balance $350.50"));
        assertTrue(statementText, statementText.contains("Statement of account"));
        String csv = customer.send("GET", "/statement/csv?" + range, null, null, "text/csv").body();
        assertTrue(csv, csv.contains("\"USD\",\"" + today + "\",\"Closing balance\",\"\",\"\",\"\",\"350.50\""));
        String json = customer.send("GET", "/api/statement?" + range + "&view=open", null).body();
        assertTrue(json, json.contains("\"closingBalance\":350.50"));

        HttpResponse<String> reversed = customer.send("GET", "/api/statement?from=" + today + "&to="
                + today.minusDays(1), null);
        assertEquals(400, reversed.statusCode());
        assertTrue(reversed.body(), reversed.body().contains("'from'"));
        HttpResponse<String> malformed = customer.send("GET", "/statement?to=2026-02-30", null, null, "text/html");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body(), malformed.body().contains("&#39;to&#39;"));
        assertEquals(400, customer.send("GET", "/api/statement?from=1990-01-01", null).statusCode());
        assertEquals(400, customer.send("GET", "/api/statement?customer=" + globex, null).statusCode());

        // The Documents page: every attachment of the organization's records, newest first; the files as stored.
        byte[] signed = "%PDF-1.4 signed delivery note".getBytes(StandardCharsets.US_ASCII);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(attachment(acme, base + 1, 1, "NetSuite invoice D-INV-1.pdf", "2 hours", signed));
            s.execute(attachment(acme, base + 2, 2, "Delivery note.pdf", "1 hour", signed));
            s.execute(attachment(acme, base + 2, 3, "Damaged.pdf", "3 hours", signed));
            s.execute(attachment(globex, base + 3, 4, "Secret.pdf", "1 minute", signed));
            s.execute("UPDATE ns_attachment_content SET content = '\\x00' WHERE attachment_id = (SELECT id FROM"
                    + " ns_attachment WHERE name = 'Damaged.pdf' AND organization_id = " + acme + ")");
        }
        String withOwnPdf = customer.send("GET", "/records/invoice/" + (base + 1), null, null, "text/html").body();
        assertTrue(withOwnPdf, withOwnPdf.contains("Download PDF") && withOwnPdf.contains("NetSuite&#39;s PDF"));
        String documents = customer.send("GET", "/attachments", null, null, "text/html").body();
        assertTrue(documents, documents.contains("href=\"/attachments\"") && !documents.contains("Secret.pdf"));
        assertTrue(documents, documents.indexOf("Delivery note.pdf") < documents.indexOf("NetSuite invoice D-INV-1.pdf")
                && documents.indexOf("NetSuite invoice D-INV-1.pdf") < documents.indexOf("Damaged.pdf"));
        assertTrue(documents, documents.contains("href=\"/records/invoice/" + (base + 2) + "\""));
        String found = customer.send("GET", "/attachments?q=D-INV-2", null, null, "text/html").body();
        assertTrue(found, found.contains("Delivery note.pdf") && !found.contains("NetSuite invoice D-INV-1.pdf"));
        String search = customer.send("GET", "/api/attachments/search?q=delivery&type=invoice", null).body();
        assertTrue(search, search.contains("\"name\":\"Delivery note.pdf\"") && !search.contains("Damaged"));
        assertEquals(400, customer.send("GET", "/api/attachments/search?from=2026-99-01", null).statusCode());
        Matcher link = Pattern.compile("href=\"(/api/attachments/[0-9]+/content)\">"
                + "Delivery note.pdf").matcher(documents);
        assertTrue(documents, link.find());
        HttpResponse<byte[]> file = customer.download(link.group(1));
        assertEquals(200, file.statusCode());
        assertTrue(Arrays.equals(signed, file.body()));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
        Matcher damaged = Pattern.compile("href=\"(/api/attachments/[0-9]+/content)\">"
                + "Damaged.pdf").matcher(documents);
        assertTrue(documents, damaged.find());
        assertEquals(409, customer.download(damaged.group(1)).statusCode());

        // Operator staff choose the customer; an id of no customer of theirs is a 404.
        WebClient staff = join("staff-" + run + "@operator.example", null, "admin");
        String chooser = staff.send("GET", "/statement?q=" + run, null, null, "text/html").body();
        assertTrue(chooser, chooser.contains("/statement?customer=" + acme));
        String staffPage = staff.send("GET", "/statement?customer=" + acme + "&" + range, null, null, "text/html")
                .body();
        assertTrue(staffPage, staffPage.contains("D-INV-1") && !staffPage.contains("D-SECRET-INV"));
        assertEquals(404, staff.send("GET", "/api/statement?customer=999999999999", null).statusCode());
        assertFalse(staff.send("GET", "/api/statement?customer=" + globex + "&" + range, null).body()
                .contains("D-INV-1"));

        // The files written above are not the sandbox's: SyncIT, on the same database, counts what the sync stored.
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            String written = "SELECT id FROM ns_attachment WHERE organization_id IN (" + acme + ", " + globex + ")";
            s.execute("DELETE FROM ns_attachment_content WHERE attachment_id IN (" + written + ")");
            s.execute("DELETE FROM ns_attachment WHERE id IN (" + written + ")");
        }
    }

    /** SQL that stores a file attached to a transaction as the attachments plugin does, stored {@code ago}. */
    private static String attachment(long organization, long record, int file, String name, String ago, byte[] bytes)
            throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        long fileId = record * 10 + file;
        return "WITH a AS (INSERT INTO ns_attachment (tenant_id, organization_id, record_type, record_netsuite_id,"
                + " file_netsuite_id, name, content_type, size_bytes, sha256, status, synced_at, record_number)"
                + " SELECT o.tenant_id, o.id, 'invoice', " + record + ", " + fileId + ", '" + name
                + "', 'application/pdf', " + bytes.length + ", '" + sha256 + "', 'stored', now() - interval '" + ago
                + "', t.number FROM organization o JOIN ns_transaction t ON t.tenant_id = o.tenant_id"
                + " AND t.record_type = 'invoice' AND t.netsuite_id = " + record + " WHERE o.id = " + organization
                + " RETURNING id) INSERT INTO ns_attachment_content (attachment_id,"
                + " content) SELECT id, '\\x" + HexFormat.of().formatHex(bytes) + "' FROM a";
    }

    private static int code(WebClient client, String path) {
        try {
            return client.download(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
