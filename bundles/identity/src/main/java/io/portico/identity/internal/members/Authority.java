package io.portico.identity.internal.members;

import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;

/**
 * Who may manage whose members: operator staff with a managing role manage every organization of the tenant; a
 * customer's admin manages only the organization they are signed in to. Only an owner hands out the owner role.
 */
public final class Authority {

    private Authority() {
    }

    /** @throws io.portico.api.web.ProblemException 403 when the user may not manage the organization's members */
    public static void requireManager(PortalUser user, long organizationId) {
        boolean allowed = user.managesMembers() && (user.operatorStaff() || user.organizationId() == organizationId);
        if (!allowed) {
            throw ProblemException.forbidden("You may not manage the members of this organization.");
        }
    }

    /** @throws io.portico.api.web.ProblemException 403 unless the user is operator staff with a managing role */
    public static void requireOperatorAdmin(PortalUser user) {
        if (!user.operatorStaff() || !user.managesMembers()) {
            throw ProblemException.forbidden("Only the operator's administrators may do this.");
        }
    }

    /**
     * @throws io.portico.api.web.ProblemException 400 when the role does not exist in such an organization, 403
     *         when a non-owner hands out the owner role
     */
    public static void requireGrantable(Role granterRole, Role role, OrganizationKind kind) {
        if (!role.allowedIn(kind)) {
            throw ProblemException.badRequest("The role " + role.name().toLowerCase() + " does not exist in "
                    + (kind == OrganizationKind.OPERATOR ? "the operator organization." : "a customer organization."));
        }
        if (role == Role.OWNER && granterRole != Role.OWNER) {
            throw ProblemException.forbidden("Only an owner can make someone an owner.");
        }
    }
}
