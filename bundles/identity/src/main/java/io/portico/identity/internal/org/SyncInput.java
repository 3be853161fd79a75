package io.portico.identity.internal.org;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.identity.internal.store.Json;
import io.portico.identity.internal.user.EmailAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks and normalises what the customer and contact syncs send before anything is stored. */
final class SyncInput {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 300;
    private static final int MAX_BILLING_STATE = 100;
    private static final int MAX_ATTRIBUTES_CHARS = 256 * 1024;

    private SyncInput() {
    }

    /** @throws IllegalArgumentException naming the first field that is wrong */
    static CustomerOrganization customer(CustomerOrganization c) {
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

    /**
     * A contact link with its ids stripped and its email in the form users' emails are matched in.
     *
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    static ContactLink contactLink(ContactLink link) {
        if (link == null) {
            throw new IllegalArgumentException("link is required");
        }
        String contact = required(link.contactNetsuiteId(), "contactNetsuiteId", MAX_ID);
        String customer = required(link.customerNetsuiteId(), "customerNetsuiteId", MAX_ID);
        String email = linkableEmail(link.email()).orElseThrow(() -> new IllegalArgumentException(
                link.email() == null || link.email().isBlank() ? "email is required"
                        : "email is not a single mail address: '" + cut(link.email()) + "'"));
        return new ContactLink(contact, customer, email);
    }

    /**
     * A contact's email as links store it (an address a user could have, in lower case), or empty when no user can
     * ever have it.
     */
    static Optional<String> linkableEmail(String email) {
        try {
            return Optional.of(EmailAddress.parse(email).value().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id of the contact to unlink, stripped. */
    static String contactNetsuiteId(String id) {
        return required(id, "contactNetsuiteId", MAX_ID);
    }

    /** Enough of a rejected value to recognise it in an error message. */
    private static String cut(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
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
