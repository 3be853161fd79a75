package io.portico.api.records;

import java.time.LocalDate;

/**
 * What a list shows: a search, a sort, filters and a page.
 *
 * @param search text to find in the number, the name and the record type's text columns, or {@code null}
 * @param sort the descriptor key of a list column to sort by, or {@code null} for the newest first
 * @param descending whether the sort runs from the largest value down
 * @param status only records with this status, or {@code null}
 * @param from only records dated on or after this day, or {@code null}
 * @param to only records dated on or before this day, or {@code null}
 * @param page the page, from 1
 * @param pageSize records per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record RecordQuery(String search, String sort, boolean descending, String status, LocalDate from,
        LocalDate to, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 200;

    public RecordQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be from 1 to " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** The first page of everything, newest first. */
    public static RecordQuery all() {
        return new RecordQuery(null, null, true, null, null, null, 1, DEFAULT_PAGE_SIZE);
    }

    /** The offset of the page's first record; a page beyond any list is simply empty. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
