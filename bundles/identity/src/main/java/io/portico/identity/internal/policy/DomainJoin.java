package io.portico.identity.internal.policy;

import io.portico.api.identity.Organization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.user.EmailAddress;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who may join an organization by their email's domain: the customer organization that lists the domain, unless
 * its registrations are closed. Public mail domains never match; a domain claimed by two customers matches neither,
 * rather than guessing whose data to show.
 */
@Component(service = DomainJoin.class)
public final class DomainJoin {

    /** What people who join by domain get; an admin can raise or lower it. */
    public static final Role ROLE = Role.MEMBER;

    private final OrganizationsImpl organizations;
    private final Policies policies;

    @Activate
    public DomainJoin(@Reference OrganizationsImpl organizations, @Reference Policies policies) {
        this.organizations = organizations;
        this.policies = policies;
    }

    public Optional<Organization> organizationFor(EmailAddress email) {
        List<Organization> matches = organizations.withEmailDomain(email.domain()).stream()
                .filter(o -> !Policies.CLOSED.equals(policies.selfRegistration(o.id()))).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The membership status of someone joining: {@code pending} when the organization wants to approve them. */
    public String membershipStatus(Organization organization) {
        return Policies.APPROVAL.equals(policies.selfRegistration(organization.id())) ? "pending" : "active";
    }
}
