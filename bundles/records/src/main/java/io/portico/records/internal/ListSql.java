package io.portico.records.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A list query as the mapper runs it: the table, and the sort and search as SQL expressions taken only from
 * {@link Columns} (never from the request), the values as bind parameters.
 *
 * @param searchColumns the SQL expressions searched, each bound to {@code pattern}
 * @param pattern the search as an ILIKE pattern with its wildcards escaped, or {@code null}
 */
public record ListSql(String table, String recordType, String sortExpression, boolean descending,
        List<String> searchColumns, String pattern, String status, LocalDate from, LocalDate to, long offset,
        int limit) {
}
