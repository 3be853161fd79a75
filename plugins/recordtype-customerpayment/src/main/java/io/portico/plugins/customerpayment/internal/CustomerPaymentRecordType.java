package io.portico.plugins.customerpayment.internal;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.api.recordtype.TransactionRecordType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * NetSuite customer payments ({@code CustPymt}). The total is the amount received, the amount remaining what is
 * still unapplied. A payment has no item lines; its one line list, {@code applications}, holds the invoices it was
 * applied to (SuiteQL's {@code NextTransactionLineLink}, link type {@code Payment}): one line per invoice, keyed by
 * the invoice's internal id, with the invoice number as item and the amount applied to it. Statuses:
 * {@code pending-approval}, {@code not-deposited}, {@code deposited}, {@code rejected}; any other status letter fails
 * the record.
 */
@Component(service = RecordType.class)
@PluginName(CustomerPaymentRecordType.NAME)
public final class CustomerPaymentRecordType extends TransactionRecordType {

    public static final String NAME = "customerpayment";

    /** SuiteQL's customer payment status letters. */
    static final Map<String, String> STATUSES = Map.of(
            "A", "pending-approval",
            "B", "not-deposited",
            "C", "deposited",
            "R", "rejected");

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Payments", "customerpayment",
            RecordCategory.TRANSACTION,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Payment #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Unapplied", FieldType.MONEY)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Payment #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("otherRefNum", "Check #", FieldType.TEXT),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY),
                    new FieldDescriptor("applied", "Applied", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Unapplied", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.CURRENCY, "Currency", FieldType.TEXT)),
            30);

    public CustomerPaymentRecordType() {
        super("CustPymt", STATUSES);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("t.foreignpaymentamountused AS applied", "t.foreignpaymentamountunused AS unapplied")
                .lines(invoiceApplications());
    }

    /** Payments have no item lines. */
    @Override
    protected LineQuery lines() {
        return null;
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        BigDecimal unapplied = row.getDecimal("unapplied");
        record.amountRemaining(unapplied)
                .attribute("applied", row.getDecimal("applied"))
                .attribute("unapplied", unapplied);
    }
}
