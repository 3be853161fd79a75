package io.portico.api.payment;

/**
 * A refund to make.
 *
 * @param accountId the operator's account
 * @param processorReference the succeeded payment
 * @param amount how much to give back (at most what was received and not yet refunded)
 * @param reason why, for the processor's records
 * @param idempotencyKey one key per refund
 */
public record RefundRequest(String accountId, String processorReference, Money amount, String reason,
        String idempotencyKey) {
}
