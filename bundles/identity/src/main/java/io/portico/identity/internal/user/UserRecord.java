package io.portico.identity.internal.user;

import io.portico.api.web.Formats;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One row of {@code app_user}. The MFA secret stays sealed here; only the MFA code path reveals it. {@code timeZone} is
 * the IANA name the user reads times in, {@code null} until chosen.
 */
public record UserRecord(long id, long tenantId, String email, String displayName, String passwordHash,
        Instant emailVerifiedAt, String status, int failedAttempts, Instant lockedUntil, String mfaSecret,
        Instant mfaEnabledAt, Long mfaLastStep, Instant lastSignInAt, Instant createdAt, String timeZone) {

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

    /** The user's time zone, or {@code null} while none is chosen (or the stored name is no longer known). */
    public ZoneId zone() {
        return Formats.zone(timeZone);
    }

    /** The name to show: the display name, else the email. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? email : displayName;
    }
}
