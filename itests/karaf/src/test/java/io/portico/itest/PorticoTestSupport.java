package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import io.portico.api.db.PluginSchema;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Boots the real Portico distribution against the PostgreSQL that {@code ./portico test} provides. */
public abstract class PorticoTestSupport {

    /** The password of every user a test signs in with {@link #join}. */
    protected static final String TEST_PASSWORD = "correct horse battery staple";
    static final String VERSION = System.getProperty("portico.version", "0.1.0-SNAPSHOT");
    /** The token that shows the tests the details of /health, as it shows them to monitoring. */
    private static final String SMTP_PORT = "portico.itest.smtp.port";
    static final String MONITORING_TOKEN = "itest-monitoring-token";
    /** The folder of the test plugins' modules ({@code itests}). */
    private static final String TEST_PLUGINS = "portico.itest.plugins";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The options every test class shares; {@code databasePassword} lets a test break the credentials. */
    protected static Option[] distribution(String databasePassword) {
        return distribution(databasePassword, System.getenv("PORTICO_DB_URL"));
    }

    /** The options every test class shares, on the database at {@code url}. */
    protected static Option[] distribution(String databasePassword, String url) {
        if (url == null) {
            throw new IllegalStateException("PORTICO_DB_URL is not set: run the integration tests through ./portico test");
        }
        int httpPort = freePort();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distributionUrl())
                        .unpackDirectory(new File(System.getProperty("portico.itest.unpack", "target/exam")))
                        .useDeployFolder(false)
                        .name("Portico"),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/io.portico.db.cfg", "url", url),
                editConfigurationFilePut("etc/io.portico.db.cfg", "user", System.getenv("PORTICO_DB_USER")),
                editConfigurationFilePut("etc/io.portico.db.cfg", "password", databasePassword),
                editConfigurationFilePut("etc/io.portico.db.cfg", "retrySeconds", "1"),
                editConfigurationFilePut("etc/io.portico.health.cfg", "monitoringToken", MONITORING_TOKEN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(httpPort)),
                // The sandbox processor's webhooks go to this portal; its bank debits settle within seconds.
                editConfigurationFilePut("etc/io.portico.pay.sandbox.cfg", "portalUrl", "http://127.0.0.1:" + httpPort),
                editConfigurationFilePut("etc/io.portico.pay.sandbox.cfg", "achSettleSeconds", "2"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(freePort())),
                systemProperty("portico.version").value(VERSION),
                systemProperty(TEST_PLUGINS).value(System.getProperty(TEST_PLUGINS, ""))));
        if (Boolean.getBoolean("portico.itest.keep")) {
            options.add(keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    private static final Pattern OWN_TEST_DATABASE = Pattern.compile("/portico_test(_[a-z0-9]+)(\\?|$)");

    /**
     * A database of its own, created empty (the distribution migrates it), for a test class whose traces must not
     * reach the others: the input sweep's thousands of failed sign-ins would throttle every later test's address.
     */
    protected static String privateDatabase(String name) {
        String url = System.getenv("PORTICO_DB_URL");
        // Engineers sharing one PostgreSQL each test in portico_test_<them>: their private databases take that suffix.
        Matcher own = OWN_TEST_DATABASE.matcher(url);
        name = own.find() ? name + own.group(1) : name;
        try (Connection c = DriverManager.getConnection(url, System.getenv("PORTICO_DB_USER"), databasePassword());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /**
     * The distribution this build made ({@code karaf-dist/target}, so a reactor build that does not install tests its
     * own bundles), or the one in the local Maven repository when that was not built here.
     */
    private static String distributionUrl() {
        String built = System.getProperty("portico.itest.dist");
        if (built != null && new File(built).isFile()) {
            return new File(built).toURI().toString();
        }
        return maven("io.portico", "portico-dist").type("tar.gz").versionAsInProject().getURL();
    }

    /** The Maven repository of the build that runs the tests ({@code -Dmaven.repo.local} respected). */
    static File mavenRepository() {
        return new File(System.getProperty("portico.itest.repo", System.getProperty("user.home")
                + "/.m2/repository"));
    }

    protected static String databasePassword() {
        return System.getenv("PORTICO_DB_PASSWORD");
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code /health} as monitoring reads it, with the configured token: the details as well as the status. */
    protected HttpResponse<String> monitoredHealth() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + "/health"))
                .header("Authorization", "Bearer " + MONITORING_TOKEN).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The port Pax Web listens on, read from its configuration as the distribution sees it. */
    protected String httpPort() throws IOException {
        File cfg = new File(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg");
        Properties props = new Properties();
        try (var in = new FileInputStream(cfg)) {
            props.load(in);
        }
        return props.getProperty("org.osgi.service.http.port").trim();
    }

    protected int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** The plugin's schema service, waiting up to {@code wait} for it; null when there is none. */
    protected PluginSchema pluginSchema(String name, Duration wait) {
        ServiceTracker<PluginSchema, PluginSchema> tracker;
        try {
            tracker = new ServiceTracker<>(bundleContext, bundleContext.createFilter("(&(objectClass="
                    + PluginSchema.class.getName() + ")(" + PluginSchema.NAME_PROPERTY + "=" + name + "))"), null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        tracker.open();
        try {
            return wait.isZero() ? tracker.getService() : tracker.waitForService(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            tracker.close();
        }
    }

    /** Runs a console command as an operator would and returns what it printed. */
    protected String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Invites {@code email} from the console with {@code role} into {@code organization} (an id, or {@code null} for
     * the operator's own organization), accepts the invitation over HTTP as a browser would, and returns that
     * browser, signed in, with the session's CSRF token.
     */
    protected WebClient join(String email, String organization, String role) throws Exception {
        return join(email, organization, role, email);
    }

    /** {@link #join(String, String, String)}, accepting the invitation under the name {@code name}. */
    protected WebClient join(String email, String organization, String role, String name) throws Exception {
        await("the portico:user-invite command", Duration.ofSeconds(30),
                () -> sessionFactory.getRegistry().getCommand("portico", "user-invite") != null);
        String output = console("portico:user-invite --link-only -r " + role + " " + email
                + (organization == null ? "" : " " + organization));
        Matcher token = Pattern.compile("/invitations/accept\\?token=([A-Za-z0-9_-]{43})").matcher(output);
        assertTrue(output, token.find());
        WebClient user = new WebClient("http://localhost:" + httpPort(), email);
        // On a busy machine the identity pages are mounted a moment after the console's command is there.
        String invitation = "/invitations/accept?token=" + token.group(1);
        await("the invitation page", Duration.ofSeconds(60), () -> status(invitation) == 200);
        HttpResponse<String> page = user.send("GET", invitation, null);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(page.body(), csrf.find());
        HttpResponse<String> accepted = user.form("/invitations/accept", Map.of("token", token.group(1),
                "name", name, "password", TEST_PASSWORD, "csrf", csrf.group(1)));
        assertEquals(accepted.body(), 303, accepted.statusCode());
        Matcher session = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(
                user.send("GET", "/api/me", null).body());
        assertTrue(session.find());
        user.csrf = session.group(1);
        return user;
    }

    /** SQL that stores an open USD invoice of {@code organization} as the sync writes it. */
    protected static String invoice(long organization, long netsuiteId, String number, LocalDate date, LocalDate due,
            String total, String remaining, String attributes) {
        return "INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number, record_date,"
                + " due_date, status, total, amount_remaining, currency, last_modified, attributes, content_hash,"
                + " sync_generation) SELECT tenant_id, id, 'invoice', " + netsuiteId + ", '" + number + "', '" + date
                + "', '" + due + "', 'open', " + total + ", " + remaining + ", 'USD', now(), '" + attributes
                + "', 0, 0 FROM organization WHERE id = " + organization;
    }

    /**
     * A platform service, looked up when the test needs it rather than injected: on an empty database the
     * migrations may outlast injection's 10 s.
     */
    protected <S> S service(Class<S> type, Duration timeout) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        S service = tracker.waitForService(timeout.toMillis());
        assertTrue(type.getSimpleName() + " is registered", service != null);
        return service;
    }

    /** A PDF's text as PDFBox extracts it, line by line. */
    protected static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** The distribution, sending its mail to the SMTP sink that {@link #smtpSink()} opens in the test. */
    protected static Option[] withSmtp(Option[] distribution) {
        int port = freePort();
        return OptionUtils.combine(distribution,
                editConfigurationFilePut("etc/io.portico.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/io.portico.mail.cfg", "port", String.valueOf(port)),
                editConfigurationFilePut("etc/io.portico.mail.cfg", "from", "portal@operator.example"),
                systemProperty(SMTP_PORT).value(String.valueOf(port)));
    }

    /** Listens where a distribution configured {@link #withSmtp} sends its mail; close it after the test. */
    protected static SmtpSink smtpSink() throws IOException {
        return new SmtpSink(Integer.getInteger(SMTP_PORT));
    }

    /**
     * A bundle of this build: a test plugin as its module built it ({@code itests/<name>/target}), so a reactor build
     * that does not install tests its own; anything else (and a test plugin not built here) from Maven.
     */
    protected static String bundleUrl(String artifactId) {
        String testPlugins = System.getProperty(TEST_PLUGINS, "");
        if (!testPlugins.isEmpty() && artifactId.startsWith("portico-itest-")) {
            File built = new File(testPlugins, artifactId.substring("portico-itest-".length()) + "/target/"
                    + artifactId + "-" + VERSION + ".jar");
            if (built.isFile()) {
                return built.toURI().toString();
            }
        }
        return "mvn:io.portico/" + artifactId + "/" + VERSION;
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out there could be taken
     * by any outgoing connection's local end before the container or the SMTP sink binds it.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
