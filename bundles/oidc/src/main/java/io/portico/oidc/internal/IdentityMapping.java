package io.portico.oidc.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import io.portico.api.sso.SsoIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns checked ID token claims into an identity. The email counts as verified only when the issuer's
 * verification claim says {@code true}: for Google and most issuers {@code email_verified}, for Microsoft Entra ID
 * {@code xms_edov}. Usernames ({@code preferred_username}, {@code upn}) are never taken for an email.
 */
final class IdentityMapping {

    /** Claims passed on as properties: useful to show or to audit, never to link a person. */
    private static final List<String> INFORMATIVE = List.of("preferred_username", "given_name", "family_name",
            "locale", "hd", "oid", "upn");

    private IdentityMapping() {
    }

    static SsoIdentity identity(JWTClaimsSet claims, String emailVerifiedClaim) {
        String email = IdTokenClaims.string(claims, "email");
        boolean verified = email != null && !email.isBlank() && isTrue(claims.getClaim(emailVerifiedClaim));
        Map<String, String> properties = new HashMap<>();
        for (String name : INFORMATIVE) {
            String value = IdTokenClaims.string(claims, name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return new SsoIdentity(claims.getIssuer(), claims.getSubject(), email == null ? null : email.trim(),
                verified, IdTokenClaims.string(claims, "name"), IdTokenClaims.string(claims, "tid"), properties);
    }

    /** Some issuers send booleans as strings. */
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String s && s.equalsIgnoreCase("true");
    }
}
