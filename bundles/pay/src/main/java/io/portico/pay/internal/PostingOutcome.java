package io.portico.pay.internal;

/**
 * Where a payment's customer payment stands in the outbox, as a reversal of it needs to know.
 *
 * @param status the posting row's status ({@code pending}, {@code posted}, {@code failed}, {@code skipped})
 * @param netsuiteId the customer payment's internal id, once known
 */
public record PostingOutcome(String status, String netsuiteId) {
}
