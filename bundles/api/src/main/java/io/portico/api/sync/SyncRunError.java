package io.portico.api.sync;

import java.time.Instant;

/**
 * One error of a run.
 *
 * @param netsuiteId the NetSuite internal id of the record at fault, or null for the run's own failure
 * @param kind {@code mapping} (malformed data), {@code write} (refused by the database), {@code netsuite} (a call
 *         failed) or {@code run} (the run failed)
 * @param message what went wrong
 * @param detail the column and value at fault, or more detail, or null
 * @param occurredAt when
 */
public record SyncRunError(Long netsuiteId, String kind, String message, String detail, Instant occurredAt) {
}
