package io.portico.api.payment;

/**
 * A refund as the processor took it.
 *
 * @param refundReference the processor's id of the refund
 * @param status whether it went through
 * @param failureReason for {@link Status#FAILED}, why; otherwise {@code null}
 */
public record RefundResult(String refundReference, Status status, String failureReason) {

    /** Where a refund stands. */
    public enum Status {
        PENDING, SUCCEEDED, FAILED
    }
}
