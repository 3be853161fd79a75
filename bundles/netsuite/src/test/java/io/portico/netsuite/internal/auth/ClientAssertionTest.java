package io.portico.netsuite.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.internal.config.M2mCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final URI TOKEN_ENDPOINT =
            URI.create("https://123456-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token");
    private static final Instant NOW = Instant.ofEpochSecond(1_742_574_430L);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ps256AssertionVerifiesWithThePublicKey() throws Exception {
        KeyPair keys = generate("RSA", 2048);
        String jwt = assertion(keys, JwsAlgorithm.PS256);

        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        assertTrue(verifies(verifier, keys.getPublic(), jwt));
        assertEquals("PS256", part(jwt, 0).get("alg").asText());
    }

    /** Checked with the JDK's raw R||S verifier, independently of the DER conversion that produced it. */
    @Test
    void es256AssertionIsAJoseSignatureThatVerifiesWithThePublicKey() throws Exception {
        KeyPair keys = generateEc();
        for (int i = 0; i < 40; i++) { // some signatures have short R or S, which must be left-padded
            String jwt = assertion(keys, JwsAlgorithm.ES256);
            assertEquals(64, signature(jwt).length);
            assertTrue(verifies(Signature.getInstance("SHA256withECDSAinP1363Format"), keys.getPublic(), jwt));
        }
    }

    @Test
    void headerAndClaimsAreWhatNetSuiteExpects() throws Exception {
        String jwt = assertion(generateEc(), JwsAlgorithm.ES256);
        JsonNode header = part(jwt, 0);
        assertEquals("ES256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());
        assertEquals("cert-kid-1", header.get("kid").asText());

        JsonNode claims = part(jwt, 1);
        assertEquals("client-123", claims.get("iss").asText());
        assertEquals(TOKEN_ENDPOINT.toString(), claims.get("aud").asText());
        assertEquals("[\"rest_webservices\",\"restlets\"]", claims.get("scope").toString());
        assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
        long exp = claims.get("exp").asLong();
        assertTrue(exp > NOW.getEpochSecond() && exp <= NOW.getEpochSecond() + 3600, "exp within an hour of iat");
        assertFalse(claims.get("jti").asText().isEmpty());
        assertFalse(jwt.contains("="), "base64url without padding");
    }

    @Test
    void pemKeysAreReadAsWrittenInCfgFiles() throws Exception {
        KeyPair keys = generateEc();
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertEquals(keys.getPrivate(), PemPrivateKeys.parse(pem, JwsAlgorithm.ES256));
        assertEquals(keys.getPrivate(), PemPrivateKeys.parse(pem.replace("\n", "\\n"), JwsAlgorithm.ES256));
        assertEquals(keys.getPrivate(), PemPrivateKeys.parse(pem.replace("\n", " "), JwsAlgorithm.ES256));
    }

    @Test
    void aKeyOfTheWrongTypeIsRefusedWithoutShowingIt() throws Exception {
        KeyPair ec = generateEc();
        String pem = "-----BEGIN " + "PRIVATE KEY-----" + Base64.getEncoder().encodeToString(ec.getPrivate().getEncoded())
                + "-----END PRIVATE KEY-----";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemPrivateKeys.parse(pem, JwsAlgorithm.PS256));
        assertFalse(e.getMessage().contains(pem.substring(40, 60)));
        assertThrows(IllegalArgumentException.class,
                () -> PemPrivateKeys.parse("-----BEGIN " + "RSA PRIVATE KEY-----abc", JwsAlgorithm.PS256));
    }

    private static String assertion(KeyPair keys, JwsAlgorithm algorithm) {
        M2mCredentials credentials = new M2mCredentials("client-123", "cert-kid-1", keys.getPrivate(), algorithm,
                List.of("rest_webservices", "restlets"));
        return new ClientAssertion(credentials, TOKEN_ENDPOINT, JSON).create(NOW);
    }

    private static boolean verifies(Signature verifier, PublicKey key, String jwt) throws GeneralSecurityException {
        verifier.initVerify(key);
        verifier.update(jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature(jwt));
    }

    private static byte[] signature(String jwt) {
        return Base64.getUrlDecoder().decode(jwt.split("\\.")[2]);
    }

    private static JsonNode part(String jwt, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair generateEc() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
