package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment made in Portico as {@code /api/payments} answers it: amounts in the payment's currency. */
public record PaymentJson(UUID id, long customerId, String customer, String payerEmail, String currency,
        BigDecimal invoicesAmount, BigDecimal surcharge, BigDecimal bankFee, BigDecimal bankDiscount,
        BigDecimal total, BigDecimal amountRefunded, String status, String methodKind, String methodLast4,
        String failureReason, Instant createdAt, List<AllocationJson> allocations, List<EventJson> events,
        List<RefundJson> refunds) {

    /** What went to one invoice. */
    public record AllocationJson(long invoiceId, String invoiceNumber, BigDecimal amount) {
    }

    /** A status the payment went through. */
    public record EventJson(String status, Instant occurredAt, String detail) {
    }

    /** A refund: {@code pending}, {@code succeeded} or {@code failed}. */
    public record RefundJson(BigDecimal amount, String status, String reason, String failureReason,
            Instant createdAt) {
    }

    /** A page of payments. */
    public record Page(List<PaymentJson> payments, long total, int page, int size) {
    }

    /** A payment in a list: without its allocations, history and refunds. */
    static PaymentJson of(PaymentRow p) {
        return of(p, null, null, null);
    }

    static PaymentJson of(PaymentsQuery.Detail d) {
        return of(d.payment(), d.allocations().stream().map(a -> new AllocationJson(a.invoiceNetsuiteId(),
                a.invoiceNumber(), a.amount())).toList(), d.events().stream().map(e -> new EventJson(e.status(),
                e.occurredAt(), e.detail())).toList(), d.refunds().stream().map(r -> new RefundJson(r.amount(),
                r.status(), r.reason(), r.failureReason(), r.createdAt())).toList());
    }

    private static PaymentJson of(PaymentRow p, List<AllocationJson> allocations, List<EventJson> events,
            List<RefundJson> refunds) {
        return new PaymentJson(p.publicId(), p.organizationId(), p.organizationName(), p.payerEmail(), p.currency(),
                p.invoicesAmount(), p.surcharge(), p.bankFee(), p.bankDiscount(), p.total(), p.amountRefunded(),
                p.status(), p.methodKind(), p.methodLast4(), p.failureReason(), p.createdAt(), allocations, events,
                refunds);
    }
}
