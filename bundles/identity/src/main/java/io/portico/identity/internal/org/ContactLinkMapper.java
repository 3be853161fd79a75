package io.portico.identity.internal.org;

import io.portico.api.identity.ContactLink;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Reads and writes {@code contact_link}, {@code contact_membership} and {@code contact_membership_refusal}, and the
 * memberships contact links give; every statement is bound to the tenant.
 */
public interface ContactLinkMapper {

    /**
     * Waits for the tenant's contact-link lock and holds it until the transaction ends. Every change that can give or
     * take back a membership by contact link takes it first, so that two of them (a link made while its user verifies
     * their email, say) never miss each other's uncommitted rows.
     */
    int lock(@Param("tenantId") long tenantId);

    /** The email a contact is linked by, or {@code null} when it has no link. */
    String linkedEmail(@Param("tenantId") long tenantId, @Param("contactId") String contactNetsuiteId);

    /** Inserts or updates a link; leaves an unchanged one alone. Returns the number of rows written (0 or 1). */
    int upsert(@Param("tenantId") long tenantId, @Param("link") ContactLink link,
            @Param("emailDomain") String emailDomain);

    /** Deletes a contact's link and returns the email it linked, or {@code null} when it had none. */
    String delete(@Param("tenantId") long tenantId, @Param("contactId") String contactNetsuiteId);

    /** Whether a link names this email (in lower case) and an active customer organization of the tenant. */
    boolean linksActiveCustomer(@Param("tenantId") long tenantId, @Param("email") String email);

    /**
     * Makes the users that links match active members of the links' customer organizations, where they are no
     * members yet and no administrator refused them, and remembers those memberships as made by a link. Narrowed to
     * the links of one contact, the links matching one user or the links to one organization by whichever of those
     * is not {@code null}.
     *
     * @return the memberships made
     */
    List<ContactMembership> grant(@Param("tenantId") long tenantId, @Param("contactId") String contactNetsuiteId,
            @Param("userId") Long userId, @Param("organizationId") Long organizationId);

    /**
     * Remembers that an administrator removed the user from the organization, so that no link makes them a member of
     * it again, and forgets that a link made the membership.
     */
    void refuse(@Param("tenantId") long tenantId, @Param("userId") long userId,
            @Param("organizationId") long organizationId);

    /**
     * Takes back the memberships that links made for the users with this email (in lower case) and that no link
     * justifies any more. A membership whose role an administrator changed since stays, and is no longer the
     * links' to take back.
     *
     * @return the memberships taken back
     */
    List<ContactMembership> revokeStale(@Param("tenantId") long tenantId, @Param("email") String email);
}
