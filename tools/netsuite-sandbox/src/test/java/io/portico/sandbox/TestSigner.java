package io.portico.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal OAuth 1.0a HMAC-SHA256 signer written for the tests from RFC 5849 and NetSuite's TBA rules, independent of
 * the sandbox's verifier, so the two check each other.
 */
final class TestSigner {

  private final String realm;
  private final SandboxCredentials credentials;

  TestSigner(String realm, SandboxCredentials credentials) {
    this.realm = realm;
    this.credentials = credentials;
  }

  String header(String method, URI uri, String nonce, long timestamp) {
    return header(method, uri, nonce, timestamp, credentials.consumerSecret());
  }

  /** Signs with a chosen consumer secret, to produce signatures the server must reject. */
  String header(String method, URI uri, String nonce, long timestamp, String consumerSecret) {
    Map<String, String> oauth = new TreeMap<>();
    oauth.put("oauth_consumer_key", credentials.consumerKey());
    oauth.put("oauth_token", credentials.tokenId());
    oauth.put("oauth_signature_method", "HMAC-SHA256");
    oauth.put("oauth_timestamp", Long.toString(timestamp));
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_version", "1.0");

    List<String> pairs = new ArrayList<>();
    oauth.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null) {
      for (String p : rawQuery.split("&")) {
        String[] kv = p.split("=", 2);
        String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        pairs.add(enc(name) + "=" + enc(value));
      }
    }
    pairs.sort(null);
    String baseUrl = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + uri.getRawPath();
    String base = method + "&" + enc(baseUrl) + "&" + enc(String.join("&", pairs));
    String key = enc(consumerSecret) + "&" + enc(credentials.tokenSecret());
    String signature = hmac(key, base);
    StringBuilder h = new StringBuilder("OAuth realm=\"").append(realm).append('"');
    oauth.forEach((k, v) -> h.append(", ").append(k).append("=\"").append(enc(v)).append('"'));
    h.append(", oauth_signature=\"").append(enc(signature)).append('"');
    return h.toString();
  }

  private static String hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 3986 unreserved characters stay, everything else is %XX (upper case). */
  static String enc(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append(String.format("%%%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
