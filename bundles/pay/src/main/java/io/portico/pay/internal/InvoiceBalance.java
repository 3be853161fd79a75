package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * An open invoice as Pay sees it.
 *
 * @param id the synced row's id ({@code ns_transaction.id})
 * @param netsuiteId NetSuite's internal id
 * @param remaining NetSuite's amount remaining, as last synced
 * @param held what confirmed Portico payments not yet reflected in NetSuite's balance hold of it
 */
public record InvoiceBalance(long id, long netsuiteId, long organizationId, String number, String currency,
        BigDecimal remaining, BigDecimal held) {

    /** What can still be paid. */
    BigDecimal payable() {
        return remaining.subtract(held).max(BigDecimal.ZERO);
    }
}
