package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.RefundResult;
import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refunds and the payments views against PostgreSQL and a fake processor: partial, full, never more than received,
 * a retry refunds once; a customer reads only their payments, staff all of the tenant's, another tenant none.
 */
class RefundsTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/return");

    private static TestDatabase db;
    private static FakeProcessor processor;
    private static Checkout checkout;
    private static Refunds refunds;
    private static PaymentsQuery payments;
    private static long tenant;
    private static Payer acme;
    private static Payer globex;
    private static int nextInvoice = 100;
    private static PayActor ADMIN;

    @BeforeAll
    static void payOn() throws Exception {
        db = TestDatabase.create();
        processor = new FakeProcessor();
        var sessions = db.database().sessionFactory(PayMapper.class);
        checkout = new Checkout(sessions, name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(),
                Clock.systemUTC());
        refunds = new Refunds(sessions, name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty());
        payments = new PaymentsQuery(sessions);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            ADMIN = new PayActor(tenant, null, "console:test");
            acme = new Payer(new DataScope(tenant, customer(s, "Acme", "100")), null, null, "ap@acme.test");
            globex = new Payer(new DataScope(tenant, customer(s, "Globex", "200")), null, null, "ap@globex.test");
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id) VALUES ("
                    + tenant + ", true, 'fake', 'acct_fake')");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static long customer(Statement s, String name, String netsuiteId) throws Exception {
        return id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                + ", 'customer', '" + name + "', '" + netsuiteId + "') RETURNING id");
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A payment of a new 200.00 USD invoice, paid by debit card (no surcharge). */
    private static PaymentRow paid(Payer payer) throws Exception {
        int invoice = invoice(payer);
        Payment payment = checkout.open(payer, List.of(new Allocation(invoice, new BigDecimal("200.00"))));
        checkout.prepare(payer, payment, "Invoices");
        checkout.confirm(payer, payment.publicId(), "debit", RETURN);
        return row(payer, payment.publicId());
    }

    /** A new open invoice of 200.00 USD; returns its NetSuite id. */
    private static int invoice(Payer payer) throws Exception {
        int invoice = ++nextInvoice;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                    + " status, total, amount_remaining, currency, content_hash, sync_generation) VALUES (" + tenant
                    + ", " + payer.scope().organizationId() + ", 'invoice', " + invoice + ", 'INV-" + invoice
                    + "', 'open', 200, 200, 'USD', 0, 0)");
        }
        return invoice;
    }

    private static PaymentRow row(Payer payer, UUID publicId) {
        return payments.find(payer.scope(), publicId).orElseThrow().payment();
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).status();
    }

    @Test
    void aPartialThenTheRestRefundsInFullAndNoMore() throws Exception {
        PaymentRow payment = paid(acme);
        Refund first = refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("50.00"), "damaged", ADMIN);
        assertEquals("succeeded", first.status());
        assertEquals("re_refund:" + first.id(), first.processorReference());
        PaymentRow partly = row(acme, payment.publicId());
        assertEquals("partially_refunded", partly.status());
        assertEquals(0, new BigDecimal("50").compareTo(partly.amountRefunded()));
        assertEquals(400, status(() -> refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("150.01"),
                null, ADMIN)), "more than the 150.00 left");
        assertEquals(400, status(() -> refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("0.001"),
                null, ADMIN)), "more decimals than USD has");
        assertEquals(400, status(() -> refunds.refund(acme.scope(), payment.publicId(), BigDecimal.ZERO, null,
                ADMIN)));
        Refund rest = refunds.refund(acme.scope(), payment.publicId(), null, null, ADMIN);
        assertEquals(0, new BigDecimal("150").compareTo(rest.amount()), "no amount: what is left");
        PaymentRow refunded = row(acme, payment.publicId());
        assertEquals("refunded", refunded.status());
        assertEquals(0, new BigDecimal("200").compareTo(refunded.amountRefunded()));
        assertEquals(409, status(() -> refunds.refund(acme.scope(), payment.publicId(), BigDecimal.ONE, null,
                ADMIN)), "nothing left to refund");
        var detail = payments.find(acme.scope(), payment.publicId()).orElseThrow();
        assertEquals(2, detail.refunds().size());
        assertEquals(List.of("created", "confirming", "succeeded", "partially_refunded", "refunded"),
                detail.events().stream().map(PaymentEvent::status).toList());
        BigDecimal atProcessor = processor.refundsByKey.values().stream()
                .filter(r -> r.processorReference().equals(payment.processorReference()))
                .map(r -> r.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("200").compareTo(atProcessor), "the processor gave back what was received");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'pay.refund'"
                        + " AND subject = 'Payment " + payment.publicId() + "' AND actor = 'console:test'")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "each refund is in the audit log");
        }
    }

    @Test
    void aRefundTheProcessorDidNotAnswerIsSentAgainWithTheSameKey() throws Exception {
        PaymentRow payment = paid(acme);
        processor.refundsUnavailable = true;
        try {
            assertEquals(503, status(() -> refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("80"),
                    null, ADMIN)));
            assertEquals(409, status(() -> refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("10"),
                    null, ADMIN)), "another amount waits until the unanswered refund is settled");
        } finally {
            processor.refundsUnavailable = false;
        }
        Refund retried = refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("80.00"), null, ADMIN);
        Refund again = refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("20.00"), null, ADMIN);
        assertTrue(retried.id() < again.id());
        var detail = payments.find(acme.scope(), payment.publicId()).orElseThrow();
        assertEquals(2, detail.refunds().size(), "the retry made no second refund");
        assertEquals(0, new BigDecimal("100").compareTo(detail.payment().amountRefunded()));
        assertTrue(processor.refundsByKey.containsKey("refund:" + retried.id()));
    }

    @Test
    void aPendingRefundSettlesWhenTheProcessorSaysSoAndAFailedOneGivesItsAmountBack() throws Exception {
        PaymentRow payment = paid(acme);
        processor.refundsPending = true;
        try {
            Refund refund = refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("50.00"), null, ADMIN);
            assertEquals("pending", refund.status());
            assertEquals("succeeded", row(acme, payment.publicId()).status(), "nothing is refunded yet");
            assertEquals(400, status(() -> refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("150.01"),
                    null, ADMIN)), "the pending 50.00 counts against what is left");
            refunds.settlePending(payment.id());
            assertEquals("pending", refundsOf(payment).get(0).status(), "still pending at the processor");

            // The processor's webhook: the worker settles the refunds, then records the payment's state.
            processor.settleRefund(refund.processorReference(), RefundResult.Status.SUCCEEDED, null);
            refunds.settlePending(payment.id());
            checkout.refresh(checkout.ledger().find(acme.scope(), payment.publicId()).orElseThrow());
            PaymentRow partly = row(acme, payment.publicId());
            assertEquals("partially_refunded", partly.status());
            assertEquals(0, new BigDecimal("50").compareTo(partly.amountRefunded()), "counted once");
            assertEquals("succeeded", refundsOf(payment).get(0).status());

            Refund rest = refunds.refund(acme.scope(), payment.publicId(), null, null, ADMIN);
            processor.settleRefund(rest.processorReference(), RefundResult.Status.FAILED, "The card was closed.");
            refunds.settlePending(payment.id());
            Refund failed = refundsOf(payment).get(1);
            assertEquals("failed", failed.status());
            assertEquals("The card was closed.", failed.failureReason());
            PaymentRow after = row(acme, payment.publicId());
            assertEquals("partially_refunded", after.status());
            assertEquals(0, new BigDecimal("50").compareTo(after.amountRefunded()));
            assertEquals("pending", refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("150.00"), null,
                    ADMIN).status(), "the failed refund's 150.00 can be refunded again");
        } finally {
            processor.refundsPending = false;
        }
    }

    @Test
    void aRefundSettledAfterThePaymentsStateShowedItCountsOnce() throws Exception {
        PaymentRow payment = paid(acme);
        processor.refundsPending = true;
        try {
            Refund refund = refunds.refund(acme.scope(), payment.publicId(), new BigDecimal("200.00"), null, ADMIN);
            processor.settleRefund(refund.processorReference(), RefundResult.Status.SUCCEEDED, null);
            // Another node recorded the payment's state first (its webhook about the payment came earlier).
            checkout.refresh(checkout.ledger().find(acme.scope(), payment.publicId()).orElseThrow());
            assertEquals("refunded", row(acme, payment.publicId()).status());
            refunds.settlePending(payment.id());
            refunds.settlePending(payment.id());
            PaymentRow refunded = row(acme, payment.publicId());
            assertEquals("refunded", refunded.status());
            assertEquals(0, new BigDecimal("200").compareTo(refunded.amountRefunded()), "not 400.00");
            assertEquals("succeeded", refundsOf(payment).get(0).status());
        } finally {
            processor.refundsPending = false;
        }
    }

    private static List<Refund> refundsOf(PaymentRow payment) {
        return payments.find(acme.scope(), payment.publicId()).orElseThrow().refunds();
    }

    @Test
    void onlyAPaidPaymentIsRefundedAndOnlyInTheScope() throws Exception {
        PaymentRow payment = paid(acme);
        assertEquals(404, status(() -> refunds.refund(globex.scope(), payment.publicId(), BigDecimal.ONE, null,
                ADMIN)), "another customer's payment is not there");
        assertEquals(404, status(() -> refunds.refund(acme.scope(), UUID.randomUUID(), BigDecimal.ONE, null,
                ADMIN)));
        Payment open = checkout.open(acme, List.of(new Allocation(invoice(acme), BigDecimal.ONE)));
        assertEquals(409, status(() -> refunds.refund(acme.scope(), open.publicId(), BigDecimal.ONE, null, ADMIN)),
                "never paid");
    }

    @Test
    void aCustomerReadsTheirPaymentsStaffAllAnotherTenantNone() throws Exception {
        PaymentRow ours = paid(acme);
        PaymentRow theirs = paid(globex);
        DataScope staff = new DataScope(tenant, null);
        List<UUID> acmeSees = payments.list(new PaymentFilter(acme.scope(), null, null, null, null, 0, 200)).rows()
                .stream().map(PaymentRow::publicId).toList();
        assertTrue(acmeSees.contains(ours.publicId()));
        assertTrue(!acmeSees.contains(theirs.publicId()));
        assertTrue(payments.find(acme.scope(), theirs.publicId()).isEmpty());
        var all = payments.list(new PaymentFilter(staff, null, null, null, null, 0, 200));
        assertTrue(all.rows().stream().map(PaymentRow::publicId).toList().containsAll(List.of(ours.publicId(),
                theirs.publicId())));
        assertEquals(all.rows().size(), all.total());
        var onlyGlobex = payments.list(new PaymentFilter(staff, globex.scope().organizationId(), "succeeded", null,
                null, 0, 200));
        assertTrue(onlyGlobex.rows().stream().allMatch(r -> r.organizationId() == globex.scope().organizationId()
                && "succeeded".equals(r.status())));
        assertTrue(onlyGlobex.rows().stream().anyMatch(r -> r.publicId().equals(theirs.publicId())));
        assertEquals(0, payments.list(new PaymentFilter(staff, null, null, java.time.LocalDate.now().plusDays(2),
                null, 0, 200)).total(), "none made after tomorrow");
        DataScope otherTenant = new DataScope(acme.scope().organizationId(), null);
        assertEquals(0, payments.list(new PaymentFilter(otherTenant, null, null, null, null, 0, 200)).total());
        assertTrue(payments.find(otherTenant, ours.publicId()).isEmpty());
        assertEquals(404, status(() -> refunds.refund(otherTenant, ours.publicId(), BigDecimal.ONE, null, ADMIN)));
    }
}
