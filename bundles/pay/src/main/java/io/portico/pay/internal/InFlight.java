package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * What Portico payments hold of one invoice that NetSuite's balance does not show yet.
 *
 * @param held the amount they hold, or {@code null} when none does
 * @param processing whether one of them is still being confirmed or processed
 * @param bankReturned whether the invoice's latest payment made here was a bank debit the bank returned
 */
public record InFlight(long invoiceNetsuiteId, BigDecimal held, boolean processing, boolean bankReturned) {
}
