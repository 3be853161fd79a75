package io.portico.sync.internal;

/**
 * One id slice of a phase: ids in {@code (low - 1, high]}, read up to {@code afterId} so far.
 *
 * @param records records committed in this slice so far
 */
record Cursor(String phase, int slice, long low, long high, long afterId, boolean done, long records) {

    Cursor advanced(long newAfterId, boolean nowDone, long more) {
        return new Cursor(phase, slice, low, high, newAfterId, nowDone, records + more);
    }
}
