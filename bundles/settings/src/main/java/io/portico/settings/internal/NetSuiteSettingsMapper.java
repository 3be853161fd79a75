package io.portico.settings.internal;

import org.apache.ibatis.annotations.Param;

/** Settings &gt; NetSuite's one row for the operator (the deployment's one tenant). */
public interface NetSuiteSettingsMapper {

    /** The saved connection, or {@code null} while an admin has not saved one. */
    NetSuiteSettingsRow current();

    /** Inserts or replaces the row and increments its version. */
    void save(@Param("tenantId") long tenantId, @Param("userId") Long userId, @Param("c") NetSuiteSettingsRow row);
}
