package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * The part of a payment that goes to one invoice.
 *
 * @param invoiceNetsuiteId the invoice's NetSuite internal id
 * @param invoiceNumber the invoice's number, when read from the ledger ({@code null} in what a payer asks for)
 */
public record Allocation(long invoiceNetsuiteId, BigDecimal amount, String invoiceNumber) {

    /** What a payer asks for: an amount for an invoice. */
    public Allocation(long invoiceNetsuiteId, BigDecimal amount) {
        this(invoiceNetsuiteId, amount, null);
    }
}
