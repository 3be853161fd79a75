package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the payment ledger.
 *
 * @param id the ledger's id (0 before it is stored)
 * @param publicId the id in addresses and the processor's metadata
 * @param userId the signed-in payer, or {@code null} when paid through a link
 * @param linkId the payment link it was paid through, or {@code null}
 * @param invoicesAmount what goes to the invoices, without surcharge, fee or discount
 * @param total what the payer pays
 * @param status the ledger's status ({@code pay_payment.status})
 */
public record Payment(long id, UUID publicId, long tenantId, long organizationId, Long userId, Long linkId,
        String payerEmail, String currency, BigDecimal invoicesAmount, BigDecimal surcharge, BigDecimal bankFee,
        BigDecimal bankDiscount, BigDecimal total, String status, String processor, String processorAccountId,
        String processorReference, String failureReason, String methodKind, String methodLast4, Instant createdAt) {
}
