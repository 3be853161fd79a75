package io.portico.api.payment;

import java.net.URI;

/**
 * A request to start or resume onboarding.
 *
 * @param accountId the account to resume, or {@code null} to create one
 * @param businessName the operator's name, to prefill
 * @param email the admin's email, to prefill
 * @param returnUri where the processor sends the browser when the admin is done (done is not complete: the platform
 *     reads {@link PaymentProcessor#account} again)
 * @param refreshUri where the processor sends the browser when the onboarding address has expired or was used
 */
public record OnboardingRequest(String accountId, String businessName, String email, URI returnUri, URI refreshUri) {
}
