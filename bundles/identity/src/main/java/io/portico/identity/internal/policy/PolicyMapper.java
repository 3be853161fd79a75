package io.portico.identity.internal.policy;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads and writes {@code identity_policy}. */
public interface PolicyMapper {

    PolicyRecord find(@Param("organizationId") long organizationId);

    /** Whether any of the organizations requires MFA. */
    boolean anyRequiresMfa(@Param("organizationIds") List<Long> organizationIds);

    int upsert(PolicyRecord policy);
}
