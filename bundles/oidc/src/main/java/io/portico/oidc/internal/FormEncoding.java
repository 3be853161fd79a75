package io.portico.oidc.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}, for authorization query strings and token request bodies. */
final class FormEncoding {

    private FormEncoding() {
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
