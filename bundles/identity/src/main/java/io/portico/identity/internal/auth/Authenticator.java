package io.portico.identity.internal.auth;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.PortalUser;
import io.portico.identity.internal.apitoken.ApiTokenMapper;
import io.portico.identity.internal.apitoken.ApiTokenRecord;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.session.SessionRecord;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Turns a session cookie or an API token into the request's {@link Authentication}. */
@Component(service = Authenticator.class)
public final class Authenticator {

    /** API tokens look like {@code ptc_} followed by a 43-character token. */
    public static final String API_TOKEN_PREFIX = "ptc_";

    private final IdentityStore store;
    private final SessionService sessions;
    private final OrganizationsImpl organizations;

    @Activate
    public Authenticator(@Reference IdentityStore store, @Reference SessionService sessions,
            @Reference OrganizationsImpl organizations) {
        this.store = store;
        this.sessions = sessions;
        this.organizations = organizations;
    }

    /**
     * @param sessionCookie the session cookie's value, or {@code null}
     * @param bearerToken the token of an {@code Authorization: Bearer} header, or {@code null}
     */
    public Authentication authenticate(String sessionCookie, String bearerToken) {
        if (bearerToken != null) {
            return apiToken(bearerToken);
        }
        long tenant = organizations.tenantId();
        // Session, user and memberships on one connection, read fresh each request: a signed-out session, a
        // disabled user or a removed membership stops working at the very next request.
        Authentication auth = store.read(s -> sessions.find(s, sessionCookie)
                .map(session -> session(s, tenant, session)).orElse(Authentication.ANONYMOUS));
        if (auth.session() != null) {
            sessions.touch(auth.session());
        }
        return auth;
    }

    private static Authentication session(SqlSession s, long tenant, SessionRecord session) {
        UserRecord user = s.getMapper(UserMapper.class).findById(tenant, session.userId());
        if (user == null || user.disabled()) {
            return Authentication.ANONYMOUS;
        }
        List<MembershipRecord> usable = s.getMapper(MembershipMapper.class).forUser(user.id()).stream()
                .filter(MembershipRecord::usable).toList();
        if (session.mfaPending()) {
            return new Authentication(Authentication.State.MFA_PENDING, null, session, user, usable);
        }
        AuthMethod method = SessionService.SSO.equals(session.authMethod()) ? AuthMethod.SSO : AuthMethod.PASSWORD;
        Optional<MembershipRecord> active = usable.stream()
                .filter(m -> session.organizationId() != null && m.organizationId() == session.organizationId())
                .findFirst();
        return active.map(m -> new Authentication(Authentication.State.SIGNED_IN,
                        portalUser(user, m, method, tenant), session, user, usable))
                .orElseGet(() -> new Authentication(Authentication.State.CHOOSING_ORGANIZATION, null, session,
                        user, usable));
    }

    private Authentication apiToken(String bearer) {
        if (!bearer.startsWith(API_TOKEN_PREFIX) || !Tokens.wellFormed(bearer.substring(API_TOKEN_PREFIX.length()))) {
            return Authentication.ANONYMOUS;
        }
        long tenant = organizations.tenantId();
        byte[] hash = Tokens.hash(bearer);
        return store.write(s -> {
            ApiTokenRecord token = s.getMapper(ApiTokenMapper.class).findUsable(hash);
            if (token == null) {
                return Authentication.ANONYMOUS;
            }
            UserRecord user = s.getMapper(UserMapper.class).findById(tenant, token.userId());
            MembershipRecord membership = s.getMapper(MembershipMapper.class).find(token.userId(),
                    token.organizationId());
            if (user == null || user.disabled() || membership == null || !membership.usable()) {
                return Authentication.ANONYMOUS;
            }
            s.getMapper(ApiTokenMapper.class).touch(token.id());
            return new Authentication(Authentication.State.SIGNED_IN,
                    portalUser(user, membership, AuthMethod.API_TOKEN, tenant), null, user, List.of(membership));
        });
    }

    static PortalUser portalUser(UserRecord user, MembershipRecord membership, AuthMethod method, long tenantId) {
        return new PortalUser(user.id(), user.email(), user.shownName(), tenantId, membership.organizationId(),
                membership.organizationName(), membership.organizationKind(), membership.role(), membership.access(),
                method);
    }
}
