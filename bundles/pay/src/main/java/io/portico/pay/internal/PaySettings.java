package io.portico.pay.internal;

import java.math.BigDecimal;

/**
 * The operator's Pay settings ({@code pay_settings}).
 *
 * @param enabled whether customers can pay; only once the processor's account can take payments
 * @param processor the processor plugin's name, or {@code null} before one is picked
 * @param processorAccountId the operator's account with it, or {@code null} before onboarding started
 */
public record PaySettings(long tenantId, boolean enabled, String processor, String processorAccountId,
        BigDecimal cardSurchargePercent, String operatorState, boolean texasSurchargeAllowed,
        boolean customersAreBusinesses, BigDecimal bankFee, BigDecimal bankDiscountPercent, boolean partialPayments,
        BigDecimal partialMinimum) {

    /** A tenant that never saved its settings: Pay off, no fees, partial payments allowed. */
    static PaySettings defaults(long tenantId) {
        return new PaySettings(tenantId, false, null, null, BigDecimal.ZERO, null, false, false, BigDecimal.ZERO,
                BigDecimal.ZERO, true, BigDecimal.ZERO);
    }

    FeeSettings fees() {
        return new FeeSettings(cardSurchargePercent, operatorState, texasSurchargeAllowed, customersAreBusinesses,
                bankFee, bankDiscountPercent);
    }

    PaymentLedger.Terms terms() {
        return new PaymentLedger.Terms(processor, processorAccountId, partialPayments, partialMinimum);
    }
}
