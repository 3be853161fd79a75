package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * The part of a payment that goes to one invoice.
 *
 * @param invoiceNetsuiteId the invoice's NetSuite internal id
 */
public record Allocation(long invoiceNetsuiteId, BigDecimal amount) {
}
