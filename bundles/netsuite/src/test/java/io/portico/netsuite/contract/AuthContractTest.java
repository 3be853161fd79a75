package io.portico.netsuite.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sandbox.SandboxCredentials;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** Both authentication methods against the sandbox's OAuth 1.0a verifier and OAuth 2.0 token endpoint. */
class AuthContractTest {

    private static final String ONE_ROW = "SELECT id FROM transaction ORDER BY id";

    @Test
    void tbaSignaturesAreAccepted() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            assertEquals(1, client.suiteQlPage(ONE_ROW, 1, 0, row -> { }).count());
            // a query parameter with spaces and quotes is signed as sent
            client.listRecordIds("customer", "id BETWEEN [1, 1000000]", 5, 0);
            client.getRecord("invoice", Long.toString(sandbox.data().invoiceId(0)),
                    RecordReadOptions.expanded());
        }
    }

    @Test
    void aWrongSecretIsATypedInvalidLoginAfterOneFreshlySignedTry() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "tokenSecret", "not-the-secret")) {
            NetSuiteException e = assertThrows(NetSuiteException.class,
                    () -> client.suiteQlPage(ONE_ROW, 1, 0, row -> { }));
            assertEquals(401, e.status());
            assertEquals("INVALID_LOGIN", e.errorCode());
            // A read refused 401 is signed anew and sent once more (NetSuite refuses a nonce the JDK client re-sent
            // after a lost answer the same way as a wrong secret), and never more than that.
            assertEquals(2, client.metrics().requests());
        }
    }

    @Test
    void m2mWithEs256FetchesOneTokenForManyCalls() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.m2m(sandbox, "ES256")) {
            for (int i = 0; i < 5; i++) {
                assertEquals(1, client.suiteQlPage(ONE_ROW, 1, 0, row -> { }).count());
            }
            assertEquals(6, client.metrics().requests(), "one token request, then five queries");
        }
    }

    /** A restarted sandbox forgets its tokens: the 401 makes the client fetch a new one and try again. */
    @Test
    void m2mFetchesANewTokenWhenTheOldOneIsRejected() {
        NetSuiteSandbox.Builder builder = NetSuiteSandbox.builder();
        NetSuiteSandbox sandbox = builder.start();
        try (DefaultNetSuiteClient client = SandboxClients.m2m(sandbox, "ES256")) {
            client.suiteQlPage(ONE_ROW, 1, 0, row -> { });
            sandbox.close();
            sandbox = builder.port(URI.create(sandbox.baseUrl()).getPort()).start();
            assertEquals(1, client.suiteQlPage(ONE_ROW, 1, 0, row -> { }).count());
            assertEquals(5, client.metrics().requests(), "token, query, rejected query, new token, query");
        } finally {
            sandbox.close();
        }
    }

    @Test
    void m2mWithPs256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair rsa = generator.generateKeyPair();
        SandboxCredentials credentials = SandboxCredentials.demo()
                .withCertificate("ps256-certificate", rsa.getPublic(), rsa.getPrivate());
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().credentials(credentials).start();
             DefaultNetSuiteClient client = SandboxClients.m2m(sandbox, "PS256")) {
            assertEquals(1, client.suiteQlPage(ONE_ROW, 1, 0, row -> { }).count());
        }
    }

    @Test
    void m2mWithAKeyTheSandboxDoesNotKnowIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String otherKey = SandboxClients.pem(generator.generateKeyPair().getPrivate());
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.m2m(sandbox, "ES256", "privateKey", otherKey)) {
            NetSuiteException e = assertThrows(NetSuiteException.class,
                    () -> client.suiteQlPage(ONE_ROW, 1, 0, row -> { }));
            assertEquals("invalid_grant", e.errorCode());
        }
    }
}
