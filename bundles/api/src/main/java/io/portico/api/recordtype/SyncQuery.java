package io.portico.api.recordtype;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SuiteQL a record type is synced with, in pieces the sync engine assembles: it adds the keyset on the
 * record's internal id ({@code <alias>.id}), the last-modified window of incremental runs, the initial window, the
 * administrator's filters (subsidiary, custom condition) and the ordering. For example:
 *
 * <pre>{@code
 * SyncQuery.builder("transaction", "t")
 *         .where("t.type = 'CustInvc'")
 *         .select("t.tranid", "t.trandate", "BUILTIN.DF(t.status) AS statuslabel", "cur.symbol AS currencycode")
 *         .join("LEFT JOIN currency cur ON cur.id = t.currency")
 *         .windowDate("t.trandate")
 *         .subsidiary("t.subsidiary")
 *         .lines(LineQuery.builder("transactionline", "tl", "tl.transaction").where("tl.mainline = 'F'")
 *                 .select("tl.quantity", "tl.foreignamount").build())
 *         .lines(LineQuery.builder("nexttransactionlinelink", "ntll", "ntll.nextdoc").name("applications")
 *                 .lineId("ntll.previousdoc").select("ntll.foreignamount").build())
 *         .build();
 * }</pre>
 *
 * A record type has as many named line lists as it adds {@link LineQuery line queries} (the first above is the
 * {@value LineQuery#ITEMS} list, the name a line query has unless it is given another), or none.
 *
 * Every header row the engine fetches also carries the engine's own columns {@value #ID} (the internal id) and
 * {@value #LAST_MODIFIED} ({@code YYYY-MM-DD HH24:MI:SS} in the account's time zone); plugins must not use these
 * aliases for their own columns. Instances are immutable.
 */
public final class SyncQuery {

    /** Alias of the internal id the engine adds to every header row. */
    public static final String ID = "id";
    /** Alias of the last-modified time the engine adds to every header row. */
    public static final String LAST_MODIFIED = "lastmodified";

    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private final String table;
    private final String alias;
    private final List<String> columns;
    private final List<String> joins;
    private final String where;
    private final String lastModified;
    private final String windowDate;
    private final String subsidiary;
    private final List<LineQuery> lineQueries;

    private SyncQuery(Builder b) {
        this.table = b.table;
        this.alias = b.alias;
        this.columns = List.copyOf(b.columns);
        this.joins = List.copyOf(b.joins);
        this.where = b.where;
        this.lastModified = b.lastModified == null ? alias + ".lastmodifieddate" : b.lastModified;
        this.windowDate = b.windowDate;
        this.subsidiary = b.subsidiary;
        this.lineQueries = List.copyOf(b.lineQueries);
    }

    /**
     * @param table the SuiteQL table, e.g. {@code transaction}, {@code customer}, {@code customrecord_widget}
     * @param alias its alias in the query, e.g. {@code t}; the record's internal id is {@code <alias>.id}
     */
    public static Builder builder(String table, String alias) {
        return new Builder(table, alias);
    }

    /** The SuiteQL table, e.g. {@code transaction}. */
    public String table() {
        return table;
    }

    /** The table's alias, e.g. {@code t}; administrators' custom conditions refer to columns through it. */
    public String alias() {
        return alias;
    }

    /** The record's internal id column, {@code <alias>.id}. */
    public String idColumn() {
        return alias + ".id";
    }

    /** SELECT expressions (with {@code AS} aliases where they are not plain columns). */
    public List<String> columns() {
        return columns;
    }

    /** JOIN clauses, in order, e.g. {@code LEFT JOIN currency cur ON cur.id = t.currency}. */
    public List<String> joins() {
        return joins;
    }

    /** The condition every synced row meets, e.g. {@code t.type = 'CustInvc'}; null for none. */
    public String where() {
        return where;
    }

    /** The last-modified column incremental runs filter on; {@code <alias>.lastmodifieddate} unless set. */
    public String lastModified() {
        return lastModified;
    }

    /** The date column of the initial window ("the last 12 months first"), or null when the type has none. */
    public String windowDate() {
        return windowDate;
    }

    /** The subsidiary column the subsidiary filter applies to, or null when the type cannot be filtered so. */
    public String subsidiary() {
        return subsidiary;
    }

    /** The line queries, one per line list, in the order they were added; empty for records without lines. */
    public List<LineQuery> lineQueries() {
        return lineQueries;
    }

    /** The query of the named line list, or null when the record type has no such list. */
    public LineQuery lines(String listName) {
        for (LineQuery q : lineQueries) {
            if (q.name().equals(listName)) {
                return q;
            }
        }
        return null;
    }

    /**
     * The query of the {@value LineQuery#ITEMS} line list, or null.
     *
     * @deprecated since 1.1, a record type may have several line lists: use {@link #lineQueries()} or
     *         {@link #lines(String)}
     */
    @Deprecated
    public LineQuery lines() {
        return lines(LineQuery.ITEMS);
    }

    @Override
    public String toString() {
        return "SyncQuery[" + table + " " + alias + ", where " + where + ", " + columns.size() + " columns"
                + (lineQueries.isEmpty() ? "" : ", lines " + lineQueries.stream().map(LineQuery::name).toList())
                + "]";
    }

    public static final class Builder {
        private final String table;
        private final String alias;
        private final List<String> columns = new ArrayList<>();
        private final List<String> joins = new ArrayList<>();
        private String where;
        private String lastModified;
        private String windowDate;
        private String subsidiary;
        private final List<LineQuery> lineQueries = new ArrayList<>();

        private Builder(String table, String alias) {
            this.table = name(table, "table");
            this.alias = name(alias, "alias");
        }

        /** Adds SELECT expressions. */
        public Builder select(String... expressions) {
            for (String e : expressions) {
                columns.add(fragment(e, "column"));
            }
            return this;
        }

        /** Adds a JOIN clause, e.g. {@code LEFT JOIN currency cur ON cur.id = t.currency}. */
        public Builder join(String clause) {
            joins.add(fragment(clause, "join"));
            return this;
        }

        /** The condition every synced row meets; calling it again ANDs the conditions. */
        public Builder where(String condition) {
            String c = fragment(condition, "where");
            where = where == null ? c : "(" + where + ") AND (" + c + ")";
            return this;
        }

        public Builder lastModified(String column) {
            lastModified = fragment(column, "lastModified");
            return this;
        }

        public Builder windowDate(String column) {
            windowDate = column == null ? null : fragment(column, "windowDate");
            return this;
        }

        public Builder subsidiary(String column) {
            subsidiary = column == null ? null : fragment(column, "subsidiary");
            return this;
        }

        /**
         * Adds a line list; null adds none.
         *
         * @throws IllegalArgumentException when the record type already has a line list of that name
         */
        public Builder lines(LineQuery query) {
            if (query != null) {
                for (LineQuery q : lineQueries) {
                    if (q.name().equals(query.name())) {
                        throw new IllegalArgumentException("the line list '" + query.name() + "' is there already");
                    }
                }
                lineQueries.add(query);
            }
            return this;
        }

        public SyncQuery build() {
            return new SyncQuery(this);
        }
    }

    static String name(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a SuiteQL name, not " + value);
        }
        return value;
    }

    static String fragment(String value, String what) {
        Objects.requireNonNull(value, what);
        String v = value.strip();
        if (v.isEmpty() || v.contains(";")) {
            throw new IllegalArgumentException(what + " must be a SuiteQL expression without ';': " + value);
        }
        return v;
    }
}
