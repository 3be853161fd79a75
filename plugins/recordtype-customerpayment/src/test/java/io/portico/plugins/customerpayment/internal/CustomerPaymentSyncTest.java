package io.portico.plugins.customerpayment.internal;

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
import io.portico.netsuite.SuiteQlRow;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo company's customer payments, synced through the engine, are exactly what NetSuite's REST API shows, each
 * with the invoices it was applied to.
 */
class CustomerPaymentSyncTest {

    private static final String SOURCE = "SELECT id FROM transaction WHERE type = 'CustPymt' ORDER BY id";

    @Test
    void everyPaymentAndApplicationIsMirroredAndKeptInStep() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(25),
                CustomerPaymentRecordType.NAME, new CustomerPaymentRecordType())) {
            s.createCustomerOrganizations();

            SyncRun full = s.sync(false);
            List<Long> ids = s.sourceIds(SOURCE);
            assertTrue(ids.size() > 20, "the demo company has payments: " + ids.size());
            assertEquals(ids.size(), full.inserted());
            assertEquals(0, full.failed(), () -> "errors " + s.errors(full));
            assertMatchesSource(s);

            // A payment received for two open invoices of one customer, partly left unapplied.
            Map<String, List<SuiteQlRow>> open = new LinkedHashMap<>();
            for (SuiteQlRow r : s.suiteQl("SELECT id, entity, foreignamountunpaid FROM transaction "
                    + "WHERE type = 'CustInvc' AND status = 'A' ORDER BY id")) {
                open.computeIfAbsent(r.getString("entity"), e -> new ArrayList<>()).add(r);
            }
            List<SuiteQlRow> two = open.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow()
                    .subList(0, 2);
            BigDecimal first = two.get(0).getDecimal("foreignamountunpaid");
            BigDecimal second = new BigDecimal("10.01");
            long created = s.sandbox.data().create("customerpayment", Map.of(
                    "customer", Map.of("id", two.get(0).getString("entity")),
                    "currency", Map.of("id", "1"),
                    "payment", first.add(second).add(new BigDecimal("100.00")),
                    "memo", "Two invoices & a <tip>",
                    "apply", Map.of("items", List.of(
                            Map.of("doc", Map.of("id", two.get(0).getString("id")), "amount", first),
                            Map.of("doc", Map.of("id", two.get(1).getString("id")), "amount", second)))));
            long deleted = ids.get(4);
            s.sandbox.data().delete("customerpayment", deleted);

            SyncRun incremental = s.sync(false);
            assertEquals("incremental", incremental.mode());
            assertEquals(1, incremental.inserted());
            assertEquals(1, incremental.deleted());
            Map<String, Object> row = s.rows("SELECT * FROM ns_transaction WHERE record_type = 'customerpayment' "
                    + "AND netsuite_id = ?", created).get(created);
            assertMoney("100.00", row.get("amount_remaining"), "unapplied");
            assertEquals(2, s.lines(row.get("id")).get(CustomerPaymentRecordType.APPLICATIONS).size());
            assertMatchesSource(s);
        }
    }

    @Test
    void anUnknownStatusIsAnErrorOfThatPaymentAndTheRunGoesOn() throws Exception {
        try (SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(10),
                CustomerPaymentRecordType.NAME, new CustomerPaymentRecordType())) {
            s.createCustomerOrganizations();
            s.assertAnUnknownStatusFailsOnlyItsRecord(SOURCE);
        }
    }

    private static void assertMatchesSource(SandboxSync s) {
        List<Long> ids = s.sourceIds(SOURCE);
        Map<Long, Map<String, Object>> rows = s.rows(
                "SELECT * FROM ns_transaction WHERE record_type = 'customerpayment' AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same payments");
        Map<String, Long> organizations = s.organizations();
        for (long id : ids) {
            Map<String, Object> rest = s.record("customerpayment", id);
            Map<String, Object> row = rows.get(id);
            Map<String, Object> a = attributes(row);
            String where = "payment " + id;
            assertEquals(rest.get("tranId"), row.get("number"), where);
            assertEquals(rest.get("tranDate"), String.valueOf(row.get("record_date")), where);
            assertEquals(status(refName(rest, "status")), row.get("status"), where);
            assertMoney(rest.get("payment"), row.get("total"), where + " amount");
            assertMoney(rest.get("unapplied"), row.get("amount_remaining"), where + " unapplied");
            assertMoney(rest.get("applied"), a.get("applied"), where + " applied");
            assertEquals(refName(rest, "currency"), row.get("currency"), where);
            String customer = refId(rest, "customer");
            assertEquals(customer, row.get("owner_netsuite_id"), where);
            assertNotNull(organizations.get(customer), where);
            assertEquals(organizations.get(customer), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("memo"), a.get("memo"), where + " memo");
            assertEquals(rest.get("checkNumber"), a.get("otherRefNum"), where + " check #");

            Map<String, List<Map<String, Object>>> lists = s.lines(row.get("id"));
            assertEquals(sublist(rest, "apply").isEmpty() ? Set.of() : Set.of(CustomerPaymentRecordType.APPLICATIONS),
                    lists.keySet(), where + " line lists: no item lines");
            assertApplicationsMatch(rest, row, lists.getOrDefault(CustomerPaymentRecordType.APPLICATIONS, List.of()),
                    where);
        }
    }

    private static String status(String rest) {
        return switch (rest) {
            case "Unapproved Payment" -> "pending-approval";
            case "Not Deposited" -> "not-deposited";
            case "Deposited" -> "deposited";
            case "Rejected" -> "rejected";
            default -> throw new AssertionError("unexpected status " + rest);
        };
    }
}
