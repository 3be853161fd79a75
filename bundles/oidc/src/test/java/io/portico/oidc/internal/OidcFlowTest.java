package io.portico.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import io.portico.api.sso.SsoCallback;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoRequest;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.OidcSettings;
import io.portico.oidc.TokenEndpointAuth;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole authorization code flow against a real OIDC server, genuine and forged. */
class OidcFlowTest {

    private static final URI CALLBACK = URI.create("http://localhost:8181/auth/sso/mock/callback");
    private static final String TENANT_A = "0b5e7a54-3c1a-4f7e-9a0e-5d2b8f1c6a11";
    private static final String TENANT_B = "7f3c2d19-8e4b-4a6f-b1d2-9c0e5a7b3f22";
    private static final Map<String, Object> VERIFIED_ANN = Map.of("email", "ann@acme.example",
            "email_verified", true, "name", "Ann Example");

    private static MockIdp idp;
    private static OidcProvidersComponent providers;

    @BeforeAll
    static void startServer() throws Exception {
        idp = new MockIdp();
        providers = new OidcProvidersComponent(MockIdp.PLAIN_SECRETS, HttpJson.defaultClient(), Clock.systemUTC());
    }

    @AfterAll
    static void stopServer() {
        idp.close();
    }

    @Test
    void signsInWithTheAuthorizationCodeAndPkce() throws Exception {
        SsoProvider provider = provider("portico");
        idp.nextToken("portico", "ann-subject", VERIFIED_ANN, 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/invoices"));
        Map<String, String> authorization = MockIdp.query(start.authorizationUri());
        assertEquals("code", authorization.get("response_type"));
        assertEquals("S256", authorization.get("code_challenge_method"));
        assertEquals(RandomValues.s256Challenge(start.codeVerifier()), authorization.get("code_challenge"));
        assertEquals(start.nonce(), authorization.get("nonce"));
        assertEquals(CALLBACK.toString(), authorization.get("redirect_uri"));

        SsoIdentity identity = provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);

        assertEquals(idp.issuer("portico"), identity.issuer());
        assertEquals("ann-subject", identity.subject());
        assertEquals("ann@acme.example", identity.verifiedEmail().orElseThrow());
        assertEquals("Ann Example", identity.name());
        assertEquals("/invoices", start.returnTo());
    }

    @Test
    void eachSignInHasItsOwnStateNonceAndVerifier() throws SsoException {
        SsoProvider provider = provider("portico");
        SsoStart first = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoStart second = provider.begin(new SsoRequest(CALLBACK, "/"));

        assertNotEquals(first.state(), second.state());
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.codeVerifier(), second.codeVerifier());
    }

    @Test
    void aWrongPkceVerifierCannotRedeemTheCode() throws Exception {
        SsoProvider provider = provider("portico");
        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        Map<String, String> callback = idp.authorize(start.authorizationUri());
        SsoStart stolen = new SsoStart(start.authorizationUri(), start.state(), start.nonce(),
                RandomValues.random(), start.redirectUri(), start.returnTo(), Map.of());

        SsoException e = assertThrows(SsoException.class, () -> provider.complete(new SsoCallback(callback), stolen));
        assertEquals(Reason.PROVIDER_ERROR, e.reason());
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    }

    @Test
    void aCodeCannotBeRedeemedTwice() throws Exception {
        SsoProvider provider = provider("portico");
        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoCallback callback = new SsoCallback(idp.authorize(start.authorizationUri()));
        provider.complete(callback, start);

        assertEquals(Reason.PROVIDER_ERROR,
                assertThrows(SsoException.class, () -> provider.complete(callback, start)).reason());
    }

    @Test
    void forgedAudience() {
        assertEquals(Reason.WRONG_AUDIENCE, forged("portico", Map.of("aud", "another-app"), 3600).reason());
    }

    @Test
    void forgedNonce() {
        assertEquals(Reason.WRONG_NONCE, forged("portico", Map.of("nonce", "from-another-sign-in"), 3600).reason());
    }

    @Test
    void forgedIssuer() {
        assertEquals(Reason.WRONG_ISSUER, forged("portico", Map.of("iss", "https://evil.example.com"), 3600).reason());
    }

    @Test
    void expiredToken() {
        SsoException e = forged("portico", Map.of(), -600);
        assertEquals(Reason.EXPIRED, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void tokenNotSignedWithThePublishedKeys() throws Exception {
        JWKSet forgedKeys = new JWKSet(TestTokens.rsaKey("forged").toPublicJWK());
        URI discovery = idp.discoveryWithKeys("forged-keys", forgedKeys);
        SsoProvider provider = providers.create(settings("forged-keys").discoveryUri(discovery).build());

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoException e = assertThrows(SsoException.class,
                () -> provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void unverifiedEmailIsReportedAsUnverified() throws Exception {
        SsoProvider provider = provider("portico");
        idp.nextToken("portico", "ann-subject", Map.of("email", "ann@acme.example", "email_verified", false), 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoIdentity identity = provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);

        assertFalse(identity.emailVerified());
        assertTrue(identity.verifiedEmail().isEmpty());
    }

    @Test
    void anAnswerForAnotherSignInIsRefused() throws Exception {
        SsoProvider provider = provider("portico");
        SsoStart mine = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoStart theirs = provider.begin(new SsoRequest(CALLBACK, "/"));
        Map<String, String> theirAnswer = idp.authorize(theirs.authorizationUri());

        assertEquals(Reason.INVALID_STATE, assertThrows(SsoException.class,
                () -> provider.complete(new SsoCallback(theirAnswer), mine)).reason());
    }

    @Test
    void theProvidersRefusalIsPassedOn() throws SsoException {
        SsoProvider provider = provider("portico");
        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));

        SsoException e = assertThrows(SsoException.class, () -> provider.complete(new SsoCallback(Map.of(
                "error", "access_denied", "error_description", "The user cancelled", "state", start.state())), start));
        assertEquals(Reason.PROVIDER_ERROR, e.reason());
        assertTrue(e.getMessage().contains("access_denied: The user cancelled"), e.getMessage());
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefused() throws Exception {
        SsoProvider provider = provider("portico");
        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        Map<String, String> answer = new HashMap<>(idp.authorize(start.authorizationUri()));
        answer.put("iss", "https://evil.example.com");

        assertEquals(Reason.WRONG_ISSUER, assertThrows(SsoException.class,
                () -> provider.complete(new SsoCallback(answer), start)).reason());
    }

    @Test
    void aDiscoveryDocumentForAnotherIssuerIsRefused() {
        SsoProvider provider = providers.create(settings("portico").issuer("https://accounts.example.com")
                .discoveryUri(URI.create(idp.issuer("portico") + "/.well-known/openid-configuration")).build());

        SsoException e = assertThrows(SsoException.class, () -> provider.begin(new SsoRequest(CALLBACK, "/")));
        assertEquals(Reason.PROVIDER_UNAVAILABLE, e.reason());
    }

    @Test
    void clientSecretPostAndAPublicRedirectBaseWork() throws Exception {
        SsoProvider provider = providers.create(settings("portico").issuer(idp.issuer("portico"))
                .tokenEndpointAuth(TokenEndpointAuth.CLIENT_SECRET_POST)
                .redirectBaseUri(URI.create("https://portal.example.com/")).build());

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        assertEquals(URI.create("https://portal.example.com/auth/sso/mock/callback"), start.redirectUri());
        assertEquals("https://portal.example.com/auth/sso/mock/callback",
                MockIdp.query(start.authorizationUri()).get("redirect_uri"));
        // The mock answers to any redirect address; the code is redeemed with the same one.
        provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);
    }

    @Test
    void entraMultiTenantIssuerIsCheckedAgainstTheTokensTenant() throws Exception {
        URI discovery = idp.multiTenantDiscovery(TENANT_A);
        SsoProvider provider = entra(discovery, Set.of());
        idp.nextToken(TENANT_A + "/v2.0", "entra-subject",
                Map.of("tid", TENANT_A, "email", "ann@acme.example", "xms_edov", true), 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoIdentity identity = provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);

        assertEquals(TENANT_A, identity.tenantId());
        assertEquals(idp.issuer(TENANT_A + "/v2.0"), identity.issuer());
        assertEquals("ann@acme.example", identity.verifiedEmail().orElseThrow());
    }

    @Test
    void entraTokenWhoseTenantDoesNotMatchItsIssuerIsRefused() throws Exception {
        SsoProvider provider = entra(idp.multiTenantDiscovery(TENANT_A), Set.of());
        idp.nextToken(TENANT_A + "/v2.0", "entra-subject", Map.of("tid", TENANT_B, "email", "ann@acme.example",
                "xms_edov", true), 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        assertEquals(Reason.WRONG_ISSUER, assertThrows(SsoException.class,
                () -> provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start)).reason());
    }

    @Test
    void entraTenantOutsideTheAllowedOnesIsRefused() throws Exception {
        SsoProvider provider = entra(idp.multiTenantDiscovery(TENANT_A), Set.of(TENANT_B));
        idp.nextToken(TENANT_A + "/v2.0", "entra-subject", Map.of("tid", TENANT_A, "email", "ann@acme.example",
                "xms_edov", true), 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        assertEquals(Reason.TENANT_NOT_ALLOWED, assertThrows(SsoException.class,
                () -> provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start)).reason());
    }

    @Test
    void entraEmailWithoutDomainOwnerVerificationIsUnverified() throws Exception {
        SsoProvider provider = entra(idp.multiTenantDiscovery(TENANT_A), Set.of());
        idp.nextToken(TENANT_A + "/v2.0", "entra-subject", Map.of("tid", TENANT_A, "email", "ann@acme.example",
                "preferred_username", "ann@acme.example"), 3600);

        SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
        SsoIdentity identity = provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);
        assertFalse(identity.emailVerified());
    }

    /** Runs a sign-in whose token carries the given (forged) claims and returns why it was refused. */
    private static SsoException forged(String issuerId, Map<String, Object> claims, long lifetimeSeconds) {
        SsoProvider provider = provider(issuerId);
        Map<String, Object> all = new HashMap<>(VERIFIED_ANN);
        all.putAll(claims);
        idp.nextToken(issuerId, "ann-subject", all, lifetimeSeconds);
        return assertThrows(SsoException.class, () -> {
            SsoStart start = provider.begin(new SsoRequest(CALLBACK, "/"));
            provider.complete(new SsoCallback(idp.authorize(start.authorizationUri())), start);
        });
    }

    private static SsoProvider provider(String issuerId) {
        return providers.create(settings(issuerId).issuer(idp.issuer(issuerId)).build());
    }

    private static SsoProvider entra(URI discovery, Set<String> allowedTenants) {
        return providers.create(settings("entra").discoveryUri(discovery).emailVerifiedClaim("xms_edov")
                .allowedTenants(allowedTenants).build());
    }

    private static OidcSettings.Builder settings(String name) {
        return OidcSettings.builder(name).clientId(MockIdp.CLIENT_ID).clientSecret("secret");
    }
}
