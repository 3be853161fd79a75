package io.portico.api.payment;

import java.net.URI;

/**
 * Where onboarding continues.
 *
 * @param accountId the account's id, which the platform keeps for every later call
 * @param redirectUri the address to send the admin's browser to
 */
public record Onboarding(String accountId, URI redirectUri) {
}
