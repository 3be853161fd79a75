package io.portico.api.sso;

import java.util.Map;
import java.util.Optional;

/**
 * The person a provider vouches for, after every check passed.
 *
 * @param issuer who vouches (the token's issuer, e.g. {@code https://accounts.google.com})
 * @param subject the provider's stable id of the person; unique together with {@code issuer}
 * @param email the email address, or {@code null} when the provider sent none
 * @param emailVerified whether the provider vouches that the person owns {@code email}; only a verified email may
 *         link a person to a user or an organization
 * @param name the display name, or {@code null}
 * @param tenantId the provider's tenant of the person (Microsoft Entra's {@code tid}), or {@code null}
 * @param properties further facts from the provider, for example {@code preferred_username}; never used to link
 */
public record SsoIdentity(String issuer, String subject, String email, boolean emailVerified, String name,
        String tenantId, Map<String, String> properties) {

    public SsoIdentity {
        properties = Map.copyOf(properties);
    }

    /** The email, only when it is verified. */
    public Optional<String> verifiedEmail() {
        return emailVerified && email != null && !email.isBlank() ? Optional.of(email) : Optional.empty();
    }
}
