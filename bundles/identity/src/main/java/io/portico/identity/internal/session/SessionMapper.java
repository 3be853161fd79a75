package io.portico.identity.internal.session;

import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code http_session}. */
public interface SessionMapper {

    int insert(SessionRecord session);

    /** The session if it has neither expired nor been idle longer than {@code idleMinutes}. */
    SessionRecord findLive(@Param("idHash") byte[] idHash, @Param("idleMinutes") int idleMinutes);

    /** Marks the session as used now, at most once a minute so that reads stay reads. */
    int touch(@Param("idHash") byte[] idHash);

    int setOrganization(@Param("idHash") byte[] idHash, @Param("organizationId") Long organizationId);

    int delete(@Param("idHash") byte[] idHash);

    int deleteForUser(@Param("userId") long userId);

    int deleteDead(@Param("idleMinutes") int idleMinutes);
}
