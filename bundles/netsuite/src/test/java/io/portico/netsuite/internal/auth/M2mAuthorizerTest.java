package io.portico.netsuite.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.internal.config.M2mCredentials;
import io.portico.testing.MutableClock;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class M2mAuthorizerTest {

    private static final URI ANY = URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/x");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> assertionsSeen = new ArrayList<>();

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
        M2mAuthorizer authorizer = authorizer(assertion -> issue(Duration.ofHours(1)));
        String first = authorizer.authorization("GET", ANY);
        clock.advance(Duration.ofMinutes(58));
        assertEquals(first, authorizer.authorization("GET", ANY));
        assertEquals(1, tokensIssued.get());

        clock.advance(Duration.ofSeconds(61)); // inside the last minute
        String second = authorizer.authorization("GET", ANY);
        assertEquals("Bearer token-2", second);
        assertEquals(2, tokensIssued.get());
        assertEquals(3, assertionsSeen.get(0).split("\\.").length, "a compact JWT was sent");
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        CountDownLatch endpointEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        M2mAuthorizer authorizer = authorizer(assertion -> {
            endpointEntered.countDown();
            await(release);
            return issue(Duration.ofHours(1));
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> authorizer.authorization("GET", ANY)));
            }
            endpointEntered.await();
            Thread.sleep(100); // let the other callers pile up behind the refresh
            release.countDown();
            Set<String> headers = ConcurrentHashMap.newKeySet();
            for (Future<String> result : results) {
                headers.add(result.get());
            }
            assertEquals(Set.of("Bearer token-1"), headers);
            assertEquals(1, tokensIssued.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a401DiscardsTheRejectedTokenOnlyOnce() {
        M2mAuthorizer authorizer = authorizer(assertion -> issue(Duration.ofHours(1)));
        String rejected = authorizer.authorization("GET", ANY);
        assertTrue(authorizer.discardCredentials(rejected));
        String renewed = authorizer.authorization("GET", ANY);
        assertEquals("Bearer token-2", renewed);

        authorizer.discardCredentials(rejected); // a late 401 for the old token keeps the new one
        assertEquals(renewed, authorizer.authorization("GET", ANY));
        assertEquals(2, tokensIssued.get());
    }

    private M2mAuthorizer authorizer(TokenEndpoint endpoint) {
        TokenEndpoint recording = assertion -> {
            synchronized (assertionsSeen) {
                assertionsSeen.add(assertion);
            }
            return endpoint.requestToken(assertion);
        };
        return new M2mAuthorizer(new ClientAssertion(credentials(), ANY, new ObjectMapper()), recording, clock);
    }

    private AccessToken issue(Duration lifetime) {
        return AccessToken.issued("token-" + tokensIssued.incrementAndGet(), clock.instant(), lifetime);
    }

    private static M2mCredentials credentials() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new M2mCredentials("client", "kid", generator.generateKeyPair().getPrivate(), JwsAlgorithm.ES256,
                    List.of("rest_webservices"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
