package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.sandbox.NetSuiteSandbox;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edits, creations, payments and deletions in NetSuite reach Portico through incremental runs. */
class SyncIncrementalTest extends SyncTestSupport {

    private SyncEngine engine;

    @BeforeEach
    void fullLoad() throws Exception {
        start(NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12));
        engine = engine("node-a");
        sync(engine, "customer", false);
        sync(engine, "invoice", false);
    }

    @Test
    void editsCreationsPaymentsAndDeletionsAreSyncedIncrementally() throws Exception {
        List<Long> ids = invoiceIds();
        long deleted = unpaidInvoice(ids, 0);
        long paid = unpaidInvoice(ids, 1);
        List<Long> others = ids.stream().filter(id -> id != deleted && id != paid).toList();
        long edited = others.get(3);
        String memo = "<script>alert('x')</script> & <b>bold</b> \"quoted\"";
        sandbox.data().patch("invoice", edited, Map.of("memo", memo));

        long relined = others.get(4);
        sandbox.data().patch("invoice", relined, Map.of("item", Map.of("items", List.of(
                Map.of("item", Map.of("id", "203"), "quantity", 2, "rate", 125.5)))));

        long customer = sandbox.data().customerId(2);
        long created = sandbox.data().create("invoice", Map.of(
                "entity", Map.of("id", String.valueOf(customer)), "tranDate", "2026-01-12",
                "item", Map.of("items", List.of(Map.of("item", Map.of("id", "209"), "quantity", 3, "rate", 189),
                        Map.of("item", Map.of("id", "207"), "quantity", 1, "rate", 241.53)))));

        sandbox.data().delete("invoice", deleted);

        Map<String, Object> paidBefore = sandbox.data().record("invoice", paid).orElseThrow();
        sandbox.data().create("customerpayment", Map.of("customer", Map.of("id", refId(paidBefore, "entity")),
                "payment", 10, "apply", Map.of("items", List.of(Map.of("doc", Map.of("id", String.valueOf(paid)),
                        "apply", true, "amount", 10)))));

        long renamed = sandbox.data().customerId(5);
        sandbox.data().patch("customer", renamed, Map.of("companyName", "Renamed Robotics LLC"));

        SyncRun customers = sync(engine, "customer", false);
        assertEquals("incremental", customers.mode());
        assertEquals(1, customers.updated());
        SyncRun run = sync(engine, "invoice", false);
        assertEquals("incremental", run.mode());
        assertEquals(1, run.inserted(), run.toString());
        assertEquals(3, run.updated(), run.toString());
        assertEquals(1, run.deleted(), run.toString());
        assertEquals(0, run.failed());

        assertCustomersMatchSource(false);
        assertInvoicesMatchSource();
        Map<String, Object> html = rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", edited).get(edited);
        assertEquals(memo, attribute(html, "memo"), "HTML and script are kept verbatim, as text");
        Map<String, Object> archived = rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", deleted)
                .get(deleted);
        assertNotNull(archived.get("archived_at"), "a deleted invoice is archived by default");
        assertEquals(1, count("SELECT count(*) FROM ns_transaction WHERE netsuite_id = ?", created));
        assertEquals(0, new BigDecimal("10").compareTo(((BigDecimal) rows("SELECT * FROM ns_transaction "
                + "WHERE netsuite_id = ?", paid).get(paid).get("total")).subtract((BigDecimal) rows(
                        "SELECT * FROM ns_transaction WHERE netsuite_id = ?", paid).get(paid).get("amount_remaining"))
                .subtract(new BigDecimal(paidBefore.get("amountPaid").toString()))));
    }

    @Test
    void deletionsCanRemoveRowsAndAForcedFullResyncArchivesWhatNetSuiteNoLongerHas() throws Exception {
        SyncConfig config = engine.config("invoice").orElseThrow();
        SyncSettings s = config.settings();
        engine.configure("invoice", new SyncSettings(s.enabled(), s.paused(), s.schedule(), s.initialWindowDays(),
                s.subsidiaryIds(), s.customCondition(), "delete", s.overlapSeconds(), s.pageSize(), s.parallelism()));
        List<Long> ids = invoiceIds();
        long deleted = unpaidInvoice(ids, 0);
        sandbox.data().delete("invoice", deleted);
        SyncRun run = sync(engine, "invoice", false);
        assertEquals("incremental", run.mode(), "changing on-delete does not force a full resync");
        assertEquals(1, run.deleted());
        assertEquals(0, count("SELECT count(*) FROM ns_transaction WHERE netsuite_id = ?", deleted));
        assertEquals(0, count("SELECT count(*) FROM ns_transaction_line l JOIN ns_transaction t ON "
                + "t.id = l.transaction_id WHERE t.netsuite_id = ?", deleted));

        // A row NetSuite never had (say a deletion older than NetSuite's deletion log): only a full resync finds it.
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ns_transaction (tenant_id, record_type, netsuite_id, content_hash, "
                    + "sync_generation) SELECT id, 'invoice', 999999999, 0, 1 FROM organization WHERE kind = 'operator'");
        }
        SyncRun incremental = sync(engine, "invoice", false);
        assertEquals(0, incremental.deleted());
        SyncRun full = sync(engine, "invoice", true);
        assertEquals("full", full.mode());
        assertEquals(1, full.deleted(), full.toString());
        assertEquals(ids.size() - 1, full.unchanged(), "a full resync rewrites nothing that did not change");
        assertEquals(0, count("SELECT count(*) FROM ns_transaction WHERE netsuite_id = 999999999"));
        assertInvoicesMatchSource();
    }

    @Test
    void changingTheFiltersMakesTheNextRunAFullResyncOfWhatMatches() throws Exception {
        SyncSettings s = engine.config("invoice").orElseThrow().settings();
        engine.configure("invoice", new SyncSettings(s.enabled(), s.paused(), s.schedule(), s.initialWindowDays(),
                List.of(1L), "t.foreigntotal > 3000", s.onDelete(), s.overlapSeconds(), s.pageSize(),
                s.parallelism()));
        SyncRun run = sync(engine, "invoice", false);
        assertEquals("full", run.mode());
        List<Long> matching = sourceIds("SELECT id FROM transaction WHERE type = 'CustInvc' AND foreigntotal > 3000 "
                + "ORDER BY id");
        assertTrue(matching.size() > 0 && matching.size() < invoiceIds().size());
        assertEquals(invoiceIds().size() - matching.size(), run.deleted(), "the others are archived");
        List<Long> live = list("SELECT netsuite_id FROM ns_transaction WHERE record_type = 'invoice' AND "
                + "archived_at IS NULL ORDER BY netsuite_id").stream().map(r -> (Long) r.get("netsuite_id")).toList();
        assertEquals(matching, live);
        assertFalse(engine.config("invoice").orElseThrow().settings().subsidiaryIds().isEmpty());
    }

}
