package io.portico.netsuite.contract;

import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.TestConfigs;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sandbox.SandboxCredentials;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Clients of a sandbox, configured the way an administrator configures them (through the metatype configuration),
 * with short retry delays.
 */
public final class SandboxClients {

    private SandboxClients() {
    }

    /** A TBA client for the sandbox's credentials; {@code overrides} are more property names and values. */
    public static DefaultNetSuiteClient tba(NetSuiteSandbox sandbox, Object... overrides) {
        SandboxCredentials credentials = sandbox.credentials();
        return client(sandbox, List.of(
                "authMethod", "tba",
                "consumerKey", credentials.consumerKey(),
                "consumerSecret", credentials.consumerSecret(),
                "tokenId", credentials.tokenId(),
                "tokenSecret", credentials.tokenSecret()), overrides);
    }

    /** An M2M client signing with the sandbox certificate's private key. */
    public static DefaultNetSuiteClient m2m(NetSuiteSandbox sandbox, String algorithm, Object... overrides) {
        SandboxCredentials credentials = sandbox.credentials();
        return client(sandbox, List.of(
                "authMethod", "m2m",
                "clientId", credentials.clientId(),
                "certificateId", credentials.certificateId(),
                "privateKey", pem(credentials.privateKey()),
                "algorithm", algorithm), overrides);
    }

    private static DefaultNetSuiteClient client(NetSuiteSandbox sandbox, List<Object> auth, Object... overrides) {
        List<Object> properties = new ArrayList<>(List.of(
                "accountId", sandbox.accountId(),
                "baseUrl", sandbox.baseUrl(),
                "retryBaseDelayMillis", 20,
                "retryMaxDelayMillis", 500));
        properties.addAll(auth);
        properties.addAll(List.of(overrides));
        return new DefaultNetSuiteClient(ClientSettings.from(TestConfigs.config(properties.toArray()),
                TestConfigs.plainSecretBox()));
    }

    public static String pem(PrivateKey key) {
        return "-----BEGIN " + "PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
