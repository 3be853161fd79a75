package io.portico.api.recordtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncedRecordTest {

    @Test
    void attributesBecomeJsonCompatibleAndNullsAreLeftOut() {
        SyncedRecord r = SyncedRecord.builder(7).number("INV7").currency(" EUR ").total(new BigDecimal("1E+3"))
                .attribute("when", LocalDate.parse("2026-01-15")).attribute("count", 3).attribute("none", null)
                .attribute("nested", Map.of("list", List.of(1.5, "a"))).build();
        assertEquals("EUR", r.currency());
        assertEquals("1000", r.total().toPlainString());
        assertEquals("2026-01-15", r.attributes().get("when"));
        assertEquals(3L, r.attributes().get("count"));
        assertTrue(!r.attributes().containsKey("none"));
        assertEquals(List.of(new BigDecimal("1.5"), "a"), ((Map<?, ?>) r.attributes().get("nested")).get("list"));
    }

    @Test
    void oversizedMalformedOrUnstorableValuesFailTheRecord() {
        assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1).number("x".repeat(201)).build());
        assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1).currency("US Dollar").build());
        assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1).name("a\0b").build());
        assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1).total(new BigDecimal("1e15")).build());
        assertThrows(RecordMappingException.class,
                () -> SyncedRecord.builder(1).total(new BigDecimal("0.00000000001")).build());
        assertThrows(RecordMappingException.class,
                () -> SyncedRecord.builder(1).attribute("memo", "m".repeat(65_537)).build());
        assertThrows(RecordMappingException.class,
                () -> SyncedRecord.builder(1).attribute("blob", new Object()).build());
        assertThrows(RecordMappingException.class,
                () -> SyncedRecord.builder(1).attribute("nan", Double.NaN).build());
        SyncedRecord.Builder many = SyncedRecord.builder(1);
        for (int i = 0; i < 10; i++) {
            many.attribute("k" + i, "v".repeat(30_000));
        }
        assertTrue(assertThrows(RecordMappingException.class, many::build).getMessage().contains("262144"));
        SyncedLine line = SyncedLine.builder(1).build();
        assertThrows(RecordMappingException.class, () -> SyncedRecord.builder(1).line(line).line(line).build());
    }

    @Test
    void markupIsJustText() {
        String memo = "<script>alert(1)</script>";
        assertEquals(memo, SyncedRecord.builder(1).attribute("memo", memo).build().attributes().get("memo"));
    }
}
