package io.portico.api.sso;

import java.net.URI;
import java.util.Map;

/**
 * A sign-in in progress: where to send the browser, and what the platform keeps server-side until the provider
 * answers. Everything here except {@code authorizationUri} is secret to the server.
 *
 * @param authorizationUri the provider's authorization address, with every parameter
 * @param state the value the provider must echo back; it identifies the sign-in
 * @param nonce the value the provider must put into the ID token; empty for providers without one
 * @param codeVerifier the PKCE code verifier; empty for providers without PKCE
 * @param redirectUri the callback address actually sent to the provider (needed again to redeem the code)
 * @param returnTo the local path to show once signed in
 * @param properties anything else the provider needs to finish; empty when there is nothing
 */
public record SsoStart(URI authorizationUri, String state, String nonce, String codeVerifier, URI redirectUri,
        String returnTo, Map<String, String> properties) {

    public SsoStart {
        properties = Map.copyOf(properties);
    }

    /** Keeps secrets out of logs. */
    @Override
    public String toString() {
        return "SsoStart[redirectUri=" + redirectUri + ", returnTo=" + returnTo + "]";
    }
}
