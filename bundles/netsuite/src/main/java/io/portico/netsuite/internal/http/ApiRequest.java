package io.portico.netsuite.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to NetSuite, before authentication.
 *
 * @param body the request body, or null
 * @param idempotent whether sending it twice is harmless, so a 5xx or a broken connection may be retried
 */
public record ApiRequest(String method, URI uri, byte[] body, Map<String, String> headers, boolean idempotent) {

    private static final String JSON = "application/json";

    public ApiRequest {
        headers = Map.copyOf(headers);
    }

    public static ApiRequest get(URI uri) {
        return new ApiRequest("GET", uri, null, Map.of("Accept", JSON), true);
    }

    /** A {@code DELETE}: idempotent, as a second one only finds the record gone. */
    public static ApiRequest delete(URI uri) {
        return new ApiRequest("DELETE", uri, null, Map.of("Accept", JSON), true);
    }

    public static ApiRequest json(String method, URI uri, byte[] body, boolean idempotent) {
        return new ApiRequest(method, uri, body, Map.of("Accept", JSON, "Content-Type", JSON), idempotent);
    }

    public static ApiRequest form(URI uri, String body, boolean idempotent) {
        return new ApiRequest("POST", uri, body.getBytes(StandardCharsets.US_ASCII),
                Map.of("Accept", JSON, "Content-Type", "application/x-www-form-urlencoded"), idempotent);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, uri, body, more, idempotent);
    }

    /** Method and path, e.g. {@code GET /services/rest/record/v1/invoice/42}: what error messages name. */
    public String describe() {
        return method + " " + uri.getRawPath();
    }
}
