package io.portico.sync.internal;

import java.util.List;

/**
 * The plan of an unfinished run, kept in {@code sync_state.pending} so that the next run (on any node) resumes it.
 *
 * @param runId the run that made the plan
 * @param mode {@code full} or {@code incremental}
 * @param generation the full-load generation rows seen by this run are marked with
 * @param highWater NetSuite's newest last-modified time when the run started (account time); it becomes the
 *         watermark when the run completes; null when there were no records
 * @param since incremental runs: changes and deletions from this time (account time)
 * @param cutoff full runs with an initial window: the recent phase takes records dated on or after this day
 * @param phases the phases in order
 * @param phaseIndex the phase under way
 * @param estimatedTotal records the run expects to read
 * @param fresh the first full load of a record type without rows: records need not be looked up before they are
 *         written
 */
record Pending(long runId, String mode, long generation, String highWater, String since, String cutoff,
        List<String> phases, int phaseIndex, long estimatedTotal, boolean fresh) {

    static final String FULL = "full";
    static final String INCREMENTAL = "incremental";

    static final String ALL = "all";
    static final String RECENT = "recent";
    static final String HISTORY = "history";
    static final String CHANGES = "changes";
    /** Incremental runs: records that failed before and have not changed since, read again by id. */
    static final String RETRIES = "retries";
    static final String DELETIONS = "deletions";
    static final String SWEEP = "sweep";

    Pending {
        phases = List.copyOf(phases);
    }

    boolean full() {
        return FULL.equals(mode);
    }

    boolean finished() {
        return phaseIndex >= phases.size();
    }

    String phase() {
        return finished() ? "done" : phases.get(phaseIndex);
    }

    Pending next() {
        return new Pending(runId, mode, generation, highWater, since, cutoff, phases, phaseIndex + 1, estimatedTotal,
                fresh);
    }

    /** Phases that read records in id slices. */
    static boolean sliced(String phase) {
        return ALL.equals(phase) || RECENT.equals(phase) || HISTORY.equals(phase) || CHANGES.equals(phase);
    }
}
