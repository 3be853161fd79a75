package io.portico.pay.internal;

import io.portico.api.payment.CardFunding;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.pay.internal.SurchargeRule.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the surcharge, fee or discount of one payment from the law table, the operator's settings and the payment
 * method's facts. Conservative wherever the facts are unclear: no surcharge on anything but a credit card, none when
 * the payer's US billing state is unknown, and when two jurisdictions' rules apply the stricter wins.
 */
final class FeeRules {

    private static final String US = "US";
    private static final String EXEMPT = "No fees apply to your account.";

    private final List<SurchargeRule> rules;

    FeeRules(List<SurchargeRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param invoices the invoices' amount being paid
     * @param method the payment method the payer chose
     * @param exempt whether the operator exempted this customer from fees
     * @param day the payment's date, which picks the rules in force
     */
    FeeDecision decide(Money invoices, PaymentMethodDetails method, FeeSettings settings, boolean exempt,
            LocalDate day) {
        Money zero = new Money(BigDecimal.ZERO, invoices.currency());
        return method.kind() == PaymentMethodKind.CARD
                ? card(invoices, method, settings, exempt, day, zero)
                : bank(invoices, method, settings, exempt, zero);
    }

    private FeeDecision card(Money invoices, PaymentMethodDetails method, FeeSettings settings, boolean exempt,
            LocalDate day, Money zero) {
        BigDecimal rate = settings.cardSurchargePercent();
        if (rate.signum() <= 0) {
            return none(zero, null, List.of());
        }
        if (exempt) {
            return none(zero, EXEMPT, List.of());
        }
        if (method.funding() != CardFunding.CREDIT) {
            return none(zero, method.funding() == CardFunding.UNKNOWN
                    ? "No surcharge: the card's issuer does not say it is a credit card."
                    : "No surcharge on " + method.funding().name().toLowerCase(Locale.ROOT) + " cards.", List.of());
        }
        List<Long> decidedBy = new ArrayList<>();
        BigDecimal percent = rate;
        Optional<SurchargeRule> network = inForce(SurchargeRule.EVERYWHERE, day);
        if (network.isPresent()) {
            decidedBy.add(network.get().id());
            if (network.get().rule() == Kind.CAPPED) {
                percent = percent.min(network.get().capPercent());
            }
        }
        boolean payerInUs = method.billingCountry() == null || US.equalsIgnoreCase(method.billingCountry());
        if (payerInUs && blank(method.billingState())) {
            return none(zero, "No surcharge: the billing address has no state.", decidedBy);
        }
        Set<String> jurisdictions = new LinkedHashSet<>();
        if (!blank(settings.operatorState())) {
            jurisdictions.add(settings.operatorState().toUpperCase(Locale.ROOT));
        }
        if (payerInUs) {
            jurisdictions.add(method.billingState().toUpperCase(Locale.ROOT));
        }
        for (String jurisdiction : jurisdictions) {
            Optional<SurchargeRule> found = inForce(jurisdiction, day);
            if (found.isEmpty()) {
                continue;
            }
            SurchargeRule rule = found.get();
            decidedBy.add(rule.id());
            String barred = "No surcharge: the law of " + jurisdiction + " does not allow it.";
            switch (rule.rule()) {
                case PROHIBITED -> {
                    return none(zero, barred, decidedBy);
                }
                case CONSUMER_PROHIBITED -> {
                    if (!settings.customersAreBusinesses()) {
                        return none(zero, barred, decidedBy);
                    }
                }
                case OPERATOR_OPT_IN -> {
                    if (!settings.texasSurchargeAllowed()) {
                        return none(zero, barred, decidedBy);
                    }
                }
                case CAPPED -> percent = percent.min(rule.capPercent());
                case ALLOWED -> {
                }
            }
        }
        Money surcharge = percentOf(invoices, percent);
        return new FeeDecision(surcharge, percent.stripTrailingZeros(), zero, zero, null, decidedBy);
    }

    /** A discount is not a fee: exempt customers get it too. */
    private FeeDecision bank(Money invoices, PaymentMethodDetails method, FeeSettings settings, boolean exempt,
            Money zero) {
        Money discount = percentOf(invoices, settings.bankDiscountPercent());
        if (discount.amount().compareTo(invoices.amount()) > 0) {
            discount = invoices;
        }
        Money fee = new Money(settings.bankFee().setScale(zero.amount().scale(), RoundingMode.HALF_UP),
                invoices.currency());
        String reason = null;
        if (fee.amount().signum() > 0 && exempt) {
            fee = zero;
            reason = EXEMPT;
        } else if (fee.amount().signum() > 0 && !settings.customersAreBusinesses()
                && ("CA".equalsIgnoreCase(settings.operatorState()) || "CA".equalsIgnoreCase(method.billingState()))) {
            // California's SB 478 bars fees added at checkout for consumers, whatever the payment method.
            fee = zero;
            reason = "No fee: the law of CA does not allow it.";
        }
        return new FeeDecision(zero, BigDecimal.ZERO, fee, discount, reason, List.of());
    }

    /** The row of {@code jurisdiction} in force on {@code day}: the latest that took effect on or before it. */
    private Optional<SurchargeRule> inForce(String jurisdiction, LocalDate day) {
        return rules.stream()
                .filter(r -> r.jurisdiction().equals(jurisdiction) && !r.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(SurchargeRule::effectiveFrom));
    }

    private static Money percentOf(Money amount, BigDecimal percent) {
        BigDecimal value = amount.amount().multiply(percent).movePointLeft(2)
                .setScale(amount.amount().scale(), RoundingMode.HALF_UP);
        return new Money(value, amount.currency());
    }

    private static FeeDecision none(Money zero, String reason, List<Long> decidedBy) {
        return new FeeDecision(zero, BigDecimal.ZERO, zero, zero, reason, decidedBy);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
