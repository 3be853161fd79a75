package io.portico.plugins.paysandbox.internal;

import java.time.Instant;

/** The sandbox's rows, as its mapper reads and writes them. */
final class Rows {

    private Rows() {
    }

    record Account(String id, String businessName, String email, String state, String businessState,
            String returnUri) {

        boolean ready() {
            return "ready".equals(state);
        }
    }

    /** A payment method entered in the element: {@code kind} and {@code funding} are the SPI enums' names. */
    record Method(String id, String accountId, String kind, String testNumber, String funding, String brand,
            String last4, String billingState) {
    }

    /** A payment; amounts in the currency's smallest unit; {@code status} is a PaymentState.Status name. */
    record Payment(String id, String accountId, String ledgerPaymentId, String currency, long amountMinor,
            Long confirmedMinor, Long receivedMinor, long refundedMinor, String methods, String description,
            String metadata, String status, String methodId, String returnUri, String failureReason,
            Instant settleAt) {
    }

    /** The first answer given to an idempotency key. */
    /** A refund and where it stands: {@code PENDING} until the scheduler settles it. */
    record Refund(String id, String paymentId, long amountMinor, String status) {
    }

    record Answer(String operation, String key, String fingerprint, String reference, String status,
            String actionUri, String failureReason, Long receivedMinor, Long refundedMinor) {
    }

    /** A webhook event waiting for delivery. */
    record Event(String id, String type, String accountId, String paymentId, String body, int attempts) {
    }
}
