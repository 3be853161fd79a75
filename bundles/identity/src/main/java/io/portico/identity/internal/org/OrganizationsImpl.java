package io.portico.identity.internal.org;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.identity.internal.store.IdentityStore;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {Organizations.class, OrganizationsImpl.class})
public final class OrganizationsImpl implements Organizations {

    private static final int MAX_PAGE = 500;

    private final IdentityStore store;
    private volatile Organization operator;

    @Activate
    public OrganizationsImpl(@Reference IdentityStore store) {
        this.store = store;
    }

    @Override
    public Organization upsertCustomer(CustomerOrganization customer) {
        CustomerOrganization c = CustomerInput.normalise(customer);
        long tenant = tenantId();
        return store.write(OrganizationMapper.class, mapper -> {
            mapper.upsertCustomer(tenant, c);
            Organization stored = mapper.findCustomer(tenant, c.netsuiteId());
            mapper.linkChildren(tenant, stored.id(), stored.netsuiteId());
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

    /** Active customer organizations whose email domains include {@code domain}; none for public mail domains. */
    public List<Organization> withEmailDomain(String domain) {
        if (!EmailDomains.isValid(domain) || EmailDomains.isPublic(domain)) {
            return List.of();
        }
        long tenant = tenantId();
        return store.read(OrganizationMapper.class, m -> m.withEmailDomain(tenant, domain));
    }
}
