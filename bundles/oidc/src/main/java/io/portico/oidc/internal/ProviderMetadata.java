package io.portico.oidc.internal;

import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The parts of an issuer's discovery document ({@code /.well-known/openid-configuration}) that sign-in needs.
 *
 * @param issuer the issuer; multi-tenant issuers contain {@code {tenantid}}
 * @param tokenEndpointAuthMethods the client authentication methods offered; empty when not stated
 * @param idTokenSigningAlgs the ID token signature algorithms offered; empty when not stated
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        List<String> tokenEndpointAuthMethods, List<String> idTokenSigningAlgs) {

    static ProviderMetadata parse(Map<String, Object> json, URI source) throws SsoException {
        return new ProviderMetadata(
                required(json, "issuer", source),
                URI.create(required(json, "authorization_endpoint", source)),
                URI.create(required(json, "token_endpoint", source)),
                URI.create(required(json, "jwks_uri", source)),
                strings(json.get("token_endpoint_auth_methods_supported")),
                strings(json.get("id_token_signing_alg_values_supported")));
    }

    private static String required(Map<String, Object> json, String field, URI source) throws SsoException {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new SsoException(Reason.PROVIDER_UNAVAILABLE,
                "The discovery document at " + source + " has no " + field);
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
