package io.portico.identity.internal.apitoken;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code api_token}. */
public interface ApiTokenMapper {

    long insert(@Param("tokenHash") byte[] tokenHash, @Param("prefix") String prefix, @Param("name") String name,
            @Param("userId") long userId, @Param("organizationId") long organizationId,
            @Param("expiresAt") Instant expiresAt);

    /** A token that is neither revoked nor expired. */
    ApiTokenRecord findUsable(@Param("tokenHash") byte[] tokenHash);

    /** Notes the use, at most once a minute. */
    int touch(@Param("id") long id);

    List<ApiTokenRecord> list(@Param("organizationId") long organizationId);

    ApiTokenRecord findById(@Param("id") long id);

    int revoke(@Param("id") long id);
}
