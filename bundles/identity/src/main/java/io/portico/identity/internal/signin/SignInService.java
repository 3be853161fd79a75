package io.portico.identity.internal.signin;

import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.PasswordHasher;
import io.portico.identity.internal.mail.IdentityMail;
import io.portico.identity.internal.mfa.MfaService;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.session.NewSession;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.token.OneTimeTokens;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.PasswordPolicy;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import io.portico.identity.internal.viewas.ViewAs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Password sign-in, the TOTP step, choosing an organization and signing out. Failed attempts are counted per
 * account (a temporary lock) and per client address (a wait), and every outcome is audited.
 */
@Component(service = SignInService.class)
public final class SignInService {

    static final String WRONG = "The email address or password is wrong.";
    private static final int MAX_EMAIL = 254;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Policies policies;
    private final PasswordHasher hasher;
    private final MfaService mfa;
    private final OneTimeTokens tokens;
    private final IdentityMail mail;
    private final IdentitySettings settings;

    @Activate
    public SignInService(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference SessionService sessions, @Reference AuditLog audit, @Reference Policies policies,
            @Reference PasswordHasher hasher, @Reference MfaService mfa, @Reference OneTimeTokens tokens,
            @Reference IdentityMail mail, @Reference IdentitySettings settings) {
        this.store = store;
        this.organizations = organizations;
        this.sessions = sessions;
        this.audit = audit;
        this.policies = policies;
        this.hasher = hasher;
        this.mfa = mfa;
        this.tokens = tokens;
        this.mail = mail;
        this.settings = settings;
    }

    /**
     * Checks an email and password and starts a session.
     *
     * @throws io.portico.api.web.ProblemException with a message for the person: malformed input (400), wrong
     *         credentials (401), unverified or unusable account (403), locked (423), too many failures (429)
     */
    public SignInOutcome signIn(String email, String password, Client client) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw ProblemException.badRequest("Enter your email address and password.");
        }
        if (email.length() > MAX_EMAIL || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw ProblemException.badRequest(WRONG);
        }
        if (audit.recentFailures(client.ip(), settings.addressFailureWindowMinutes())
                >= settings.addressFailureLimit()) {
            throw ProblemException.tooManyRequests("Too many failed sign-ins from your network. Wait "
                    + settings.addressFailureWindowMinutes() + " minutes and try again.");
        }
        long tenant = organizations.tenantId();
        UserRecord user = store.read(UserMapper.class, m -> m.findByEmail(tenant, email.strip()));
        if (user == null) {
            hasher.verifyDecoy(password);
            fail(Actor.anonymous(email.strip()), null, "unknown email", client);
            throw ProblemException.unauthorized(WRONG);
        }
        Actor actor = Actor.user(user.id(), user.email());
        Instant now = Instant.now();
        if (user.lockedAt(now)) {
            audit.record(actor, "sign_in.locked", null, user.email(), Map.of(), client);
            throw ProblemException.locked("Too many failed sign-ins: this account is locked until "
                    + TIME.format(user.lockedUntil()) + ". You can reset your password to unlock it now.");
        }
        if (!hasher.verify(user.passwordHash(), password)) {
            store.write(UserMapper.class,
                    m -> m.recordFailure(user.id(), settings.maxFailedSignIns(), settings.lockoutMinutes()));
            fail(actor, user, "wrong password", client);
            throw ProblemException.unauthorized(WRONG);
        }
        return afterPassword(user, password, client);
    }

    private SignInOutcome afterPassword(UserRecord user, String password, Client client) {
        Actor actor = Actor.user(user.id(), user.email());
        if (user.disabled()) {
            audit.record(actor, "sign_in.refused", null, user.email(), Map.of("reason", "disabled"), client);
            throw ProblemException.forbidden("This account is disabled. Ask your administrator.");
        }
        if (!user.verified()) {
            String token = store.write(s -> tokens.issue(s, OneTimeTokens.VERIFY, user.email(), user.id(), null,
                    null, null, settings.verificationValidity()).token());
            mail.verification(user.email(), user.shownName(), token);
            audit.record(actor, "sign_in.refused", null, user.email(), Map.of("reason", "unverified"), client);
            throw ProblemException.forbidden("Confirm your email address first: we have sent you a new link.");
        }
        List<MembershipRecord> all = store.read(MembershipMapper.class, m -> m.forUser(user.id()));
        List<MembershipRecord> usable = all.stream().filter(MembershipRecord::usable).toList();
        if (usable.isEmpty()) {
            audit.record(actor, "sign_in.refused", null, user.email(), Map.of("reason", "no organization"), client);
            boolean pending = all.stream().anyMatch(MembershipRecord::pending);
            throw ProblemException.forbidden(pending
                    ? "Your registration is waiting for an administrator's approval."
                    : "Your account does not belong to any organization at the moment. Ask your administrator.");
        }
        if (hasher.needsRehash(user.passwordHash())) {
            String upgraded = hasher.hash(password);
            store.write(UserMapper.class, m -> m.setPassword(user.id(), upgraded));
        }
        boolean mfaNeeded = user.mfaEnabled()
                || policies.mfaRequired(usable.stream().map(MembershipRecord::organizationId).toList());
        return start(user, usable, SessionService.PASSWORD, mfaNeeded, client);
    }

    /** Starts a session for a user whose identity is established; used by password and SSO sign-in. */
    public SignInOutcome start(UserRecord user, List<MembershipRecord> usable, String method, boolean mfaPending,
            Client client) {
        Long organization = usable.size() == 1 ? usable.get(0).organizationId() : null;
        NewSession session = store.write(s -> {
            s.getMapper(UserMapper.class).recordSignIn(user.id());
            audit.append(s, Actor.user(user.id(), user.email()), mfaPending ? "sign_in.password_ok" : "sign_in",
                    organization, user.email(), Map.of("method", method), client);
            return sessions.start(s, user.id(), organization, method, mfaPending, client);
        });
        Authentication.State next = mfaPending ? Authentication.State.MFA_PENDING
                : organization == null ? Authentication.State.CHOOSING_ORGANIZATION : Authentication.State.SIGNED_IN;
        return new SignInOutcome(session, next);
    }

    /**
     * Completes the second step with a TOTP code (or confirms the enrolment that the organization requires) and
     * replaces the half-signed-in session with a full one.
     */
    public SignInOutcome completeMfa(Authentication pending, String code, Client client) {
        if (pending.state() != Authentication.State.MFA_PENDING) {
            throw ProblemException.unauthorized("Sign in with your password first.");
        }
        UserRecord user = pending.account();
        boolean ok = user.mfaEnabled() ? mfa.verify(user.id(), code) : mfa.confirmEnrolment(user.id(), code);
        Actor actor = Actor.user(user.id(), user.email());
        if (!ok) {
            store.write(UserMapper.class,
                    m -> m.recordFailure(user.id(), settings.maxFailedSignIns(), settings.lockoutMinutes()));
            audit.record(actor, "sign_in.failed", null, user.email(), Map.of("reason", "wrong code"), client);
            throw ProblemException.unauthorized("The code is wrong or was used already. Enter the current code from your "
                    + "authenticator app.");
        }
        store.write(s -> {
            sessions.end(s, pending.session().idHash());
            if (!user.mfaEnabled()) {
                audit.append(s, actor, "mfa.enabled", null, user.email(), Map.of(), client);
            }
            return null;
        });
        return start(user, pending.memberships(), pending.session().authMethod(), false, client);
    }

    /** Makes one of the user's organizations the session's active one. */
    public void chooseOrganization(Authentication auth, long organizationId, Client client) {
        if (!auth.hasSession()) {
            throw ProblemException.unauthorized("Sign in first.");
        }
        MembershipRecord membership = auth.memberships().stream()
                .filter(m -> m.organizationId() == organizationId).findFirst()
                .orElseThrow(() -> ProblemException.forbidden("You are not a member of that organization."));
        store.write(s -> {
            sessions.setOrganization(s, auth.session().idHash(), membership.organizationId());
            audit.append(s, Actor.user(auth.account().id(), auth.account().email()), "organization.switched",
                    membership.organizationId(), auth.account().email(), Map.of(), client);
            return null;
        });
    }

    public void signOut(Authentication auth, Client client) {
        if (auth.session() == null) {
            return;
        }
        store.write(s -> {
            sessions.end(s, auth.session().idHash());
            Actor actor = Actor.user(auth.account().id(), auth.account().email());
            auditViewEnded(s, actor, auth, "sign-out", client);
            audit.append(s, actor, "sign_out", null, auth.account().email(), Map.of(), client);
            return null;
        });
    }

    /** Ends every session of the user, on every device. */
    public int signOutEverywhere(Authentication auth, Client client) {
        if (auth.account() == null) {
            throw ProblemException.unauthorized("Sign in first.");
        }
        return store.write(s -> {
            int ended = sessions.endAll(s, auth.account().id());
            Actor actor = Actor.user(auth.account().id(), auth.account().email());
            auditViewEnded(s, actor, auth, "sign-out everywhere", client);
            audit.append(s, actor, "sign_out.everywhere", null, auth.account().email(), Map.of("sessions", ended),
                    client);
            return ended;
        });
    }

    /** A session viewing a customer's portal ends its view with it: the audit log says so. */
    private void auditViewEnded(SqlSession s, Actor actor, Authentication auth, String reason, Client client) {
        if (auth.session() != null && auth.session().viewingOrganizationId() != null) {
            audit.append(s, actor, ViewAs.STOPPED, auth.session().viewingOrganizationId(),
                    auth.user() == null ? null : auth.user().organizationName(), Map.of("reason", reason), client);
        }
    }

    private void fail(Actor actor, UserRecord user, String reason, Client client) {
        audit.record(actor, "sign_in.failed", null, user == null ? actor.label() : user.email(),
                Map.of("reason", reason), client);
    }
}
