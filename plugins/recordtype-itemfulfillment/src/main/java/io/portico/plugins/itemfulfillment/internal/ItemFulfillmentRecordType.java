package io.portico.plugins.itemfulfillment.internal;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * NetSuite item fulfillments ({@code ItemShip}): the shipments of a sales order, shown to the customer as
 * "Shipments". Statuses: {@code picked}, {@code packed}, {@code shipped}; any other letter fails the record. The item
 * lines are the items shipped (no price: a shipment bills nothing, so it has no total). Attributes: the sales order
 * it ships ({@code createdFromId}, {@code createdFrom}), the ship method ({@code shipMethodId}, {@code shipMethod}),
 * the {@code carrier} when the ship method names UPS, FedEx, USPS or DHL, the {@code trackingNumbers} (a list, in
 * NetSuite's order) and, for a recognised carrier, {@code trackingUrls}: each number's tracking page.
 */
@Component(service = RecordType.class)
@PluginName(ItemFulfillmentRecordType.NAME)
public final class ItemFulfillmentRecordType extends TransactionRecordType {

    public static final String NAME = "itemfulfillment";

    /** SuiteQL's item fulfillment status letters (ItemShip:A/B/C). */
    static final Map<String, String> STATUSES = Map.of(
            "A", "picked",
            "B", "packed",
            "C", "shipped");

    /**
     * The fulfillment's tracking numbers: SuiteQL has them only in {@code trackingnumber}, tied to transactions by
     * {@code trackingnumbermap}. Read as a line list, they end up in the header's attributes, not as lines.
     */
    static final String TRACKING_NUMBERS = "trackingnumbers";

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Shipments", "itemfulfillment",
            RecordCategory.TRANSACTION,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Shipment #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Ship date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("createdFrom", "Order #", FieldType.TEXT),
                    new FieldDescriptor("shipMethod", "Carrier", FieldType.TEXT),
                    new FieldDescriptor("trackingNumbers", "Tracking", FieldType.TEXT)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Shipment #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Ship date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("createdFrom", "Order #", FieldType.TEXT),
                    new FieldDescriptor("shipMethod", "Carrier", FieldType.TEXT),
                    new FieldDescriptor("trackingNumbers", "Tracking", FieldType.LINKS),
                    new FieldDescriptor("memo", "Memo", FieldType.TEXT)),
            25);

    public ItemFulfillmentRecordType() {
        super("ItemShip", STATUSES);
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    protected void select(SyncQuery.Builder query) {
        query.select("t.createdfrom", "BUILTIN.DF(t.createdfrom) AS createdfromname", "t.shipmethod",
                        "BUILTIN.DF(t.shipmethod) AS shipmethodname")
                .lines(LineQuery.builder("trackingnumbermap", "tnm", "tnm.transaction").name(TRACKING_NUMBERS)
                        .lineId("tnm.trackingnumber")
                        .join("JOIN trackingnumber tn ON tn.id = tnm.trackingnumber")
                        .select("tn.trackingnumber AS trackingnumber")
                        .build());
    }

    /** Maps the fulfillment and its item lines, then adds its tracking numbers (and links) to the attributes. */
    @Override
    public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        List<String> trackingNumbers = new ArrayList<>();
        List<SourceRow> items = new ArrayList<>();
        for (SourceRow line : lines) {
            if (TRACKING_NUMBERS.equals(line.getString(LineQuery.LIST))) {
                trackingNumbers.add(line.requireString("trackingnumber"));
            } else {
                items.add(line);
            }
        }
        SyncedRecord shipment = super.map(row, items);
        String shipMethod = row.getString("shipmethodname");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String number : trackingNumbers) {
            TrackingLinks.url(shipMethod, number).ifPresent(url -> urls.put(number, url));
        }
        // SyncedRecord has no builder of its own values, so the mapped record is copied with the attributes added.
        SyncedRecord.Builder copy = SyncedRecord.builder(shipment.netsuiteId()).owner(shipment.owner())
                .number(shipment.number()).name(shipment.name()).email(shipment.email()).date(shipment.date())
                .dueDate(shipment.dueDate()).status(shipment.status()).total(shipment.total())
                .amountRemaining(shipment.amountRemaining()).currency(shipment.currency());
        shipment.attributes().forEach(copy::attribute);
        shipment.lineLists().forEach((list, mapped) -> mapped.forEach(line -> copy.line(list, line)));
        return copy.attribute("trackingNumbers", trackingNumbers)
                .attribute("trackingUrls", urls.isEmpty() ? null : urls)
                .build();
    }

    @Override
    protected void map(SourceRow row, SyncedRecord.Builder record) {
        String shipMethod = row.getString("shipmethodname");
        record.total(null)
                .amountRemaining(null)
                .attribute("createdFromId", row.getString("createdfrom"))
                .attribute("createdFrom", row.getString("createdfromname"))
                .attribute("shipMethodId", row.getString("shipmethod"))
                .attribute("shipMethod", shipMethod)
                .attribute("carrier", TrackingLinks.carrier(shipMethod).orElse(null));
    }
}
