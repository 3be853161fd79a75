package io.portico.identity.internal.audit;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Appends to and reads {@code audit_log}. */
public interface AuditMapper {

    int insert(AuditEntry entry);

    /** Newest first; {@code beforeId} pages backwards. */
    List<AuditEntry> list(@Param("tenantId") long tenantId, @Param("organizationId") Long organizationId,
            @Param("beforeId") Long beforeId, @Param("limit") int limit);

    int countFailedSignIns(@Param("ip") String ip, @Param("minutes") int minutes);
}
