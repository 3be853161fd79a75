package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import javax.ws.rs.container.ContainerRequestContext;

/**
 * Who changes the operator's settings, as the audit log names them: only the operator's owners and admins may.
 *
 * @param userId the signed-in user, or {@code null} in tests
 * @param label their email
 */
record SettingsActor(long tenantId, Long userId, String label) {

    /** The signed-in operator owner or admin (a browser without a session is sent to sign in first); else 403. */
    static PortalUser admin(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        if (!user.operatorStaff() || user.role() != Role.OWNER && user.role() != Role.ADMIN) {
            throw ProblemException.forbidden("Only the operator's administrators may change the portal's settings.");
        }
        return user;
    }

    static SettingsActor of(PortalUser user) {
        return new SettingsActor(user.tenantId(), user.userId(), user.email());
    }
}
