package io.portico.api.payment;

import java.time.Instant;

/**
 * A payer's bank disputing a payment (a chargeback), as the processor reports it.
 *
 * @param disputeReference the processor's id of the dispute
 * @param amount what the bank took back or holds
 * @param reason the bank's reason in words ("fraudulent", "product not received")
 * @param status where it stands
 * @param evidenceDueBy until when the operator can answer with evidence, or {@code null} once that is over
 * @since 2.3
 */
public record Dispute(String disputeReference, Money amount, String reason, Status status, Instant evidenceDueBy) {

    /** Where a dispute stands. */
    public enum Status {
        /** The operator should answer with evidence before {@link #evidenceDueBy()}. */
        NEEDS_RESPONSE,
        /** Evidence was sent; the bank decides. */
        UNDER_REVIEW,
        /** Decided for the operator: the money stays. */
        WON,
        /** Decided for the payer: the money went back. */
        LOST,
        /** Closed without a decision (an inquiry that went no further). */
        CLOSED
    }
}
