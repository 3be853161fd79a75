package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Settings &gt; NetSuite in the real distribution against the NetSuite sandbox: an operator admin connects it through
 * the page (no etc/io.portico.netsuite.cfg), Test succeeds before and after saving, the client follows without a
 * restart and portico:netsuite-test agrees; the secrets are sealed in the database and never shown again; a wrong
 * secret shows NetSuite's own error and changes nothing; fields that are not valid are 400s naming them; a
 * configuration file wins over the page; a customer admin gets 403.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NetSuiteSettingsIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private Database database;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private Organizations organizations;

    @Configuration
    public Option[] config() throws Exception {
        SandboxProcess sandbox = SandboxProcess.start();
        // A database of its own: the connection it saves would connect every other test class to the sandbox.
        return OptionUtils.combine(distribution(databasePassword(), privateDatabase("portico_test_netsuite")),
                CoreOptions.systemProperty(SandboxProcess.URL).value(sandbox.baseUrl),
                CoreOptions.systemProperty(SandboxProcess.URL + ".account").value(sandbox.accountId),
                CoreOptions.systemProperty(SandboxProcess.URL + ".consumerKey").value(sandbox.consumerKey),
                CoreOptions.systemProperty(SandboxProcess.URL + ".consumerSecret").value(sandbox.consumerSecret),
                CoreOptions.systemProperty(SandboxProcess.URL + ".tokenId").value(sandbox.tokenId),
                CoreOptions.systemProperty(SandboxProcess.URL + ".tokenSecret").value(sandbox.tokenSecret),
                CoreOptions.systemProperty("pax.exam.service.timeout").value("120000"));
    }

    private static String sandbox(String property) {
        return System.getProperty(SandboxProcess.URL + (property.isEmpty() ? "" : "." + property));
    }

    /** The sandbox's connection as the page's form sends it, with {@code overrides} replacing fields. */
    private static Map<String, String> connection(WebClient admin, String... overrides) {
        Map<String, String> form = new HashMap<>(Map.of("csrf", admin.csrf, "accountId", sandbox("account"),
                "authMethod", "tba", "consumerKey", sandbox("consumerKey"), "consumerSecret",
                sandbox("consumerSecret"), "tokenId", sandbox("tokenId"), "tokenSecret", sandbox("tokenSecret"),
                "baseUrl", sandbox(""), "timeZone", "America/Los_Angeles", "dateFormat", "M/d/yyyy"));
        form.put("concurrencyLimit", "5");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    @Test
    public void anOperatorAdminConnectsNetSuiteInTheBrowser() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        WebClient admin = join("ns-admin@operator.example", null, "admin");
        await("Settings > NetSuite", WAIT, () -> {
            try {
                return admin.send("GET", "/admin/netsuite", null, null, "text/html").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        String empty = admin.send("GET", "/admin/netsuite", null, null, "text/html").body();
        assertTrue(empty, empty.contains("Not connected") && empty.contains("name=\"accountId\""));
        String dashboard = admin.send("GET", "/dashboard", null, null, "text/html").body();
        assertTrue(dashboard, dashboard.contains("href=\"/admin/netsuite\"")
                && dashboard.contains("Get your portal ready"));
        assertTrue("the first-run checklist, its steps in order", Pattern.compile("(?s)"
                + step(false, "/admin/netsuite", "Connect NetSuite") + ".*" + step(false, "/admin/syncs", "Choose the "
                + "record types and run the first sync") + ".*" + step(false, "/admin/branding", "Set up branding")
                + ".*" + step(null, "/admin/organizations", "Invite the first customers") + ".*"
                + step(null, "/admin/pay", "Connect payments")).matcher(dashboard).find());

        // Bad input: 400 naming the field, what was typed kept, nothing saved.
        HttpResponse<String> badAccount = admin.form("/admin/netsuite", connection(admin, "accountId", "12 34!"));
        assertEquals(badAccount.body(), 400, badAccount.statusCode());
        assertTrue(badAccount.body(), badAccount.body().contains("id=\"accountId-error\"")
                && badAccount.body().contains("value=\"12 34!\"")
                && badAccount.body().contains("name=\"sealed.tokenSecret\" value=\"ENC("));
        assertFalse("a secret never goes back to the browser", badAccount.body().contains(sandbox("tokenSecret")));
        HttpResponse<String> badPem = admin.form("/admin/netsuite", connection(admin, "authMethod", "m2m",
                "clientId", "client", "certificateId", "cert", "privateKey", "not a PEM key"));
        assertEquals(badPem.body(), 400, badPem.statusCode());
        assertTrue(badPem.body(), badPem.body().contains("id=\"privateKey-error\""));
        HttpResponse<String> badApi = admin.send("PUT", "/api/admin/settings/netsuite",
                "{\"accountId\":\"123456\",\"authMethod\":\"tba\",\"consumerKey\":\"k\",\"consumerSecret\":\"s\","
                        + "\"tokenId\":\"t\",\"tokenSecret\":\"u\",\"timeZone\":\"Mars/Olympus\"}");
        assertEquals(badApi.body(), 400, badApi.statusCode());
        assertTrue(badApi.body(), badApi.body().contains("Time zone")
                && badApi.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("0", query("SELECT count(*) FROM settings_netsuite"));

        // Test before saving: what portico:netsuite-test shows, for the form's values.
        HttpResponse<String> tested = admin.form("/admin/netsuite/test", connection(admin));
        assertEquals(tested.body(), 200, tested.statusCode());
        assertTrue(tested.body(), tested.body().contains("NetSuite accepted the credentials")
                && tested.body().contains("account limit") && tested.body().contains(sandbox("account")));
        Matcher carried = Pattern.compile("name=\"sealed.tokenSecret\" value=\"(ENC\\([^\"]+\\))\"")
                .matcher(tested.body());
        assertTrue("what was typed is carried, sealed", carried.find());
        assertEquals("0", query("SELECT count(*) FROM settings_netsuite"));

        // Save with the sealed secret the page carried: the client follows without a restart.
        Map<String, String> save = connection(admin, "tokenSecret", "", "sealed.tokenSecret", carried.group(1));
        HttpResponse<String> saved = admin.form("/admin/netsuite", save);
        assertEquals(saved.body(), 303, saved.statusCode());
        await("the NetSuite client on the saved connection", WAIT, () -> {
            try {
                return admin.send("GET", "/api/admin/settings/netsuite", null).body()
                        .contains("\"connected\":{\"accountId\":\"" + sandbox("account") + "\"");
            } catch (Exception e) {
                return false;
            }
        });
        String ticked = admin.send("GET", "/dashboard", null, null, "text/html").body();
        assertTrue("the step ticked itself", Pattern.compile(step(true, "/admin/netsuite", "Connect NetSuite")
                + "\\s*<span class=\"muted\">Account " + sandbox("account") + " is connected.").matcher(ticked).find());
        String console = console("portico:netsuite-test");
        assertTrue(console, console.contains("Credentials:  accepted") && console.contains("Host:         "
                + sandbox("")));
        String api = admin.send("GET", "/api/admin/settings/netsuite", null).body();
        assertTrue(api, api.contains("\"source\":\"settings\"") && api.contains("\"tokenSecret\":\"set\"")
                && api.contains("\"consumerSecret\":\"set\"") && !api.contains(sandbox("tokenSecret")));
        String page = admin.send("GET", "/admin/netsuite?notice=saved", null, null, "text/html").body();
        assertTrue(page, page.contains("The connection was saved") && page.contains("Set, not shown again")
                && page.contains("Connected"));
        assertFalse(page, page.contains(sandbox("tokenSecret")) || page.contains(sandbox("consumerSecret")));
        assertTrue(query("SELECT token_secret FROM settings_netsuite").startsWith("ENC("));
        String audit = query("SELECT detail::text FROM audit_log WHERE action = 'settings.netsuite'");
        assertTrue(audit, audit.contains("\"tokenSecret\": \"changed\""));
        assertFalse(audit, audit.contains(sandbox("tokenSecret")) || audit.contains("ENC("));

        // A wrong secret: NetSuite's own error, the connection in use unchanged.
        HttpResponse<String> wrong = admin.form("/admin/netsuite/test", connection(admin, "tokenSecret", "wrong"));
        assertEquals(wrong.body(), 200, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("NetSuite refused") && wrong.body().contains("INVALID_LOGIN")
                && wrong.body().contains("the connection in use is unchanged"));
        String wrongApi = admin.send("POST", "/api/admin/settings/netsuite/test", "{\"accountId\":\""
                + sandbox("account") + "\",\"baseUrl\":\"" + sandbox("") + "\",\"authMethod\":\"tba\",\"consumerKey\":\""
                + sandbox("consumerKey") + "\",\"tokenId\":\"" + sandbox("tokenId") + "\",\"tokenSecret\":\"wrong\"}")
                .body();
        assertTrue(wrongApi, wrongApi.contains("\"accepted\":false") && wrongApi.contains("INVALID_LOGIN"));
        assertTrue(console("portico:netsuite-test").contains("Credentials:  accepted"));

        // Another field changes alone: the secrets, left empty, are kept.
        HttpResponse<String> limit = admin.form("/admin/netsuite", connection(admin, "consumerSecret", "",
                "tokenSecret", "", "concurrencyLimit", "3"));
        assertEquals(limit.body(), 303, limit.statusCode());
        await("the client with the new limit", WAIT, () -> {
            try {
                return console("portico:netsuite-test").contains("at most 3 requests at once");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(console("portico:netsuite-test").contains("Credentials:  accepted"));

        // Only the operator's owners and admins.
        long acme = organizations.upsertCustomer(new CustomerOrganization("NS-1", "Acme",
                List.of("acme-ns.example"), "CO", "USD", null, Map.of())).id();
        WebClient customer = join("admin@acme-ns.example", String.valueOf(acme), "admin");
        assertEquals(403, customer.send("GET", "/admin/netsuite", null, null, "text/html").statusCode());
        assertEquals(403, customer.send("GET", "/api/admin/settings/netsuite", null).statusCode());
        assertEquals(403, customer.form("/admin/netsuite/test", connection(customer)).statusCode());
        assertEquals(403, customer.send("PUT", "/api/admin/settings/netsuite", "{}").statusCode());

        // The configuration file wins: the page says so, its fields are gone, saving is refused.
        org.osgi.service.cm.Configuration file = configurationAdmin.getConfiguration("io.portico.netsuite", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("accountId", sandbox("account"));
        properties.put("baseUrl", sandbox(""));
        properties.put("authMethod", "tba");
        properties.put("consumerKey", sandbox("consumerKey"));
        properties.put("consumerSecret", sandbox("consumerSecret"));
        properties.put("tokenId", sandbox("tokenId"));
        properties.put("tokenSecret", sandbox("tokenSecret"));
        file.update(properties);
        try {
            await("the file to win", WAIT, () -> {
                try {
                    return admin.send("GET", "/api/admin/settings/netsuite", null).body()
                            .contains("\"source\":\"file\"");
                } catch (Exception e) {
                    return false;
                }
            });
            String filePage = admin.send("GET", "/admin/netsuite", null, null, "text/html").body();
            assertTrue(filePage, filePage.contains("Set by <code>etc/io.portico.netsuite.cfg</code>; the file wins")
                    && !filePage.contains("name=\"accountId\""));
            HttpResponse<String> refused = admin.form("/admin/netsuite", connection(admin));
            assertEquals(refused.body(), 409, refused.statusCode());
            HttpResponse<String> fileTest = admin.form("/admin/netsuite/test", Map.of("csrf", admin.csrf));
            assertTrue(fileTest.body(), fileTest.body().contains("NetSuite accepted the credentials"));
        } finally {
            file.delete();
        }
    }

    /** A first-run step on the dashboard, as a pattern; {@code done} null for either state. */
    private static String step(Boolean done, String href, String title) {
        String state = done == null ? "(?:done\">\\s*<span class=\"pill pill-paid\">Done|open\">\\s*<span "
                + "class=\"pill pill-neutral\">To do)" : done ? "done\">\\s*<span class=\"pill pill-paid\">Done"
                : "open\">\\s*<span class=\"pill pill-neutral\">To do";
        return "<li class=\"first-run-" + state + "</span>\\s*<a href=\"" + href + "\">" + Pattern.quote(title)
                + "</a>";
    }

    private String query(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
