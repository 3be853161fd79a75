package io.portico.identity.internal.session;

import java.time.Instant;

/** One row of {@code http_session} (its id exists only as a hash). */
public record SessionRecord(byte[] idHash, long userId, Long organizationId, String authMethod, boolean mfaPending,
        String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String ip, String userAgent) {
}
