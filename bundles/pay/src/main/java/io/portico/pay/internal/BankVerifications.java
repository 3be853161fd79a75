package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.BankVerification;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.secrets.SecretBox;
import io.portico.api.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A bank payment waiting for micro-deposits: the payer is emailed a link to {@code /pay/verify/{token}}, where they
 * enter what they read off their statement and Portico sends it to the processor.
 *
 * <p>The token is the payment (tenant, customer, id) and the link's expiry sealed with {@link SecretBox} (AES-GCM
 * under the portal's key): nothing is stored, a token cannot be made or changed without the key, and a payment is
 * still read through its customer's {@link DataScope}. The link lasts as long as the processor waits
 * ({@link #VALIDITY}).
 */
final class BankVerifications {

    /** Stripe lets a payer verify micro-deposits for ten days; the link is good as long. */
    static final Duration VALIDITY = Duration.ofDays(10);
    private static final String PURPOSE = "pay-bank-verification";
    /** What a sealed token looks like (URL-safe base64); anything else is not looked at further. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,1024}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{6}");
    private static final Pattern CENTS = Pattern.compile("(0?\\.)?[0-9]{1,2}");

    private final SecretBox secrets;
    private final Checkout checkout;
    private final Clock clock;

    BankVerifications(SecretBox secrets, Checkout checkout, Clock clock) {
        this.secrets = secrets;
        this.checkout = checkout;
        this.clock = clock;
    }

    /** The payment as it stands, with the micro-deposits the processor waits for ({@code null}: it waits no more). */
    record Awaiting(Payment payment, BankVerification verification) {
    }

    /** A new link's token for the payment, valid for {@link #VALIDITY}. */
    String token(Payment payment) {
        String sealed = secrets.seal(String.join(" ", PURPOSE, Long.toString(payment.tenantId()),
                Long.toString(payment.organizationId()), payment.publicId().toString(),
                Long.toString(clock.instant().plus(VALIDITY).getEpochSecond())));
        return sealed.substring("ENC(".length(), sealed.length() - 1);
    }

    /**
     * The payment of a link.
     *
     * @throws ProblemException 404 for a token that was not made here or was changed, or whose payment is gone; 410
     *     for an expired one
     */
    Payment open(String token) {
        String[] claim = claim(token);
        if (Instant.ofEpochSecond(Long.parseLong(claim[4])).isBefore(clock.instant())) {
            throw ProblemException.gone("This verification link has expired. The payment was not made: please pay "
                    + "the invoices again.");
        }
        DataScope scope = new DataScope(Long.parseLong(claim[1]), Long.parseLong(claim[2]));
        return checkout.ledger().find(scope, UUID.fromString(claim[3]))
                .orElseThrow(() -> ProblemException.notFound("There is no such payment here."));
    }

    private String[] claim(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        String plain;
        try {
            plain = secrets.reveal("ENC(" + token + ")");
        } catch (IllegalArgumentException tampered) {
            throw notFound();
        }
        String[] claim = plain.split(" ");
        if (claim.length != 5 || !PURPOSE.equals(claim[0])) {
            throw notFound();
        }
        return claim;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("This verification link is not valid. Open it from the email exactly as "
                + "it was sent.");
    }

    /** Asks the processor whether the payment still waits for micro-deposits, and records what it answers. */
    Awaiting awaiting(Payment payment) {
        if (!"requires_action".equals(payment.status())) {
            return new Awaiting(payment, null);
        }
        PaymentProcessor processor = checkout.processorFor(payment);
        PaymentState state = Checkout.call(() -> processor.fetch(payment.processorAccountId(),
                payment.processorReference()));
        Payment recorded = checkout.ledger().record(payment, state);
        return new Awaiting(recorded, "requires_action".equals(recorded.status()) ? state.bankVerification() : null);
    }

    /**
     * Sends the payer's answer to the processor and records the payment's state afterwards.
     *
     * @throws ProblemException 400 with the processor's sentence when the answer is wrong or malformed (the payment's
     *     state is recorded first: the last wrong answer fails it), 409 when it no longer waits, 503 when the
     *     processor does not answer
     */
    Payment verify(Payment payment, String code, String firstAmount, String secondAmount) {
        Awaiting awaiting = awaiting(payment);
        if (awaiting.verification() == null) {
            throw ProblemException.conflict("This payment no longer waits for its bank account to be verified.");
        }
        BankVerification.Answer answer = answer(awaiting.verification().kind(), code, firstAmount, secondAmount);
        PaymentProcessor processor = checkout.processorFor(payment);
        PaymentState state;
        try {
            state = processor.verifyBankAccount(payment.processorAccountId(), payment.processorReference(), answer);
        } catch (PaymentException e) {
            if (e.retryable()) {
                throw ProblemException.unavailable("The payment processor did not answer. Try again in a moment.");
            }
            awaiting(awaiting.payment());
            throw ProblemException.badRequest(e.getMessage());
        }
        return checkout.ledger().record(awaiting.payment(), state);
    }

    /** The answer the form holds, checked before it costs the payer one of their attempts. */
    static BankVerification.Answer answer(BankVerification.Kind kind, String code, String firstAmount,
            String secondAmount) {
        if (kind == BankVerification.Kind.DESCRIPTOR_CODE) {
            String typed = code == null ? "" : code.strip();
            if (!CODE.matcher(typed).matches()) {
                throw ProblemException.badRequest("Enter the 6-character code of the deposit, like SM11AA (code).");
            }
            return BankVerification.Answer.code(typed);
        }
        return BankVerification.Answer.amounts(cents(firstAmount, "amount1"), cents(secondAmount, "amount2"));
    }

    /** An amount under a dollar in cents, typed as {@code 32}, {@code 0.32} or {@code .32}. */
    private static long cents(String typed, String field) {
        String plain = typed == null ? "" : typed.strip().replace("$", "").replace("¢", "").strip();
        if (!CENTS.matcher(plain).matches()) {
            throw ProblemException.badRequest("Enter each deposit's amount in cents, like 32 for $0.32 (" + field
                    + ").");
        }
        String digits = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : plain;
        long cents = Long.parseLong(digits);
        return plain.contains(".") && digits.length() == 1 ? cents * 10 : cents;
    }
}
