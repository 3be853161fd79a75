package io.portico.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.IdentityHarness;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.session.NewSession;
import io.portico.identity.internal.session.SessionService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A session's lookup serves the cookie's next requests, and every identity write on this node ends that at once. */
class AuthenticatorTest {

    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(
                new CustomerOrganization("C1", "Acme", List.of(), null, "USD", null, Map.of())).id();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    private static String signedIn(String email) {
        long user = portal.user(email, "correct horse battery", acme, Role.ADMIN);
        NewSession session = portal.store.write(s -> portal.sessions.start(s, user, acme, SessionService.PASSWORD,
                false, new Client("127.0.0.1", "test", false)));
        return session.token();
    }

    @Test
    void aLookupAnswersTheCookiesNextRequestsUntilAnIdentityWrite() {
        String cookie = signedIn("ann@acme.example");
        Authentication first = portal.authenticator.authenticate(cookie, null);
        assertEquals(Authentication.State.SIGNED_IN, first.state());
        assertSame(first, portal.authenticator.authenticate(cookie, null), "the same lookup, not a new one");

        portal.store.write(s -> portal.sessions.endAll(s, -1L)); // a write that changes nothing of Ann's
        Authentication reread = portal.authenticator.authenticate(cookie, null);
        assertEquals(Authentication.State.SIGNED_IN, reread.state());
        assertNotSame(first, reread, "any identity write makes the next request read again");
    }

    @Test
    void signingOutEndsTheSessionAtTheNextRequest() {
        String cookie = signedIn("bob@acme.example");
        assertEquals(Authentication.State.SIGNED_IN, portal.authenticator.authenticate(cookie, null).state());
        portal.store.write(s -> {
            portal.sessions.end(s, Tokens.hash(cookie));
            return null;
        });
        assertSame(Authentication.ANONYMOUS, portal.authenticator.authenticate(cookie, null));
    }

    @Test
    void aCookieOfNoSessionIsAnonymous() {
        assertSame(Authentication.ANONYMOUS, portal.authenticator.authenticate(Tokens.newToken(), null));
        assertSame(Authentication.ANONYMOUS, portal.authenticator.authenticate(null, null));
    }
}
