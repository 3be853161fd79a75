package io.portico.api.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, with exactly the currency's number of decimals (2 for USD, 0 for JPY).
 *
 * @throws IllegalArgumentException when the amount has more decimals than the currency allows, or is negative
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("An amount cannot be negative: " + amount.toPlainString());
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(digits);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " amounts have " + digits
                    + " decimals at most: " + amount.toPlainString(), e);
        }
    }

    /** The amount in the currency's smallest unit (cents), as processors count it. */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    /** An amount given in the currency's smallest unit. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0)), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
