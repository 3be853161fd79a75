package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksCacheTest {

    private static final URI JWKS = URI.create("https://idp.example.com/jwks");
    private static final RSAKey OLD = TestTokens.rsaKey("old");
    private static final RSAKey NEW = TestTokens.rsaKey("new");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final KeySetEndpoint endpoint = new KeySetEndpoint();
    private final JwksCache cache = new JwksCache(endpoint, clock, Duration.ofHours(1), Duration.ofSeconds(30));

    @Test
    void fetchesOnceAndServesFromTheCache() throws SsoException {
        endpoint.publish(OLD);

        assertEquals("old", cache.keys(JWKS, "old").get(0).getKeyID());
        assertEquals("old", cache.keys(JWKS, "old").get(0).getKeyID());
        assertEquals(1, endpoint.fetches);
    }

    @Test
    void anUnknownKeyIdFetchesTheRotatedKeySet() throws SsoException {
        endpoint.publish(OLD);
        cache.keys(JWKS, "old");
        clock.advance(Duration.ofSeconds(31));
        endpoint.publish(OLD, NEW);

        assertEquals("new", cache.keys(JWKS, "new").get(0).getKeyID());
        assertEquals(2, endpoint.fetches);
    }

    @Test
    void unknownKeyIdsRefetchAtMostEveryThirtySeconds() throws SsoException {
        endpoint.publish(OLD);
        cache.keys(JWKS, "old");

        for (int i = 0; i < 10; i++) {
            assertTrue(cache.keys(JWKS, "made-up-" + i).isEmpty());
        }
        assertEquals(1, endpoint.fetches);
        clock.advance(Duration.ofSeconds(31));
        cache.keys(JWKS, "made-up-again");
        assertEquals(2, endpoint.fetches);
    }

    @Test
    void refreshesAfterMaxAgeAndKeepsOldKeysWhenTheRefreshFails() throws SsoException {
        endpoint.publish(OLD);
        cache.keys(JWKS, "old");
        clock.advance(Duration.ofHours(2));
        endpoint.failing = true;

        assertEquals("old", cache.keys(JWKS, "old").get(0).getKeyID());
        assertEquals(2, endpoint.fetches);
    }

    @Test
    void anUnreachableKeySetIsReportedAsSuch() {
        endpoint.failing = true;

        assertEquals(Reason.PROVIDER_UNAVAILABLE,
                assertThrows(SsoException.class, () -> cache.keys(JWKS, "old")).reason());
    }

    /** The issuer's key-set endpoint, as the cache sees it. */
    private static final class KeySetEndpoint extends HttpJson {
        private Map<String, Object> keySet = Map.of("keys", List.of());
        private boolean failing;
        private int fetches;

        KeySetEndpoint() {
            super(null);
        }

        void publish(JWK... keys) {
            keySet = new JWKSet(List.of(keys)).toJSONObject(true);
        }

        @Override
        Map<String, Object> get(URI uri, String what) throws SsoException {
            fetches++;
            if (failing) {
                throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "down");
            }
            return keySet;
        }
    }
}
