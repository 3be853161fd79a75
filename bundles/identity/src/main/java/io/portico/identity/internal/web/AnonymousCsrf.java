package io.portico.identity.internal.web;

import io.portico.api.web.ProblemException;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.session.SessionCookies;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

/**
 * CSRF protection for the forms used before sign-in (sign-in, registration, password reset, invitations): a random
 * token in a cookie that the form must repeat. A cross-site page can make the browser post, but cannot read or set
 * the cookie, so it cannot repeat it; this also stops an attacker from signing a victim in to the attacker's account.
 */
final class AnonymousCsrf {

    static final String COOKIE = "portico_csrf";

    private AnonymousCsrf() {
    }

    /** The token for a form: the browser's current one, or a new one that {@link #setCookie} must deliver. */
    static String token(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie != null && Tokens.wellFormed(cookie.getValue()) ? cookie.getValue() : Tokens.newToken();
    }

    static String setCookie(String token, boolean secure) {
        return SessionCookies.cookie(COOKIE, token, 24 * 3600, secure);
    }

    /** @throws io.portico.api.web.ProblemException 403 when the form's token does not match the cookie */
    static void check(HttpHeaders headers, String formToken) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || !Tokens.same(cookie.getValue(), formToken)) {
            throw ProblemException.forbidden("This form has expired. Reload the page and try again.");
        }
    }
}
