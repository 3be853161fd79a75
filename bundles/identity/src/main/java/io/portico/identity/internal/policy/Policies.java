package io.portico.identity.internal.policy;

import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Effective sign-in policies: an organization's own settings, falling back to the operator's defaults. */
@Component(service = Policies.class)
public final class Policies {

    public static final String OPEN = "open";
    public static final String APPROVAL = "approval";
    public static final String CLOSED = "closed";

    private final IdentityStore store;
    private final OrganizationsImpl organizations;

    @Activate
    public Policies(@Reference IdentityStore store, @Reference OrganizationsImpl organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    /** The organization's policy as stored (defaults when it has no row). */
    public PolicyRecord of(long organizationId) {
        PolicyRecord stored = store.read(PolicyMapper.class, m -> m.find(organizationId));
        return stored == null ? new PolicyRecord(organizationId, false, null) : stored;
    }

    /** How self-registration works for a customer organization: {@code open}, {@code approval} or {@code closed}. */
    public String selfRegistration(long organizationId) {
        String own = of(organizationId).selfRegistration();
        if (own != null) {
            return own;
        }
        String operator = of(organizations.tenantId()).selfRegistration();
        return operator == null ? OPEN : operator;
    }

    public boolean mfaRequired(List<Long> organizationIds) {
        return !organizationIds.isEmpty() && store.read(PolicyMapper.class, m -> m.anyRequiresMfa(organizationIds));
    }

    /** Stores a policy within the caller's transaction. */
    public void save(SqlSession session, PolicyRecord policy) {
        if (policy.selfRegistration() != null && !policy.selfRegistration().matches("open|approval|closed")) {
            throw new IllegalArgumentException("selfRegistration must be open, approval or closed");
        }
        session.getMapper(PolicyMapper.class).upsert(policy);
    }
}
