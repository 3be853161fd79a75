package io.portico.pay.internal;

import io.portico.api.payment.PaymentState;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** The ledger's status for what the processor reports, and which changes the ledger accepts. */
final class LedgerStatus {

    /** Statuses no later report changes: the money never moved, or all of it went back. */
    static final Set<String> FINAL = Set.of("failed", "canceled", "refunded");

    /**
     * Statuses of a payment whose money the operator received (some may have gone back since): each is written back
     * to NetSuite as a customer payment.
     */
    static final Set<String> RECEIVED = Set.of("succeeded", "partially_refunded", "refunded", "disputed");

    /** Statuses of a payment whose money the operator keeps, some of it at least (a partial refund, a dispute). */
    static final Set<String> KEPT = Set.of("succeeded", "partially_refunded", "disputed");

    private LedgerStatus() {
    }

    /**
     * The status to record for the processor's state of a payment now in {@code current}, or empty when nothing
     * changes (a report that repeats, or one that a final status outranks).
     */
    static Optional<String> next(String current, PaymentState state) {
        if (FINAL.contains(current)) {
            return Optional.empty();
        }
        String next = switch (state.status()) {
            case REQUIRES_PAYMENT_METHOD -> current;
            case REQUIRES_ACTION -> "requires_action";
            case PROCESSING -> "processing";
            case FAILED -> "failed";
            case CANCELED -> "canceled";
            case SUCCEEDED -> succeeded(state);
        };
        boolean settled = RECEIVED.contains(current);
        if (settled && Set.of("requires_action", "processing").contains(next)) {
            return Optional.empty(); // an older event arriving late
        }
        return next.equals(current) ? Optional.empty() : Optional.of(next);
    }

    private static String succeeded(PaymentState state) {
        if (state.disputed()) {
            return "disputed";
        }
        BigDecimal refunded = state.amountRefunded() == null ? BigDecimal.ZERO : state.amountRefunded().amount();
        if (refunded.signum() == 0) {
            return "succeeded";
        }
        BigDecimal received = state.amountReceived() == null ? BigDecimal.ZERO : state.amountReceived().amount();
        return refunded.compareTo(received) >= 0 ? "refunded" : "partially_refunded";
    }
}
