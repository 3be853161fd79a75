package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * The operator's fee choices (Settings &gt; Pay) that decide what a payer pays on top of, or below, the invoices.
 *
 * @param cardSurchargePercent the surcharge on credit cards in percent (the operator's cost of acceptance), 0 for none
 * @param operatorState the operator's US state or territory (two letters), or {@code null} outside the US
 * @param texasSurchargeAllowed whether the operator surcharges where Texas law applies (off by default)
 * @param customersAreBusinesses whether the operator attests that its customers pay as businesses, not consumers
 *     (California bars surcharges and added fees on consumers)
 * @param bankFee a flat fee on each US bank (ACH) payment, 0 for none
 * @param bankDiscountPercent a discount in percent for paying by bank instead of card, 0 for none
 */
record FeeSettings(BigDecimal cardSurchargePercent, String operatorState, boolean texasSurchargeAllowed,
        boolean customersAreBusinesses, BigDecimal bankFee, BigDecimal bankDiscountPercent) {

    static final FeeSettings NONE = new FeeSettings(BigDecimal.ZERO, null, false, false, BigDecimal.ZERO,
            BigDecimal.ZERO);
}
