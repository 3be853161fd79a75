package io.portico.sync.internal.store;

/**
 * One id slice of a phase: ids in {@code (low - 1, high]}, read up to {@code afterId} so far.
 *
 * @param records records committed in this slice so far
 */
public record Cursor(Phase phase, int slice, long low, long high, long afterId, boolean done, long records) {

    /** A phase read as one slice over every id (retries and deletions). */
    public static Cursor whole(Phase phase) {
        return new Cursor(phase, 0, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, false, 0);
    }

    public Cursor advanced(long newAfterId, boolean nowDone, long more) {
        return new Cursor(phase, slice, low, high, newAfterId, nowDone, records + more);
    }
}
