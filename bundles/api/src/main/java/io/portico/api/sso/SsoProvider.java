package io.portico.api.sso;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sign-in provider (for example an OIDC identity provider), registered as a service named with
 * {@link io.portico.api.plugin.PluginName}. The platform drives the sign-in in two steps:
 * <ol>
 * <li>{@link #begin} when a person clicks the provider's button: the platform keeps the returned {@link SsoStart}
 * server-side and sends the browser to {@link SsoStart#authorizationUri()};</li>
 * <li>{@link #complete} when the provider sends the browser back to the callback: the provider checks the answer
 * against the kept {@code SsoStart} and returns who signed in.</li>
 * </ol>
 * The platform then signs the person in only if the identity carries a verified email. Implementations must be
 * thread-safe and must not keep per-sign-in state themselves: a sign-in may begin on one node and complete on another.
 */
@ConsumerType
public interface SsoProvider {

    /** The label on the sign-in button, e.g. "Sign in with Google". */
    String buttonLabel();

    /**
     * Starts a sign-in: makes the state, nonce and PKCE verifier and the authorization address to send the browser to.
     *
     * @throws SsoException when the provider cannot be reached or is misconfigured
     */
    SsoStart begin(SsoRequest request) throws SsoException;

    /**
     * Finishes a sign-in: checks the provider's answer against what {@link #begin} returned (state, nonce, PKCE,
     * token signature and claims) and returns the person it vouches for.
     *
     * @param callback the query parameters the provider sent the browser back with
     * @param start what {@link #begin} returned for this sign-in, as the platform kept it
     * @throws SsoException with a reason a person can act on when anything does not check out
     */
    SsoIdentity complete(SsoCallback callback, SsoStart start) throws SsoException;
}
