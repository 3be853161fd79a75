package io.portico.pay.internal;

/**
 * How the operator's payments post to NetSuite ({@code pay_writeback_settings}, set in Settings > Pay).
 *
 * @param accountId the NetSuite account (undeposited funds or a bank account), an internal id
 * @param paymentMethodId the NetSuite payment method, or {@code null} for none
 * @param timeZone the NetSuite account's time zone, which decides a payment's date
 * @param feeRecording {@code none}: surcharges and bank fees are not recorded in NetSuite; {@code memo}: the
 *     customer payment's memo names them
 * @param reversalMode {@code void}: a payment that fails or is refunded in full is deleted in NetSuite;
 *     {@code customer_refund}: a customer refund is applied to it (always so for a partial refund)
 * @param payLinkField the invoice body field for pay-now links, or {@code null}
 * @param warnAfterMinutes how long a write-back may wait before reconciliation warns
 */
public record WritebackSettings(long tenantId, String accountId, String paymentMethodId, String timeZone,
        String feeRecording, String reversalMode, String payLinkField, int warnAfterMinutes) {

    static final String FEES_NONE = "none";
    static final String FEES_MEMO = "memo";
    static final String VOID = "void";
    static final String CUSTOMER_REFUND = "customer_refund";
}
