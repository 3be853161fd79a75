package io.portico.identity.internal.session;

import io.portico.identity.internal.Client;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.store.IdentityStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Browser sessions in PostgreSQL, so that any node serves any request. A session ends when it has been idle too
 * long, at its absolute expiry, at sign-out, or when the user signs out everywhere or changes their password.
 */
@Component(service = SessionService.class)
public final class SessionService {

    public static final String PASSWORD = "password";
    public static final String SSO = "sso";

    private final IdentityStore store;
    private final IdentitySettings settings;

    @Activate
    public SessionService(@Reference IdentityStore store, @Reference IdentitySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Starts a session inside the caller's transaction. */
    public NewSession start(SqlSession session, long userId, Long organizationId, String method, boolean mfaPending,
            Client client) {
        String token = Tokens.newToken();
        String csrf = Tokens.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(settings.sessionAbsolute());
        SessionMapper mapper = session.getMapper(SessionMapper.class);
        mapper.deleteDead(idleMinutes());
        mapper.insert(new SessionRecord(Tokens.hash(token), userId, organizationId, method, mfaPending, csrf, now,
                now, expires, client.ip(), client.userAgent(), null, null));
        return new NewSession(token, csrf, expires);
    }

    /** The live session for a cookie value, read in the caller's session: a request's lookups share one connection. */
    public Optional<SessionRecord> find(SqlSession session, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.getMapper(SessionMapper.class).findLive(Tokens.hash(token), idleMinutes()));
    }

    /**
     * Marks a session as used, at most once a minute. Called after the lookup's connection went back to the pool:
     * a request never holds two connections at once, which under load would leave every request waiting for a second.
     */
    public void touch(SessionRecord live) {
        if (live.lastSeenAt().isBefore(Instant.now().minusSeconds(60))) {
            store.write(SessionMapper.class, m -> m.touch(live.idHash()));
        }
    }

    public void setOrganization(SqlSession session, byte[] idHash, Long organizationId) {
        session.getMapper(SessionMapper.class).setOrganization(idHash, organizationId);
    }

    public void end(SqlSession session, byte[] idHash) {
        session.getMapper(SessionMapper.class).delete(idHash);
    }

    /** Ends every session of a user; returns how many. */
    public int endAll(SqlSession session, long userId) {
        return session.getMapper(SessionMapper.class).deleteForUser(userId);
    }

    public String cookie(NewSession session, Client client) {
        return SessionCookies.create(session, secure(client), Instant.now());
    }

    public String clearCookie(Client client) {
        return SessionCookies.clear(secure(client));
    }

    /** Cookies are Secure when this request or the portal's public address uses TLS. */
    public boolean secure(Client client) {
        return client.secure() || settings.httpsOnly();
    }

    private int idleMinutes() {
        return (int) settings.sessionIdle().toMinutes();
    }
}
