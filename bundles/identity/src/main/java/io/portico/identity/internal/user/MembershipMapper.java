package io.portico.identity.internal.user;

import io.portico.api.identity.Role;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code membership}. */
public interface MembershipMapper {

    /** Every membership of a user, operator organization first, then by organization name. */
    List<MembershipRecord> forUser(@Param("userId") long userId);

    MembershipRecord find(@Param("userId") long userId, @Param("organizationId") long organizationId);

    MembershipRecord findById(@Param("id") long id);

    /**
     * Adds a membership, or changes the role of an existing one (an accepted invitation wins); either way the
     * membership is no contact link's to take back, and an administrator's refusal of contact links for it ends.
     */
    int upsert(@Param("userId") long userId, @Param("organizationId") long organizationId, @Param("role") Role role,
            @Param("status") String status);

    int setRole(@Param("id") long id, @Param("role") Role role);

    int setRecordAccess(@Param("id") long id, @Param("recordAccess") Map<String, Object> recordAccess);

    int approve(@Param("id") long id);

    int delete(@Param("id") long id);

    List<MemberRecord> members(@Param("organizationId") long organizationId);

    int countWithRole(@Param("organizationId") long organizationId, @Param("role") Role role);

    /**
     * The tenant's customer users: {@code members} (active memberships in customer organizations) and
     * {@code invited} (invitations to them still open).
     */
    Map<String, Object> customerUsers(@Param("tenantId") long tenantId);
}
