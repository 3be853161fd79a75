package io.portico.plugins.invoice.internal;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.api.recordtype.TransactionRecordType;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * NetSuite invoices ({@code CustInvc}) with their item lines. Statuses: {@code open}, {@code paid},
 * {@code pending-approval}, {@code rejected}, {@code voided}; any other status letter fails the record.
 */
@Component(service = RecordType.class)
@PluginName(InvoiceRecordType.NAME)
public final class InvoiceRecordType extends TransactionRecordType {

    public static final String NAME = "invoice";

    /** SuiteQL's invoice status letters. */
    static final Map<String, String> STATUSES = Map.of(
            "A", "open",
            "B", "paid",
            "D", "pending-approval",
            "E", "rejected",
            "V", "voided");

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Invoices", "invoice",
            RecordCategory.TRANSACTION,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Invoice #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.DUE_DATE, "Due", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Amount due", FieldType.MONEY)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Invoice #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.DUE_DATE, "Due", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("terms", "Terms", FieldType.TEXT),
                    new FieldDescriptor("otherRefNum", "PO #", FieldType.TEXT),
                    new FieldDescriptor("billingAddress", "Bill to", FieldType.TEXT),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY),
                    new FieldDescriptor("amountPaid", "Paid", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Amount due", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.CURRENCY, "Currency", FieldType.TEXT)),
            10);

    public InvoiceRecordType() {
        super("CustInvc", STATUSES);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("t.foreignamountpaid", "BUILTIN.DF(t.billingaddress) AS billingaddress", "t.createdfrom",
                "BUILTIN.DF(t.createdfrom) AS createdfromname");
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        record.attribute("amountPaid", row.getDecimal("foreignamountpaid"))
                .attribute("billingAddress", row.getString("billingaddress"))
                .attribute("createdFromId", row.getString("createdfrom"))
                .attribute("createdFrom", row.getString("createdfromname"));
    }
}
