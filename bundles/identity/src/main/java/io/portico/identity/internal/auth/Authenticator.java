package io.portico.identity.internal.auth;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.identity.internal.apitoken.ApiTokenMapper;
import io.portico.identity.internal.apitoken.ApiTokenRecord;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.org.OrganizationMapper;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.session.SessionRecord;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import io.portico.identity.internal.viewas.ViewAs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Turns a session cookie or an API token into the request's {@link Authentication}. */
@Component(service = Authenticator.class)
public final class Authenticator {

    /** API tokens look like {@code ptc_} followed by a 43-character token. */
    public static final String API_TOKEN_PREFIX = "ptc_";

    /**
     * How long a session cookie's lookup answers that cookie's next requests. A page pulls its stylesheet, script
     * and in-place updates right after it, and each lookup is three queries on a pooled connection: for this long
     * they are served from memory, unless this node wrote identity data meanwhile (sign-out, a switched
     * organization, a disabled user, a changed membership), which takes effect at the very next request. A change
     * made on another node takes effect within this long.
     */
    static final Duration REUSE_LOOKUP_FOR = Duration.ofSeconds(1);

    /** Beyond this many remembered lookups the stale ones are dropped: memory stays bounded by recent activity. */
    private static final int REMEMBERED_LOOKUPS = 10_000;

    private final IdentityStore store;
    private final SessionService sessions;
    private final OrganizationsImpl organizations;
    private final Map<String, Lookup> recentLookups = new ConcurrentHashMap<>();

    /** A session cookie's authentication, read when the store had seen {@code writes} writes, at {@code nanoTime}. */
    private record Lookup(Authentication authentication, long writes, long nanoTime) {

        boolean usable(long writesNow, long nanoTimeNow) {
            return writes == writesNow && nanoTimeNow - nanoTime < REUSE_LOOKUP_FOR.toNanos();
        }
    }

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
        // Read before the lookup: a write that ends during it makes the next request read again.
        long writes = store.writes();
        long now = System.nanoTime();
        Lookup recent = sessionCookie == null ? null : recentLookups.get(sessionCookie);
        if (recent != null && recent.usable(writes, now)) {
            return recent.authentication();
        }
        long tenant = organizations.tenantId();
        // Session, user and memberships on one connection.
        Authentication auth = store.read(s -> sessions.find(s, sessionCookie)
                .map(session -> session(s, tenant, session)).orElse(Authentication.ANONYMOUS));
        if (auth.session() != null) {
            sessions.touch(auth.session());
            remember(sessionCookie, new Lookup(auth, writes, now));
        }
        return auth;
    }

    /** Only cookies of live sessions are remembered: made-up cookies cannot fill the memory. */
    private void remember(String sessionCookie, Lookup lookup) {
        if (recentLookups.size() >= REMEMBERED_LOOKUPS) {
            long writes = store.writes();
            long now = System.nanoTime();
            recentLookups.values().removeIf(l -> !l.usable(writes, now));
        }
        recentLookups.put(sessionCookie, lookup);
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
                        viewedAs(s, session, m, user, tenant).orElseGet(() -> portalUser(user, m, method, tenant)),
                        session, user, usable))
                .orElseGet(() -> new Authentication(Authentication.State.CHOOSING_ORGANIZATION, null, session,
                        user, usable));
    }

    /**
     * The customer's view of the portal while the session views a customer organization: that organization's
     * widest role ({@link ViewAs#EMULATED_ROLE}), no per-record-type narrowing, so staff see all that any of its
     * users could. Checked on every request: staff who are no longer the operator's admins, or an organization
     * archived or not of this tenant meanwhile, end the view (the session is then the staff member's own again).
     */
    private static Optional<PortalUser> viewedAs(SqlSession s, SessionRecord session, MembershipRecord active,
            UserRecord user, long tenant) {
        if (session.viewingOrganizationId() == null || !ViewAs.mayView(active.organizationKind(), active.role())) {
            return Optional.empty();
        }
        Organization viewed = s.getMapper(OrganizationMapper.class).findById(tenant, session.viewingOrganizationId());
        if (viewed == null || viewed.kind() != OrganizationKind.CUSTOMER || viewed.archived()) {
            return Optional.empty();
        }
        return Optional.of(new PortalUser(user.id(), user.email(), user.shownName(), tenant, viewed.id(),
                viewed.name(), OrganizationKind.CUSTOMER, ViewAs.EMULATED_ROLE, Map.of(), AuthMethod.VIEW_AS, user.zone()));
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
                method, user.zone());
    }
}
