package io.portico.identity.internal.auth;

import io.portico.api.identity.PortalUser;
import io.portico.identity.internal.session.SessionRecord;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserRecord;
import java.util.List;
import java.util.Optional;

/**
 * What a request's credentials amount to.
 *
 * @param state how far the person got
 * @param user the portal user when {@link State#SIGNED_IN}, else {@code null}
 * @param session the browser session, or {@code null} for anonymous and API-token requests
 * @param account the user's account, or {@code null} when anonymous
 * @param memberships the memberships the user may act in now (approved, organization not archived)
 */
public record Authentication(State state, PortalUser user, SessionRecord session, UserRecord account,
        List<MembershipRecord> memberships) {

    public enum State {
        ANONYMOUS,
        /** The password was right; the TOTP code (or MFA enrolment, when required) is still to come. */
        MFA_PENDING,
        /** Signed in with several organizations and none chosen yet (or the chosen one went away). */
        CHOOSING_ORGANIZATION,
        SIGNED_IN
    }

    public static final Authentication ANONYMOUS = new Authentication(State.ANONYMOUS, null, null, null, List.of());

    public Authentication {
        memberships = List.copyOf(memberships);
    }

    public Optional<PortalUser> portalUser() {
        return Optional.ofNullable(user);
    }

    /** The session's CSRF token, or {@code null} without a browser session. */
    public String csrfToken() {
        return session == null ? null : session.csrfToken();
    }

    /** Whether the request has a browser session past the password (signed in, or choosing an organization). */
    public boolean hasSession() {
        return session != null && !session.mfaPending();
    }
}
