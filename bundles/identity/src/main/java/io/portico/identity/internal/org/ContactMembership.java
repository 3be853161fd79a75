package io.portico.identity.internal.org;

/** A membership a contact link gave or took back, with the user's email for the audit log. */
public record ContactMembership(long userId, long organizationId, String email) {
}
