package io.portico.oidc.internal;

import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.OidcSettings;
import io.portico.oidc.TokenEndpointAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Redeems an authorization code at the token endpoint, with the PKCE verifier, for an ID token. */
class TokenClient {

    private static final int MAX_DESCRIPTION = 200;

    private final HttpJson http;

    TokenClient(HttpJson http) {
        this.http = http;
    }

    /**
     * @param settings the provider's settings, with the client secret already revealed
     * @return the ID token, not yet checked
     */
    String redeem(ProviderMetadata metadata, OidcSettings settings, String code, SsoStart start)
            throws SsoException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", start.redirectUri().toString());
        form.put("code_verifier", start.codeVerifier());
        form.put("client_id", settings.clientId());
        Map<String, String> headers = Map.of();
        if (!settings.clientSecret().isEmpty()) {
            if (useBasic(settings.tokenEndpointAuth(), metadata)) {
                // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined.
                String credentials = FormEncoding.encode(settings.clientId()) + ":"
                        + FormEncoding.encode(settings.clientSecret());
                headers = Map.of("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            } else {
                form.put("client_secret", settings.clientSecret());
            }
        }
        HttpJson.JsonResponse response = http.postForm(metadata.tokenEndpoint(), FormEncoding.encode(form), headers,
                "token endpoint");
        if (response.status() != 200) {
            throw new SsoException(Reason.PROVIDER_ERROR, "The identity provider refused to redeem the sign-in (HTTP "
                    + response.status() + describe(response.body()) + ")");
        }
        if (response.body().get("id_token") instanceof String idToken && !idToken.isEmpty()) {
            return idToken;
        }
        throw new SsoException(Reason.INVALID_TOKEN, "The identity provider's token response has no ID token");
    }

    private static boolean useBasic(TokenEndpointAuth auth, ProviderMetadata metadata) {
        return switch (auth) {
            case CLIENT_SECRET_BASIC -> true;
            case CLIENT_SECRET_POST -> false;
            // The spec's default is client_secret_basic: use it unless the issuer offers only the body method.
            case AUTO -> metadata.tokenEndpointAuthMethods().isEmpty()
                    || metadata.tokenEndpointAuthMethods().contains("client_secret_basic")
                    || !metadata.tokenEndpointAuthMethods().contains("client_secret_post");
        };
    }

    private static String describe(Map<String, Object> body) {
        String error = body.get("error") instanceof String e ? ", " + e : "";
        String description = body.get("error_description") instanceof String d ? ": " + d : "";
        String text = error + description;
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
    }
}
