package io.portico.api.sync;

import java.time.Instant;

/**
 * A record that does not sync now: it failed the last time it was read, and every incremental run reads it again
 * until it syncs, is deleted in NetSuite, or a full load no longer finds it.
 *
 * @param netsuiteId the record's NetSuite internal id
 * @param kind {@code mapping} (malformed data) or {@code write} (refused by the database)
 * @param message the last error
 * @param attempts how many runs have read it and failed
 * @param firstFailedAt when it first failed
 * @param lastFailedAt when it last failed
 */
public record SyncFailingRecord(long netsuiteId, String kind, String message, int attempts, Instant firstFailedAt,
        Instant lastFailedAt) {
}
