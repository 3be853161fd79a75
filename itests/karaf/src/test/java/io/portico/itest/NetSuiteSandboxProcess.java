package io.portico.itest;

import static io.portico.itest.PorticoTestSupport.VERSION;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NetSuite sandbox as a process of its own, started once by the test driver (outside Karaf) and shared by the
 * test classes that need it, with the TBA credentials it printed.
 */
final class NetSuiteSandboxProcess {

    private static NetSuiteSandboxProcess running;

    String baseUrl;
    String accountId;
    String consumerKey;
    String consumerSecret;
    String tokenId;
    String tokenSecret;

    static synchronized NetSuiteSandboxProcess start() throws IOException {
        if (running != null) {
            return running;
        }
        String version = System.getProperty("portico.version", VERSION);
        File jar = new File(System.getProperty("maven.repo.local", System.getProperty("user.home")
                + "/.m2/repository"), "io/portico/portico-netsuite-sandbox/" + version
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
        NetSuiteSandboxProcess s = new NetSuiteSandboxProcess();
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
