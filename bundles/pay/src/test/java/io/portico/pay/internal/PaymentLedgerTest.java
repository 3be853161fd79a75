package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.CardFunding;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger against PostgreSQL: what a payment may ask for, and no overpayment under concurrent confirmations. */
class PaymentLedgerTest {

    private static final PaymentLedger.Terms TERMS = new PaymentLedger.Terms("sandbox", "acct_1", true,
            new BigDecimal("5.00"));
    private static final PaymentMethodDetails CARD = new PaymentMethodDetails(PaymentMethodKind.CARD,
            CardFunding.DEBIT, "visa", "4242", "US", "NV", "US");

    private static TestDatabase db;
    private static PaymentLedger ledger;
    private static DataScope acme;
    private static DataScope globex;

    @BeforeAll
    static void invoices() throws Exception {
        db = TestDatabase.create();
        ledger = new PaymentLedger(db.database().sessionFactory(PayMapper.class));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            long tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            long acmeId = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
            long globexId = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Globex', '200') RETURNING id");
            s.execute(invoice(tenant, acmeId, 1001, "INV-1001", "100.00", "USD"));
            s.execute(invoice(tenant, acmeId, 1002, "INV-1002", "250.00", "USD"));
            s.execute(invoice(tenant, acmeId, 1003, "INV-1003", "0", "USD"));
            s.execute(invoice(tenant, acmeId, 1004, "INV-1004", "80.00", "EUR"));
            s.execute(invoice(tenant, acmeId, 1005, "INV-1005", "1000.00", "USD"));
            s.execute(invoice(tenant, globexId, 2001, "INV-2001", "99.00", "USD"));
            acme = new DataScope(tenant, acmeId);
            globex = new DataScope(tenant, globexId);
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static String invoice(long tenant, long organization, long netsuiteId, String number, String remaining,
            String currency) {
        return "INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number, status,"
                + " total, amount_remaining, currency, content_hash, sync_generation) VALUES (" + tenant + ", "
                + organization + ", 'invoice', " + netsuiteId + ", '" + number + "', 'open', " + remaining + ", "
                + remaining + ", '" + currency + "', 0, 0)";
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FeeDecision noFees(String currency) {
        Money zero = new Money(BigDecimal.ZERO, Currency.getInstance(currency));
        return new FeeDecision(zero, BigDecimal.ZERO, zero, zero, null, List.of());
    }

    private static Payment open(DataScope scope, Allocation... allocations) {
        return ledger.open(scope, null, null, null, List.of(allocations), TERMS);
    }

    private static Allocation pay(long invoice, String amount) {
        return new Allocation(invoice, new BigDecimal(amount));
    }

    private static int status(ProblemException e) {
        return e.status();
    }

    @Test
    void aPaymentOfTwoInvoicesOnePartiallyIsOpenedWithItsAllocations() {
        Payment payment = open(acme, pay(1001, "100.00"), pay(1002, "50"));
        assertEquals("created", payment.status());
        assertEquals(0, new BigDecimal("150").compareTo(payment.invoicesAmount()));
        assertEquals("USD", payment.currency());
        assertEquals(acme.organizationId(), payment.organizationId());
    }

    @Test
    void amountsThatCannotBePaidAreRefusedNamingTheInvoice() {
        ProblemException over = assertThrows(ProblemException.class, () -> open(acme, pay(1001, "100.01")));
        assertEquals(400, status(over));
        assertTrue(over.getMessage().contains("INV-1001"), over.getMessage());
        assertEquals(400, status(assertThrows(ProblemException.class, () -> open(acme, pay(1001, "0")))));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> open(acme, pay(1001, "-5")))));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> open(acme, pay(1001, "10.001")))));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> open(acme, pay(1001, "4.99")))),
                "below the smallest partial payment");
        assertEquals(409, status(assertThrows(ProblemException.class, () -> open(acme, pay(1003, "1")))),
                "already paid");
        assertEquals(400, status(assertThrows(ProblemException.class,
                () -> open(acme, pay(1001, "10"), pay(1004, "10")))), "two currencies");
        assertEquals(400, status(assertThrows(ProblemException.class,
                () -> open(acme, pay(1001, "10"), pay(1001, "20")))), "the same invoice twice");
    }

    @Test
    void anotherOrganizationsInvoiceIsNotFound() {
        assertEquals(404, status(assertThrows(ProblemException.class, () -> open(acme, pay(2001, "10")))));
        assertEquals(404, status(assertThrows(ProblemException.class, () -> open(globex, pay(1001, "10")))));
        assertEquals(404, status(assertThrows(ProblemException.class, () -> open(acme, pay(999999, "10")))));
    }

    @Test
    void partialPaymentsCanBeTurnedOff() {
        PaymentLedger.Terms fullOnly = new PaymentLedger.Terms("sandbox", "acct_1", false, BigDecimal.ZERO);
        ProblemException e = assertThrows(ProblemException.class,
                () -> ledger.open(acme, null, null, null, List.of(pay(1001, "50")), fullOnly));
        assertEquals(400, status(e));
    }

    @Test
    void aDoubleClickHoldsOnce() {
        Payment payment = open(acme, pay(1002, "10"));
        assertTrue(ledger.hold(acme, payment.publicId(), noFees("USD"), CARD).isPresent());
        assertEquals(Optional.empty(), ledger.hold(acme, payment.publicId(), noFees("USD"), CARD));
        assertEquals("confirming", ledger.find(acme, payment.publicId()).orElseThrow().status());
        assertEquals(404, status(assertThrows(ProblemException.class,
                () -> ledger.hold(globex, payment.publicId(), noFees("USD"), CARD))), "another organization's");
    }

    @Test
    void concurrentConfirmationsOnTwoNodesNeverPayMoreThanTheBalance() throws Exception {
        // 1,000.00 open; 24 payments of 300.00 opened (opening holds nothing), then confirmed all at once, half of
        // them through a second ledger with a pool of its own, as a second Portico node on the same database.
        PaymentLedger secondNode = new PaymentLedger(db.database().sessionFactory(PayMapper.class));
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payments.add(open(acme, pay(1005, "300.00")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            PaymentLedger node = i % 2 == 0 ? ledger : secondNode;
            Callable<Boolean> confirm = () -> {
                start.await();
                try {
                    return node.hold(acme, payment.publicId(), noFees("USD"), CARD).isPresent();
                } catch (ProblemException e) {
                    assertEquals(409, status(e));
                    return false;
                }
            };
            results.add(pool.submit(confirm));
        }
        start.countDown();
        int held = 0;
        for (Future<Boolean> result : results) {
            held += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(3, held, "three payments of 300.00 fit into 1,000.00, a fourth would overpay");
        long failed = payments.stream().filter(p -> ledger.find(acme, p.publicId()).orElseThrow().status()
                .equals("failed")).count();
        assertEquals(21, failed, "every other payment failed, with its reason, and no fee");
        ProblemException paidUp = assertThrows(ProblemException.class, () -> open(acme, pay(1005, "100.01")));
        assertTrue(paidUp.getMessage().contains("100.00"), "100.00 is left: " + paidUp.getMessage());
    }
}
