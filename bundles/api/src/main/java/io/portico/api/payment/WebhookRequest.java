package io.portico.api.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook request as it arrived.
 *
 * @param body the raw body's bytes, unparsed (signatures are computed over them)
 * @param headers the request's headers, names in lower case
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers) {

    public WebhookRequest {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a header (name in any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
