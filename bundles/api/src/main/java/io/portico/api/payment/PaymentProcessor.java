package io.portico.api.payment;

import java.net.URI;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A payment processor (Stripe, the sandbox), registered as a service with a {@code PluginName}.
 *
 * <p>How the platform drives a payment:
 * <ol>
 * <li>{@link #startCheckout} when a payer opens the checkout page: the processor prepares a payment for the invoices'
 * amount and says what the browser needs to collect a payment method with the processor's own element, so that card
 * and bank data never reach Portico;</li>
 * <li>{@link #inspect} with the token the browser's element returned: the payment method's facts that decide fees
 * (card funding, billing state). The platform computes the surcharge or fee, shows it, and the payer accepts it;</li>
 * <li>{@link #confirm} for the final amount (invoices plus the disclosed surcharge or fee). The answer may be final
 * (succeeded, failed), pending (processing: bank debits take days) or need the payer (a 3-D Secure challenge);</li>
 * <li>afterwards the processor's {@link #verifyWebhook signed webhooks} tell the platform that something changed;
 * the platform then {@link #fetch fetches} the payment's current state, so events may arrive late, twice or out of
 * order.</li>
 * </ol>
 *
 * <p>What the platform guarantees: every call that moves money carries an idempotency key, the same key for a retry
 * of the same operation and a new one for a new operation; the ledger row exists before {@link #startCheckout} and
 * its id is {@link CheckoutRequest#paymentId()}; amounts never exceed the invoices' remaining balances plus the fee
 * the payer accepted. What processors guarantee: a repeated call with the same idempotency key has the effect of one
 * call and returns the same answer; no call blocks for longer than the processor's own timeouts (a few seconds);
 * every method may be called on any node of a cluster (no per-payment state in memory). Implementations must be
 * thread-safe.
 *
 * <p>Which calls may be retried: all of them, with the same arguments. {@link PaymentException#retryable()} says
 * whether a retry can help.
 */
@ConsumerType
public interface PaymentProcessor {

    /** The name shown to admins in the Pay settings and to payers on receipts, e.g. "Stripe". */
    String displayName();

    /**
     * Where the operator's account with the processor stands, read from the processor (not from a cache that could be
     * stale after onboarding).
     *
     * @param accountId the account the processor named in {@link Onboarding#accountId()}, or {@code null} when the
     *     operator has not connected yet
     */
    ProcessorAccount account(String accountId) throws PaymentException;

    /**
     * Starts or resumes the operator's onboarding: creates the account when {@link OnboardingRequest#accountId()} is
     * {@code null}, and returns the address to send the admin's browser to. Such addresses may be single-use and
     * short-lived: the platform asks again each time, and the processor sends the browser back to
     * {@link OnboardingRequest#refreshUri()} when one has expired.
     */
    Onboarding onboard(OnboardingRequest request) throws PaymentException;

    /**
     * Prepares a payment and says how the browser collects the payment method. Must not take money. Called again
     * with the same {@link CheckoutRequest#idempotencyKey()} (a reload of the checkout page), it returns the same
     * prepared payment.
     */
    CheckoutSession startCheckout(CheckoutRequest request) throws PaymentException;

    /**
     * The facts of the payment method behind a token from the browser's element, before any money moves.
     *
     * @throws PaymentException with {@link PaymentException.Kind#REJECTED} when the token is unknown, expired or
     *     belongs to another account
     */
    PaymentMethodDetails inspect(String accountId, String methodToken) throws PaymentException;

    /**
     * Confirms the prepared payment with the payment method for the final amount. A decline is not an exception: it
     * is a {@link PaymentState.Status#FAILED} state with a reason a payer can act on.
     */
    PaymentState confirm(ConfirmRequest request) throws PaymentException;

    /** The payment's current state at the processor: the truth after any webhook, whatever the order of events. */
    PaymentState fetch(String accountId, String processorReference) throws PaymentException;

    /**
     * Cancels a payment that was never confirmed (the processor still waits for its payment method), so that a
     * confirmation sent earlier and lost can no longer take money, and answers its state afterwards. A payment the
     * processor has already moved on (requires action, processing, succeeded, failed) is left as it is and its
     * state answered: the platform records whatever the answer says. Safe to repeat. The platform asks only about a
     * payment it held for confirmation minutes ago and that the processor reports unconfirmed: the node that was to
     * confirm it stopped in between.
     *
     * @since 2.2
     */
    default PaymentState cancel(String accountId, String processorReference) throws PaymentException {
        throw new PaymentException(PaymentException.Kind.REJECTED, displayName() + " cannot cancel payments.");
    }

    /** Whether {@link #dashboardLink} works: the operator has a dashboard at the processor. @since 2.4 */
    default boolean offersDashboardLink() {
        return false;
    }

    /**
     * A fresh address that signs the operator's admin in to the processor's own dashboard for the account (payouts,
     * disputes' evidence, bank details). Such addresses may be single-use and short-lived: the platform asks only when
     * the admin asks to go there, never to render a page.
     *
     * @throws PaymentException with {@link PaymentException.Kind#REJECTED} when the processor refuses (an account
     *     not yet onboarded), its message naming what the admin can look up
     * @since 2.4
     */
    default URI dashboardLink(String accountId) throws PaymentException {
        throw new PaymentException(PaymentException.Kind.REJECTED, displayName() + " has no dashboard to sign in to.");
    }

    /**
     * Verifies the bank account of a payment waiting for its micro-deposits ({@link PaymentState#bankVerification()})
     * with what the payer read off their statement, and answers the payment's state afterwards: processing when the
     * answer was right. A wrong answer is a {@link PaymentException.Kind#REJECTED} exception whose message the payer
     * can read (how many attempts are left, or that the account can no longer be verified). Processors without
     * micro-deposits need not implement it.
     *
     * @since 2.4
     */
    default PaymentState verifyBankAccount(String accountId, String processorReference, BankVerification.Answer answer)
            throws PaymentException {
        throw new PaymentException(PaymentException.Kind.REJECTED, displayName()
                + " does not verify bank accounts by micro-deposits.");
    }

    /**
     * Checks that a webhook request was signed by the processor and is fresh, and says what it is about. Must not
     * act on it: the platform stores the event by its id (a duplicate is a no-op), answers the processor, and
     * processes it later.
     *
     * @throws PaymentException with {@link PaymentException.Kind#FORGED} when the signature or timestamp does not
     *     check out
     */
    ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException;

    /**
     * Refunds all or part of a succeeded payment. The answer may be final or {@link RefundResult.Status#PENDING}
     * (most card refunds are, for a while): the platform then waits for a webhook about the payment and asks
     * {@link #fetchRefund}.
     */
    RefundResult refund(RefundRequest request) throws PaymentException;

    /**
     * The disputes of a payment, newest first, read from the processor (a payment's page asks when the payment is
     * disputed). Processors that do not report disputes need not implement it.
     *
     * @throws PaymentException with {@link PaymentException.Kind#REJECTED} when the payment is unknown to the account
     * @since 2.3
     */
    default List<Dispute> disputes(String accountId, String processorReference) throws PaymentException {
        return List.of();
    }

    /**
     * A refund's current state at the processor, for one that {@link #refund} answered pending: the platform asks when
     * a webhook reports a change to the refund's payment, and again every few minutes until the answer is final.
     * Processors whose refunds are always final at once need not implement it.
     *
     * @param refundReference {@link RefundResult#refundReference()}
     * @throws PaymentException with {@link PaymentException.Kind#REJECTED} when the refund is unknown to the account
     * @since 2.1
     */
    default RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        throw new PaymentException(PaymentException.Kind.REJECTED, displayName()
                + " does not report refunds after answering them.");
    }
}
