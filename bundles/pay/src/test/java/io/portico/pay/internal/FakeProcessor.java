package io.portico.pay.internal;

import io.portico.api.payment.BankVerification;
import io.portico.api.payment.CardFunding;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Money;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A processor for the platform's unit tests: tokens name their outcome ({@code credit}, {@code debit},
 * {@code declined}, {@code challenge}, {@code bank}), refunds succeed at once or stay pending until settled, and what
 * it was asked is kept to check.
 */
final class FakeProcessor implements PaymentProcessor {

    final Map<String, PaymentState> payments = new ConcurrentHashMap<>();
    final List<ConfirmRequest> confirmations = new CopyOnWriteArrayList<>();
    final Map<String, String> preparedByKey = new ConcurrentHashMap<>();
    /** Refunds taken, by idempotency key: a key sent twice refunds once. */
    final Map<String, RefundRequest> refundsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger();
    volatile boolean refundsUnavailable;
    /** Refunds answer pending until {@link #settleRefund}, as most card refunds do at a real processor. */
    volatile boolean refundsPending;
    final Map<String, RefundResult> refundStates = new ConcurrentHashMap<>();
    volatile ProcessorAccount.State accountState = ProcessorAccount.State.READY;

    @Override
    public String displayName() {
        return "Fake";
    }

    @Override
    public ProcessorAccount account(String accountId) {
        if (accountState != ProcessorAccount.State.READY) {
            return new ProcessorAccount(accountId, accountState, Set.of(), "NV", "Add a bank account for payouts.");
        }
        return new ProcessorAccount(accountId, ProcessorAccount.State.READY,
                Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), "NV", null);
    }

    /** Dashboard links made so far: each is new, as a processor's single-use sign-in links are. */
    final AtomicInteger dashboardLinks = new AtomicInteger();

    @Override
    public boolean offersDashboardLink() {
        return true;
    }

    @Override
    public URI dashboardLink(String accountId) throws PaymentException {
        if (accountState != ProcessorAccount.State.READY) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "The account has not finished onboarding "
                    + "(request req_fake).");
        }
        return URI.create("https://fake.test/dashboard/" + accountId + "/" + dashboardLinks.incrementAndGet());
    }

    @Override
    public Onboarding onboard(OnboardingRequest request) {
        return new Onboarding("acct_fake", request.returnUri());
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        String reference = preparedByKey.computeIfAbsent(request.idempotencyKey(),
                k -> "pi_" + references.incrementAndGet());
        payments.putIfAbsent(reference, state(reference, PaymentState.Status.REQUIRES_PAYMENT_METHOD, null, null));
        return new CheckoutSession(reference, List.of(URI.create("/fake.js")), Map.of("reference", reference),
                List.of(), List.of(), List.of());
    }

    @Override
    public PaymentMethodDetails inspect(String accountId, String token) throws PaymentException {
        return switch (token) {
            case "credit", "declined", "challenge", "unsent", "unanswered" -> new PaymentMethodDetails(PaymentMethodKind.CARD,
                    CardFunding.CREDIT, "visa", "4242", "US", "NV", "US");
            case "debit" -> new PaymentMethodDetails(PaymentMethodKind.CARD, CardFunding.DEBIT, "visa", "5556", "US",
                    "NV", "US");
            case "bank", "microdeposits" -> new PaymentMethodDetails(PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN,
                    "Test Bank", "6789", "US", "NV", "US");
            default -> throw new PaymentException(PaymentException.Kind.REJECTED, "This payment method has expired.");
        };
    }

    @Override
    public synchronized PaymentState confirm(ConfirmRequest request) throws PaymentException {
        if ("unsent".equals(request.methodToken())) {
            // As when the node stops between holding the invoices and asking: the processor never hears of it.
            throw new PaymentException(PaymentException.Kind.UNAVAILABLE, "connection refused");
        }
        confirmations.add(request);
        PaymentMethodDetails method = inspect(request.accountId(), request.methodToken());
        PaymentState state = switch (request.methodToken()) {
            case "declined" -> new PaymentState(request.processorReference(), PaymentState.Status.FAILED, null,
                    "Your card was declined.", null, zero(request.amount()), false, method);
            case "challenge" -> new PaymentState(request.processorReference(), PaymentState.Status.REQUIRES_ACTION,
                    URI.create("/fake/challenge"), null, null, zero(request.amount()), false, method);
            case "bank" -> new PaymentState(request.processorReference(), PaymentState.Status.PROCESSING, null, null,
                    null, zero(request.amount()), false, method);
            case "microdeposits" -> new PaymentState(request.processorReference(),
                    PaymentState.Status.REQUIRES_ACTION, null, null, null, zero(request.amount()), false, method,
                    new BankVerification(BankVerification.Kind.DESCRIPTOR_CODE, Instant.parse("2026-12-08T00:00:00Z"),
                            URI.create("https://processor.test/verify")));
            default -> new PaymentState(request.processorReference(), PaymentState.Status.SUCCEEDED, null, null,
                    request.amount(), zero(request.amount()), false, method);
        };
        payments.put(request.processorReference(), state);
        if ("unanswered".equals(request.methodToken())) {
            throw new PaymentException(PaymentException.Kind.UNAVAILABLE, "the answer was lost");
        }
        return state;
    }

    /** The confirmations asked of one payment, or of every payment for {@code null}. */
    List<ConfirmRequest> confirmationsOf(String reference) {
        return confirmations.stream().filter(c -> reference == null || c.processorReference().equals(reference))
                .toList();
    }

    /** What the processor reports next time it is asked, as after a challenge or a bank's answer. */
    void settle(String reference, PaymentState.Status status, String failure) {
        PaymentState was = payments.get(reference);
        payments.put(reference, new PaymentState(reference, status, null, failure,
                status == PaymentState.Status.SUCCEEDED ? confirmedAmount(reference) : null,
                was.amountRefunded(), false, was.method()));
    }

    private Money confirmedAmount(String reference) {
        return confirmations.stream().filter(c -> c.processorReference().equals(reference)).reduce((a, b) -> b)
                .orElseThrow().amount();
    }

    /** The code that verifies a payment waiting for micro-deposits; any other is wrong, the second wrong one fails. */
    static final String DESCRIPTOR_CODE = "SM11AA";

    @Override
    public synchronized PaymentState verifyBankAccount(String accountId, String reference,
            BankVerification.Answer answer) throws PaymentException {
        PaymentState was = payments.get(reference);
        if (was.bankVerification() == null) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "Nothing to verify.");
        }
        if (DESCRIPTOR_CODE.equals(answer.descriptorCode())) {
            settle(reference, PaymentState.Status.PROCESSING, null);
            return payments.get(reference);
        }
        if (wrongAnswers.merge(reference, 1, Integer::sum) >= 2) {
            settle(reference, PaymentState.Status.FAILED, "The bank account could not be verified.");
        }
        throw new PaymentException(PaymentException.Kind.REJECTED, "That code is not the one sent.");
    }

    private final Map<String, Integer> wrongAnswers = new ConcurrentHashMap<>();

    @Override
    public PaymentState fetch(String accountId, String reference) {
        return payments.get(reference);
    }

    @Override
    public synchronized PaymentState cancel(String accountId, String reference) {
        PaymentState was = payments.get(reference);
        if (was.status() == PaymentState.Status.REQUIRES_PAYMENT_METHOD) {
            payments.put(reference, new PaymentState(reference, PaymentState.Status.CANCELED, null, null, null,
                    was.amountRefunded(), false, was.method()));
        }
        return payments.get(reference);
    }

    @Override
    public ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        throw new PaymentException(PaymentException.Kind.FORGED, "unsigned");
    }

    @Override
    public synchronized RefundResult refund(RefundRequest request) throws PaymentException {
        if (refundsUnavailable) {
            throw new PaymentException(PaymentException.Kind.UNAVAILABLE, "timed out");
        }
        refundsByKey.putIfAbsent(request.idempotencyKey(), request);
        String reference = "re_" + request.idempotencyKey();
        if (refundsPending) {
            return refundStates.computeIfAbsent(reference,
                    r -> new RefundResult(r, RefundResult.Status.PENDING, null));
        }
        refunded(request.processorReference(), request.amount().currency());
        return new RefundResult(reference, RefundResult.Status.SUCCEEDED, null);
    }

    /** Where a refund answered pending ends, as the processor reports it from now on. */
    synchronized void settleRefund(String refundReference, RefundResult.Status status, String failure) {
        refundStates.put(refundReference, new RefundResult(refundReference, status, failure));
        RefundRequest request = refundsByKey.get(refundReference.substring("re_".length()));
        refunded(request.processorReference(), request.amount().currency());
    }

    /** The payment's refunded amount: its refunds not pending or failed. */
    private void refunded(String processorReference, java.util.Currency currency) {
        PaymentState was = payments.get(processorReference);
        BigDecimal refunded = refundsByKey.entrySet().stream()
                .filter(e -> e.getValue().processorReference().equals(processorReference))
                .filter(e -> {
                    RefundResult state = refundStates.get("re_" + e.getKey());
                    return state == null || state.status() == RefundResult.Status.SUCCEEDED;
                })
                .map(e -> e.getValue().amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        payments.put(processorReference, new PaymentState(was.processorReference(), was.status(), null,
                was.failureReason(), was.amountReceived(), new Money(refunded, currency), was.disputed(),
                was.method()));
    }

    @Override
    public RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        RefundResult state = refundStates.get(refundReference);
        if (state == null) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "No such refund.");
        }
        return state;
    }

    private static PaymentState state(String reference, PaymentState.Status status, String failure, Money received) {
        return new PaymentState(reference, status, null, failure, received, null, false, null);
    }

    private static Money zero(Money like) {
        return new Money(BigDecimal.ZERO, like.currency());
    }
}
