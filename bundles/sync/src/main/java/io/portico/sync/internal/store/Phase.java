package io.portico.sync.internal.store;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a run stands. A plan's phases are the ones that read or write records; the database (runs, cursors, plans)
 * keeps each phase's text.
 */
public enum Phase {
    QUEUED("queued"),
    PLANNING("planning"),
    /** A full load without an initial window: every record. */
    ALL("all"),
    /** A full load with an initial window: the records dated in the window first, */
    RECENT("recent"),
    /** then the older ones. */
    HISTORY("history"),
    /** Incremental runs: records changed since the watermark (less the overlap). */
    CHANGES("changes"),
    /** Incremental runs: records that failed before and have not changed since, read again by id. */
    RETRIES("retries"),
    /** Incremental runs: NetSuite's deleted records of the type. */
    DELETIONS("deletions"),
    /** After a full load: what the load no longer saw is archived or deleted. */
    SWEEP("sweep"),
    DONE("done");

    private final String text;

    Phase(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** Whether the phase reads records in id slices. */
    public boolean sliced() {
        return this == ALL || this == RECENT || this == HISTORY || this == CHANGES;
    }

    static Phase of(String text) {
        for (Phase p : values()) {
            if (p.text.equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no sync phase '" + text + "'");
    }
}
