package io.portico.api.identity;

import java.util.List;
import java.util.Map;

/**
 * A NetSuite customer as the customer sync hands it to {@link Organizations#upsertCustomer}.
 *
 * @param netsuiteId the customer's NetSuite internal id (required; the key of the upsert)
 * @param name the display name (required, at most 300 characters)
 * @param emailDomains mail domains of the customer's staff, e.g. {@code acme.com}; normalised to lower case
 * @param billingState NetSuite's billing state, or {@code null}
 * @param currency ISO 4217 code such as {@code USD}, or {@code null}
 * @param parentNetsuiteId the NetSuite id of the parent customer, or {@code null}; the link is made as soon as
 *         both organizations exist, in whichever order they are synced
 * @param attributes the rest of the record, stored as JSON; values must be JSON-compatible (strings, numbers,
 *         booleans, lists, maps, {@code null})
 */
public record CustomerOrganization(String netsuiteId, String name, List<String> emailDomains, String billingState,
        String currency, String parentNetsuiteId, Map<String, Object> attributes) {

    public CustomerOrganization {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
