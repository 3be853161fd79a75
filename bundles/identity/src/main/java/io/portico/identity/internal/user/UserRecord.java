package io.portico.identity.internal.user;

import java.time.Instant;

/** One row of {@code app_user}. The MFA secret stays sealed here; only the MFA code path reveals it. */
public record UserRecord(long id, long tenantId, String email, String displayName, String passwordHash,
        Instant emailVerifiedAt, String status, int failedAttempts, Instant lockedUntil, String mfaSecret,
        Instant mfaEnabledAt, Long mfaLastStep, Instant lastSignInAt, Instant createdAt) {

    public boolean verified() {
        return emailVerifiedAt != null;
    }

    public boolean disabled() {
        return "disabled".equals(status);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean mfaEnabled() {
        return mfaEnabledAt != null && mfaSecret != null;
    }

    /** The name to show: the display name, else the email. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? email : displayName;
    }
}
