package io.portico.identity.internal.org;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.EmailAddress;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {Organizations.class, OrganizationsImpl.class})
public final class OrganizationsImpl implements Organizations {

    private static final int MAX_PAGE = 500;

    private final IdentityStore store;
    private final ContactLinks contacts;
    private volatile Organization operator;

    @Activate
    public OrganizationsImpl(@Reference IdentityStore store) {
        this.store = store;
        this.contacts = new ContactLinks(store);
    }

    /** Creates or updates the organization; one that appears or comes back gets the members its contacts link. */
    @Override
    public Organization upsertCustomer(CustomerOrganization customer) {
        CustomerOrganization c = SyncInput.customer(customer);
        long tenant = tenantId();
        return store.write(s -> {
            OrganizationMapper mapper = s.getMapper(OrganizationMapper.class);
            Organization before = mapper.findCustomer(tenant, c.netsuiteId());
            mapper.upsertCustomer(tenant, c);
            Organization stored = mapper.findCustomer(tenant, c.netsuiteId());
            mapper.linkChildren(tenant, stored.id(), stored.netsuiteId());
            if (before == null || before.archived()) {
                contacts.joinOrganization(s, tenant, stored.id());
            }
            return stored;
        });
    }

    @Override
    public boolean archiveCustomer(String netsuiteId) {
        if (netsuiteId == null || netsuiteId.isBlank()) {
            throw new IllegalArgumentException("netsuiteId is required");
        }
        long tenant = tenantId();
        return store.write(OrganizationMapper.class, m -> m.archiveCustomer(tenant, netsuiteId.strip())) > 0;
    }

    @Override
    public Optional<Organization> find(long id) {
        long tenant = tenantId();
        return Optional.ofNullable(store.read(OrganizationMapper.class, m -> m.findById(tenant, id)));
    }

    @Override
    public Optional<Organization> findCustomer(String netsuiteId) {
        if (netsuiteId == null) {
            return Optional.empty();
        }
        long tenant = tenantId();
        return Optional.ofNullable(store.read(OrganizationMapper.class,
                m -> m.findCustomer(tenant, netsuiteId.strip())));
    }

    @Override
    public Organization operator() {
        Organization known = operator;
        if (known == null) {
            known = store.read(OrganizationMapper.class, OrganizationMapper::operator);
            if (known == null) {
                throw new IllegalStateException("the operator organization is missing: schema not migrated?");
            }
            operator = known;
        }
        return known;
    }

    /** The operator organization's id, which every identity row is bound to. */
    public long tenantId() {
        return operator().id();
    }

    @Override
    public List<Organization> customers(String nameContains, boolean includeArchived, int offset, int limit) {
        String filter = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        int page = Math.max(0, Math.min(limit, MAX_PAGE));
        long tenant = tenantId();
        return store.read(OrganizationMapper.class,
                m -> m.customers(tenant, filter, includeArchived, Math.max(0, offset), page));
    }

    @Override
    public void linkContact(ContactLink link) {
        ContactLink normalised = SyncInput.contactLink(link);
        contacts.link(tenantId(), normalised);
    }

    @Override
    public boolean unlinkContact(String contactNetsuiteId) {
        return contacts.unlink(tenantId(), SyncInput.contactNetsuiteId(contactNetsuiteId));
    }

    @Override
    public boolean isLinkableEmail(String email) {
        return SyncInput.linkableEmail(email).isPresent();
    }

    /**
     * Gives a user the memberships that contact links with their email justify, in the caller's transaction. Every
     * change that verifies a user's email calls it, before it writes any membership of its own: the contact-link lock
     * it takes must come before any membership row lock, or a link being made at the same time could deadlock.
     *
     * @return how many memberships were given
     */
    public int joinContactOrganizations(SqlSession session, long userId) {
        return contacts.joinUser(session, tenantId(), userId);
    }

    /**
     * Makes sure no contact link makes the user a member of the customer organization again, in the caller's
     * transaction: an administrator's removal calls it before it deletes the membership, for the same lock order as
     * {@link #joinContactOrganizations}. An accepted invitation ends the refusal.
     */
    public void refuseContactMembership(SqlSession session, long userId, long organizationId) {
        contacts.refuse(session, tenantId(), userId, organizationId);
    }

    /** Whether a contact link names this email and an active customer organization, which lets its owner in. */
    public boolean isLinkedContact(SqlSession session, EmailAddress email) {
        return contacts.linksActiveCustomer(session, tenantId(), email.value());
    }

    /** Active customer organizations whose email domains include {@code domain}; none for public mail domains. */
    public List<Organization> withEmailDomain(String domain) {
        if (!EmailDomains.isValid(domain) || EmailDomains.isPublic(domain)) {
            return List.of();
        }
        long tenant = tenantId();
        return store.read(OrganizationMapper.class, m -> m.withEmailDomain(tenant, domain));
    }
}
