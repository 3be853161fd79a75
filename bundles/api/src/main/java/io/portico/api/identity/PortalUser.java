package io.portico.api.identity;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user of the current request, acting in their active organization.
 *
 * <p>The identity bundle resolves the session cookie or API token of every JAX-RS request before any resource runs
 * and installs the user as the request's {@code SecurityContext} principal. A resource of any bundle gets it with
 * standard JAX-RS:
 * <pre>{@code
 * @GET
 * public List<Invoice> list(@Context SecurityContext security) {
 *     PortalUser user = PortalUser.require(security.getUserPrincipal());
 *     if (!user.canView("invoice")) throw ProblemException.forbidden("...");
 *     return mapper.list(user.scope());
 * }
 * }</pre>
 * The same object is also the request property (and servlet request attribute) {@link #REQUEST_PROPERTY}.
 *
 * @param userId the user's id
 * @param email the user's email address
 * @param displayName the user's name as they entered it, or the email when none
 * @param tenantId the operator organization's id
 * @param organizationId the active organization's id
 * @param organizationName the active organization's name
 * @param organizationKind whether the active organization is the operator or a customer
 * @param role the user's role in the active organization
 * @param recordAccess per-record-type narrowing of the role's access, keyed by record-type name; record types not
 *         listed get {@link Role#access()}
 * @param authMethod how this request was authenticated; {@link AuthMethod#VIEW_AS} when operator staff view a
 *         customer organization's portal, as {@code organizationId} with that organization's widest role
 * @param timeZone the time zone the user reads times in, or {@code null} while they have not chosen one (pages then
 *         show UTC); since 1.2
 */
public record PortalUser(long userId, String email, String displayName, long tenantId, long organizationId,
        String organizationName, OrganizationKind organizationKind, Role role, Map<String, Access> recordAccess,
        AuthMethod authMethod, ZoneId timeZone) implements Principal {

    /** The request property (and servlet request attribute) holding the current {@code PortalUser}. */
    public static final String REQUEST_PROPERTY = "io.portico.identity.user";

    /**
     * The request property holding the signed-in session's CSRF token, for pages of other bundles whose forms (the
     * layout's sign-out button among them) must post it back in a field named {@code csrf}.
     */
    public static final String CSRF_REQUEST_PROPERTY = "io.portico.identity.csrf";

    public PortalUser {
        recordAccess = Map.copyOf(recordAccess);
    }

    /** A user who has not chosen a time zone (the constructor of 1.1). */
    public PortalUser(long userId, String email, String displayName, long tenantId, long organizationId,
            String organizationName, OrganizationKind organizationKind, Role role, Map<String, Access> recordAccess,
            AuthMethod authMethod) {
        this(userId, email, displayName, tenantId, organizationId, organizationName, organizationKind, role,
                recordAccess, authMethod, null);
    }

    /** The current user, when the principal is one (it is absent for anonymous requests). */
    public static Optional<PortalUser> from(Principal principal) {
        return principal instanceof PortalUser user ? Optional.of(user) : Optional.empty();
    }

    /**
     * The current user.
     *
     * @throws NotSignedInException when the request is anonymous (the web layer answers 401)
     */
    public static PortalUser require(Principal principal) {
        return from(principal).orElseThrow(NotSignedInException::new);
    }

    @Override
    public String getName() {
        return email;
    }

    /** Whether the user acts for the operator (staff) rather than for a customer. */
    public boolean operatorStaff() {
        return organizationKind == OrganizationKind.OPERATOR;
    }

    /** The rows this user may reach: their organization, or the whole tenant for operator staff. */
    public DataScope scope() {
        return new DataScope(tenantId, operatorStaff() ? null : organizationId);
    }

    /** The user's access to one record type: the role's access, narrowed for that type when configured. */
    public Access access(String recordType) {
        Access narrowed = recordAccess.get(recordType);
        return narrowed == null ? role.access() : narrowed.narrowTo(role.access());
    }

    public boolean canView(String recordType) {
        return access(recordType).includes(Access.VIEW);
    }

    public boolean canPay(String recordType) {
        return access(recordType).includes(Access.PAY);
    }

    /**
     * Whether operator staff are viewing a customer's portal as its users see it: every read is the customer's,
     * and nothing may be changed.
     *
     * @since 1.2
     */
    public boolean viewingAs() {
        return authMethod == AuthMethod.VIEW_AS;
    }

    /** Whether the user may invite people to and manage the members of the active organization. */
    public boolean managesMembers() {
        return role.managesMembers();
    }
}
