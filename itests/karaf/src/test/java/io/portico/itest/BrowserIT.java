package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(distribution(databasePassword()),
                // The database is shared with the other test classes: InputSweepIT's thousands of refused sign-ins
                // from 127.0.0.1 must not make the browser's sign-in wait out the per-address limit.
                editConfigurationFilePut("etc/io.portico.identity.cfg", "addressFailureLimit", "1000000"),
                systemProperty(CLASSPATH_PROPERTY).value(driverClassPathFile()),
                systemProperty(SCREENSHOTS_PROPERTY).value(new File(System.getProperty(SCREENSHOTS_PROPERTY,
                        "../../docs/screenshots")).getAbsolutePath()));
    }

    /** Runs in the test driver: its class path (Selenium, axe-core, the walk) as a java argument file. */
    private static String driverClassPathFile() {
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
        String customer = "ann@acme-" + run + ".example";
        join(customer, String.valueOf(acme), "admin", "Ann Archer");
        String operator = "olga-" + run + "@operator.example";
        join(operator, null, "admin", "Olga Operator");

        Path log = Files.createTempFile("portico-browser-walk-", ".log");
        Process walk = new ProcessBuilder(javaExecutable(), "@" + System.getProperty(CLASSPATH_PROPERTY),
                "-Xmx256m", "-Djava.awt.headless=true", "io.portico.itest.browser.BrowserWalk",
                "http://localhost:" + httpPort(), System.getProperty(SCREENSHOTS_PROPERTY), customer, operator,
                TEST_PASSWORD)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = walk.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            walk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue("the browser walk did not end in 4 minutes:\n" + output, ended);
        assertEquals("the browser walk found problems:\n" + output, 0, walk.exitValue());
        assertTrue("axe-core ran on every page:\n" + output, output.lines().filter(line -> line.startsWith("checked ")).count() >= 20);
        System.out.println(output);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
