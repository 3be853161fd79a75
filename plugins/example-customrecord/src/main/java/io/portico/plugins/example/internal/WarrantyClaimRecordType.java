package io.portico.plugins.example.internal;

import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.CustomRecordType;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Warranty claims, a partner's custom record {@code customrecord_warranty_claim}: each claim belongs to the customer
 * in {@code custrecord_wc_customer}, so that customer's portal users see it. Columns the mapping does not read (here
 * the serial number and the description) are kept as attributes.
 */
@Component(service = RecordType.class)
@PluginName("warrantyclaim")
public final class WarrantyClaimRecordType extends CustomRecordType {

    private static final FieldDescriptor CLAIM = new FieldDescriptor(RecordFields.NAME, "Claim", FieldType.TEXT);
    private static final FieldDescriptor CLAIMED_ON = new FieldDescriptor(RecordFields.DATE, "Claimed on",
            FieldType.DATE);
    private static final FieldDescriptor AMOUNT = new FieldDescriptor(RecordFields.TOTAL, "Amount", FieldType.MONEY);
    private static final FieldDescriptor STATUS = new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS);
    private static final FieldDescriptor SERIAL = new FieldDescriptor("custrecord_wc_serial", "Serial number",
            FieldType.TEXT);
    private static final FieldDescriptor DESCRIPTION = new FieldDescriptor("custrecord_wc_description", "Description",
            FieldType.TEXT);

    public WarrantyClaimRecordType() {
        super("Warranty claims", "customrecord_warranty_claim", 300, List.of(CLAIM, CLAIMED_ON, AMOUNT, STATUS),
                List.of(CLAIM, CLAIMED_ON, SERIAL, DESCRIPTION, AMOUNT));
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("r.custrecord_wc_customer AS customer", "r.custrecord_wc_amount AS amount",
                        "r.custrecord_wc_claim_date AS claimdate", "cur.symbol AS currencycode",
                        "r.custrecord_wc_serial", "r.custrecord_wc_description")
                .join("LEFT JOIN currency cur ON cur.id = r.custrecord_wc_currency");
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        record.owner(row.requireString("customer"))
                .date(row.getDate("claimdate"))
                .total(row.getDecimal("amount"))
                .currency(row.getString("currencycode"));
    }
}
