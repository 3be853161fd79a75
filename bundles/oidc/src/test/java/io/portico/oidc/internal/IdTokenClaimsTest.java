package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final String ENTRA_TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String TENANT_A = "0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11";
    private static final String TENANT_B = "7f3c2d19-8e4b-4a6f-b1d2-9c0e5a7b3f22";

    private static final IdTokenRules RULES = new IdTokenRules(TestTokens.ISSUER, Set.of("idp.example.com"),
            TestTokens.CLIENT_ID, TestTokens.NONCE, Set.of(), SKEW);

    @Test
    void acceptsAGenuineToken() {
        assertDoesNotThrow(() -> IdTokenClaims.check(TestTokens.claims(NOW).build(), RULES, NOW));
    }

    @Test
    void wrongIssuer() {
        SsoException e = refused(TestTokens.claims(NOW).issuer("https://evil.example.com").build(), RULES);
        assertEquals(Reason.WRONG_ISSUER, e.reason());
        assertTrue(e.getMessage().contains("https://evil.example.com"), e.getMessage());
    }

    @Test
    void issuerAliasIsAccepted() {
        assertDoesNotThrow(() -> IdTokenClaims.check(TestTokens.claims(NOW).issuer("idp.example.com").build(),
                RULES, NOW));
    }

    @Test
    void wrongAudience() {
        SsoException e = refused(TestTokens.claims(NOW).audience("another-app").build(), RULES);
        assertEquals(Reason.WRONG_AUDIENCE, e.reason());
        assertTrue(e.getMessage().contains("another-app"), e.getMessage());
    }

    @Test
    void authorizedPartyMustBeUs() {
        assertEquals(Reason.WRONG_AUDIENCE,
                refused(TestTokens.claims(NOW).claim("azp", "another-app").build(), RULES).reason());
        assertEquals(Reason.WRONG_AUDIENCE, refused(TestTokens.claims(NOW)
                .audience(List.of(TestTokens.CLIENT_ID, "another-app")).build(), RULES).reason());
        assertDoesNotThrow(() -> IdTokenClaims.check(TestTokens.claims(NOW)
                .audience(List.of(TestTokens.CLIENT_ID, "another-app")).claim("azp", TestTokens.CLIENT_ID).build(),
                RULES, NOW));
    }

    @Test
    void expired() {
        SsoException e = refused(TestTokens.claims(NOW).expirationTime(Date.from(NOW.minusSeconds(61))).build(),
                RULES);
        assertEquals(Reason.EXPIRED, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void clockSkewIsTolerated() {
        assertDoesNotThrow(() -> IdTokenClaims.check(TestTokens.claims(NOW)
                .expirationTime(Date.from(NOW.minusSeconds(30)))
                .notBeforeTime(Date.from(NOW.plusSeconds(30))).build(), RULES, NOW));
    }

    @Test
    void notYetValidOrIssuedInTheFuture() {
        assertEquals(Reason.EXPIRED,
                refused(TestTokens.claims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(120))).build(), RULES).reason());
        assertEquals(Reason.EXPIRED,
                refused(TestTokens.claims(NOW).issueTime(Date.from(NOW.plusSeconds(120))).build(), RULES).reason());
    }

    @Test
    void missingTimesAreInvalid() {
        assertEquals(Reason.INVALID_TOKEN,
                refused(TestTokens.claims(NOW).expirationTime(null).build(), RULES).reason());
        assertEquals(Reason.INVALID_TOKEN, refused(TestTokens.claims(NOW).issueTime(null).build(), RULES).reason());
    }

    @Test
    void wrongOrMissingNonce() {
        SsoException e = refused(TestTokens.claims(NOW).claim("nonce", "nonce-of-another-sign-in").build(), RULES);
        assertEquals(Reason.WRONG_NONCE, e.reason());
        assertTrue(e.getMessage().contains("replayed"), e.getMessage());
        assertEquals(Reason.WRONG_NONCE, refused(TestTokens.claims(NOW).claim("nonce", null).build(), RULES).reason());
    }

    @Test
    void missingSubject() {
        assertEquals(Reason.INVALID_TOKEN, refused(TestTokens.claims(NOW).subject(null).build(), RULES).reason());
    }

    @Test
    void entraIssuerMustMatchTheTokensOwnTenant() {
        IdTokenRules entra = entraRules(Set.of());
        assertDoesNotThrow(() -> IdTokenClaims.check(entraClaims(TENANT_A, TENANT_A).build(), entra, NOW));

        SsoException e = refused(entraClaims(TENANT_A, TENANT_B).build(), entra);
        assertEquals(Reason.WRONG_ISSUER, e.reason());
        assertTrue(e.getMessage().contains(TENANT_B), e.getMessage());
    }

    @Test
    void entraTenantIdMustBeAGuid() {
        // A tid that is not a GUID could smuggle path segments into the expected issuer.
        SsoException e = refused(entraClaims(TENANT_A, "evil.example.com/" + TENANT_A).issuer(
                "https://login.microsoftonline.com/evil.example.com/" + TENANT_A + "/v2.0").build(), entraRules(Set.of()));
        assertEquals(Reason.INVALID_TOKEN, e.reason());
        assertEquals(Reason.INVALID_TOKEN, refused(entraClaims(TENANT_A, null).build(), entraRules(Set.of())).reason());
    }

    @Test
    void entraTenantMustBeAllowed() {
        IdTokenRules onlyA = entraRules(Set.of(TENANT_A));
        assertDoesNotThrow(() -> IdTokenClaims.check(entraClaims(TENANT_A, TENANT_A).build(), onlyA, NOW));

        SsoException e = refused(entraClaims(TENANT_B, TENANT_B).build(), onlyA);
        assertEquals(Reason.TENANT_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().contains(TENANT_B), e.getMessage());
    }

    private static IdTokenRules entraRules(Set<String> allowedTenants) {
        return new IdTokenRules(ENTRA_TEMPLATE, Set.of(), TestTokens.CLIENT_ID, TestTokens.NONCE, allowedTenants, SKEW);
    }

    private static JWTClaimsSet.Builder entraClaims(String issuerTenant, String tid) {
        return TestTokens.claims(NOW).issuer(ENTRA_TEMPLATE.replace("{tenantid}", issuerTenant)).claim("tid", tid);
    }

    private static SsoException refused(JWTClaimsSet claims, IdTokenRules rules) {
        return assertThrows(SsoException.class, () -> IdTokenClaims.check(claims, rules, NOW));
    }
}
