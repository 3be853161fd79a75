package io.portico.netsuite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.InvalidConnectionException;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.contract.SandboxClients;
import io.portico.netsuite.internal.config.TestConfigs;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sandbox.SandboxCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A connection entered in Settings &gt; NetSuite, checked field by field and then against the NetSuite sandbox. */
class ConnectionChecksTest {

    private static final SecretBox SECRETS = TestConfigs.plainSecretBox();
    private static NetSuiteSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static NetSuiteConnection tba(String accountId, String tokenSecret) {
        SandboxCredentials c = sandbox.credentials();
        return new NetSuiteConnection(accountId, sandbox.baseUrl(), AuthMethod.TBA, c.consumerKey(),
                "ENC(" + c.consumerSecret() + ")", c.tokenId(), tokenSecret, null, null, null, "PS256",
                "rest_webservices", "America/Los_Angeles", "M/d/yyyy", 5);
    }

    private static NetSuiteConnection m2m(String privateKey) {
        SandboxCredentials c = sandbox.credentials();
        return new NetSuiteConnection(sandbox.accountId(), sandbox.baseUrl(), AuthMethod.M2M, null, null, null, null,
                c.clientId(), c.certificateId(), privateKey, c.privateKey().getAlgorithm().equals("EC") ? "ES256" : "PS256",
                "rest_webservices", "America/Los_Angeles",
                "M/d/yyyy", 5);
    }

    @Test
    void eachPropertyThatIsNotValidIsNamed() {
        assertEquals("accountId", assertThrows(InvalidConnectionException.class,
                () -> ConnectionChecks.settings(tba("12 34!", "x"), SECRETS)).property());
        assertEquals("tokenSecret", assertThrows(InvalidConnectionException.class,
                () -> ConnectionChecks.settings(tba(sandbox.accountId(), null), SECRETS)).property());
        InvalidConnectionException pem = assertThrows(InvalidConnectionException.class,
                () -> ConnectionChecks.settings(m2m("not a key"),
                        SECRETS));
        assertEquals("privateKey", pem.property());
        assertFalse(pem.getMessage().contains("not a key"), "a secret's value is never in a message");
        SecretBox refusing = new SecretBox() {
            @Override
            public String seal(String plaintext) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String reveal(String configuredValue) {
                throw new IllegalArgumentException("tampered");
            }
        };
        assertEquals("consumerSecret", assertThrows(InvalidConnectionException.class,
                () -> ConnectionChecks.settings(tba(sandbox.accountId(), "y"), refusing)).property());
    }

    @Test
    void theSandboxAcceptsTheRightCredentialsWithTbaAndM2m() {
        ConnectionCheck tba = ConnectionChecks.check(tba(sandbox.accountId(),
                "ENC(" + sandbox.credentials().tokenSecret() + ")"), SECRETS);
        assertTrue(tba.accepted(), tba.credentials());
        assertNull(tba.failure());
        assertEquals(1, tba.rows());
        assertTrue(tba.governance().startsWith("account limit 5"), tba.governance());
        assertTrue(tba.lines().contains("Auth method:  tba"), tba.lines().toString());

        ConnectionCheck m2m = ConnectionChecks.check(m2m(SandboxClients.pem(sandbox.credentials().privateKey())),
                SECRETS);
        assertTrue(m2m.accepted(), m2m.credentials());
    }

    @Test
    void aWrongSecretShowsNetSuitesOwnError() {
        ConnectionCheck check = ConnectionChecks.check(tba(sandbox.accountId(), "wrong"), SECRETS);
        assertFalse(check.accepted());
        assertTrue(check.failure().contains("HTTP 401 INVALID_LOGIN"), check.failure());
        assertTrue(check.credentials().startsWith("FAILED after "), check.credentials());
        assertFalse(check.lines().stream().anyMatch(line -> line.startsWith("NetSuite:")), check.lines().toString());
    }
}
