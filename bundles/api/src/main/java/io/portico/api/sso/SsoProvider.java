package io.portico.api.sso;

import org.osgi.annotation.versioning.ConsumerType;

/** A sign-in provider (for example an OIDC identity provider), registered with a {@code PluginName}. */
@ConsumerType
public interface SsoProvider {

    /** The label on the sign-in button, e.g. "Sign in with Google". */
    String buttonLabel();
}
