package io.portico.pay.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings &gt; Pay as the admin entered them, checked field by field. The processor, its account and whether Pay is
 * on are not in the form: they change through connecting and turning Pay on, which ask the processor. Public, so
 * that the page's template can read its fields.
 */
public record PaySettingsForm(String cardSurchargePercent, String operatorState, boolean texasSurchargeAllowed,
        boolean customersAreBusinesses, String bankFee, String bankDiscountPercent, boolean partialPayments,
        String partialMinimum, List<String> exempt) {

    /** The card surcharge cap Visa and Mastercard allow in the US, and the most Pay lets an operator ask. */
    static final BigDecimal MAX_SURCHARGE = new BigDecimal("3");
    static final BigDecimal MAX_BANK_DISCOUNT = new BigDecimal("10");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    static final int MAX_EXEMPT = 1000;

    /** The form of saved settings, to show them. */
    static PaySettingsForm of(PaySettings s, List<Long> exempt) {
        return new PaySettingsForm(percent(s.cardSurchargePercent()), s.operatorState() == null ? ""
                : s.operatorState(), s.texasSurchargeAllowed(), s.customersAreBusinesses(), money(s.bankFee()),
                percent(s.bankDiscountPercent()), s.partialPayments(), money(s.partialMinimum()),
                exempt.stream().map(String::valueOf).toList());
    }

    /**
     * The saved settings with this form's choices.
     *
     * @throws InvalidSettingException naming the first field that is not valid
     */
    PaySettings applyTo(PaySettings saved) {
        return new PaySettings(saved.tenantId(), saved.enabled(), saved.processor(), saved.processorAccountId(),
                decimal("cardSurchargePercent", "The card surcharge", cardSurchargePercent, 3, MAX_SURCHARGE, "%"),
                state(), texasSurchargeAllowed, customersAreBusinesses,
                decimal("bankFee", "The bank payment fee", bankFee, 2, MAX_AMOUNT, ""),
                decimal("bankDiscountPercent", "The discount for paying by bank", bankDiscountPercent, 3,
                        MAX_BANK_DISCOUNT, "%"),
                partialPayments,
                decimal("partialMinimum", "The smallest partial payment", partialMinimum, 2, MAX_AMOUNT, ""));
    }

    /** The exempt customers' organization ids, each once. */
    List<Long> exemptIds() {
        List<Long> ids = new ArrayList<>();
        if (exempt == null) {
            return ids;
        }
        if (exempt.size() > MAX_EXEMPT) {
            throw new InvalidSettingException("exempt", "Exempt at most " + MAX_EXEMPT + " customers.");
        }
        for (String value : exempt) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                long id = Long.parseLong(value.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("exempt", "Choose exempt customers from the list.");
            }
        }
        return ids;
    }

    private String state() {
        if (operatorState == null || operatorState.isBlank()) {
            return null;
        }
        String state = operatorState.trim().toUpperCase(Locale.ROOT);
        if (!state.matches("[A-Z]{2}")) {
            throw new InvalidSettingException("operatorState", "The operator's state must be two letters, like CO, "
                    + "or empty outside the US.");
        }
        return state;
    }

    private static BigDecimal decimal(String field, String label, String value, int decimals, BigDecimal max,
            String unit) {
        if (value == null || value.isBlank()) {
            return BigDecimal.ZERO;
        }
        String plain = value.trim();
        if (plain.length() > 20 || !plain.matches("[0-9]*(\\.[0-9]+)?")) {
            throw new InvalidSettingException(field, label + " must be a number like 2.5, or 0.");
        }
        BigDecimal number = new BigDecimal(plain);
        if (number.stripTrailingZeros().scale() > decimals) {
            throw new InvalidSettingException(field, label + " has more than " + decimals + " decimals.");
        }
        if (number.compareTo(max) > 0) {
            throw new InvalidSettingException(field, label + " must be between 0 and " + max.toPlainString() + unit
                    + ".");
        }
        return number;
    }

    private static String percent(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
