package io.portico.plugins.salesorder.internal;

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
 * NetSuite sales orders ({@code SalesOrd}) with their item lines. Statuses: {@code pending-approval},
 * {@code pending-fulfillment}, {@code cancelled}, {@code partially-fulfilled} (NetSuite's "Partially Fulfilled" and
 * "Pending Billing/Partially Fulfilled"), {@code pending-billing}, {@code billed}, {@code closed}; NetSuite's letter
 * and label stay in the attributes {@code statusCode} and {@code statusLabel}. Any other letter fails the record.
 * A sales order owes nothing by itself (its invoices do), so it has no amount remaining.
 */
@Component(service = RecordType.class)
@PluginName(SalesOrderRecordType.NAME)
public final class SalesOrderRecordType extends TransactionRecordType {

    public static final String NAME = "salesorder";

    /** SuiteQL's sales order status letters. */
    static final Map<String, String> STATUSES = Map.of(
            "A", "pending-approval",
            "B", "pending-fulfillment",
            "C", "cancelled",
            "D", "partially-fulfilled",
            "E", "partially-fulfilled",
            "F", "pending-billing",
            "G", "billed",
            "H", "closed");

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Sales orders", "salesorder",
            RecordCategory.TRANSACTION,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Order #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor("otherRefNum", "PO #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Order #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("otherRefNum", "PO #", FieldType.TEXT),
                    new FieldDescriptor("terms", "Terms", FieldType.TEXT),
                    new FieldDescriptor("billingAddress", "Bill to", FieldType.TEXT),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.CURRENCY, "Currency", FieldType.TEXT)),
            20);

    public SalesOrderRecordType() {
        super("SalesOrd", STATUSES);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("BUILTIN.DF(t.billingaddress) AS billingaddress");
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        record.amountRemaining(null)
                .attribute("billingAddress", row.getString("billingaddress"));
    }
}
