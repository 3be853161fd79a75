package io.portico.identity.internal.audit;

import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit log of sign-ins, invitations, role and settings changes. Changes append their entry in their own
 * transaction, so a change and its audit line are stored together or not at all.
 */
@Component(service = AuditLog.class)
public final class AuditLog {

    private static final int MAX_PAGE = 500;

    private final IdentityStore store;
    private final OrganizationsImpl organizations;

    @Activate
    public AuditLog(@Reference IdentityStore store, @Reference OrganizationsImpl organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    /** Appends within the caller's transaction. */
    public void append(SqlSession session, Actor actor, String action, Long organizationId, String subject,
            Map<String, Object> detail, Client client) {
        session.getMapper(AuditMapper.class).insert(new AuditEntry(0, organizations.tenantId(), null,
                actor.userId(), actor.label(), action, organizationId, subject, detail, client.ip(),
                client.userAgent()));
    }

    /** Appends in a transaction of its own (for events that change nothing else, such as a failed sign-in). */
    public void record(Actor actor, String action, Long organizationId, String subject, Map<String, Object> detail,
            Client client) {
        store.write(session -> {
            append(session, actor, action, organizationId, subject, detail, client);
            return null;
        });
    }

    public List<AuditEntry> list(Long organizationId, Long beforeId, int limit) {
        int page = Math.max(1, Math.min(limit, MAX_PAGE));
        return store.read(AuditMapper.class,
                m -> m.list(organizations.tenantId(), organizationId, beforeId, page));
    }

    /** Failed sign-ins from an address in the last {@code minutes}. */
    public int recentFailures(String ip, int minutes) {
        return ip == null ? 0 : store.read(AuditMapper.class, m -> m.countFailedSignIns(ip, minutes));
    }
}
