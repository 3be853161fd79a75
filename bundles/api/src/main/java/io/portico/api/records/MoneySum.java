package io.portico.api.records;

import java.math.BigDecimal;

/** Sums of the money columns in one currency (never converted). */
public record MoneySum(String currency, long count, BigDecimal total, BigDecimal amountRemaining) {
}
