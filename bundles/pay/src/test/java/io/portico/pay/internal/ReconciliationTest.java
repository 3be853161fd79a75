package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation against PostgreSQL: filters and paging within one tenant, retry and mark resolved (with the audit
 * log), the dashboard's overdue count against the operator's threshold, and the link to NetSuite's record.
 */
class ReconciliationTest {

    private static TestDatabase db;
    private static Reconciliation reconciliation;
    private static final AtomicReference<String> account = new AtomicReference<>("123456_SB1");
    private static long tenant;
    private static long acme;
    private static long globex;
    private static long otherTenant;
    private static long otherCustomer;
    private static PayActor admin;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create();
        reconciliation = new Reconciliation(db.database().sessionFactory(WritebackMapper.class, PayMapper.class),
                () -> Optional.ofNullable(account.get()));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            acme = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
            globex = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Globex', '200') RETURNING id");
            otherTenant = id(s, "INSERT INTO organization (kind, name) VALUES ('operator', 'Other') RETURNING id");
            otherCustomer = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES ("
                    + otherTenant + ", 'customer', 'Initech', '100') RETURNING id");
        }
        admin = new PayActor(tenant, null, "admin@operator.example");
    }

    @BeforeEach
    void empty() throws Exception {
        account.set("123456_SB1");
        sql("DELETE FROM pay_writeback");
        sql("DELETE FROM pay_payment");
        sql("DELETE FROM pay_writeback_settings");
        sql("DELETE FROM audit_log WHERE action LIKE 'pay.writeback%'");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void listsOneTenantsWriteBacksFilteredByStateCustomerAndDateAndPaged() throws Exception {
        writeback(acme, "a-posted", "posted", "77", null, "2026-03-01");
        writeback(acme, "a-failed", "failed", null, "Invoice already paid (USER_ERROR, HTTP 400)", "2026-03-02");
        writeback(globex, "g-pending", "pending", null, null, "2026-03-03");
        writeback(globex, "g-skipped", "skipped", null, null, "2026-03-04");
        writeback(otherCustomer, "o-failed", "failed", null, "Closed period", "2026-03-02");

        assertEquals(List.of("g-skipped", "g-pending", "a-failed", "a-posted"), ids(filter(null, null, null, null)));
        assertEquals(List.of("a-failed"), ids(filter("failed", null, null, null)),
                "another tenant's failed row never shows");
        assertEquals(List.of("g-skipped", "g-pending"), ids(filter(null, String.valueOf(globex), null, null)));
        assertEquals(List.of("a-failed", "a-posted"),
                ids(filter(null, String.valueOf(acme), "2026-03-01", "2026-03-02")));
        assertEquals(List.of("g-pending"), ids(filter(null, null, "2026-03-03", "2026-03-03")));

        Reconciliation.Page second = reconciliation.list(Reconciliation.filter(tenant, null, null, null, null, "2",
                "3"));
        assertEquals(List.of("a-posted"), second.rows().stream().map(WritebackRow::externalId).toList());
        assertEquals(4, second.total());
        assertEquals(2, second.page());

        WritebackRow failed = reconciliation.list(filter("failed", null, null, null)).rows().get(0);
        assertEquals("Acme", failed.organizationName());
        assertEquals("Invoice already paid (USER_ERROR, HTTP 400)", failed.lastError());
        assertEquals(3, failed.attempts());
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        assertEquals("The state is one of pending, posted, failed, resolved, skipped.", assertThrows(
                ProblemException.class, () -> filter("stuck", null, null, null)).detail());
        assertTrue(assertThrows(ProblemException.class, () -> filter(null, "acme", null, null)).detail()
                .contains("customer"));
        assertTrue(assertThrows(ProblemException.class, () -> filter(null, null, "2026-13-01", null)).detail()
                .contains("from"));
        assertTrue(assertThrows(ProblemException.class, () -> filter(null, null, "2026-03-02", "2026-03-01"))
                .detail().contains("before"));
        ProblemException size = assertThrows(ProblemException.class,
                () -> Reconciliation.filter(tenant, null, null, null, null, null, "201"));
        assertEquals(400, size.status());
        assertTrue(size.detail().contains("size"));
    }

    @Test
    void retryPutsAStoppedRowBackInTheQueueAndIsAudited() throws Exception {
        writeback(acme, "a-failed", "failed", null, "Closed period", "2026-03-02");
        writeback(acme, "a-posted", "posted", "77", null, "2026-03-01");
        writeback(otherCustomer, "o-failed", "failed", null, "Closed period", "2026-03-02");

        WritebackRow retried = reconciliation.retry(admin, "a-failed");
        assertEquals("pending", retried.state());
        assertEquals(1L, count("SELECT count(*) FROM pay_writeback WHERE external_id = 'a-failed'"
                + " AND status = 'pending' AND next_attempt_at <= now()"), "due at once");
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action = 'pay.writeback_retried'"
                + " AND actor = 'admin@operator.example' AND detail->>'externalId' = 'a-failed'"
                + " AND detail->>'lastError' = 'Closed period' AND tenant_id = " + tenant));

        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.retry(admin, "a-posted"))
                .status(), "only a stopped row is retried");
        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.retry(admin, "a-failed"))
                .status(), "a second retry finds it pending");
        assertEquals(404, assertThrows(ProblemException.class, () -> reconciliation.retry(admin, "nothing"))
                .status());
        assertEquals(404, assertThrows(ProblemException.class, () -> reconciliation.retry(admin, "o-failed"))
                .status(), "another tenant's row is a 404 like a missing one");
        assertEquals("failed", single("SELECT status FROM pay_writeback WHERE external_id = 'o-failed'"));
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action LIKE 'pay.writeback%'"),
                "refusals write nothing");
    }

    @Test
    void markResolvedRecordsWhoAndTheNoteAndTheRowIsDone() throws Exception {
        writeback(acme, "a-failed", "failed", null, "Closed period", "2026-03-02");
        writeback(otherCustomer, "o-failed", "failed", null, "Closed period", "2026-03-02");

        assertEquals(400, assertThrows(ProblemException.class, () -> reconciliation.resolve(admin, "a-failed",
                "  ")).status(), "a note is required");
        assertEquals(400, assertThrows(ProblemException.class, () -> reconciliation.resolve(admin, "a-failed",
                "x".repeat(1001))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> reconciliation.resolve(admin, "o-failed",
                "made it by hand")).status());

        WritebackRow resolved = reconciliation.resolve(admin, "a-failed", " Customer payment 991 made by hand ");
        assertEquals("resolved", resolved.state());
        assertEquals("admin@operator.example", resolved.resolvedBy());
        assertEquals("Customer payment 991 made by hand", resolved.resolutionNote());
        assertEquals("Closed period", resolved.lastError(), "NetSuite's message is kept");
        assertEquals("failed", single("SELECT status FROM pay_writeback WHERE external_id = 'a-failed'"),
                "no worker claims it");
        assertEquals(List.of("a-failed"), ids(filter("resolved", null, null, null)));
        assertEquals(List.of(), ids(filter("failed", null, null, null)));
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action = 'pay.writeback_resolved'"
                + " AND detail->>'note' = 'Customer payment 991 made by hand'"));
        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.retry(admin, "a-failed"))
                .status(), "a resolved row is not posted again");
        assertEquals(409, assertThrows(ProblemException.class, () -> reconciliation.resolve(admin, "a-failed",
                "again")).status());
    }

    @Test
    void overdueCountsRowsWaitingLongerThanTheOperatorsThreshold() throws Exception {
        assertEquals(new Reconciliation.Overdue(0, 60), reconciliation.overdue(tenant), "60 minutes by default");
        writeback(acme, "old-pending", "pending", null, null, null);
        sql("UPDATE pay_writeback SET created_at = now() - interval '61 minutes'");
        writeback(acme, "new-pending", "pending", null, null, null);
        sql("UPDATE pay_writeback SET created_at = now() - interval '10 minutes' WHERE external_id = 'new-pending'");
        writeback(acme, "old-failed", "failed", null, "Closed period", null);
        writeback(acme, "old-posted", "posted", "1", null, null);
        writeback(acme, "old-resolved", "failed", null, "Closed period", null);
        sql("UPDATE pay_writeback SET created_at = now() - interval '2 hours' WHERE external_id LIKE 'old-%'"
                + " AND external_id <> 'old-pending'");
        sql("UPDATE pay_writeback SET resolved_at = now(), resolved_by = 'x', resolution_note = 'y'"
                + " WHERE external_id = 'old-resolved'");
        writeback(otherCustomer, "other-old", "pending", null, null, null);
        sql("UPDATE pay_writeback SET created_at = now() - interval '1 day' WHERE external_id = 'other-old'");

        assertEquals(new Reconciliation.Overdue(2, 60), reconciliation.overdue(tenant),
                "the old pending and the unresolved failed row");
        sql("INSERT INTO pay_writeback_settings (tenant_id, account_id, warn_after_minutes) VALUES (" + tenant
                + ", '1', 180)");
        assertEquals(new Reconciliation.Overdue(0, 180), reconciliation.overdue(tenant));
        sql("UPDATE pay_writeback_settings SET warn_after_minutes = 5");
        assertEquals(new Reconciliation.Overdue(3, 5), reconciliation.overdue(tenant));
    }

    @Test
    void thePostedCustomerPaymentLinksToItsRecordInTheAccountsNetSuite() throws Exception {
        writeback(acme, "a-posted", "posted", "77", null, null);
        writeback(acme, "a-pending", "pending", null, null, null);
        List<WritebackRow> rows = reconciliation.list(filter(null, null, null, null)).rows();
        WritebackRow posted = rows.get(1);
        assertEquals(Optional.of(URI.create(
                "https://123456-sb1.app.netsuite.com/app/accounting/transactions/custpymt.nl?id=77")),
                reconciliation.netsuiteUrl(posted));
        assertEquals(Optional.empty(), reconciliation.netsuiteUrl(rows.get(0)), "nothing posted yet");
        account.set(null);
        assertEquals(Optional.empty(), reconciliation.netsuiteUrl(posted), "no NetSuite connection");
        assertNull(rows.get(0).postedAt());
    }

    private static WritebackFilter filter(String state, String customer, String from, String to) {
        return Reconciliation.filter(tenant, state, customer, from, to, null, null);
    }

    private static List<String> ids(WritebackFilter filter) {
        return reconciliation.list(filter).rows().stream().map(WritebackRow::externalId).toList();
    }

    /** A succeeded payment of 100.00 USD and its write-back, made on {@code day} (UTC; today when null). */
    private static void writeback(long organization, String externalId, String status, String netsuiteId,
            String error, String day) throws Exception {
        String at = day == null ? "now()" : "TIMESTAMPTZ '" + LocalDate.parse(day) + " 12:00:00+00'";
        sql("WITH p AS (INSERT INTO pay_payment (public_id, tenant_id, organization_id, currency, invoices_amount,"
                + " total, status, processor, processor_account_id) SELECT gen_random_uuid(), tenant_id, id, 'USD',"
                + " 100, 100, 'succeeded', 'fake', 'acct' FROM organization WHERE id = " + organization
                + " RETURNING id, tenant_id)"
                + " INSERT INTO pay_writeback (payment_id, tenant_id, external_id, status, netsuite_id, attempts,"
                + " last_error, created_at, posted_at) SELECT id, tenant_id, '" + externalId + "', '" + status + "', "
                + (netsuiteId == null ? "NULL" : "'" + netsuiteId + "'") + ", 3, "
                + (error == null ? "NULL" : "'" + error + "'") + ", " + at + ", "
                + ("posted".equals(status) ? at : "NULL") + " FROM p");
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            return id(s, sql);
        }
    }

    private static String single(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
