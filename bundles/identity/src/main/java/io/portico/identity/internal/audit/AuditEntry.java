package io.portico.identity.internal.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audit-log line: who ({@code actor}, and their user id when they have one) did what ({@code action}, e.g.
 * {@code sign_in.failed}) to whom or what ({@code subject}), in which organization, when and from where.
 */
public record AuditEntry(long id, long tenantId, Instant occurredAt, Long actorUserId, String actor, String action,
        Long organizationId, String subject, Map<String, Object> detail, String ip, String userAgent) {
}
