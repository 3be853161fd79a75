package io.portico.identity.internal.session;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code http_session}. */
public interface SessionMapper {

    int insert(SessionRecord session);

    /** The session if it has neither expired nor been idle longer than {@code idleMinutes}. */
    SessionRecord findLive(@Param("idHash") byte[] idHash, @Param("idleMinutes") int idleMinutes);

    /** Marks the session as used now, at most once a minute so that reads stay reads. */
    int touch(@Param("idHash") byte[] idHash);

    int setOrganization(@Param("idHash") byte[] idHash, @Param("organizationId") Long organizationId);

    /** Starts viewing a customer organization read-only until {@code until}, replacing any earlier view. */
    int startViewing(@Param("idHash") byte[] idHash, @Param("organizationId") long organizationId,
            @Param("until") Instant until);

    /** Ends the session's view; 0 when it had none. */
    int stopViewing(@Param("idHash") byte[] idHash);

    int delete(@Param("idHash") byte[] idHash);

    int deleteForUser(@Param("userId") long userId);

    int deleteDead(@Param("idleMinutes") int idleMinutes);
}
