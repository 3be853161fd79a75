package io.portico.identity.internal.user;

import io.portico.api.identity.Access;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.Role;
import java.time.Instant;
import java.util.Map;

/** A user's membership with the organization's name and state, as sign-in and the chooser need it. */
public record MembershipRecord(long id, long userId, long organizationId, String organizationName,
        OrganizationKind organizationKind, Role role, Map<String, Object> recordAccess, String status,
        Instant organizationArchivedAt) {

    /** Whether the user may act in this organization now: approved, and the organization not archived. */
    public boolean usable() {
        return "active".equals(status) && organizationArchivedAt == null;
    }

    public boolean pending() {
        return "pending".equals(status);
    }

    public Map<String, Access> access() {
        return RecordAccess.parse(recordAccess);
    }
}
