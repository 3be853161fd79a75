package io.portico.oidc.internal.flow;

import io.portico.api.sso.SsoCallback;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoRequest;
import io.portico.api.sso.SsoSignIn;
import io.portico.api.sso.SsoSignedIn;
import io.portico.api.sso.SsoStart;
import io.portico.api.web.ProblemException;
import io.portico.oidc.internal.RandomValues;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSO sign-in, independent of HTTP: begin with a provider, keep the sign-in server-side, and on the provider's
 * answer check that it belongs to a sign-in this browser began, let the provider verify it, insist on a verified
 * email and hand the identity to the sign-in service. A failed check changes nothing but using up the sign-in.
 *
 * <p>The browser binding is a random value in a cookie, hashed into each pending sign-in. Without it, an attacker
 * could start a sign-in, sign in as themselves, and have a victim's browser finish it (login CSRF).
 */
final class SsoLoginFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SsoLoginFlow.class);
    private static final Pattern BINDING = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * A sign-in begun.
     *
     * @param authorizationUri where to send the browser
     * @param browserBinding the cookie value that binds the sign-in to this browser
     * @param secure whether the cookie must be {@code Secure} (the callback is https)
     */
    record Started(URI authorizationUri, String browserBinding, boolean secure) {
    }

    private final Function<String, Optional<SsoProvider>> providers;
    private final PendingLogins pending;
    private final Supplier<Optional<SsoSignIn>> signIn;
    private final Clock clock;

    SsoLoginFlow(Function<String, Optional<SsoProvider>> providers, PendingLogins pending,
            Supplier<Optional<SsoSignIn>> signIn, Clock clock) {
        this.providers = providers;
        this.pending = pending;
        this.signIn = signIn;
        this.clock = clock;
    }

    /** @param browserBinding the binding cookie the browser already has, or null */
    Started start(String providerName, URI callbackUri, String returnTo, String browserBinding)
            throws SsoException {
        SsoProvider provider = provider(providerName);
        // Refuse before the person signs in at the provider, not after.
        signInService();
        SsoStart start = provider.begin(new SsoRequest(callbackUri, ReturnTo.sanitize(returnTo)));
        String binding = browserBinding != null && BINDING.matcher(browserBinding).matches()
                ? browserBinding : RandomValues.random();
        pending.add(providerName, start, binding);
        return new Started(start.authorizationUri(), binding, "https".equals(start.redirectUri().getScheme()));
    }

    SsoSignedIn finish(String providerName, Map<String, String> parameters, String browserBinding)
            throws SsoException {
        SsoProvider provider = provider(providerName);
        try {
            SsoCallback callback = new SsoCallback(parameters);
            PendingLogin login = pendingLogin(providerName, callback, browserBinding);
            SsoIdentity identity = provider.complete(callback, login.start());
            if (identity.verifiedEmail().isEmpty()) {
                throw new SsoException(Reason.EMAIL_NOT_VERIFIED, identity.email() == null
                        ? "The identity provider did not share your email address"
                        : "The identity provider does not vouch that " + identity.email() + " is your address");
            }
            SsoSignedIn signedIn = signInService().signIn(providerName, identity, login.start().returnTo());
            LOG.info("SSO sign-in with {}: subject {} of {}", providerName, identity.subject(), identity.issuer());
            return signedIn;
        } catch (SsoException e) {
            LOG.info("SSO sign-in with {} refused ({}): {}", providerName, e.reason(), e.getMessage());
            throw e;
        }
    }

    private PendingLogin pendingLogin(String providerName, SsoCallback callback, String browserBinding)
            throws SsoException {
        String state = callback.state().orElseThrow(() -> new SsoException(Reason.INVALID_STATE,
                "The identity provider's answer carries no state"));
        PendingLogin login = pending.take(state).orElseThrow(() -> new SsoException(Reason.INVALID_STATE,
                "This sign-in is unknown or was already used; start again"));
        if (clock.instant().isAfter(login.expiresAt())) {
            throw new SsoException(Reason.INVALID_STATE, "This sign-in took too long and has expired; start again");
        }
        if (!login.provider().equals(providerName)) {
            throw new SsoException(Reason.INVALID_STATE, "This sign-in was started with another provider");
        }
        if (browserBinding == null
                || !MessageDigest.isEqual(login.browserHash(), RandomValues.sha256(browserBinding))) {
            throw new SsoException(Reason.INVALID_STATE, "This sign-in was started in another browser; start again");
        }
        return login;
    }

    private SsoProvider provider(String name) {
        return providers.apply(name).orElseThrow(() -> ProblemException.notFound("No sign-in provider '" + name + "'"));
    }

    private SsoSignIn signInService() {
        return signIn.get().orElseThrow(() -> ProblemException.unavailable("Single sign-on is not available yet: no sign-in service is running"));
    }
}
