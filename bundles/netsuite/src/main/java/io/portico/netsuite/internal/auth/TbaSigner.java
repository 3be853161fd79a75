package io.portico.netsuite.internal.auth;

import io.portico.netsuite.internal.config.TbaCredentials;
import io.portico.netsuite.internal.http.RequestAuthorizer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with OAuth 1.0a token-based authentication as NetSuite wants it (RFC 5849 with HMAC-SHA256):
 * the oauth_* parameters and every query parameter are signed; the realm and a JSON body are not.
 */
public final class TbaSigner implements RequestAuthorizer {

    static final String SIGNATURE_METHOD = "HMAC-SHA256";
    private static final String VERSION = "1.0";
    private static final String NONCE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int NONCE_LENGTH = 20;
    private static final Comparator<Map.Entry<String, String>> BY_NAME_THEN_VALUE =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private final String realm;
    private final TbaCredentials credentials;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TbaSigner(String realm, TbaCredentials credentials, Clock clock) {
        this.realm = realm;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public String authorization(String method, URI uri) {
        return authorization(method, uri, nonce(), Long.toString(clock.instant().getEpochSecond()));
    }

    /** The header for a given nonce and timestamp; each request needs a fresh pair. */
    String authorization(String method, URI uri, String nonce, String timestamp) {
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_token", credentials.tokenId()),
                Map.entry("oauth_consumer_key", credentials.consumerKey()),
                Map.entry("oauth_nonce", nonce),
                Map.entry("oauth_timestamp", timestamp),
                Map.entry("oauth_signature_method", SIGNATURE_METHOD),
                Map.entry("oauth_version", VERSION));
        String signature = sign(signatureBaseString(method, uri, oauth));

        // Oracle's order: realm first, the signature last.
        StringBuilder header = new StringBuilder("OAuth realm=\"").append(PercentEncoding.encode(realm)).append('"');
        for (Map.Entry<String, String> parameter : oauth) {
            appendParameter(header, parameter.getKey(), parameter.getValue());
        }
        appendParameter(header, "oauth_signature", signature);
        return header.toString();
    }

    /** RFC 5849 section 3.4.1: method, base URI and the normalized parameters, each percent-encoded. */
    static String signatureBaseString(String method, URI uri, List<Map.Entry<String, String>> oauthParameters) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (Map.Entry<String, String> parameter : oauthParameters) {
            parameters.add(encoded(parameter.getKey(), parameter.getValue()));
        }
        parameters.addAll(queryParameters(uri));
        parameters.sort(BY_NAME_THEN_VALUE);

        StringBuilder normalized = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return method.toUpperCase(Locale.ROOT) + '&' + PercentEncoding.encode(baseUri(uri)) + '&'
                + PercentEncoding.encode(normalized.toString());
    }

    /** Scheme and host in lower case, the port only when it is not the scheme's default, no query. */
    private static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static List<Map.Entry<String, String>> queryParameters(URI uri) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(encoded(decode(name), decode(value)));
        }
        return parameters;
    }

    private static Map.Entry<String, String> encoded(String name, String value) {
        return Map.entry(PercentEncoding.encode(name), PercentEncoding.encode(value));
    }

    private static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }

    private String sign(String baseString) {
        String key = PercentEncoding.encode(credentials.consumerSecret()) + '&'
                + PercentEncoding.encode(credentials.tokenSecret());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void appendParameter(StringBuilder header, String name, String value) {
        header.append(", ").append(name).append("=\"").append(PercentEncoding.encode(value)).append('"');
    }

    private String nonce() {
        char[] nonce = new char[NONCE_LENGTH];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length()));
        }
        return new String(nonce);
    }
}
