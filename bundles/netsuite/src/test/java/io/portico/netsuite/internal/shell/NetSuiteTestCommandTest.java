package io.portico.netsuite.internal.shell;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.netsuite.contract.SandboxClients;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetSuiteTestCommandTest {

    @Test
    void reportsTheAccountTheRoundTripAndTheLimits() {
        String output = run();
        assertTrue(output.contains("Account:      1234567_SB1"), output);
        assertTrue(output.contains("Auth method:  tba"), output);
        assertTrue(output.contains("Host:         http://127.0.0.1:"), output);
        assertTrue(output.contains("Governance:   at most 5 requests at once, 6 retries per call"), output);
        assertTrue(output.matches("(?s).*Credentials:  accepted \\(1 row in \\d+ ms round trip.*"), output);
        assertTrue(output.contains("NetSuite:     account limit 5, unallocated "), output);
    }

    @Test
    void rejectedCredentialsAreReportedAndFailTheCommand() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> run(captured, "tokenSecret", "wrong"));
        assertTrue(failure.getMessage().startsWith("The NetSuite credentials check failed: ")
                && failure.getMessage().contains("HTTP 401 INVALID_LOGIN"), failure.getMessage());
        String output = captured.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Credentials:  FAILED after"), output);
        assertTrue(output.contains("HTTP 401 INVALID_LOGIN"), output);
    }

    /** @param overrides configuration properties and values that replace the sandbox's own */
    private static String run(Object... overrides) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        run(captured, overrides);
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void run(ByteArrayOutputStream captured, Object... overrides) {
        PrintStream original = System.out;
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, overrides)) {
            NetSuiteTestCommand command = new NetSuiteTestCommand();
            command.client = client;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            command.execute();
        } finally {
            System.setOut(original);
        }
    }
}
