package io.portico.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
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
 * Settings &gt; Branding in the real distribution: an operator admin uploads a logo and sets the colour, contacts and
 * footer; the sign-in page, every page's stylesheet and an email (the logo inline) show them; the logo is served as an image that
 * cannot run script; bad input is 400 naming the field, an oversized logo 413 with the branded page; the JSON API; a
 * customer admin gets 403 everywhere.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SettingsIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
        'D', 'R'};

    @Inject
    private Organizations organizations;

    private SmtpSink smtp;

    private static final String EXAMPLE_MAPPER = "portico.itest.example-fieldmapper";

    @Configuration
    public Option[] config() {
        // A database of its own: the branding it saves shows on every page, which other test classes must not see.
        // The example mapper's jar as this build made it (evaluated in the driver, read in the container).
        return org.ops4j.pax.exam.OptionUtils.combine(withSmtp(distribution(databasePassword(),
                privateDatabase("portico_test_branding"))), org.ops4j.pax.exam.CoreOptions.systemProperty(
                        EXAMPLE_MAPPER).value(new java.io.File("../../plugins/example-fieldmapper/target/"
                                + "portico-example-fieldmapper-" + VERSION + ".jar").toURI().toString()),
                // On a busy machine the platform's services come up after Pax Exam's default 10 s.
                org.ops4j.pax.exam.CoreOptions.systemProperty("pax.exam.service.timeout").value("120000"));
    }

    @Before
    public void startSmtp() throws IOException {
        smtp = smtpSink();
    }

    @After
    public void stopSmtp() throws IOException {
        smtp.close();
    }

    private static Map<String, String> branding(String colour) {
        return Map.of("name", "Acme Customer Portal", "colour", colour, "supportEmail", "help@acme.example",
                "supportPhone", "+1 555 010 0199", "footer", "Acme Corp. · 1 Main St");
    }

    @Test
    public void anOperatorAdminBrandsThePortalForEveryPageAndEmail() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        WebClient owner = join("brand-owner-" + run + "@operator.example", null, "owner");
        await("Settings > Branding", WAIT, () -> {
            try {
                return owner.send("GET", "/admin/branding", null, null, "text/html").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(owner.send("GET", "/dashboard", null, null, "text/html").body().contains("href=\"/admin/branding\""));

        HttpResponse<String> badColour = owner.upload("/admin/branding", branding("yellow"), "logo", "", new byte[0]);
        assertEquals(badColour.body(), 400, badColour.statusCode());
        assertTrue(badColour.body(), badColour.body().contains("id=\"colour-error\""));
        assertTrue("what was entered stays", badColour.body().contains("value=\"yellow\""));
        HttpResponse<String> script = owner.upload("/admin/branding", branding("#ffd400"), "logo", "logo.svg",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(script.body(), 400, script.statusCode());
        assertTrue(script.body(), script.body().contains("id=\"logo-error\"") && script.body().contains("&lt;script&gt;"));
        HttpResponse<String> large = owner.upload("/admin/branding", branding("#ffd400"), "logo", "big.png",
                Arrays.copyOf(PNG, 300 * 1024));
        assertEquals(large.body(), 413, large.statusCode());
        assertTrue("a branded page naming the field", large.body().contains("<!doctype html>")
                && large.body().contains("id=\"logo-error\"") && large.body().contains("256 KB"));
        HttpResponse<String> huge = owner.upload("/admin/branding", branding("#ffd400"), "logo", "huge.png",
                Arrays.copyOf(PNG, 600 * 1024));
        assertEquals(huge.body(), 413, huge.statusCode());
        assertTrue("the platform's limit answers a browser with a page", huge.body().contains("<!doctype html>"));
        WebClient noToken = join("brand-admin-" + run + "@operator.example", null, "admin");
        String token = noToken.csrf;
        noToken.csrf = "wrong";
        assertEquals(403, noToken.upload("/admin/branding", branding("#ffd400"), "logo", "", new byte[0])
                .statusCode());
        noToken.csrf = token;
        assertEquals("nothing was saved", "#1f4e79", colour(owner));

        HttpResponse<String> saved = owner.upload("/admin/branding", branding("#FFD400"), "logo", "logo.png", PNG);
        assertEquals(saved.body(), 303, saved.statusCode());
        String page = owner.send("GET", "/admin/branding?notice=saved", null, null, "text/html").body();
        assertTrue(page, page.contains("The branding was saved"));
        assertTrue("white would not read on yellow: the page says so", page.contains("below the 4.5:1"));

        String css = owner.send("GET", "/brand.css", null, null, "text/css").body();
        assertTrue(css, css.contains("--brand: #ffd400;") && css.contains("--brand-text: #111111;"));
        assertFalse("links are darkened to read on white", css.contains("--link: #ffd400"));

        WebClient visitor = new WebClient("http://localhost:" + httpPort(), null);
        String signIn = visitor.send("GET", "/sign-in", null, null, "text/html").body();
        assertTrue(signIn, signIn.contains("<title>Sign in · Acme Customer Portal</title>"));
        Matcher logo = Pattern.compile("<img src=\"(/branding/logo\\?v=\\d+)\"").matcher(signIn);
        assertTrue(signIn, logo.find());
        assertTrue(signIn.contains("<a href=\"mailto:help@acme.example\">help@acme.example</a>"));
        assertTrue(signIn.contains("Acme Corp. · 1 Main St"));

        HttpResponse<byte[]> image = visitor.bytes(logo.group(1));
        assertEquals(200, image.statusCode());
        assertArrayEquals(PNG, image.body());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(image.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertTrue(image.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertEquals(404, visitor.bytes("/branding/favicon").statusCode());

        String api = owner.send("GET", "/api/admin/settings/branding", null).body();
        assertTrue(api, api.contains("\"colour\":\"#ffd400\"") && api.contains("\"textColour\":\"#111111\"")
                && api.contains("\"logo\":\"/branding/logo?v="));
        HttpResponse<String> invalid = owner.send("PUT", "/api/admin/settings/branding",
                "{\"name\":\"Acme\",\"colour\":\"#1f4e79\",\"supportEmail\":\"nope\"}");
        assertEquals(invalid.body(), 400, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("support email"));
        HttpResponse<String> put = owner.send("PUT", "/api/admin/settings/branding",
                "{\"name\":\"Acme Portal\",\"colour\":\"#1f4e79\",\"footer\":\"Acme Corp.\"}");
        assertEquals(put.body(), 200, put.statusCode());
        assertTrue(put.body(), put.body().contains("\"textColour\":\"#ffffff\"") && !put.body().contains(
                "supportEmail") && put.body().contains("\"logo\":\"/branding/logo?v="));
        assertTrue(audit(owner).contains("settings.branding"));

        long acme = organizations.upsertCustomer(new CustomerOrganization("BR-" + run, "Acme " + run,
                List.of("acme-br-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        String invited = console("portico:user-invite -r admin ann@acme-br-" + run + ".example " + acme);
        assertTrue(invited, invited.contains("Invited"));
        String mail = smtp.next();
        assertTrue(mail, mail.contains("Acme Portal") && mail.contains("Acme Corp."));
        assertTrue("the brand colour in the email", mail.contains("#1f4e79"));
        // The uploaded logo travels inside the email: an inline image part the HTML shows by its Content-ID.
        assertTrue(mail, mail.contains("Content-Type: multipart/related"));
        assertTrue(mail, mail.contains("<img src=\"cid:logo@portico\" alt=\"Acme Portal\""));
        Matcher inline = Pattern.compile("Content-Type: image/png[^\r]*\r\n(?:[^\r]+\r\n)*?Content-ID: <logo@portico>"
                + "|Content-ID: <logo@portico>\r\n(?:[^\r]+\r\n)*?Content-Type: image/png").matcher(mail);
        assertTrue("an inline image/png part with the logo's Content-ID:\n" + mail, inline.find());
        assertTrue("the logo's bytes (base64)", mail.contains(Base64.getEncoder().encodeToString(PNG)
                .replace("=", "")));

        WebClient customer = join("admin@acme-br-" + run + ".example", String.valueOf(acme), "admin");
        HttpResponse<String> refused = customer.send("GET", "/admin/branding", null, null, "text/html");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("Primary colour"));
        assertEquals(403, customer.upload("/admin/branding", branding("#000000"), "logo", "", new byte[0])
                .statusCode());
        assertEquals(403, customer.send("GET", "/api/admin/settings/branding", null).statusCode());
        assertEquals(403, customer.send("PUT", "/api/admin/settings/branding",
                "{\"name\":\"Pwned\",\"colour\":\"#000000\"}").statusCode());
        assertEquals("the customer changed nothing", "#1f4e79", colour(owner));
    }

    @Test
    public void anOperatorAdminArrangesTheSidebarForEveryCustomer() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        WebClient owner = join("side-owner-" + run + "@operator.example", null, "owner");
        long acme = organizations.upsertCustomer(new CustomerOrganization("SB-" + run, "Acme " + run,
                List.of("acme-sb-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient customer = join("admin@acme-sb-" + run + ".example", String.valueOf(acme), "admin");
        await("the sidebar's settings and the record types", WAIT, () -> {
            try {
                String page = owner.send("GET", "/admin/sidebar", null, null, "text/html").body();
                return page.contains("name=\"position.invoice\"") && page.contains("name=\"position.salesorder\"")
                        && page.contains("name=\"position.creditmemo\"") && page.contains("name=\"position.documents\"")
                        && page.contains("name=\"position.statement\"");
            } catch (Exception e) {
                return false;
            }
        });
        String before = customer.send("GET", "/api/sidebar", null).body();
        assertTrue(before, before.indexOf("/dashboard") < before.indexOf("/records/invoice")
                && before.indexOf("/records/invoice") < before.indexOf("/records/creditmemo"));
        assertTrue("the pages not placed follow the record types: " + before,
                before.indexOf("/records/creditmemo") < before.indexOf("/statement")
                && before.indexOf("/records/creditmemo") < before.indexOf("/attachments"));
        assertEquals(200, customer.send("GET", "/statement", null, null, "text/html").statusCode());

        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", owner.csrf,
                "position.creditmemo", "2", "label.creditmemo", "Credits", "icon.creditmemo", "wallet",
                "shown.creditmemo", "true", "position.dashboard", "4", "shown.dashboard", "true",
                "position.invoice", "5", "label.invoice", "Bills", "shown.invoice", "true"));
        form.put("position.salesorder", "6");
        form.putAll(Map.of("position.documents", "1", "label.documents", "Files", "icon.documents", "folder",
                "shown.documents", "true", "position.statement", "3", "shown.statement", "true"));
        String bad = WebClient.encode(Map.of("csrf", owner.csrf, "key", "invoice", "position.invoice", "1",
                "icon.invoice", "skull", "shown.invoice", "true"));
        HttpResponse<String> badIcon = owner.send("POST", "/admin/sidebar", "application/x-www-form-urlencoded", bad,
                "text/html");
        assertEquals(badIcon.body(), 400, badIcon.statusCode());
        assertTrue(badIcon.body(), badIcon.body().contains("id=\"icon.invoice-error\""));
        HttpResponse<String> unknown = owner.send("POST", "/admin/sidebar", "application/x-www-form-urlencoded",
                WebClient.encode(Map.of("csrf", owner.csrf, "key", "customrecord_nothing",
                        "position.customrecord_nothing", "1")), "text/html");
        assertEquals(unknown.body(), 400, unknown.statusCode());

        String keys = "&key=creditmemo&key=dashboard&key=invoice&key=salesorder&key=documents&key=statement";
        HttpResponse<String> saved = owner.send("POST", "/admin/sidebar", "application/x-www-form-urlencoded",
                WebClient.encode(form) + keys, "text/html");
        assertEquals(saved.body(), 303, saved.statusCode());

        String after = customer.send("GET", "/api/sidebar", null).body();
        assertTrue(after, after.indexOf("/attachments") < after.indexOf("\"Credits\"")
                && after.indexOf("\"Credits\"") < after.indexOf("/statement")
                && after.indexOf("/statement") < after.indexOf("/dashboard")
                && after.indexOf("/dashboard") < after.indexOf("\"Bills\""));
        assertTrue(after, after.contains("{\"label\":\"Files\",\"href\":\"/attachments\",\"icon\":\"folder\"}"));
        assertTrue(after, after.contains("\"icon\":\"wallet\""));
        assertFalse("the hidden type is gone", after.contains("/records/salesorder"));
        assertTrue("a type not placed comes after the placed ones", after.indexOf("/records/customerpayment")
                > after.indexOf("\"Bills\""));
        assertEquals(404, customer.send("GET", "/records/salesorder", null, null, "text/html").statusCode());
        assertEquals(404, customer.send("GET", "/api/records/salesorder", null).statusCode());
        assertEquals(404, customer.send("GET", "/records/salesorder/1", null, null, "text/html").statusCode());
        String invoices = customer.send("GET", "/records/invoice", null, null, "text/html").body();
        assertTrue(invoices, invoices.contains("<title>Bills ·"));
        assertTrue(invoices, invoices.contains("<use href=\"/static/icons.svg#wallet\"></use></svg>Credits</a>"));

        String api = owner.send("GET", "/api/admin/settings/sidebar", null).body();
        Matcher salesOrders = Pattern.compile("\\{[^}]*\"key\":\"salesorder\"[^}]*}").matcher(api);
        assertTrue(api, salesOrders.find());
        assertTrue(salesOrders.group(), salesOrders.group().contains("\"shown\":false")
                && salesOrders.group().contains("\"placed\":true")
                && salesOrders.group().contains("\"icon\":\"shopping-cart\""));
        assertTrue(api, api.contains("{\"key\":\"documents\",\"label\":\"Files\",\"defaultLabel\":\"Documents\","
                + "\"icon\":\"folder\",\"shown\":true,\"placed\":true}"));
        HttpResponse<String> put = owner.send("PUT", "/api/admin/settings/sidebar",
                "{\"entries\":[{\"key\":\"salesorder\",\"shown\":true},{\"key\":\"dashboard\"},"
                        + "{\"key\":\"statement\",\"shown\":false}]}");
        assertEquals(put.body(), 200, put.statusCode());
        await("the sales orders to come back", WAIT, () -> {
            try {
                return customer.send("GET", "/records/salesorder", null, null, "text/html").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        String hidden = customer.send("GET", "/api/sidebar", null).body();
        assertFalse("the hidden statement is gone: " + hidden, hidden.contains("/statement"));
        assertEquals(404, customer.send("GET", "/statement", null, null, "text/html").statusCode());
        assertEquals(404, customer.send("GET", "/api/statement", null).statusCode());
        HttpResponse<String> unknownPart = owner.send("PUT", "/api/admin/settings/sidebar",
                "{\"entries\":[{\"key\":\"statements\"}]}");
        assertEquals(400, unknownPart.statusCode());
        assertTrue(unknownPart.body(), unknownPart.body().contains("'statements'"));
        assertEquals(400, owner.send("PUT", "/api/admin/settings/sidebar",
                "{\"entries\":[{\"key\":\"dashboard\",\"shown\":false}]}").statusCode());

        assertEquals(403, customer.send("GET", "/admin/sidebar", null, null, "text/html").statusCode());
        assertEquals(403, customer.send("POST", "/admin/sidebar", "application/x-www-form-urlencoded",
                WebClient.encode(form) + keys, "text/html").statusCode());
        assertEquals(403, customer.send("GET", "/api/admin/settings/sidebar", null).statusCode());
        assertEquals(403, customer.send("PUT", "/api/admin/settings/sidebar", "{\"entries\":[]}").statusCode());
        assertTrue(audit(owner).contains("settings.sidebar"));
    }

    @Test
    public void aPartnersFieldMapperRenamesHidesAndReordersInvoiceColumnsWhileItRuns() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long acme = organizations.upsertCustomer(new CustomerOrganization("FM-" + run, "Acme " + run,
                List.of("acme-fm-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient customer = join("admin@acme-fm-" + run + ".example", String.valueOf(acme), "admin");
        await("the invoice list", WAIT, () -> csvHeader(customer).startsWith("Invoice #,"));
        assertTrue(csvHeader(customer), csvHeader(customer).contains(",Due,"));

        org.osgi.framework.Bundle mapper = bundleContext.installBundle(System.getProperty(EXAMPLE_MAPPER));
        try {
            mapper.start();
            await("the mapper's columns", WAIT, () -> csvHeader(customer).startsWith("Invoice no.,Amount due,"));
            assertFalse("the due date is off the list", csvHeader(customer).contains(",Due"));
            assertEquals("a hidden column is not sortable", 400, customer.send("GET",
                    "/api/records/invoice?sort=dueDate", null).statusCode());
        } finally {
            mapper.uninstall();
        }
        await("the default columns again", WAIT, () -> csvHeader(customer).startsWith("Invoice #,"));
    }

    @Test
    public void anOperatorAdminCopiesEverySettingAsOneDocumentAndARefusedDocumentChangesNothing() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        WebClient owner = join("copy-owner-" + run + "@operator.example", null, "owner");
        long acme = organizations.upsertCustomer(new CustomerOrganization("CP-" + run, "Acme " + run,
                List.of("acme-cp-" + run + ".example"), "CO", "USD", null, Map.of())).id();
        WebClient customer = join("admin@acme-cp-" + run + ".example", String.valueOf(acme), "admin");
        await("Settings > Export and import", WAIT, () -> {
            try {
                return owner.send("GET", "/admin/export-import", null, null, "text/html").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        HttpResponse<String> original = owner.send("GET", "/api/admin/settings/export", null);
        assertEquals(original.body(), 200, original.statusCode());
        ObjectMapper json = new ObjectMapper();
        JsonNode exported = json.readTree(original.body());
        assertEquals(1, exported.get("formatVersion").intValue());
        assertTrue(original.body(), exported.has("branding") && exported.has("sidebar")
                && exported.has("fieldMapping") && exported.has("netsuite"));
        HttpResponse<String> download = owner.send("GET", "/admin/export-import/settings.json", null, null, "*/*");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

        // Staging's settings, as that portal's Export writes them.
        ObjectNode staging = json.createObjectNode().put("formatVersion", 1).put("exportedAt", "2026-12-01T09:00:00Z");
        staging.putObject("branding").put("name", "Staging Portal").put("colour", "#0b5394")
                .put("logo", "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        staging.putObject("sidebar").putArray("entries").addObject().put("key", "invoice").put("label", "Bills");
        staging.putObject("fieldMapping").putObject("invoice").putArray("fields").addObject().put("key", "number")
                .put("label", "Bill no.");
        staging.putNull("netsuite");
        String before = colour(owner);

        ObjectNode unknown = staging.deepCopy();
        ((ObjectNode) unknown.get("branding")).put("colour2", "#000000");
        HttpResponse<String> refused = owner.send("POST", "/api/admin/settings/import", unknown.toString());
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body(), refused.body().contains("branding.colour2"));
        HttpResponse<String> newer = owner.send("POST", "/api/admin/settings/import",
                staging.deepCopy().put("formatVersion", 2).toString());
        assertEquals(newer.body(), 400, newer.statusCode());
        assertTrue(newer.body(), newer.body().contains("newer Portico"));
        HttpResponse<String> badPage = owner.upload("/admin/export-import", Map.of("action", "import"), "document",
                "settings.json", unknown.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(badPage.body(), 400, badPage.statusCode());
        assertTrue(badPage.body(), badPage.body().contains("id=\"document-error\"")
                && badPage.body().contains("branding.colour2"));
        byte[] file = staging.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> checked = owner.upload("/admin/export-import", Map.of("action", "check"), "document",
                "settings.json", file);
        assertEquals(checked.body(), 200, checked.statusCode());
        assertTrue(checked.body(), checked.body().contains("nothing was changed yet")
                && checked.body().contains("Staging Portal"));
        assertEquals("refused and checked documents change nothing", before, colour(owner));

        HttpResponse<String> imported = owner.upload("/admin/export-import", Map.of("action", "import"),
                "document", "settings.json", file);
        assertEquals(imported.body(), 200, imported.statusCode());
        assertTrue(imported.body(), imported.body().contains("The settings were imported"));
        assertEquals("#0b5394", colour(owner));
        String css = customer.send("GET", "/brand.css", null, null, "text/css").body();
        assertTrue(css, css.contains("--brand: #0b5394;"));
        String invoices = customer.send("GET", "/records/invoice", null, null, "text/html").body();
        assertTrue(invoices, invoices.contains("<title>Bills ·") && invoices.contains("Staging Portal"));
        assertTrue(csvHeader(customer), csvHeader(customer).startsWith("Bill no.,"));
        JsonNode again = json.readTree(owner.send("GET", "/api/admin/settings/export", null).body());
        assertEquals(staging.at("/branding/logo"), again.at("/branding/logo"));
        assertEquals("Bills", again.at("/sidebar/entries/0/label").textValue());
        assertTrue(audit(owner).contains("settings.import"));

        assertEquals(403, customer.send("GET", "/admin/export-import", null, null, "text/html").statusCode());
        assertEquals(403, customer.send("GET", "/api/admin/settings/export", null).statusCode());
        assertEquals(403, customer.send("POST", "/api/admin/settings/import", staging.toString()).statusCode());
        assertEquals(403, customer.upload("/admin/export-import", Map.of("action", "import"), "document",
                "settings.json", file).statusCode());

        HttpResponse<String> restored = owner.send("POST", "/api/admin/settings/import", original.body());
        assertEquals(restored.body(), 200, restored.statusCode());
        assertEquals("the first export brings everything back", before, colour(owner));
        await("the default columns again", WAIT, () -> csvHeader(customer).startsWith("Invoice #,"));
    }

    private static String csvHeader(WebClient client) {
        try {
            String csv = client.send("GET", "/records/invoice/csv", null, null, "text/csv").body();
            return csv.replace("\uFEFF", "").lines().findFirst().orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    private static String audit(WebClient owner) throws Exception {
        return owner.send("GET", "/admin/audit", null, null, "text/html").body();
    }

    private static String colour(WebClient owner) throws Exception {
        Matcher colour = Pattern.compile("\"colour\":\"(#[0-9a-f]{6})\"").matcher(
                owner.send("GET", "/api/admin/settings/branding", null).body());
        assertTrue(colour.find());
        return colour.group(1);
    }
}
