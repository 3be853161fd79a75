package io.portico.netsuite.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.GovernanceLimits;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.NetSuiteMetrics;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Concurrency limits, 429s, injected 5xx and dropped connections, and a sandbox restart in the middle of a run. */
class GovernanceContractTest {

    private static final String INVOICES = "SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id";

    /** The client believes it may run 6 at once, the account allows 1: every call still succeeds. */
    @Test
    void a429StormIsRiddenOutWithBackOff() throws Exception {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().concurrencyLimit(1).latencyMillis(5).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "concurrencyLimit", 6, "maxRetries", 60,
                     "retryBaseDelayMillis", 5, "retryMaxDelayMillis", 200)) {
            ExecutorService callers = Executors.newFixedThreadPool(12);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    results.add(callers.submit(() -> client.suiteQlPage(INVOICES, 10, 0, row -> { }).count()));
                }
                for (Future<Integer> result : results) {
                    assertEquals(10, result.get());
                }
            } finally {
                callers.shutdownNow();
            }
            NetSuiteMetrics metrics = client.metrics();
            assertTrue(metrics.throttled() > 0, "429s happened: " + metrics);
            // Every 429 is retried; on a loaded machine a dropped connection may add a retry of its own.
            assertTrue(metrics.retries() >= metrics.throttled(), "every 429 was retried: " + metrics);
            assertEquals(60 + metrics.retries(), metrics.requests());
            assertEquals(0, metrics.failures());
        }
    }

    @Test
    void theClientsOwnLimitKeepsWithinTheAccountsLimit() throws Exception {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().concurrencyLimit(3).latencyMillis(10).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "concurrencyLimit", 3)) {
            ExecutorService callers = Executors.newFixedThreadPool(10);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(callers.submit(() -> client.suiteQlPage(INVOICES, 10, 0, row -> { }).count()));
                }
                for (Future<Integer> result : results) {
                    result.get();
                }
            } finally {
                callers.shutdownNow();
            }
            assertEquals(0, client.metrics().throttled(), "no 429 when the limits match");
        }
    }

    @Test
    void theAccountsLimitsAreReported() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().concurrencyLimit(7).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            GovernanceLimits limits = client.governanceLimits();
            assertEquals(7, limits.accountConcurrencyLimit());
            assertTrue(limits.integrationLimitType() != null, limits.toString());
        }
    }

    @Test
    void random5xxAndDroppedConnectionsOnReadsAreRetried() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "maxRetries", 12)) {
            sandbox.faults().errorRate(0.3).dropConnectionRate(0.1);
            long count = client.suiteQl(INVOICES, 10, row -> { });
            assertEquals(sandbox.data().invoiceCount(), count);
            assertTrue(client.metrics().retries() > 0, client.metrics().toString());
        }
    }

    @Test
    void aCreateIsNotSentAgainAfterA500() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            sandbox.faults().errorRate(1.0);
            ObjectNode customer = new ObjectMapper().createObjectNode().put("companyName", "Once Only Ltd");
            NetSuiteException e = assertThrows(NetSuiteException.class,
                    () -> client.createRecord("customer", customer));
            assertEquals(500, e.status());
            assertEquals("UNEXPECTED_ERROR", e.errorCode());
            assertEquals(1, client.metrics().requests());
        }
    }

    /** The sandbox goes away after the first pages of a keyset read and comes back on the same port. */
    @Test
    void aReadSurvivesASandboxRestart() throws Exception {
        NetSuiteSandbox.Builder builder = NetSuiteSandbox.builder().customers(50).invoicesPerCustomer(20)
                .latencyMillis(20);
        AtomicReference<NetSuiteSandbox> running = new AtomicReference<>(builder.start());
        int port = URI.create(running.get().baseUrl()).getPort();
        int invoices = running.get().data().invoiceCount();
        try (DefaultNetSuiteClient client = SandboxClients.tba(running.get(), "maxRetries", 20)) {
            AtomicLong rows = new AtomicLong();
            CompletableFuture<Void> restart = new CompletableFuture<>();
            long count = client.suiteQl(KeysetQuery.byId(
                    "SELECT id FROM transaction WHERE type = 'CustInvc' AND id > :last ORDER BY id").pageSize(50),
                    row -> {
                        if (rows.incrementAndGet() == 150) {
                            CompletableFuture.runAsync(() -> {
                                running.get().close();
                                sleep(400);
                                running.set(builder.port(port).start());
                            }).whenComplete((done, failure) -> restart.complete(null));
                        }
                    });
            restart.get();
            assertEquals(invoices, count);
            assertTrue(client.metrics().retries() > 0, "the restart was ridden out: " + client.metrics());
        } finally {
            running.get().close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
