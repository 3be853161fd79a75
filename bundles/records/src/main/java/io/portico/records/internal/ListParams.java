package io.portico.records.internal;

import io.portico.api.records.RecordQuery;
import io.portico.api.web.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.MultivaluedMap;

/**
 * A list's state as the URL holds it ({@code q, sort, dir, status, from, to, page, size}), for pages, the JSON API
 * and CSV alike; a malformed value is a 400 that names its parameter.
 */
final class ListParams {

    private ListParams() {
    }

    static RecordQuery parse(MultivaluedMap<String, String> params) {
        String dir = text(params, "dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw ProblemException.badRequest("Query parameter 'dir' must be asc or desc.");
        }
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("Query parameter 'from' must not be after 'to'.");
        }
        int page = number(params, "page", 1, Integer.MAX_VALUE, 1);
        int size = number(params, "size", 1, RecordQuery.MAX_PAGE_SIZE, RecordQuery.DEFAULT_PAGE_SIZE);
        String search = text(params, "q");
        if (search != null && search.length() > 200) {
            throw ProblemException.badRequest("Query parameter 'q' must be at most 200 characters.");
        }
        return new RecordQuery(search, text(params, "sort"), !"asc".equals(dir), text(params, "status"), from, to,
                page, size);
    }

    /** The query's state as URL parameters, leaving defaults out; {@code page} is left to the caller. */
    static Map<String, String> state(RecordQuery query) {
        Map<String, String> state = new LinkedHashMap<>();
        put(state, "q", query.search());
        put(state, "status", query.status());
        put(state, "from", query.from() == null ? null : query.from().toString());
        put(state, "to", query.to() == null ? null : query.to().toString());
        put(state, "sort", query.sort());
        if (query.sort() != null) {
            state.put("dir", query.descending() ? "desc" : "asc");
        }
        if (query.pageSize() != RecordQuery.DEFAULT_PAGE_SIZE) {
            state.put("size", String.valueOf(query.pageSize()));
        }
        return state;
    }

    private static void put(Map<String, String> state, String name, String value) {
        if (value != null && !value.isBlank()) {
            state.put(name, value);
        }
    }

    private static String text(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(MultivaluedMap<String, String> params, String name) {
        String value = text(params, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must be a date as YYYY-MM-DD.");
        }
    }

    private static int number(MultivaluedMap<String, String> params, String name, int min, int max, int otherwise) {
        String value = text(params, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("Query parameter '" + name + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
    }
}
