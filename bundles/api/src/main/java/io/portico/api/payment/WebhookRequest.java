package io.portico.api.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook request as it arrived.
 *
 * @param body the raw body's bytes, unparsed (signatures are computed over them)
 * @param headers the request's headers, names in lower case
 * @param endpoint which of the processor's webhook endpoints it reached: {@code null} for
 *     {@code /api/pay/webhooks/{processor}}, the last path segment for {@code /api/pay/webhooks/{processor}/{endpoint}}
 *     (a processor with several endpoints, each with its own signing secret, tells them apart by it)
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers, String endpoint) {

    public WebhookRequest {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    /** A request to the processor's single endpoint. */
    public WebhookRequest(byte[] body, Map<String, List<String>> headers) {
        this(body, headers, null);
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
