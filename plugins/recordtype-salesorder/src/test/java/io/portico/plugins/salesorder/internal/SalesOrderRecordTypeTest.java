package io.portico.plugins.salesorder.internal;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesOrderRecordTypeTest {

    private final SalesOrderRecordType type = new SalesOrderRecordType();

    /** A sales order as the sandbox's SuiteQL answers it. */
    static TestRow header() {
        return TestRow.of("id", "100017", "lastmodified", "2025-01-10 08:30:00", "tranid", "SO1004",
                "trandate", "8/29/2024", "status", "B", "statuslabel", "Sales Order : Pending Fulfillment",
                "foreigntotal", "1942.53", "entity", "1005", "entityname", "C10004 Bluewater Foods Partners",
                "currencycode", "USD", "exchangerate", "1", "memo", "Rush order", "otherrefnum", "PO-7781",
                "terms", "2", "termsname", "Net 30", "subsidiary", "1", "subsidiaryname", "Portico Demo Inc.",
                "postingperiod", "21", "postingperiodname", "Aug 2024", "externalid", "so-1004",
                "email", "ap@bluewaterfoods.com", "createddate", "2024-08-29 09:15:00",
                "billingaddress", "Bluewater Foods\n1 Harbor Way\nPortland ME 04101");
    }

    static TestRow line(long id, String item, String quantity, String rate, String amount, String memo) {
        return TestRow.of("parentid", "100017", "lineid", Long.toString(id), "item", "209", "itemname", item,
                "itemtype", "InvtPart", "quantity", quantity, "rate", rate, "foreignamount", amount, "memo", memo,
                "isclosed", "F");
    }

    static List<SourceRow> lines() {
        return List.of(line(1, "HW-SCAN-100", "-9", "189", "-1701", "Barcode Scanner S100"),
                line(2, "SUB-PRO", "-1", "241.53", "-241.53", "Subscription - Professional (Monthly)"));
    }

    @Test
    void mapsTheOrderItsLinesAndItsAttributes() {
        SyncedRecord order = type.map(header(), lines());

        assertEquals(100017L, order.netsuiteId());
        assertEquals("1005", order.owner());
        assertEquals("SO1004", order.number());
        assertEquals(LocalDate.of(2024, 8, 29), order.date());
        assertNull(order.dueDate());
        assertEquals("pending-fulfillment", order.status());
        assertEquals(new BigDecimal("1942.53"), order.total());
        assertNull(order.amountRemaining(), "a sales order owes nothing by itself");
        assertEquals("USD", order.currency());
        Map<String, Object> a = order.attributes();
        assertEquals("B", a.get("statusCode"));
        assertEquals("Sales Order : Pending Fulfillment", a.get("statusLabel"));
        assertEquals("C10004 Bluewater Foods Partners", a.get("customer"));
        assertEquals("PO-7781", a.get("otherRefNum"));
        assertEquals("Net 30", a.get("terms"));
        assertEquals("Rush order", a.get("memo"));
        assertEquals("Bluewater Foods\n1 Harbor Way\nPortland ME 04101", a.get("billingAddress"));
        assertEquals(Instant.parse("2024-08-29T16:15:00Z").toString(), a.get("createdAt"));

        assertEquals(2, order.lines(LineQuery.ITEMS).size());
        SyncedLine first = order.lines(LineQuery.ITEMS).get(0);
        assertEquals(1L, first.lineId());
        assertEquals("HW-SCAN-100", first.item());
        assertEquals("Barcode Scanner S100", first.description());
        assertEquals(0, new BigDecimal("9").compareTo(first.quantity()), "NetSuite books sales lines negative");
        assertEquals(new BigDecimal("189"), first.rate());
        assertEquals(0, new BigDecimal("1701").compareTo(first.amount()));
        assertEquals("209", first.attributes().get("itemId"));
        assertEquals(false, first.attributes().get("closed"));
        BigDecimal sum = order.lines(LineQuery.ITEMS).stream().map(SyncedLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(order.total()), "the lines add up to the total");
    }

    @Test
    void everyNetSuiteStatusLetterHasAPorticoStatus() {
        Map<String, String> expected = Map.of("A", "pending-approval", "B", "pending-fulfillment", "C", "cancelled",
                "D", "partially-fulfilled", "E", "partially-fulfilled", "F", "pending-billing", "G", "billed",
                "H", "closed");
        expected.forEach((letter, status) ->
                assertEquals(status, type.map(header().with("status", letter), List.of()).status(), letter));
    }

    @Test
    void anUnknownStatusFailsTheRecordNamingTheLetter() {
        RecordMappingException e = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("status", "Z", "statuslabel", "Sales Order : Teleported"), lines()));
        assertEquals("status", e.column());
        assertEquals("Z", e.rawValue());
        assertTrue(e.getMessage().contains("'Z'") && e.getMessage().contains("SalesOrd"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsFailTheRecord() {
        for (String column : List.of("status", "entity", "trandate", "foreigntotal", "currencycode", "id")) {
            RecordMappingException e = assertThrows(RecordMappingException.class,
                    () -> type.map(header().with(column, null), lines()), column);
            assertEquals(column, e.column());
            assertEquals("'" + column + "' is missing", e.getMessage());
        }
    }

    @Test
    void valuesOfTheWrongTypeFailTheRecordNamingColumnAndValue() {
        assertWrong(header().with("foreigntotal", "1,942.53"), lines(), "foreigntotal");
        assertWrong(header().with("trandate", "2024-02-30"), lines(), "trandate");
        assertWrong(header().with("trandate", "yesterday"), lines(), "trandate");
        assertWrong(header().with("id", "SO1004"), lines(), "id");
        assertWrong(header().with("createddate", "soon"), lines(), "createddate");
        assertWrong(header(), List.of(line(1, "X", "many", "1", "-1", null)), "quantity");
        assertWrong(header(), List.of(line(1, "X", "-1", "1", "-1", null).with("isclosed", "maybe")), "isclosed");
        assertWrong(header(), List.of(line(1, "X", "-1", "1", "-1", null).with("lineid", "1.5")), "lineid");
    }

    @Test
    void htmlAndScriptInTextAreKeptVerbatimAsText() {
        String memo = "<script>alert('x')</script><b onmouseover=\"steal()\">Rush</b> & \"quotes\"";
        SyncedRecord order = type.map(header().with("memo", memo),
                List.of(line(1, "<img src=x onerror=alert(1)>", "-1", "5", "-5", "<iframe src=//evil>")));
        assertEquals(memo, order.attributes().get("memo"));
        assertEquals("<img src=x onerror=alert(1)>", order.lines(LineQuery.ITEMS).get(0).item());
        assertEquals("<iframe src=//evil>", order.lines(LineQuery.ITEMS).get(0).description());
    }

    @Test
    void oversizedValuesFailTheRecordWithAClearMessage() {
        RecordMappingException memo = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("memo", "x".repeat(70_000)), lines()));
        assertEquals("'memo' has 70000 characters, more than 65536", memo.getMessage());

        RecordMappingException number = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("tranid", "S".repeat(201)), lines()));
        assertEquals("'number' has 201 characters, more than 200", number.getMessage());

        RecordMappingException total = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("foreigntotal", "1000000000000000"), lines()));
        assertTrue(total.getMessage().startsWith("'total' holds '1000000000000000'"), total.getMessage());

        List<SourceRow> many = new ArrayList<>();
        for (int i = 1; i <= 10_001; i++) {
            many.add(line(i, "X", "-1", "1", "-1", null));
        }
        RecordMappingException lines = assertThrows(RecordMappingException.class, () -> type.map(header(), many));
        assertEquals("the record has 10001 lines, more than 10000", lines.getMessage());
    }

    @Test
    void malformedCurrencyAndRepeatedLinesFailTheRecord() {
        RecordMappingException currency = assertThrows(RecordMappingException.class,
                () -> type.map(header().with("currencycode", "US Dollar"), lines()));
        assertEquals("currency", currency.column());

        RecordMappingException twice = assertThrows(RecordMappingException.class, () -> type.map(header(),
                List.of(line(1, "A", "-1", "1", "-1", null), line(1, "B", "-1", "1", "-1", null))));
        assertEquals("line 1 appears twice in the line list 'items'", twice.getMessage());
    }

    @Test
    void queriesSalesOrdersAndTheirItemLines() {
        SyncQuery query = type.query();
        assertEquals("transaction", query.table());
        assertEquals("t.type = 'SalesOrd'", query.where());
        assertTrue(query.columns().contains("BUILTIN.DF(t.billingaddress) AS billingaddress"));
        assertEquals("t.trandate", query.windowDate());
        assertEquals("t.subsidiary", query.subsidiary());
        assertEquals("transactionline", query.lines(LineQuery.ITEMS).table());
        assertEquals("tl.mainline = 'F' AND tl.taxline = 'F'", query.lines(LineQuery.ITEMS).where());
        assertTrue(query == type.query(), "the engine gets the same instance every time");
    }

    @Test
    void describesSalesOrdersForThePortal() {
        assertEquals("Sales orders", type.descriptor().label());
        assertEquals("salesorder", type.descriptor().netsuiteRecord());
        assertEquals(RecordCategory.TRANSACTION, type.descriptor().category());
        assertEquals("number", type.descriptor().listColumns().get(0).key());
    }

    private void assertWrong(SourceRow header, List<SourceRow> lines, String column) {
        RecordMappingException e = assertThrows(RecordMappingException.class, () -> type.map(header, lines), column);
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(column), e.getMessage());
    }
}
