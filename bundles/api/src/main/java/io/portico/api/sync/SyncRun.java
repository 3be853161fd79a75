package io.portico.api.sync;

import java.time.Instant;

/**
 * One sync run, running or finished.
 *
 * @param id the run's id
 * @param recordType the record type
 * @param mode {@code full} or {@code incremental}
 * @param trigger {@code schedule} or {@code manual}
 * @param status {@code running}, {@code succeeded}, {@code failed}, {@code stopped} (plugin stopped, cancelled or the
 *         node shut down: the next run resumes) or {@code abandoned} (its node died; the next run resumed it)
 * @param phase what it is doing: {@code planning}, {@code recent}, {@code history}, {@code changes},
 *         {@code deletions}, {@code sweep}, {@code done}
 * @param node the node that runs it
 * @param resumedRunId the run whose unfinished work this one continued, or null
 * @param startedAt when it started
 * @param finishedAt when it finished, or null while running
 * @param estimatedTotal records the run expects to read (NetSuite's count at the start), or null
 * @param recordsDone records read so far, resumed work included
 * @param inserted records new to Portico
 * @param updated records that changed
 * @param unchanged records read again without change
 * @param deleted records deleted or archived because NetSuite deleted them (or a full resync no longer saw them)
 * @param failed records that could not be mapped or stored (see the run's errors)
 * @param pages pages committed
 * @param requests NetSuite requests sent
 * @param retries NetSuite requests retried (429, 5xx, I/O errors) while the run went on
 * @param ratePerSecond records per second over the last seconds, or 0
 * @param etaSeconds estimated seconds to go, or null when unknown
 * @param message why it failed or stopped, or null
 */
public record SyncRun(long id, String recordType, String mode, String trigger, String status, String phase,
        String node, Long resumedRunId, Instant startedAt, Instant finishedAt, Long estimatedTotal,
        long recordsDone, long inserted, long updated, long unchanged, long deleted, long failed, long pages,
        long requests, long retries, double ratePerSecond, Long etaSeconds, String message) {

    public boolean running() {
        return "running".equals(status);
    }
}
