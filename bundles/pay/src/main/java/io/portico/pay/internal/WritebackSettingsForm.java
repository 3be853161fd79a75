package io.portico.pay.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings &gt; Pay, "Payments in NetSuite", as the admin entered it, checked field by field. Public, so that the
 * page's template can read its fields.
 *
 * @param accountId the NetSuite account customer payments post to (undeposited funds or a bank), an internal id
 * @param paymentMethodId the NetSuite payment method's internal id, or empty
 * @param timeZone the NetSuite account's time zone, which decides a payment's date
 * @param feeRecording {@code none} or {@code memo}
 * @param reversalMode {@code void} or {@code customer_refund}
 * @param payLinkField the invoice body field for pay-now links, or empty
 * @param warnAfterMinutes minutes a write-back may wait before reconciliation warns
 */
public record WritebackSettingsForm(String accountId, String paymentMethodId, String timeZone, String feeRecording,
        String reversalMode, String payLinkField, String warnAfterMinutes) {

    static final String DEFAULT_TIME_ZONE = "America/Los_Angeles";
    static final int DEFAULT_WARN_AFTER_MINUTES = 60;
    /** A week: a longer wait is no warning any more. */
    static final int MAX_WARN_AFTER_MINUTES = 10_080;
    /** NetSuite's field ids: custbody and at most 99 characters in all, lower-case letters, digits and _. */
    private static final String FIELD_ID = "custbody[a-z0-9_]{1,91}";

    /** The choices of the two selects, with what the page says of each. */
    static final Map<String, String> FEE_RECORDINGS = inOrder(
            WritebackSettings.FEES_MEMO, "Named in the customer payment's memo, not posted",
            WritebackSettings.FEES_NONE, "Not recorded in NetSuite");
    static final Map<String, String> REVERSAL_MODES = inOrder(
            WritebackSettings.CUSTOMER_REFUND, "A customer refund applied to the customer payment",
            WritebackSettings.VOID, "Delete the customer payment when all of it goes back");

    /** The form of saved settings (empty defaults before the first save), to show them. */
    static WritebackSettingsForm of(WritebackSettings s) {
        if (s == null) {
            return new WritebackSettingsForm("", "", DEFAULT_TIME_ZONE, WritebackSettings.FEES_MEMO,
                    WritebackSettings.CUSTOMER_REFUND, "", Integer.toString(DEFAULT_WARN_AFTER_MINUTES));
        }
        return new WritebackSettingsForm(s.accountId(), s.paymentMethodId() == null ? "" : s.paymentMethodId(),
                s.timeZone(), s.feeRecording(), s.reversalMode(), s.payLinkField() == null ? "" : s.payLinkField(),
                Integer.toString(s.warnAfterMinutes()));
    }

    /**
     * The settings this form makes.
     *
     * @throws InvalidSettingException naming the first field that is not valid
     */
    WritebackSettings toSettings(long tenantId) {
        String account = internalId(accountId);
        if (account == null) {
            throw new InvalidSettingException("accountId", "The NetSuite account for payments is required: its "
                    + "internal id, a number like 1 (undeposited funds or a bank account).");
        }
        if (account.isEmpty()) {
            throw new InvalidSettingException("accountId", "The NetSuite account for payments must be its internal "
                    + "id, a number like 1.");
        }
        String method = internalId(paymentMethodId);
        if (method != null && method.isEmpty()) {
            throw new InvalidSettingException("paymentMethodId", "The NetSuite payment method must be its internal "
                    + "id, a number like 3, or empty.");
        }
        return new WritebackSettings(tenantId, account, method, zone(), choice("feeRecording", feeRecording,
                FEE_RECORDINGS, "Choose how surcharges and fees are recorded."), choice("reversalMode", reversalMode,
                REVERSAL_MODES, "Choose how payments that go back are reversed."), field(), minutes());
    }

    private static Map<String, String> inOrder(String k1, String v1, String k2, String v2) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(k1, v1);
        choices.put(k2, v2);
        return Collections.unmodifiableMap(choices);
    }

    /** The trimmed internal id; {@code null} when empty, "" when not one. */
    private static String internalId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.trim();
        return id.matches("[0-9]{1,18}") ? id : "";
    }

    private String zone() {
        String zone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.trim();
        try {
            if (zone.length() <= 64 && (zone.contains("/") || zone.equals("UTC"))) { // names, not offsets
                return ZoneId.of(zone).getId();
            }
        } catch (DateTimeException e) {
            // not a zone: said below
        }
        throw new InvalidSettingException("timeZone", "The NetSuite account's time zone must be a name like "
                + "America/New_York.");
    }

    private static String choice(String field, String value, Map<String, String> choices, String detail) {
        if (value == null || !choices.containsKey(value)) {
            throw new InvalidSettingException(field, detail);
        }
        return value;
    }

    private String field() {
        if (payLinkField == null || payLinkField.isBlank()) {
            return null;
        }
        String id = payLinkField.trim().toLowerCase(Locale.ROOT);
        if (!id.matches(FIELD_ID)) {
            throw new InvalidSettingException("payLinkField", "The pay-now link field must be the id of a NetSuite "
                    + "custom transaction body field, like custbody_portico_pay_link, or empty.");
        }
        return id;
    }

    private int minutes() {
        String value = warnAfterMinutes == null ? "" : warnAfterMinutes.trim();
        if (value.matches("[0-9]{1,5}")) {
            int minutes = Integer.parseInt(value);
            if (minutes >= 1 && minutes <= MAX_WARN_AFTER_MINUTES) {
                return minutes;
            }
        }
        throw new InvalidSettingException("warnAfterMinutes", "Warn after a whole number of minutes from 1 to "
                + MAX_WARN_AFTER_MINUTES + ".");
    }
}
