package io.portico.identity.internal.token;

import io.portico.api.identity.Role;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code one_time_token}. */
public interface OneTimeTokenMapper {

    long insert(@Param("tokenHash") byte[] tokenHash, @Param("purpose") String purpose, @Param("email") String email,
            @Param("userId") Long userId, @Param("organizationId") Long organizationId, @Param("role") Role role,
            @Param("createdBy") Long createdBy, @Param("validMinutes") long validMinutes);

    /** The token whatever its state, so the caller can say why it does not work. */
    OneTimeTokenRecord findByHash(@Param("tokenHash") byte[] tokenHash);

    OneTimeTokenRecord findById(@Param("id") long id);

    /** Marks a token used if it is still open; 0 when someone else used it first or it is no longer open. */
    int consume(@Param("id") long id);

    int revoke(@Param("id") long id);

    /** Revokes the open tokens of a purpose for an email (a new link replaces the old ones). */
    int revokeOpen(@Param("purpose") String purpose, @Param("email") String email,
            @Param("organizationId") Long organizationId);

    /** Open invitations, for one organization or (null) all. */
    List<OneTimeTokenRecord> openInvitations(@Param("organizationId") Long organizationId);

    /** Open invitations for an email, across organizations. */
    List<OneTimeTokenRecord> openInvitationsFor(@Param("email") String email);
}
