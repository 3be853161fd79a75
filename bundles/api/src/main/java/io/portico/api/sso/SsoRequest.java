package io.portico.api.sso;

import java.net.URI;
import java.util.Map;

/**
 * What the platform asks of a provider when a sign-in begins.
 *
 * @param callbackUri where the provider must send the browser back, as the platform sees its own address; a provider
 *         configured with a public base address may replace its scheme, host and port
 * @param returnTo the local path to show once signed in
 * @param properties extra hints for the provider (for example {@code login_hint}); empty when there are none
 */
public record SsoRequest(URI callbackUri, String returnTo, Map<String, String> properties) {

    public SsoRequest {
        properties = Map.copyOf(properties);
    }

    public SsoRequest(URI callbackUri, String returnTo) {
        this(callbackUri, returnTo, Map.of());
    }
}
