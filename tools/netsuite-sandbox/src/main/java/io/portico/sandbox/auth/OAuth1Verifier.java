package io.portico.sandbox.auth;

import io.portico.sandbox.SandboxCredentials;
import io.portico.sandbox.errors.NetSuiteException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks NetSuite TBA headers ({@code Authorization: OAuth realm="...", oauth_...}) the way NetSuite does: HMAC-SHA256
 * over method, base URL and the sorted oauth_* and query parameters (never a JSON body; realm excluded), the realm is
 * the account, nonces are single-use and timestamps within five minutes. Every failure is the same 401
 * INVALID_LOGIN; the reason only goes to the sandbox's own log, like NetSuite's Login Audit Trail.
 */
public final class OAuth1Verifier {

  private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"");
  private static final long WINDOW_SECONDS = 300;

  private final String realm;
  private final SandboxCredentials credentials;
  private final NonceRegistry nonces = new NonceRegistry(WINDOW_SECONDS);
  private final LoginAudit audit;

  public OAuth1Verifier(String realm, SandboxCredentials credentials, LoginAudit audit) {
    this.realm = realm;
    this.credentials = credentials;
    this.audit = audit;
  }

  /** @param authorization header value after "OAuth " */
  public void verify(String method, String baseUrl, Map<String, List<String>> queryParams, String authorization) {
    Map<String, String> oauth = parse(authorization);
    check(realm.equalsIgnoreCase(oauth.getOrDefault("realm", "")), "realm does not name this account");
    check(credentials.consumerKey().equals(oauth.get("oauth_consumer_key")), "consumer_key_unknown");
    check(credentials.tokenId().equals(oauth.get("oauth_token")), "token_rejected");
    check("HMAC-SHA256".equals(oauth.get("oauth_signature_method")), "UnknownAlgorithm");
    check("1.0".equals(oauth.getOrDefault("oauth_version", "1.0")), "VersionRejected");
    String nonce = oauth.getOrDefault("oauth_nonce", "");
    check(nonce.length() >= 6, "nonce_rejected");
    long timestamp = parseTimestamp(oauth.get("oauth_timestamp"));
    long now = System.currentTimeMillis() / 1000;
    check(Math.abs(now - timestamp) <= WINDOW_SECONDS, "InvalidTimestamp");
    String expected = sign(baseString(method, baseUrl, queryParams, oauth));
    String actual = oauth.getOrDefault("oauth_signature", "");
    check(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        actual.getBytes(StandardCharsets.US_ASCII)), "InvalidSignature");
    check(nonces.firstUse(credentials.tokenId(), nonce, timestamp, now), "NonceUsed");
  }

  static String baseString(String method, String baseUrl, Map<String, List<String>> queryParams,
                           Map<String, String> oauth) {
    List<String[]> params = new ArrayList<>();
    queryParams.forEach((name, values) -> values.forEach(v -> params.add(encodedPair(name, v))));
    oauth.forEach((name, value) -> {
      if (name.startsWith("oauth_") && !name.equals("oauth_signature")) {
        params.add(encodedPair(name, value));
      }
    });
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : params) {
      if (normalized.length() > 0) {
        normalized.append('&');
      }
      normalized.append(p[0]).append('=').append(p[1]);
    }
    return method + "&" + PercentEncoding.encode(baseUrl) + "&" + PercentEncoding.encode(normalized.toString());
  }

  private String sign(String baseString) {
    String key = PercentEncoding.encode(credentials.consumerSecret()) + "&"
        + PercentEncoding.encode(credentials.tokenSecret());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Map<String, String> parse(String header) {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      params.put(m.group(1), URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return params;
  }

  private long parseTimestamp(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      audit.reject("InvalidTimestamp");
      throw NetSuiteException.invalidLogin();
    }
  }

  private void check(boolean ok, String reason) {
    if (!ok) {
      audit.reject(reason);
      throw NetSuiteException.invalidLogin();
    }
  }

  private static String[] encodedPair(String name, String value) {
    return new String[] {PercentEncoding.encode(name), PercentEncoding.encode(value)};
  }
}
