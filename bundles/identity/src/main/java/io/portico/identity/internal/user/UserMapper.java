package io.portico.identity.internal.user;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code app_user}; emails compare case-insensitively. */
public interface UserMapper {

    UserRecord findByEmail(@Param("tenantId") long tenantId, @Param("email") String email);

    UserRecord findById(@Param("tenantId") long tenantId, @Param("id") long id);

    /** Inserts a user and returns its id. */
    long insert(@Param("tenantId") long tenantId, @Param("email") String email,
            @Param("displayName") String displayName, @Param("passwordHash") String passwordHash,
            @Param("verified") boolean verified);

    /** Counts a failed sign-in; the failure that reaches {@code maxAttempts} locks the account for a while. */
    int recordFailure(@Param("id") long id, @Param("maxAttempts") int maxAttempts,
            @Param("lockMinutes") int lockMinutes);

    int recordSignIn(@Param("id") long id);

    int setPassword(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int markVerified(@Param("id") long id);

    int setDisplayName(@Param("id") long id, @Param("displayName") String displayName);

    int setTimeZone(@Param("id") long id, @Param("timeZone") String timeZone);

    int setTimeZoneIfUnset(@Param("id") long id, @Param("timeZone") String timeZone);

    int setStatus(@Param("id") long id, @Param("status") String status);

    /** Stores a new, not yet confirmed TOTP secret (sealed). */
    int setMfaSecret(@Param("id") long id, @Param("sealedSecret") String sealedSecret);

    int enableMfa(@Param("id") long id, @Param("step") long step);

    int disableMfa(@Param("id") long id);

    /** Records a TOTP step as used; 0 when that step (or a later one) was used already, i.e. a replay. */
    int useMfaStep(@Param("id") long id, @Param("step") long step);

    List<UserRecord> list(@Param("tenantId") long tenantId, @Param("organizationId") Long organizationId,
            @Param("emailContains") String emailContains, @Param("offset") int offset, @Param("limit") int limit);
}
