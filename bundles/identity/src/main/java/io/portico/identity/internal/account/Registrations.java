package io.portico.identity.internal.account;

import io.portico.api.identity.Organization;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.PasswordHasher;
import io.portico.identity.internal.mail.IdentityMail;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.DomainJoin;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.signin.SignInOutcome;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.token.OneTimeTokenMapper;
import io.portico.identity.internal.token.OneTimeTokenRecord;
import io.portico.identity.internal.token.OneTimeTokens;
import io.portico.identity.internal.user.EmailAddress;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.PasswordPolicy;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Self-registration with a work email. The page always answers "check your email", so it reveals neither accounts
 * nor customers; the email carries a link to finish (when the address is a NetSuite contact's of a customer, or its
 * domain belongs to a customer organization) or says why not. Finishing creates the account and joins the contact's
 * organizations at once, and the domain's organization at once or pending approval, as the operator decided. The
 * same link type also confirms the address of an existing, unconfirmed account, which joins its contacts'
 * organizations then.
 */
@Component(service = Registrations.class)
public final class Registrations {

    private static final int MAX_NAME = 200;

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final Policies policies;
    private final DomainJoin domainJoin;
    private final OneTimeTokens tokens;
    private final IdentityMail mail;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final SignInService signIn;
    private final IdentitySettings settings;

    @Activate
    public Registrations(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference Policies policies, @Reference DomainJoin domainJoin, @Reference OneTimeTokens tokens,
            @Reference IdentityMail mail,
            @Reference AuditLog audit, @Reference PasswordHasher hasher, @Reference SignInService signIn,
            @Reference IdentitySettings settings) {
        this.store = store;
        this.organizations = organizations;
        this.policies = policies;
        this.domainJoin = domainJoin;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.hasher = hasher;
        this.signIn = signIn;
        this.settings = settings;
    }

    /** Starts a registration: emails the right message for the address. */
    public void register(String email, Client client) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        UserRecord existing = store.read(UserMapper.class,
                m -> m.findByEmail(organizations.tenantId(), address.value()));
        Actor actor = Actor.anonymous(address.value());
        if (existing != null) {
            audit.record(actor, "registration.requested", null, address.value(), Map.of("outcome", "exists"), client);
            mail.accountExists(existing.email());
            return;
        }
        if (domainJoin.organizationFor(address).isEmpty()
                && !store.read(s -> organizations.isLinkedContact(s, address))) {
            audit.record(actor, "registration.requested", null, address.value(),
                    Map.of("outcome", "no organization"), client);
            mail.noOrganization(address.value(), address.domain());
            return;
        }
        String token = store.write(s -> {
            s.getMapper(OneTimeTokenMapper.class).revokeOpen(OneTimeTokens.VERIFY, address.value(), null);
            audit.append(s, actor, "registration.requested", null, address.value(), Map.of("outcome", "link sent"),
                    client);
            return tokens.issue(s, OneTimeTokens.VERIFY, address.value(), null, null, null, null,
                    settings.verificationValidity()).token();
        });
        mail.registration(address.value(), token);
    }

    /** The link's purpose, once checked: whether it finishes a registration (else it confirms an account). */
    public boolean isRegistration(String token) {
        return tokens.open(token, OneTimeTokens.VERIFY).userId() == null;
    }

    /** The address a link was sent to, once checked. */
    public String email(String token) {
        return tokens.open(token, OneTimeTokens.VERIFY).email();
    }

    /** Confirms the address of an existing account with its link; returns the email. */
    public String confirm(String token, Client client) {
        return store.write(s -> {
            OneTimeTokenRecord link = tokens.consume(s, token, OneTimeTokens.VERIFY);
            if (link.userId() == null) {
                throw ProblemException.badRequest("This link finishes a registration: choose your name and password.");
            }
            s.getMapper(UserMapper.class).markVerified(link.userId());
            organizations.joinContactOrganizations(s, link.userId());
            audit.append(s, Actor.user(link.userId(), link.email()), "email.verified", null, link.email(), Map.of(),
                    client);
            return link.email();
        });
    }

    /**
     * Finishes a registration: creates the account, joins the organizations whose NetSuite contacts have the email,
     * and the organization of the email's domain unless it is one of those.
     *
     * @return the signed-in outcome, or empty when the only membership waits for approval
     */
    public Optional<SignInOutcome> finish(String token, String name, String password, Client client) {
        OneTimeTokenRecord link = tokens.open(token, OneTimeTokens.VERIFY);
        String displayName = name == null ? "" : name.strip();
        if (displayName.isEmpty() || displayName.length() > MAX_NAME) {
            throw ProblemException.badRequest("Enter your name (at most " + MAX_NAME + " characters).");
        }
        PasswordPolicy.problem(password, link.email()).ifPresent(p -> {
            throw ProblemException.badRequest(p);
        });
        EmailAddress address = EmailAddress.parse(link.email());
        Optional<Organization> byDomain = domainJoin.organizationFor(address);
        String hash = hasher.hash(password);
        long tenant = organizations.tenantId();
        UserRecord user = store.write(s -> {
            OneTimeTokenRecord used = tokens.consume(s, token, OneTimeTokens.VERIFY);
            if (used.userId() != null) {
                throw ProblemException.badRequest("This link confirms an existing account; it cannot register a new one.");
            }
            UserMapper users = s.getMapper(UserMapper.class);
            if (users.findByEmail(tenant, address.value()) != null) {
                throw ProblemException.conflict("An account with this email address exists already. Sign in instead.");
            }
            long id = users.insert(tenant, address.value(), displayName, hash, true);
            int byContact = organizations.joinContactOrganizations(s, id);
            MembershipMapper memberships = s.getMapper(MembershipMapper.class);
            Organization organization = byDomain.filter(o -> memberships.find(id, o.id()) == null).orElse(null);
            if (organization == null && byContact == 0) {
                throw ProblemException.conflict("No organization accepts registrations for " + address.domain()
                        + " any more.");
            }
            Map<String, Object> detail = new HashMap<>(Map.of("contactMemberships", byContact));
            if (organization != null) {
                String status = domainJoin.membershipStatus(organization);
                memberships.upsert(id, organization.id(), DomainJoin.ROLE, status);
                detail.put("membership", status);
                detail.put("role", DomainJoin.ROLE.name().toLowerCase());
            }
            audit.append(s, Actor.user(id, address.value()), "registration.completed",
                    organization == null ? null : organization.id(), address.value(), detail, client);
            return users.findById(tenant, id);
        });
        List<MembershipRecord> usable = store.read(MembershipMapper.class, m -> m.forUser(user.id())).stream()
                .filter(MembershipRecord::usable).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        boolean mfa = policies.mfaRequired(usable.stream().map(MembershipRecord::organizationId).toList());
        return Optional.of(signIn.start(user, usable, SessionService.PASSWORD, mfa, client));
    }
}
