package io.portico.identity.internal.mfa;

import io.portico.api.secrets.SecretBox;
import io.portico.identity.internal.crypto.Totp;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.user.UserRecord;
import java.time.Clock;
import java.util.OptionalLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * TOTP second factor: enrolment (a new secret, confirmed by a first code), verification with replay protection,
 * removal. Secrets are sealed with the platform's SecretBox before they reach the database.
 */
@Component(service = MfaService.class)
public final class MfaService {

    private final IdentityStore store;
    private final SecretBox secrets;
    private final OrganizationsImpl organizations;
    private final Clock clock;

    @Activate
    public MfaService(@Reference IdentityStore store, @Reference SecretBox secrets,
            @Reference OrganizationsImpl organizations) {
        this(store, secrets, organizations, Clock.systemUTC());
    }

    public MfaService(IdentityStore store, SecretBox secrets, OrganizationsImpl organizations, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Starts (or restarts) enrolment for a user without MFA; returns the secret to show once. */
    public String startEnrolment(long userId) {
        String secret = Totp.newSecret();
        String sealed = secrets.seal(secret);
        int updated = store.write(UserMapper.class, m -> {
            UserRecord user = m.findById(organizations.tenantId(), userId);
            return user == null || user.mfaEnabled() ? 0 : m.setMfaSecret(userId, sealed);
        });
        if (updated == 0) {
            throw new IllegalStateException("MFA is already enabled for this user");
        }
        return secret;
    }

    /** The secret of an enrolment in progress, to show again (for example after a wrong code). */
    public String pendingSecret(long userId) {
        UserRecord user = user(userId);
        return user.mfaSecret() == null || user.mfaEnabled() ? null : secrets.reveal(user.mfaSecret());
    }

    /** Confirms an enrolment with a first code; returns whether MFA is now enabled. */
    public boolean confirmEnrolment(long userId, String code) {
        UserRecord user = user(userId);
        if (user.mfaSecret() == null || user.mfaEnabled()) {
            return false;
        }
        OptionalLong step = Totp.verify(secrets.reveal(user.mfaSecret()), code, clock.instant(), Long.MIN_VALUE);
        return step.isPresent() && store.write(UserMapper.class, m -> m.enableMfa(userId, step.getAsLong())) == 1;
    }

    /** Whether a code is right for a user with MFA; each code works once. */
    public boolean verify(long userId, String code) {
        UserRecord user = user(userId);
        if (!user.mfaEnabled()) {
            return false;
        }
        long last = user.mfaLastStep() == null ? Long.MIN_VALUE : user.mfaLastStep();
        OptionalLong step = Totp.verify(secrets.reveal(user.mfaSecret()), code, clock.instant(), last);
        // The conditional update makes a replay lose even when two nodes check the same code at once.
        return step.isPresent() && store.write(UserMapper.class, m -> m.useMfaStep(userId, step.getAsLong())) == 1;
    }

    public void disable(long userId) {
        store.write(UserMapper.class, m -> m.disableMfa(userId));
    }

    private UserRecord user(long userId) {
        UserRecord user = store.read(UserMapper.class, m -> m.findById(organizations.tenantId(), userId));
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        return user;
    }
}
