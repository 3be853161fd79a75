package io.portico.netsuite.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.internal.http.ApiRequest;
import io.portico.netsuite.internal.http.RequestExecutor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * NetSuite's token endpoint ({@code POST /services/rest/auth/oauth2/v1/token}): client credentials grant with a JWT
 * client assertion, answered by {@code {"access_token", "expires_in", "token_type"}}.
 */
public final class HttpTokenEndpoint implements TokenEndpoint {

    public static final String PATH = "/services/rest/auth/oauth2/v1/token";
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final RequestExecutor executor;
    private final URI uri;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param executor an executor that adds no Authorization header */
    public HttpTokenEndpoint(RequestExecutor executor, URI uri, ObjectMapper json, Clock clock) {
        this.executor = executor;
        this.uri = uri;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public AccessToken requestToken(String clientAssertion) {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + PercentEncoding.encode(ASSERTION_TYPE)
                + "&client_assertion=" + PercentEncoding.encode(clientAssertion);
        // Asking for a second token is harmless, so the call is retried like a read.
        ApiRequest request = ApiRequest.form(uri, form, true);
        Instant requestedAt = clock.instant();
        JsonNode answer = executor.execute(request, (status, headers, body) -> json.readTree(body));
        String token = answer.path("access_token").asText(null);
        long expiresIn = answer.path("expires_in").asLong(0);
        if (token == null || expiresIn <= 0) {
            throw new NetSuiteException(request.describe(), 200, null,
                    "token endpoint answered without access_token or expires_in", null, null);
        }
        return AccessToken.issued(token, requestedAt, Duration.ofSeconds(expiresIn));
    }
}
