package io.portico.api.recordtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTypeBasesTest {

    /** A partner's custom record: the whole plugin class, as a partner writes it. */
    static final class Warranty extends CustomRecordType {
        Warranty() {
            super("Warranty claims", "customrecord_warranty", 300);
        }

        @Override
        protected void select(SyncQuery.Builder query) {
            query.select("r.custrecord_customer AS customer", "r.custrecord_amount AS amount",
                    "r.custrecord_serial AS serial");
        }

        @Override
        protected void map(SourceRow row, SyncedRecord.Builder record) {
            record.owner(row.requireString("customer")).total(row.getDecimal("amount")).currency("USD");
        }
    }

    static final class Invoices extends TransactionRecordType {
        Invoices() {
            super("CustInvc", Map.of("A", "open", "B", "paid"));
        }

        @Override
        public RecordTypeDescriptor descriptor() {
            return null;
        }
    }

    @Test
    void aCustomRecordKeepsTheColumnsItDidNotReadAsAttributes() {
        Warranty w = new Warranty();
        assertEquals("customrecord_warranty", w.descriptor().netsuiteRecord());
        assertEquals(RecordCategory.CUSTOM, w.descriptor().category());
        SyncQuery q = w.query();
        assertEquals("r.lastmodified", q.lastModified());
        assertEquals(List.of("r.name", "r.isinactive", "r.custrecord_customer AS customer",
                "r.custrecord_amount AS amount", "r.custrecord_serial AS serial"), q.columns());
        SyncedRecord r = w.map(new MapRow("id", "12", "lastmodified", "2026-01-15 10:00:00", "name", "Claim 12",
                "isinactive", "F", "customer", "1001", "amount", "99.50", "serial", "SN-1"), List.of());
        assertEquals(12, r.netsuiteId());
        assertEquals("Claim 12", r.name());
        assertEquals("active", r.status());
        assertEquals("1001", r.owner());
        assertEquals(new BigDecimal("99.50"), r.total());
        assertEquals(Map.of("serial", "SN-1"), r.attributes());
        assertThrows(RecordMappingException.class, () -> w.map(new MapRow("id", "13", "name", "x"), List.of()));
    }

    @Test
    void aTransactionMapsTheStandardFieldsAndFlipsLineSigns() {
        Invoices invoices = new Invoices();
        SyncQuery q = invoices.query();
        assertEquals("t.type = 'CustInvc'", q.where());
        assertEquals(List.of(LineQuery.ITEMS), q.lineQueries().stream().map(LineQuery::name).toList());
        SyncedRecord r = invoices.map(new MapRow("id", "5", "tranid", "INV5", "trandate", "2026-01-10", "duedate",
                "2026-02-09", "status", "A", "statuslabel", "Invoice : Open", "foreigntotal", "300.00",
                "foreignamountunpaid", "300.00", "entity", "1001", "currencycode", "USD", "memo", "<b>hi</b>"),
                List.of(new MapRow("parentid", "5", "lineid", "1", "itemname", "SVC", "quantity", "-3", "rate",
                        "100", "foreignamount", "-300", "memo", "Service", "isclosed", "F")));
        assertEquals("open", r.status());
        assertEquals(LocalDate.parse("2026-02-09"), r.dueDate());
        assertEquals("1001", r.owner());
        assertEquals("<b>hi</b>", r.attributes().get("memo"));
        SyncedLine line = r.lines(LineQuery.ITEMS).get(0);
        assertEquals(0, new BigDecimal("3").compareTo(line.quantity()));
        assertEquals(0, new BigDecimal("300").compareTo(line.amount()));
        assertEquals(false, line.attributes().get("closed"));
        RecordMappingException unknown = assertThrows(RecordMappingException.class, () -> invoices.map(
                new MapRow("id", "6", "status", "Z", "entity", "1", "trandate", "2026-01-01", "foreigntotal", "1",
                        "currencycode", "USD"), List.of()));
        assertTrue(unknown.getMessage().contains("[A, B]"), unknown.getMessage());
        assertThrows(RecordMappingException.class, () -> invoices.map(new MapRow("id", "7", "status", "A",
                "trandate", "2026-01-01", "foreigntotal", "1", "currencycode", "USD"), List.of()), "no entity");
        assertFalse(q.columns().isEmpty());
    }

    @Test
    void queryPiecesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SyncQuery.builder("bad table", "t"));
        assertThrows(IllegalArgumentException.class, () -> SyncQuery.builder("transaction", "t").where("1=1; x"));
        assertThrows(IllegalArgumentException.class, () -> new TransactionRecordType("Cust'Invc", Map.of()) {
            @Override
            public RecordTypeDescriptor descriptor() {
                return null;
            }
        });
    }
}
