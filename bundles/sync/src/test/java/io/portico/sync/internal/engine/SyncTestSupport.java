package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordType;
import io.portico.api.sync.SyncRun;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.plugins.customer.internal.CustomerRecordType;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.internal.store.Json;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * A fresh database, an in-process NetSuite sandbox, a client for it and sync engines wired to the shipped invoice and
 * customer record types; plus checks that compare Portico's rows with what the sandbox holds.
 */
public abstract class SyncTestSupport {

    protected static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    protected TestDatabase db;
    protected NetSuiteSandbox sandbox;
    protected DefaultNetSuiteClient client;
    /** The running record-type plugins by name; remove one to "stop the plugin". */
    protected final Map<String, RecordType> plugins = new ConcurrentHashMap<>();
    private final List<SyncEngine> engines = new ArrayList<>();

    protected void start(NetSuiteSandbox.Builder builder) {
        db = TestDatabase.create();
        sandbox = builder.start();
        client = SandboxClients.tba(sandbox);
        plugins.put(InvoiceRecordType.NAME, new InvoiceRecordType());
        plugins.put(CustomerRecordType.NAME, new CustomerRecordType(new FakeOrganizations(db.dataSource())));
    }

    protected SyncEngine engine(String node) {
        return engine(node, SyncEngine.Options.defaults(node), () -> client);
    }

    protected SyncEngine engine(String node, SyncEngine.Options options, Supplier<NetSuiteClient> clients) {
        SyncEngine engine = new SyncEngine(db.database(), name -> Optional.ofNullable(plugins.get(name)),
                () -> new ArrayList<>(new TreeSet<>(plugins.keySet())), clients, options);
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void closeAll() {
        engines.forEach(SyncEngine::close);
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Starts a run and waits for its end; fails unless it succeeded. */
    protected SyncRun sync(SyncEngine engine, String type, boolean full) throws InterruptedException {
        SyncRun started = engine.start(type, full);
        SyncRun done = engine.await(started.id(), RUN_TIMEOUT);
        assertEquals("succeeded", done.status(), () -> "run " + done + " errors " + engine.errors(done.id(), 0, 20));
        return done;
    }

    // ------------------------------------------------------------------ comparing with the source

    /** NetSuite's ids of a SuiteQL query's rows. */
    protected List<Long> sourceIds(String query) {
        List<Long> ids = new ArrayList<>();
        client.suiteQl(query, 1000, row -> ids.add(row.getLong("id")));
        return ids;
    }

    protected List<Long> invoiceIds() {
        return sourceIds("SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id");
    }

    /** Every invoice and line in the sandbox is in Portico exactly as NetSuite's REST API shows it, and no other. */
    /** The {@code skip}-th open invoice without payments or credits applied (NetSuite refuses to delete others). */
    protected long unpaidInvoice(List<Long> ids, int skip) {
        int seen = 0;
        for (long id : ids) {
            Map<String, Object> rest = sandbox.data().record("invoice", id).orElse(null);
            if (rest != null && new BigDecimal(rest.get("amountPaid").toString()).signum() == 0 && "Open".equals(ref(rest, "status"))
                    && seen++ == skip) {
                return id;
            }
        }
        throw new AssertionError("no unpaid invoice");
    }

    protected void assertInvoicesMatchSource() throws SQLException {
        assertInvoicesMatchSource(java.util.Set.of());
    }

    /** As {@link #assertInvoicesMatchSource()}, except that the given invoices must not be in Portico at all. */
    protected void assertInvoicesMatchSource(java.util.Set<Long> absent) throws SQLException {
        List<Long> ids = invoiceIds().stream().filter(id -> !absent.contains(id)).toList();
        Map<Long, Map<String, Object>> rows = rows("SELECT * FROM ns_transaction WHERE record_type = 'invoice' "
                + "AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same invoices");
        assertInvoiceRowsMatchSource(ids, rows);
    }

    /**
     * The invoices Portico has so far (a sync may be under way or have died) are exact copies of NetSuite's, each with
     * all its lines: no page is ever half written.
     *
     * @return how many invoices Portico has
     */
    protected int assertPresentInvoicesMatchSource() throws SQLException {
        Map<Long, Map<String, Object>> rows = rows("SELECT * FROM ns_transaction WHERE record_type = 'invoice' "
                + "AND archived_at IS NULL");
        assertTrue(new TreeSet<>(invoiceIds()).containsAll(rows.keySet()), "only invoices NetSuite has");
        assertInvoiceRowsMatchSource(new ArrayList<>(rows.keySet()), rows);
        return rows.size();
    }

    private void assertInvoiceRowsMatchSource(List<Long> ids, Map<Long, Map<String, Object>> rows)
            throws SQLException {
        Map<String, Long> organizations = organizationsByNetsuiteId();
        for (long id : ids) {
            Map<String, Object> rest = sandbox.data().record("invoice", id).orElseThrow();
            Map<String, Object> row = rows.get(id);
            String where = "invoice " + id;
            assertEquals(rest.get("tranId"), row.get("number"), where);
            assertEquals(rest.get("tranDate"), String.valueOf(row.get("record_date")), where);
            assertEquals(rest.get("dueDate"), String.valueOf(row.get("due_date")), where);
            assertEquals(status(ref(rest, "status")), row.get("status"), where);
            assertMoney(rest.get("total"), row.get("total"), where + " total");
            assertMoney(rest.get("amountRemaining"), row.get("amount_remaining"), where + " amount remaining");
            assertEquals(ref(rest, "currency"), row.get("currency"), where);
            String entity = refId(rest, "entity");
            assertEquals(entity, row.get("owner_netsuite_id"), where);
            assertEquals(organizations.get(entity), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((java.sql.Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("memo"), attribute(row, "memo"), where + " memo");
            assertLinesMatch(rest, (Long) row.get("id"), (Long) row.get("organization_id"), where);
        }
    }

    @SuppressWarnings("unchecked")
    private void assertLinesMatch(Map<String, Object> rest, long transactionId, Long organizationId, String where)
            throws SQLException {
        List<Map<String, Object>> expected = (List<Map<String, Object>>) ((Map<String, Object>) rest.get("item"))
                .get("items");
        List<Map<String, Object>> lines = list("SELECT * FROM ns_transaction_line WHERE transaction_id = ? "
                + "ORDER BY line_list, line_id", transactionId);
        assertEquals(expected.size(), lines.size(), where + " line count");
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> l = lines.get(i);
            String at = where + " line " + e.get("line");
            assertEquals("items", l.get("line_list"), at + " is an item line");
            assertEquals(((Number) e.get("line")).longValue(), l.get("line_id"), at);
            assertEquals(ref(e, "item"), l.get("item"), at);
            assertEquals(e.get("description"), l.get("description"), at);
            assertMoney(e.get("quantity"), l.get("quantity"), at + " quantity");
            assertMoney(e.get("rate"), l.get("rate"), at + " rate");
            assertMoney(e.get("amount"), l.get("amount"), at + " amount");
            assertEquals(organizationId, l.get("organization_id"), at + " organization");
        }
    }

    /** Every customer in the sandbox is a portal organization with NetSuite's values. */
    protected void assertCustomersMatchSource() throws SQLException {
        assertCustomersMatchSource(true);
    }

    /**
     * @param balances whether balances must match too: NetSuite derives a customer's balance from its transactions
     *         without changing the customer's last-modified time, so only a full load is sure to have them all
     */
    protected void assertCustomersMatchSource(boolean balances) throws SQLException {
        List<Long> ids = sourceIds("SELECT id FROM customer ORDER BY id");
        Map<String, Long> organizations = organizationsByNetsuiteId();
        Map<Long, Map<String, Object>> orgs = new HashMap<>();
        for (Map<String, Object> o : list("SELECT * FROM organization WHERE kind = 'customer'")) {
            orgs.put(Long.valueOf((String) o.get("netsuite_id")), o);
        }
        Map<Long, Map<String, Object>> entities = rows("SELECT * FROM ns_entity WHERE record_type = 'customer' "
                + "AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(orgs.keySet()), "one organization per customer");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(entities.keySet()), "one entity row per customer");
        for (long id : ids) {
            Map<String, Object> rest = sandbox.data().record("customer", id).orElseThrow();
            Map<String, Object> org = orgs.get(id);
            Map<String, Object> entity = entities.get(id);
            String where = "customer " + id;
            assertEquals(rest.get("companyName"), org.get("name"), where);
            String email = (String) rest.get("email");
            String domain = email == null ? null : email.substring(email.indexOf('@') + 1).toLowerCase();
            String[] domains = (String[]) org.get("email_domains");
            assertEquals(domain == null ? List.of() : List.of(domain), List.of(domains), where + " domains");
            assertEquals(ref(rest, "currency"), org.get("currency"), where);
            String parent = refId(rest, "parent");
            assertEquals(parent == null ? null : organizations.get(parent), org.get("parent_id"), where + " parent");
            boolean inactive = Boolean.TRUE.equals(rest.get("isInactive"));
            assertEquals(inactive, org.get("archived_at") != null, where + " archived");
            assertEquals(rest.get("entityId"), entity.get("number"), where);
            if (balances) {
                assertMoney(rest.get("balance"), entity.get("amount_remaining"), where + " balance");
            }
            assertEquals(organizations.get(Long.toString(id)), entity.get("organization_id"), where + " owner");
        }
    }

    protected Map<String, Long> organizationsByNetsuiteId() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> o : list("SELECT id, netsuite_id FROM organization WHERE kind = 'customer'")) {
            out.put((String) o.get("netsuite_id"), (Long) o.get("id"));
        }
        return out;
    }

    protected static String status(String restStatus) {
        return switch (restStatus) {
            case "Open" -> "open";
            case "Paid In Full" -> "paid";
            default -> throw new AssertionError("unexpected status " + restStatus);
        };
    }

    @SuppressWarnings("unchecked")
    protected static String ref(Map<String, Object> record, String field) {
        Object v = record.get(field);
        return v == null ? null : (String) ((Map<String, Object>) v).get("refName");
    }

    @SuppressWarnings("unchecked")
    protected static String refId(Map<String, Object> record, String field) {
        Object v = record.get(field);
        return v == null ? null : String.valueOf(((Map<String, Object>) v).get("id"));
    }

    protected static void assertMoney(Object expected, Object actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertNotNull(actual, where);
        BigDecimal e = new BigDecimal(expected.toString());
        BigDecimal a = (BigDecimal) actual;
        assertEquals(0, e.compareTo(a), where + ": expected " + e + " but was " + a);
    }

    protected Object attribute(Map<String, Object> row, String key) {
        Object json = row.get("attributes");
        Map<?, ?> map = Json.read(json.toString(), Map.class);
        return map.get(key);
    }

    // ------------------------------------------------------------------ SQL

    protected Map<Long, Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> row : list(sql, params)) {
            out.put((Long) row.get("netsuite_id"), row);
        }
        return out;
    }

    protected List<Map<String, Object>> list(String sql, Object... params) throws SQLException {
        return list(db.dataSource(), sql, params);
    }

    public static List<Map<String, Object>> list(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Array a) {
                            v = a.getArray();
                        }
                        row.put(rs.getMetaData().getColumnLabel(i), v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    protected long count(String sql, Object... params) throws SQLException {
        return ((Number) list(sql, params).get(0).values().iterator().next()).longValue();
    }

    protected static void assertTrueThat(boolean condition, String message) {
        assertTrue(condition, message);
    }
}
