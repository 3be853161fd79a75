package io.portico.api.payment;

/**
 * A verified webhook event.
 *
 * @param eventId the processor's unique id of the event: the platform stores it once and ignores repeats
 * @param type the processor's event type, e.g. {@code payment_intent.succeeded}
 * @param processorReference the payment it is about, or {@code null} when it is about the account
 * @param accountId the operator account it is about, or {@code null} when the processor does not say
 */
public record ProcessorEvent(String eventId, String type, String processorReference, String accountId) {
}
