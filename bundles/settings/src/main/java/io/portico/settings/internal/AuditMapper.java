package io.portico.settings.internal;

import org.apache.ibatis.annotations.Param;

/** The audit log, written in the transaction of a settings change (identity offers no API to write it from here). */
public interface AuditMapper {

    void insertAudit(@Param("tenantId") long tenantId, @Param("userId") Long userId, @Param("actor") String actor,
            @Param("action") String action, @Param("subject") String subject, @Param("detail") String detailJson);
}
