package io.portico.identity.internal.signin;

import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.session.NewSession;

/**
 * A sign-in step that succeeded.
 *
 * @param session the new session, for the cookie
 * @param next where the person stands now: MFA still to do, an organization to choose, or signed in
 */
public record SignInOutcome(NewSession session, Authentication.State next) {
}
