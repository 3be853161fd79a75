package io.portico.identity.internal.account;

import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.PasswordHasher;
import io.portico.identity.internal.mail.IdentityMail;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.token.OneTimeTokenMapper;
import io.portico.identity.internal.token.OneTimeTokenRecord;
import io.portico.identity.internal.token.OneTimeTokens;
import io.portico.identity.internal.user.EmailAddress;
import io.portico.identity.internal.user.PasswordPolicy;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Password reset by emailed single-use link. Asking answers the same whether or not the address has an account;
 * completing it sets the password, unlocks the account, confirms the address and ends every session.
 */
@Component(service = PasswordResets.class)
public final class PasswordResets {

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final OneTimeTokens tokens;
    private final IdentityMail mail;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final IdentitySettings settings;

    @Activate
    public PasswordResets(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference OneTimeTokens tokens, @Reference IdentityMail mail, @Reference AuditLog audit,
            @Reference PasswordHasher hasher, @Reference SessionService sessions,
            @Reference IdentitySettings settings) {
        this.store = store;
        this.organizations = organizations;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.hasher = hasher;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** Emails a reset link when the address has an active account; a newer link replaces older ones. */
    public void request(String email, Client client) {
        EmailAddress address = parse(email);
        UserRecord user = store.read(UserMapper.class, m -> m.findByEmail(organizations.tenantId(), address.value()));
        if (user == null || user.disabled()) {
            audit.record(Actor.anonymous(address.value()), "password_reset.requested", null, address.value(),
                    Map.of("account", false), client);
            return;
        }
        String token = store.write(s -> {
            s.getMapper(OneTimeTokenMapper.class).revokeOpen(OneTimeTokens.RESET, user.email(), null);
            audit.append(s, Actor.user(user.id(), user.email()), "password_reset.requested", null, user.email(),
                    Map.of("account", true), client);
            return tokens.issue(s, OneTimeTokens.RESET, user.email(), user.id(), null, null, null,
                    settings.resetValidity()).token();
        });
        mail.passwordReset(user.email(), user.shownName(), token);
    }

    /** The email the link was sent to, once the link is checked (for the page that asks for the new password). */
    public String check(String token) {
        return tokens.open(token, OneTimeTokens.RESET).email();
    }

    /** Sets a new password with a reset link; returns the account's email. */
    public String complete(String token, String password, Client client) {
        OneTimeTokenRecord link = tokens.open(token, OneTimeTokens.RESET);
        PasswordPolicy.problem(password, link.email()).ifPresent(p -> {
            throw ProblemException.badRequest(p);
        });
        String hash = hasher.hash(password);
        return store.write(s -> {
            OneTimeTokenRecord used = tokens.consume(s, token, OneTimeTokens.RESET);
            UserMapper users = s.getMapper(UserMapper.class);
            users.setPassword(used.userId(), hash);
            users.markVerified(used.userId());
            organizations.joinContactOrganizations(s, used.userId());
            int ended = sessions.endAll(s, used.userId());
            audit.append(s, Actor.user(used.userId(), used.email()), "password_reset.completed", null, used.email(),
                    Map.of("sessionsEnded", ended), client);
            return used.email();
        });
    }

    private static EmailAddress parse(String email) {
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
