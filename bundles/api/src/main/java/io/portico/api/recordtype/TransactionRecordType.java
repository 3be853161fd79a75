package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A NetSuite transaction type (invoice, sales order, credit memo, ...) synced from SuiteQL's {@code transaction} and
 * {@code transactionline} tables. It selects and maps what every transaction has: number, dates, status, total,
 * amount remaining, currency, the customer ({@code entity}, which decides the owning organization), memo, terms,
 * subsidiary, posting period, and the item lines (the line list {@value LineQuery#ITEMS}). A subclass gives the
 * descriptor and the status codes, and adds columns through {@link #select} and
 * {@link #map(SourceRow, SyncedRecord.Builder)}:
 *
 * <pre>{@code
 * @Component(service = RecordType.class)
 * @PluginName("invoice")
 * public final class InvoiceRecordType extends TransactionRecordType {
 *     public InvoiceRecordType() {
 *         super("CustInvc", Map.of("A", "open", "B", "paid"));
 *     }
 *     public RecordTypeDescriptor descriptor() { ... }
 * }
 * }</pre>
 *
 * A subclass adds line lists of its own in {@link #select} and maps their rows in {@link #mapLine(String, SourceRow)};
 * a credit memo keeps its item lines and adds the invoices it was applied to:
 *
 * <pre>{@code
 * protected void select(SyncQuery.Builder query) {
 *     query.lines(LineQuery.builder("nexttransactionlinelink", "ntll", "ntll.nextdoc").name("applications")
 *             .lineId("ntll.previousdoc").select("ntll.foreignamount").build());
 * }
 *
 * protected SyncedLine mapLine(String list, SourceRow line) {
 *     if (!list.equals("applications")) {
 *         return super.mapLine(list, line);
 *     }
 *     return SyncedLine.builder(line.requireLong(LineQuery.LINE_ID))
 *             .amount(line.requireDecimal("foreignamount").abs()).build();
 * }
 * }</pre>
 *
 * Header columns available to {@link #map(SourceRow, SyncedRecord.Builder)}: {@code tranid, trandate, duedate,
 * status, statuslabel, foreigntotal, foreignamountunpaid, entity, entityname, currencycode, exchangerate, memo,
 * otherrefnum, terms, termsname, subsidiary, subsidiaryname, postingperiod, postingperiodname, externalid, email,
 * createddate}; item line columns: {@code item, itemname, itemtype, quantity, rate, foreignamount, memo, isclosed}.
 */
public abstract class TransactionRecordType implements RecordType {

    /** The line list of the invoices a payment or a credit was applied to: see {@link #invoiceApplications()}. */
    public static final String APPLICATIONS = "applications";

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Za-z]{2,20}");

    private final String typeCode;
    private final Map<String, String> statuses;
    private volatile SyncQuery query;

    /**
     * @param typeCode SuiteQL's {@code transaction.type}, e.g. {@code CustInvc}
     * @param statuses NetSuite's status letters (SuiteQL's {@code transaction.status}) to Portico's status codes,
     *         e.g. {@code A -> open}; a record with any other letter fails with an error
     */
    protected TransactionRecordType(String typeCode, Map<String, String> statuses) {
        if (typeCode == null || !TYPE_CODE.matcher(typeCode).matches()) {
            throw new IllegalArgumentException("not a transaction type code: " + typeCode);
        }
        this.typeCode = typeCode;
        this.statuses = Map.copyOf(statuses);
    }

    /** SuiteQL's {@code transaction.type} of this record type. */
    public final String typeCode() {
        return typeCode;
    }

    @Override
    public final SyncQuery query() {
        SyncQuery q = query;
        if (q == null) {
            SyncQuery.Builder b = SyncQuery.builder("transaction", "t")
                    .where("t.type = '" + typeCode + "'")
                    .select("t.tranid", "t.trandate", "t.duedate", "t.status", "BUILTIN.DF(t.status) AS statuslabel",
                            "t.foreigntotal", "t.foreignamountunpaid", "t.entity",
                            "BUILTIN.DF(t.entity) AS entityname", "cur.symbol AS currencycode", "t.exchangerate",
                            "t.memo", "t.otherrefnum", "t.terms", "BUILTIN.DF(t.terms) AS termsname", "t.subsidiary",
                            "BUILTIN.DF(t.subsidiary) AS subsidiaryname", "t.postingperiod",
                            "BUILTIN.DF(t.postingperiod) AS postingperiodname", "t.externalid", "t.email",
                            "TO_CHAR(t.createddate, 'YYYY-MM-DD HH24:MI:SS') AS createddate")
                    .join("LEFT JOIN currency cur ON cur.id = t.currency")
                    .windowDate("t.trandate")
                    .subsidiary("t.subsidiary")
                    .lines(lines());
            select(b);
            q = b.build();
            query = q;
        }
        return q;
    }

    /**
     * The query of the item lines (the line list {@value LineQuery#ITEMS}), without the header ({@code mainline}) and
     * tax lines; null for a type without item lines (a customer payment).
     */
    protected LineQuery lines() {
        return LineQuery.builder("transactionline", "tl", "tl.transaction")
                .where("tl.mainline = 'F' AND tl.taxline = 'F'")
                .select("tl.item", "BUILTIN.DF(tl.item) AS itemname", "tl.itemtype", "tl.quantity", "tl.rate",
                        "tl.foreignamount", "tl.memo", "tl.isclosed")
                .build();
    }

    /**
     * The line list {@value #APPLICATIONS}: the invoices a payment or a credit was applied to (SuiteQL's
     * {@code NextTransactionLineLink}, link type {@code Payment}), one line per invoice keyed by the invoice's internal
     * id, with the invoice number as item and the amount applied (positive). Add it in {@link #select}; this class
     * maps its rows.
     */
    protected static LineQuery invoiceApplications() {
        return LineQuery.builder("nexttransactionlinelink", "ntll", "ntll.nextdoc")
                .name(APPLICATIONS)
                .lineId("ntll.previousdoc")
                .where("ntll.linktype = 'Payment' AND ntll.previoustype = 'CustInvc'")
                .join("LEFT JOIN transaction inv ON inv.id = ntll.previousdoc")
                .select("ntll.foreignamount", "inv.tranid AS invoicenumber", "inv.trandate AS invoicedate",
                        "inv.foreigntotal AS invoicetotal")
                .build();
    }

    /** Adds columns or joins to the header query, or line lists ({@link SyncQuery.Builder#lines}); the default none. */
    protected void select(SyncQuery.Builder query) {
    }

    /**
     * The sign that turns NetSuite's line quantities and amounts into what the customer's document shows: NetSuite
     * books the item lines of sales (invoices, sales orders) as negative income, so the default is -1; a credit memo's
     * item lines take income back and are positive.
     */
    protected int lineSign() {
        return -1;
    }

    @Override
    public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        String statusCode = row.requireString("status");
        String status = statuses.get(statusCode);
        if (status == null) {
            throw RecordMappingException.invalid("status", statusCode,
                    "a known status of " + typeCode + " " + statuses.keySet().stream().sorted().toList());
        }
        SyncedRecord.Builder record = SyncedRecord.builder(row.requireLong(SyncQuery.ID))
                .owner(row.requireString("entity"))
                .number(row.getString("tranid"))
                .date(row.requireDate("trandate"))
                .dueDate(row.getDate("duedate"))
                .status(status)
                .total(row.requireDecimal("foreigntotal"))
                .amountRemaining(row.getDecimal("foreignamountunpaid"))
                .currency(row.requireString("currencycode"))
                .attribute("statusCode", statusCode)
                .attribute("statusLabel", row.getString("statuslabel"))
                .attribute("customer", row.getString("entityname"))
                .attribute("exchangeRate", row.getDecimal("exchangerate"))
                .attribute("memo", row.getString("memo"))
                .attribute("otherRefNum", row.getString("otherrefnum"))
                .attribute("termsId", row.getString("terms"))
                .attribute("terms", row.getString("termsname"))
                .attribute("subsidiaryId", row.getString("subsidiary"))
                .attribute("subsidiary", row.getString("subsidiaryname"))
                .attribute("postingPeriodId", row.getString("postingperiod"))
                .attribute("postingPeriod", row.getString("postingperiodname"))
                .attribute("externalId", row.getString("externalid"))
                .attribute("email", row.getString("email"))
                .attribute("createdAt", row.getInstant("createddate"));
        for (SourceRow line : lines) {
            String list = line.has(LineQuery.LIST) ? line.getString(LineQuery.LIST) : LineQuery.ITEMS;
            record.line(list, mapLine(list, line));
        }
        map(row, record);
        return record.build();
    }

    /**
     * Maps one line row of the named list: the item lines through {@link #mapLine(SourceRow)}, the
     * {@value #APPLICATIONS} of {@link #invoiceApplications()} here; override it to map the rows of the line lists the
     * subclass adds (and call {@code super} for the others).
     *
     * @throws IllegalStateException for a list the type does not map
     */
    protected SyncedLine mapLine(String list, SourceRow line) {
        if (list.equals(APPLICATIONS)) {
            return SyncedLine.builder(line.requireLong(LineQuery.LINE_ID))
                    .item(line.getString("invoicenumber"))
                    .amount(line.requireDecimal("foreignamount").abs())
                    .attribute("invoiceId", line.getString(LineQuery.LINE_ID))
                    .attribute("invoiceDate", line.getDate("invoicedate"))
                    .attribute("invoiceTotal", line.getDecimal("invoicetotal"))
                    .build();
        }
        if (!list.equals(LineQuery.ITEMS)) {
            throw new IllegalStateException("the record type has no mapping for the line list '" + list + "'");
        }
        return mapLine(line);
    }

    /** Maps one item line row; override to add line attributes (call {@code super} first). */
    protected SyncedLine mapLine(SourceRow line) {
        BigDecimal sign = BigDecimal.valueOf(lineSign());
        BigDecimal quantity = line.getDecimal("quantity");
        BigDecimal amount = line.getDecimal("foreignamount");
        return SyncedLine.builder(line.requireLong(LineQuery.LINE_ID))
                .item(line.getString("itemname"))
                .description(line.getString("memo"))
                .quantity(quantity == null ? null : quantity.multiply(sign))
                .rate(line.getDecimal("rate"))
                .amount(amount == null ? null : amount.multiply(sign))
                .attribute("itemId", line.getString("item"))
                .attribute("itemType", line.getString("itemtype"))
                .attribute("closed", line.getBoolean("isclosed"))
                .build();
    }

    /** Adds the type's own fields after the standard ones are set; the default adds none. */
    protected void map(SourceRow row, SyncedRecord.Builder record) {
    }
}
