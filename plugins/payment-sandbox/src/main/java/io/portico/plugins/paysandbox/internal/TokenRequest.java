package io.portico.plugins.paysandbox.internal;

/**
 * What the element posts to {@code /pay-sandbox/tokens}: a card or a US bank account, entered by the payer.
 *
 * @param account the operator's sandbox account ({@code data-account} of the element)
 * @param kind {@code card} or {@code us_bank_account}
 * @param cardNumber a test card number (spaces allowed)
 * @param expiry the card's expiry, {@code MM/YY}, not in the past
 * @param cvc three or four digits
 * @param billingState the billing address's US state or territory (two letters), or empty for outside the US
 * @param routingNumber the bank's routing number
 * @param accountNumber a test bank account number
 */
public record TokenRequest(String account, String kind, String cardNumber, String expiry, String cvc,
        String billingState, String routingNumber, String accountNumber) {
}
