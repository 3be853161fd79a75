package io.portico.identity.internal.session;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Set-Cookie} values for the session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent with
 * cross-site form posts), Secure whenever the portal is served over TLS, and no longer-lived than the session.
 */
public final class SessionCookies {

    public static final String SESSION = "portico_session";

    private SessionCookies() {
    }

    public static String create(NewSession session, boolean secure, Instant now) {
        long maxAge = Math.max(0, Duration.between(now, session.expiresAt()).getSeconds());
        return cookie(SESSION, session.token(), maxAge, secure);
    }

    public static String clear(boolean secure) {
        return cookie(SESSION, "", 0, secure);
    }

    /** A cookie with Portico's attributes; {@code maxAge} 0 deletes it. */
    public static String cookie(String name, String value, long maxAge, boolean secure) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
