package io.portico.sync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.recordtype.RecordType;
import io.portico.api.secrets.SecretBox;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfig;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.internal.engine.SyncEngine;
import io.portico.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One record type synced end to end: a fresh migrated database, the NetSuite sandbox with its demo company, a TBA
 * client for it (whose SuiteQL rows a test may rewrite on the way back, as a misbehaving account would send them)
 * and the sync engine with just this record type running.
 */
public final class SandboxSync implements AutoCloseable {

    private static final AccountFormat FORMAT = AccountFormat.of(AccountFormat.DEFAULT_DATE_PATTERN,
            ZoneId.of("America/Los_Angeles"));
    private static final ObjectMapper JSON = new ObjectMapper();

    public final TestDatabase db;
    public final NetSuiteSandbox sandbox;
    public final DefaultNetSuiteClient client;
    public final SyncEngine engine;
    private final String name;
    private volatile UnaryOperator<Map<String, String>> rewrite = UnaryOperator.identity();

    public SandboxSync(NetSuiteSandbox.Builder builder, String name, RecordType type) {
        this(builder, name, db -> type);
    }

    /** @param factory makes the record type, for one that keeps data of its own in the database */
    public SandboxSync(NetSuiteSandbox.Builder builder, String name, Function<TestDatabase, RecordType> factory) {
        this.name = name;
        this.db = TestDatabase.create();
        RecordType type = factory.apply(db);
        this.sandbox = builder.start();
        this.client = tbaClient(sandbox);
        NetSuiteClient rewriting = rewriting(client);
        this.engine = new SyncEngine(db.database(), n -> n.equals(name) ? Optional.of(type) : Optional.empty(),
                () -> List.of(name), () -> rewriting, SyncEngine.Options.defaults("test-node"));
    }

    /** From now on SuiteQL rows reach the engine rewritten: the function gets a mutable copy of each row. */
    public void rewriteRows(UnaryOperator<Map<String, String>> rows) {
        this.rewrite = rows;
    }

    /** One portal organization per NetSuite customer, as the customer sync keeps them. */
    public void createCustomerOrganizations() {
        for (SuiteQlRow c : suiteQl("SELECT id, companyname FROM customer ORDER BY id")) {
            update("INSERT INTO organization (tenant_id, kind, name, netsuite_id) SELECT id, 'customer', ?, ? "
                    + "FROM organization WHERE kind = 'operator'", c.getString("companyname"), c.getString("id"));
        }
    }

    /** Runs a sync to its end; fails unless it succeeded. */
    public SyncRun sync(boolean full) throws InterruptedException {
        SyncRun done = engine.await(engine.start(name, full).id(), Duration.ofMinutes(3));
        assertEquals("succeeded", done.status(), () -> "run " + done + " errors " + errors(done));
        return done;
    }

    public List<SyncRunError> errors(SyncRun run) {
        return engine.errors(run.id(), 0, 100);
    }

    /**
     * NetSuite sends a status letter the record type does not know for the second record of {@code sourceQuery}: a
     * sync stores every other record and fails that one alone, with an error naming the record and the letter.
     */
    public void assertAnUnknownStatusFailsOnlyItsRecord(String sourceQuery) throws InterruptedException {
        long odd = sourceIds(sourceQuery).get(1);
        rewriteRows(row -> {
            if (String.valueOf(odd).equals(row.get("id")) && row.containsKey("status")) {
                row.put("status", "X");
            }
            return row;
        });

        SyncRun run = sync(false);
        assertEquals(1, run.failed());
        List<SyncRunError> errors = errors(run);
        assertEquals(odd, errors.get(0).netsuiteId());
        assertTrue(errors.get(0).message().contains("'X'"), errors.get(0).message());
        assertEquals(sourceIds(sourceQuery).size() - 1, run.inserted());
        assertTrue(rows("SELECT * FROM ns_transaction WHERE netsuite_id = ?", odd).isEmpty());
    }

    public List<SuiteQlRow> suiteQl(String query) {
        List<SuiteQlRow> rows = new ArrayList<>();
        client.suiteQl(query, 1000, rows::add);
        return rows;
    }

    public List<Long> sourceIds(String query) {
        return suiteQl(query).stream().map(r -> r.getLong("id")).toList();
    }

    /** The record as NetSuite's REST API shows it. */
    public Map<String, Object> record(String type, long id) {
        return sandbox.data().record(type, id).orElseThrow(() -> new AssertionError(type + " " + id + " is gone"));
    }

    /** Portico's rows by NetSuite id. */
    public Map<Long, Map<String, Object>> rows(String sql, Object... params) {
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : list(sql, params)) {
            out.put((Long) row.get("netsuite_id"), row);
        }
        return out;
    }

    /** A transaction's lines in Portico ({@code ns_transaction_line} rows) by line list, each list in line order. */
    public Map<String, List<Map<String, Object>>> lines(Object transactionId) {
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        for (Map<String, Object> line : list("SELECT * FROM ns_transaction_line WHERE transaction_id = ? "
                + "ORDER BY line_list, line_id", transactionId)) {
            out.computeIfAbsent((String) line.get("line_list"), list -> new ArrayList<>()).add(line);
        }
        return out;
    }

    /** Portico's customer organizations' ids by NetSuite id. */
    public Map<String, Long> organizations() {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> o : list("SELECT id, netsuite_id FROM organization WHERE kind = 'customer'")) {
            out.put((String) o.get("netsuite_id"), (Long) o.get("id"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    /**
     * Asserts that a payment's or credit's {@code applications} lines are the invoices NetSuite's REST record applies
     * it to ({@code apply} sublist), in invoice id order, with number, amount, invoice total and date, owned by the
     * record's organization, and that they add up to its {@code applied} amount.
     */
    public static void assertApplicationsMatch(Map<String, Object> rest, Map<String, Object> row,
            List<Map<String, Object>> lines, String where) {
        List<Map<String, Object>> applied = new ArrayList<>(sublist(rest, "apply"));
        applied.sort((x, y) -> Long.compare(Long.parseLong(refId(x, "doc")), Long.parseLong(refId(y, "doc"))));
        assertEquals(applied.size(), lines.size(), where + " applications");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < applied.size(); i++) {
            Map<String, Object> e = applied.get(i);
            Map<String, Object> l = lines.get(i);
            String at = where + " applied to " + refId(e, "doc");
            assertEquals(Long.valueOf(refId(e, "doc")), l.get("line_id"), at);
            assertEquals(e.get("refNum"), l.get("item"), at + " invoice #");
            assertMoney(e.get("amount"), l.get("amount"), at + " amount");
            assertMoney(e.get("total"), attributes(l).get("invoiceTotal"), at + " invoice total");
            assertEquals(String.valueOf(e.get("applyDate")), attributes(l).get("invoiceDate"), at + " date");
            assertEquals(row.get("organization_id"), l.get("organization_id"), at + " organization");
            sum = sum.add((BigDecimal) l.get("amount"));
        }
        assertMoney(rest.get("applied"), sum, where + " the applications add up");
    }

    public static Map<String, Object> attributes(Map<String, Object> row) {
        try {
            return JSON.readValue(row.get("attributes").toString(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public List<Map<String, Object>> list(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ REST values

    @SuppressWarnings("unchecked")
    public static String refName(Map<String, Object> record, String field) {
        Object v = record.get(field);
        return v == null ? null : (String) ((Map<String, Object>) v).get("refName");
    }

    @SuppressWarnings("unchecked")
    public static String refId(Map<String, Object> record, String field) {
        Object v = record.get(field);
        return v == null ? null : String.valueOf(((Map<String, Object>) v).get("id"));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> sublist(Map<String, Object> record, String name) {
        Object v = record.get(name);
        return v == null ? List.of() : (List<Map<String, Object>>) ((Map<String, Object>) v).get("items");
    }

    public static void assertMoney(Object expected, Object actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertNotNull(actual, where);
        BigDecimal e = new BigDecimal(expected.toString());
        BigDecimal a = new BigDecimal(actual.toString());
        assertEquals(0, e.compareTo(a), where + ": expected " + e + " but was " + a);
    }

    // ------------------------------------------------------------------ plumbing

    @Override
    public void close() {
        engine.close();
        client.close();
        sandbox.close();
        db.close();
    }

    /** A client passing every call on, with SuiteQL rows rewritten by {@link #rewriteRows}. */
    @SuppressWarnings("unchecked")
    private NetSuiteClient rewriting(NetSuiteClient delegate) {
        return (NetSuiteClient) Proxy.newProxyInstance(NetSuiteClient.class.getClassLoader(),
                new Class<?>[] {NetSuiteClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[args.length - 1] instanceof Consumer<?> rows
                            && method.getName().startsWith("suiteQl")) {
                        Consumer<SuiteQlRow> target = (Consumer<SuiteQlRow>) rows;
                        UnaryOperator<Map<String, String>> r = rewrite;
                        args[args.length - 1] = (Consumer<SuiteQlRow>) row -> {
                            Map<String, String> values = new LinkedHashMap<>();
                            row.columns().forEach(column -> values.put(column, row.getString(column)));
                            target.accept(new SuiteQlRow(r.apply(values), FORMAT));
                        };
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static DefaultNetSuiteClient tbaClient(NetSuiteSandbox sandbox) {
        Map<String, Object> values = Map.of("accountId", sandbox.accountId(), "baseUrl", sandbox.baseUrl(),
                "authMethod", "tba", "consumerKey", sandbox.credentials().consumerKey(),
                "consumerSecret", sandbox.credentials().consumerSecret(), "tokenId", sandbox.credentials().tokenId(),
                "tokenSecret", sandbox.credentials().tokenSecret(), "retryBaseDelayMillis", 20,
                "retryMaxDelayMillis", 500);
        NetSuiteConfig config = (NetSuiteConfig) Proxy.newProxyInstance(NetSuiteConfig.class.getClassLoader(),
                new Class<?>[] {NetSuiteConfig.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
        SecretBox plain = new SecretBox() {
            @Override
            public String seal(String plaintext) {
                return plaintext;
            }

            @Override
            public String reveal(String configuredValue) {
                return configuredValue;
            }
        };
        return new DefaultNetSuiteClient(ClientSettings.from(config, plain));
    }
}
