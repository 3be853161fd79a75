package io.portico.netsuite.internal.config;

import static io.portico.netsuite.internal.config.TestConfigs.config;
import static io.portico.netsuite.internal.config.TestConfigs.plainSecretBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.internal.auth.JwsAlgorithm;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void tbaSettingsRevealSealedSecretsAndNeverPrintThem() {
        ClientSettings settings = ClientSettings.from(config(
                "accountId", "123456-sb1",
                "consumerKey", "ck", "consumerSecret", "ENC(consumer-secret)",
                "tokenId", "tid", "tokenSecret", "token-secret"), plainSecretBox());

        assertEquals("123456_SB1", settings.account().realm());
        assertEquals(URI.create("https://123456-sb1.suitetalk.api.netsuite.com"), settings.baseUri());
        assertEquals(URI.create("https://123456-sb1.restlets.api.netsuite.com"), settings.restletBaseUri());
        assertEquals(AuthMethod.TBA, settings.authMethod());
        assertEquals("consumer-secret", settings.tba().consumerSecret());
        assertEquals("token-secret", settings.tba().tokenSecret());
        assertNull(settings.m2m());
        assertEquals(5, settings.concurrencyLimit());
        assertEquals(6, settings.retryPolicy().maxRetries());
        assertEquals("M/d/yyyy", settings.format().datePattern());
        assertEquals(ZoneId.of("America/Los_Angeles"), settings.format().timeZone());
        assertEquals(Duration.ofSeconds(300), settings.requestTimeout());
        assertFalse(settings.toString().contains("consumer-secret"), settings.toString());
        assertFalse(settings.toString().contains("token-secret"), settings.toString());
    }

    @Test
    void baseUrlOverridesTheAccountHost() {
        ClientSettings settings = ClientSettings.from(config("accountId", "1234567_SB1", "baseUrl",
                "http://localhost:8190/", "consumerKey", "ck", "consumerSecret", "cs", "tokenId", "t",
                "tokenSecret", "ts"), plainSecretBox());
        assertEquals(URI.create("http://localhost:8190"), settings.baseUri());
        assertEquals(URI.create("http://localhost:8190"), settings.restletBaseUri(), "one server answers both");
        assertEquals("1234567_SB1", settings.account().realm());
    }

    @Test
    void m2mSettingsReadTheKeyAndScopes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String pem = "-----BEGIN " + "PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                + "\\n-----END PRIVATE KEY-----";
        ClientSettings settings = ClientSettings.from(config("accountId", "123456", "authMethod", "M2M",
                "clientId", "client", "certificateId", "kid", "privateKey", "ENC(" + pem + ")",
                "algorithm", "es256", "scopes", "rest_webservices, restlets"), plainSecretBox());

        assertEquals(AuthMethod.M2M, settings.authMethod());
        assertEquals(key, settings.m2m().privateKey());
        assertEquals(JwsAlgorithm.ES256, settings.m2m().algorithm());
        assertEquals(List.of("rest_webservices", "restlets"), settings.m2m().scopes());
        assertNull(settings.tba());
        assertFalse(settings.toString().contains("BEGIN"), settings.toString());
    }

    @Test
    void missingOrInvalidSettingsNameTheProperty() {
        assertMessage("tokenSecret is not configured", config("accountId", "123456", "consumerKey", "ck",
                "consumerSecret", "cs", "tokenId", "t"));
        assertMessage("authMethod 'oauth3' is neither tba nor m2m", config("accountId", "123456",
                "authMethod", "oauth3"));
        assertMessage("concurrencyLimit must be at least 1, not 0", tba("concurrencyLimit", 0));
        assertMessage("timeZone 'Mars/Olympus' is not a time zone id", tba("timeZone", "Mars/Olympus"));
        assertMessage("baseUrl 'ftp://x' is not an http(s) URL", tba("baseUrl", "ftp://x"));
        assertMessage("privateKey is not configured", config("accountId", "123456", "authMethod", "m2m",
                "clientId", "c", "certificateId", "k"));
    }

    private static NetSuiteConfig tba(String property, Object value) {
        return config("accountId", "123456", "consumerKey", "ck", "consumerSecret", "cs", "tokenId", "t",
                "tokenSecret", "ts", property, value);
    }

    private static void assertMessage(String expected, NetSuiteConfig config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.from(config, plainSecretBox()));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
