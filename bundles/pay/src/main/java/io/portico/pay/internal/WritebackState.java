package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment's write-back as the reconciliation console lists it. */
public record WritebackState(String externalId, String paymentStatus, BigDecimal invoicesAmount, String currency,
        String status, String netsuiteId, int attempts, String lastError, Instant createdAt, Instant postedAt) {
}
