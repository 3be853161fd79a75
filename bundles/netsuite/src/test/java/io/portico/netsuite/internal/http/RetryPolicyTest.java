package io.portico.netsuite.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void ceilingDoublesUpToTheMaximum() {
        assertEquals(100, policy.ceilingMillis(0));
        assertEquals(200, policy.ceilingMillis(1));
        assertEquals(1600, policy.ceilingMillis(4));
        assertEquals(2000, policy.ceilingMillis(5));
        assertEquals(2000, policy.ceilingMillis(1000));
    }

    @Test
    void delaysAreFullyJitteredWithinTheCeiling() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            long delay = policy.delay(3, null).toMillis();
            assertTrue(delay >= 0 && delay <= 800, "delay " + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 50, "callers refused together come back spread out");
    }

    @Test
    void retryAfterIsALowerBound() {
        for (int i = 0; i < 100; i++) {
            assertTrue(policy.delay(0, Duration.ofSeconds(3)).toMillis() >= 3000);
        }
        assertEquals(RetryPolicy.RETRY_AFTER_CEILING, policy.delay(0, Duration.ofDays(1)));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        assertEquals(Duration.ofSeconds(7), RetryPolicy.parseRetryAfter("7", now));
        assertEquals(Duration.ofSeconds(30), RetryPolicy.parseRetryAfter("Thu, 15 Jan 2026 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Thu, 15 Jan 2026 09:00:00 GMT", now));
        assertNull(RetryPolicy.parseRetryAfter("soon", now));
        assertNull(RetryPolicy.parseRetryAfter(null, now));
    }
}
