package io.portico.identity.internal.token;

import io.portico.api.identity.Role;
import java.time.Instant;

/** One row of {@code one_time_token}: an emailed single-use link (invitation, password reset, verification). */
public record OneTimeTokenRecord(long id, String purpose, String email, Long userId, Long organizationId,
        String organizationName, Role role, Long createdBy, Instant createdAt, Instant expiresAt, Instant usedAt,
        Instant revokedAt) {

    public boolean open(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
