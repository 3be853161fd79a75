package io.portico.api.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organization as Portico stores it: the operator (the tenant) or one of its customers.
 *
 * @param id Portico's id
 * @param tenantId the operator organization's id; {@code null} for the operator itself
 * @param kind operator, customer or vendor
 * @param name the display name
 * @param netsuiteId the NetSuite internal id of the customer (or vendor) it mirrors; {@code null} for the operator
 * @param parentId the parent organization (a NetSuite sub-customer's parent), if known
 * @param emailDomains lower-case mail domains whose verified users may join it by self-registration
 * @param billingState NetSuite's billing state (for example a credit hold), as synced
 * @param currency the ISO 4217 currency code, as synced
 * @param attributes everything else synced from NetSuite (JSON)
 * @param createdAt when Portico first stored it
 * @param updatedAt when it last changed
 * @param archivedAt when it was archived (inactive or deleted in NetSuite); {@code null} while active
 */
public record Organization(long id, Long tenantId, OrganizationKind kind, String name, String netsuiteId,
        Long parentId, List<String> emailDomains, String billingState, String currency,
        Map<String, Object> attributes, Instant createdAt, Instant updatedAt, Instant archivedAt) {

    public Organization {
        emailDomains = List.copyOf(emailDomains);
        attributes = Map.copyOf(attributes);
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
