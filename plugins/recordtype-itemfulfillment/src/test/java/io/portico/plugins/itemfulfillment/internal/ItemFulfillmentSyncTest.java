package io.portico.plugins.itemfulfillment.internal;

import static io.portico.sync.testing.SandboxSync.assertMoney;
import static io.portico.sync.testing.SandboxSync.attributes;
import static io.portico.sync.testing.SandboxSync.refId;
import static io.portico.sync.testing.SandboxSync.refName;
import static io.portico.sync.testing.SandboxSync.sublist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo company's item fulfillments, synced through the engine, are exactly what NetSuite's REST API shows: every
 * shipment with its items, tracking numbers (linked to the carrier's page when it is known) and sales order.
 */
class ItemFulfillmentSyncTest {

    private static final String SOURCE = "SELECT id FROM transaction WHERE type = 'ItemShip' ORDER BY id";

    @Test
    void everyShipmentItsItemsAndTrackingNumbersAreMirroredAndKeptInStep() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(25), ItemFulfillmentRecordType.NAME,
                new ItemFulfillmentRecordType())) {
            s.createCustomerOrganizations();

            SyncRun full = s.sync(false);
            List<Long> ids = s.sourceIds(SOURCE);
            assertTrue(ids.size() > 20, "the demo company ships: " + ids.size());
            assertEquals(ids.size(), full.inserted());
            assertEquals(0, full.failed(), () -> "errors " + s.errors(full));
            assertMatchesSource(s);

            long changed = ids.get(3);
            long deleted = ids.get(5);
            s.sandbox.data().patch("itemfulfillment", changed, Map.of("memo", "Left <b>at the dock</b>"));
            s.sandbox.data().delete("itemfulfillment", deleted);
            SyncRun incremental = s.sync(false);
            assertEquals("incremental", incremental.mode());
            assertEquals(1, incremental.updated());
            assertEquals(1, incremental.deleted());
            assertMatchesSource(s);
        }
    }

    @Test
    void anUnknownStatusFailsOnlyItsShipment() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(10), ItemFulfillmentRecordType.NAME,
                new ItemFulfillmentRecordType())) {
            s.createCustomerOrganizations();
            s.assertAnUnknownStatusFailsOnlyItsRecord(SOURCE);
        }
    }

    /** Every item fulfillment NetSuite has, and no other, with its REST values, items and packages. */
    private static void assertMatchesSource(SandboxSync s) {
        List<Long> ids = s.sourceIds(SOURCE);
        Map<Long, Map<String, Object>> rows = s.rows(
                "SELECT * FROM ns_transaction WHERE record_type = 'itemfulfillment' AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same shipments");
        Map<String, Long> organizations = s.organizations();
        int linked = 0;
        for (long id : ids) {
            Map<String, Object> rest = s.record("itemfulfillment", id);
            Map<String, Object> row = rows.get(id);
            Map<String, Object> a = attributes(row);
            String where = "item fulfillment " + id;
            assertEquals(rest.get("tranId"), row.get("number"), where);
            assertEquals(rest.get("tranDate"), String.valueOf(row.get("record_date")), where);
            assertEquals(status(refName(rest, "status")), row.get("status"), where);
            assertNull(row.get("total"), where);
            assertEquals(refName(rest, "currency"), row.get("currency"), where);
            String entity = refId(rest, "entity");
            assertEquals(entity, row.get("owner_netsuite_id"), where);
            assertNotNull(organizations.get(entity), where);
            assertEquals(organizations.get(entity), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("memo"), a.get("memo"), where + " memo");

            assertEquals(refId(rest, "createdFrom"), a.get("createdFromId"), where + " sales order");
            assertEquals("Sales Order #" + s.record("salesorder", Long.parseLong(refId(rest, "createdFrom")))
                    .get("tranId"), a.get("createdFrom"), where + " sales order #");
            assertEquals(refName(rest, "shipMethod"), a.get("shipMethod"), where + " ship method");
            List<String> numbers = sublist(rest, "package").stream()
                    .map(p -> (String) p.get("packageTrackingNumber")).toList();
            assertEquals(numbers, a.get("trackingNumbers"), where + " tracking numbers");
            Map<String, String> urls = new LinkedHashMap<>();
            numbers.forEach(n -> TrackingLinks.url(refName(rest, "shipMethod"), n).ifPresent(u -> urls.put(n, u)));
            assertEquals(urls.isEmpty() ? null : urls, a.get("trackingUrls"), where + " tracking links");
            linked += urls.size();

            List<Map<String, Object>> expected = sublist(rest, "item");
            Map<String, List<Map<String, Object>>> lists = s.lines(row.get("id"));
            assertEquals(expected.isEmpty() ? Set.of() : Set.of("items"), lists.keySet(), where + " line lists");
            List<Map<String, Object>> lines = lists.getOrDefault("items", List.of());
            assertEquals(expected.size(), lines.size(), where + " lines");
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> e = expected.get(i);
                Map<String, Object> l = lines.get(i);
                String at = where + " line " + e.get("line");
                assertEquals(((Number) e.get("line")).longValue(), l.get("line_id"), at);
                assertEquals(refName(e, "item"), l.get("item"), at);
                assertEquals(e.get("description"), l.get("description"), at);
                assertMoney(e.get("quantity"), l.get("quantity"), at + " quantity");
                assertEquals(refId(e, "item"), attributes(l).get("itemId"), at + " item id");
                assertEquals(row.get("organization_id"), l.get("organization_id"), at + " organization");
            }
        }
        assertTrue(linked > 0, "some tracking numbers link to their carrier");
    }

    /** NetSuite's REST status text to Portico's status. */
    private static String status(String rest) {
        return switch (rest) {
            case "Picked" -> "picked";
            case "Packed" -> "packed";
            case "Shipped" -> "shipped";
            default -> throw new AssertionError("unexpected status " + rest);
        };
    }
}
