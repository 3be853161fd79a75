package io.portico.identity.internal.session;

import java.time.Instant;

/**
 * One row of {@code http_session} (its id exists only as a hash).
 *
 * @param viewingOrganizationId the customer organization operator staff are viewing read-only, or {@code null};
 *         only while the view lasts (an expired view reads as none)
 * @param viewingUntil when that view ends at the latest, or {@code null}
 */
public record SessionRecord(byte[] idHash, long userId, Long organizationId, String authMethod, boolean mfaPending,
        String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String ip, String userAgent,
        Long viewingOrganizationId, Instant viewingUntil) {
}
