package io.portico.api.identity;

/** How the current request was authenticated. */
public enum AuthMethod {
    /** A browser session started with a password (and TOTP when enrolled). */
    PASSWORD,
    /** A browser session started through an SSO provider. */
    SSO,
    /** An API token in the {@code Authorization: Bearer} header. */
    API_TOKEN
}
