package io.portico.identity.internal.sso;

import io.portico.api.identity.Organization;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoSignIn;
import io.portico.api.sso.SsoSignedIn;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.LocalPaths;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.DomainJoin;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
import io.portico.identity.internal.signin.SignInService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.token.OneTimeTokenMapper;
import io.portico.identity.internal.token.OneTimeTokenRecord;
import io.portico.identity.internal.user.EmailAddress;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import io.portico.identity.internal.web.CurrentClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signs in a person an SSO provider vouches for. The person is found by issuer and subject, else by verified email
 * (and the identity is linked), else an account is created when open invitations, a NetSuite contact with the email
 * or an organization's email domain let them in. The person joins their contacts' organizations and accepts open
 * invitations for the email on the way. The session then starts as after a password.
 */
@Component(service = SsoSignIn.class)
public final class SsoSignInImpl implements SsoSignIn {

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final Policies policies;
    private final DomainJoin domainJoin;
    private final SignInService signIn;
    private final SessionService sessions;
    private final AuditLog audit;

    @Activate
    public SsoSignInImpl(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference Policies policies, @Reference DomainJoin domainJoin, @Reference SignInService signIn,
            @Reference SessionService sessions, @Reference AuditLog audit) {
        this.store = store;
        this.organizations = organizations;
        this.policies = policies;
        this.domainJoin = domainJoin;
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public SsoSignedIn signIn(String provider, SsoIdentity identity, String returnTo) throws SsoException {
        EmailAddress email = verifiedEmail(identity);
        if (identity.issuer() == null || identity.issuer().isBlank() || identity.subject() == null
                || identity.subject().isBlank()) {
            throw new SsoException(SsoException.Reason.INVALID_TOKEN, "The provider sent no issuer or subject.");
        }
        Client client = CurrentClient.get();
        long tenant = organizations.tenantId();
        UserRecord user = store.write(s -> link(s, tenant, provider, identity, email, client));
        if (user == null) {
            audit.record(Actor.anonymous(email.value()), "sign_in.refused", null, email.value(),
                    Map.of("method", "sso", "provider", provider, "reason", "not linked"), client);
            throw new SsoException(SsoException.Reason.NOT_LINKED, "No organization on this portal has invited "
                    + email.value() + " or uses the domain " + email.domain() + ". Ask your company's portal "
                    + "administrator, or " + organizations.operator().name() + ", for an invitation.");
        }
        if (user.disabled()) {
            throw new SsoException(SsoException.Reason.NOT_LINKED, "This account is disabled. Ask your administrator.");
        }
        List<MembershipRecord> all = store.read(MembershipMapper.class, m -> m.forUser(user.id()));
        List<MembershipRecord> usable = all.stream().filter(MembershipRecord::usable).toList();
        if (usable.isEmpty()) {
            throw new SsoException(SsoException.Reason.NOT_LINKED, all.stream().anyMatch(MembershipRecord::pending)
                    ? "Your registration is waiting for an administrator's approval."
                    : "Your account does not belong to any organization at the moment. Ask your administrator.");
        }
        boolean mfa = user.mfaEnabled()
                || policies.mfaRequired(usable.stream().map(MembershipRecord::organizationId).toList());
        SignInOutcome outcome = signIn.start(user, usable, SessionService.SSO, mfa, client);
        String location = switch (outcome.next()) {
            case MFA_PENDING -> "/sign-in/mfa";
            case CHOOSING_ORGANIZATION -> "/choose-organization";
            default -> LocalPaths.orRoot(returnTo);
        };
        return new SsoSignedIn(URI.create(location), List.of(sessions.cookie(outcome.session(), client)));
    }

    /** Finds or creates the user and links the identity; {@code null} when nothing lets the person in. */
    private UserRecord link(SqlSession s, long tenant, String provider, SsoIdentity identity, EmailAddress email,
            Client client) {
        UserMapper users = s.getMapper(UserMapper.class);
        UserIdentityMapper identities = s.getMapper(UserIdentityMapper.class);
        Long linked = identities.findUser(identity.issuer(), identity.subject());
        UserRecord user = linked != null ? users.findById(tenant, linked) : users.findByEmail(tenant, email.value());
        List<OneTimeTokenRecord> invitations = s.getMapper(OneTimeTokenMapper.class)
                .openInvitationsFor(user == null ? email.value() : user.email());
        Organization byDomain = user == null && invitations.isEmpty() ? domainJoin.organizationFor(email).orElse(null)
                : null;
        if (user == null && invitations.isEmpty() && byDomain == null && !organizations.isLinkedContact(s, email)) {
            return null;
        }
        if (user == null) {
            long id = users.insert(tenant, email.value(), identity.name() == null ? "" : identity.name().strip(),
                    null, true);
            user = users.findById(tenant, id);
            audit.append(s, Actor.user(id, email.value()), "user.created", null, email.value(),
                    Map.of("method", "sso", "provider", provider), client);
        } else {
            users.markVerified(user.id());
        }
        organizations.joinContactOrganizations(s, user.id());
        for (OneTimeTokenRecord invitation : invitations) {
            s.getMapper(OneTimeTokenMapper.class).consume(invitation.id());
            s.getMapper(MembershipMapper.class).upsert(user.id(), invitation.organizationId(), invitation.role(),
                    "active");
            audit.append(s, Actor.user(user.id(), user.email()), "invitation.accepted", invitation.organizationId(),
                    user.email(), Map.of("role", invitation.role().name().toLowerCase(), "method", "sso"), client);
        }
        if (byDomain != null && s.getMapper(MembershipMapper.class).find(user.id(), byDomain.id()) == null) {
            String status = domainJoin.membershipStatus(byDomain);
            s.getMapper(MembershipMapper.class).upsert(user.id(), byDomain.id(), DomainJoin.ROLE, status);
            audit.append(s, Actor.user(user.id(), user.email()), "registration.completed", byDomain.id(),
                    user.email(), Map.of("membership", status, "method", "sso"), client);
        }
        identities.link(user.id(), provider, identity.issuer(), identity.subject());
        return users.findById(tenant, user.id());
    }

    private static EmailAddress verifiedEmail(SsoIdentity identity) throws SsoException {
        String email = identity.verifiedEmail().orElseThrow(() -> new SsoException(
                SsoException.Reason.EMAIL_NOT_VERIFIED, "The provider does not vouch for your email address."));
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw new SsoException(SsoException.Reason.INVALID_TOKEN, "The provider sent a malformed email address.");
        }
    }
}
