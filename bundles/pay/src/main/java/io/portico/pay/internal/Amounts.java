package io.portico.pay.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Money as the reader's locale writes it, in the payment's currency. */
final class Amounts {

    private final Locale locale;

    Amounts(List<Locale> accepted) {
        this.locale = accepted.stream().filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
                .findFirst().orElse(Locale.US);
    }

    String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency c = Currency.getInstance(currency);
        format.setCurrency(c);
        format.setMinimumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
        return format.format(amount);
    }

    /** An amount as a form field holds it: plain digits and a point, the currency's decimals. */
    static String plain(BigDecimal amount, String currency) {
        return amount.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0),
                java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
