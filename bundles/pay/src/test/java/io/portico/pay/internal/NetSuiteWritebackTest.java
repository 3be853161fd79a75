package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.PaymentState;
import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfig;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments written back to the NetSuite sandbox over HTTP: the invoices are synced from the sandbox by the real sync
 * engine, paid through the checkout with a fake processor, and posted by the write-back as NetSuite customer payments.
 */
class NetSuiteWritebackTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/return");
    private static final NetSuiteWriteback.Options FAST = new NetSuiteWriteback.Options(20, Duration.ofMinutes(5),
            Duration.ofMillis(1), Duration.ofMillis(10));

    private static SandboxSync s;
    private static FakeProcessor processor;
    private static Checkout checkout;
    private static SqlSessionFactory writebacks;
    private static long tenant;
    private static final Set<Long> usedInvoices = new HashSet<>();

    /** An open USD invoice synced into Portico. */
    private record Invoice(long netsuiteId, long organizationId, String customerNetsuiteId, BigDecimal remaining) {
    }

    @BeforeAll
    static void syncedInvoicesAndPayOn() throws Exception {
        s = new SandboxSync(NetSuiteSandbox.builder().customers(12), InvoiceRecordType.NAME,
                new InvoiceRecordType());
        s.createCustomerOrganizations();
        s.sync(false);
        processor = new FakeProcessor();
        checkout = new Checkout(s.db.database().sessionFactory(PayMapper.class),
                name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(), Clock.systemUTC());
        writebacks = s.db.database().sessionFactory(WritebackMapper.class);
        tenant = ((Number) s.list("SELECT id FROM organization WHERE kind = 'operator'").get(0).get("id")).longValue();
        try (var session = s.db.database().sessionFactory(PayMapper.class).openSession(true)) {
            session.getMapper(PayMapper.class).saveSettings(new PaySettings(tenant, true, "fake", "acct_fake",
                    new BigDecimal("2.5"), "NV", false, false, BigDecimal.ZERO, BigDecimal.ZERO, true,
                    BigDecimal.ONE));
        }
        s.update("INSERT INTO pay_writeback_settings (tenant_id, account_id, payment_method_id) VALUES (?, '1', '3')",
                tenant);
    }

    @AfterAll
    static void close() {
        s.close();
    }

    @AfterEach
    void faultsOff() {
        s.sandbox.faults().clear();
    }

    @Test
    void twoInvoicesOnePartiallyMakeOneCustomerPaymentAppliedExactlySoAndTheBalanceIsNeverCountedTwice()
            throws Exception {
        List<Invoice> invoices = openInvoicesOfOneCustomer(2);
        Invoice full = invoices.get(0);
        Invoice partial = invoices.get(1);
        BigDecimal part = partial.remaining().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        Payment paid = pay(full.organizationId(), "credit", full, full.remaining(), partial, part);
        refreshTwice(paid);
        assertEquals(1, count("SELECT count(*) FROM pay_writeback WHERE payment_id = ?", paid.id()),
                "one outbox row, however often the success is reported");

        assertEquals(0, payable(full).signum(), "the portal shows the payment at once");
        assertMoney(partial.remaining().subtract(part), payable(partial));
        s.sync(false);
        assertEquals(0, payable(full).signum(), "a sync before NetSuite has the payment changes nothing");

        writeback(s.client).run();

        String externalId = "portico-pay-" + paid.publicId();
        List<Map<String, Object>> posted = paymentsWithExternalId(externalId);
        assertEquals(1, posted.size(), "exactly one customer payment");
        Map<String, Object> payment = posted.get(0);
        assertEquals(full.customerNetsuiteId(), SandboxSync.refId(payment, "customer"));
        assertEquals("1", SandboxSync.refId(payment, "account"));
        SandboxSync.assertMoney(full.remaining().add(part), payment.get("payment"), "payment");
        SandboxSync.assertMoney(full.remaining().add(part), payment.get("applied"), "applied: no surcharge");
        Map<String, BigDecimal> applied = new HashMap<>();
        for (Map<String, Object> line : SandboxSync.sublist(payment, "apply")) {
            applied.put(SandboxSync.refId(line, "doc"), new BigDecimal(line.get("amount").toString()));
        }
        assertEquals(2, applied.size());
        assertMoney(full.remaining(), applied.get(Long.toString(full.netsuiteId())));
        assertMoney(part, applied.get(Long.toString(partial.netsuiteId())));
        assertTrue(payment.get("memo").toString().contains(paid.processorReference()), "memo names the processor's id");
        assertTrue(payment.get("memo").toString().contains("surcharge"), "memo says the surcharge was not posted");
        Map<String, Object> row = outbox(paid);
        assertEquals("posted", row.get("status"));
        assertEquals(String.valueOf(payment.get("id")), row.get("netsuite_id"));

        assertEquals(0, payable(full).signum(), "posted, not synced yet: still held");
        s.sync(false);
        assertEquals(0, payable(full).signum(), "synced: NetSuite's balance shows it, the hold no longer counts");
        assertMoney(partial.remaining().subtract(part), payable(partial));
        writeback(s.client).run();
        assertEquals(2, count("SELECT count(*) FROM pay_allocation WHERE payment_id = ? AND reflected_at IS NOT NULL",
                paid.id()));
        assertNull(find(externalId + "-x"), "sanity: an unknown external id is not found");
    }

    @Test
    void aTimeoutWhoseRequestNetSuiteProcessedIsReadBackNotPostedAgain() throws Exception {
        NetSuiteWriteback writeback = writeback(client(1));
        Invoice first = openInvoicesOfOneCustomer(1).get(0);
        Payment firstPaid = pay(first.organizationId(), "debit", first, first.remaining());
        writeback.run();
        assertEquals("posted", outbox(firstPaid).get("status"), "a first payment posts normally");

        Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
        Payment paid = pay(invoice.organizationId(), "debit", invoice, invoice.remaining());
        String externalId = "portico-pay-" + paid.publicId();
        s.sandbox.faults().latencyMillis(2_500); // NetSuite creates it at once; the answer comes after the timeout
        writeback.run();
        Map<String, Object> row = outbox(paid);
        assertEquals("pending", row.get("status"));
        assertTrue(row.get("last_error").toString().startsWith("NetSuite did not answer"), row.toString());
        assertNotNull(find(externalId), "NetSuite did create it");

        s.sandbox.faults().clear();
        dueNow(paid);
        writeback.run();
        assertEquals("posted", outbox(paid).get("status"));
        assertEquals(1, paymentsWithExternalId(externalId).size(), "read back by external id, not posted twice");
        assertEquals(String.valueOf(find(externalId)), outbox(paid).get("netsuite_id"));
    }

    @Test
    void aRefusalRetryingCannotFixStopsWithNetSuitesOwnMessage() throws Exception {
        Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
        Payment paid = pay(invoice.organizationId(), "debit", invoice, invoice.remaining());
        // Meanwhile the AR team recorded a check for the whole invoice in NetSuite.
        s.sandbox.data().create("customerpayment", Map.of("customer", Map.of("id", invoice.customerNetsuiteId()),
                "payment", invoice.remaining(), "apply", Map.of("items", List.of(Map.of("doc",
                        Map.of("id", Long.toString(invoice.netsuiteId())), "apply", true,
                        "amount", invoice.remaining())))));

        writeback(s.client).run();

        Map<String, Object> row = outbox(paid);
        assertEquals("failed", row.get("status"));
        String error = row.get("last_error").toString();
        assertTrue(error.startsWith("You have attempted an invalid sublist or line item operation.")
                && error.endsWith("(USER_ERROR, HTTP 400)"), error);
        assertNull(find("portico-pay-" + paid.publicId()));
        dueNow(paid);
        writeback(s.client).run();
        assertEquals("failed", outbox(paid).get("status"), "a stopped row waits for an admin");
        assertEquals(1, outbox(paid).get("attempts"));
    }

    @Test
    void twoWorkersRacingPostEachPaymentOnceAndADeadNodesLeaseRunsOut() throws Exception {
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
            payments.add(pay(invoice.organizationId(), "debit", invoice, invoice.remaining()));
        }
        // A node claims the last one and dies with it.
        Payment orphan = payments.get(5);
        s.update("UPDATE pay_writeback SET lease_owner = 'dead node', lease_until = now() + interval '5 min'"
                + " WHERE payment_id = ?", orphan.id());
        s.sandbox.faults().latencyMillis(50);
        // One row per round, so that the two take turns claiming.
        NetSuiteWriteback.Options oneAtATime = new NetSuiteWriteback.Options(1, FAST.lease(), FAST.firstRetry(),
                FAST.maxRetry());
        NetSuiteWriteback one = new NetSuiteWriteback(writebacks, () -> Optional.of(s.client), "one", oneAtATime);
        NetSuiteWriteback two = new NetSuiteWriteback(writebacks, () -> Optional.of(s.client), "two", oneAtATime);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (NetSuiteWriteback worker : List.of(one, two)) {
                rounds.add(pool.submit(() -> {
                    start.await();
                    int rows = 0;
                    for (int claimed = worker.run(); claimed > 0; claimed = worker.run()) {
                        rows += claimed;
                    }
                    return rows;
                }));
            }
            start.countDown();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Payment payment : payments.subList(0, 5)) {
            assertEquals("posted", outbox(payment).get("status"));
            assertEquals(1, outbox(payment).get("attempts"), "claimed by one worker, once");
            assertEquals(1, paymentsWithExternalId("portico-pay-" + payment.publicId()).size());
        }
        assertEquals("pending", outbox(orphan).get("status"), "the dead node's lease still holds");

        s.update("UPDATE pay_writeback SET lease_until = now() - interval '1 second' WHERE payment_id = ?",
                orphan.id());
        one.run();
        two.run();
        assertEquals("posted", outbox(orphan).get("status"));
        assertEquals(1, paymentsWithExternalId("portico-pay-" + orphan.publicId()).size());
    }

    @Test
    void thirtyPaymentsThroughErrorsDropsAndThrottlingArePostedExactlyOnceEach() throws Exception {
        List<Payment> payments = new ArrayList<>();
        Map<Long, Long> invoiceOf = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
            for (int k = 0; k < 10; k++) {
                Payment paid = pay(invoice.organizationId(), "debit", invoice, BigDecimal.ONE);
                payments.add(paid);
                invoiceOf.put(paid.id(), invoice.netsuiteId());
            }
        }
        s.sandbox.faults().errorRate(0.2).dropConnectionRate(0.1).concurrencyLimit(2).latencyMillis(10);
        List<Long> ids = payments.stream().map(Payment::id).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (NetSuiteClient client : List.of(s.client, client(30))) {
                NetSuiteWriteback worker = writeback(client);
                workers.add(pool.submit(() -> {
                    for (int round = 0; round < 3_000 && pending(ids) > 0; round++) {
                        if (worker.run() == 0) {
                            Thread.sleep(5); // the other worker holds what is left, or it is not due yet
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            s.sandbox.faults().concurrencyLimit(5);
        }
        assertEquals(0, pending(ids), "the outbox is empty");
        for (Payment payment : payments) {
            assertEquals("posted", outbox(payment).get("status"));
            List<Map<String, Object>> posted = paymentsWithExternalId("portico-pay-" + payment.publicId());
            assertEquals(1, posted.size(), "exactly one customer payment for " + payment.publicId());
            List<Map<String, Object>> lines = SandboxSync.sublist(posted.get(0), "apply");
            assertEquals(1, lines.size());
            assertEquals(Long.toString(invoiceOf.get(payment.id())), SandboxSync.refId(lines.get(0), "doc"));
            SandboxSync.assertMoney(BigDecimal.ONE, lines.get(0).get("amount"), "applied");
        }
    }

    @Test
    void aBankPaymentReturnedBeforeItWasPostedIsNeverPosted() throws Exception {
        Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
        Payment processing = pay(invoice.organizationId(), "bank", invoice, invoice.remaining());
        assertEquals("processing", processing.status());
        processor.settle(processing.processorReference(), PaymentState.Status.SUCCEEDED, null);
        assertEquals("succeeded", checkout.refresh(processing).status());
        assertEquals("pending", outbox(processing).get("status"));
        // NetSuite was down until the bank returned the payment.
        processor.settle(processing.processorReference(), PaymentState.Status.FAILED, "Account closed.");
        assertEquals("failed", checkout.refresh(processing).status());

        writeback(s.client).run();

        assertEquals("skipped", outbox(processing).get("status"));
        assertNull(find("portico-pay-" + processing.publicId()));
    }

    @Test
    void aFailedPaymentIsNeverWrittenBack() {
        Invoice invoice = openInvoicesOfOneCustomer(1).get(0);
        Payment declined = pay(invoice.organizationId(), "declined", invoice, invoice.remaining());
        assertEquals("failed", declined.status());
        assertEquals(0, count("SELECT count(*) FROM pay_writeback WHERE payment_id = ?", declined.id()));
    }

    // ------------------------------------------------------------------ helpers

    private static NetSuiteWriteback writeback(NetSuiteClient client) {
        return new NetSuiteWriteback(writebacks, () -> Optional.of(client), "test", FAST);
    }

    /** Pays the invoices (invoice, amount, invoice, amount...) through the checkout. */
    private static Payment pay(long organizationId, String method, Object... invoicesAndAmounts) {
        Payer payer = new Payer(new DataScope(tenant, organizationId), null, null, "ap@customer.test");
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < invoicesAndAmounts.length; i += 2) {
            allocations.add(new Allocation(((Invoice) invoicesAndAmounts[i]).netsuiteId(),
                    (BigDecimal) invoicesAndAmounts[i + 1]));
        }
        Payment payment = checkout.open(payer, allocations);
        checkout.prepare(payer, payment, "Invoices");
        return checkout.confirm(payer, payment.publicId(), method, RETURN).payment();
    }

    private static void refreshTwice(Payment payment) {
        checkout.refresh(payment);
        checkout.refresh(payment);
    }

    /** Open USD invoices of one customer that no test used yet. */
    private static synchronized List<Invoice> openInvoicesOfOneCustomer(int n) {
        Map<Long, List<Invoice>> byOrganization = new HashMap<>();
        for (Map<String, Object> r : s.list("SELECT t.netsuite_id, t.organization_id, o.netsuite_id AS customer,"
                + " t.amount_remaining FROM ns_transaction t JOIN organization o ON o.id = t.organization_id"
                + " WHERE t.record_type = 'invoice' AND t.currency = 'USD' AND t.amount_remaining > 20"
                + " AND t.archived_at IS NULL ORDER BY t.netsuite_id")) {
            Invoice invoice = new Invoice(((Number) r.get("netsuite_id")).longValue(),
                    ((Number) r.get("organization_id")).longValue(), (String) r.get("customer"),
                    new BigDecimal(r.get("amount_remaining").toString()).setScale(2, RoundingMode.UNNECESSARY));
            if (!usedInvoices.contains(invoice.netsuiteId())) {
                List<Invoice> list = byOrganization.computeIfAbsent(invoice.organizationId(), k -> new ArrayList<>());
                list.add(invoice);
                if (list.size() == n) {
                    list.forEach(i -> usedInvoices.add(i.netsuiteId()));
                    return list;
                }
            }
        }
        throw new IllegalStateException("the demo company has too few open invoices");
    }

    private static BigDecimal payable(Invoice invoice) {
        try (var session = s.db.database().sessionFactory(PayMapper.class).openSession()) {
            return session.getMapper(PayMapper.class).invoiceBalances(new DataScope(tenant, invoice.organizationId()),
                    List.of(invoice.netsuiteId()), null).get(0).payable();
        }
    }

    private static List<Map<String, Object>> paymentsWithExternalId(String externalId) {
        return s.sandbox.data().payments().stream().filter(p -> externalId.equals(p.get("externalId"))).toList();
    }

    private static Long find(String externalId) {
        return s.sandbox.data().idOfExternalId("customerpayment", externalId).orElse(null);
    }

    private static Map<String, Object> outbox(Payment payment) {
        return s.list("SELECT * FROM pay_writeback WHERE payment_id = ?", payment.id()).get(0);
    }

    private static long pending(List<Long> paymentIds) {
        return paymentIds.stream().mapToLong(id -> count(
                "SELECT count(*) FROM pay_writeback WHERE payment_id = ? AND status = 'pending'", id)).sum();
    }

    private static void dueNow(Payment payment) {
        s.update("UPDATE pay_writeback SET next_attempt_at = now() WHERE payment_id = ?", payment.id());
    }

    private static long count(String sql, Object... params) {
        return ((Number) s.list(sql, params).get(0).get("count")).longValue();
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    /** A TBA client of the sandbox that gives up on an answer after {@code timeoutSeconds}. */
    private static DefaultNetSuiteClient client(int timeoutSeconds) {
        Map<String, Object> values = new HashMap<>(Map.of("accountId", s.sandbox.accountId(),
                "baseUrl", s.sandbox.baseUrl(), "authMethod", "tba",
                "consumerKey", s.sandbox.credentials().consumerKey(),
                "consumerSecret", s.sandbox.credentials().consumerSecret(),
                "tokenId", s.sandbox.credentials().tokenId(), "tokenSecret", s.sandbox.credentials().tokenSecret()));
        values.putAll(Map.of("retryBaseDelayMillis", 20, "retryMaxDelayMillis", 100, "maxRetries", 1,
                "requestTimeoutSeconds", timeoutSeconds));
        NetSuiteConfig config = (NetSuiteConfig) Proxy.newProxyInstance(NetSuiteConfig.class.getClassLoader(),
                new Class<?>[] {NetSuiteConfig.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
        return new DefaultNetSuiteClient(ClientSettings.from(config, new SecretBox() {
            @Override
            public String seal(String plaintext) {
                return plaintext;
            }

            @Override
            public String reveal(String configuredValue) {
                return configuredValue;
            }
        }));
    }
}
