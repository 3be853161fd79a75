package io.portico.oidc.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoSignIn;
import io.portico.api.sso.SsoSignedIn;
import io.portico.api.web.ProblemException;
import io.portico.oidc.OidcSettings;
import io.portico.oidc.internal.MockIdp;
import io.portico.testing.MutableClock;
import io.portico.oidc.internal.OidcProvidersComponent;
import io.portico.oidc.internal.RandomValues;
import io.portico.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in flow with its PostgreSQL table, against a real OIDC server. */
class SsoLoginFlowTest {

    private static final URI CALLBACK = URI.create("http://localhost:8181/auth/sso/mock/callback");

    private static MockIdp idp;
    private static TestDatabase database;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final RecordingSignIn signIn = new RecordingSignIn();
    private final Map<String, SsoProvider> providers = new HashMap<>();
    private SsoSignIn availableSignIn = signIn;
    private SsoLoginFlow flow;

    @BeforeAll
    static void start() throws Exception {
        idp = new MockIdp();
        database = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        idp.close();
        database.close();
    }

    @BeforeEach
    void flow() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM sso_pending_login")) {
            s.executeUpdate();
        }
        OidcProvidersComponent oidc = new OidcProvidersComponent(MockIdp.PLAIN_SECRETS);
        providers.put("mock", oidc.create(settings("mock")));
        providers.put("other", oidc.create(settings("other")));
        flow = new SsoLoginFlow(name -> Optional.ofNullable(providers.get(name)),
                new PendingLogins(database.database().sessionFactory(PendingLoginMapper.class), clock,
                        Duration.ofMinutes(10)),
                () -> Optional.ofNullable(availableSignIn), clock);
    }

    @Test
    void signsInAndHandsTheVerifiedIdentityToTheSignInService() throws Exception {
        verifiedToken("mock");
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/invoices?page=2", null);

        SsoSignedIn signedIn = flow.finish("mock", idp.authorize(started.authorizationUri()),
                started.browserBinding());

        assertEquals(URI.create("/signed-in"), signedIn.location());
        assertEquals(1, signIn.identities.size());
        assertEquals("ann@acme.example", signIn.identities.get(0).verifiedEmail().orElseThrow());
        assertEquals("/invoices?page=2", signIn.returnTos.get(0));
        assertEquals(0, pendingRows());
    }

    @Test
    void theStateIsKeptOnlyAsAHash() throws Exception {
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);
        String state = MockIdp.query(started.authorizationUri()).get("state");

        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM sso_pending_login WHERE state_hash = sha256(convert_to(?, 'UTF8'))")) {
            s.setString(1, state);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void anAnswerIsUsableOnce() throws Exception {
        verifiedToken("mock");
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);
        Map<String, String> answer = idp.authorize(started.authorizationUri());
        flow.finish("mock", answer, started.browserBinding());

        assertEquals(Reason.INVALID_STATE, refused("mock", answer, started.browserBinding()).reason());
        assertEquals(1, signIn.identities.size());
    }

    @Test
    void anotherBrowserCannotFinishTheSignIn() throws Exception {
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);
        Map<String, String> answer = idp.authorize(started.authorizationUri());

        SsoException e = refused("mock", answer, RandomValues.random());
        assertEquals(Reason.INVALID_STATE, e.reason());
        assertTrue(e.getMessage().contains("another browser"), e.getMessage());
        assertTrue(signIn.identities.isEmpty());
        // The attempt used the sign-in up: the right browser cannot finish it either.
        assertEquals(Reason.INVALID_STATE, refused("mock", answer, started.browserBinding()).reason());
    }

    @Test
    void aBrowserWithoutTheCookieCannotFinishTheSignIn() throws Exception {
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);

        assertEquals(Reason.INVALID_STATE,
                refused("mock", idp.authorize(started.authorizationUri()), null).reason());
    }

    @Test
    void aSignInExpires() throws Exception {
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);
        Map<String, String> answer = idp.authorize(started.authorizationUri());
        clock.advance(Duration.ofMinutes(11));

        SsoException e = refused("mock", answer, started.browserBinding());
        assertEquals(Reason.INVALID_STATE, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aSignInStartedWithAnotherProviderIsRefused() throws Exception {
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);

        assertEquals(Reason.INVALID_STATE, refused("other", idp.authorize(started.authorizationUri()),
                started.browserBinding()).reason());
    }

    @Test
    void anUnverifiedEmailChangesNothing() throws Exception {
        idp.nextToken("mock", "ann", Map.of("email", "ann@acme.example", "email_verified", false), 3600);
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);

        SsoException e = refused("mock", idp.authorize(started.authorizationUri()), started.browserBinding());
        assertEquals(Reason.EMAIL_NOT_VERIFIED, e.reason());
        assertTrue(e.getMessage().contains("ann@acme.example"), e.getMessage());
        assertTrue(signIn.identities.isEmpty());
        assertEquals(0, pendingRows());
    }

    @Test
    void aForgedTokenChangesNothing() throws Exception {
        idp.nextToken("mock", "ann", Map.of("email", "ann@acme.example", "email_verified", true,
                "aud", "another-app"), 3600);
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "/", null);

        assertEquals(Reason.WRONG_AUDIENCE,
                refused("mock", idp.authorize(started.authorizationUri()), started.browserBinding()).reason());
        assertTrue(signIn.identities.isEmpty());
    }

    @Test
    void onlyLocalPathsAreReturnedTo() throws Exception {
        verifiedToken("mock");
        SsoLoginFlow.Started started = flow.start("mock", CALLBACK, "https://evil.example.com/", null);
        flow.finish("mock", idp.authorize(started.authorizationUri()), started.browserBinding());

        assertEquals("/", signIn.returnTos.get(0));
    }

    @Test
    void aBrowserKeepsItsBindingAcrossSignIns() throws Exception {
        SsoLoginFlow.Started first = flow.start("mock", CALLBACK, "/", null);
        SsoLoginFlow.Started second = flow.start("mock", CALLBACK, "/", first.browserBinding());
        SsoLoginFlow.Started tampered = flow.start("mock", CALLBACK, "/", "not-a-binding");

        assertEquals(first.browserBinding(), second.browserBinding());
        assertNotEquals("not-a-binding", tampered.browserBinding());
    }

    @Test
    void unknownProviderIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> flow.start("nobody", CALLBACK, "/", null)).status());
    }

    @Test
    void withoutASignInServiceNobodyIsSentToTheProvider() throws SQLException {
        availableSignIn = null;

        assertEquals(503, assertThrows(ProblemException.class,
                () -> flow.start("mock", CALLBACK, "/", null)).status());
        assertEquals(0, pendingRows());
    }

    private SsoException refused(String provider, Map<String, String> answer, String binding) {
        return assertThrows(SsoException.class, () -> flow.finish(provider, answer, binding));
    }

    private static void verifiedToken(String issuerId) {
        idp.nextToken(issuerId, "ann", Map.of("email", "ann@acme.example", "email_verified", true), 3600);
    }

    private static OidcSettings settings(String issuerId) {
        return OidcSettings.builder(issuerId).issuer(idp.issuer(issuerId)).clientId(MockIdp.CLIENT_ID)
                .clientSecret("secret").build();
    }

    private static int pendingRows() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sso_pending_login");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The identity bundle's sign-in service, as far as the flow can tell. */
    private static final class RecordingSignIn implements SsoSignIn {
        final List<SsoIdentity> identities = new ArrayList<>();
        final List<String> returnTos = new ArrayList<>();

        @Override
        public SsoSignedIn signIn(String provider, SsoIdentity identity, String returnTo) {
            identities.add(identity);
            returnTos.add(returnTo);
            return new SsoSignedIn(URI.create("/signed-in"), List.of("portico_session=s; Path=/; HttpOnly"));
        }
    }
}
