package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.portico.api.identity.DataScope;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.web.ProblemException;
import io.portico.db.internal.PooledDatabase;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Portico nodes paying the same invoices at the same moment: two whole checkout stacks, each on a connection pool
 * of its own over one PostgreSQL database, in front of one processor. Many payers at once never pay an invoice more
 * than its balance and no payment the processor took goes missing from the ledger; a Pay button submitted on both
 * nodes at once makes one payment.
 */
class CheckoutOnTwoNodesTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/return");
    private static final int POOL_SIZE = 6;

    private static TestDatabase db;
    private static final List<HikariDataSource> pools = new ArrayList<>();
    private static final FakeProcessor processor = new FakeProcessor();
    private static Checkout[] nodes;
    private static DataScope acme;

    @BeforeAll
    static void twoNodes() throws Exception {
        db = TestDatabase.create();
        nodes = new Checkout[] {node(), node()};
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            long tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            long organization = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES ("
                    + tenant + ", 'customer', 'Acme', '100') RETURNING id");
            invoice(s, tenant, organization, 301, "INV-301", "1000.00");
            invoice(s, tenant, organization, 302, "INV-302", "500.00");
            invoice(s, tenant, organization, 303, "INV-303", "80.00");
            acme = new DataScope(tenant, organization);
            try (var session = db.database().sessionFactory(PayMapper.class).openSession(true)) {
                session.getMapper(PayMapper.class).saveSettings(new PaySettings(tenant, true, "fake", "acct_fake",
                        BigDecimal.ZERO, "NV", false, false, BigDecimal.ZERO, BigDecimal.ZERO, true, BigDecimal.ONE));
            }
        }
    }

    /** A node: its own pool, its own MyBatis, its own checkout and ledger; the processor is the one out there. */
    private static Checkout node() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(System.getenv().getOrDefault("PORTICO_DB_USER", "portico"));
        config.setPassword(System.getenv().getOrDefault("PORTICO_DB_PASSWORD", ""));
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return new Checkout(new PooledDatabase(pool).sessionFactory(PayMapper.class),
                name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(), Clock.systemUTC());
    }

    @AfterAll
    static void drop() {
        pools.forEach(HikariDataSource::close);
        db.close();
    }

    private static void invoice(Statement s, long tenant, long organization, long netsuiteId, String number,
            String remaining) throws Exception {
        s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number, status,"
                + " total, amount_remaining, currency, content_hash, sync_generation) VALUES (" + tenant + ", "
                + organization + ", 'invoice', " + netsuiteId + ", '" + number + "', 'open', " + remaining + ", "
                + remaining + ", 'USD', 0, 0)");
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Payer payer() {
        return new Payer(acme, null, null, "ap@acme.test");
    }

    /** Runs every task at the same moment on a thread of its own and returns their results in order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyPayersOnTwoNodesNeverOverpayAndNoPaymentIsLost() throws Exception {
        // 40 payers, each paying 150.00 of INV-301 (1,000.00) and 100.00 of INV-302 (500.00), half through each
        // node, every step at once: INV-302 lets exactly five through.
        List<Callable<String>> payers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Checkout node = nodes[i % 2];
            payers.add(() -> {
                try {
                    Payment payment = node.open(payer(), List.of(new Allocation(301, new BigDecimal("150.00")),
                            new Allocation(302, new BigDecimal("100.00"))));
                    node.prepare(payer(), payment, "Invoices");
                    return node.confirm(payer(), payment.publicId(), "credit", RETURN).payment().status();
                } catch (ProblemException e) {
                    assertTrue(Set.of(400, 409).contains(e.status()), e.status() + " " + e.getMessage());
                    return "refused " + e.status();
                }
            });
        }
        List<String> outcomes = allAtOnce(payers);
        assertEquals(5, outcomes.stream().filter("succeeded"::equals).count(), outcomes.toString());

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            Map<Long, BigDecimal> paid = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT t.netsuite_id, sum(a.amount) FROM pay_allocation a"
                    + " JOIN pay_payment p ON p.id = a.payment_id JOIN ns_transaction t ON t.id = a.invoice_id"
                    + " WHERE p.status = 'succeeded' GROUP BY t.netsuite_id")) {
                while (rs.next()) {
                    paid.put(rs.getLong(1), rs.getBigDecimal(2));
                }
            }
            assertEquals(0, new BigDecimal("500.00").compareTo(paid.get(302L)), "INV-302 paid exactly in full");
            assertEquals(0, new BigDecimal("750.00").compareTo(paid.get(301L)), "INV-301: five times 150.00");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pay_payment"
                    + " WHERE status NOT IN ('succeeded', 'failed')")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no payment is left half-way once every payer has an answer");
            }
            // Every payment the processor took is in the ledger as succeeded, each once.
            Set<String> taken = processor.confirmationsOf(null).stream().map(ConfirmRequest::processorReference)
                    .collect(Collectors.toSet());
            Set<String> succeeded = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT processor_reference FROM pay_payment"
                    + " WHERE status = 'succeeded' AND processor_reference IS NOT NULL")) {
                while (rs.next()) {
                    succeeded.add(rs.getString(1));
                }
            }
            assertTrue(succeeded.containsAll(taken) && taken.containsAll(succeeded), taken + " vs " + succeeded);
        }
    }

    @Test
    void payPressedOnBothNodesAtOnceMakesOnePayment() throws Exception {
        Payment payment = nodes[0].open(payer(), List.of(new Allocation(303, new BigDecimal("80.00"))));
        nodes[0].prepare(payer(), payment, "Invoices");
        UUID id = payment.publicId();
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Checkout node = nodes[i % 2];
            clicks.add(() -> node.confirm(payer(), id, "credit", RETURN).payment().status());
        }
        List<String> answers = allAtOnce(clicks);
        assertTrue(answers.stream().allMatch(Set.of("confirming", "succeeded")::contains), answers.toString());
        String reference = nodes[1].ledger().find(acme, id).orElseThrow().processorReference();
        assertEquals(1, processor.confirmationsOf(reference).size(), "the processor was asked once");
        assertEquals("succeeded", nodes[1].ledger().find(acme, id).orElseThrow().status());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pay_payment p JOIN pay_allocation a"
                        + " ON a.payment_id = p.id JOIN ns_transaction t ON t.id = a.invoice_id"
                        + " WHERE t.netsuite_id = 303")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "one payment of INV-303");
        }
    }
}
