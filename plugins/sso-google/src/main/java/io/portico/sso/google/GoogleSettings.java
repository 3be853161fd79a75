package io.portico.sso.google;

import io.portico.oidc.OidcSettings;
import java.net.URI;
import java.util.Set;

/** Google's OpenID Connect defaults. */
final class GoogleSettings {

    static final String ISSUER = "https://accounts.google.com";
    /** Google documents that its ID tokens may name the issuer without the scheme. */
    static final String ISSUER_WITHOUT_SCHEME = "accounts.google.com";

    private GoogleSettings() {
    }

    static OidcSettings of(GoogleConfig config) {
        OidcSettings.Builder settings = OidcSettings.builder("google")
                .buttonLabel(config.buttonLabel())
                .issuer(config.issuer())
                .clientId(config.clientId())
                .clientSecret(config.clientSecret())
                // Google vouches for the address with email_verified, the OIDC default.
                .emailVerifiedClaim("email_verified")
                // Let people with several Google accounts pick the right one.
                .authorizationParameter("prompt", "select_account");
        if (ISSUER.equals(config.issuer())) {
            settings.issuerAliases(Set.of(ISSUER_WITHOUT_SCHEME));
        }
        if (!config.redirectBaseUrl().isBlank()) {
            settings.redirectBaseUri(URI.create(config.redirectBaseUrl().trim()));
        }
        return settings.build();
    }
}
