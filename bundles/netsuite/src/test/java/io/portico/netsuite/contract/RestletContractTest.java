package io.portico.netsuite.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.NetSuiteMetrics;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** RESTlet calls against the sandbox's attachment RESTlets: signing, errors in SuiteScript's shape, throttling. */
class RestletContractTest {

    private static final String LIST = "customscript_portico_attachments";
    private static final String LIST_DEPLOY = "customdeploy_portico_attachments";
    private static final String FILE = "customscript_portico_file";
    private static final String FILE_DEPLOY = "customdeploy_portico_file";

    @Test
    void tbaSignedCallsReturnTheScriptsAnswer() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            assertAttachmentsReadable(sandbox, client);
        }
    }

    @Test
    void m2mCallsReturnTheScriptsAnswer() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.m2m(sandbox, "ES256", "scopes",
                     "rest_webservices, restlets")) {
            assertAttachmentsReadable(sandbox, client);
        }
    }

    /** The listing names the invoice's file; the file RESTlet returns its bytes, base64, as long as it says. */
    private static void assertAttachmentsReadable(NetSuiteSandbox sandbox, DefaultNetSuiteClient client) {
        long fileId = firstFileId(client);
        long invoiceId = sandbox.data().invoiceId((int) (fileId - 5001));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("type", "invoice");
        // a comma, signed as sent
        parameters.put("ids", invoiceId + "," + (invoiceId + 1_000_000));
        JsonNode items = client.getRestlet(LIST, LIST_DEPLOY, parameters).get("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals(Long.toString(fileId), items.get(0).get("file_id").asText());

        JsonNode file = client.getRestlet(FILE, FILE_DEPLOY, Map.of("id", Long.toString(fileId)));
        byte[] bytes = Base64.getDecoder().decode(file.get("contents").asText());
        assertEquals(file.get("size").asLong(), bytes.length);
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void aScriptErrorIsATypedExceptionWithTheSuiteScriptCode() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            NetSuiteException missing = assertThrows(NetSuiteException.class,
                    () -> client.getRestlet(FILE, FILE_DEPLOY, Map.of("id", "99999999")));
            assertEquals(400, missing.status());
            assertEquals("RCRD_DSNT_EXIST", missing.errorCode());
            assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

            NetSuiteException unknown = assertThrows(NetSuiteException.class,
                    () -> client.getRestlet("customscript_nobody_deployed", "1", Map.of()));
            assertEquals("SSS_INVALID_SCRIPTLET_ID", unknown.errorCode());
            assertEquals(0, client.metrics().retries(), "a script's error is not retried");
        }
    }

    @Test
    void aWrongSecretIsAnInvalidLoginAttempt() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "tokenSecret", "not-the-secret")) {
            NetSuiteException e = assertThrows(NetSuiteException.class,
                    () -> client.getRestlet(FILE, FILE_DEPLOY, Map.of("id", "5001")));
            assertEquals(401, e.status());
            assertEquals("INVALID_LOGIN_ATTEMPT", e.errorCode());
        }
    }

    @Test
    void idsThatWouldLeaveTheQueryAreRefusedBeforeAnythingIsSent() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            assertThrows(IllegalArgumentException.class,
                    () -> client.getRestlet("customscript_x&deploy=2", "1", Map.of()));
            assertThrows(IllegalArgumentException.class, () -> client.getRestlet(FILE, "", Map.of()));
            assertThrows(IllegalArgumentException.class,
                    () -> client.getRestlet(FILE, FILE_DEPLOY, Map.of("script", "customscript_other")));
            assertEquals(0, client.metrics().requests());
        }
    }

    /** RESTlets refuse over the limit with 400 SSS_REQUEST_LIMIT_EXCEEDED, not 429; the client rides it out alike. */
    @Test
    void theRestletConcurrencyRefusalIsRetriedLikeA429() throws Exception {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().concurrencyLimit(1).latencyMillis(5).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "concurrencyLimit", 6, "maxRetries", 60,
                     "retryBaseDelayMillis", 5, "retryMaxDelayMillis", 200)) {
            long fileId = firstFileId(client);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<JsonNode>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(callers.submit(() -> client.getRestlet(FILE, FILE_DEPLOY,
                            Map.of("id", Long.toString(fileId)))));
                }
                for (Future<JsonNode> result : results) {
                    assertEquals(Long.toString(fileId), result.get().get("id").asText());
                }
            } finally {
                callers.shutdownNow();
            }
            NetSuiteMetrics metrics = client.metrics();
            assertTrue(metrics.throttled() > 0, "refusals happened: " + metrics);
            assertTrue(metrics.retries() >= metrics.throttled(), "every refusal was retried: " + metrics);
            assertEquals(0, metrics.failures());
        }
    }

    private static long firstFileId(DefaultNetSuiteClient client) {
        long[] id = new long[1];
        client.suiteQlPage("SELECT id FROM file ORDER BY id", 1, 0, row -> id[0] = row.getLong("id"));
        return id[0];
    }
}
