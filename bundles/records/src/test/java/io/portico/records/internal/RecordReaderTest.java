package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RelatedRecord;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The record-read service against PostgreSQL: scope, search, sort, filters, sums, related records, dashboard. */
class RecordReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final RecordTypeDescriptor INVOICES = new RecordTypeDescriptor("Invoices", "invoice",
            RecordCategory.TRANSACTION, List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Invoice #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS),
                    new FieldDescriptor("otherRefNum", "PO #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Amount due", FieldType.MONEY)),
            List.of(), 10);
    private static final RecordTypeDescriptor PAYMENTS = new RecordTypeDescriptor("Payments", "customerpayment",
            RecordCategory.TRANSACTION, List.of(new FieldDescriptor(RecordFields.NUMBER, "Payment #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE)), List.of(), 30);

    private static TestDatabase db;
    private static RecordReaderImpl reader;
    private static long tenant;
    private static long acme;
    private static long globex;

    @BeforeAll
    static void syncedRecords() throws Exception {
        db = TestDatabase.create();
        reader = new RecordReaderImpl(db.database().sessionFactory(RecordMapper.class), type -> Optional.ofNullable(
                Map.of("invoice", INVOICES, "customerpayment", PAYMENTS).get(type)),
                (type, key) -> "invoice".equals(type) && RecordFields.STATUS.equals(key) ? STATUS_NAMES : Map.of());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            acme = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
            globex = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Globex', '200') RETURNING id");
            // Acme: 30 invoices over two currencies, some paid, some overdue; one archived; a payment applied to two.
            for (int i = 1; i <= 30; i++) {
                String currency = i % 10 == 0 ? "EUR" : "USD";
                String remaining = i % 3 == 0 ? "0" : String.valueOf(i * 10);
                s.execute(transaction(acme, "invoice", 1000 + i, "INV-" + (1000 + i), "2026-0" + (1 + i % 6) + "-1"
                        + (i % 9), "2026-06-" + (10 + i % 20), i % 3 == 0 ? "paid" : "open", i * 10 + ".00", remaining,
                        currency, "{\"otherRefNum\":\"PO-" + (i % 4) + "\",\"note\":\"<b>bold</b>\"}"));
            }
            s.execute(transaction(acme, "invoice", 1999, "INV-ARCHIVED", "2026-06-01", "2026-06-01", "open", "5", "5",
                    "USD", "{}").replace("NULL, 0, 0)", "now(), 0, 0)"));
            s.execute(transaction(acme, "customerpayment", 5001, "PAY-1", "2026-06-20", null, "deposited", "30", "5",
                    "USD", "{}"));
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " amount) SELECT t.id, 'applications', l.id, t.tenant_id, t.organization_id, l.amount FROM ns_transaction t,"
                    + " (VALUES (1001, 10), (1002, 15)) AS l(id, amount) WHERE t.netsuite_id = 5001");
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " item, quantity, rate, amount) SELECT id, 'items', 1, tenant_id, organization_id, 'Widget', 2, 5,"
                    + " 10 FROM ns_transaction WHERE netsuite_id = 1001");
            // Globex: one invoice, and a payment that names Acme's invoice in its applications (it must not show).
            s.execute(transaction(globex, "invoice", 2001, "INV-G1", "2026-06-01", "2026-06-15", "open", "99", "99",
                    "USD", "{}"));
            s.execute(transaction(globex, "customerpayment", 6001, "PAY-G", "2026-06-20", null, "deposited", "1", "0",
                    "USD", "{}"));
            s.execute("INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id,"
                    + " amount) SELECT id, 'applications', 1001, tenant_id, organization_id, 1 FROM ns_transaction"
                    + " WHERE netsuite_id = 6001");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static String transaction(long organization, String type, long netsuiteId, String number, String date,
            String due, String status, String total, String remaining, String currency, String attributes) {
        return "INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number, record_date,"
                + " due_date, status, total, amount_remaining, currency, last_modified, attributes, archived_at,"
                + " content_hash, sync_generation) VALUES (" + tenant + ", " + organization + ", '" + type + "', "
                + netsuiteId + ", '" + number + "', '" + date + "', " + (due == null ? "NULL" : "'" + due + "'")
                + ", '" + status + "', " + total + ", " + remaining + ", '" + currency + "', '" + date
                + "T12:00:00Z', '" + attributes + "', NULL, 0, 0)";
    }

    /** The operator's names for invoice statuses: they sort the other way round from the raw values. */
    private static final Map<String, String> STATUS_NAMES = Map.of("open", "Awaiting payment", "paid", "Approved");

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static DataScope customer(long organization) {
        return new DataScope(tenant, organization);
    }

    private static RecordQuery query(String search, String sort, boolean descending, String status, int page,
            int size) {
        return new RecordQuery(search, sort, descending, status, null, null, page, size);
    }

    @Test
    void aCustomerListsOnlyItsOwnLiveRecordsWithCountsAndSumsPerCurrency() {
        RecordPage page = reader.list(customer(acme), "invoice", query(null, null, true, null, 1, 25));
        assertEquals(30, page.totalCount());
        assertEquals(25, page.records().size());
        assertTrue(page.records().stream().allMatch(r -> r.organizationId() == acme));
        assertEquals(List.of("open", "paid"), page.statuses());
        assertEquals(2, page.sums().size());
        BigDecimal usdTotal = page.sums().stream().filter(s -> "USD".equals(s.currency())).findFirst().orElseThrow()
                .total();
        assertEquals(0, usdTotal.compareTo(BigDecimal.valueOf((465 - 60) * 10L)), usdTotal.toString());
        assertEquals(5, reader.list(customer(acme), "invoice", query(null, null, true, null, 2, 25)).records().size());
        assertEquals(0, reader.list(customer(acme), "invoice", query(null, null, true, null, 9, 25)).records().size());
        assertEquals(1, reader.list(customer(globex), "invoice", RecordQuery.all()).totalCount());
        assertEquals(31, reader.list(new DataScope(tenant, null), "invoice", RecordQuery.all()).totalCount());
    }

    @Test
    void searchSortAndFiltersUseTheListColumnsOnly() {
        assertEquals(List.of("INV-1010"), numbers(reader.list(customer(acme), "invoice",
                query("inv-1010", null, true, null, 1, 25))));
        assertEquals(8, reader.list(customer(acme), "invoice", query("PO-1", null, true, null, 1, 25)).totalCount());
        assertEquals(0, reader.list(customer(acme), "invoice", query("%", null, true, null, 1, 25)).totalCount());
        assertEquals(0, reader.list(customer(acme), "invoice", query("INV-G1", null, true, null, 1, 25)).totalCount());
        assertEquals(10, reader.list(customer(acme), "invoice", query(null, null, true, "paid", 1, 25)).totalCount());
        List<Record> byTotal = reader.list(customer(acme), "invoice", query(null, "total", false, null, 1, 3))
                .records();
        assertEquals(List.of("INV-1001", "INV-1002", "INV-1003"), byTotal.stream().map(Record::number).toList());
        assertEquals("INV-1030", reader.list(customer(acme), "invoice", query(null, "total", true, null, 1, 1))
                .records().get(0).number());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> reader.list(
                customer(acme), "invoice", query(null, "attributes; DROP TABLE x", true, null, 1, 25)));
        assertTrue(unknown.getMessage().startsWith("sort:"), unknown.getMessage());
        assertEquals(5, reader.list(customer(acme), "invoice", new RecordQuery(null, null, true, null,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), 1, 25)).totalCount());
    }

    @Test
    void aSearchFindsRawValuesByTheirDisplayValuesAndASortFollowsThem() {
        RecordPage approved = reader.list(customer(acme), "invoice", query("approv", null, true, null, 1, 25));
        assertEquals(10, approved.totalCount());
        assertTrue(approved.records().stream().allMatch(r -> "paid".equals(r.status())));
        assertEquals(0, reader.list(customer(globex), "invoice", query("Approved", null, true, null, 1, 25))
                .totalCount(), "still within the scope");
        assertEquals(1, reader.list(customer(acme), "invoice", query("1001", null, true, null, 1, 25)).totalCount(),
                "the raw search still works beside it");
        assertEquals("paid", reader.list(customer(acme), "invoice", query(null, "status", false, null, 1, 1))
                .records().get(0).status(), "Approved before Awaiting payment");
        assertEquals("open", reader.list(customer(acme), "invoice", query(null, "status", true, null, 1, 1))
                .records().get(0).status());
    }

    @Test
    void anExportStreamsEveryMatchingRecordInOrder() {
        List<String> all = new ArrayList<>();
        reader.forEach(customer(acme), "invoice", query(null, "total", true, "open", 1, 1),
                r -> all.add(r.number()));
        assertEquals(20, all.size());
        assertEquals("INV-1029", all.get(0));
    }

    @Test
    void aDetailHasItsLinesAndTheRecordsLinkedBothWaysWithinTheScope() {
        RecordDetail invoice = reader.find(customer(acme), "invoice", 1001).orElseThrow();
        assertEquals("Widget", invoice.lines().get("items").get(0).item());
        List<RelatedRecord> payments = invoice.related();
        assertEquals(1, payments.size(), payments.toString());
        assertEquals("PAY-1", payments.get(0).record().number());
        assertEquals(RecordReaderImpl.APPLIED_BY, payments.get(0).relation());
        assertEquals(0, payments.get(0).amount().compareTo(BigDecimal.TEN));

        RecordDetail payment = reader.find(customer(acme), "customerpayment", 5001).orElseThrow();
        assertEquals(List.of("INV-1001", "INV-1002"), payment.related().stream()
                .filter(r -> r.relation().equals(RecordReaderImpl.APPLIED_TO)).map(r -> r.record().number()).sorted()
                .toList());

        assertTrue(reader.find(customer(globex), "invoice", 1001).isEmpty(), "another customer's invoice");
        assertTrue(reader.find(customer(acme), "invoice", 1999).isEmpty(), "an archived invoice");
        assertTrue(reader.find(customer(acme), "customerpayment", 1001).isEmpty(), "an id of another type");
    }

    @Test
    void theDashboardAddsUpWhatIsOwedPerCurrencyAndAgesIt() {
        Dashboard dashboard = reader.dashboard(customer(acme), TODAY);
        Dashboard.Balance usd = dashboard.balances().stream().filter(b -> "USD".equals(b.currency())).findFirst()
                .orElseThrow();
        // Open USD invoices: i not divisible by 3 or 10, remaining i*10.
        long open = 0;
        long overdue = 0;
        for (int i = 1; i <= 30; i++) {
            if (i % 3 != 0 && i % 10 != 0) {
                open += i * 10L;
                if (10 + i % 20 < 30) {
                    overdue += i * 10L;
                }
            }
        }
        assertEquals(0, usd.open().compareTo(BigDecimal.valueOf(open)), usd.toString());
        assertEquals(0, usd.overdue().compareTo(BigDecimal.valueOf(overdue)), usd.toString());
        assertEquals(0, usd.unappliedCredits().compareTo(BigDecimal.valueOf(5)));
        assertEquals(5, usd.aging().size());
        assertEquals(0, usd.aging().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(usd.open()));
        assertEquals(2, dashboard.balances().size());
        assertTrue(dashboard.recentActivity().stream().allMatch(r -> r.organizationId() == acme));
        assertTrue(dashboard.mostOverdue().isEmpty());

        Dashboard operator = reader.dashboard(new DataScope(tenant, null), TODAY);
        assertEquals("Acme", operator.mostOverdue().get(0).organizationName());
    }

    private static List<String> numbers(RecordPage page) {
        return page.records().stream().map(Record::number).toList();
    }
}
