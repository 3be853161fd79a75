package io.portico.api.sso;

import java.net.URI;
import java.util.List;

/**
 * The outcome of a successful sign-in, for the browser.
 *
 * @param location where to send the browser (usually the {@code returnTo} path)
 * @param setCookies complete {@code Set-Cookie} header values, for example the session cookie
 */
public record SsoSignedIn(URI location, List<String> setCookies) {

    public SsoSignedIn {
        setCookies = List.copyOf(setCookies);
    }
}
