package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a customer payment is made of, from the ledger.
 *
 * @param customerNetsuiteId the paying organization's NetSuite customer id, or {@code null} when it has none
 * @param receivedAt when the payment first reached a status with the money received
 * @param status the payment's ledger status now
 */
public record WritebackPosting(long paymentId, String publicId, String customerNetsuiteId, String currency,
        BigDecimal invoicesAmount, BigDecimal surcharge, BigDecimal bankFee, BigDecimal bankDiscount,
        String processor, String processorReference, String methodKind, String methodLast4, Instant receivedAt,
        String status) {
}
