package io.portico.oidc.internal.flow;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code sso_pending_login}. */
public interface PendingLoginMapper {

    /** One row as {@link #take} returns it; {@code properties} is the JSON object's text. */
    record Row(byte[] browserHash, String provider, String authorizationUri, String nonce, String codeVerifier,
            String redirectUri, String returnTo, String properties, Instant expiresAt) {
    }

    int deleteExpired(@Param("now") Instant now);

    void insert(@Param("stateHash") byte[] stateHash, @Param("browserHash") byte[] browserHash,
            @Param("provider") String provider, @Param("authorizationUri") String authorizationUri,
            @Param("nonce") String nonce, @Param("codeVerifier") String codeVerifier,
            @Param("redirectUri") String redirectUri, @Param("returnTo") String returnTo,
            @Param("properties") String properties, @Param("expiresAt") Instant expiresAt);

    /** Deletes the row with this state hash and returns it, or null when there is none. */
    Row take(@Param("stateHash") byte[] stateHash);
}
