package io.portico.records.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A list query as the mapper runs it: the table, and the sort and search as SQL expressions taken only from
 * {@link Columns} (never from the request), the values as bind parameters.
 *
 * @param searchColumns the SQL expressions searched, each bound to {@code pattern}
 * @param pattern the search as an ILIKE pattern with its wildcards escaped, or {@code null}
 * @param sortDisplays the sort column's value map, when it has one: the list sorts by the display values
 * @param codeMatches the raw values the search finds by their display values, searched beside {@code pattern}
 */
public record ListSql(String table, String recordType, String sortExpression, List<CodeDisplay> sortDisplays,
        boolean descending, List<String> searchColumns, String pattern, List<CodeMatch> codeMatches, String status,
        LocalDate from, LocalDate to, long offset, int limit) {

    /** A raw value and what customers read for it. */
    public record CodeDisplay(String code, String display) {
    }

    /** A column (an SQL expression from {@link Columns}, as text) and the raw values of it a search finds. */
    public record CodeMatch(String column, List<String> codes) {
    }
}
