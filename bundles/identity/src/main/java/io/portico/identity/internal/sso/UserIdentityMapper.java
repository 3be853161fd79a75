package io.portico.identity.internal.sso;

import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code user_identity}: the identities at SSO providers linked to users. */
public interface UserIdentityMapper {

    /** The user linked to an issuer's subject, or {@code null}. */
    Long findUser(@Param("issuer") String issuer, @Param("subject") String subject);

    /** Links an identity to a user, or notes its use when it is linked already. */
    int link(@Param("userId") long userId, @Param("provider") String provider, @Param("issuer") String issuer,
            @Param("subject") String subject);
}
