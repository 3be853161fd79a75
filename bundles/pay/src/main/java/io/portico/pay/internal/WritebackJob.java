package io.portico.pay.internal;

/**
 * An outbox row a worker leased.
 *
 * @param netsuiteId the customer payment's internal id when an earlier attempt learned it, else {@code null}
 * @param attempts tries so far, this one included
 */
public record WritebackJob(long id, long paymentId, long tenantId, String externalId, String netsuiteId,
        int attempts) {
}
