package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * An outbox row a worker leased.
 *
 * @param kind {@code payment} (post the customer payment) or {@code reversal} (take back {@code amount} of it)
 * @param netsuiteId the NetSuite record's internal id when an earlier attempt learned it (the customer payment's, or
 *     a reversal's customer refund), else {@code null}
 * @param attempts tries so far, this one included
 * @param refundId the ledger refund a reversal is for; {@code null} for a payment's failure and for postings
 * @param amount how much a reversal takes back; {@code null} for postings
 */
public record WritebackJob(long id, long paymentId, long tenantId, String externalId, String netsuiteId,
        int attempts, String kind, Long refundId, BigDecimal amount) {

    static final String PAYMENT = "payment";
    static final String REVERSAL = "reversal";

    boolean isReversal() {
        return REVERSAL.equals(kind);
    }
}
