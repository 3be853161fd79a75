package io.portico.netsuite.internal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.internal.config.M2mCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed JWT that the OAuth 2.0 client credentials flow trades for an access token: header {@code alg},
 * {@code typ}, {@code kid} (the certificate id); claims {@code iss} (the client id), {@code scope}, {@code aud} (the
 * token endpoint), {@code iat}, {@code exp} and {@code jti}.
 */
public final class ClientAssertion {

    /** NetSuite allows up to an hour; the assertion is used once, right away. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final M2mCredentials credentials;
    private final URI tokenEndpoint;
    private final ObjectMapper json;

    public ClientAssertion(M2mCredentials credentials, URI tokenEndpoint, ObjectMapper json) {
        this.credentials = credentials;
        this.tokenEndpoint = tokenEndpoint;
        this.json = json;
    }

    public String create(Instant now) {
        ObjectNode header = json.createObjectNode()
                .put("alg", credentials.algorithm().name())
                .put("typ", "JWT")
                .put("kid", credentials.certificateId());
        ObjectNode claims = json.createObjectNode()
                .put("iss", credentials.clientId())
                .put("aud", tokenEndpoint.toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        // Oracle's example assertion sends the scopes as an array.
        ArrayNode scope = claims.putArray("scope");
        credentials.scopes().forEach(scope::add);
        String signingInput = encode(header) + '.' + encode(claims);
        byte[] signature = credentials.algorithm().sign(credentials.privateKey(),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private String encode(ObjectNode part) {
        try {
            return BASE64URL.encodeToString(json.writeValueAsBytes(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JWT", e);
        }
    }
}
