package io.portico.pay.internal;

import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Dispute;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.web.ProblemException;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * A payment from the payer's choice of invoices to the processor's answer: open it in the ledger, prepare it at the
 * processor, decide its fees from the payment method the payer entered (shown before paying), hold the invoices'
 * balance and confirm it. Fees are always decided again on the server from the processor's facts, never taken from
 * the browser.
 */
final class Checkout {

    private final SqlSessionFactory sessions;
    private final PaymentLedger ledger;
    private final Function<String, Optional<PaymentProcessor>> processors;
    private final Clock clock;
    private final AtomicLong settingsWrites = new AtomicLong();
    private volatile EnabledRead lastEnabledRead;

    /**
     * Whether Pay was on for a tenant, read when this node had written the settings {@code writes} times, at
     * {@code nanoTime}.
     */
    private record EnabledRead(long tenantId, boolean enabled, long writes, long nanoTime) {
    }

    Checkout(SqlSessionFactory sessions, Function<String, Optional<PaymentProcessor>> processors, Clock clock) {
        this.sessions = sessions;
        this.ledger = new PaymentLedger(sessions);
        this.processors = processors;
        this.clock = clock;
    }

    /** A confirmed payment, and where to send the payer when the processor needs them first (3-D Secure). */
    record Outcome(Payment payment, URI actionUri) {
    }

    /** What the payer is shown before paying: the payment, the method entered, and what it adds or takes off. */
    record Review(Payment payment, PaymentMethodDetails method, FeeDecision fees, Money total) {
    }

    PaymentLedger ledger() {
        return ledger;
    }

    /** The tenant's Pay settings; defaults when never saved. */
    PaySettings settings(long tenantId) {
        try (SqlSession session = sessions.openSession(true)) { // one query: no transaction's round trips
            PaySettings saved = session.getMapper(PayMapper.class).settings(tenantId);
            return saved == null ? PaySettings.defaults(tenantId) : saved;
        }
    }

    /**
     * Whether Pay is on, for the buttons every invoice page offers: read at most once a second, and at once again
     * after this node saved the settings (another node's change shows within the second). Paying itself reads the
     * settings fresh.
     */
    boolean enabled(long tenantId) {
        long writes = settingsWrites.get();
        long now = System.nanoTime();
        EnabledRead last = lastEnabledRead;
        if (last != null && last.tenantId() == tenantId && last.writes() == writes
                && now - last.nanoTime() < TimeUnit.SECONDS.toNanos(1)) {
            return last.enabled();
        }
        boolean enabled = settings(tenantId).enabled();
        lastEnabledRead = new EnabledRead(tenantId, enabled, writes, now);
        return enabled;
    }

    /** Called once the settings were written (or the write failed): the next {@link #enabled} reads them again. */
    void settingsWritten() {
        settingsWrites.incrementAndGet();
    }

    /** Opens a payment of the invoices in the amounts asked, when Pay is on. */
    Payment open(Payer payer, List<Allocation> allocations) {
        PaySettings settings = settings(payer.scope().tenantId());
        processorOf(settings);
        return ledger.open(payer.scope(), payer.userId(), payer.linkId(), payer.email(), allocations,
                settings.terms());
    }

    /** Prepares the payment at the processor (again after a reload: the same key gives the same preparation). */
    CheckoutSession prepare(Payer payer, Payment payment, String description) {
        PaymentProcessor processor = processorFor(payment);
        Money amount = invoicesAmount(payment);
        CheckoutRequest request = new CheckoutRequest(payment.processorAccountId(), payment.publicId().toString(),
                amount, methods(amount), description, Map.of("portico_payment", payment.publicId()
                        .toString()), "checkout:" + payment.publicId());
        CheckoutSession session = call(() -> processor.startCheckout(request));
        ledger.prepared(payment, session.processorReference());
        return session;
    }

    /** The fees of paying with the method behind {@code methodToken}, decided from the processor's facts. */
    Review review(Payer payer, Payment payment, String methodToken) {
        requireOpen(payment);
        PaymentProcessor processor = processorFor(payment);
        PaymentMethodDetails method = call(() -> processor.inspect(payment.processorAccountId(), token(methodToken)));
        Money invoices = invoicesAmount(payment);
        if (method.kind() == PaymentMethodKind.US_BANK_ACCOUNT && !"USD".equals(payment.currency())) {
            throw ProblemException.badRequest("Bank payments are in US dollars only: pay by card.");
        }
        PaySettings settings = settings(payer.scope().tenantId());
        FeeDecision fees = new FeeRules(surchargeRules()).decide(invoices, method, settings.fees(),
                exempt(payment), LocalDate.now(clock));
        return new Review(payment, method, fees, fees.total(invoices));
    }

    /**
     * Pays: decides the fees again, holds the invoices' balance and confirms with the processor. A second submit
     * (a double click) confirms nothing more and returns the payment as it stands.
     */
    Outcome confirm(Payer payer, UUID publicId, String methodToken, URI returnUri) {
        Payment payment = ledger.find(payer.scope(), publicId)
                .orElseThrow(() -> ProblemException.notFound("No such payment."));
        if (!"created".equals(payment.status())) {
            return new Outcome(payment, null);
        }
        Review review = review(payer, payment, methodToken);
        Optional<Payment> held = ledger.hold(payer.scope(), publicId, review.fees(), review.method());
        if (held.isEmpty()) {
            return new Outcome(ledger.find(payer.scope(), publicId).orElseThrow(), null);
        }
        PaymentProcessor processor = processorFor(payment);
        ConfirmRequest request = new ConfirmRequest(payment.processorAccountId(), payment.processorReference(),
                token(methodToken), review.total(), returnUri, Map.of("portico_payment", publicId.toString(),
                        "surcharge", review.fees().surcharge().amount().toPlainString(), "surcharge_rules",
                        review.fees().ruleIds().toString()), "confirm:" + publicId);
        PaymentState state;
        try {
            state = processor.confirm(request);
        } catch (PaymentException e) {
            if (e.retryable()) {
                // Whether the processor took it is unknown: the payment stays confirming until the reconciler asks.
                throw ProblemException.unavailable("The payment processor did not answer. Your payment is being "
                        + "checked; do not pay again until this page shows its outcome.");
            }
            ledger.fail(payer.scope(), publicId, "confirming", "The payment processor refused the payment.");
            throw ProblemException.conflict("The payment processor refused the payment: nothing was charged.");
        }
        Payment recorded = ledger.record(held.get(), state);
        return new Outcome(recorded, "requires_action".equals(recorded.status()) ? state.actionUri() : null);
    }

    /** Asks the processor where a payment stands and records it (after a 3-D Secure challenge, a webhook). */
    Payment refresh(Payment payment) {
        if (payment.processorReference() == null || LedgerStatus.FINAL.contains(payment.status())) {
            return payment;
        }
        PaymentProcessor processor = processorFor(payment);
        PaymentState state = call(() -> processor.fetch(payment.processorAccountId(), payment.processorReference()));
        return ledger.record(payment, state);
    }

    /**
     * Settles a payment that has waited minutes in the ledger without an outcome. One still being confirmed that the
     * processor reports unconfirmed never reached it (its node stopped between holding the invoices and asking):
     * it is canceled at the processor, so that no late confirmation can take money, and its invoices are released.
     */
    Payment settleStale(Payment payment) {
        if (!"confirming".equals(payment.status()) || payment.processorReference() == null) {
            return refresh(payment);
        }
        PaymentProcessor processor = processorFor(payment);
        PaymentState state = call(() -> processor.fetch(payment.processorAccountId(), payment.processorReference()));
        if (state.status() == PaymentState.Status.REQUIRES_PAYMENT_METHOD) {
            state = call(() -> processor.cancel(payment.processorAccountId(), payment.processorReference()));
        }
        return ledger.record(payment, state);
    }

    /** A payment's disputes as its processor reports them now. */
    List<Dispute> disputes(PaymentRow payment) throws PaymentException {
        PaymentProcessor processor = processors.apply(payment.processor()).orElseThrow(() -> new PaymentException(
                PaymentException.Kind.UNAVAILABLE, "the payment processor is not running."));
        return processor.disputes(payment.processorAccountId(), payment.processorReference());
    }

    /** The processor of a payment: the one it was made with, even if the operator has since switched. */
    PaymentProcessor processorFor(Payment payment) {
        return processors.apply(payment.processor()).orElseThrow(() -> ProblemException.unavailable(
                "Payments cannot be taken right now: the payment processor is not running."));
    }

    private PaymentProcessor processorOf(PaySettings settings) {
        if (!settings.enabled() || settings.processor() == null) {
            throw ProblemException.conflict("Online payments are not turned on.");
        }
        return processors.apply(settings.processor()).orElseThrow(() -> ProblemException.unavailable(
                "Payments cannot be taken right now: the payment processor is not running."));
    }

    private List<SurchargeRule> surchargeRules() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).surchargeRules();
        }
    }

    private boolean exempt(Payment payment) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).exempt(payment.tenantId(), payment.organizationId());
        }
    }

    /** Bank debits (ACH) are for US dollars only. */
    private static Set<PaymentMethodKind> methods(Money amount) {
        Set<PaymentMethodKind> methods = EnumSet.of(PaymentMethodKind.CARD);
        if (amount.currency().getCurrencyCode().equals("USD")) {
            methods.add(PaymentMethodKind.US_BANK_ACCOUNT);
        }
        return methods;
    }

    /** The ledger keeps four decimals; an amount it accepted has no more than its currency's. */
    private static Money invoicesAmount(Payment payment) {
        Currency currency = Currency.getInstance(payment.currency());
        return new Money(payment.invoicesAmount().setScale(Math.max(currency.getDefaultFractionDigits(), 0),
                RoundingMode.UNNECESSARY), currency);
    }

    private static void requireOpen(Payment payment) {
        if (!"created".equals(payment.status())) {
            throw ProblemException.conflict("This payment was already submitted.");
        }
    }

    private static String token(String methodToken) {
        if (methodToken == null || methodToken.isBlank() || methodToken.length() > 255) {
            throw ProblemException.badRequest("Enter a payment method first.");
        }
        return methodToken;
    }

    interface ProcessorCall<T> {
        T call() throws PaymentException;
    }

    static <T> T call(ProcessorCall<T> call) {
        try {
            return call.call();
        } catch (PaymentException e) {
            if (e.retryable()) {
                throw ProblemException.unavailable("The payment processor did not answer: nothing was charged. "
                        + "Try again in a moment.");
            }
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
