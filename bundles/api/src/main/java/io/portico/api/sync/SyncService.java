package io.portico.api.sync;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** NetSuite syncs of the operator's tenant: configurations, runs, progress and history. */
@ProviderType
public interface SyncService {

    /** Every configured record type, plus every running record-type plugin not configured yet, by name. */
    List<SyncConfig> configs();

    Optional<SyncConfig> config(String recordType);

    /**
     * Creates or replaces a record type's configuration. Changing the filters or the initial window makes the next
     * run a full resync. Only a running record-type plugin's name creates one; an existing configuration can be
     * changed while its plugin is stopped.
     *
     * @throws SyncException with {@code INVALID_SETTINGS} naming the first bad setting, or
     *         {@code UNKNOWN_RECORD_TYPE} for a name no running plugin has and no configuration uses
     */
    SyncConfig configure(String recordType, SyncSettings settings);

    /**
     * Starts a run now, on this node, and returns it as it starts; it goes on in the background. A record type
     * without a configuration gets the default one.
     *
     * @param full a full resync: read everything again and archive (or delete) what NetSuite no longer has
     * @throws SyncException when the run cannot start (unknown record type, disabled, already running, NetSuite not
     *         configured)
     */
    SyncRun start(String recordType, boolean full);

    /** Asks the record type's run on this node to stop after its current pages; returns whether one was running. */
    boolean stop(String recordType);

    Optional<SyncRun> run(long runId);

    /** The record type's runs, newest first. */
    List<SyncRun> runs(String recordType, int limit);

    /** The run's errors, oldest first. */
    List<SyncRunError> errors(long runId, int offset, int limit);

    /**
     * The record type's records that fail to sync now, by NetSuite id.
     *
     * @param limit at most this many (capped at 1000)
     */
    List<SyncFailingRecord> failingRecords(String recordType, int offset, int limit);

    /** How many of the record type's records fail to sync now. */
    long failingRecordCount(String recordType);
}
