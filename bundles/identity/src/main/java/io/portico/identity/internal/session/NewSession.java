package io.portico.identity.internal.session;

import java.time.Instant;

/**
 * A session just started: the only moment its id exists in the clear, to be put in the cookie.
 *
 * @param token the session id for the cookie
 * @param csrfToken the session's CSRF token
 * @param expiresAt the absolute end of the session
 */
public record NewSession(String token, String csrfToken, Instant expiresAt) {
}
