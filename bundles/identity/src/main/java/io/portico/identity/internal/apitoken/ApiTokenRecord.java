package io.portico.identity.internal.apitoken;

import java.time.Instant;

/** One API token as stored (its secret exists only as a hash). */
public record ApiTokenRecord(long id, String prefix, String name, long userId, String userEmail,
        long organizationId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
}
