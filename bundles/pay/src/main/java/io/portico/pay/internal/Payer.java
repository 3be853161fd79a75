package io.portico.pay.internal;

import io.portico.api.identity.DataScope;

/**
 * Who pays: a signed-in customer user (or operator staff paying for a customer), or someone holding a payment link.
 *
 * @param scope the rows the payer reaches: their organization, or the link's
 * @param userId the signed-in user, or {@code null} for a link
 * @param linkId the payment link, or {@code null} for a signed-in user
 * @param email where the receipt goes
 */
record Payer(DataScope scope, Long userId, Long linkId, String email) {
}
