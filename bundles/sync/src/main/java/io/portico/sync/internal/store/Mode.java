package io.portico.sync.internal.store;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a run reads; the database and the API keep each mode's text. */
public enum Mode {
    /** Every record NetSuite has, then what it no longer has is swept. */
    FULL("full"),
    /** What changed or was deleted since the watermark, and what failed before. */
    INCREMENTAL("incremental");

    private final String text;

    Mode(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }
}
