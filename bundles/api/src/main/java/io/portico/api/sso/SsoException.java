package io.portico.api.sso;

/**
 * Why a sign-in failed. The message is shown to the person signing in and logged, so it must name what went wrong
 * without secrets (no codes, tokens or client secrets).
 */
public class SsoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure; the platform picks the HTTP status and the advice from it. */
    public enum Reason {
        /** The provider answered with an error, for example because the person cancelled. */
        PROVIDER_ERROR,
        /** The provider (discovery, keys, token endpoint) could not be reached or answered nonsense. */
        PROVIDER_UNAVAILABLE,
        /** The answer belongs to no sign-in in progress here: unknown, expired, used, or from another browser. */
        INVALID_STATE,
        /** The ID token is malformed, unsigned, uses an algorithm not allowed, or lacks a required claim. */
        INVALID_TOKEN,
        /** The ID token's signature does not verify with the provider's keys. */
        BAD_SIGNATURE,
        /** The ID token was issued by someone else. */
        WRONG_ISSUER,
        /** The ID token was issued for another application. */
        WRONG_AUDIENCE,
        /** The ID token was issued for another sign-in (replay). */
        WRONG_NONCE,
        /** The ID token has expired or is not valid yet. */
        EXPIRED,
        /** The person's organization (tenant) may not sign in here. */
        TENANT_NOT_ALLOWED,
        /** The provider does not vouch for the person's email address. */
        EMAIL_NOT_VERIFIED,
        /** The verified email matches no user, invitation or organization email domain. */
        NOT_LINKED
    }

    private final Reason reason;

    public SsoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SsoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
