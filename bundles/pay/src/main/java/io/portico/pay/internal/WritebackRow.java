package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One payment's write-back as reconciliation shows it.
 *
 * @param state pending, posted, failed, skipped, or resolved (failed, then made in NetSuite by hand)
 * @param netsuiteId the customer payment's internal id once known, else {@code null}
 * @param lastError NetSuite's message (or why the row waits), else {@code null}
 * @param resolvedBy who marked it resolved (an email, or {@code console}), else {@code null}
 */
public record WritebackRow(long id, String externalId, UUID paymentId, long organizationId, String organizationName,
        String paymentStatus, BigDecimal invoicesAmount, String currency, String state, String netsuiteId,
        int attempts, String lastError, Instant createdAt, Instant postedAt, Instant resolvedAt, String resolvedBy,
        String resolutionNote) {
}
