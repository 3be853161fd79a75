package io.portico.oidc.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuers' signing keys by key-set address. Keys rotate: a token signed with a key id we do not know makes us fetch
 * the key set again, but at most once per {@code minRefreshInterval}, so forged tokens with made-up key ids cannot
 * turn us into a flood of requests against the issuer.
 */
class JwksCache {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private static final class Entry {
        volatile List<JWK> keys = List.of();
        volatile Instant fetchedAt = Instant.MIN;
        volatile Instant attemptedAt = Instant.MIN;
    }

    private final HttpJson http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefreshInterval;
    private final Map<URI, Entry> entries = new ConcurrentHashMap<>();

    JwksCache(HttpJson http, Clock clock, Duration maxAge, Duration minRefreshInterval) {
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefreshInterval = minRefreshInterval;
    }

    /** The issuer's keys with this key id, or all of them when the token names no key id. */
    List<JWK> keys(URI jwksUri, String keyId) throws SsoException {
        Entry entry = entries.computeIfAbsent(jwksUri, u -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.fetchedAt.plus(maxAge).isBefore(now)) {
                refreshIfAllowed(jwksUri, entry, now);
            }
            List<JWK> matching = matching(entry.keys, keyId);
            if (matching.isEmpty() && keyId != null && refreshIfAllowed(jwksUri, entry, now)) {
                LOG.info("Key id {} was not in the cached key set of {}; fetched it again (key rotation)", keyId,
                        jwksUri);
                matching = matching(entry.keys, keyId);
            }
            if (entry.keys.isEmpty()) {
                throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "The identity provider's key set at " + jwksUri
                        + " has no keys or could not be fetched; try again in a minute");
            }
            return matching;
        }
    }

    /** Fetches the key set unless it was tried less than {@code minRefreshInterval} ago; true when it was fetched. */
    private boolean refreshIfAllowed(URI jwksUri, Entry entry, Instant now) throws SsoException {
        if (entry.attemptedAt.plus(minRefreshInterval).isAfter(now)) {
            return false;
        }
        entry.attemptedAt = now;
        try {
            entry.keys = JWKSet.parse(http.get(jwksUri, "key set")).getKeys();
            entry.fetchedAt = now;
            return true;
        } catch (ParseException | SsoException e) {
            if (entry.keys.isEmpty()) {
                throw e instanceof SsoException sso ? sso : new SsoException(Reason.PROVIDER_UNAVAILABLE,
                        "The identity provider's key set at " + jwksUri + " is not a valid JWK set: " + e.getMessage());
            }
            LOG.warn("Keeping the cached key set of {}: {}", jwksUri, e.getMessage());
            return false;
        }
    }

    private static List<JWK> matching(List<JWK> keys, String keyId) {
        return keyId == null ? keys : keys.stream().filter(k -> keyId.equals(k.getKeyID())).toList();
    }
}
