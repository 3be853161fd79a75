package io.portico.api.records;

import java.math.BigDecimal;

/**
 * A record linked to another: a payment or credit memo applied to an invoice, the invoice it was applied to, the
 * invoices billed from a sales order, its shipments.
 *
 * @param relation how it relates, e.g. {@code applied} or {@code createdFrom}
 * @param amount the amount the link carries (the amount applied), or {@code null}
 */
public record RelatedRecord(String relation, Record record, BigDecimal amount) {
}
