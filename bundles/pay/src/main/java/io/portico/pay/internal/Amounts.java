package io.portico.pay.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts as forms and the console write them: plain digits and a point, the currency's decimals. */
final class Amounts {

    private Amounts() {
    }

    static String plain(BigDecimal amount, String currency) {
        return amount.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0),
                RoundingMode.HALF_UP).toPlainString();
    }
}
