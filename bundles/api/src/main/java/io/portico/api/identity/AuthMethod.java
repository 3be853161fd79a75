package io.portico.api.identity;

/** How the current request was authenticated. */
public enum AuthMethod {
    /** A browser session started with a password (and TOTP when enrolled). */
    PASSWORD,
    /** A browser session started through an SSO provider. */
    SSO,
    /** An API token in the {@code Authorization: Bearer} header. */
    API_TOKEN,
    /**
     * An operator staff member's browser session viewing a customer organization's portal read-only ("view as
     * customer"): the user is the staff member, the organization, role and scope are the customer's.
     *
     * @since 1.2
     */
    VIEW_AS
}
