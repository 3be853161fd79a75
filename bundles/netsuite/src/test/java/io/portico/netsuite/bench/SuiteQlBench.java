package io.portico.netsuite.bench;

import io.portico.netsuite.NetSuiteMetrics;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.contract.SandboxClients;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Pulls N invoices with their lines from an in-process NetSuite sandbox through SuiteQL, as a full sync would, and
 * compares the throughput with the governance bound: concurrency x page size / latency rows per second.
 *
 * <p>The invoice id range is cut into one partition per concurrency slot, read in parallel. Each partition is read by
 * keyset pages over (transaction, line) up to the partition's end, so every page but a partition's last comes back
 * full (the sandbox seeks to the keyset start and counts totalResults for the rest of the range by arithmetic, so a
 * page costs the same wherever it lies).
 *
 * <p>Before measuring, the same read runs without latency over up to {@value #WARM_UP_INVOICES} invoices, again and
 * again for at least {@value #WARM_UP_SECONDS} seconds, so the JIT has compiled the client's and the sandbox's hot
 * paths: the figures are steady-state throughput, as in a long sync, not compilation time.
 *
 * <p>Arguments: invoices (default 50000), latency in ms (50), concurrency (5), page size (1000).
 */
public final class SuiteQlBench {

    private static final int INVOICES_PER_CUSTOMER = 10;
    private static final int WARM_UP_INVOICES = 100_000;
    private static final int WARM_UP_SECONDS = 5;
    private static final String LINES = "SELECT l.transaction, l.id, t.tranid, t.trandate, t.entity, l.item, "
            + "l.quantity, l.rate, l.netamount FROM transactionline l JOIN transaction t ON t.id = l.transaction "
            + "WHERE t.type = 'CustInvc' AND l.mainline = 'F'";

    private final DefaultNetSuiteClient client;
    private final int pageSize;

    private SuiteQlBench(DefaultNetSuiteClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    public static void main(String[] args) throws Exception {
        int invoices = argument(args, 0, 50_000);
        int latencyMillis = argument(args, 1, 50);
        int concurrency = argument(args, 2, 5);
        int pageSize = argument(args, 3, 1000);

        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder()
                .customers(Math.max(1, invoices / INVOICES_PER_CUSTOMER))
                .invoicesPerCustomer(INVOICES_PER_CUSTOMER)
                .concurrencyLimit(concurrency)
                .start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox, "concurrencyLimit", concurrency)) {
            long first = sandbox.data().invoiceId(0);
            long last = sandbox.data().invoiceId(sandbox.data().invoiceCount() - 1);
            SuiteQlBench bench = new SuiteQlBench(client, pageSize);

            // Warm up the JIT of both the client and the sandbox: the same parallel read, without latency.
            long warmUpEnd = sandbox.data().invoiceId(Math.min(sandbox.data().invoiceCount(), WARM_UP_INVOICES) - 1);
            long warmUpUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
            do {
                bench.readInParallel(first, warmUpEnd, concurrency);
            } while (System.nanoTime() < warmUpUntil);
            System.gc(); // start measuring with an empty young generation

            sandbox.faults().latencyMillis(latencyMillis);
            NetSuiteMetrics before = client.metrics();
            long started = System.nanoTime();
            List<Run> runs = bench.readInParallel(first, last, concurrency);
            double seconds = (System.nanoTime() - started) / 1e9;
            NetSuiteMetrics after = client.metrics();

            Run total = runs.stream().reduce(Run.EMPTY, Run::plus);
            double rowsPerSecond = total.rows / seconds;
            double bound = concurrency * (double) pageSize * 1000 / latencyMillis;
            double requestMillis = total.requestNanos / 1e6 / total.pages;
            double slotsBusy = total.requestNanos / 1e9 / (concurrency * seconds);
            double pageFill = total.rows / ((double) total.pages * pageSize);
            System.out.printf("invoices read     %,d of %,d (%,d lines)%n", total.invoices,
                    sandbox.data().invoiceCount(), total.rows);
            System.out.printf("time              %.2f s: %d partitions, latency %d ms, concurrency %d, page size %d%n",
                    seconds, concurrency, latencyMillis, concurrency, pageSize);
            System.out.printf("pages             %,d (%,d full), failed pages %d, retries %d, 429s %d%n",
                    total.pages, total.fullPages, after.failures() - before.failures(),
                    after.retries() - before.retries(), after.throttled() - before.throttled());
            System.out.printf("throughput        %,.0f lines/s, %,.0f invoices/s%n", rowsPerSecond,
                    total.invoices / seconds);
            System.out.printf("governance bound  %,.0f rows/s = %d x %d / %d ms -> %.1f %%%n", bound, concurrency,
                    pageSize, latencyMillis, 100 * rowsPerSecond / bound);
            // What the client controls: keeping every slot busy with full pages. The rest is the server's time.
            System.out.printf("client efficiency %.1f %% = slots busy %.1f %% x page fill %.1f %%; a request took "
                    + "%.1f ms (latency %d ms + sandbox work)%n", 100 * slotsBusy * pageFill, 100 * slotsBusy,
                    100 * pageFill, requestMillis, latencyMillis);
        }
    }

    private List<Run> readInParallel(long first, long last, int partitions) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(partitions);
        try {
            long width = (last - first) / partitions + 1;
            List<Future<Run>> futures = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                long from = first + i * width;
                long to = Math.min(last, from + width - 1);
                futures.add(workers.submit(() -> readPartition(from, to)));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } finally {
            workers.shutdownNow();
        }
    }

    /** Reads the lines of invoices {@code from..to} (inclusive) page by page after the last (transaction, line). */
    private Run readPartition(long from, long to) {
        Counter counter = new Counter();
        long afterTransaction = from - 1;
        long afterLine = Long.MAX_VALUE;
        while (true) {
            String sql = LINES + " AND l.transaction >= " + afterTransaction + " AND (l.transaction > "
                    + afterTransaction + " OR l.id > " + afterLine + ") AND l.transaction <= " + to
                    + " ORDER BY l.transaction, l.id";
            long requestStarted = System.nanoTime();
            SuiteQlPage page = client.suiteQlPage(sql, pageSize, 0, counter);
            counter.requestNanos += System.nanoTime() - requestStarted;
            counter.pages++;
            if (!page.hasMore()) {
                break;
            }
            counter.fullPages++;
            afterTransaction = counter.lastTransaction;
            afterLine = counter.lastLine;
        }
        return new Run(counter.rows, counter.invoices, counter.pages, counter.fullPages, counter.requestNanos);
    }

    /** Counts rows and invoices and remembers the last key, where the next page starts. */
    private static final class Counter implements Consumer<SuiteQlRow> {
        long rows;
        long invoices;
        long pages;
        long fullPages;
        long requestNanos;
        long lastTransaction = Long.MIN_VALUE;
        long lastLine;

        @Override
        public void accept(SuiteQlRow row) {
            long transaction = row.getLong("transaction");
            if (transaction != lastTransaction) {
                invoices++;
            }
            lastTransaction = transaction;
            lastLine = row.getLong("id");
            row.getDecimal("netamount");
            row.getDate("trandate");
            rows++;
        }
    }

    /** What a partition read; {@code requestNanos} is the time its requests held a concurrency slot. */
    private record Run(long rows, long invoices, long pages, long fullPages, long requestNanos) {
        static final Run EMPTY = new Run(0, 0, 0, 0, 0);

        Run plus(Run other) {
            return new Run(rows + other.rows, invoices + other.invoices, pages + other.pages,
                    fullPages + other.fullPages, requestNanos + other.requestNanos);
        }
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
