package io.portico.plugins.invoice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.MapRow;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SyncedRecord;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceRecordTypeTest {

    private final InvoiceRecordType invoices = new InvoiceRecordType();

    @Test
    void describesInvoices() {
        assertEquals("invoice", invoices.descriptor().netsuiteRecord());
        assertEquals(RecordCategory.TRANSACTION, invoices.descriptor().category());
        assertEquals("CustInvc", invoices.typeCode());
        assertTrue(invoices.query().columns().contains("t.foreignamountpaid"));
    }

    @Test
    void mapsAPartlyPaidInvoiceWithItsLines() {
        SyncedRecord r = invoices.map(new MapRow("id", "100018", "lastmodified", "2025-01-02 03:04:05", "tranid",
                "INV1004", "trandate", "2024-08-03", "duedate", "2024-09-02", "status", "A", "statuslabel",
                "Invoice : Open", "foreigntotal", "1942.53", "foreignamountunpaid", "942.53", "foreignamountpaid",
                "1000.00", "entity", "1005", "entityname", "C10004 Acme", "currencycode", "USD", "terms", "2",
                "termsname", "Net 30", "billingaddress", "Acme\n1 Main St"), List.of(
                new MapRow("parentid", "100018", "lineid", "1", "item", "209", "itemname", "HW-SCAN-100", "quantity",
                        "-9", "rate", "189", "foreignamount", "-1701", "memo", "Barcode Scanner S100"),
                new MapRow("parentid", "100018", "lineid", "2", "itemname", "SUB-PRO", "quantity", "-1", "rate",
                        "241.53", "foreignamount", "-241.53")));
        assertEquals("INV1004", r.number());
        assertEquals("open", r.status());
        assertEquals("1005", r.owner());
        assertEquals(new BigDecimal("942.53"), r.amountRemaining());
        assertEquals(new BigDecimal("1000.00"), r.attributes().get("amountPaid"));
        assertEquals("Net 30", r.attributes().get("terms"));
        assertEquals("Acme\n1 Main St", r.attributes().get("billingAddress"));
        assertEquals(2, r.lines(LineQuery.ITEMS).size());
        assertEquals(0, new BigDecimal("9").compareTo(r.lines(LineQuery.ITEMS).get(0).quantity()));
        assertEquals(0, new BigDecimal("1701").compareTo(r.lines(LineQuery.ITEMS).get(0).amount()));
        assertEquals("209", r.lines(LineQuery.ITEMS).get(0).attributes().get("itemId"));
    }

    @Test
    void everyKnownStatusMapsAndOthersFail() {
        for (var e : InvoiceRecordType.STATUSES.entrySet()) {
            assertEquals(e.getValue(), invoices.map(row(e.getKey()), List.of()).status());
        }
        assertThrows(RecordMappingException.class, () -> invoices.map(row("Q"), List.of()));
    }

    private static MapRow row(String status) {
        return new MapRow("id", "1", "tranid", "INV1", "trandate", "2026-01-01", "status", status, "foreigntotal", "1",
                "entity", "1001", "currencycode", "USD");
    }
}
