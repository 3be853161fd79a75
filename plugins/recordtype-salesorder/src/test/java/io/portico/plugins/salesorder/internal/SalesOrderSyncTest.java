package io.portico.plugins.salesorder.internal;

import static io.portico.sync.testing.SandboxSync.assertMoney;
import static io.portico.sync.testing.SandboxSync.attributes;
import static io.portico.sync.testing.SandboxSync.refId;
import static io.portico.sync.testing.SandboxSync.refName;
import static io.portico.sync.testing.SandboxSync.sublist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The demo company's sales orders, synced through the engine, are exactly what NetSuite's REST API shows. */
class SalesOrderSyncTest {

    private static final String SOURCE = "SELECT id FROM transaction WHERE type = 'SalesOrd' ORDER BY id";

    @Test
    void everySalesOrderAndLineIsMirroredAndKeptInStep() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(25), SalesOrderRecordType.NAME,
                new SalesOrderRecordType())) {
            s.createCustomerOrganizations();

            SyncRun full = s.sync(false);
            List<Long> ids = s.sourceIds(SOURCE);
            assertTrue(ids.size() > 20, "the demo company has sales orders: " + ids.size());
            assertEquals(ids.size(), full.inserted());
            assertEquals(0, full.failed(), () -> "errors " + s.errors(full));
            assertMatchesSource(s);

            long changed = ids.get(3);
            long deleted = ids.get(5);
            s.sandbox.data().patch("salesorder", changed, Map.of("memo", "<b>Ship</b> with <script>x()</script>"));
            s.sandbox.data().delete("salesorder", deleted);
            SyncRun incremental = s.sync(false);
            assertEquals("incremental", incremental.mode());
            assertEquals(1, incremental.updated());
            assertEquals(1, incremental.deleted());
            assertEquals("<b>Ship</b> with <script>x()</script>",
                    attributes(s.rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", changed).get(changed))
                            .get("memo"));
            assertMatchesSource(s);
        }
    }

    @Test
    void anUnknownStatusIsAnErrorOfThatOrderAndTheRunGoesOn() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(10), SalesOrderRecordType.NAME,
                new SalesOrderRecordType())) {
            s.createCustomerOrganizations();
            s.sync(false);
            long odd = s.sourceIds(SOURCE).get(2);
            s.rewriteRows(row -> {
                if (String.valueOf(odd).equals(row.get("id")) && row.containsKey("status")) {
                    row.put("status", "Y");
                    row.put("statuslabel", "Sales Order : On Hold (custom)");
                }
                return row;
            });

            SyncRun resync = s.sync(true);
            assertEquals(1, resync.failed());
            List<SyncRunError> errors = s.errors(resync);
            assertEquals(1, errors.size());
            assertEquals(odd, errors.get(0).netsuiteId());
            assertEquals("mapping", errors.get(0).kind());
            assertTrue(errors.get(0).message().contains("'Y'"), errors.get(0).message());
            assertMatchesSource(s);

            s.rewriteRows(row -> row);
            assertEquals(0, s.sync(true).failed());
            assertMatchesSource(s);
        }
    }

    /** Every sales order NetSuite has, and no other, with its REST values and every line. */
    private static void assertMatchesSource(SandboxSync s) {
        List<Long> ids = s.sourceIds(SOURCE);
        Map<Long, Map<String, Object>> rows = s.rows(
                "SELECT * FROM ns_transaction WHERE record_type = 'salesorder' AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same sales orders");
        Map<String, Long> organizations = s.organizations();
        for (long id : ids) {
            Map<String, Object> rest = s.record("salesorder", id);
            Map<String, Object> row = rows.get(id);
            Map<String, Object> a = attributes(row);
            String where = "sales order " + id;
            assertEquals(rest.get("tranId"), row.get("number"), where);
            assertEquals(rest.get("tranDate"), String.valueOf(row.get("record_date")), where);
            assertEquals(status(refName(rest, "status")), row.get("status"), where);
            assertEquals(refName(rest, "status"), ((String) a.get("statusLabel")).replace("Sales Order : ", ""),
                    where);
            assertMoney(rest.get("total"), row.get("total"), where + " total");
            assertEquals(null, row.get("amount_remaining"), where);
            assertEquals(refName(rest, "currency"), row.get("currency"), where);
            String entity = refId(rest, "entity");
            assertEquals(entity, row.get("owner_netsuite_id"), where);
            assertNotNull(organizations.get(entity), where);
            assertEquals(organizations.get(entity), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("memo"), a.get("memo"), where + " memo");
            assertEquals(rest.get("otherRefNum"), a.get("otherRefNum"), where + " PO #");
            assertEquals(refName(rest, "terms"), a.get("terms"), where + " terms");
            assertEquals(rest.get("billingAddress_text"), a.get("billingAddress"), where + " billing address");
            assertEquals(rest.get("email"), a.get("email"), where + " email");

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
                assertMoney(e.get("rate"), l.get("rate"), at + " rate");
                assertMoney(e.get("amount"), l.get("amount"), at + " amount");
                assertEquals(e.get("isClosed"), attributes(l).get("closed"), at + " closed");
                assertEquals(refId(e, "item"), attributes(l).get("itemId"), at + " item id");
                assertEquals(row.get("organization_id"), l.get("organization_id"), at + " organization");
            }
        }
    }

    /** NetSuite's REST status text to Portico's status. */
    private static String status(String rest) {
        return switch (rest) {
            case "Pending Approval" -> "pending-approval";
            case "Pending Fulfillment" -> "pending-fulfillment";
            case "Cancelled" -> "cancelled";
            case "Partially Fulfilled", "Pending Billing/Partially Fulfilled" -> "partially-fulfilled";
            case "Pending Billing" -> "pending-billing";
            case "Billed" -> "billed";
            case "Closed" -> "closed";
            default -> throw new AssertionError("unexpected status " + rest);
        };
    }
}
