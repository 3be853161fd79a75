package io.portico.oidc.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import io.portico.api.secrets.SecretBox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect server (mock-oauth2-server) in this JVM, plus a browser that signs in there at once, plus a
 * small document server for discovery documents the mock cannot produce (Entra's multi-tenant issuer, forged keys).
 */
public final class MockIdp implements AutoCloseable {

    public static final String CLIENT_ID = "portico-test-client";
    /** Secrets in the tests are configured in plain text; the SecretBox passes them through. */
    public static final SecretBox PLAIN_SECRETS = new SecretBox() {
        @Override
        public String seal(String plaintext) {
            return plaintext;
        }

        @Override
        public String reveal(String configuredValue) {
            return configuredValue;
        }
    };

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpServer documents;
    private final Map<String, String> documentBodies = new HashMap<>();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public MockIdp() throws IOException {
        server.start();
        documents = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        documents.createContext("/", exchange -> {
            String body = documentBodies.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        documents.start();
    }

    /** The issuer address of one of the mock's issuers, e.g. {@code http://localhost:port/portico}. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** Makes the next token the issuer hands out carry these claims (they override the mock's own). */
    public void nextToken(String issuerId, String subject, Map<String, Object> claims, long lifetimeSeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims,
                lifetimeSeconds));
    }

    /**
     * Serves a discovery document like Entra's {@code organizations} endpoint: the issuer has a {@code {tenantid}}
     * placeholder, and sign-in happens at the mock issuer {@code <tenant>/v2.0}.
     *
     * @return the discovery address
     */
    public URI multiTenantDiscovery(String tenant) {
        String base = server.baseUrl().toString().replaceAll("/+$", "");
        return serve("/organizations/v2.0/.well-known/openid-configuration", discovery(
                base + "/{tenantid}/v2.0", tenant + "/v2.0", server.jwksUrl(tenant + "/v2.0").toString()));
    }

    /** Serves a discovery document for a mock issuer whose published key set is another one. */
    public URI discoveryWithKeys(String issuerId, JWKSet publishedKeys) {
        URI keys = serve("/" + issuerId + "/forged-jwks", JSONObjectUtils.toJSONString(publishedKeys.toJSONObject(true)));
        return serve("/" + issuerId + "/.well-known/openid-configuration",
                discovery(issuer(issuerId), issuerId, keys.toString()));
    }

    /** Follows the authorization address as a browser whose person signs in at once; returns the callback's query. */
    public Map<String, String> authorize(URI authorizationUri) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorizationUri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        return query(URI.create(response.headers().firstValue("Location").orElseThrow()));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        documents.stop(0);
        server.shutdown();
    }

    private String discovery(String issuer, String signInIssuerId, String jwksUri) {
        Map<String, Object> document = new HashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", server.authorizationEndpointUrl(signInIssuerId).toString());
        document.put("token_endpoint", server.tokenEndpointUrl(signInIssuerId).toString());
        document.put("jwks_uri", jwksUri);
        return JSONObjectUtils.toJSONString(document);
    }

    private URI serve(String path, String body) {
        documentBodies.put(path, body);
        return URI.create("http://localhost:" + documents.getAddress().getPort() + path);
    }
}
