package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.portico.api.sso.SsoIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityMappingTest {

    private static final Instant NOW = Instant.now();

    @Test
    void verifiedEmailFromEmailVerified() {
        SsoIdentity identity = IdentityMapping.identity(TestTokens.claims(NOW).claim("email", "ann@acme.example")
                .claim("email_verified", true).claim("name", "Ann").build(), "email_verified");

        assertEquals("ann@acme.example", identity.verifiedEmail().orElseThrow());
        assertEquals(TestTokens.ISSUER, identity.issuer());
        assertEquals("user-123", identity.subject());
        assertEquals("Ann", identity.name());
    }

    @Test
    void emailVerifiedAsStringIsUnderstood() {
        assertTrue(IdentityMapping.identity(TestTokens.claims(NOW).claim("email", "ann@acme.example")
                .claim("email_verified", "true").build(), "email_verified").emailVerified());
    }

    @Test
    void unverifiedOrUnstatedEmailIsNotVerified() {
        JWTClaimsSet unverified = TestTokens.claims(NOW).claim("email", "ann@acme.example")
                .claim("email_verified", false).build();
        JWTClaimsSet unstated = TestTokens.claims(NOW).claim("email", "ann@acme.example").build();

        assertFalse(IdentityMapping.identity(unverified, "email_verified").emailVerified());
        assertFalse(IdentityMapping.identity(unstated, "email_verified").emailVerified());
        assertTrue(IdentityMapping.identity(unverified, "email_verified").verifiedEmail().isEmpty());
    }

    @Test
    void entraEmailCountsOnlyWithDomainOwnerVerification() {
        JWTClaimsSet.Builder entra = TestTokens.claims(NOW).claim("email", "ann@acme.example")
                .claim("tid", "0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11");

        assertFalse(IdentityMapping.identity(entra.build(), "xms_edov").emailVerified());
        // Entra's email_verified is not what vouches for the address: only xms_edov does.
        assertFalse(IdentityMapping.identity(entra.claim("email_verified", true).build(), "xms_edov").emailVerified());
        SsoIdentity verified = IdentityMapping.identity(entra.claim("xms_edov", true).build(), "xms_edov");
        assertTrue(verified.emailVerified());
        assertEquals("0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11", verified.tenantId());
    }

    @Test
    void usernamesAreNeverEmails() {
        SsoIdentity identity = IdentityMapping.identity(TestTokens.claims(NOW)
                .claim("preferred_username", "ann@acme.example").claim("upn", "ann@acme.example")
                .claim("xms_edov", true).build(), "xms_edov");

        assertNull(identity.email());
        assertFalse(identity.emailVerified());
        assertEquals("ann@acme.example", identity.properties().get("preferred_username"));
    }
}
