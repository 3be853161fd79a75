package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the payments views, the API and the console show it: the ledger's row with its customer's name and
 * what was refunded of it.
 *
 * @param id the ledger's id (never shown: addresses use {@code publicId})
 * @param amountRefunded what went back to the payer so far
 */
public record PaymentRow(long id, UUID publicId, long organizationId, String organizationName, String payerEmail,
        String currency, BigDecimal invoicesAmount, BigDecimal surcharge, BigDecimal bankFee,
        BigDecimal bankDiscount, BigDecimal total, BigDecimal amountRefunded, String status, String processor,
        String processorAccountId, String processorReference, String failureReason, String methodKind, String cardFunding, String methodBrand,
        String methodLast4, Instant createdAt, Instant updatedAt) {

    /** What can still be refunded, not counting refunds the processor has not settled. */
    BigDecimal refundable() {
        return total.subtract(amountRefunded).max(BigDecimal.ZERO);
    }
}
