package io.portico.pay.internal;

import io.portico.api.payment.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a payment method adds to or takes off the invoices' amount, and why: shown before paying, kept with the
 * payment once it is confirmed.
 *
 * @param surcharge the card surcharge (zero when none applies)
 * @param surchargePercent the percentage it was computed with (zero when none applies)
 * @param bankFee the flat fee on a bank payment (zero when none applies)
 * @param bankDiscount the discount for paying by bank (zero when none applies)
 * @param reason why no surcharge or fee applies when the operator set one, in words for the payer; {@code null}
 *     when everything the operator set applies
 * @param ruleIds the surcharge law rows that decided it ({@code pay_surcharge_rule.id})
 */
record FeeDecision(Money surcharge, BigDecimal surchargePercent, Money bankFee, Money bankDiscount, String reason,
        List<Long> ruleIds) {

    FeeDecision {
        ruleIds = List.copyOf(ruleIds);
    }

    /** What the payer pays for invoices worth {@code invoices}. */
    Money total(Money invoices) {
        return new Money(invoices.amount().add(surcharge.amount()).add(bankFee.amount())
                .subtract(bankDiscount.amount()), invoices.currency());
    }
}
