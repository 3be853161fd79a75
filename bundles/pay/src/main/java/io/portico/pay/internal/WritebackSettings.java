package io.portico.pay.internal;

/**
 * Where the operator's customer payments post ({@code pay_writeback_settings}).
 *
 * @param accountId the NetSuite account (undeposited funds or a bank account), an internal id
 * @param paymentMethodId the NetSuite payment method, or {@code null} for none
 * @param timeZone the NetSuite account's time zone, which decides a payment's date
 */
public record WritebackSettings(long tenantId, String accountId, String paymentMethodId, String timeZone) {
}
