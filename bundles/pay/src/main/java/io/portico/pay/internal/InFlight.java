package io.portico.pay.internal;

import java.math.BigDecimal;

/** What Portico payments hold of one invoice that NetSuite's balance does not show yet. */
public record InFlight(long invoiceNetsuiteId, BigDecimal held, boolean processing) {
}
