package io.portico.pay.internal;

/** A status change of a payment that the payer may need to be told about. */
public record PaymentNotice(long eventId, long paymentId, String status) {
}
