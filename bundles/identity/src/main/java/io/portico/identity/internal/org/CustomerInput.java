package io.portico.identity.internal.org;

import io.portico.api.identity.CustomerOrganization;
import io.portico.identity.internal.store.Json;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises what the customer sync sends before anything is stored. */
final class CustomerInput {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 300;
    private static final int MAX_BILLING_STATE = 100;
    private static final int MAX_ATTRIBUTES_CHARS = 256 * 1024;

    private CustomerInput() {
    }

    /** @throws IllegalArgumentException naming the first field that is wrong */
    static CustomerOrganization normalise(CustomerOrganization c) {
        if (c == null) {
            throw new IllegalArgumentException("customer is required");
        }
        String netsuiteId = required(c.netsuiteId(), "netsuiteId", MAX_ID);
        String name = required(c.name(), "name", MAX_NAME);
        String parent = optional(c.parentNetsuiteId(), "parentNetsuiteId", MAX_ID);
        if (netsuiteId.equals(parent)) {
            throw new IllegalArgumentException("a customer cannot be its own parent");
        }
        String currency = optional(c.currency(), "currency", 3);
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
            }
        }
        if (Json.write(c.attributes()).length() > MAX_ATTRIBUTES_CHARS) {
            throw new IllegalArgumentException("attributes exceed " + MAX_ATTRIBUTES_CHARS + " characters of JSON");
        }
        return new CustomerOrganization(netsuiteId, name, EmailDomains.normalise(c.emailDomains()),
                optional(c.billingState(), "billingState", MAX_BILLING_STATE), currency, parent, c.attributes());
    }

    private static String required(String value, String field, int max) {
        String v = optional(value, field, max);
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return v;
    }
}
