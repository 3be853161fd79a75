package io.portico.oidc.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import io.portico.api.sso.SsoCallback;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoRequest;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.OidcSettings;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in against one OpenID Connect issuer: the authorization code flow with PKCE (S256), state and nonce, and the
 * ID token checked against the issuer's published keys. Holds no per-sign-in state: everything needed to finish a
 * sign-in travels in the {@link SsoStart} the platform keeps.
 */
final class OidcSsoProvider implements SsoProvider {

    private static final int MAX_ERROR_TEXT = 200;

    private final OidcSettings settings;
    private final DiscoveryCache discovery;
    private final JwksCache keys;
    private final TokenClient tokens;
    private final Clock clock;

    /** @param settings the settings with the client secret already revealed */
    OidcSsoProvider(OidcSettings settings, DiscoveryCache discovery, JwksCache keys, TokenClient tokens,
            Clock clock) {
        this.settings = settings;
        this.discovery = discovery;
        this.keys = keys;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public String buttonLabel() {
        return settings.buttonLabel();
    }

    @Override
    public SsoStart begin(SsoRequest request) throws SsoException {
        ProviderMetadata metadata = metadata();
        String state = RandomValues.random();
        String nonce = RandomValues.random();
        String codeVerifier = RandomValues.random();
        URI redirectUri = redirectUri(request.callbackUri());

        // Hints first, so that nothing can override the protocol parameters that follow.
        Map<String, String> query = new LinkedHashMap<>(settings.authorizationParameters());
        query.putAll(request.properties());
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", String.join(" ", settings.scopes()));
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", RandomValues.s256Challenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        URI authorization = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + FormEncoding.encode(query));
        return new SsoStart(authorization, state, nonce, codeVerifier, redirectUri, request.returnTo(), Map.of());
    }

    @Override
    public SsoIdentity complete(SsoCallback callback, SsoStart start) throws SsoException {
        if (callback.error().isPresent()) {
            String description = callback.parameter("error_description").map(d -> ": " + d).orElse("");
            throw new SsoException(Reason.PROVIDER_ERROR, clip("The identity provider did not sign you in ("
                    + callback.error().get() + description + ")"));
        }
        if (!RandomValues.same(callback.state().orElse(null), start.state())) {
            throw new SsoException(Reason.INVALID_STATE, "The answer does not belong to this sign-in (state differs)");
        }
        ProviderMetadata metadata = metadata();
        checkResponseIssuer(callback, metadata);
        String code = callback.code().orElseThrow(() -> new SsoException(Reason.PROVIDER_ERROR,
                "The identity provider sent no authorization code"));

        String idToken = tokens.redeem(metadata, settings, code, start);
        JWTClaimsSet claims = IdTokenSignature.verify(idToken,
                IdTokenSignature.accepted(metadata.idTokenSigningAlgs()),
                keyId -> keys.keys(metadata.jwksUri(), keyId));
        IdTokenClaims.check(claims, new IdTokenRules(metadata.issuer(), settings.issuerAliases(),
                settings.clientId(), start.nonce(), settings.allowedTenants(), settings.clockSkew()), clock.instant());
        return IdentityMapping.identity(claims, settings.emailVerifiedClaim());
    }

    private ProviderMetadata metadata() throws SsoException {
        ProviderMetadata metadata = discovery.get(settings.discoveryUri());
        if (settings.issuer().isPresent() && !settings.issuer().get().equals(metadata.issuer())) {
            throw new SsoException(Reason.PROVIDER_UNAVAILABLE, "The discovery document at "
                    + settings.discoveryUri() + " is for issuer '" + metadata.issuer() + "', not '"
                    + settings.issuer().get() + "'");
        }
        return metadata;
    }

    /** RFC 9207: an issuer that names itself in the answer must be ours (defends against mix-up attacks). */
    private void checkResponseIssuer(SsoCallback callback, ProviderMetadata metadata) throws SsoException {
        String answeredBy = callback.parameter("iss").orElse(null);
        if (answeredBy == null || metadata.issuer().contains(OidcSettings.TENANT_PLACEHOLDER)) {
            return;
        }
        if (!answeredBy.equals(metadata.issuer()) && !settings.issuerAliases().contains(answeredBy)) {
            throw new SsoException(Reason.WRONG_ISSUER, clip("The answer came from issuer '" + answeredBy
                    + "', not from '" + metadata.issuer() + "'"));
        }
    }

    private URI redirectUri(URI callbackUri) {
        return settings.redirectBaseUri()
                .map(base -> URI.create(base.toString().replaceAll("/+$", "") + callbackUri.getRawPath()))
                .orElse(callbackUri);
    }

    private static String clip(String text) {
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text;
    }
}
