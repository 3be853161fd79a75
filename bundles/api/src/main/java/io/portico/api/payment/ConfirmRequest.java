package io.portico.api.payment;

import java.net.URI;
import java.util.Map;

/**
 * The payer's go-ahead for a prepared payment.
 *
 * @param accountId the operator's account
 * @param processorReference the prepared payment, from {@link CheckoutSession#processorReference()}
 * @param methodToken the token the browser's element returned, as given to {@link PaymentProcessor#inspect}
 * @param amount the final amount: the invoices' amounts plus the surcharge or fee the payer was shown
 * @param returnUri where the processor sends the browser after a challenge (3-D Secure) or a redirect
 * @param metadata key-value pairs to add to the payment (the surcharge, the rule that decided it)
 * @param idempotencyKey one key per confirmation attempt
 */
public record ConfirmRequest(String accountId, String processorReference, String methodToken, Money amount,
        URI returnUri, Map<String, String> metadata, String idempotencyKey) {

    public ConfirmRequest {
        metadata = Map.copyOf(metadata);
    }
}
