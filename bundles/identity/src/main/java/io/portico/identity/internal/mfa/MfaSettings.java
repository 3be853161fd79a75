package io.portico.identity.internal.mfa;

import io.portico.api.web.Pages;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.crypto.Totp;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserRecord;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A signed-in person turning TOTP on or off for their own account; both are audited. */
@Component(service = MfaSettings.class)
public final class MfaSettings {

    /** An enrolment in progress: the key to type into an app, or the {@code otpauth:} address to import. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    private final MfaService mfa;
    private final AuditLog audit;
    private final Policies policies;
    private final Pages pages;

    @Activate
    public MfaSettings(@Reference MfaService mfa, @Reference AuditLog audit, @Reference Policies policies,
            @Reference Pages pages) {
        this.mfa = mfa;
        this.audit = audit;
        this.policies = policies;
        this.pages = pages;
    }

    public Enrolment start(UserRecord user) {
        if (user.mfaEnabled()) {
            throw ProblemException.conflict("Two-step verification is on already.");
        }
        String secret = mfa.startEnrolment(user.id());
        return new Enrolment(secret, Totp.uri(pages.branding().name(), user.email(), secret));
    }

    /** The enrolment in progress, if any, to show again. */
    public Enrolment pending(UserRecord user) {
        String secret = mfa.pendingSecret(user.id());
        return secret == null ? null : new Enrolment(secret, Totp.uri(pages.branding().name(), user.email(), secret));
    }

    public void confirm(UserRecord user, String code, Client client) {
        if (!mfa.confirmEnrolment(user.id(), code)) {
            throw ProblemException.badRequest("The code is wrong. Enter the current code from your authenticator app.");
        }
        audit.record(Actor.user(user.id(), user.email()), "mfa.enabled", null, user.email(), Map.of(), client);
    }

    /** Turns MFA off with a current code, unless an organization of the user requires it. */
    public void disable(UserRecord user, List<MembershipRecord> memberships, String code, Client client) {
        if (policies.mfaRequired(memberships.stream().map(MembershipRecord::organizationId).toList())) {
            throw ProblemException.forbidden("Your organization requires two-step verification.");
        }
        if (!mfa.verify(user.id(), code)) {
            throw ProblemException.badRequest("The code is wrong or was used already.");
        }
        mfa.disable(user.id());
        audit.record(Actor.user(user.id(), user.email()), "mfa.disabled", null, user.email(), Map.of(), client);
    }
}
