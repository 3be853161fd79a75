package io.portico.sync.internal.engine;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.SyncQuery;
import io.portico.netsuite.KeysetKey;
import io.portico.netsuite.KeysetQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Assembles the SuiteQL of a sync from a record type's {@link SyncQuery} and a configuration's filters. */
final class Queries {

    /** NetSuite renders date-times in this format through TO_CHAR; text in it sorts in time order. */
    static final String TIME_FORMAT = "YYYY-MM-DD HH24:MI:SS";
    static final Pattern TIME_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_CONDITION = 2000;

    private Queries() {
    }

    /** The conditions every query of a configuration has: the type's own, the subsidiaries, the custom one. */
    static List<String> base(SyncQuery query, List<Long> subsidiaryIds, String customCondition) {
        List<String> conditions = new ArrayList<>();
        if (query.where() != null) {
            conditions.add("(" + query.where() + ")");
        }
        if (!subsidiaryIds.isEmpty()) {
            if (query.subsidiary() == null) {
                throw new IllegalArgumentException("this record type cannot be filtered by subsidiary");
            }
            conditions.add(query.subsidiary() + " IN (" + subsidiaryIds.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (customCondition != null && !customCondition.isBlank()) {
            conditions.add("(" + checkCondition(customCondition) + ")");
        }
        return conditions;
    }

    /**
     * A custom condition must stay one boolean term: no statement separator, no comments that would hide the
     * engine's own conditions, balanced quotes and parentheses.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String checkCondition(String condition) {
        String c = condition.strip();
        if (c.length() > MAX_CONDITION) {
            throw new IllegalArgumentException("the custom condition is longer than " + MAX_CONDITION + " characters");
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == ';') {
                    throw new IllegalArgumentException("the custom condition must not contain ';'");
                }
                if ((ch == '-' && i + 1 < c.length() && c.charAt(i + 1) == '-')
                        || (ch == '/' && i + 1 < c.length() && c.charAt(i + 1) == '*')) {
                    throw new IllegalArgumentException("the custom condition must not contain comments");
                }
                if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth < 0) {
                    throw new IllegalArgumentException("the custom condition has an unmatched ')'");
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the custom condition has an unterminated quote");
        }
        if (depth != 0) {
            throw new IllegalArgumentException("the custom condition has an unmatched '('");
        }
        return c;
    }

    /** Records whose window date is on or after {@code cutoff} (yyyy-MM-dd). */
    static String recent(SyncQuery query, String cutoff) {
        return query.windowDate() + " >= TO_DATE('" + date(cutoff) + "', 'YYYY-MM-DD')";
    }

    /** Records before {@code cutoff}, and those without a window date. */
    static String history(SyncQuery query, String cutoff) {
        return "(" + query.windowDate() + " < TO_DATE('" + date(cutoff) + "', 'YYYY-MM-DD') OR "
                + query.windowDate() + " IS NULL)";
    }

    /** Records modified at or after {@code since} (account time, {@link #TIME_FORMAT}). */
    static String changedSince(SyncQuery query, String since) {
        return query.lastModified() + " >= TO_TIMESTAMP('" + time(since) + "', '" + TIME_FORMAT + "')";
    }

    /**
     * Count, id range and, with {@code highWater}, the newest last-modified time of the records matching
     * {@code conditions}.
     */
    static String stats(SyncQuery query, List<String> conditions, boolean withJoins, boolean highWater) {
        StringBuilder sql = new StringBuilder("SELECT MIN(").append(query.idColumn()).append(") AS lo, MAX(")
                .append(query.idColumn()).append(") AS hi, COUNT(*) AS n");
        if (highWater) {
            sql.append(", MAX(TO_CHAR(").append(query.lastModified()).append(", '").append(TIME_FORMAT)
                    .append("')) AS hw");
        }
        sql.append(" FROM ").append(query.table()).append(' ').append(query.alias());
        if (withJoins) {
            query.joins().forEach(j -> sql.append(' ').append(j));
        }
        where(sql, conditions);
        return sql.toString();
    }

    /** Only the records with these ids. */
    static String idIn(SyncQuery query, List<Long> ids) {
        StringBuilder in = new StringBuilder(query.idColumn()).append(" IN (");
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ", ").append(ids.get(i).longValue());
        }
        return in.append(')').toString();
    }

    /** The header rows of one id slice, after the cursor, ordered by id. */
    static KeysetQuery headers(SyncQuery query, List<String> conditions, long after, long high, int pageSize) {
        StringBuilder sql = new StringBuilder("SELECT ").append(query.idColumn()).append(" AS ").append(SyncQuery.ID)
                .append(", TO_CHAR(").append(query.lastModified()).append(", '").append(TIME_FORMAT).append("') AS ")
                .append(SyncQuery.LAST_MODIFIED);
        query.columns().forEach(c -> sql.append(", ").append(c));
        sql.append(" FROM ").append(query.table()).append(' ').append(query.alias());
        query.joins().forEach(j -> sql.append(' ').append(j));
        List<String> all = new ArrayList<>(conditions);
        all.add(query.idColumn() + " > :last");
        all.add(query.idColumn() + " <= " + high);
        where(sql, all);
        sql.append(" ORDER BY ").append(query.idColumn());
        return KeysetQuery.byId(sql.toString(), after).pageSize(pageSize);
    }

    /** The lines of one line list of the given headers, ordered by header and line, each naming its list. */
    static KeysetQuery lines(LineQuery lines, List<Long> parentIds, int pageSize) {
        // The list's name is a lower-case identifier (LineQuery checks it), so it stands safely in the literal.
        StringBuilder sql = new StringBuilder("SELECT ").append(lines.parent()).append(" AS ")
                .append(LineQuery.PARENT_ID).append(", ").append(lines.lineId()).append(" AS ")
                .append(LineQuery.LINE_ID).append(", '").append(lines.name()).append("' AS ").append(LineQuery.LIST);
        lines.columns().forEach(c -> sql.append(", ").append(c));
        sql.append(" FROM ").append(lines.table()).append(' ').append(lines.alias());
        lines.joins().forEach(j -> sql.append(' ').append(j));
        List<String> all = new ArrayList<>();
        if (lines.where() != null) {
            all.add("(" + lines.where() + ")");
        }
        all.add(lines.parent() + " IN (" + parentIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")");
        all.add(lines.parent() + " >= :last_" + LineQuery.PARENT_ID);
        all.add("(" + lines.parent() + " > :last_" + LineQuery.PARENT_ID + " OR " + lines.lineId() + " > :last_"
                + LineQuery.LINE_ID + ")");
        where(sql, all);
        sql.append(" ORDER BY ").append(lines.parent()).append(", ").append(lines.lineId());
        return KeysetQuery.byKey(sql.toString(), KeysetKey.number(LineQuery.PARENT_ID),
                KeysetKey.number(LineQuery.LINE_ID)).pageSize(pageSize);
    }

    /** NetSuite's deletions of a record type since {@code since}, after the cursor, by record id. */
    static KeysetQuery deletions(String netsuiteRecord, String since, long after, int pageSize) {
        String sql = "SELECT d.recordid AS " + SyncQuery.ID + ", TO_CHAR(d.deleteddate, '" + TIME_FORMAT
                + "') AS deleteddate FROM deletedrecord d WHERE d.type = '" + netsuiteRecord.replace("'", "''")
                + "' AND d.deleteddate >= TO_TIMESTAMP('" + time(since) + "', '" + TIME_FORMAT
                + "') AND d.recordid > :last ORDER BY d.recordid";
        return KeysetQuery.byId(sql, after).pageSize(pageSize);
    }

    private static void where(StringBuilder sql, List<String> conditions) {
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
    }

    private static String date(String text) {
        if (!DATE_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a yyyy-MM-dd date: " + text);
        }
        return text;
    }

    private static String time(String text) {
        if (!TIME_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a YYYY-MM-DD HH24:MI:SS time: " + text);
        }
        return text;
    }
}
