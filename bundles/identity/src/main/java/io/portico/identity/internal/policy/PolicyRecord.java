package io.portico.identity.internal.policy;

/**
 * An organization's sign-in policy.
 *
 * @param selfRegistration {@code open}, {@code approval}, {@code closed}, or {@code null} to follow the operator
 */
public record PolicyRecord(long organizationId, boolean mfaRequired, String selfRegistration) {
}
