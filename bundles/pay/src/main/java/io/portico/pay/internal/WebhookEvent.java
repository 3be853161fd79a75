package io.portico.pay.internal;

/** A stored webhook event still to process. */
public record WebhookEvent(String processor, String eventId, String eventType, String processorReference,
        int attempts) {
}
