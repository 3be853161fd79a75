package io.portico.api.sso;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs in a person an SSO provider has verified: links the verified email to its user and organization (by
 * invitation or by the organization's email domain) and starts a session. Published by the identity bundle; the SSO
 * flow calls it only after every check passed and only with a verified email.
 */
@ProviderType
public interface SsoSignIn {

    /**
     * @param provider the SSO provider's plugin name, e.g. {@code google}
     * @param identity who signed in; {@link SsoIdentity#verifiedEmail()} is present
     * @param returnTo the local path the person asked for
     * @return where to send the browser and the cookies that carry the new session
     * @throws SsoException ({@link SsoException.Reason#NOT_LINKED}) when the email links to nothing; nothing is
     *         stored then
     */
    SsoSignedIn signIn(String provider, SsoIdentity identity, String returnTo) throws SsoException;
}
