package io.portico.api.payment;

import java.util.Map;
import java.util.Set;

/**
 * A payment to prepare.
 *
 * @param accountId the operator's account
 * @param paymentId the platform's ledger id of the payment, for the processor's records and its dashboard
 * @param amount the invoices' amount before any surcharge or fee (the final amount is given to
 *     {@link PaymentProcessor#confirm})
 * @param methods the payment methods the payer may choose from
 * @param description what the payer pays for, e.g. "Invoices INV-1001, INV-1002 — Acme Corp", shown by the processor
 *     where it shows one
 * @param metadata key-value pairs to keep with the payment at the processor (NetSuite ids, the ledger id)
 * @param idempotencyKey the same for every call about this preparation
 */
public record CheckoutRequest(String accountId, String paymentId, Money amount, Set<PaymentMethodKind> methods,
        String description, Map<String, String> metadata, String idempotencyKey) {

    public CheckoutRequest {
        methods = Set.copyOf(methods);
        metadata = Map.copyOf(metadata);
    }
}
