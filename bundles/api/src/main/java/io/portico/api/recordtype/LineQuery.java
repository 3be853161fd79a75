package io.portico.api.recordtype;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SuiteQL of one named list of a record's lines. A record may have several line lists, each from a query of its
 * own: a credit memo has its {@value #ITEMS} (what was credited) and its {@code applications} (the invoices the
 * credit was applied to). The engine fetches a list's lines of a page of header rows at once, restricted to those
 * headers' ids through {@link #parent()}, ordered and paged by parent and {@link #lineId()}. Every line row also
 * carries the engine's columns {@value #PARENT_ID}, {@value #LINE_ID} and {@value #LIST}. For example:
 *
 * <pre>{@code
 * LineQuery.builder("nexttransactionlinelink", "ntll", "ntll.nextdoc")
 *         .name("applications")
 *         .lineId("ntll.previousdoc")
 *         .where("ntll.linktype = 'Payment'")
 *         .select("ntll.foreignamount")
 *         .build();
 * }</pre>
 *
 * Instances are immutable.
 */
public final class LineQuery {

    /** Alias of the parent (header) internal id the engine adds to every line row. */
    public static final String PARENT_ID = "parentid";
    /** Alias of the line id the engine adds to every line row. */
    public static final String LINE_ID = "lineid";
    /** Alias of the line list's {@link #name()} the engine adds to every line row. */
    public static final String LIST = "linelist";
    /** The name of a record's item lines, and of a line list unless it is given another. */
    public static final String ITEMS = "items";

    private static final Pattern LIST_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final String name;
    private final String table;
    private final String alias;
    private final String parent;
    private final String lineId;
    private final List<String> columns;
    private final List<String> joins;
    private final String where;

    private LineQuery(Builder b) {
        this.name = b.name;
        this.table = b.table;
        this.alias = b.alias;
        this.parent = b.parent;
        this.lineId = b.lineId == null ? alias + ".id" : b.lineId;
        this.columns = List.copyOf(b.columns);
        this.joins = List.copyOf(b.joins);
        this.where = b.where;
    }

    /**
     * @param table the SuiteQL table, e.g. {@code transactionline}
     * @param alias its alias, e.g. {@code tl}
     * @param parent the column holding the header's internal id, e.g. {@code tl.transaction}
     */
    public static Builder builder(String table, String alias, String parent) {
        return new Builder(table, alias, parent);
    }

    /** The line list's name, {@value #ITEMS} unless set; unique among a record type's line lists. */
    public String name() {
        return name;
    }

    public String table() {
        return table;
    }

    public String alias() {
        return alias;
    }

    /** The column holding the header's internal id. */
    public String parent() {
        return parent;
    }

    /**
     * The column that identifies a line within its header and list (a whole number); {@code <alias>.id} unless set.
     */
    public String lineId() {
        return lineId;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> joins() {
        return joins;
    }

    /** The condition every synced line meets, e.g. {@code tl.mainline = 'F'}; null for none. */
    public String where() {
        return where;
    }

    public static final class Builder {
        private String name = ITEMS;
        private final String table;
        private final String alias;
        private final String parent;
        private String lineId;
        private final List<String> columns = new ArrayList<>();
        private final List<String> joins = new ArrayList<>();
        private String where;

        private Builder(String table, String alias, String parent) {
            this.table = SyncQuery.name(table, "table");
            this.alias = SyncQuery.name(alias, "alias");
            this.parent = SyncQuery.fragment(parent, "parent");
        }

        /**
         * Names the line list, e.g. {@code applications}: a lower-case letter, then up to 39 lower-case letters,
         * digits or underscores.
         */
        public Builder name(String listName) {
            name = listName(listName);
            return this;
        }

        public Builder lineId(String column) {
            lineId = SyncQuery.fragment(column, "lineId");
            return this;
        }

        public Builder select(String... expressions) {
            for (String e : expressions) {
                columns.add(SyncQuery.fragment(e, "column"));
            }
            return this;
        }

        public Builder join(String clause) {
            joins.add(SyncQuery.fragment(clause, "join"));
            return this;
        }

        /** The condition every synced line meets; calling it again ANDs the conditions. */
        public Builder where(String condition) {
            String c = SyncQuery.fragment(condition, "where");
            where = where == null ? c : "(" + where + ") AND (" + c + ")";
            return this;
        }

        public LineQuery build() {
            return new LineQuery(this);
        }
    }

    /** @throws IllegalArgumentException unless the name is a line list's name */
    static String listName(String value) {
        if (value == null || !LIST_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a line list's name must be a lower-case identifier such as "
                    + "applications, not " + value);
        }
        return value;
    }
}
