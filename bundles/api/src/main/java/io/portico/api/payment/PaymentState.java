package io.portico.api.payment;

import java.net.URI;

/**
 * A payment's state at the processor.
 *
 * @param processorReference the processor's id of the payment
 * @param status where it stands
 * @param actionUri for {@link Status#REQUIRES_ACTION}, the address to send the payer's browser to (a 3-D Secure
 *     challenge); otherwise {@code null}, also while the payer verifies a bank account ({@code bankVerification})
 * @param failureReason for {@link Status#FAILED}, a reason the payer can act on ("The card was declined.");
 *     otherwise {@code null}
 * @param amountReceived what the processor has taken ({@code null} before it succeeds)
 * @param amountRefunded what has been refunded so far (zero when nothing)
 * @param disputed whether the payer's bank disputes it
 * @param method the payment method used, once there is one; otherwise {@code null}
 * @param bankVerification for {@link Status#REQUIRES_ACTION}, the micro-deposits the payer must enter to prove a bank
 *     account entered by hand ({@link PaymentProcessor#verifyBankAccount}); otherwise {@code null} (since 2.4)
 */
public record PaymentState(String processorReference, Status status, URI actionUri, String failureReason,
        Money amountReceived, Money amountRefunded, boolean disputed, PaymentMethodDetails method,
        BankVerification bankVerification) {

    /** A state without a bank verification: what processors before 2.4 answer. */
    public PaymentState(String processorReference, Status status, URI actionUri, String failureReason,
            Money amountReceived, Money amountRefunded, boolean disputed, PaymentMethodDetails method) {
        this(processorReference, status, actionUri, failureReason, amountReceived, amountRefunded, disputed, method,
                null);
    }

    /** Where a payment stands at the processor. */
    public enum Status {
        /** Prepared; no payment method confirmed yet. */
        REQUIRES_PAYMENT_METHOD,
        /** The payer must act first (3-D Secure, bank verification). */
        REQUIRES_ACTION,
        /** Confirmed; the money is on its way (ACH: days). */
        PROCESSING,
        /** The money was taken. */
        SUCCEEDED,
        /** Declined or returned by the bank: no money was taken, or it was given back. */
        FAILED,
        /** Abandoned before it succeeded. */
        CANCELED
    }
}
