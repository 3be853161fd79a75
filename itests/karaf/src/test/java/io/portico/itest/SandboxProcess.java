package io.portico.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

/**
 * The NetSuite sandbox as a process of its own, started once by the test driver (outside Karaf) and shared by the
 * test classes of the run: 25 customers, 8 invoices each.
 */
final class SandboxProcess {
    /** The system property that tells tests inside Karaf where the sandbox is. */
    static final String URL = "portico.itest.sandbox";

    private static SandboxProcess running;

    String baseUrl;
    String accountId;
    String consumerKey;
    String consumerSecret;
    String tokenId;
    String tokenSecret;

    /** The distribution's NetSuite connection to this sandbox, with TBA credentials; tests reach it at {@code url}. */
    Option[] connection() {
        return new Option[] {
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "accountId", accountId),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "baseUrl", baseUrl),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "authMethod", "tba"),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "consumerKey", consumerKey),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "consumerSecret", consumerSecret),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "tokenId", tokenId),
            editConfigurationFilePut("etc/io.portico.netsuite.cfg", "tokenSecret", tokenSecret),
            CoreOptions.systemProperty(URL).value(baseUrl)};
    }

    static synchronized SandboxProcess start() throws IOException {
        if (running != null) {
            return running;
        }
        String version = PorticoTestSupport.VERSION;
        File jar = new File(PorticoTestSupport.mavenRepository(), "io/portico/portico-netsuite-sandbox/" + version
                + "/portico-netsuite-sandbox-" + version + "-all.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("build the sandbox first (mvn install -pl tools/netsuite-sandbox): "
                    + jar);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar",
                jar.getPath(), "--port", String.valueOf(port), "--customers", "25", "--invoices-per-customer",
                "8").redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        SandboxProcess s = new SandboxProcess();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && s.tokenSecret == null) {
            Matcher m = Pattern.compile("for account (\\S+) at (\\S+)").matcher(line);
            if (m.find()) {
                s.accountId = m.group(1);
                s.baseUrl = m.group(2);
            }
            for (String pair : line.trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    switch (kv[0]) {
                        case "consumerKey" -> s.consumerKey = kv[1];
                        case "consumerSecret" -> s.consumerSecret = kv[1];
                        case "tokenId" -> s.tokenId = kv[1];
                        case "tokenSecret" -> s.tokenSecret = kv[1];
                        default -> { }
                    }
                }
            }
        }
        if (s.tokenSecret == null || s.baseUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the NetSuite sandbox did not start");
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the sandbox ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        running = s;
        return s;
    }
}
