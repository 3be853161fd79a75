package io.portico.api.recordtype;

import java.util.ArrayList;
import java.util.List;

/**
 * The SuiteQL of a record's lines. The engine fetches the lines of a page of header rows at once, restricted to
 * those headers' ids through {@link #parent()}, ordered and paged by parent and {@link #lineId()}. Every line row also
 * carries the engine's columns {@value #PARENT_ID} and {@value #LINE_ID}. Instances are immutable.
 */
public final class LineQuery {

    /** Alias of the parent (header) internal id the engine adds to every line row. */
    public static final String PARENT_ID = "parentid";
    /** Alias of the line id the engine adds to every line row. */
    public static final String LINE_ID = "lineid";

    private final String table;
    private final String alias;
    private final String parent;
    private final String lineId;
    private final List<String> columns;
    private final List<String> joins;
    private final String where;

    private LineQuery(Builder b) {
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

    /** The column that identifies a line within its header (a whole number); {@code <alias>.id} unless set. */
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
}
