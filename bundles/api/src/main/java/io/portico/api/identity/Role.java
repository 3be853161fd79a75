package io.portico.api.identity;

/**
 * A user's role in one organization. Operator staff are {@link #OWNER} or {@link #ADMIN} of the operator
 * organization; a customer's users are {@link #ADMIN}, {@link #MEMBER} or {@link #VIEWER} of the customer's.
 */
public enum Role {
    /** Operator side: everything, including other admins and the owner role. */
    OWNER(Access.PAY, true),
    /** Operator side: administers the portal. Customer side: invites and manages colleagues, views and pays. */
    ADMIN(Access.PAY, true),
    /** Customer side: views and pays. */
    MEMBER(Access.PAY, false),
    /** Customer side: views only. */
    VIEWER(Access.VIEW, false);

    private final Access access;
    private final boolean managesMembers;

    Role(Access access, boolean managesMembers) {
        this.access = access;
        this.managesMembers = managesMembers;
    }

    /** The access this role has to every record type before any per-record-type narrowing. */
    public Access access() {
        return access;
    }

    /** Whether a user with this role may invite users and change the roles of the organization's members. */
    public boolean managesMembers() {
        return managesMembers;
    }

    /** Whether the role exists in an organization of this kind. */
    public boolean allowedIn(OrganizationKind kind) {
        return kind == OrganizationKind.OPERATOR ? this == OWNER || this == ADMIN : this != OWNER;
    }
}
