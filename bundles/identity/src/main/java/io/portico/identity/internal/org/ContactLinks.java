package io.portico.identity.internal.org;

import io.portico.api.identity.ContactLink;
import io.portico.identity.internal.audit.AuditEntry;
import io.portico.identity.internal.audit.AuditMapper;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.EmailAddress;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * NetSuite contacts linked to their customer's organization by email, and the memberships those links give. Links
 * are applied the moment something they depend on changes — the link itself, a user's verified email, the customer
 * organization's existence — each in the transaction of that change and under the tenant's contact-link lock, so no
 * change is missed and nothing waits for a timer. Every membership given or taken back is audited.
 *
 * <p>An administrator's removal of a member of a customer organization is a refusal: no link makes that user a member
 * of that organization again, even when the contact is unlinked and linked anew, until an administrator adds them
 * again by invitation. The refusal covers every removal, not only of members a link made, so that a contact NetSuite
 * creates later cannot bring back someone an administrator removed either.
 */
final class ContactLinks {

    /** How the audit log names the one who gives and takes back memberships by contact link. */
    static final String ACTOR = "system:contact-sync";

    private final IdentityStore store;

    ContactLinks(IdentityStore store) {
        this.store = store;
    }

    /** Links (or moves) a contact; {@code link} is normalised already. */
    void link(long tenant, ContactLink link) {
        store.write(s -> {
            ContactLinkMapper links = lock(s, tenant);
            String previousEmail = links.linkedEmail(tenant, link.contactNetsuiteId());
            links.upsert(tenant, link, new EmailAddress(link.email()).domain());
            if (previousEmail != null) {
                removed(s, tenant, links.revokeStale(tenant, previousEmail));
            }
            added(s, tenant, links.grant(tenant, link.contactNetsuiteId(), null, null));
            return null;
        });
    }

    /** Unlinks a contact; returns whether it had a link. */
    boolean unlink(long tenant, String contactNetsuiteId) {
        return store.write(s -> {
            ContactLinkMapper links = lock(s, tenant);
            String email = links.delete(tenant, contactNetsuiteId);
            if (email != null) {
                removed(s, tenant, links.revokeStale(tenant, email));
            }
            return email != null;
        });
    }

    /** Gives a user with a verified email the memberships their email's links justify; returns how many. */
    int joinUser(SqlSession s, long tenant, long userId) {
        return added(s, tenant, lock(s, tenant).grant(tenant, null, userId, null));
    }

    /** Gives the users that links to an organization match their memberships; returns how many. */
    int joinOrganization(SqlSession s, long tenant, long organizationId) {
        return added(s, tenant, lock(s, tenant).grant(tenant, null, null, organizationId));
    }

    /**
     * Refuses the user's membership of the organization to every link, before the administrator's removal deletes it:
     * the lock keeps a link from giving the membership back between the two.
     */
    void refuse(SqlSession s, long tenant, long userId, long organizationId) {
        lock(s, tenant).refuse(tenant, userId, organizationId);
    }

    /** Whether a link names this email and an active customer organization. */
    boolean linksActiveCustomer(SqlSession s, long tenant, String email) {
        return SyncInput.linkableEmail(email)
                .map(e -> s.getMapper(ContactLinkMapper.class).linksActiveCustomer(tenant, e))
                .orElse(false);
    }

    private static ContactLinkMapper lock(SqlSession s, long tenant) {
        ContactLinkMapper links = s.getMapper(ContactLinkMapper.class);
        links.lock(tenant);
        return links;
    }

    private static int added(SqlSession s, long tenant, List<ContactMembership> memberships) {
        audit(s, tenant, "membership.added", memberships, "NetSuite contact of the customer");
        return memberships.size();
    }

    private static void removed(SqlSession s, long tenant, List<ContactMembership> memberships) {
        audit(s, tenant, "membership.removed", memberships, "no longer a NetSuite contact of the customer");
    }

    /** Straight to the audit mapper: {@code AuditLog} needs {@code OrganizationsImpl}, which this is part of. */
    private static void audit(SqlSession s, long tenant, String action, List<ContactMembership> memberships,
            String reason) {
        AuditMapper audit = s.getMapper(AuditMapper.class);
        for (ContactMembership m : memberships) {
            audit.insert(new AuditEntry(0, tenant, null, null, ACTOR, action, m.organizationId(), m.email(),
                    Map.of("userId", m.userId(), "role", "member", "reason", reason), null, null));
        }
    }
}
