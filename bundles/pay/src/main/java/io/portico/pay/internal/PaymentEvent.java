package io.portico.pay.internal;

import java.time.Instant;

/** A status a payment went through ({@code pay_payment_event}). */
public record PaymentEvent(String status, Instant occurredAt, String detail) {
}
