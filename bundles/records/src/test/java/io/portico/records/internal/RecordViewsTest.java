package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.records.Attachment;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detail page's attachments (each file's kind, size and date as a reader reads them, and a link or a reason) and
 * fields that link out.
 */
class RecordViewsTest {

    private final RecordViews views = new RecordViews(new Formats(List.of(Locale.US), null), LocalDate.of(2026, 3, 1),
            type -> null, (type, key) -> Map.of());

    @Test
    void mappedValuesReadAsTheOperatorNamesThemAndOverdueStaysAFact() {
        Map<String, Map<String, String>> maps = Map.of("status", Map.of("paid", "Paid in full", "open", "Unpaid"),
                "terms", Map.of("N30", "Net 30 days"));
        RecordViews mapped = new RecordViews(new Formats(List.of(Locale.US), null), LocalDate.of(2026, 3, 1),
                type -> null, (type, key) -> "invoice".equals(type) ? maps.getOrDefault(key, Map.of()) : Map.of());
        RecordTypeDescriptor invoices = new RecordTypeDescriptor("Invoices", "invoice", RecordCategory.TRANSACTION,
                List.of(), List.of(new FieldDescriptor("status", "Status", FieldType.STATUS),
                        new FieldDescriptor("terms", "Terms", FieldType.TEXT),
                        new FieldDescriptor("memo", "Memo", FieldType.TEXT)), 10);
        Record paid = invoice("paid", LocalDate.of(2026, 2, 1), Map.of("terms", "N30", "memo", "N30"));
        assertEquals(List.of("Paid in full", "Net 30 days", "N30"), texts(mapped.detail("invoice", invoices,
                new RecordDetail(paid, Map.of(), List.of()))), "the memo has no value map");
        Record overdue = invoice("open", LocalDate.of(2026, 2, 1), Map.of());
        assertEquals("Overdue · 28 days", ((Map<?, ?>) mapped.detail("invoice", invoices,
                new RecordDetail(overdue, Map.of(), List.of())).get("status")).get("label"));
        Record open = invoice("open", LocalDate.of(2026, 4, 1), Map.of());
        assertEquals("Unpaid", ((Map<?, ?>) mapped.detail("invoice", invoices,
                new RecordDetail(open, Map.of(), List.of())).get("status")).get("label"));
    }

    private static Record invoice(String status, LocalDate due, Map<String, Object> attributes) {
        return new Record("invoice", 7, 2L, "Acme", "INV-1", null, LocalDate.of(2026, 1, 1), due, status,
                BigDecimal.TEN, "paid".equals(status) ? BigDecimal.ZERO : BigDecimal.TEN, "USD", null, attributes);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> texts(Map<String, Object> detail) {
        return ((List<Map<String, Object>>) detail.get("fields")).stream().map(f -> f.get("text")).toList();
    }

    @Test
    void aStoredFileLinksToItsDownloadAndAnUnstoredOneSaysWhy() {
        List<Map<String, Object>> listed = views.attachments(List.of(
                new Attachment("INV-1.pdf", "application/pdf", 2048L, Instant.parse("2026-02-27T23:30:00Z"),
                        "/api/attachments/7/content", null),
                new Attachment("scan.zip", "application/zip", 30L * 1024 * 1024, null, null, "Too large.")));

        Map<String, Object> pdf = listed.get(0);
        assertEquals("PDF", pdf.get("kind"));
        assertEquals("2 KB", pdf.get("size"));
        assertEquals("/api/attachments/7/content", pdf.get("href"));
        assertEquals("", pdf.get("notStored"));
        assertEquals(new Formats(List.of(Locale.US), null).date(LocalDate.of(2026, 2, 27)), pdf.get("date"));
        Map<String, Object> zip = listed.get(1);
        assertEquals("", zip.get("href"));
        assertEquals("Too large.", zip.get("notStored"));
        assertEquals("30 MB", zip.get("size"));
        assertEquals("", zip.get("date"));
    }

    @Test
    void trackingNumbersLinkToTheirHttpsPagesOnly() {
        Record shipment = new Record("itemfulfillment", 9, 1L, "Acme", "IF-1", null, null, null, "shipped", null, null,
                "USD", null, Map.of("trackingNumbers", List.of("1Z1", "MC-2", "X-3"),
                        "trackingUrls", Arrays.asList("https://www.ups.com/track?tracknum=1Z1", null,
                                "javascript:alert(1)")));
        assertEquals(List.of(Map.of("text", "1Z1", "href", "https://www.ups.com/track?tracknum=1Z1"),
                Map.of("text", "MC-2", "href", ""), Map.of("text", "X-3", "href", "")),
                RecordViews.links(shipment, new FieldDescriptor("trackingNumbers", "Tracking", FieldType.LINKS)));
        assertEquals(List.of(), RecordViews.links(shipment,
                new FieldDescriptor("trackingNumbers", "Tracking", FieldType.TEXT)));
    }

    @Test
    void kindsAndSizesReadAsPeopleSayThem() {
        assertEquals("PNG image", RecordViews.kind("image/png"));
        assertEquals("application/octet-stream", RecordViews.kind("application/octet-stream"));
        assertEquals("1 byte", views.size(1));
        assertEquals("1,023 bytes", views.size(1023));
        assertEquals("1.5 MB", views.size(1536L * 1024));
    }
}
