package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenSignatureTest {

    private static final RSAKey PROVIDER_RSA = TestTokens.rsaKey("rsa-1");
    private static final ECKey PROVIDER_EC = TestTokens.ecKey("ec-1");
    private static final KeySource PUBLISHED = keyId -> List.<JWK>of(PROVIDER_RSA.toPublicJWK(),
            PROVIDER_EC.toPublicJWK()).stream().filter(k -> keyId == null || keyId.equals(k.getKeyID())).toList();
    private static final JWTClaimsSet CLAIMS = TestTokens.claims(Instant.now()).build();

    @Test
    void acceptsRs256AndEs256SignedWithPublishedKeys() throws SsoException {
        String rs = TestTokens.sign(CLAIMS, PROVIDER_RSA, JWSAlgorithm.RS256);
        String es = TestTokens.sign(CLAIMS, PROVIDER_EC, JWSAlgorithm.ES256);

        assertEquals("user-123", IdTokenSignature.verify(rs, IdTokenSignature.ASYMMETRIC, PUBLISHED).getSubject());
        assertEquals("user-123", IdTokenSignature.verify(es, IdTokenSignature.ASYMMETRIC, PUBLISHED).getSubject());
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheProvidersKeyId() {
        RSAKey forger = new RSAKey.Builder(TestTokens.rsaKey("x")).keyID("rsa-1").build();
        String forged = TestTokens.sign(CLAIMS, forger, JWSAlgorithm.RS256);

        SsoException e = assertThrows(SsoException.class,
                () -> IdTokenSignature.verify(forged, IdTokenSignature.ASYMMETRIC, PUBLISHED));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }

    @Test
    void refusesAlteredClaims() {
        String genuine = TestTokens.sign(CLAIMS, PROVIDER_RSA, JWSAlgorithm.RS256);
        String[] parts = genuine.split("\\.");
        String otherClaims = TestTokens.sign(TestTokens.claims(Instant.now()).subject("admin").build(), PROVIDER_RSA,
                JWSAlgorithm.RS256).split("\\.")[1];
        String altered = parts[0] + "." + otherClaims + "." + parts[2];

        assertEquals(Reason.BAD_SIGNATURE, assertThrows(SsoException.class,
                () -> IdTokenSignature.verify(altered, IdTokenSignature.ASYMMETRIC, PUBLISHED)).reason());
    }

    @Test
    void refusesAKeyIdTheProviderDoesNotPublish() {
        String token = TestTokens.sign(CLAIMS, TestTokens.rsaKey("unknown"), JWSAlgorithm.RS256);

        SsoException e = assertThrows(SsoException.class,
                () -> IdTokenSignature.verify(token, IdTokenSignature.ASYMMETRIC, PUBLISHED));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertTrue(e.getMessage().contains("'unknown'"), e.getMessage());
    }

    @Test
    void refusesUnsignedTokens() {
        String unsigned = new PlainJWT(CLAIMS).serialize();

        assertEquals(Reason.INVALID_TOKEN, assertThrows(SsoException.class,
                () -> IdTokenSignature.verify(unsigned, IdTokenSignature.ASYMMETRIC, PUBLISHED)).reason());
    }

    @Test
    void refusesHmacSignedWithThePublicKeyAsSecret() throws JOSEException {
        // The classic algorithm confusion: HS256 keyed with bytes an attacker knows.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), CLAIMS);
        jwt.sign(new MACSigner(PROVIDER_RSA.toPublicJWK().toJSONString().repeat(2).getBytes()));

        SsoException e = assertThrows(SsoException.class,
                () -> IdTokenSignature.verify(jwt.serialize(), IdTokenSignature.ASYMMETRIC, PUBLISHED));
        assertEquals(Reason.INVALID_TOKEN, e.reason());
        assertTrue(e.getMessage().contains("HS256"), e.getMessage());
    }

    @Test
    void refusesAnAlgorithmTheProviderDoesNotUse() {
        String es = TestTokens.sign(CLAIMS, PROVIDER_EC, JWSAlgorithm.ES256);
        Set<JWSAlgorithm> rsaOnly = IdTokenSignature.accepted(List.of("RS256", "none", "HS256"));

        assertEquals(Set.of(JWSAlgorithm.RS256), rsaOnly);
        assertEquals(Reason.INVALID_TOKEN,
                assertThrows(SsoException.class, () -> IdTokenSignature.verify(es, rsaOnly, PUBLISHED)).reason());
    }

    @Test
    void refusesGarbage() {
        assertEquals(Reason.INVALID_TOKEN, assertThrows(SsoException.class,
                () -> IdTokenSignature.verify("not.a.jwt", IdTokenSignature.ASYMMETRIC, PUBLISHED)).reason());
    }
}
