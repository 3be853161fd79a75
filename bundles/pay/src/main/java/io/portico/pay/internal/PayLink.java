package io.portico.pay.internal;

import java.time.Instant;
import java.util.List;

/**
 * A no-login payment link: who may be paid for (the customer and its invoices, by NetSuite id) and until when.
 * The token itself is never stored, only its SHA-256.
 *
 * @param invoiceNumbers the invoices' numbers for lists, comma-separated
 * @param revokedAt when staff or the customer's admin withdrew it, or {@code null}
 * @param lastOpenedAt when someone last opened it, or {@code null}
 */
public record PayLink(long id, long tenantId, long organizationId, String organizationName, List<Long> invoiceIds,
        String invoiceNumbers, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastOpenedAt) {

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
