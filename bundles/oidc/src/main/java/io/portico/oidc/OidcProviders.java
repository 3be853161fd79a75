package io.portico.oidc;

import io.portico.api.sso.SsoProvider;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes SSO providers that sign in against an OpenID Connect issuer: discovery, authorization code with PKCE, state
 * and nonce, and ID token checks against the issuer's published keys. Discovery documents and key sets are fetched
 * when first needed and shared by every provider of the same issuer, so creating a provider does no network I/O.
 */
@ProviderType
public interface OidcProviders {

    /**
     * A provider for these settings. Its client secret may be sealed ({@code ENC(...)}); it is revealed here.
     *
     * @throws IllegalArgumentException when the sealed client secret cannot be revealed
     */
    SsoProvider create(OidcSettings settings);
}
