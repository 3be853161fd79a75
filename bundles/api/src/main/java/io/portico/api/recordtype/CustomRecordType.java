package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A partner's custom record type ({@code customrecord_*}), read from its SuiteQL table: {@code id}, {@code name},
 * {@code isinactive} and {@code lastmodified} are selected for you, and whatever columns the mapping does not read
 * are kept as text attributes. A complete plugin:
 *
 * <pre>{@code
 * @Component(service = RecordType.class)
 * @PluginName("warranty")
 * public final class WarrantyRecordType extends CustomRecordType {
 *     private static final FieldDescriptor CLAIM = new FieldDescriptor(RecordFields.NAME, "Claim", FieldType.TEXT);
 *     private static final FieldDescriptor AMOUNT = new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY);
 *     private static final FieldDescriptor SERIAL = new FieldDescriptor("serial", "Serial number", FieldType.TEXT);
 *
 *     public WarrantyRecordType() {
 *         super("Warranty claims", "customrecord_warranty", 300, List.of(CLAIM, AMOUNT), List.of(CLAIM, SERIAL, AMOUNT));
 *     }
 *
 *     protected void select(SyncQuery.Builder query) {
 *         query.select("r.custrecord_customer AS customer", "r.custrecord_amount AS amount",
 *                 "r.custrecord_claim_date AS claimdate", "r.custrecord_serial AS serial");
 *     }
 *
 *     protected void map(SourceRow row, SyncedRecord.Builder record) {
 *         record.owner(row.requireString("customer")).total(row.getDecimal("amount"))
 *               .date(row.getDate("claimdate")).currency("USD");
 *     }
 * }
 * }</pre>
 *
 * Records are stored in Portico's entity table (custom records have no lines); {@code name} becomes the name and
 * {@code isinactive} the status ({@code active} or {@code inactive}). Without columns of its own, the list and the
 * detail page show the name, the status and when the record last changed.
 */
public abstract class CustomRecordType implements RecordType {

    private static final List<FieldDescriptor> DEFAULT_FIELDS = List.of(
            new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT),
            new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
            new FieldDescriptor(RecordFields.LAST_MODIFIED, "Last modified", FieldType.DATETIME));

    private final RecordTypeDescriptor descriptor;
    private final String scriptId;
    private volatile SyncQuery query;

    /**
     * A record type whose list and detail page show the name, the status and when the record last changed.
     *
     * @param label the plural label of the sidebar and page titles
     * @param scriptId the record type's script id, which is also its SuiteQL table, e.g. {@code customrecord_widget}
     * @param sidebarOrder where the sidebar entry goes (lower first)
     */
    protected CustomRecordType(String label, String scriptId, int sidebarOrder) {
        this(label, scriptId, sidebarOrder, DEFAULT_FIELDS, DEFAULT_FIELDS);
    }

    /**
     * @param label the plural label of the sidebar and page titles
     * @param scriptId the record type's script id, which is also its SuiteQL table, e.g. {@code customrecord_widget}
     * @param sidebarOrder where the sidebar entry goes (lower first)
     * @param listColumns the list's columns, in order
     * @param detailFields the detail page's fields, in order (a field may be in both)
     * @since 1.4
     */
    protected CustomRecordType(String label, String scriptId, int sidebarOrder, List<FieldDescriptor> listColumns,
            List<FieldDescriptor> detailFields) {
        this.scriptId = SyncQuery.name(scriptId, "scriptId");
        this.descriptor = new RecordTypeDescriptor(label, this.scriptId, RecordCategory.CUSTOM, listColumns,
                detailFields, sidebarOrder);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final SyncQuery query() {
        SyncQuery q = query;
        if (q == null) {
            SyncQuery.Builder b = SyncQuery.builder(scriptId, "r").select("r.name", "r.isinactive")
                    .lastModified("r.lastmodified");
            select(b);
            q = b.build();
            query = q;
        }
        return q;
    }

    /** Adds the record's own columns (with aliases, e.g. {@code r.custrecord_amount AS amount}) and joins. */
    protected abstract void select(SyncQuery.Builder query);

    /** Sets the typed fields from the row; columns it does not read are kept as attributes. */
    protected abstract void map(SourceRow row, SyncedRecord.Builder record);

    @Override
    public final SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        ReadTracking tracked = new ReadTracking(row);
        Boolean inactive = tracked.getBoolean("isinactive");
        SyncedRecord.Builder record = SyncedRecord.builder(tracked.requireLong(SyncQuery.ID))
                .name(tracked.getString("name"))
                .status(Boolean.TRUE.equals(inactive) ? "inactive" : "active");
        map(tracked, record);
        record.attributesFrom(row, tracked.read.toArray(String[]::new));
        return record.build();
    }

    /** Remembers which columns the mapping read, so that the others become attributes. */
    private static final class ReadTracking implements SourceRow {
        private final SourceRow row;
        private final Set<String> read = new LinkedHashSet<>();

        ReadTracking(SourceRow row) {
            this.row = row;
        }

        private String track(String column) {
            read.add(column.toLowerCase(Locale.ROOT));
            return column;
        }

        @Override
        public Set<String> columns() {
            return row.columns();
        }

        @Override
        public boolean has(String column) {
            return row.has(column);
        }

        @Override
        public String getString(String column) {
            return row.getString(track(column));
        }

        @Override
        public BigDecimal getDecimal(String column) {
            return row.getDecimal(track(column));
        }

        @Override
        public Long getLong(String column) {
            return row.getLong(track(column));
        }

        @Override
        public Boolean getBoolean(String column) {
            return row.getBoolean(track(column));
        }

        @Override
        public LocalDate getDate(String column) {
            return row.getDate(track(column));
        }

        @Override
        public Instant getInstant(String column) {
            return row.getInstant(track(column));
        }
    }
}
