package io.portico.sso.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.oidc.OidcSettings;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntraSettingsTest {

    @Test
    void multiTenantByDefault() {
        OidcSettings settings = EntraSettings.of(config(Map.of("clientId", "app-id", "clientSecret", "s")));

        assertEquals("entra", settings.name());
        assertEquals("Sign in with Microsoft", settings.buttonLabel());
        assertEquals(URI.create("https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration"),
                settings.discoveryUri());
        // The issuer comes from discovery: the {tenantid} template, checked per token.
        assertEquals(Optional.empty(), settings.issuer());
        assertEquals(Set.of(), settings.allowedTenants());
    }

    @Test
    void emailCountsAsVerifiedOnlyThroughXmsEdov() {
        assertEquals("xms_edov", EntraSettings.of(config(Map.of("clientId", "a", "clientSecret", "s")))
                .emailVerifiedClaim());
    }

    @Test
    void tenantAllowedTenantsAndAuthorityAreConfigurable() {
        OidcSettings settings = EntraSettings.of(config(Map.of("clientId", "a", "clientSecret", "s",
                "tenant", "contoso.onmicrosoft.com", "authority", "https://login.microsoftonline.us/",
                "allowedTenants", "0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11,7F3C2D19-8e4b-4a6f-b1d2-9c0e5a7b3f22")));

        assertEquals(URI.create(
                "https://login.microsoftonline.us/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration"),
                settings.discoveryUri());
        assertEquals(Set.of("0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11", "7f3c2d19-8e4b-4a6f-b1d2-9c0e5a7b3f22"),
                settings.allowedTenants());
    }

    private static EntraConfig config(Map<String, Object> values) {
        return (EntraConfig) Proxy.newProxyInstance(EntraConfig.class.getClassLoader(),
                new Class<?>[] {EntraConfig.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
