package io.portico.sync.internal.store;

import java.util.List;

/**
 * The plan of an unfinished run, kept in {@code sync_state.pending} so that the next run (on any node) resumes it.
 *
 * @param runId the run that made the plan
 * @param mode full or incremental
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
public record RunPlan(long runId, Mode mode, long generation, String highWater, String since, String cutoff,
        List<Phase> phases, int phaseIndex, long estimatedTotal, boolean fresh) {

    public RunPlan {
        phases = List.copyOf(phases);
    }

    public boolean full() {
        return mode == Mode.FULL;
    }

    public boolean finished() {
        return phaseIndex >= phases.size();
    }

    public Phase phase() {
        return finished() ? Phase.DONE : phases.get(phaseIndex);
    }

    public RunPlan next() {
        return new RunPlan(runId, mode, generation, highWater, since, cutoff, phases, phaseIndex + 1, estimatedTotal,
                fresh);
    }
}
