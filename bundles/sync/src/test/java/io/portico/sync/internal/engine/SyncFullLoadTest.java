package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.sandbox.NetSuiteSandbox;
import org.junit.jupiter.api.Test;

/** The first run is a full load: every customer and invoice of the demo company, with every line, as in NetSuite. */
class SyncFullLoadTest extends SyncTestSupport {

    @Test
    void fullLoadMirrorsTheDemoCompanyAndTheNextRunIsIncremental() throws Exception {
        start(NetSuiteSandbox.builder().customers(30).invoicesPerCustomer(15));
        SyncEngine engine = engine("node-a");

        SyncRun customers = sync(engine, "customer", false);
        assertEquals("full", customers.mode());
        SyncRun invoices = sync(engine, "invoice", false);
        assertEquals("full", invoices.mode());

        int invoiceCount = invoiceIds().size();
        assertEquals(invoiceCount, invoices.inserted());
        assertEquals(invoiceCount, invoices.recordsDone());
        assertEquals(0, invoices.failed());
        assertTrue(invoices.pages() >= 1);
        assertEquals(Long.valueOf(invoiceCount), invoices.estimatedTotal());
        assertCustomersMatchSource();
        assertInvoicesMatchSource();

        SyncRun again = sync(engine, "invoice", false);
        assertEquals("incremental", again.mode());
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertInvoicesMatchSource();
    }
}
