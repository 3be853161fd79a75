package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.PaymentState;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds and bank returns of payments already posted to the NetSuite sandbox, reversed there over HTTP: a customer
 * refund applied to the customer payment, or the customer payment deleted, each exactly once, and the invoice owing
 * again exactly what went back.
 */
class NetSuiteReversalTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/return");
    private static final NetSuiteWriteback.Options FAST = new NetSuiteWriteback.Options(20, Duration.ofMinutes(5),
            Duration.ofMillis(1), Duration.ofMillis(10));

    private static SandboxSync s;
    private static FakeProcessor processor;
    private static Checkout checkout;
    private static Refunds refunds;
    private static SqlSessionFactory writebacks;
    private static long tenant;
    private static final Set<Long> usedInvoices = new HashSet<>();

    /** An open USD invoice synced into Portico. */
    private record Invoice(long netsuiteId, long organizationId, BigDecimal remaining) {
    }

    @BeforeAll
    static void syncedInvoicesAndPayOn() throws Exception {
        s = new SandboxSync(NetSuiteSandbox.builder().customers(12), InvoiceRecordType.NAME,
                new InvoiceRecordType());
        s.createCustomerOrganizations();
        s.sync(false);
        processor = new FakeProcessor();
        SqlSessionFactory sessions = s.db.database().sessionFactory(PayMapper.class);
        checkout = new Checkout(sessions, name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(),
                Clock.systemUTC());
        refunds = new Refunds(sessions, name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty());
        writebacks = s.db.database().sessionFactory(WritebackMapper.class);
        tenant = ((Number) s.list("SELECT id FROM organization WHERE kind = 'operator'").get(0).get("id")).longValue();
        try (var session = sessions.openSession(true)) {
            session.getMapper(PayMapper.class).saveSettings(new PaySettings(tenant, true, "fake", "acct_fake",
                    BigDecimal.ZERO, "NV", false, false, BigDecimal.ZERO, BigDecimal.ZERO, true, BigDecimal.ONE));
        }
        s.update("INSERT INTO pay_writeback_settings (tenant_id, account_id, payment_method_id) VALUES (?, '1', '3')",
                tenant);
    }

    @AfterAll
    static void close() {
        s.close();
    }

    @BeforeEach
    void customerRefunds() {
        reversalMode(WritebackSettings.CUSTOMER_REFUND);
    }

    @AfterEach
    void faultsOff() {
        s.sandbox.faults().clear();
        s.sandbox.data().closePeriodsThrough(null);
    }

    @Test
    void partialRefundsAreCustomerRefundsAppliedToTheCustomerPaymentAndTheInvoiceOwesExactlyThatAgain() {
        reversalMode(WritebackSettings.VOID); // a partial refund is a customer refund even so
        Invoice invoice = openInvoice();
        Payment paid = pay(invoice, "debit", invoice.remaining());
        run();
        String customerPayment = postedCustomerPayment(paid);
        assertMoney(BigDecimal.ZERO, invoiceRemaining(invoice));

        Refund first = refund(paid, new BigDecimal("30.00"));
        String firstId = "portico-refund-" + paid.publicId() + "-" + first.id();
        Map<String, Object> row = outbox(firstId);
        assertEquals("pending", row.get("status"), "written with the refund");
        assertMoney(new BigDecimal("30.00"), (BigDecimal) row.get("amount"));
        run();
        assertReversedByCustomerRefund(firstId, customerPayment, "30.00");
        assertMoney(new BigDecimal("30.00"), invoiceRemaining(invoice));
        assertMoney(invoice.remaining().subtract(new BigDecimal("30.00")), applied(customerPayment, invoice));

        Refund rest = refund(paid, null);
        assertEquals("refunded", checkout.refresh(paid).status());
        String restId = "portico-refund-" + paid.publicId() + "-" + rest.id();
        run();
        run();
        assertReversedByCustomerRefund(restId, customerPayment, invoice.remaining().subtract(new BigDecimal("30"))
                .toPlainString());
        assertMoney(invoice.remaining(), invoiceRemaining(invoice));
        assertEquals(2, refundsInSandbox(customerPayment), "one customer refund per refund, none twice");
        assertNotNull(s.sandbox.data().record("customerpayment", Long.parseLong(customerPayment)).orElse(null),
                "reversed in parts: the customer payment stays");
    }

    @Test
    void answersLostAtEachStepOfACustomerRefundNeitherUnapplyNorRefundTwice() {
        Invoice invoice = openInvoice();
        Payment paid = pay(invoice, "debit", invoice.remaining());
        run();
        String customerPayment = postedCustomerPayment(paid);
        Refund refund = refund(paid, new BigDecimal("40.00"));
        String externalId = "portico-refund-" + paid.publicId() + "-" + refund.id();

        writeback(answerLost("updateRecord")).run(); // NetSuite unapplied 40.00; the worker never heard
        assertEquals("pending", outbox(externalId).get("status"));
        assertMoney(new BigDecimal("40.00"), invoiceRemaining(invoice));
        dueNow(externalId);
        writeback(answerLost("createRecord")).run(); // NetSuite made the customer refund; the worker never heard
        assertEquals("pending", outbox(externalId).get("status"));
        assertTrue(outbox(externalId).get("last_error").toString().startsWith("NetSuite did not answer"));
        dueNow(externalId);
        run();

        assertReversedByCustomerRefund(externalId, customerPayment, "40.00");
        assertEquals(1, refundsInSandbox(customerPayment), "read back by its external id, not refunded again");
        assertMoney(new BigDecimal("40.00"), invoiceRemaining(invoice));
        assertMoney(invoice.remaining().subtract(new BigDecimal("40.00")), applied(customerPayment, invoice));
    }

    @Test
    void aFullRefundInVoidModeDeletesTheCustomerPaymentOnceEvenWhenTheAnswerIsLost() {
        reversalMode(WritebackSettings.VOID);
        Invoice invoice = openInvoice();
        Payment paid = pay(invoice, "debit", invoice.remaining());
        run();
        String customerPayment = postedCustomerPayment(paid);
        Refund refund = refund(paid, null);
        String externalId = "portico-refund-" + paid.publicId() + "-" + refund.id();

        writeback(answerLost("deleteRecord")).run();
        assertEquals("pending", outbox(externalId).get("status"));
        dueNow(externalId);
        run();

        Map<String, Object> row = outbox(externalId);
        assertEquals("posted", row.get("status"));
        assertEquals("void", row.get("reversed_by"));
        assertTrue(s.sandbox.data().record("customerpayment", Long.parseLong(customerPayment)).isEmpty(),
                "the customer payment is deleted");
        assertMoney(invoice.remaining(), invoiceRemaining(invoice));
        assertEquals(0, refundsInSandbox(customerPayment));
    }

    @Test
    void aBankPaymentReturnedAfterItWasPostedIsReversedInFull() {
        Invoice invoice = openInvoice();
        Payment processing = pay(invoice, "bank", invoice.remaining());
        processor.settle(processing.processorReference(), PaymentState.Status.SUCCEEDED, null);
        assertEquals("succeeded", checkout.refresh(processing).status());
        run();
        String customerPayment = postedCustomerPayment(processing);

        processor.settle(processing.processorReference(), PaymentState.Status.FAILED, "R01 Insufficient funds.");
        assertEquals("failed", checkout.refresh(processing).status());
        assertEquals("failed", checkout.refresh(processing).status(), "a second report changes nothing");
        String externalId = "portico-return-" + processing.publicId();
        assertEquals(1, count("SELECT count(*) FROM pay_writeback WHERE payment_id = ? AND kind = 'reversal'",
                processing.id()));
        run();

        assertReversedByCustomerRefund(externalId, customerPayment, invoice.remaining().toPlainString());
        assertMoney(invoice.remaining(), invoiceRemaining(invoice));
        assertMoney(BigDecimal.ZERO, applied(customerPayment, invoice));
    }

    @Test
    void aBankPaymentReturnedBeforeAnyTryCancelsItsPostingAndNothingReachesNetSuite() {
        Invoice invoice = openInvoice();
        Payment processing = pay(invoice, "bank", invoice.remaining());
        processor.settle(processing.processorReference(), PaymentState.Status.SUCCEEDED, null);
        checkout.refresh(processing);
        processor.settle(processing.processorReference(), PaymentState.Status.FAILED, "R02 Account closed.");
        assertEquals("failed", checkout.refresh(processing).status());

        Map<String, Object> posting = outbox("portico-pay-" + processing.publicId());
        assertEquals("skipped", posting.get("status"), "cancelled in the ledger's transaction, before any worker");
        assertEquals(0, count("SELECT count(*) FROM pay_writeback WHERE payment_id = ? AND kind = 'reversal'",
                processing.id()));
        run();
        assertTrue(s.sandbox.data().idOfExternalId("customerpayment", "portico-pay-" + processing.publicId())
                .isEmpty());
        assertTrue(s.sandbox.data().idOfExternalId("customerrefund", "portico-return-" + processing.publicId())
                .isEmpty());
        assertMoney(invoice.remaining(), invoiceRemaining(invoice));
    }

    @Test
    void aRefundBeforeThePaymentWasPostedWaitsForThePostingAndThenReversesIt() {
        Invoice invoice = openInvoice();
        Payment paid = pay(invoice, "debit", invoice.remaining());
        Refund refund = refund(paid, new BigDecimal("25.00")); // NetSuite was down until now
        String externalId = "portico-refund-" + paid.publicId() + "-" + refund.id();

        writeback().run();
        assertEquals("posted", outbox("portico-pay-" + paid.publicId()).get("status"));
        assertEquals("pending", outbox(externalId).get("status"), "never before the posting it reverses");
        run();

        String customerPayment = postedCustomerPayment(paid);
        assertReversedByCustomerRefund(externalId, customerPayment, "25.00");
        assertMoney(new BigDecimal("25.00"), invoiceRemaining(invoice));
    }

    @Test
    void aVoidNetSuiteRefusesInAClosedPeriodStopsWithItsMessageUntilRetried() {
        reversalMode(WritebackSettings.VOID);
        Invoice invoice = openInvoice();
        Payment paid = pay(invoice, "debit", invoice.remaining());
        run();
        String customerPayment = postedCustomerPayment(paid);
        s.sandbox.data().closePeriodsThrough(LocalDate.now().plusMonths(1)); // the month-end close
        Refund refund = refund(paid, null);
        String externalId = "portico-refund-" + paid.publicId() + "-" + refund.id();

        run();
        Map<String, Object> row = outbox(externalId);
        assertEquals("failed", row.get("status"));
        String error = row.get("last_error").toString();
        assertTrue(error.contains("is closed") && error.endsWith("(USER_ERROR, HTTP 400)"), error);
        assertTrue(s.sandbox.data().record("customerpayment", Long.parseLong(customerPayment)).isPresent());

        s.sandbox.data().closePeriodsThrough(null); // the controller reopened the period
        assertTrue(retry(externalId));
        run();
        assertEquals("posted", outbox(externalId).get("status"));
        assertTrue(s.sandbox.data().record("customerpayment", Long.parseLong(customerPayment)).isEmpty());
        assertMoney(invoice.remaining(), invoiceRemaining(invoice));
    }

    // ------------------------------------------------------------------ helpers

    /** What the reconciliation console's retry does. */
    private static boolean retry(String externalId) {
        try (var session = writebacks.openSession(true)) {
            return session.getMapper(WritebackMapper.class).retry(tenant, externalId) == 1;
        }
    }

    private static void reversalMode(String mode) {
        s.update("UPDATE pay_writeback_settings SET reversal_mode = ? WHERE tenant_id = ?", mode, tenant);
    }

    private static NetSuiteWriteback writeback() {
        return writeback(s.client);
    }

    private static NetSuiteWriteback writeback(NetSuiteClient client) {
        return new NetSuiteWriteback(writebacks, () -> Optional.of(client), "test", FAST);
    }

    /** Rounds until nothing is due, as the worker does. */
    private static void run() {
        NetSuiteWriteback writeback = writeback(s.client);
        for (int round = 0; round < 10 && writeback.run() > 0; round++) {
            // a reversal is claimable once the row before it is done
        }
    }

    /** The sandbox's client, except that {@code method} reaches NetSuite and then its answer is lost. */
    private static NetSuiteClient answerLost(String method) {
        return (NetSuiteClient) Proxy.newProxyInstance(NetSuiteClient.class.getClassLoader(),
                new Class<?>[] {NetSuiteClient.class}, (proxy, m, args) -> {
                    Object result;
                    try {
                        result = m.invoke(s.client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals(method)) {
                        throw new NetSuiteException(method, 0, null, "timed out", null, null);
                    }
                    return result;
                });
    }

    private static Payment pay(Invoice invoice, String method, BigDecimal amount) {
        Payer payer = new Payer(new DataScope(tenant, invoice.organizationId()), null, null, "ap@customer.test");
        Payment payment = checkout.open(payer, List.of(new Allocation(invoice.netsuiteId(), amount)));
        checkout.prepare(payer, payment, "Invoices");
        return checkout.confirm(payer, payment.publicId(), method, RETURN).payment();
    }

    /** Refunds {@code amount} (all that is left when null) as the operator's admin does. */
    private static Refund refund(Payment payment, BigDecimal amount) {
        return refunds.refund(new DataScope(tenant, null), payment.publicId(), amount, "returned goods",
                new PayActor(tenant, null, "console:test"));
    }

    /** An open USD invoice no test used yet. */
    private static synchronized Invoice openInvoice() {
        for (Map<String, Object> r : s.list("SELECT t.netsuite_id, t.organization_id, t.amount_remaining"
                + " FROM ns_transaction t WHERE t.record_type = 'invoice' AND t.currency = 'USD'"
                + " AND t.amount_remaining > 100 AND t.amount_remaining = t.total AND t.archived_at IS NULL"
                + " ORDER BY t.netsuite_id")) {
            long id = ((Number) r.get("netsuite_id")).longValue();
            if (usedInvoices.add(id)) {
                return new Invoice(id, ((Number) r.get("organization_id")).longValue(),
                        new BigDecimal(r.get("amount_remaining").toString()).setScale(2, RoundingMode.UNNECESSARY));
            }
        }
        throw new IllegalStateException("the demo company has too few open invoices");
    }

    private static String postedCustomerPayment(Payment payment) {
        Map<String, Object> row = outbox("portico-pay-" + payment.publicId());
        assertEquals("posted", row.get("status"));
        return row.get("netsuite_id").toString();
    }

    private static void assertReversedByCustomerRefund(String externalId, String customerPayment, String amount) {
        Map<String, Object> row = outbox(externalId);
        assertEquals("posted", row.get("status"), row::toString);
        assertEquals("customer_refund", row.get("reversed_by"));
        long refundId = s.sandbox.data().idOfExternalId("customerrefund", externalId).orElseThrow();
        assertEquals(Long.toString(refundId), row.get("netsuite_id"));
        Map<String, Object> refund = s.sandbox.data().record("customerrefund", refundId).orElseThrow();
        SandboxSync.assertMoney(new BigDecimal(amount), refund.get("total"), "refund total");
        List<Map<String, Object>> lines = SandboxSync.sublist(refund, "apply");
        assertEquals(1, lines.size());
        assertEquals(customerPayment, SandboxSync.refId(lines.get(0), "doc"));
        SandboxSync.assertMoney(new BigDecimal(amount), lines.get(0).get("amount"), "refunded from the payment");
    }

    private static BigDecimal invoiceRemaining(Invoice invoice) {
        return new BigDecimal(s.sandbox.data().record("invoice", invoice.netsuiteId()).orElseThrow()
                .get("amountRemaining").toString());
    }

    /** What the customer payment applies to the invoice now (0 when the line is gone). */
    private static BigDecimal applied(String customerPayment, Invoice invoice) {
        Map<String, Object> payment = s.sandbox.data().record("customerpayment", Long.parseLong(customerPayment))
                .orElseThrow();
        return SandboxSync.sublist(payment, "apply").stream()
                .filter(l -> Long.toString(invoice.netsuiteId()).equals(SandboxSync.refId(l, "doc")))
                .map(l -> new BigDecimal(l.get("amount").toString())).findFirst().orElse(BigDecimal.ZERO);
    }

    /** Every customer refund in the sandbox that is applied to the customer payment, whoever made it. */
    private static long refundsInSandbox(String customerPayment) {
        return s.suiteQl("SELECT id FROM transaction WHERE type = 'CustRfnd' ORDER BY id").stream()
                .map(r -> s.sandbox.data().record("customerrefund", Long.parseLong(r.getString("id"))).orElseThrow())
                .filter(refund -> SandboxSync.sublist(refund, "apply").stream()
                        .anyMatch(l -> customerPayment.equals(SandboxSync.refId(l, "doc"))))
                .count();
    }

    private static Map<String, Object> outbox(String externalId) {
        return s.list("SELECT * FROM pay_writeback WHERE external_id = ?", externalId).get(0);
    }

    private static void dueNow(String externalId) {
        s.update("UPDATE pay_writeback SET next_attempt_at = now() WHERE external_id = ?", externalId);
    }

    private static long count(String sql, Object... params) {
        return ((Number) s.list(sql, params).get(0).get("count")).longValue();
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
