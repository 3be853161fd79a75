package io.portico.plugins.creditmemo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class CreditMemoRecordTypeTest {

    private final CreditMemoRecordType type = new CreditMemoRecordType();

    /** A credit of 1500.00, 1230.17 of it applied to one invoice, as the sandbox's SuiteQL answers it. */
    static TestRow header() {
        return TestRow.of("id", "100015", "lastmodified", "2024-08-28 10:00:00", "tranid", "CM1003",
                "trandate", "8/28/2024", "status", "A", "statuslabel", "Credit Memo : Open",
                "foreigntotal", "1500.00", "foreignamountunpaid", "269.83", "entity", "1004",
                "entityname", "C10003 Cedar Builders Partners", "currencycode", "EUR", "exchangerate", "1.0825",
                "memo", "Service credit", "createdfrom", "100014", "createdfromname", "Invoice #INV1003",
                "applied", "1230.17", "unapplied", "269.83");
    }

    /** A credited item line as SuiteQL's transactionline has it: a credit memo's lines take income back (+). */
    static TestRow item(long line, String item, String quantity, String rate, String amount) {
        return TestRow.of("parentid", "100015", "lineid", Long.toString(line), "linelist", "items", "item", "203",
                "itemname", item, "itemtype", "Service", "quantity", quantity, "rate", rate, "foreignamount", amount,
                "memo", "Training day not held", "isclosed", "F");
    }

    static TestRow application(long invoiceId, String number, String amount) {
        return TestRow.of("parentid", "100015", "lineid", Long.toString(invoiceId), "linelist", "applications",
                "foreignamount", amount, "invoicenumber", number, "invoicedate", "8/22/2024",
                "invoicetotal", "4393.46");
    }

    @Test
    void mapsTheCreditMemoWhatWasCreditedAndTheInvoicesItWasAppliedTo() {
        SyncedRecord memo = type.map(header(), List.of(item(1, "SVC-TRAIN", "2", "750.00", "1500.00"),
                application(100014, "INV1003", "1230.17")));

        assertEquals(100015L, memo.netsuiteId());
        assertEquals("1004", memo.owner());
        assertEquals("CM1003", memo.number());
        assertEquals(LocalDate.of(2024, 8, 28), memo.date());
        assertEquals("open", memo.status());
        assertEquals(new BigDecimal("1500.00"), memo.total());
        assertEquals(new BigDecimal("269.83"), memo.amountRemaining());
        assertEquals("EUR", memo.currency());
        Map<String, Object> a = memo.attributes();
        assertEquals(new BigDecimal("1230.17"), a.get("applied"));
        assertEquals(new BigDecimal("1.0825"), a.get("exchangeRate"));
        assertEquals("Invoice #INV1003", a.get("createdFrom"));
        assertEquals("100014", a.get("createdFromId"));
        assertEquals("Service credit", a.get("memo"));

        assertEquals(List.of("items", CreditMemoRecordType.APPLICATIONS), List.copyOf(memo.lineLists().keySet()));
        SyncedLine credited = memo.lines("items").get(0);
        assertEquals(1L, credited.lineId());
        assertEquals("SVC-TRAIN", credited.item());
        assertEquals("Training day not held", credited.description());
        assertEquals(new BigDecimal("2"), credited.quantity());
        assertEquals(new BigDecimal("750.00"), credited.rate());
        assertEquals(new BigDecimal("1500.00"), credited.amount());
        assertEquals("203", credited.attributes().get("itemId"));

        SyncedLine line = memo.lines(CreditMemoRecordType.APPLICATIONS).get(0);
        assertEquals(100014L, line.lineId());
        assertEquals("INV1003", line.item());
        assertEquals(new BigDecimal("1230.17"), line.amount());
        assertEquals("100014", line.attributes().get("invoiceId"));
    }

    @Test
    void amountsArePositiveAsTheCustomerReadsThem() {
        SyncedRecord memo = type.map(header().with("foreigntotal", "-1500.00", "foreignamountunpaid", "-269.83",
                "applied", "-1230.17"), List.of(item(1, "SVC-TRAIN", "2", "750.00", "1500.00"),
                item(2, "DISCOUNT", null, null, "-150.00"),
                application(100014, "INV1003", "-1230.17")));
        assertEquals(new BigDecimal("1500.00"), memo.total());
        assertEquals(new BigDecimal("269.83"), memo.amountRemaining());
        assertEquals(new BigDecimal("1230.17"), memo.attributes().get("applied"));
        assertEquals(new BigDecimal("1230.17"), memo.lines(CreditMemoRecordType.APPLICATIONS).get(0).amount());
        List<SyncedLine> items = memo.lines("items");
        assertEquals(new BigDecimal("2"), items.get(0).quantity(), "not flipped as an invoice's lines are");
        assertEquals(new BigDecimal("1500.00"), items.get(0).amount());
        assertEquals(new BigDecimal("-150.00"), items.get(1).amount(), "a discount takes off the credit");
    }

    @Test
    void anItemLineAndAnApplicationMayShareAnIdButTwoApplicationsMayNot() {
        SyncedRecord memo = type.map(header(), List.of(item(100014, "SVC-TRAIN", "1", "1500.00", "1500.00"),
                application(100014, "INV1003", "1230.17")));
        assertEquals(100014L, memo.lines("items").get(0).lineId());
        assertEquals(100014L, memo.lines(CreditMemoRecordType.APPLICATIONS).get(0).lineId());
        RecordMappingException twice = assertThrows(RecordMappingException.class, () -> type.map(header(),
                List.of(application(100014, "INV1003", "1000.00"), application(100014, "INV1003", "230.17"))));
        assertEquals("line 100014 appears twice in the line list 'applications'", twice.getMessage());
    }

    @Test
    void theUnappliedAmountStandsInWhenTheAmountRemainingIsMissing() {
        SyncedRecord memo = type.map(header().with("foreignamountunpaid", null), List.of());
        assertEquals(new BigDecimal("269.83"), memo.amountRemaining());
    }

    @Test
    void everyNetSuiteStatusLetterHasAPorticoStatus() {
        Map.of("A", "open", "B", "fully-applied", "V", "voided").forEach((letter, status) ->
                assertEquals(status, type.map(header().with("status", letter), List.of()).status(), letter));
    }

    @Test
    void anUnknownStatusFailsTheRecord() {
        RecordMappingException e = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("status", "Fully Applied"), List.of()));
        assertEquals("status", e.column());
        assertTrue(e.getMessage().startsWith("'status' holds 'Fully Applied', which is not a known status of "
                + "CustCred"), e.getMessage());
    }

    @Test
    void missingAndMalformedValuesFailTheRecord() {
        for (String column : List.of("status", "entity", "trandate", "foreigntotal", "currencycode")) {
            RecordMappingException e = assertThrows(RecordMappingException.class,
                    () -> type.map(header().with(column, null), List.of()), column);
            assertEquals(column, e.column());
        }
        assertWrong(header().with("foreigntotal", "1.500,00"), "foreigntotal");
        assertWrong(header().with("foreignamountunpaid", "none"), "foreignamountunpaid");
        assertWrong(header().with("exchangerate", "1/1"), "exchangerate");
        assertWrong(header().with("currencycode", "€"), "currency");
    }

    @Test
    void htmlInTheMemoIsKeptVerbatimAndOversizedTextFails() {
        String html = "<a href=\"javascript:alert(1)\">Refund</a>";
        assertEquals(html, type.map(header().with("memo", html), List.of()).attributes().get("memo"));
        RecordMappingException big = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("createdfromname", "x".repeat(100_000)), List.of()));
        assertEquals("createdFrom", big.column());
    }

    @Test
    void queriesCreditMemosTheirItemLinesAndTheirApplicationLinks() {
        SyncQuery query = type.query();
        assertEquals("t.type = 'CustCred'", query.where());
        assertEquals(List.of("items", CreditMemoRecordType.APPLICATIONS),
                query.lineQueries().stream().map(LineQuery::name).toList());
        LineQuery items = query.lines("items");
        assertEquals("transactionline", items.table());
        assertEquals("tl.mainline = 'F' AND tl.taxline = 'F'", items.where());
        LineQuery lines = query.lines(CreditMemoRecordType.APPLICATIONS);
        assertEquals("nexttransactionlinelink", lines.table());
        assertEquals("ntll.previousdoc", lines.lineId());
        assertEquals(RecordCategory.TRANSACTION, type.descriptor().category());
        assertEquals("creditmemo", type.descriptor().netsuiteRecord());
    }

    private void assertWrong(SourceRow header, String column) {
        RecordMappingException e = assertThrows(RecordMappingException.class, () -> type.map(header, List.of()),
                column);
        assertEquals(column, e.column(), e.getMessage());
    }
}
