package io.portico.pay.internal;

import java.time.Instant;
import java.util.List;

/**
 * A payment link as its managers see it (pages and the JSON API); the token only once, when it was just made.
 *
 * @param status {@code active}, {@code expired} or {@code revoked}
 * @param url the link to send, only in the answer that made it ({@code null} afterwards: it is not stored)
 */
public record PayLinkView(long id, long organizationId, String customer, List<Long> invoices, String invoiceNumbers,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastOpenedAt, String status, String url) {

    static PayLinkView of(PayLink link, boolean expired, String url) {
        String status = link.revokedAt() != null ? "revoked" : expired ? "expired" : "active";
        return new PayLinkView(link.id(), link.organizationId(), link.organizationName(), link.invoiceIds(),
                link.invoiceNumbers() == null ? "" : link.invoiceNumbers(), link.createdAt(), link.expiresAt(),
                link.revokedAt(), link.lastOpenedAt(), status, url);
    }
}
