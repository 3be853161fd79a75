package io.portico.api.recordtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record type's named line lists: declared in its query, mapped from tagged rows, kept apart in its records. */
class LineListsTest {

    /** A credit memo as a partner would write it: the standard item lines plus the invoices it was applied to. */
    static final class Credits extends TransactionRecordType {
        Credits() {
            super("CustCred", Map.of("A", "open"));
        }

        @Override
        public RecordTypeDescriptor descriptor() {
            return null;
        }

        @Override
        protected int lineSign() {
            return 1;
        }

        @Override
        protected void select(SyncQuery.Builder query) {
            query.lines(LineQuery.builder("nexttransactionlinelink", "ntll", "ntll.nextdoc").name("applications")
                    .lineId("ntll.previousdoc").select("ntll.foreignamount").build());
        }

        @Override
        protected SyncedLine mapLine(String list, SourceRow line) {
            if (!list.equals("applications")) {
                return super.mapLine(list, line);
            }
            return SyncedLine.builder(line.requireLong(LineQuery.LINE_ID))
                    .amount(line.requireDecimal("foreignamount").abs()).build();
        }
    }

    private static MapRow header() {
        return new MapRow("id", "9", "tranid", "CM9", "trandate", "2026-01-10", "status", "A", "foreigntotal",
                "-50.00", "entity", "1001", "currencycode", "USD");
    }

    @Test
    void aLineQueryIsTheItemListUnlessNamedAndNamesAreLowerCaseIdentifiers() {
        assertEquals(LineQuery.ITEMS, LineQuery.builder("transactionline", "tl", "tl.transaction").build().name());
        assertEquals("applied_to_2", LineQuery.builder("transactionline", "tl", "tl.transaction")
                .name("applied_to_2").build().name());
        for (String bad : new String[] {null, "", "Items", "2items", "items list", "items;", "_items",
                "x".repeat(41)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> LineQuery.builder("transactionline", "tl", "tl.transaction").name(bad), String.valueOf(bad));
        }
    }

    @Test
    void aQueryHasItsLineListsInOrderAndRefusesTwoOfOneName() {
        SyncQuery q = new Credits().query();
        assertEquals(List.of("items", "applications"), q.lineQueries().stream().map(LineQuery::name).toList());
        assertEquals("transactionline", q.lines("items").table());
        assertEquals("ntll.previousdoc", q.lines("applications").lineId());
        assertNull(q.lines("payments"));

        LineQuery items = LineQuery.builder("transactionline", "tl", "tl.transaction").build();
        SyncQuery.Builder b = SyncQuery.builder("transaction", "t").lines(items);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> b.lines(
                LineQuery.builder("transactionline", "tl2", "tl2.transaction").build()));
        assertTrue(twice.getMessage().contains("'items'"), twice.getMessage());
        assertTrue(SyncQuery.builder("customer", "c").lines(null).build().lineQueries().isEmpty());
    }

    @Test
    void aLineIdMayRecurInAnotherListButNotInItsOwn() {
        SyncedRecord r = SyncedRecord.builder(1)
                .line(SyncedLine.builder(7).item("SVC").build())
                .line("applications", SyncedLine.builder(7).item("INV7").build())
                .line(SyncedLine.builder(8).item("HW").build())
                .build();
        assertEquals(List.of("items", "applications"), List.copyOf(r.lineLists().keySet()));
        assertEquals(List.of("SVC", "HW"), r.lines("items").stream().map(SyncedLine::item).toList());
        assertEquals(List.of("INV7"), r.lines("applications").stream().map(SyncedLine::item).toList());
        assertTrue(r.lines("payments").isEmpty());

        RecordMappingException twice = assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1)
                .line("applications", SyncedLine.builder(7).build())
                .line("applications", SyncedLine.builder(7).build()).build());
        assertEquals("line 7 appears twice in the line list 'applications'", twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SyncedRecord.builder(1).line("Applications", SyncedLine.builder(7).build()));
    }

    @Test
    void theLineLimitCountsEveryList() {
        SyncedRecord.Builder b = SyncedRecord.builder(1);
        for (int i = 0; i < SyncedRecord.MAX_LINES / 2; i++) {
            b.line(SyncedLine.builder(i).build()).line("applications", SyncedLine.builder(i).build());
        }
        assertEquals(SyncedRecord.MAX_LINES, b.build().lineLists().values().stream().mapToInt(List::size).sum());
        b.line("applications", SyncedLine.builder(-1).build());
        RecordMappingException e = assertThrows(RecordMappingException.class, b::build);
        assertTrue(e.getMessage().contains("more than " + SyncedRecord.MAX_LINES), e.getMessage());
    }

    @Test
    void aTransactionMapsEachRowByTheListItCameFrom() {
        SyncedRecord r = new Credits().map(header(), List.of(
                new MapRow("parentid", "9", "lineid", "1", "linelist", "items", "itemname", "SVC", "quantity", "1",
                        "rate", "50", "foreignamount", "50", "memo", "Service credit"),
                new MapRow("parentid", "9", "lineid", "5", "linelist", "applications", "foreignamount", "-50")));
        SyncedLine item = r.lines("items").get(0);
        assertEquals("SVC", item.item());
        assertEquals(0, new BigDecimal("50").compareTo(item.amount()));
        assertEquals("Service credit", item.description());
        SyncedLine applied = r.lines("applications").get(0);
        assertEquals(5, applied.lineId());
        assertNull(applied.item());
        assertEquals(0, new BigDecimal("50").compareTo(applied.amount()));

        // Rows without the engine's list column are item lines, as before there were several lists.
        assertEquals(1, new Credits().map(header(), List.of(new MapRow("parentid", "9", "lineid", "1",
                "itemname", "SVC"))).lines("items").size());
        IllegalStateException unmapped = assertThrows(IllegalStateException.class, () -> new Credits().map(header(),
                List.of(new MapRow("parentid", "9", "lineid", "1", "linelist", "shipments"))));
        assertTrue(unmapped.getMessage().contains("'shipments'"), unmapped.getMessage());
    }

    @Test
    void theListColumnIsNotCopiedIntoAttributes() {
        SyncedRecord r = SyncedRecord.builder(1).attributesFrom(new MapRow("parentid", "1", "lineid", "2",
                "linelist", "items", "memo", "m")).build();
        assertEquals(Map.of("memo", "m"), r.attributes());
    }
}
