package io.portico.api.identity;

/** What a user may do with the records of one record type, from least to most. */
public enum Access {
    /** The record type is hidden. */
    NONE,
    /** List and read. */
    VIEW,
    /** Read and pay (invoices) or otherwise act on the records. */
    PAY;

    /** Whether this access includes {@code needed}. */
    public boolean includes(Access needed) {
        return compareTo(needed) >= 0;
    }

    /** The lesser of two accesses. */
    public Access narrowTo(Access limit) {
        return compareTo(limit) <= 0 ? this : limit;
    }
}
