package io.portico.plugins.creditmemo.internal;

import static io.portico.sync.testing.SandboxSync.assertApplicationsMatch;
import static io.portico.sync.testing.SandboxSync.assertMoney;
import static io.portico.sync.testing.SandboxSync.attributes;
import static io.portico.sync.testing.SandboxSync.refId;
import static io.portico.sync.testing.SandboxSync.refName;
import static io.portico.sync.testing.SandboxSync.sublist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo company's credit memos, synced through the engine, are exactly what NetSuite's REST API shows, each with
 * what it credited (its item lines) and the invoices it was applied to (its applications).
 */
class CreditMemoSyncTest {

    private static final String SOURCE = "SELECT id FROM transaction WHERE type = 'CustCred' ORDER BY id";

    @Test
    void everyCreditMemoWithItsItemLinesAndApplicationsIsMirroredAndKeptInStep() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(60),
                CreditMemoRecordType.NAME, new CreditMemoRecordType())) {
            s.createCustomerOrganizations();

            SyncRun full = s.sync(false);
            List<Long> ids = s.sourceIds(SOURCE);
            assertTrue(ids.size() >= 10, "the demo company has credit memos: " + ids.size());
            assertEquals(ids.size(), full.inserted());
            assertEquals(0, full.failed(), () -> "errors " + s.errors(full));
            assertMatchesSource(s);

            long changed = ids.get(2);
            long deleted = ids.get(4);
            long credited = ids.get(6);
            s.sandbox.data().patch("creditmemo", changed, Map.of("memo", "Goodwill <credit> & \"more\""));
            s.sandbox.data().delete("creditmemo", deleted);
            // One more item credited, not applied yet: the credit memo is open for 50.00 more.
            s.sandbox.data().patch("creditmemo", credited, Map.of("item", Map.of("items", List.of(
                    Map.of("item", Map.of("id", "203"), "quantity", 2, "rate", 25, "description", "Late delivery")))));

            SyncRun incremental = s.sync(false);
            assertEquals("incremental", incremental.mode());
            assertEquals(2, incremental.updated());
            assertEquals(1, incremental.deleted());
            assertEquals("Goodwill <credit> & \"more\"", attributes(s.rows("SELECT * FROM ns_transaction "
                    + "WHERE netsuite_id = ?", changed).get(changed)).get("memo"));
            Map<String, Object> row = s.rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", credited)
                    .get(credited);
            assertMoney("50.00", row.get("amount_remaining"), "the new credit is unapplied");
            List<Map<String, Object>> items = s.lines(row.get("id")).get("items");
            assertEquals(2, items.size());
            assertEquals("Late delivery", items.get(1).get("description"));
            assertMatchesSource(s);

            SyncRun again = s.sync(true);
            assertEquals("full", again.mode());
            assertEquals(0, again.inserted() + again.updated(), "nothing changed, so nothing is rewritten");
            assertEquals(ids.size() - 1, again.unchanged());
            assertMatchesSource(s);
        }
    }

    @Test
    void anUnknownStatusIsAnErrorOfThatCreditMemoAndTheRunGoesOn() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(10),
                CreditMemoRecordType.NAME, new CreditMemoRecordType())) {
            s.createCustomerOrganizations();
            s.assertAnUnknownStatusFailsOnlyItsRecord(SOURCE);
        }
    }

    private static void assertMatchesSource(SandboxSync s) {
        List<Long> ids = s.sourceIds(SOURCE);
        Map<Long, Map<String, Object>> rows = s.rows(
                "SELECT * FROM ns_transaction WHERE record_type = 'creditmemo' AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same credit memos");
        Map<String, Long> organizations = s.organizations();
        for (long id : ids) {
            Map<String, Object> rest = s.record("creditmemo", id);
            Map<String, Object> row = rows.get(id);
            Map<String, Object> a = attributes(row);
            String where = "credit memo " + id;
            assertEquals(rest.get("tranId"), row.get("number"), where);
            assertEquals(rest.get("tranDate"), String.valueOf(row.get("record_date")), where);
            assertEquals(status(refName(rest, "status")), row.get("status"), where);
            assertMoney(rest.get("total"), row.get("total"), where + " amount");
            assertMoney(rest.get("unapplied"), row.get("amount_remaining"), where + " unapplied");
            assertMoney(rest.get("applied"), a.get("applied"), where + " applied");
            assertEquals(refName(rest, "currency"), row.get("currency"), where);
            String customer = refId(rest, "entity");
            assertEquals(customer, row.get("owner_netsuite_id"), where);
            assertNotNull(organizations.get(customer), where);
            assertEquals(organizations.get(customer), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("memo"), a.get("memo"), where + " memo");
            assertEquals(refId(rest, "createdFrom"), a.get("createdFromId"), where + " created from");
            assertEquals(refName(rest, "createdFrom"), a.get("createdFrom"), where + " created from");

            Map<String, List<Map<String, Object>>> lists = s.lines(row.get("id"));
            List<Map<String, Object>> credited = sublist(rest, "item");
            List<Map<String, Object>> items = lists.getOrDefault("items", List.of());
            assertEquals(credited.size(), items.size(), where + " item lines");
            assertTrue(credited.size() > 0, where + " credits something");
            for (int i = 0; i < credited.size(); i++) {
                Map<String, Object> e = credited.get(i);
                Map<String, Object> l = items.get(i);
                String at = where + " line " + e.get("line");
                assertEquals(((Number) e.get("line")).longValue(), l.get("line_id"), at);
                assertEquals(refName(e, "item"), l.get("item"), at);
                assertEquals(refId(e, "item"), attributes(l).get("itemId"), at + " item id");
                assertEquals(e.get("description"), l.get("description"), at);
                assertMoney(e.get("quantity"), l.get("quantity"), at + " quantity");
                assertMoney(e.get("rate"), l.get("rate"), at + " rate");
                assertMoney(e.get("amount"), l.get("amount"), at + " amount");
                assertEquals(row.get("organization_id"), l.get("organization_id"), at + " organization");
            }
            assertMoney(rest.get("total"), items.stream().map(l -> (BigDecimal) l.get("amount"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add), where + " the item lines add up to the credit");

            assertEquals(sublist(rest, "apply").isEmpty() ? Set.of("items")
                    : Set.of("items", CreditMemoRecordType.APPLICATIONS), lists.keySet(), where + " line lists");
            assertApplicationsMatch(rest, row, lists.getOrDefault(CreditMemoRecordType.APPLICATIONS, List.of()),
                    where);
        }
    }

    private static String status(String rest) {
        return switch (rest) {
            case "Open" -> "open";
            case "Fully Applied" -> "fully-applied";
            case "Voided" -> "voided";
            default -> throw new AssertionError("unexpected status " + rest);
        };
    }
}
