package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.sandbox.NetSuiteSandbox;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With an initial window, the first full load commits the recent records first, then the older history. */
class SyncInitialWindowTest extends SyncTestSupport {

    @Test
    void recentRecordsFirstThenTheHistory() throws Exception {
        start(NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12));
        SyncEngine engine = engine("node-a");
        LocalDate cutoff = LocalDate.parse("2025-07-01");
        int days = (int) ChronoUnit.DAYS.between(cutoff, LocalDate.now(ZoneOffset.UTC));
        engine.configure("invoice", new SyncSettings(true, false, "manual", days, List.of(), null, "archive", 600,
                20, 2));
        SyncRun run = sync(engine, "invoice", false);
        assertEquals("full", run.mode());
        assertEquals(invoiceIds().size(), run.inserted());
        assertInvoicesMatchSource();

        List<Map<String, Object>> rows = list("SELECT record_date, synced_at FROM ns_transaction");
        Timestamp lastRecent = null;
        Timestamp firstOld = null;
        int recent = 0;
        for (Map<String, Object> r : rows) {
            LocalDate date = ((java.sql.Date) r.get("record_date")).toLocalDate();
            Timestamp at = (Timestamp) r.get("synced_at");
            // A day's margin either side of the cutoff: NetSuite reads the bound in the account's time zone.
            if (!date.isBefore(cutoff.plusDays(1))) {
                recent++;
                lastRecent = lastRecent == null || at.after(lastRecent) ? at : lastRecent;
            } else if (date.isBefore(cutoff.minusDays(1))) {
                firstOld = firstOld == null || at.before(firstOld) ? at : firstOld;
            }
        }
        assertTrue(recent > 0 && recent < rows.size(), recent + " recent of " + rows.size());
        assertTrue(!lastRecent.after(firstOld), "every recent invoice was committed before the older history: "
                + lastRecent + " vs " + firstOld);
    }
}
