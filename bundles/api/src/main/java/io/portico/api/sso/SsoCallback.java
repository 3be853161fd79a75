package io.portico.api.sso;

import java.util.Map;
import java.util.Optional;

/**
 * The provider's answer as the browser brought it back: the callback's query parameters.
 *
 * @param parameters every query parameter (the first value of each)
 */
public record SsoCallback(Map<String, String> parameters) {

    public SsoCallback {
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isEmpty());
    }

    public Optional<String> state() {
        return parameter("state");
    }

    public Optional<String> code() {
        return parameter("code");
    }

    /** The OAuth error code when the provider refused, for example {@code access_denied}. */
    public Optional<String> error() {
        return parameter("error");
    }

    /** Keeps the authorization code out of logs. */
    @Override
    public String toString() {
        return "SsoCallback" + parameters.keySet();
    }
}
