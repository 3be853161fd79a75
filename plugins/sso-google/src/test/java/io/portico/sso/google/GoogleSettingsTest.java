package io.portico.sso.google;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.oidc.OidcSettings;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoogleSettingsTest {

    @Test
    void googleDefaults() {
        OidcSettings settings = GoogleSettings.of(config(Map.of("clientId", "123.apps.googleusercontent.com",
                "clientSecret", "ENC(sealed)")));

        assertEquals("google", settings.name());
        assertEquals("Sign in with Google", settings.buttonLabel());
        assertEquals(Optional.of("https://accounts.google.com"), settings.issuer());
        assertEquals(URI.create("https://accounts.google.com/.well-known/openid-configuration"),
                settings.discoveryUri());
        assertEquals(Set.of("accounts.google.com"), settings.issuerAliases());
        assertEquals("email_verified", settings.emailVerifiedClaim());
        assertEquals("select_account", settings.authorizationParameters().get("prompt"));
        assertEquals("ENC(sealed)", settings.clientSecret());
    }

    @Test
    void anotherIssuerForTestsHasNoGoogleAlias() {
        OidcSettings settings = GoogleSettings.of(config(Map.of("clientId", "c", "clientSecret", "s",
                "issuer", "http://localhost:9000/google", "redirectBaseUrl", "https://portal.example.com")));

        assertEquals(Set.of(), settings.issuerAliases());
        assertEquals(Optional.of(URI.create("https://portal.example.com")), settings.redirectBaseUri());
    }

    private static GoogleConfig config(Map<String, Object> values) {
        return (GoogleConfig) Proxy.newProxyInstance(GoogleConfig.class.getClassLoader(),
                new Class<?>[] {GoogleConfig.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
