package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.sandbox.NetSuiteSandbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Malformed NetSuite data fails the record it is in, with an error naming the record, and nothing else: the run goes
 * on, the other rows are exact. Failed records are read again by every incremental run, changed or not, so they are
 * stored as soon as the data is fixed; one deleted in NetSuite meanwhile is forgotten.
 */
class SyncMalformedDataTest extends SyncTestSupport {

    @Test
    void eachMalformedRecordIsAnErrorOfItsOwnAndTheRestIsExact() throws Exception {
        start(NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12));
        CorruptingClient corrupting = new CorruptingClient(client);
        SyncEngine engine = engine("node-a", SyncEngine.Options.defaults("node-a"), () -> corrupting);
        sync(engine, "customer", false);

        List<Long> ids = new ArrayList<>(invoiceIds());
        // The first damaged invoice is one NetSuite lets be deleted, for the end of the test.
        Long deletable = unpaidInvoice(ids, 0);
        ids.remove(deletable);
        ids.add(0, deletable);
        Map<Long, BiConsumer<String, Map<String, String>>> damage = new HashMap<>();
        damage.put(ids.get(0), (kind, row) -> row.remove("trandate"));
        damage.put(ids.get(1), (kind, row) -> row.put("status", "Z"));
        damage.put(ids.get(2), (kind, row) -> row.put("foreigntotal", "12,34x"));
        damage.put(ids.get(3), (kind, row) -> row.put("memo", "x".repeat(70_000)));
        damage.put(ids.get(4), (kind, row) -> row.put("memo", "before\u0000after"));
        damage.put(ids.get(5), (kind, row) -> row.put("currencycode", "US Dollar"));
        damage.put(ids.get(6), (kind, row) -> {
            if (kind.equals("line")) {
                row.put("quantity", "three");
            }
        });
        damage.put(ids.get(7), (kind, row) -> row.put("lastmodified", "yesterday-ish"));
        damage.put(ids.get(8), (kind, row) -> row.put("foreigntotal", "1e400"));
        long html = ids.get(9);
        String script = "<script>fetch('/api/admin')</script><img src=x onerror=alert(1)>";
        damage.put(html, (kind, row) -> {
            if (kind.equals("header")) {
                row.put("memo", script);
            }
        });
        corrupting.corrupt(row -> {
            String id = row.containsKey("parentid") ? row.get("parentid") : row.get("id");
            BiConsumer<String, Map<String, String>> d = id == null ? null : damage.get(Long.valueOf(id));
            if (d != null && (row.containsKey("parentid") || row.containsKey("tranid"))) {
                d.accept(row.containsKey("parentid") ? "line" : "header", row);
            }
            return row;
        });

        SyncRun run = sync(engine, "invoice", false);
        assertEquals(9, run.failed(), run.toString());
        assertEquals(ids.size() - 9, run.inserted());
        Map<Long, SyncRunError> errors = new TreeMap<>();
        for (SyncRunError e : engine.errors(run.id(), 0, 100)) {
            errors.put(e.netsuiteId(), e);
            assertEquals("mapping", e.kind());
        }
        assertEquals(Set.copyOf(ids.subList(0, 9)), errors.keySet());
        assertTrue(errors.get(ids.get(0)).message().contains("'trandate' is missing"), errors.toString());
        assertTrue(errors.get(ids.get(1)).message().contains("'Z'"), errors.toString());
        assertTrue(errors.get(ids.get(2)).detail().contains("foreigntotal"), errors.toString());
        assertTrue(errors.get(ids.get(3)).message().contains("more than 65536"), errors.toString());
        assertTrue(errors.get(ids.get(4)).message().contains("NUL"), errors.toString());
        assertTrue(errors.get(ids.get(5)).message().contains("currency"), errors.toString());
        assertTrue(errors.get(ids.get(6)).detail().contains("quantity"), errors.toString());
        assertTrue(errors.get(ids.get(7)).detail().contains("lastmodified"), errors.toString());
        assertTrue(errors.get(ids.get(8)).message().contains("10^15"), errors.toString());

        Map<String, Object> stored = rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", html).get(html);
        assertEquals(script, attribute(stored, "memo"), "markup is data: kept verbatim, never interpreted");

        SyncRun stillBroken = sync(engine, "invoice", false);
        assertEquals(9, stillBroken.failed(), "records that failed are read again, though they did not change");
        assertEquals(0, stillBroken.inserted());
        assertEquals(9, engine.failingRecordCount("invoice"));
        List<SyncFailingRecord> failing = engine.failingRecords("invoice", 0, 100);
        assertEquals(Set.copyOf(ids.subList(0, 9)), Set.copyOf(failing.stream().map(SyncFailingRecord::netsuiteId)
                .toList()));
        assertTrue(failing.stream().allMatch(f -> f.attempts() == 2 && f.lastFailedAt().isAfter(f.firstFailedAt())),
                failing.toString());
        assertTrue(failing.stream().anyMatch(f -> f.message().contains("'trandate' is missing")), failing.toString());

        sandbox.data().delete("invoice", ids.get(0));
        corrupting.corrupt(row -> row);
        sandbox.data().patch("invoice", html, Map.of("memo", script));
        SyncRun repaired = sync(engine, "invoice", false);
        assertEquals(0, repaired.failed(), repaired.toString());
        assertEquals(8, repaired.inserted(), "fixed in NetSuite: the next incremental run stores them");
        assertEquals(0, engine.failingRecordCount("invoice"), "the deleted one left the set too");
        assertInvoicesMatchSource();

        SyncRun full = sync(engine, "invoice", true);
        assertEquals(0, full.failed());
        assertEquals(0, full.inserted() + full.updated());
        assertInvoicesMatchSource();
    }
}
