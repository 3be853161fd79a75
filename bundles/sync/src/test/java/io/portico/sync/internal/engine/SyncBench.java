package io.portico.sync.internal.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncSettings;
import io.portico.db.internal.PooledDatabase;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.testing.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Full sync of many invoices with their lines from an in-process sandbox into a fresh database, the way a node runs
 * it (pooled connections, the shipped invoice plugin, NetSuite's concurrency limit), and the figures that matter:
 *
 * <ol>
 * <li>at zero latency: records per second of the whole sync, and the ratio to a plain PostgreSQL {@code COPY} of the
 *     same rows (headers and lines, into the same tables with the same indexes): how much the engine's exactness
 *     (change detection, upserts, cursors and leases in every page's transaction) costs over raw ingest;</li>
 * <li>at a realistic latency: rows per second fetched against the governance bound, concurrency x page size /
 *     latency;</li>
 * <li>peak heap while syncing (sampled every 100 ms): it must stay flat, whatever the number of records.</li>
 * </ol>
 *
 * <p>Arguments: invoices (1,000,000), invoices for the latency run (200,000; 0 skips it), latency in ms (300),
 * NetSuite concurrency (5). Needs {@code PORTICO_DB_URL} etc. as the tests do.
 */
public final class SyncBench {

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int latencyInvoices = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.out.printf(Locale.ROOT, "Sync benchmark: %,d invoices, max heap %d MB, %d CPUs%n", invoices,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        Result zero = run(invoices, 0, concurrency);
        System.out.printf(Locale.ROOT, "zero latency: %,d invoices + %,d lines in %.1f s = %,.0f invoices/s, "
                + "%,.0f rows/s; peak heap used %d MB, peak heap left after a GC %d MB%n", zero.invoices, zero.lines,
                zero.seconds, zero.invoices / zero.seconds, zero.rows() / zero.seconds, zero.peakHeapMb,
                zero.peakLiveMb);
        System.out.printf(Locale.ROOT, "plain COPY of the same rows into the same tables: %.1f s = %,.0f rows/s; "
                + "end-to-end sync / COPY = %.0f%%%n", zero.copySeconds, zero.rows() / zero.copySeconds,
                100 * zero.copySeconds / zero.seconds);
        IngestReplay.SyncBenchIngest ingest = zero.ingest;
        System.out.printf(Locale.ROOT, "engine ingest alone (the sync's page transactions: change detection, upserts, "
                + "lines, cursor and lease, %d writers, no NetSuite): %,d invoices + %,d lines in %.1f s = %,.0f rows/s; "
                + "plain COPY of those rows %.1f s = %,.0f rows/s; ingest / COPY = %.0f%%%n", ingest.writers(),
                ingest.invoices(), ingest.lines(), ingest.seconds(), (ingest.invoices() + ingest.lines()) / ingest.seconds(), ingest.copySeconds(),
                (ingest.invoices() + ingest.lines()) / ingest.copySeconds(), 100 * ingest.copySeconds() / ingest.seconds());

        if (latencyInvoices > 0) {
            Result slow = run(latencyInvoices, latency, concurrency);
            double bound = concurrency * 1000.0 / (latency / 1000.0);
            double rate = slow.rows() / slow.seconds;
            System.out.printf(Locale.ROOT, "latency %d ms, concurrency %d: %,d invoices + %,d lines in %.1f s = "
                    + "%,.0f invoices/s, %,.0f rows/s; governance bound %,.0f rows/s; ratio %.0f%%; peak heap used %d MB, "
                    + "left after a GC %d MB%n", latency, concurrency, slow.invoices, slow.lines, slow.seconds,
                    slow.invoices / slow.seconds, rate, bound, 100 * rate / bound, slow.peakHeapMb, slow.peakLiveMb);
        }
    }

    private record Result(long invoices, long lines, double seconds, double copySeconds, long peakHeapMb,
            long peakLiveMb,
            IngestReplay.SyncBenchIngest ingest) {
        long rows() {
            return invoices + lines;
        }
    }

    private static Result run(int invoices, int latency, int concurrency) throws Exception {
        int customers = Math.max(1, invoices / 10);
        try (TestDatabase db = TestDatabase.create();
             HikariDataSource pool = pool(db.url());
             ExternalSandbox sandbox = ExternalSandbox.start(customers, 10, concurrency, latency);
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox.accountId, sandbox.baseUrl, sandbox.consumerKey,
                     sandbox.consumerSecret, sandbox.tokenId, sandbox.tokenSecret, "concurrencyLimit", concurrency)) {
            RecordType invoiceType = new InvoiceRecordType();
            SyncEngine engine = new SyncEngine(new PooledDatabase(pool), name -> name.equals("invoice") ? Optional.of(invoiceType)
                    : Optional.empty(), () -> List.of("invoice"), () -> client,
                    new SyncEngine.Options("bench", 60, 1, 60, 1000));
            engine.configure("invoice", new SyncSettings(true, false, "manual", null, List.of(), null, "archive", 600,
                    1000, concurrency));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            AtomicLong peak = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            List<java.lang.management.MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool2 -> pool2.getType() == java.lang.management.MemoryType.HEAP
                            && pool2.getCollectionUsage() != null).toList();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    long live = 0;
                    for (var heapPool : heapPools) {
                        live += heapPool.getCollectionUsage().getUsed();
                    }
                    peakLive.accumulateAndGet(live, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            long jvmCpu = jvmCpuNanos();
            long pgCpu = postgresCpuTicks(pool);
            SyncRun run = engine.await(engine.start("invoice", false).id(), Duration.ofHours(6));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("CPU: engine JVM %.1f s, PostgreSQL %.1f s%n",
                    (jvmCpuNanos() - jvmCpu) / 1e9, (postgresCpuTicks(pool) - pgCpu) / 100.0);
            sampler.interrupt();
            engine.close();
            if (!"succeeded".equals(run.status()) || run.failed() > 0) {
                throw new IllegalStateException("the sync did not succeed: " + run);
            }
            long lines = count(pool, "SELECT count(*) FROM ns_transaction_line");
            double copySeconds = latency == 0 ? copy(pool) : Double.NaN;
            IngestReplay.SyncBenchIngest ingest = latency == 0 ? IngestReplay.run(pool, invoices, concurrency) : null;
            return new Result(run.recordsDone(), lines, seconds, copySeconds, peak.get() >> 20, peakLive.get() >> 20,
                    ingest);
        }
    }

    /** Exports the synced rows, then times COPYing them into empty tables of a fresh database. */
    static double copy(DataSource synced) throws Exception {
        java.nio.file.Path headers = java.nio.file.Files.createTempFile("sync-bench-headers", ".copy");
        java.nio.file.Path lines = java.nio.file.Files.createTempFile("sync-bench-lines", ".copy");
        try {
            try (Connection c = synced.getConnection();
                 var h = java.nio.file.Files.newOutputStream(headers);
                 var l = java.nio.file.Files.newOutputStream(lines)) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyOut("COPY ns_transaction TO STDOUT (FORMAT binary)", h);
                copy.copyOut("COPY ns_transaction_line TO STDOUT (FORMAT binary)", l);
            }
            try (TestDatabase fresh = TestDatabase.create(); HikariDataSource pool = pool(fresh.url());
                 Connection c = pool.getConnection();
                 var h = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(headers), 1 << 20);
                 var l = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(lines), 1 << 20)) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                c.setAutoCommit(false);
                long started = System.nanoTime();
                copy.copyIn("COPY ns_transaction FROM STDIN (FORMAT binary)", h);
                copy.copyIn("COPY ns_transaction_line FROM STDIN (FORMAT binary)", l);
                c.commit();
                return (System.nanoTime() - started) / 1e9;
            }
        } finally {
            java.nio.file.Files.deleteIfExists(headers);
            java.nio.file.Files.deleteIfExists(lines);
        }
    }

    /**
     * The NetSuite sandbox in a JVM of its own (the shaded jar named by the system property {@code sandbox.jar}), so
     * that its heap and CPU are not counted as the engine's.
     */
    private static final class ExternalSandbox implements AutoCloseable {
        private final Process process;
        String baseUrl;
        String accountId;
        String consumerKey;
        String consumerSecret;
        String tokenId;
        String tokenSecret;

        private ExternalSandbox(Process process) {
            this.process = process;
        }

        static ExternalSandbox start(int customers, int invoicesPerCustomer, int concurrency, int latency)
                throws Exception {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String jar = System.getProperty("sandbox.jar");
            if (jar == null) {
                throw new IllegalStateException("set -Dsandbox.jar to the sandbox's -all jar");
            }
            Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
                    "-Xmx" + System.getProperty("sandbox.heap", "2g"), "-jar", jar, "--port",
                    String.valueOf(port), "--customers", String.valueOf(customers), "--invoices-per-customer",
                    String.valueOf(invoicesPerCustomer), "--concurrency", String.valueOf(concurrency), "--latency",
                    String.valueOf(latency)).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            ExternalSandbox s = new ExternalSandbox(p);
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && (s.baseUrl == null || s.tokenSecret == null)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("for account (\\S+) at (\\S+)")
                        .matcher(line);
                if (m.find()) {
                    s.accountId = m.group(1);
                    s.baseUrl = m.group(2);
                }
                for (String pair : line.trim().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        switch (kv[0]) {
                            case "consumerKey" -> s.consumerKey = kv[1];
                            case "consumerSecret" -> s.consumerSecret = kv[1];
                            case "tokenId" -> s.tokenId = kv[1];
                            case "tokenSecret" -> s.tokenSecret = kv[1];
                            default -> { }
                        }
                    }
                }
            }
            if (s.tokenSecret == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the sandbox did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the sandbox ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            return s;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU ticks (1/100 s) used so far by the database's backends, read from /proc (Linux, same host). */
    static long postgresCpuTicks(DataSource ds) {
        long ticks = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                try {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + rs.getInt(1)
                            + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException e) {
                    return -1;
                }
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
        return ticks;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getenv().getOrDefault("PORTICO_DB_USER", "portico"));
        config.setPassword(System.getenv().getOrDefault("PORTICO_DB_PASSWORD", ""));
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
