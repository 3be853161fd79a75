package io.portico.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.documents.internal.StatementMapper.Entry;
import io.portico.documents.internal.Statements.Request;
import io.portico.documents.internal.Statements.Section;
import io.portico.documents.internal.Statements.StatementOfAccount;
import io.portico.documents.internal.Statements.View;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statements against an independent computation over the synced rows: each running balance is the plain sum of
 * every transaction up to it in statement order, opening and closing balances the sums before and up to the range.
 */
class StatementsTest {

    static final int[] BUCKETS = {30, 60, 90, 120, 180};

    static TestDatabase db;
    static Statements statements;
    static long tenant;
    static long acme;
    static long globex;

    @BeforeAll
    static void syncedLedger() throws Exception {
        db = TestDatabase.create();
        statements = new Statements(db.database().sessionFactory(StatementMapper.class));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            acme = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
            globex = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Globex', '200') RETURNING id");
            Random random = new Random(15);
            LocalDate day = LocalDate.of(2025, 1, 6);
            long netsuiteId = 1000;
            // Acme: two years of invoices in USD and EUR, payments applied to the invoice before them, credit memos.
            for (int i = 0; i < 400; i++) {
                day = day.plusDays(random.nextInt(3));
                String currency = i % 5 == 0 ? "EUR" : "USD";
                String total = (100 + random.nextInt(90000)) / 100 + "." + String.format("%02d", random.nextInt(100));
                String type = switch (i % 7) {
                    case 3, 6 -> "customerpayment";
                    case 5 -> "creditmemo";
                    default -> "invoice";
                };
                long id = ++netsuiteId;
                insert(c, acme, type, id, day, total, currency, false);
                if (!type.equals("invoice")) {
                    // Applied to the invoice just before it, in part: leaves both items partly open.
                    s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id,"
                            + " organization_id, amount) SELECT t.id, 'applications', " + (id - 1) + ", t.tenant_id,"
                            + " t.organization_id, least(t.total, 25) FROM ns_transaction t WHERE t.netsuite_id = " + id);
                }
            }
            // Neither an archived row nor another customer's counts.
            insert(c, acme, "invoice", 9001, LocalDate.of(2025, 6, 1), "5000.00", "USD", true);
            insert(c, globex, "invoice", 9002, LocalDate.of(2025, 6, 1), "7000.00", "USD", false);
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static void insert(Connection c, long organization, String type, long netsuiteId, LocalDate date, String total,
            String currency, boolean archived) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ns_transaction (tenant_id, organization_id,"
                + " record_type, netsuite_id, number, record_date, due_date, status, total, amount_remaining, currency,"
                + " attributes, archived_at, content_hash, sync_generation) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?::numeric,"
                + " 0, ?, '{}', " + (archived ? "now()" : "NULL") + ", 0, 0)")) {
            p.setLong(1, tenant);
            p.setLong(2, organization);
            p.setString(3, type);
            p.setLong(4, netsuiteId);
            p.setString(5, type.substring(0, 3).toUpperCase() + "-" + netsuiteId);
            p.setObject(6, date);
            p.setObject(7, type.equals("invoice") ? date.plusDays(30) : null);
            p.setString(8, total);
            p.setString(9, currency);
            p.executeUpdate();
        }
    }

    /** The independent computation: a plain sum over the synced rows, up to a date or up to one row. */
    static BigDecimal sum(String currency, String condition, Object... args) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT COALESCE(SUM(CASE WHEN record_type = 'invoice' THEN total ELSE -total END), 0)"
                        + " FROM ns_transaction WHERE organization_id = ? AND archived_at IS NULL AND currency = ?"
                        + " AND record_type IN ('invoice', 'customerpayment', 'creditmemo') AND " + condition)) {
            p.setLong(1, acme);
            p.setString(2, currency);
            for (int i = 0; i < args.length; i++) {
                p.setObject(3 + i, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    static StatementOfAccount activity(String from, String to) {
        return statements.statement(new DataScope(tenant, acme),
                new Request(LocalDate.parse(from), LocalDate.parse(to), View.ACTIVITY), BUCKETS);
    }

    @Test
    void runningAndClosingBalancesEqualThePlainSumsForSeveralRanges() throws Exception {
        String[][] ranges = {
                {"2020-01-01", "2025-02-01"}, // starts before the first transaction
                {"2025-03-01", "2025-03-31"},
                {"2025-06-15", "2026-01-10"},
                {"2026-01-01", "2027-12-31"}, // ends after the last
                {"2025-01-06", "2025-01-06"}};
        int checked = 0;
        for (String[] range : ranges) {
            StatementOfAccount statement = activity(range[0], range[1]);
            assertEquals(List.of("EUR", "USD"), statement.sections().stream().map(Section::currency).toList());
            for (Section s : statement.sections()) {
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = LocalDate.parse(range[1]);
                assertEquals(0, sum(s.currency(), "record_date < ?", from).compareTo(s.opening()), "opening");
                assertEquals(0, sum(s.currency(), "record_date <= ?", to).compareTo(s.closing()), "closing");
                for (Entry e : s.entries()) {
                    assertTrue(!e.date().isBefore(from) && !e.date().isAfter(to));
                    BigDecimal expected = sum(s.currency(), "(record_date, CASE record_type WHEN 'invoice' THEN 0"
                            + " WHEN 'creditmemo' THEN 1 ELSE 2 END, netsuite_id) <= (?, ?, ?)", e.date(),
                            e.recordType().equals("invoice") ? 0 : e.recordType().equals("creditmemo") ? 1 : 2,
                            e.netsuiteId());
                    assertEquals(0, expected.compareTo(e.balance()), e.number());
                    checked++;
                }
                BigDecimal last = s.entries().isEmpty() ? s.opening() : s.entries().get(s.entries().size() - 1).balance();
                assertEquals(0, last.compareTo(s.closing()), "the last running balance is the closing balance");
            }
        }
        assertTrue(checked > 200, "rows checked: " + checked);
        assertTrue(activity("2020-01-01", "2024-12-31").sections().isEmpty(), "nothing before the first");
    }

    @Test
    void openItemsAndAgingAddUpToTheClosingBalance() throws Exception {
        LocalDate to = LocalDate.parse("2025-09-30");
        StatementOfAccount open = statements.statement(new DataScope(tenant, acme),
                new Request(LocalDate.parse("2025-09-01"), to, View.OPEN), BUCKETS);
        assertEquals(7, open.agingLabels().size());
        assertEquals("121–180 days", open.agingLabels().get(5));
        for (Section s : open.sections()) {
            BigDecimal closing = sum(s.currency(), "record_date <= ?", to);
            assertEquals(0, closing.compareTo(s.closing()));
            BigDecimal openSum = s.entries().stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, closing.compareTo(openSum), "the open items add up to the balance");
            BigDecimal aged = s.aging().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, closing.compareTo(aged.add(s.unapplied())), "aging and unapplied credits too");
            assertTrue(s.aging().get(6).signum() > 0, "invoices over 180 days past due");
            assertTrue(s.unapplied().signum() < 0, "payments are partly unapplied");
        }
    }

    @Test
    void anInvoiceMovesThroughTheBucketsByDaysPastDue() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            long org;
            try (Statement s = c.createStatement()) {
                org = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                        + ", 'customer', 'Initech', '300') RETURNING id");
            }
            insert(c, org, "invoice", 7001, LocalDate.of(2026, 1, 1), "10.00", "USD", false); // due Jan 31
            DataScope scope = new DataScope(tenant, org);
            int[] expected = {0, 0, 1, 1, 2, 6};
            String[] ends = {"2026-01-15", "2026-01-31", "2026-02-01", "2026-03-02", "2026-03-03", "2026-07-31"};
            for (int i = 0; i < ends.length; i++) {
                Section s = statements.statement(scope, new Request(LocalDate.of(2026, 1, 1), LocalDate.parse(ends[i]),
                        View.ACTIVITY), BUCKETS).sections().get(0);
                assertEquals(0, new BigDecimal("10.00").compareTo(s.aging().get(expected[i])), ends[i]);
            }
        }
    }

    @Test
    void badRangesNameTheirParameter() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        assertEquals("from", assertThrows(Statements.BadParameter.class,
                () -> Statements.parse("2026-02-01", "2026-01-01", null, today, 366)).parameter);
        assertEquals("from", assertThrows(Statements.BadParameter.class,
                () -> Statements.parse("2020-01-01", "2026-01-01", null, today, 366)).parameter);
        assertEquals("to", assertThrows(Statements.BadParameter.class,
                () -> Statements.parse("2026-01-01", "2026-13-01", null, today, 366)).parameter);
        assertEquals("from", assertThrows(Statements.BadParameter.class,
                () -> Statements.parse("yesterday", null, null, today, 366)).parameter);
        assertEquals("view", assertThrows(Statements.BadParameter.class,
                () -> Statements.parse(null, null, "all", today, 366)).parameter);
        Request defaults = Statements.parse(null, null, null, today, 366);
        assertEquals(LocalDate.of(2026, 4, 2), defaults.from());
        assertEquals(today, defaults.to());
        assertEquals(View.ACTIVITY, defaults.view());
    }

    static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
