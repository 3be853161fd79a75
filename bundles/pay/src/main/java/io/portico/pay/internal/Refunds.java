package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Refunds all or part of a succeeded payment through its processor. Each refund is a ledger row before the processor
 * is asked: its id makes the idempotency key, and while the processor has not answered it counts against what is
 * left, so no two refunds together give back more than was received. A refund the processor did not answer is sent
 * again, with the same key, when the same amount is refunded again. A refund the processor answers pending is
 * settled later, when a webhook about its payment comes or after minutes without one ({@link #settlePending}). Each
 * new refund is written to the audit log with its ledger row, and a settled one writes its NetSuite reversal into
 * the outbox with its ledger change.
 */
final class Refunds {

    static final int MAX_REASON = 500;

    private final SqlSessionFactory sessions;
    private final Function<String, Optional<PaymentProcessor>> processors;

    Refunds(SqlSessionFactory sessions, Function<String, Optional<PaymentProcessor>> processors) {
        this.sessions = sessions;
        this.processors = processors;
    }

    /**
     * Refunds {@code amount} of the payment, or all that is left when {@code null}.
     *
     * @return the refund as the processor answered it ({@code succeeded} or {@code pending})
     * @throws ProblemException 404 for a payment outside the scope; 400 for an amount that is not positive, has too
     *     many decimals or is more than is left; 409 for a payment that was not paid, is refunded already or whose
     *     processor refused; 503 when the processor did not answer (the refund waits: refund the same amount again)
     */
    Refund refund(DataScope scope, UUID publicId, BigDecimal amount, String reason, PayActor actor) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw ProblemException.badRequest("The reason is longer than " + MAX_REASON + " characters.");
        }
        PaymentRow payment;
        Refund refund;
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            PaymentRow found = mapper.paymentRow(scope, publicId);
            if (found == null) {
                throw ProblemException.notFound("There is no such payment here.");
            }
            payment = mapper.lockPaymentRow(found.id());
            refund = take(mapper, payment, amount, why, actor);
            session.commit(true);
        }
        return send(payment, refund);
    }

    /** The unanswered refund to send again, or a new one within what is left. */
    private static Refund take(PayMapper mapper, PaymentRow payment, BigDecimal amount, String reason,
            PayActor actor) {
        if (!"succeeded".equals(payment.status()) && !"partially_refunded".equals(payment.status())) {
            throw ProblemException.conflict("Only a paid payment can be refunded; this one is "
                    + PaymentView.status(payment.status()).toLowerCase() + ".");
        }
        Optional<Refund> unanswered = mapper.refunds(payment.id()).stream()
                .filter(r -> "pending".equals(r.status()) && r.processorReference() == null).findFirst();
        if (unanswered.isPresent()) {
            Refund waiting = unanswered.get();
            if (amount == null || amount.compareTo(waiting.amount()) == 0) {
                return waiting;
            }
            throw ProblemException.conflict("A refund of " + plain(waiting.amount(), payment.currency())
                    + " " + payment.currency() + " is waiting for the processor's answer: refund that amount again "
                    + "to retry it.");
        }
        BigDecimal left = payment.refundable().subtract(mapper.pendingRefunds(payment.id()));
        if (left.signum() <= 0) {
            throw ProblemException.conflict("This payment is refunded in full already.");
        }
        BigDecimal refund = amount == null ? left : amount;
        Currency currency = Currency.getInstance(payment.currency());
        if (refund.signum() <= 0) {
            throw ProblemException.badRequest("The amount to refund must be more than zero.");
        }
        if (refund.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw ProblemException.badRequest("The amount to refund has more decimals than "
                    + currency.getCurrencyCode() + " allows.");
        }
        if (refund.compareTo(left) > 0) {
            throw ProblemException.badRequest("The amount to refund is more than the " + plain(left,
                    payment.currency()) + " " + payment.currency() + " left to refund.");
        }
        long id = mapper.insertRefund(payment.id(), refund, reason, actor.userId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refund", id);
        detail.put("amount", refund);
        detail.put("currency", payment.currency());
        detail.put("reason", reason);
        mapper.insertAudit(actor.tenantId(), actor.userId(), actor.label(), "pay.refund", "Payment "
                + payment.publicId(), PayAdmin.json(detail));
        return new Refund(id, payment.id(), refund, reason, "pending", null, null, null);
    }

    private Refund send(PaymentRow payment, Refund refund) {
        PaymentProcessor processor = processors.apply(payment.processor()).orElseThrow(() ->
                ProblemException.unavailable("The payment processor is not running: the refund waits. Refund the "
                        + "same amount again once it runs."));
        Currency currency = Currency.getInstance(payment.currency());
        Money amount = new Money(refund.amount().setScale(Math.max(currency.getDefaultFractionDigits(), 0),
                RoundingMode.UNNECESSARY), currency);
        RefundResult result;
        try {
            result = processor.refund(new RefundRequest(payment.processorAccountId(), payment.processorReference(),
                    amount, refund.reason(), refund.idempotencyKey()));
        } catch (PaymentException e) {
            if (e.retryable()) {
                throw ProblemException.unavailable("The payment processor did not answer: the refund waits. "
                        + "Refund the same amount again to retry it.");
            }
            answered(payment, refund, "failed", null, e.getMessage());
            throw ProblemException.conflict("The payment processor refused the refund: " + e.getMessage());
        }
        String status = switch (result.status()) {
            case SUCCEEDED -> "succeeded";
            case PENDING -> "pending";
            case FAILED -> "failed";
        };
        answered(payment, refund, status, result.refundReference(), result.failureReason());
        if ("failed".equals(status)) {
            throw ProblemException.conflict("The payment processor refused the refund"
                    + (result.failureReason() == null ? "." : ": " + result.failureReason()));
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).refunds(payment.id()).stream()
                    .filter(r -> r.id() == refund.id()).findFirst().orElseThrow();
        }
    }

    /**
     * Asks the processor where the payment's refunds that it answered pending stand, and records those it settled: a
     * succeeded refund counts in the payment's refunded amount and status, a failed one gives its amount back to
     * what is left to refund. Nothing happens while the processor's plugin is not running.
     *
     * @throws IllegalStateException when the processor did not say (the caller asks again later)
     */
    void settlePending(long paymentId) {
        PaymentRow payment;
        List<Refund> awaited;
        try (SqlSession session = sessions.openSession()) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            awaited = mapper.refunds(paymentId).stream()
                    .filter(r -> "pending".equals(r.status()) && r.processorReference() != null).toList();
            payment = awaited.isEmpty() ? null : mapper.paymentRowById(paymentId);
        }
        Optional<PaymentProcessor> processor = payment == null ? Optional.empty()
                : processors.apply(payment.processor());
        if (processor.isEmpty()) {
            return;
        }
        for (Refund refund : awaited) {
            RefundResult result;
            try {
                result = processor.get().fetchRefund(payment.processorAccountId(), refund.processorReference());
            } catch (PaymentException e) {
                throw new IllegalStateException("The processor did not say where refund " + refund.processorReference()
                        + " stands: " + e.getMessage(), e);
            }
            switch (result.status()) {
                case SUCCEEDED -> answered(payment, refund, "succeeded", null, null);
                case FAILED -> answered(payment, refund, "failed", null, result.failureReason());
                case PENDING -> {
                    // still on its way: the next webhook or the next round asks again
                }
            }
        }
    }

    /**
     * Records the processor's answer to a refund still pending (once, whichever node gets there first); a settled
     * refund adds to the payment's refunded amount, with its event.
     */
    private void answered(PaymentRow payment, Refund refund, String status, String reference, String failure) {
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            mapper.lockPaymentRow(payment.id());
            if (mapper.refundAnswered(refund.id(), status, reference, failure) == 0) {
                session.rollback(true);
                return;
            }
            if ("succeeded".equals(status)) {
                String now = mapper.addRefunded(payment.id());
                mapper.enqueueReversal(payment.id(), refund.id());
                if (now != null) {
                    mapper.insertEvent(payment.id(), now, "Refunded " + plain(refund.amount(), payment.currency())
                            + " " + payment.currency() + (refund.reason() == null ? "" : ": " + refund.reason()));
                }
            }
            session.commit(true);
        }
    }

    private static String plain(BigDecimal amount, String currency) {
        return Amounts.plain(amount, currency);
    }
}
