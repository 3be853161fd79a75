package io.portico.identity.internal.members;

import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.org.OrganizationMapper;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.policy.PolicyRecord;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.MemberRecord;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.RecordAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Managing an organization's members and sign-in policy: roles, per-record-type access, approvals, removal. Every
 * change is audited, takes effect on the member's next request, and the operator always keeps an owner. Removing a
 * member of a customer organization keeps NetSuite contact links from adding them back.
 */
@Component(service = MemberAdmin.class)
public final class MemberAdmin {

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final Policies policies;
    private final AuditLog audit;

    @Activate
    public MemberAdmin(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference Policies policies, @Reference AuditLog audit) {
        this.store = store;
        this.organizations = organizations;
        this.policies = policies;
        this.audit = audit;
    }

    public List<MemberRecord> members(PortalUser admin, long organizationId) {
        Authority.requireManager(admin, organizationId);
        return store.read(MembershipMapper.class, m -> m.members(organizationId));
    }

    public void changeRole(PortalUser admin, long membershipId, Role role, Client client) {
        change(admin, membershipId, client, (s, membership) -> {
            Authority.requireGrantable(admin.role(), role, membership.organizationKind());
            keepAnOwner(s, membership, role);
            s.getMapper(MembershipMapper.class).setRole(membershipId, role);
            return Map.of("from", lower(membership.role()), "to", lower(role));
        }, "membership.role_changed");
    }

    public void setRecordAccess(PortalUser admin, long membershipId, Map<String, String> access, Client client) {
        Map<String, Object> stored;
        try {
            stored = RecordAccess.validate(access);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        change(admin, membershipId, client, (s, membership) -> {
            s.getMapper(MembershipMapper.class).setRecordAccess(membershipId, stored);
            return Map.of("recordAccess", stored);
        }, "membership.access_changed");
    }

    public void approve(PortalUser admin, long membershipId, Client client) {
        change(admin, membershipId, client, (s, membership) -> {
            if (s.getMapper(MembershipMapper.class).approve(membershipId) == 0) {
                throw ProblemException.conflict("This membership is not waiting for approval.");
            }
            return Map.of();
        }, "membership.approved");
    }

    /**
     * Removes a membership. From a customer organization the removal sticks: contact links never make the person a
     * member again (audited as {@code membership.contact_sync_refused}) until an invitation of theirs is accepted.
     */
    public void remove(PortalUser admin, long membershipId, Client client) {
        change(admin, membershipId, client, (s, membership) -> {
            keepAnOwner(s, membership, null);
            if (membership.organizationKind() == OrganizationKind.CUSTOMER) {
                organizations.refuseContactMembership(s, membership.userId(), membership.organizationId());
                audit.append(s, Actor.user(admin.userId(), admin.email()), "membership.contact_sync_refused",
                        membership.organizationId(), String.valueOf(membership.userId()),
                        Map.of("userId", membership.userId(), "reason",
                                "removed by an administrator: NetSuite contact sync will not add them back"),
                        client);
            }
            s.getMapper(MembershipMapper.class).delete(membershipId);
            return Map.of("role", lower(membership.role()));
        }, "membership.removed");
    }

    public PolicyRecord policy(PortalUser admin, long organizationId) {
        Authority.requireManager(admin, organizationId);
        return policies.of(organizationId);
    }

    /**
     * Changes an organization's sign-in policy. An organization's admins may require MFA; how people register is
     * the operator's decision.
     */
    public PolicyRecord setPolicy(PortalUser admin, long organizationId, boolean mfaRequired, String selfRegistration,
            Client client) {
        Authority.requireManager(admin, organizationId);
        if (store.read(OrganizationMapper.class, m -> m.findById(admin.tenantId(), organizationId)) == null) {
            throw ProblemException.notFound("No such organization.");
        }
        PolicyRecord before = policies.of(organizationId);
        boolean registrationChanges = selfRegistration == null ? before.selfRegistration() != null
                : !selfRegistration.equals(before.selfRegistration());
        if (registrationChanges && !admin.operatorStaff()) {
            throw ProblemException.forbidden("Only the operator decides how people register.");
        }
        PolicyRecord after = new PolicyRecord(organizationId, mfaRequired, selfRegistration);
        store.write(s -> {
            try {
                policies.save(s, after);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
            Map<String, Object> detail = new HashMap<>();
            detail.put("mfaRequired", mfaRequired);
            detail.put("selfRegistration", selfRegistration == null ? "operator default" : selfRegistration);
            audit.append(s, Actor.user(admin.userId(), admin.email()), "policy.changed", organizationId, null, detail,
                    client);
            return null;
        });
        return after;
    }

    private interface Change {
        Map<String, Object> apply(SqlSession session, MembershipRecord membership);
    }

    private void change(PortalUser admin, long membershipId, Client client, Change change, String action) {
        store.write(s -> {
            MembershipRecord membership = s.getMapper(MembershipMapper.class).findById(membershipId);
            if (membership == null) {
                throw ProblemException.notFound("No membership " + membershipId + ".");
            }
            Authority.requireManager(admin, membership.organizationId());
            if (membership.role() == Role.OWNER && admin.role() != Role.OWNER) {
                throw ProblemException.forbidden("Only an owner can change an owner's membership.");
            }
            Map<String, Object> detail = new HashMap<>(change.apply(s, membership));
            detail.put("userId", membership.userId());
            audit.append(s, Actor.user(admin.userId(), admin.email()), action, membership.organizationId(),
                    String.valueOf(membership.userId()), detail, client);
            return null;
        });
    }

    /** The operator organization must keep at least one owner. */
    private static void keepAnOwner(SqlSession s, MembershipRecord membership, Role newRole) {
        if (membership.organizationKind() == OrganizationKind.OPERATOR && membership.role() == Role.OWNER
                && newRole != Role.OWNER
                && s.getMapper(MembershipMapper.class).countWithRole(membership.organizationId(), Role.OWNER) <= 1) {
            throw ProblemException.conflict("The operator must keep at least one owner; make someone else owner first.");
        }
    }

    private static String lower(Role role) {
        return role.name().toLowerCase();
    }
}
