package io.portico.plugins.creditmemo.internal;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * NetSuite credit memos ({@code CustCred}). The total is the credit, the amount remaining what is still unapplied,
 * both positive as the customer reads them whatever sign NetSuite's ledger gives them. Two line lists:
 * <ul>
 * <li>{@code items}: what was credited, from {@code transactionline} as on invoices (item, description, quantity, rate,
 * amount). NetSuite books a credit memo's item lines as income taken back, with the opposite sign of an invoice's,
 * which is already the sign the customer reads: a credit of 2 at 50.00 is quantity 2, amount 100.00.</li>
 * <li>{@code applications}: the invoices the credit was applied to (SuiteQL's {@code NextTransactionLineLink}, link
 * type {@code Payment}): one line per invoice, keyed by the invoice's internal id, with the invoice number as item and
 * the amount applied.</li>
 * </ul>
 * Statuses: {@code open}, {@code fully-applied}, {@code voided}; any other status letter fails the record.
 */
@Component(service = RecordType.class)
@PluginName(CreditMemoRecordType.NAME)
public final class CreditMemoRecordType extends TransactionRecordType {

    public static final String NAME = "creditmemo";

    /** SuiteQL's credit memo status letters. */
    static final Map<String, String> STATUSES = Map.of(
            "A", "open",
            "B", "fully-applied",
            "V", "voided");

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Credit memos", "creditmemo",
            RecordCategory.TRANSACTION,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Credit memo #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Unapplied", FieldType.MONEY)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Credit memo #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("createdFrom", "Created from", FieldType.TEXT),
                    new FieldDescriptor("otherRefNum", "Reference #", FieldType.TEXT),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY),
                    new FieldDescriptor("applied", "Applied", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Unapplied", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.CURRENCY, "Currency", FieldType.TEXT)),
            40);

    public CreditMemoRecordType() {
        super("CustCred", STATUSES);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("t.foreignpaymentamountused AS applied", "t.foreignpaymentamountunused AS unapplied",
                "t.createdfrom", "BUILTIN.DF(t.createdfrom) AS createdfromname")
                .lines(invoiceApplications());
    }

    /** A credit memo's item lines take income back: NetSuite gives them the sign the customer reads. */
    @Override
    protected int lineSign() {
        return 1;
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        BigDecimal unapplied = abs(row.getDecimal("unapplied"));
        BigDecimal remaining = abs(row.getDecimal("foreignamountunpaid"));
        record.total(row.requireDecimal("foreigntotal").abs())
                .amountRemaining(remaining != null ? remaining : unapplied)
                .attribute("applied", abs(row.getDecimal("applied")))
                .attribute("unapplied", unapplied)
                .attribute("createdFromId", row.getString("createdfrom"))
                .attribute("createdFrom", row.getString("createdfromname"));
    }

    private static BigDecimal abs(BigDecimal value) {
        return value == null ? null : value.abs();
    }
}
