package io.portico.plugins.itemfulfillment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedLine;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.plugin.testing.TestRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemFulfillmentRecordTypeTest {

    private final ItemFulfillmentRecordType type = new ItemFulfillmentRecordType();

    /** An item fulfillment as the sandbox's SuiteQL answers it. */
    static TestRow header() {
        return TestRow.of("id", "100981", "lastmodified", "2025-09-02 11:40:00", "tranid", "IF1003",
                "trandate", "9/2/2025", "status", "C", "statuslabel", "Item Fulfillment : Shipped",
                "foreigntotal", "0", "entity", "1005", "entityname", "C10004 Bluewater Foods Partners",
                "currencycode", "USD", "exchangerate", "1", "memo", "Deliver to loading dock",
                "subsidiary", "1", "subsidiaryname", "Portico Demo Co.", "postingperiod", "21",
                "postingperiodname", "Sep 2025", "createddate", "2025-09-02 09:15:00",
                "createdfrom", "100017", "createdfromname", "Sales Order #SO1004",
                "shipmethod", "301", "shipmethodname", "UPS Ground");
    }

    static TestRow item(long id, String item, String quantity, String description) {
        return TestRow.of("parentid", "100981", "lineid", Long.toString(id), "linelist", "items", "item", "209",
                "itemname", item, "itemtype", "InvtPart", "quantity", quantity, "memo", description, "isclosed", "F");
    }

    static TestRow tracking(long id, String number) {
        return TestRow.of("parentid", "100981", "lineid", Long.toString(id), "linelist", "trackingnumbers",
                "trackingnumber", number);
    }

    static List<SourceRow> lines() {
        return List.of(item(1, "HW-SCAN-100", "-6", "Barcode Scanner S100"),
                item(2, "SUP-LBL-4X6", "-20", "Thermal Labels 4x6 (Case)"),
                tracking(1009810, "1Z4X7W2R0312345678"), tracking(1009811, "1Z4X7W2R0312345685"));
    }

    @Test
    void mapsTheShipmentItsItemsAndItsOrder() {
        SyncedRecord shipment = type.map(header(), lines());

        assertEquals(100981L, shipment.netsuiteId());
        assertEquals("1005", shipment.owner(), "the customer's organization owns it");
        assertEquals("IF1003", shipment.number());
        assertEquals(LocalDate.of(2025, 9, 2), shipment.date());
        assertEquals("shipped", shipment.status());
        assertNull(shipment.total(), "a shipment bills nothing");
        assertNull(shipment.amountRemaining());
        assertEquals("USD", shipment.currency());
        Map<String, Object> a = shipment.attributes();
        assertEquals("C", a.get("statusCode"));
        assertEquals("Item Fulfillment : Shipped", a.get("statusLabel"));
        assertEquals("100017", a.get("createdFromId"));
        assertEquals("Sales Order #SO1004", a.get("createdFrom"));
        assertEquals("301", a.get("shipMethodId"));
        assertEquals("UPS Ground", a.get("shipMethod"));
        assertEquals("UPS", a.get("carrier"));
        assertEquals("Deliver to loading dock", a.get("memo"));
        assertEquals("C10004 Bluewater Foods Partners", a.get("customer"));

        assertEquals(List.of(LineQuery.ITEMS), List.copyOf(shipment.lineLists().keySet()),
                "tracking numbers are no lines");
        List<SyncedLine> items = shipment.lines(LineQuery.ITEMS);
        assertEquals(2, items.size());
        assertEquals("HW-SCAN-100", items.get(0).item());
        assertEquals("Barcode Scanner S100", items.get(0).description());
        assertEquals(0, new BigDecimal("6").compareTo(items.get(0).quantity()), "NetSuite books shipped stock negative");
        assertNull(items.get(0).rate());
        assertNull(items.get(0).amount());
        assertEquals("209", items.get(0).attributes().get("itemId"));
    }

    @Test
    void trackingNumbersAreAListWithTheCarriersTrackingPages() {
        Map<String, Object> a = type.map(header(), lines()).attributes();
        assertEquals(List.of("1Z4X7W2R0312345678", "1Z4X7W2R0312345685"), a.get("trackingNumbers"));
        assertEquals(Map.of("1Z4X7W2R0312345678", "https://www.ups.com/track?tracknum=1Z4X7W2R0312345678",
                "1Z4X7W2R0312345685", "https://www.ups.com/track?tracknum=1Z4X7W2R0312345685"),
                a.get("trackingUrls"));

        Map<String, Object> courier = type.map(header().with("shipmethod", "307", "shipmethodname",
                "Metro Courier Same Day"), List.of(tracking(1, "MC-1234567"))).attributes();
        assertEquals(List.of("MC-1234567"), courier.get("trackingNumbers"));
        assertNull(courier.get("trackingUrls"), "no link for a carrier not recognised");
        assertNull(courier.get("carrier"));

        Map<String, Object> picked = type.map(header().with("status", "A", "shipmethod", null, "shipmethodname", null),
                List.of(item(1, "HW-SCAN-100", "-1", null))).attributes();
        assertEquals(List.of(), picked.get("trackingNumbers"));
        assertNull(picked.get("trackingUrls"));
        assertNull(picked.get("shipMethod"));
    }

    @Test
    void everyNetSuiteStatusLetterHasAPorticoStatus() {
        Map<String, String> expected = Map.of("A", "picked", "B", "packed", "C", "shipped");
        expected.forEach((letter, status) ->
                assertEquals(status, type.map(header().with("status", letter), List.of()).status(), letter));
    }

    @Test
    void anUnknownStatusFailsTheRecordNamingTheLetter() {
        RecordMappingException e = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("status", "D", "statuslabel", "Item Fulfillment : Delivered"), lines()));
        assertEquals("status", e.column());
        assertEquals("D", e.rawValue());
        assertTrue(e.getMessage().contains("'D'") && e.getMessage().contains("ItemShip"), e.getMessage());
    }

    @Test
    void malformedRowsFailTheRecord() {
        for (String column : List.of("status", "entity", "trandate", "id")) {
            RecordMappingException e = assertThrows(RecordMappingException.class,
                    () -> type.map(header().with(column, null), lines()), column);
            assertEquals(column, e.column());
        }
        RecordMappingException blank = assertThrows(RecordMappingException.class,
                () -> type.map(header(), List.of(tracking(1, " "))));
        assertEquals("trackingnumber", blank.column());
        RecordMappingException quantity = assertThrows(RecordMappingException.class,
                () -> type.map(header(), List.of(item(1, "X", "some", null))));
        assertEquals("quantity", quantity.column());
    }

    @Test
    void queriesFulfillmentsTheirItemsAndTrackingNumbers() {
        SyncQuery query = type.query();
        assertEquals("t.type = 'ItemShip'", query.where());
        assertTrue(query.columns().containsAll(List.of("t.createdfrom", "BUILTIN.DF(t.createdfrom) AS createdfromname",
                "t.shipmethod", "BUILTIN.DF(t.shipmethod) AS shipmethodname")), query.columns().toString());
        assertEquals("transactionline", query.lines(LineQuery.ITEMS).table());
        LineQuery tracking = query.lines(ItemFulfillmentRecordType.TRACKING_NUMBERS);
        assertEquals("trackingnumbermap", tracking.table());
        assertEquals("tnm.transaction", tracking.parent());
        assertEquals("tnm.trackingnumber", tracking.lineId());
        assertEquals(List.of("JOIN trackingnumber tn ON tn.id = tnm.trackingnumber"), tracking.joins());
    }

    @Test
    void describesShipmentsForThePortal() {
        assertEquals("Shipments", type.descriptor().label());
        assertEquals("itemfulfillment", type.descriptor().netsuiteRecord());
        assertEquals(RecordCategory.TRANSACTION, type.descriptor().category());
        assertEquals(List.of("Shipment #", "Ship date", "Status", "Order #", "Carrier", "Tracking"),
                type.descriptor().listColumns().stream().map(f -> f.label()).toList());
        assertTrue(type.descriptor().sidebarOrder() > 20, "after sales orders");
    }
}
