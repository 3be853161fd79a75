package io.portico.api.identity;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's organizations: the operator itself and one organization per NetSuite customer. The customer sync
 * keeps them in step with NetSuite through {@link #upsertCustomer} and {@link #archiveCustomer}, the contact sync
 * links its contacts' emails to them through {@link #linkContact} and {@link #unlinkContact}; everything runs within
 * the operator's tenant.
 *
 * <p>A contact link makes every user whose verified email is the contact's an active {@link Role#MEMBER member} of
 * the contact's customer organization: at once when the link is made, when such a user verifies their email (or signs
 * in by SSO with it) later, and when the customer organization is created or un-archived after the link. A membership
 * made this way is taken back as soon as no link justifies it any more; memberships made by invitations or
 * registrations, and memberships whose role an administrator changed, are never touched. Every such change is in the
 * audit log, by {@code system:contact-sync}.
 */
@ProviderType
public interface Organizations {

    /**
     * Creates the customer organization for a NetSuite customer, or updates it (and un-archives it) when it
     * exists. Idempotent: the same input twice changes nothing the second time.
     *
     * @return the stored organization
     * @throws IllegalArgumentException when a field is missing or malformed; nothing is stored then
     */
    Organization upsertCustomer(CustomerOrganization customer);

    /**
     * Archives the customer organization of a NetSuite customer (inactive or deleted there). Its users can no
     * longer sign in to it; its records and memberships are kept.
     *
     * @return whether an active organization was archived
     */
    boolean archiveCustomer(String netsuiteId);

    /** Any organization of the tenant, archived or not. */
    Optional<Organization> find(long id);

    /** The customer organization that mirrors a NetSuite customer, archived or not. */
    Optional<Organization> findCustomer(String netsuiteId);

    /** The operator organization (the tenant). */
    Organization operator();

    /**
     * Customer organizations ordered by name.
     *
     * @param nameContains a case-insensitive filter on the name, or {@code null} for all
     * @param includeArchived whether archived organizations are listed too
     * @param offset rows to skip
     * @param limit at most this many rows (capped at 500)
     */
    List<Organization> customers(String nameContains, boolean includeArchived, int offset, int limit);

    /**
     * Links a NetSuite contact's email to its customer's organization, or moves its link when the contact's customer
     * or email changed: the users the link matches become members now, and the memberships that only the previous
     * link justified are taken back. Idempotent: the same link twice changes nothing the second time.
     *
     * @throws IllegalArgumentException when an id is missing or longer than 64 characters, or the email is not
     *         {@linkplain #isLinkableEmail linkable}; nothing is stored then
     */
    void linkContact(ContactLink link);

    /**
     * Removes a contact's link (the contact was deleted or made inactive in NetSuite, or lost its company or its
     * email) and takes back the memberships only that link justified. Idempotent.
     *
     * @return whether the contact had a link
     * @throws IllegalArgumentException when the id is missing
     */
    boolean unlinkContact(String contactNetsuiteId);

    /**
     * Whether a contact with this email can be linked: a single, well-formed address, as a portal user's can be.
     * Contacts without one (no email, a name, several addresses in one field) cannot be linked and keep no link.
     */
    boolean isLinkableEmail(String email);
}
