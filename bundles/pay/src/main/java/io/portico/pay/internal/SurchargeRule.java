package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the surcharge law table ({@code pay_surcharge_rule}): what a jurisdiction allows from a date on.
 *
 * @param jurisdiction a US state or territory (two letters), or {@code *} for the card networks' rule everywhere
 * @param capPercent for {@link Kind#CAPPED}, the highest surcharge in percent; otherwise {@code null}
 */
public record SurchargeRule(long id, String jurisdiction, Kind rule, BigDecimal capPercent, LocalDate effectiveFrom,
        String source) {

    static final String EVERYWHERE = "*";

    /** The rule kinds, as {@code pay_surcharge_rule.rule} spells them in kebab case. */
    public enum Kind {
        PROHIBITED, CAPPED, CONSUMER_PROHIBITED, OPERATOR_OPT_IN, ALLOWED
    }
}
