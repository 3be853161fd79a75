package io.portico.api.identity;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's organizations: the operator itself and one organization per NetSuite customer. The customer sync
 * keeps them in step with NetSuite through {@link #upsertCustomer} and {@link #archiveCustomer}; everything runs
 * within the operator's tenant.
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
}
