package io.portico.api.sync;

import java.time.Instant;

/**
 * One record type's sync as it stands.
 *
 * @param recordType the record-type plugin's name
 * @param settings what is configured
 * @param state {@code idle}, {@code running}, {@code disabled}, {@code paused}, {@code plugin-stopped} (the plugin is
 *         not running: syncs wait, data stays), {@code netsuite-not-configured}, or {@code unconfigured} (a running
 *         record-type plugin without a configuration yet; {@code settings} are then the defaults)
 * @param queryAlias the alias custom conditions use for the record type's table, or null when the plugin is stopped
 * @param fullLoadDone whether a full load has completed, so runs are incremental unless a full resync is forced
 * @param watermark NetSuite's last-modified time (account time zone) up to which changes are synced, or null
 * @param nextRunAt when the schedule runs it next, or null
 * @param currentRun the run in progress (on any node), or null
 * @param lastRun the last finished run, or null
 */
public record SyncConfig(String recordType, SyncSettings settings, String state, String queryAlias,
        boolean fullLoadDone, String watermark, Instant nextRunAt, SyncRun currentRun, SyncRun lastRun) {
}
