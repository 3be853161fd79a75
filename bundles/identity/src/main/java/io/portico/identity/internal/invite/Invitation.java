package io.portico.identity.internal.invite;

import io.portico.api.identity.Role;
import io.portico.identity.internal.token.OneTimeTokenRecord;
import java.time.Instant;

/** An open invitation as admins see it (never its link). */
public record Invitation(long id, String email, long organizationId, String organizationName, Role role,
        Instant createdAt, Instant expiresAt) {

    static Invitation of(OneTimeTokenRecord t) {
        return new Invitation(t.id(), t.email(), t.organizationId(), t.organizationName(), t.role(), t.createdAt(),
                t.expiresAt());
    }
}
