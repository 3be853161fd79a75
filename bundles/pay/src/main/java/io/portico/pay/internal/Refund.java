package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund of a payment ({@code pay_refund}).
 *
 * @param status {@code pending} (asked, or the processor answered pending), {@code succeeded} or {@code failed}
 * @param processorReference the processor's id of the refund; {@code null} while it has not answered
 */
public record Refund(long id, long paymentId, BigDecimal amount, String reason, String status,
        String processorReference, String failureReason, Instant createdAt) {

    /** The processor's idempotency key: one per ledger refund, the same for every retry of it. */
    String idempotencyKey() {
        return "refund:" + id;
    }
}
