package io.portico.oidc.internal;

import io.portico.api.sso.SsoException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery documents by address, fetched on first use and again after a while. When a refresh fails, the last good
 * document keeps serving: issuers change their endpoints rarely, and a short outage should not stop sign-in.
 */
class DiscoveryCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryCache.class);

    private record Entry(ProviderMetadata metadata, Instant fetchedAt) {
    }

    private final HttpJson http;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<URI, Entry> entries = new ConcurrentHashMap<>();

    DiscoveryCache(HttpJson http, Clock clock, Duration maxAge) {
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    ProviderMetadata get(URI discoveryUri) throws SsoException {
        Entry cached = entries.get(discoveryUri);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(maxAge).isAfter(now)) {
            return cached.metadata();
        }
        try {
            ProviderMetadata fresh = ProviderMetadata.parse(http.get(discoveryUri, "discovery document"), discoveryUri);
            entries.put(discoveryUri, new Entry(fresh, now));
            return fresh;
        } catch (SsoException e) {
            if (cached == null) {
                throw e;
            }
            LOG.warn("Keeping the cached discovery document of {}: {}", discoveryUri, e.getMessage());
            return cached.metadata();
        }
    }
}
