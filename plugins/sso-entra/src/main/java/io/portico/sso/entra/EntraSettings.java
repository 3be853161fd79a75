package io.portico.sso.entra;

import io.portico.oidc.OidcSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Microsoft Entra ID's OpenID Connect defaults. For the {@code organizations} and {@code common} endpoints the
 * discovery document names the issuer {@code https://login.microsoftonline.com/{tenantid}/v2.0}; the core then
 * checks each token's issuer against its own tenant ({@code tid}) and the allowed tenants.
 *
 * <p>Entra's {@code email} claim is not proof of ownership: any tenant admin can put any address there. Following
 * Microsoft's guidance, the address counts as verified only when the optional claim {@code xms_edov} (email domain
 * owner verified) is {@code true}. {@code preferred_username} and {@code upn} are never treated as emails.
 */
final class EntraSettings {

    static final String AUTHORITY = "https://login.microsoftonline.com";
    static final String EMAIL_VERIFIED_CLAIM = "xms_edov";

    private EntraSettings() {
    }

    static OidcSettings of(EntraConfig config) {
        String authority = config.authority().trim().replaceAll("/+$", "");
        OidcSettings.Builder settings = OidcSettings.builder("entra")
                .buttonLabel(config.buttonLabel())
                .discoveryUri(URI.create(authority + "/" + config.tenant().trim()
                        + "/v2.0/.well-known/openid-configuration"))
                .clientId(config.clientId())
                .clientSecret(config.clientSecret())
                .allowedTenants(words(config.allowedTenants()))
                .emailVerifiedClaim(EMAIL_VERIFIED_CLAIM);
        if (!config.redirectBaseUrl().isBlank()) {
            settings.redirectBaseUri(URI.create(config.redirectBaseUrl().trim()));
        }
        return settings.build();
    }

    private static Set<String> words(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
