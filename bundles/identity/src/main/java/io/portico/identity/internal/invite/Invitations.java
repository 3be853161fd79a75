package io.portico.identity.internal.invite;

import io.portico.api.identity.Organization;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.PasswordHasher;
import io.portico.identity.internal.mail.IdentityMail;
import io.portico.identity.internal.members.Authority;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInOutcome;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invitations by email: an organization's admin (or the operator's) invites an address with a role; the branded
 * email carries a single-use link valid for a week. Accepting it creates the account, or adds the membership to
 * the account the address already has. Admins can resend (a new link replaces the old) and revoke.
 */
@Component(service = Invitations.class)
public final class Invitations {

    private static final int MAX_NAME = 200;

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final OneTimeTokens tokens;
    private final IdentityMail mail;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final SignInService signIn;
    private final Policies policies;
    private final IdentitySettings settings;

    @Activate
    public Invitations(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference OneTimeTokens tokens, @Reference IdentityMail mail, @Reference AuditLog audit,
            @Reference PasswordHasher hasher, @Reference SignInService signIn, @Reference Policies policies,
            @Reference IdentitySettings settings) {
        this.store = store;
        this.organizations = organizations;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.hasher = hasher;
        this.signIn = signIn;
        this.policies = policies;
        this.settings = settings;
    }

    /** An invitation by a signed-in admin of the organization (or of the operator). */
    public Invitation invite(PortalUser inviter, long organizationId, String email, Role role, Client client) {
        Authority.requireManager(inviter, organizationId);
        Organization organization = organization(organizationId);
        Authority.requireGrantable(inviter.role(), role, organization.kind());
        return send(Actor.user(inviter.userId(), inviter.email()), inviter.userId(), inviter.displayName(),
                organization, email, role, client);
    }

    /** An invitation from the console, and its link when it was not emailed. */
    public record ConsoleInvitation(Invitation invitation, String link) {
    }

    /**
     * An invitation from the operator's console: emailed, or (with {@code byEmail} false) only returned as a link
     * for the operator to hand over, e.g. to let the first owner in before SMTP is configured.
     */
    public ConsoleInvitation inviteFromConsole(String shellUser, long organizationId, String email, Role role,
            boolean byEmail) {
        Organization organization = organization(organizationId);
        Authority.requireGrantable(Role.OWNER, role, organization.kind());
        Actor actor = Actor.console(shellUser);
        if (byEmail) {
            return new ConsoleInvitation(send(actor, null, organizations.operator().name(), organization, email,
                    role, Client.none()), null);
        }
        Created created = create(actor, null, organization, email, role, Client.none(), (address, token) -> { });
        return new ConsoleInvitation(created.invitation(), link(created.token()));
    }

    private record Created(Invitation invitation, String token) {
    }

    private Invitation send(Actor actor, Long inviterId, String inviterName, Organization organization, String email,
            Role role, Client client) {
        return create(actor, inviterId, organization, email, role, client, (address, token) -> mail.invitation(
                address, inviterName, organization.name(), role.name().toLowerCase(), token,
                settings.invitationValidity())).invitation();
    }

    /**
     * Creates the invitation and hands its address and token to {@code deliver} before committing: when the email
     * cannot be sent, nothing is created, nothing is audited, and the address's previous link (if any) keeps working.
     */
    private Created create(Actor actor, Long inviterId, Organization organization, String email, Role role,
            Client client, BiConsumer<String, String> deliver) {
        EmailAddress address = parse(email);
        if (organization.archived()) {
            throw ProblemException.conflict(organization.name() + " is archived; nobody can join it.");
        }
        UserRecord existing = store.read(UserMapper.class,
                m -> m.findByEmail(organizations.tenantId(), address.value()));
        if (existing != null) {
            MembershipRecord membership = store.read(MembershipMapper.class,
                    m -> m.find(existing.id(), organization.id()));
            if (membership != null && membership.usable()) {
                throw ProblemException.conflict(address.value() + " is a member of " + organization.name() + " already.");
            }
        }
        OneTimeTokens.Issued issued = store.write(s -> {
            s.getMapper(OneTimeTokenMapper.class).revokeOpen(OneTimeTokens.INVITE, address.value(), organization.id());
            audit.append(s, actor, "invitation.sent", organization.id(), address.value(),
                    Map.of("role", role.name().toLowerCase()), client);
            OneTimeTokens.Issued token = tokens.issue(s, OneTimeTokens.INVITE, address.value(), null,
                    organization.id(), role, inviterId, settings.invitationValidity());
            deliver.accept(address.value(), token.token());
            return token;
        });
        Invitation invitation = Invitation.of(store.read(OneTimeTokenMapper.class, m -> m.findById(issued.id())));
        return new Created(invitation, issued.token());
    }

    private String link(String token) {
        return settings.link("/invitations/accept?token=" + token);
    }

    public List<Invitation> list(PortalUser admin, long organizationId) {
        Authority.requireManager(admin, organizationId);
        return store.read(OneTimeTokenMapper.class, m -> m.openInvitations(organizationId)).stream()
                .map(Invitation::of).toList();
    }

    /** Sends the invitation again with a new link; the old link stops working. */
    public Invitation resend(PortalUser admin, long invitationId, Client client) {
        OneTimeTokenRecord invitation = openInvitation(admin, invitationId);
        return send(Actor.user(admin.userId(), admin.email()), admin.userId(), admin.displayName(),
                organization(invitation.organizationId()), invitation.email(), invitation.role(), client);
    }

    public void revoke(PortalUser admin, long invitationId, Client client) {
        OneTimeTokenRecord invitation = openInvitation(admin, invitationId);
        store.write(s -> {
            s.getMapper(OneTimeTokenMapper.class).revoke(invitation.id());
            audit.append(s, Actor.user(admin.userId(), admin.email()), "invitation.revoked",
                    invitation.organizationId(), invitation.email(), Map.of(), client);
            return null;
        });
    }

    /** The invitation behind a link, once checked, and whether its address has an account already. */
    public Pending check(String token) {
        OneTimeTokenRecord invitation = tokens.open(token, OneTimeTokens.INVITE);
        boolean hasAccount = store.read(UserMapper.class,
                m -> m.findByEmail(organizations.tenantId(), invitation.email())) != null;
        return new Pending(Invitation.of(invitation), hasAccount);
    }

    /** An invitation link as its page shows it. */
    public record Pending(Invitation invitation, boolean hasAccount) {
    }

    /**
     * Accepts an invitation. A new person gives a name and password and is signed in; a person with an account
     * gets the membership and signs in as usual (the link proves the mailbox, not the account's password).
     *
     * @return the new session for a new account, or empty for an existing account
     */
    public Optional<SignInOutcome> accept(String token, String name, String password, Client client) {
        Pending pending = check(token);
        Invitation invitation = pending.invitation();
        long tenant = organizations.tenantId();
        if (pending.hasAccount()) {
            store.write(s -> {
                OneTimeTokenRecord used = tokens.consume(s, token, OneTimeTokens.INVITE);
                UserRecord user = s.getMapper(UserMapper.class).findByEmail(tenant, used.email());
                s.getMapper(UserMapper.class).markVerified(user.id());
                organizations.joinContactOrganizations(s, user.id());
                s.getMapper(MembershipMapper.class).upsert(user.id(), used.organizationId(), used.role(), "active");
                audit.append(s, Actor.user(user.id(), user.email()), "invitation.accepted", used.organizationId(),
                        user.email(), Map.of("role", used.role().name().toLowerCase()), client);
                return null;
            });
            return Optional.empty();
        }
        String displayName = name == null ? "" : name.strip();
        if (displayName.isEmpty() || displayName.length() > MAX_NAME) {
            throw ProblemException.badRequest("Enter your name (at most " + MAX_NAME + " characters).");
        }
        PasswordPolicy.problem(password, invitation.email()).ifPresent(p -> {
            throw ProblemException.badRequest(p);
        });
        String hash = hasher.hash(password);
        UserRecord user = store.write(s -> {
            OneTimeTokenRecord used = tokens.consume(s, token, OneTimeTokens.INVITE);
            UserMapper users = s.getMapper(UserMapper.class);
            if (users.findByEmail(tenant, used.email()) != null) {
                throw ProblemException.conflict("An account with this email address was created meanwhile. Open the link "
                        + "again to join with it.");
            }
            long id = users.insert(tenant, used.email(), displayName, hash, true);
            organizations.joinContactOrganizations(s, id);
            s.getMapper(MembershipMapper.class).upsert(id, used.organizationId(), used.role(), "active");
            audit.append(s, Actor.user(id, used.email()), "invitation.accepted", used.organizationId(), used.email(),
                    Map.of("role", used.role().name().toLowerCase(), "newAccount", true), client);
            return users.findById(tenant, id);
        });
        List<MembershipRecord> usable = store.read(MembershipMapper.class, m -> m.forUser(user.id())).stream()
                .filter(MembershipRecord::usable).toList();
        boolean mfa = policies.mfaRequired(usable.stream().map(MembershipRecord::organizationId).toList());
        return Optional.of(signIn.start(user, usable, SessionService.PASSWORD, mfa, client));
    }

    private OneTimeTokenRecord openInvitation(PortalUser admin, long invitationId) {
        OneTimeTokenRecord invitation = store.read(OneTimeTokenMapper.class, m -> m.findById(invitationId));
        if (invitation == null || !OneTimeTokens.INVITE.equals(invitation.purpose())) {
            throw ProblemException.notFound("No such invitation.");
        }
        Authority.requireManager(admin, invitation.organizationId());
        if (!invitation.open(Instant.now())) {
            throw ProblemException.gone("This invitation was accepted, revoked or has expired.");
        }
        return invitation;
    }

    private Organization organization(long organizationId) {
        return organizations.find(organizationId)
                .orElseThrow(() -> ProblemException.notFound("No organization " + organizationId + "."));
    }

    private static EmailAddress parse(String email) {
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
