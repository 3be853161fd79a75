package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.oidc.OidcSettings;
import io.portico.oidc.TokenEndpointAuth;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredOidcProviderTest {

    @Test
    void theNameComesFromTheFileName() {
        assertEquals("okta", ConfiguredOidcProvider.nameFromFile("file:/opt/portico/etc/io.portico.sso.oidc-okta.cfg"));
        assertEquals("key-cloak", ConfiguredOidcProvider.nameFromFile("/etc/io.portico.sso.oidc-key-cloak.config"));
    }

    @Test
    void aConfigurationWithoutANameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfiguredOidcProvider.nameFromFile(null));
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredOidcProvider.nameFromFile("file:/etc/io.portico.sso.oidc.cfg"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredOidcProvider.nameFromFile("file:/etc/io.portico.sso.oidc-.cfg"));
    }

    @Test
    void aThirdProviderIsConfigurationOnly() {
        OidcSettings settings = ConfiguredOidcProvider.settings("okta", config(Map.of(
                "issuer", "https://example.okta.com",
                "clientId", "0oa1",
                "clientSecret", "ENC(sealed)",
                "scopes", "openid, email profile groups",
                "allowedTenants", "",
                "redirectBaseUrl", "https://portal.example.com",
                "tokenEndpointAuth", TokenEndpointAuth.CLIENT_SECRET_POST)));

        assertEquals("Sign in with okta", settings.buttonLabel());
        assertEquals(Optional.of("https://example.okta.com"), settings.issuer());
        assertEquals(URI.create("https://example.okta.com/.well-known/openid-configuration"), settings.discoveryUri());
        assertEquals(List.of("openid", "email", "profile", "groups"), settings.scopes());
        assertEquals(Set.of(), settings.allowedTenants());
        assertEquals("ENC(sealed)", settings.clientSecret());
        assertEquals("email_verified", settings.emailVerifiedClaim());
        assertEquals(TokenEndpointAuth.CLIENT_SECRET_POST, settings.tokenEndpointAuth());
        assertEquals(Optional.of(URI.create("https://portal.example.com")), settings.redirectBaseUri());
    }

    @Test
    void aDiscoveryAddressAndAllowedTenantsCanBeGiven() {
        OidcSettings settings = ConfiguredOidcProvider.settings("partner", config(Map.of(
                "discoveryUrl", "https://login.example.com/common/v2.0/.well-known/openid-configuration",
                "clientId", "abc",
                "allowedTenants", "0B5E7A54-3c1a-4f7e-9a0e-5d2b8f1c6a11 7f3c2d19-8e4b-4a6f-b1d2-9c0e5a7b3f22")));

        assertEquals(Optional.empty(), settings.issuer());
        assertEquals(Set.of("0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11", "7f3c2d19-8e4b-4a6f-b1d2-9c0e5a7b3f22"),
                settings.allowedTenants());
    }

    @Test
    void missingClientIdIssuerOrOpenidScopeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfiguredOidcProvider.settings("x",
                config(Map.of("issuer", "https://idp.example.com", "clientId", " "))));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredOidcProvider.settings("x",
                config(Map.of("clientId", "abc"))));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredOidcProvider.settings("x",
                config(Map.of("issuer", "https://idp.example.com", "clientId", "abc", "scopes", "email"))));
    }

    private static ConfiguredOidcProvider.Config config(Map<String, Object> values) {
        return ConfigAnnotations.of(ConfiguredOidcProvider.Config.class, values);
    }
}
