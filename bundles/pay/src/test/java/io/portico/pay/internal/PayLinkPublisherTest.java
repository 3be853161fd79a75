package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.web.ProblemException;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pay-now links written into the NetSuite sandbox's invoices over HTTP: on request for every open invoice, one per
 * invoice, a link that opens that invoice; retried when NetSuite fails; cleared and revoked once the invoice is paid;
 * new invoices get one as they sync.
 */
class PayLinkPublisherTest {

    private static final String FIELD = "custbody_portico_pay_link";
    private static final Pattern LINK = Pattern.compile("http://portal\\.test/pay/l/([A-Za-z0-9_-]{43})");
    private static final NetSuiteWriteback.Options FAST = new NetSuiteWriteback.Options(500, Duration.ofMinutes(5),
            Duration.ofMillis(1), Duration.ofMillis(10));

    private static SandboxSync s;
    private static PaymentLinks links;
    private static PayLinkPublisher publisher;
    private static Reconciliation reconciliation;
    private static PayActor admin;
    private static long tenant;

    @BeforeAll
    static void syncedInvoices() throws Exception {
        s = new SandboxSync(NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(2),
                InvoiceRecordType.NAME, new InvoiceRecordType());
        s.createCustomerOrganizations();
        s.sync(false);
        var paySessions = s.db.database().sessionFactory(PayMapper.class);
        links = new PaymentLinks(paySessions, new Checkout(paySessions, name -> Optional.empty(), Clock.systemUTC())
                .ledger(), Clock.systemUTC());
        publisher = new PayLinkPublisher(s.db.database().sessionFactory(PayLinkMapper.class), links,
                () -> Optional.of(s.client), () -> "http://portal.test", "test", FAST);
        reconciliation = new Reconciliation(s.db.database().sessionFactory(WritebackMapper.class, PayMapper.class,
                PayLinkMapper.class), Optional::empty);
        tenant = ((Number) s.list("SELECT id FROM organization WHERE kind = 'operator'").get(0).get("id")).longValue();
        admin = new PayActor(tenant, null, "console:test");
    }

    @AfterAll
    static void close() {
        s.close();
    }

    @BeforeEach
    void noLinksYet() {
        s.update("DELETE FROM pay_invoice_link");
        s.update("DELETE FROM pay_writeback_settings");
        s.update("UPDATE pay_link SET revoked_at = now() WHERE revoked_at IS NULL");
        s.update("DELETE FROM audit_log WHERE action LIKE 'pay.pay_link%'");
    }

    @AfterEach
    void faultsOff() {
        s.sandbox.faults().clear();
    }

    @Test
    void everyOpenInvoiceGetsOneWorkingLinkThatIsClearedOncePaid() throws Exception {
        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.payLinkField(admin, FIELD))
                .status(), "the write-back's settings come first");
        s.update("INSERT INTO pay_writeback_settings (tenant_id, account_id) VALUES (?, '1')", tenant);
        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.publishPayLinks(admin)).status(),
                "no field named yet");
        assertEquals(400, assertThrows(ProblemException.class, () -> reconciliation.payLinkField(admin, "memo"))
                .status());
        reconciliation.payLinkField(admin, FIELD);
        // As if the field had been named before the invoices synced: nothing is queued by the sync's poll.
        s.update("UPDATE pay_writeback_settings SET pay_links_since = now() + interval '1 hour'");

        List<Map<String, Object>> open = s.list("SELECT id, netsuite_id FROM ns_transaction WHERE record_type ="
                + " 'invoice' AND amount_remaining > 0 AND organization_id IS NOT NULL ORDER BY id");
        assertTrue(open.size() >= 2, "the demo company has open invoices");
        assertEquals(0, publisher.run(), "existing invoices wait for a request");
        assertEquals(open.size(), reconciliation.publishPayLinks(admin));
        s.sandbox.faults().errorRate(1.0);
        assertEquals(open.size(), publisher.run());
        assertEquals((long) open.size(), count("SELECT count(*) FROM pay_invoice_link WHERE status = 'pending'"
                + " AND last_error IS NOT NULL AND attempts = 1"), "NetSuite failed: each waits to be retried");
        assertEquals(0L, count("SELECT count(*) FROM pay_link WHERE revoked_at IS NULL"),
                "a link whose address NetSuite did not take is revoked");
        s.sandbox.faults().clear();
        s.update("UPDATE pay_invoice_link SET next_attempt_at = now()");
        assertEquals(open.size(), publisher.run());

        long paidInvoice = ((Number) open.get(0).get("netsuite_id")).longValue();
        for (Map<String, Object> invoice : open) {
            long netsuiteId = ((Number) invoice.get("netsuite_id")).longValue();
            Object written = s.record("invoice", netsuiteId).get(FIELD);
            assertNotNull(written, "invoice " + netsuiteId + " carries its link");
            Matcher token = LINK.matcher(written.toString());
            assertTrue(token.matches(), written.toString());
            PayLink link = links.open(token.group(1));
            assertEquals(List.of(netsuiteId), link.invoiceIds(), "the link pays exactly that invoice");
        }
        assertEquals((long) open.size(), count("SELECT count(*) FROM pay_link WHERE revoked_at IS NULL"),
                "one working link per invoice");
        assertEquals(0, reconciliation.publishPayLinks(admin), "asking again queues nothing new");
        assertEquals(0, publisher.run());

        // The invoice is paid, and the sync brings its balance.
        String oldLink = s.record("invoice", paidInvoice).get(FIELD).toString();
        s.update("UPDATE ns_transaction SET amount_remaining = 0, status = 'paidInFull' WHERE record_type = 'invoice'"
                + " AND netsuite_id = ?", paidInvoice);
        assertEquals(1, publisher.run());
        assertFalse(s.record("invoice", paidInvoice).containsKey(FIELD), "the field is emptied");
        Matcher token = LINK.matcher(oldLink);
        assertTrue(token.matches());
        assertEquals(410, assertThrows(ProblemException.class, () -> links.open(token.group(1))).status(),
                "and its link withdrawn");
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action = 'pay.pay_links_published'"
                + " AND detail->>'invoices' = '" + open.size() + "'"));

        s.update("UPDATE pay_invoice_link SET status = 'failed', last_error = 'Invalid field'"
                + " WHERE action = 'publish'");
        assertEquals(open.size() - 1, reconciliation.publishPayLinks(admin),
                "a link NetSuite refused is tried again on request");
        assertEquals(0L, count("SELECT count(*) FROM pay_invoice_link WHERE status = 'failed'"));
    }

    @Test
    void invoicesThatSyncAfterTheFieldIsNamedGetALinkWithoutAsking() throws Exception {
        s.update("INSERT INTO pay_writeback_settings (tenant_id, account_id, pay_link_field, pay_links_since)"
                + " VALUES (?, '1', ?, now() - interval '1 day')", tenant, FIELD);
        publisher.run();
        long queued = count("SELECT count(*) FROM pay_invoice_link WHERE action = 'publish' AND status = 'done'");
        assertEquals(count("SELECT count(*) FROM ns_transaction WHERE record_type = 'invoice' AND amount_remaining > 0"
                + " AND organization_id IS NOT NULL"), queued, "every open invoice synced since then");
        assertTrue(queued > 0);
    }

    private static long count(String sql) {
        return ((Number) s.list(sql).get(0).values().iterator().next()).longValue();
    }
}
