package io.portico.netsuite.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter: retry n waits a random time between 0 and min(max, first * 2^n), so
 * callers that were refused together do not come back together. A server's Retry-After is a lower bound.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay) {

    /** Retry-After is honoured up to this, so an absurd value cannot park a thread for hours. */
    static final Duration RETRY_AFTER_CEILING = Duration.ofMinutes(2);

    public RetryPolicy {
        if (maxRetries < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("invalid retry policy: " + maxRetries + " retries, " + firstDelay
                    + " to " + maxDelay);
        }
    }

    /**
     * @param retry 0 for the first retry
     * @param retryAfter what the server asked for, or null
     */
    public Duration delay(int retry, Duration retryAfter) {
        long jittered = ThreadLocalRandom.current().nextLong(ceilingMillis(retry) + 1);
        if (retryAfter == null) {
            return Duration.ofMillis(jittered);
        }
        long asked = Math.min(retryAfter.toMillis(), RETRY_AFTER_CEILING.toMillis());
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    long ceilingMillis(int retry) {
        long first = firstDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(retry, 62);
        return first > (max >> doublings) ? max : Math.min(max, first << doublings);
    }

    /** Reads a Retry-After value, delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
