package io.portico.sync.internal.store;

import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncSettings;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import io.portico.sync.internal.store.SyncStore.LeaseRow;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The engine's tables off the page path: configurations, state, leases, runs and their history. (A page's own
 * statements are plain JDBC in its transaction: see {@link SyncStore} and ARCHITECTURE.md.)
 */
public interface SyncMapper {

    /** A configuration's state as stored; {@code pending} is the plan's JSON. */
    record StateRecord(long configId, long generation, String watermark, boolean fullRequired, String pending) {
    }

    Long operatorId();

    List<ConfigRow> configs(@Param("tenantId") long tenantId);

    ConfigRow config(@Param("tenantId") long tenantId, @Param("recordType") String recordType);

    ConfigRow configForUpdate(@Param("tenantId") long tenantId, @Param("recordType") String recordType);

    ConfigRow saveConfig(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("s") SyncSettings settings, @Param("nextRunAt") Instant nextRunAt);

    void ensureState(@Param("configId") long configId);

    void requireFullLoad(@Param("configId") long configId);

    int setNextRunAt(@Param("configId") long configId, @Param("next") Instant next);

    int claimDue(@Param("configId") long configId, @Param("due") Instant due, @Param("next") Instant next);

    boolean hasRows(@Param("table") String table, @Param("tenantId") long tenantId,
            @Param("recordType") String recordType);

    StateRecord state(@Param("configId") long configId);

    List<Cursor> cursors(@Param("configId") long configId, @Param("phase") String phase);

    long committedRecords(@Param("configId") long configId);

    long insertRun(@Param("configId") long configId, @Param("tenantId") long tenantId,
            @Param("recordType") String recordType, @Param("nodeId") String nodeId, @Param("mode") String mode,
            @Param("trigger") String trigger);

    /** Takes the lease unless a live one exists; the run id, or null. */
    Long takeLease(@Param("configId") long configId, @Param("runId") long runId, @Param("nodeId") String nodeId,
            @Param("leaseSeconds") int leaseSeconds);

    void ownState(@Param("configId") long configId, @Param("runId") long runId);

    void ownCursors(@Param("configId") long configId, @Param("runId") long runId);

    void abandonOtherRuns(@Param("configId") long configId, @Param("runId") long runId);

    LeaseRow lease(@Param("configId") long configId);

    int renew(@Param("configId") long configId, @Param("runId") long runId, @Param("leaseSeconds") int leaseSeconds);

    int release(@Param("configId") long configId, @Param("runId") long runId);

    int progress(@Param("runId") long runId, @Param("mode") String mode, @Param("phase") String phase,
            @Param("p") RunCounters counters);

    int finish(@Param("runId") long runId, @Param("mode") String mode, @Param("phase") String phase,
            @Param("p") RunCounters counters, @Param("status") String status, @Param("message") String message);

    int setResumed(@Param("runId") long runId, @Param("resumedRunId") long resumedRunId);

    SyncRun run(@Param("runId") long runId, @Param("tenantId") long tenantId);

    int pruneRuns(@Param("days") int days, @Param("keep") int keep);

    List<SyncRun> runs(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("limit") int limit);

    SyncRun currentRun(@Param("configId") long configId);

    SyncRun lastFinishedRun(@Param("configId") long configId);

    List<SyncRunError> errors(@Param("runId") long runId, @Param("tenantId") long tenantId,
            @Param("offset") int offset, @Param("limit") int limit);

    List<SyncFailingRecord> failingRecords(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("offset") int offset, @Param("limit") int limit);

    long failingRecordCount(@Param("tenantId") long tenantId, @Param("recordType") String recordType);
}
