package io.portico.plugins.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.plugin.testing.TestRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarrantyClaimRecordTypeTest {

    private final WarrantyClaimRecordType type = new WarrantyClaimRecordType();

    /** One claim as NetSuite's SuiteQL answers the record type's query. */
    static TestRow claim() {
        return TestRow.of("id", "7", "lastmodified", "2026-01-10 12:00:00", "name", "WC-0007", "isinactive", "F",
                "customer", "1001", "amount", "249.90", "claimdate", "1/9/2026", "currencycode", "USD",
                "custrecord_wc_serial", "SN-88-1234", "custrecord_wc_description", "Scanner stopped reading");
    }

    @Test
    void mapsAClaimToTheCustomersOrganization() {
        SyncedRecord r = type.map(claim(), List.of());

        assertEquals(7L, r.netsuiteId());
        assertEquals("1001", r.owner());
        assertEquals("WC-0007", r.name());
        assertEquals("active", r.status());
        assertEquals(LocalDate.of(2026, 1, 9), r.date());
        assertEquals(new BigDecimal("249.90"), r.total());
        assertEquals("USD", r.currency());
        assertEquals("SN-88-1234", r.attributes().get("custrecord_wc_serial"), "unread columns are kept");
        assertEquals("Scanner stopped reading", r.attributes().get("custrecord_wc_description"));
        assertFalse(r.attributes().containsKey("amount"), "read columns are not repeated as attributes");
        assertFalse(r.attributes().containsKey("lastmodified"));
    }

    @Test
    void anInactiveClaimIsInactiveAndOptionalColumnsMayBeEmpty() {
        SyncedRecord r = type.map(claim().with("isinactive", "T", "amount", null, "claimdate", null,
                "currencycode", null, "custrecord_wc_serial", null), List.of());
        assertEquals("inactive", r.status());
        assertNull(r.total());
        assertNull(r.date());
        assertNull(r.attributes().get("custrecord_wc_serial"));
    }

    @Test
    void malformedClaimsFailWithAClearMessage() {
        assertEquals("'customer' is missing", assertThrows(RecordMappingException.class,
                () -> type.map(claim().with("customer", null), List.of())).getMessage());
        assertEquals("amount", assertThrows(RecordMappingException.class,
                () -> type.map(claim().with("amount", "a lot"), List.of())).column());
        assertEquals("claimdate", assertThrows(RecordMappingException.class,
                () -> type.map(claim().with("claimdate", "2/30/2026"), List.of())).column());
        assertEquals("isinactive", assertThrows(RecordMappingException.class,
                () -> type.map(claim().with("isinactive", "perhaps"), List.of())).column());
        assertEquals("'custrecord_wc_description' has 70000 characters, more than 65536",
                assertThrows(RecordMappingException.class, () -> type.map(
                        claim().with("custrecord_wc_description", "d".repeat(70_000)), List.of())).getMessage());
    }

    @Test
    void scriptInATextFieldIsKeptAsText() {
        String text = "<script>alert(document.cookie)</script>";
        assertEquals(text, type.map(claim().with("custrecord_wc_description", text), List.of()).attributes()
                .get("custrecord_wc_description"));
    }

    @Test
    void theDescriptorHasTheLabelSidebarPlaceColumnsAndFieldsTheConstructorGave() {
        RecordTypeDescriptor d = type.descriptor();
        assertEquals("Warranty claims", d.label());
        assertEquals(300, d.sidebarOrder());
        assertEquals(List.of("name", "date", "total", "status"), d.listColumns().stream().map(FieldDescriptor::key)
                .toList());
        assertEquals(List.of("name", "date", "custrecord_wc_serial", "custrecord_wc_description", "total"),
                d.detailFields().stream().map(FieldDescriptor::key).toList());
        assertEquals("Claimed on", d.detailFields().get(1).label());
    }

    @Test
    void queriesTheCustomRecordTable() {
        SyncQuery query = type.query();
        assertEquals("customrecord_warranty_claim", query.table());
        assertEquals("r.lastmodified", query.lastModified());
        assertTrue(query.columns().containsAll(List.of("r.name", "r.isinactive",
                "r.custrecord_wc_customer AS customer")));
        assertEquals(List.of("LEFT JOIN currency cur ON cur.id = r.custrecord_wc_currency"), query.joins());
        assertTrue(query.lineQueries().isEmpty(), "custom records have no lines");
        assertEquals(RecordCategory.CUSTOM, type.descriptor().category());
        assertEquals("customrecord_warranty_claim", type.descriptor().netsuiteRecord());
    }
}
