package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Settings &gt; Field mapping in the real distribution: an operator admin renames the invoice number, maps a status
 * and hides the due date; a signed-in customer sees that in the list, the detail page, the CSV, the invoice's PDF,
 * the JSON API (raw keys kept, label and display beside them) and the statement of account (page, PDF, CSV, JSON),
 * and finds invoices by the status's new name; bad input is a 400 naming the field; a customer admin gets 403 on every
 * page and endpoint. It runs on a database of its own; the mapping and the invoice are removed afterwards all the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FieldMappingIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String API = "/api/admin/settings/field-mapping";

    @Configuration
    public Option[] config() {
        return distribution(databasePassword(), privateDatabase("portico_test_fieldmapping"));
    }

    @Test
    public void anOperatorsMappingShowsEverywhereACustomerReadsInvoices() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Organizations organizations = service(Organizations.class, WAIT.multipliedBy(2));
        Database database = service(Database.class, WAIT.multipliedBy(2));
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("FMI-" + run, "Field Acme " + run,
                List.of("fm-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) * 10;
        LocalDate today = LocalDate.now();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(invoice(acme, id, "FM-INV-1", today.minusDays(2), today.plusDays(28), "80.00", "80.00",
                    "{\"shipVia\":\"Truck " + run + "\",\"terms\":\"Net 30\"}"));
        }
        try {
            WebClient operator = join("fm-admin-" + run + "@operator.example", null, "admin");
            WebClient customer = join("admin@fm-" + run + ".example", String.valueOf(acme), "admin");
            await("Settings > Field mapping", WAIT, () -> code(operator, "/admin/field-mapping") == 200);

            customerAdminsAreRefused(customer);
            badInputIsA400NamingTheField(operator);

            String page = operator.send("GET", "/admin/field-mapping?type=invoice", null, null, "text/html").body();
            assertTrue("the synced records' attributes, with samples", page.contains("value=\"shipVia\"")
                    && page.contains("Truck " + run));
            String preview = post(operator, form("preview", "open = Awaiting payment")).body();
            assertTrue(preview, preview.contains("Preview: the list") && preview.contains("Awaiting payment")
                    && preview.contains("Invoice no."));
            assertTrue("a preview saves nothing", customer.send("GET", "/records/invoice/csv", null, null, "text/csv")
                    .body().contains("Invoice #"));

            HttpResponse<String> saved = post(operator, form("save", "open = Awaiting payment"));
            assertEquals(saved.body(), 303, saved.statusCode());
            String json = operator.send("GET", API + "/invoice", null).body();
            assertTrue(json, json.contains("\"label\":\"Invoice no.\"") && json.contains("\"display\":\"Awaiting payment\""));
            assertTrue(audit(operator), audit(operator).contains("settings.field_mapping"));

            await("the customer's list to follow the mapping", WAIT, () -> csv(customer).startsWith("Invoice no.,"));
            String csv = csv(customer);
            assertTrue(csv, csv.contains("Awaiting payment") && !csv.lines().findFirst().orElse("").contains(",Due,"));

            String list = customer.send("GET", "/records/invoice", null, null, "text/html").body();
            assertTrue(list, list.contains(">Invoice no.</a>") && list.contains("Awaiting payment"));
            assertFalse("the hidden due date is no column", list.contains("id=\"sort-dueDate\""));

            String detail = customer.send("GET", "/records/invoice/" + id, null, null, "text/html").body();
            assertTrue(detail, detail.contains("<dt>Invoice no.</dt>") && detail.contains("Awaiting payment"));
            assertFalse(detail, detail.contains("<dt>Due</dt>"));

            String pdf = pdfText(customer.download("/documents/invoice/pdf?invoice=" + id).body());
            assertTrue(pdf, pdf.contains("Invoice no. FM-INV-1") && pdf.contains("Status Awaiting payment"));
            assertFalse(pdf, Pattern.compile("(?m)^Due ").matcher(pdf).find());
            theStatementFollowsTheMapping(customer, today);

            String api = customer.send("GET", "/api/records/invoice", null).body();
            assertTrue(api, api.contains("\"status\":\"open\"") && api.contains("\"display\":\"Awaiting payment\"")
                    && api.contains("\"label\":\"Invoice no.\"") && api.contains("\"number\":\"FM-INV-1\""));
            assertFalse("hidden from the API too", api.contains("dueDate"));
            String one = customer.send("GET", "/api/records/invoice/" + id, null).body();
            assertTrue(one, one.contains("\"fields\":{\"number\":{\"value\":\"FM-INV-1\",\"label\":\"Invoice no.\""));
            assertTrue("a search by the display value finds the raw code", customer.send("GET",
                    "/api/records/invoice?q=awaiting%20pay", null).body().contains("\"totalCount\":1"));

            HttpResponse<String> added = operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"shipVia\","
                    + "\"label\":\"Shipped by\"}],\"detailFields\":[\"number\",\"shipVia\"]}");
            assertEquals(added.body(), 200, added.statusCode());
            await("the added field on the detail page", WAIT, () -> body(customer, "/records/invoice/" + id)
                    .contains("<dt>Shipped by</dt>"));
            assertTrue(body(customer, "/records/invoice/" + id).contains("Truck " + run));
        } finally {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM settings_field_mapping");
                s.execute("DELETE FROM ns_transaction WHERE netsuite_id = " + id);
            }
        }
    }

    /** The statement lists only the one invoice: its columns take the invoices' labels. */
    private static void theStatementFollowsTheMapping(WebClient customer, LocalDate today) throws Exception {
        String range = "from=" + today.minusDays(10) + "&to=" + today;
        String page = customer.send("GET", "/statement?" + range, null, null, "text/html").body();
        assertTrue(page, page.contains("<th scope=\"col\">Invoice no.</th>") && page.contains("FM-INV-1</a>")
                && page.contains("<td>Awaiting payment</td>"));
        assertFalse("the hidden due date is no column", page.contains("<th scope=\"col\">Due</th>"));

        String pdf = pdfText(customer.download("/statement/pdf?" + range).body());
        assertTrue(pdf, pdf.contains("Date Invoice no. Status Charges Credits Balance")
                && pdf.contains("Invoice FM-INV-1 Awaiting payment $80.00 $80.00"));
        assertTrue("the statement still adds up", pdf.contains("Closing balance $80.00"));

        String csv = customer.send("GET", "/statement/csv?" + range, null, null, "text/csv").body();
        String header = csv.replace("\uFEFF", "").lines().findFirst().orElse("");
        assertEquals(csv, "\"Currency\",\"Date\",\"Type\",\"Invoice no.\",\"Amount\",\"Balance\",\"Status\"", header);
        assertTrue(csv, csv.contains("\"FM-INV-1\",\"80.00\",\"80.00\",\"Awaiting payment\""));

        String json = customer.send("GET", "/api/statement?" + range, null).body();
        assertTrue(json, json.contains("\"number\":\"FM-INV-1\"") && json.contains("\"status\":\"open\"")
                && json.contains("\"label\":\"Invoice no.\"") && json.contains("\"display\":\"Awaiting payment\""));
        assertFalse("hidden from the statement's JSON too", json.contains("dueDate"));
    }

    private void customerAdminsAreRefused(WebClient customer) throws Exception {
        assertEquals(403, customer.send("GET", "/admin/field-mapping", null, null, "text/html").statusCode());
        assertEquals(403, post(customer, form("save", "open = Awaiting payment")).statusCode());
        assertEquals(403, customer.send("GET", API, null).statusCode());
        assertEquals(403, customer.send("GET", API + "/invoice", null).statusCode());
        assertEquals(403, customer.send("PUT", API + "/invoice", "{\"fields\":[]}").statusCode());
    }

    private void badInputIsA400NamingTheField(WebClient operator) throws Exception {
        assertProblem(operator.send("PUT", API + "/nosuchtype", "{\"fields\":[]}"), "'nosuchtype'");
        assertProblem(operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"noSuchField\"}]}"),
                "'noSuchField'");
        assertProblem(operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"status\",\"values\":["
                + "{\"raw\":\"open\",\"display\":\"Open\"},{\"raw\":\"open\",\"display\":\"Due\"}]}]}"),
                "'open' twice");
        assertProblem(operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"number\",\"label\":\" \"}]}"),
                "must not be empty");
        assertProblem(operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"number\",\"label\":\""
                + "x".repeat(81) + "\"}]}"), "at most 80");
        assertEquals(400, operator.send("PUT", API + "/invoice", "{\"fields\":[{\"key\":\"number\",\"label\":"
                + "\"a\\u0000b\"}]}").statusCode());
        HttpResponse<String> page = post(operator, form("save", "open = Open\nopen = Due"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body(), page.body().contains("id=\"values.status-error\"") && page.body().contains("open = Due"));
        assertEquals("nothing was saved", -1, operator.send("GET", API + "/invoice", null).body()
                .indexOf("\"display\":\"Open\""));
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertEquals(response.body(), 400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body(), response.body().contains(detail));
    }

    /**
     * The page's form for invoices as a browser sends it (every field, in the record type's order): the number
     * renamed, open invoices "Awaiting payment", the due date hidden.
     */
    private static String form(String action, String statusValues) {
        List<String> list = List.of("number", "date", "dueDate", "status", "total", "amountRemaining");
        List<String> detail = List.of("number", "date", "dueDate", "status", "terms", "otherRefNum",
                "billingAddress", "memo", "total", "amountPaid", "amountRemaining", "currency");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "invoice");
        fields.put("action", action);
        fields.put("label.number", "Invoice no.");
        fields.put("hidden.dueDate", "true");
        fields.put("values.status", statusValues);
        StringBuilder body = new StringBuilder(WebClient.encode(fields));
        for (String key : detail) {
            body.append("&field=").append(key);
            if (list.contains(key)) {
                body.append("&list.").append(key).append('=').append(list.indexOf(key) + 1);
            }
            body.append("&detail.").append(key).append('=').append(detail.indexOf(key) + 1);
        }
        return body.toString();
    }

    private static HttpResponse<String> post(WebClient client, String body) throws Exception {
        return client.send("POST", "/admin/field-mapping", "application/x-www-form-urlencoded", body, "text/html");
    }

    private static String csv(WebClient client) {
        try {
            return client.send("GET", "/records/invoice/csv", null, null, "text/csv").body().replace("\uFEFF", "");
        } catch (Exception e) {
            return "";
        }
    }

    private static String body(WebClient client, String path) {
        try {
            return client.send("GET", path, null, null, "text/html").body();
        } catch (Exception e) {
            return "";
        }
    }

    private static String audit(WebClient operator) throws Exception {
        return operator.send("GET", "/admin/audit", null, null, "text/html").body();
    }

    private static int code(WebClient client, String path) {
        try {
            return client.send("GET", path, null, null, "text/html").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
