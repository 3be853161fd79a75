/**
 * The shared OpenID Connect core: SSO providers for any OIDC issuer, built from {@link io.portico.oidc.OidcSettings}
 * by the {@link io.portico.oidc.OidcProviders} service. Provider plugins (Google, Microsoft Entra ID) only supply
 * their defaults.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.oidc;
