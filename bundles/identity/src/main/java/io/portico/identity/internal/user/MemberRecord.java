package io.portico.identity.internal.user;

import io.portico.api.identity.Role;
import java.time.Instant;
import java.util.Map;

/**
 * One member of an organization, as admins see them.
 *
 * @param netsuiteContact whether a linked NetSuite contact of the organization has the member's email, so that
 *        contact sync would add them back if removing them did not stop it
 */
public record MemberRecord(long membershipId, long userId, String email, String displayName, Role role,
        Map<String, Object> recordAccess, String status, boolean verified, boolean mfaEnabled,
        Instant lastSignInAt, boolean netsuiteContact) {
}
