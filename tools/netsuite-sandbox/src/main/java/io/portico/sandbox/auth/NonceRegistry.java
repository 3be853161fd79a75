package io.portico.sandbox.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers (token, nonce, timestamp) triples for the timestamp window, so each can be used only once. */
final class NonceRegistry {

  private final long windowSeconds;
  private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();

  NonceRegistry(long windowSeconds) {
    this.windowSeconds = windowSeconds;
  }

  /** Records the triple; false if it was already used. */
  boolean firstUse(String token, String nonce, long timestamp, long nowSeconds) {
    if (seenUntil.size() > 10_000) {
      seenUntil.values().removeIf(until -> until < nowSeconds);
    }
    String key = token + '\n' + nonce + '\n' + timestamp;
    return seenUntil.putIfAbsent(key, nowSeconds + 2 * windowSeconds) == null;
  }
}
