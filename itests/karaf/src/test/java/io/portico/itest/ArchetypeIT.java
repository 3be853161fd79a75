package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * What a partner does with the plugin archetype, end to end: generates a record-type plugin for a custom record with
 * {@code archetype:generate}, builds it with Maven offline against this build's repository (its test included),
 * drops the jar into the running distribution's {@code deploy/} folder, syncs the custom records from the NetSuite
 * sandbox, and sees them in the portal as their customer; another customer sees only theirs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchetypeIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAVEN = "portico.itest.maven";
    private static final String REPOSITORY = "portico.itest.repo";
    private static final String ARCHETYPE_PLUGIN = "portico.itest.archetype.plugin";
    private static final String RECORD = "customrecord_itest_ticket";
    /** The plugin's name, which names the record type in Portico: the script id less {@code customrecord_}. */
    private static final String TYPE = "itest_ticket";
    private static final String CUSTOMER_FIELD = "custrecord_tk_customer";

    @Inject
    private PluginRegistry registry;

    @Inject
    private SyncService sync;

    @Inject
    private Organizations organizations;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = new ArrayList<>(List.of(distribution(databasePassword(),
                privateDatabase("portico_archetype_it"))));
        options.addAll(List.of(SandboxProcess.start().connection()));
        for (String property : List.of(MAVEN, REPOSITORY, ARCHETYPE_PLUGIN)) {
            options.add(CoreOptions.systemProperty(property).value(System.getProperty(property)));
        }
        return options.toArray(new Option[0]);
    }

    @Test
    public void aPluginGeneratedFromTheArchetypeSyncsItsCustomRecordsIntoThePortal() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("karaf.base"), "plugin-build"));
        maven(work, System.getProperty(ARCHETYPE_PLUGIN) + ":generate", "-DarchetypeGroupId=io.portico",
                "-DarchetypeArtifactId=portico-plugin-archetype", "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.example.tickets", "-DartifactId=ticket-plugin", "-Dpackage=com.example.tickets",
                "-DrecordType=" + RECORD, "-DcustomerField=" + CUSTOMER_FIELD, "-Dlabel=Service tickets");
        Path project = work.resolve("ticket-plugin");
        assertTrue("one class and its test", Files.isRegularFile(project.resolve(
                "src/main/java/com/example/tickets/ItestTicketRecordType.java")) && Files.isRegularFile(project
                .resolve("src/test/java/com/example/tickets/ItestTicketRecordTypeTest.java")));
        maven(project, "package");
        Path jar = project.resolve("target/ticket-plugin-1.0.0-SNAPSHOT.jar");
        assertTrue("the generated test ran and passed", Files.readString(project.resolve(
                "target/surefire-reports/com.example.tickets.ItestTicketRecordTypeTest.txt"))
                .contains("Failures: 0, Errors: 0"));

        // NetSuite has tickets of two customers.
        sandbox("PUT", "/sandbox/customrecords/" + RECORD, "{\"fields\":{\"" + CUSTOMER_FIELD
                + "\":\"select\",\"custrecord_tk_summary\":\"text\"}}");
        Matcher firstCustomerId = Pattern.compile("\"firstCustomerId\":\"(\\d+)\"").matcher(
                sandbox("GET", "/sandbox", null));
        assertTrue(firstCustomerId.find());
        // The sandbox numbers its customers one after the other.
        String first = firstCustomerId.group(1);
        String second = String.valueOf(Long.parseLong(first) + 1);
        String run = Long.toString(System.nanoTime(), 36);
        List<String> firstTickets = List.of("TK-A1-" + run, "TK-A2-" + run);
        String secondTicket = "TK-B1-" + run;
        for (String name : firstTickets) {
            ticket(name, first);
        }
        ticket(secondTicket, second);

        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", jar.getFileName().toString());
        Files.createDirectories(deployed.getParent());
        Files.copy(jar, deployed);
        await("the plugin's record type", WAIT, () -> registry.find(RecordType.class, TYPE).isPresent());
        assertTrue(console("portico:plugins"), console("portico:plugins").contains(TYPE));

        syncFully("customer");
        syncFully(TYPE);
        assertEquals(3, sync.runs(TYPE, 1).get(0).inserted());

        Organization firstCustomer = organizations.findCustomer(first).orElseThrow();
        Organization secondCustomer = organizations.findCustomer(second).orElseThrow();
        WebClient firstAdmin = join("tickets-a-" + run + "@archetype.example", String.valueOf(firstCustomer.id()),
                "admin");
        WebClient secondAdmin = join("tickets-b-" + run + "@archetype.example", String.valueOf(secondCustomer.id()),
                "admin");

        HttpResponse<String> list = firstAdmin.send("GET", "/records/" + TYPE, null);
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains("Service tickets"));
        for (String name : firstTickets) {
            assertTrue(name, list.body().contains(name));
        }
        assertFalse("another customer's ticket", list.body().contains(secondTicket));
        assertTrue("the sidebar entry", firstAdmin.send("GET", "/dashboard", null).body()
                .contains("href=\"/records/" + TYPE + "\""));

        HttpResponse<String> theirs = secondAdmin.send("GET", "/records/" + TYPE, null);
        assertTrue(theirs.body(), theirs.body().contains(secondTicket));
        for (String name : firstTickets) {
            assertFalse(name, theirs.body().contains(name));
        }

        Files.delete(deployed);
        await("the record type to go with the jar", WAIT, () -> registry.find(RecordType.class, TYPE).isEmpty());
        assertEquals(404, firstAdmin.send("GET", "/records/" + TYPE, null).statusCode());
    }

    /** Runs Maven offline in {@code directory} on this build's repository, as a partner's build would run. */
    private static void maven(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty(MAVEN), "-o", "-B",
                "-Dmaven.repo.local=" + System.getProperty(REPOSITORY)));
        command.addAll(List.of(arguments));
        File log = directory.resolve("maven-" + arguments[0].replaceAll("[^a-z]", "") + ".log").toFile();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        System.out.println("mvn " + arguments[0] + ": " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)
                + " s");
        String output = Files.readString(log.toPath());
        assertEquals(String.join(" ", command) + "\n" + output.substring(Math.max(0, output.length() - 4000)), 0,
                process.exitValue());
    }

    private void ticket(String name, String customer) throws Exception {
        sandbox("POST", "/sandbox/customrecords/" + RECORD, "{\"name\":\"" + name + "\",\"" + CUSTOMER_FIELD
                + "\":{\"id\":\"" + customer + "\"},\"custrecord_tk_summary\":\"Printer jams\"}");
    }

    private void syncFully(String type) throws Exception {
        await("the " + type + " sync", WAIT, () -> sync.config(type).isPresent());
        console("portico:sync-config --schedule manual " + type);
        String out = console("portico:sync-run --follow " + type);
        assertTrue(out, out.contains("succeeded"));
        SyncRun last = sync.runs(type, 1).get(0);
        assertEquals(0, last.failed());
    }

    /** A request to the sandbox's control API; fails unless it answers 2xx. */
    private String sandbox(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(System.getProperty(
                SandboxProcess.URL) + path)).header("Content-Type", "application/json").method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json,
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(method + " " + path + ": " + response.body(), response.statusCode() / 100 == 2);
        return response.body();
    }
}
