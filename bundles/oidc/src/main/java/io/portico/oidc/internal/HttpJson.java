package io.portico.oidc.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/** Talks JSON to an identity provider: discovery documents, key sets and token endpoints. */
class HttpJson {

    /** Far more than any discovery document, key set or token response; stops a hostile endpoint from flooding us. */
    private static final int MAX_BODY_BYTES = 512 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A JSON answer: the HTTP status and the parsed object (empty when the body was not a JSON object). */
    record JsonResponse(int status, Map<String, Object> body) {
    }

    private final HttpClient client;

    HttpJson(HttpClient client) {
        this.client = client;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GETs a JSON object that must come with status 200; {@code what} names it in error messages. */
    Map<String, Object> get(URI uri, String what) throws SsoException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        JsonResponse response = send(request, what);
        if (response.status() != 200) {
            throw new SsoException(Reason.PROVIDER_UNAVAILABLE,
                    "The identity provider's " + what + " at " + uri + " answered HTTP " + response.status());
        }
        return response.body();
    }

    /** POSTs a form and returns whatever JSON comes back, error statuses included. */
    JsonResponse postForm(URI uri, String form, Map<String, String> headers, String what) throws SsoException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build(), what);
    }

    private JsonResponse send(HttpRequest request, String what) throws SsoException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "The identity provider's " + what + " at "
                            + request.uri() + " is larger than " + MAX_BODY_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            return new JsonResponse(response.statusCode(), parse(body, response.statusCode(), request.uri(), what));
        } catch (IOException e) {
            throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "Cannot reach the identity provider's " + what
                    + " at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "Interrupted while calling the identity provider");
        }
    }

    private static Map<String, Object> parse(String body, int status, URI uri, String what) throws SsoException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            if (status != 200) {
                return Map.of();
            }
            throw new SsoException(Reason.PROVIDER_UNAVAILABLE,
                    "The identity provider's " + what + " at " + uri + " is not a JSON object");
        }
    }
}
