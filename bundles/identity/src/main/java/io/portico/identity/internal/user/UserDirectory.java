package io.portico.identity.internal.user;

import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import java.time.ZoneId;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Lists users with their memberships, for the operator's console; keeps each user's own time zone. */
@Component(service = UserDirectory.class)
public final class UserDirectory {

    private static final int MAX_PAGE = 1000;

    /** A user and every organization they belong to. */
    public record Entry(UserRecord user, List<MembershipRecord> memberships) {
    }

    private final IdentityStore store;
    private final OrganizationsImpl organizations;

    @Activate
    public UserDirectory(@Reference IdentityStore store, @Reference OrganizationsImpl organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    /**
     * @param organizationId only members of this organization, or {@code null} for everyone
     * @param emailContains a case-insensitive filter on the email, or {@code null}
     */
    public List<Entry> list(Long organizationId, String emailContains, int offset, int limit) {
        String filter = emailContains == null || emailContains.isBlank() ? null : emailContains.strip();
        long tenant = organizations.tenantId();
        return store.read(s -> s.getMapper(UserMapper.class)
                .list(tenant, organizationId, filter, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)))
                .stream()
                .map(u -> new Entry(u, s.getMapper(MembershipMapper.class).forUser(u.id())))
                .toList());
    }

    /** The user's choice of time zone, which replaces any earlier one. */
    public void chooseTimeZone(long userId, ZoneId zone) {
        store.write(UserMapper.class, m -> m.setTimeZone(userId, zone.getId()));
    }

    /** The zone a browser reports, kept only while the user has not chosen one: a guess never overrides a choice. */
    public void guessTimeZone(long userId, ZoneId zone) {
        store.write(UserMapper.class, m -> m.setTimeZoneIfUnset(userId, zone.getId()));
    }
}
