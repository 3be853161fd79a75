package io.portico.sandbox.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens issued by the token endpoint; valid for 3600 seconds, no refresh tokens (as in NetSuite). */
final class AccessTokens {

  static final long LIFETIME_SECONDS = 3600;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Long> expiresAt = new ConcurrentHashMap<>();

  /** A JWT-shaped opaque token; clients must not look inside, so neither do we. */
  String issue() {
    long now = System.currentTimeMillis() / 1000;
    expiresAt.values().removeIf(exp -> exp < now);
    String header = b64("{\"kid\":\"sandbox.SYSTEM\",\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes());
    byte[] payload = new byte[24];
    byte[] signature = new byte[32];
    random.nextBytes(payload);
    random.nextBytes(signature);
    String token = header + "." + b64(payload) + "." + b64(signature);
    expiresAt.put(token, now + LIFETIME_SECONDS);
    return token;
  }

  boolean isValid(String token) {
    Long exp = expiresAt.get(token);
    return exp != null && exp > System.currentTimeMillis() / 1000;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
