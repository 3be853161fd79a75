package io.portico.sync.internal.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zaxxer.hikari.HikariDataSource;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.SyncedLine;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.api.sync.SyncSettings;
import io.portico.db.internal.PooledDatabase;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.Jdbc;
import io.portico.sync.internal.store.Json;
import io.portico.sync.internal.store.Mode;
import io.portico.sync.internal.store.PageWriter;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.SyncMapper;
import io.portico.sync.internal.store.SyncStore;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The engine's ingest alone: writes pages of invoices with lines through the sync's own page transactions (fence,
 * change detection, upsert of headers, replacement of lines, cursor update) into a fresh database, with no NetSuite
 * in the way, then times a plain COPY of exactly the rows it wrote. The pages are real synced invoices (the first
 * 20,000 of the benchmark's sync) written again under new ids until the wanted count is reached.
 */
final class IngestReplay {

    private static final int PAGE = 1000;
    private static final int TEMPLATES = 20_000;
    private static final long ID_SHIFT = 1_000_000_000L;

    private record Template(long netsuiteId, String owner, String number, String name, String email, LocalDate date,
            LocalDate dueDate, String status, BigDecimal total, BigDecimal remaining, String currency,
            Instant lastModified, Map<String, Object> attributes, List<Map<String, Object>> lines) {

        PageWriter.Mapped copy(long shift) {
            SyncedRecord.Builder b = SyncedRecord.builder(netsuiteId + shift).owner(owner).number(number).name(name)
                    .email(email).date(date).dueDate(dueDate).status(status).total(total).amountRemaining(remaining)
                    .currency(currency);
            attributes.forEach(b::attribute);
            for (Map<String, Object> l : lines) {
                SyncedLine.Builder line = SyncedLine.builder(((Number) l.get("line_id")).longValue())
                        .item((String) l.get("item")).description((String) l.get("description"))
                        .quantity(decimal(l.get("quantity"))).rate(decimal(l.get("rate")))
                        .amount(decimal(l.get("amount")));
                @SuppressWarnings("unchecked")
                Map<String, Object> attrs = (Map<String, Object>) l.get("attributes");
                attrs.forEach(line::attribute);
                b.line((String) l.get("line_list"), line.build());
            }
            return new PageWriter.Mapped(b.build(), lastModified);
        }

        private static BigDecimal decimal(Object v) {
            return v == null ? null : new BigDecimal(v.toString());
        }
    }

    private IngestReplay() {
    }

    static SyncBenchIngest run(DataSource source, int invoices, int writers) throws Exception {
        List<Template> templates = load(source);
        int pages = (invoices + PAGE - 1) / PAGE;
        try (TestDatabase db = TestDatabase.create(); HikariDataSource pool = SyncBench.pool(db.url())) {
            SyncStore store = new SyncStore(new Jdbc(pool), new PooledDatabase(pool).sessionFactory(SyncMapper.class));
            SyncStore.ConfigRow config = store.save("invoice", new SyncSettings(true, false, "manual", null, List.of(),
                    null, "archive", 600, PAGE, writers), null);
            long runId = store.beginRun(config, "bench", "manual", Mode.FULL, 3600).orElseThrow();
            List<Cursor> cursors = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                cursors.add(new Cursor(Phase.ALL, w, 0, Long.MAX_VALUE, 0, false, 0));
            }
            store.jdbc().transaction(c -> {
                SyncStore.insertCursors(c, config.id(), runId, cursors);
                return null;
            });
            PageWriter writer = new PageWriter(store.tenantId(), "invoice", RecordCategory.TRANSACTION);
            AtomicInteger nextPage = new AtomicInteger();
            ExecutorService pool2 = Executors.newFixedThreadPool(writers);
            long started = System.nanoTime();
            long jvmCpu = SyncBench.jvmCpuNanos();
            long pgCpu = SyncBench.postgresCpuTicks(pool);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int slice = w;
                done.add(pool2.submit(() -> {
                    Cursor k = cursors.get(slice);
                    int p;
                    while ((p = nextPage.getAndIncrement()) < pages) {
                        int from = (p * PAGE) % templates.size();
                        long shift = (long) (p * PAGE / templates.size()) * ID_SHIFT;
                        List<PageWriter.Mapped> page = new ArrayList<>(PAGE);
                        for (int i = 0; i < PAGE && p * PAGE + i < invoices; i++) {
                            page.add(templates.get((from + i) % templates.size()).copy(shift));
                        }
                        Cursor advanced = k.advanced(page.get(page.size() - 1).record().netsuiteId(), false,
                                page.size());
                        store.jdbc().transaction(c -> {
                            try (var st = c.createStatement()) {
                                st.execute("SET LOCAL synchronous_commit TO OFF");
                            }
                            SyncStore.advance(c, config.id(), runId, advanced);
                            writer.write(c, page, List.of(), 1, true, true);
                            return null;
                        });
                        k = advanced;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("ingest CPU: engine JVM %.1f s, PostgreSQL %.1f s%n",
                    (SyncBench.jvmCpuNanos() - jvmCpu) / 1e9, (SyncBench.postgresCpuTicks(pool) - pgCpu) / 100.0);
            pool2.shutdown();
            long written = count(pool, "SELECT count(*) FROM ns_transaction");
            long lines = count(pool, "SELECT count(*) FROM ns_transaction_line");
            double copy = SyncBench.copy(pool);
            return new SyncBenchIngest(writers, written, lines, seconds, copy);
        }
    }

    /** The benchmark's result record, shared with {@link SyncBench}. */
    record SyncBenchIngest(int writers, long invoices, long lines, double seconds, double copySeconds) {
    }

    private static List<Template> load(DataSource source) throws Exception {
        List<Template> out = new ArrayList<>();
        try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT t.netsuite_id, t.owner_netsuite_id, t.number, t.name, t.email, t.record_date, t.due_date,
                    t.status, t.total, t.amount_remaining, t.currency, t.last_modified, t.attributes::text AS attributes,
                    COALESCE((SELECT json_agg(json_build_object('line_list', l.line_list, 'line_id', l.line_id,
                        'item', l.item, 'description', l.description, 'quantity', l.quantity, 'rate', l.rate,
                        'amount', l.amount, 'attributes', l.attributes) ORDER BY l.line_list, l.line_id)
                        FROM ns_transaction_line l WHERE l.transaction_id = t.id), '[]')::text AS lines
                FROM ns_transaction t ORDER BY t.netsuite_id LIMIT ?""")) {
            ps.setInt(1, TEMPLATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Template(rs.getLong("netsuite_id"), rs.getString("owner_netsuite_id"),
                            rs.getString("number"), rs.getString("name"), rs.getString("email"),
                            rs.getObject("record_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getString("status"), rs.getBigDecimal("total"), rs.getBigDecimal("amount_remaining"),
                            rs.getString("currency"), rs.getTimestamp("last_modified").toInstant(),
                            Json.MAPPER.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() {
                            }), Json.MAPPER.readValue(rs.getString("lines"),
                                    new TypeReference<List<Map<String, Object>>>() {
                                    })));
                }
            }
        }
        return out;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
