package io.portico.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to sign in against one OpenID Connect issuer. Build with {@link #builder(String)}; only the client id and the
 * issuer (or its discovery address) are required.
 */
public final class OidcSettings {

    /** The issuer address placeholder that multi-tenant issuers (Microsoft Entra ID) put into their discovery. */
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private final String name;
    private final String buttonLabel;
    private final String issuer;
    private final URI discoveryUri;
    private final Set<String> issuerAliases;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final Set<String> allowedTenants;
    private final URI redirectBaseUri;
    private final String emailVerifiedClaim;
    private final TokenEndpointAuth tokenEndpointAuth;
    private final Map<String, String> authorizationParameters;
    private final Duration clockSkew;

    private OidcSettings(Builder b) {
        name = b.name;
        buttonLabel = b.buttonLabel == null ? "Sign in with " + b.name : b.buttonLabel;
        issuer = blankToNull(b.issuer);
        if (b.discoveryUri != null) {
            discoveryUri = b.discoveryUri;
        } else if (issuer != null) {
            discoveryUri = URI.create(issuer.replaceAll("/+$", "") + WELL_KNOWN);
        } else {
            throw new IllegalArgumentException(name + ": set the issuer or the discovery address");
        }
        issuerAliases = Set.copyOf(b.issuerAliases);
        clientId = blankToNull(b.clientId);
        if (clientId == null) {
            throw new IllegalArgumentException(name + ": the client id is required");
        }
        clientSecret = b.clientSecret == null ? "" : b.clientSecret;
        scopes = List.copyOf(b.scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException(name + ": the scopes must include openid");
        }
        allowedTenants = b.allowedTenants.stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        redirectBaseUri = b.redirectBaseUri;
        emailVerifiedClaim = b.emailVerifiedClaim;
        tokenEndpointAuth = b.tokenEndpointAuth;
        authorizationParameters = Map.copyOf(b.authorizationParameters);
        clockSkew = b.clockSkew;
    }

    /** @param name the provider's plugin name, used in logs and messages */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String buttonLabel() {
        return buttonLabel;
    }

    /** The issuer the discovery document must name, when it is known up front. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    public URI discoveryUri() {
        return discoveryUri;
    }

    /** Other spellings of the issuer that ID tokens may carry (Google: {@code accounts.google.com}). */
    public Set<String> issuerAliases() {
        return issuerAliases;
    }

    public String clientId() {
        return clientId;
    }

    /** The client secret as configured: plain, or sealed as {@code ENC(...)}. */
    public String clientSecret() {
        return clientSecret;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** Lower-case tenant ids ({@code tid}) allowed to sign in; empty allows every tenant. */
    public Set<String> allowedTenants() {
        return allowedTenants;
    }

    /** The public base address (scheme, host, port) of the callback, when the server sits behind a proxy. */
    public Optional<URI> redirectBaseUri() {
        return Optional.ofNullable(redirectBaseUri);
    }

    /** The boolean claim by which the issuer vouches for the {@code email} claim. */
    public String emailVerifiedClaim() {
        return emailVerifiedClaim;
    }

    public TokenEndpointAuth tokenEndpointAuth() {
        return tokenEndpointAuth;
    }

    /** Extra parameters of the authorization request, e.g. {@code prompt=select_account}. */
    public Map<String, String> authorizationParameters() {
        return authorizationParameters;
    }

    /** How far the issuer's clock may be off from ours when checking token times. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** A copy with a different client secret (the revealed one). */
    public OidcSettings withClientSecret(String secret) {
        return toBuilder().clientSecret(secret).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(name).buttonLabel(buttonLabel).issuer(issuer).discoveryUri(discoveryUri)
                .issuerAliases(issuerAliases).clientId(clientId).clientSecret(clientSecret).scopes(scopes)
                .allowedTenants(allowedTenants).redirectBaseUri(redirectBaseUri)
                .emailVerifiedClaim(emailVerifiedClaim).tokenEndpointAuth(tokenEndpointAuth)
                .clockSkew(clockSkew);
        b.authorizationParameters.putAll(authorizationParameters);
        return b;
    }

    /** Never shows the client secret. */
    @Override
    public String toString() {
        return "OidcSettings[" + name + ", discovery=" + discoveryUri + ", clientId=" + clientId + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static final class Builder {

        private final String name;
        private String buttonLabel;
        private String issuer;
        private URI discoveryUri;
        private Set<String> issuerAliases = Set.of();
        private String clientId;
        private String clientSecret;
        private List<String> scopes = List.of("openid", "email", "profile");
        private Set<String> allowedTenants = Set.of();
        private URI redirectBaseUri;
        private String emailVerifiedClaim = "email_verified";
        private TokenEndpointAuth tokenEndpointAuth = TokenEndpointAuth.AUTO;
        private final Map<String, String> authorizationParameters = new LinkedHashMap<>();
        private Duration clockSkew = Duration.ofSeconds(60);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder buttonLabel(String label) {
            this.buttonLabel = label == null || label.isBlank() ? null : label;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder discoveryUri(URI discoveryUri) {
            this.discoveryUri = discoveryUri;
            return this;
        }

        public Builder issuerAliases(Set<String> aliases) {
            this.issuerAliases = Set.copyOf(aliases);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        public Builder allowedTenants(Set<String> tenants) {
            this.allowedTenants = Set.copyOf(tenants);
            return this;
        }

        public Builder redirectBaseUri(URI base) {
            this.redirectBaseUri = base;
            return this;
        }

        public Builder emailVerifiedClaim(String claim) {
            this.emailVerifiedClaim = Objects.requireNonNull(claim, "emailVerifiedClaim");
            return this;
        }

        public Builder tokenEndpointAuth(TokenEndpointAuth auth) {
            this.tokenEndpointAuth = Objects.requireNonNull(auth, "tokenEndpointAuth");
            return this;
        }

        public Builder authorizationParameter(String name, String value) {
            authorizationParameters.put(name, value);
            return this;
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "clockSkew");
            return this;
        }

        /** @throws IllegalArgumentException when a required setting is missing */
        public OidcSettings build() {
            return new OidcSettings(this);
        }
    }
}
