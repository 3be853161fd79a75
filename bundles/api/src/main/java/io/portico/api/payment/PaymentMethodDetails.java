package io.portico.api.payment;

/**
 * The facts of a payment method that decide fees and that a receipt shows.
 *
 * @param kind card or bank account
 * @param funding for a card, its funding; {@link CardFunding#UNKNOWN} for a bank account or when the issuer does not
 *     say
 * @param brand for a card its brand ("visa"), for a bank account the bank's name, or {@code null}
 * @param last4 the last four digits of the card or account number
 * @param country the issuing country of a card or the bank's country (ISO 3166 alpha-2), or {@code null}
 * @param billingState the payer's billing address's US state or territory (two letters), or {@code null}
 * @param billingCountry the payer's billing address's country (ISO 3166 alpha-2), or {@code null}
 */
public record PaymentMethodDetails(PaymentMethodKind kind, CardFunding funding, String brand, String last4,
        String country, String billingState, String billingCountry) {
}
