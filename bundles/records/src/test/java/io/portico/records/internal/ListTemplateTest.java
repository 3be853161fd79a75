package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.records.MoneySum;
import io.portico.api.records.Record;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.web.Formats;
import io.portico.testing.TestPages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One template, list.ftlh, gives both the whole list and the parts an in-place (htmx) update swaps. */
class ListTemplateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 29);
    private static final RecordTypeDescriptor INVOICES = new RecordTypeDescriptor("Invoices", "invoice",
            RecordCategory.TRANSACTION, List.of(new FieldDescriptor(RecordFields.NUMBER, "Invoice #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.DATE, "Date", FieldType.DATE),
                    new FieldDescriptor(RecordFields.TOTAL, "Total", FieldType.MONEY)), List.of(), 10);

    private final TestPages pages = new TestPages();

    @Test
    void theFragmentHoldsOnlyWhatChangesEachPartByItsId() {
        String whole = render(false);
        String part = render(true);
        assertTrue(whole.contains("<form id=\"list-filters\"") && whole.contains("hx-get=\"/records/invoice\""),
                whole);
        assertFalse(whole.contains("hx-swap-oob"), "a whole page swaps nothing");
        assertFalse(part.contains("<form") || part.contains("list-q"), "the search box stays as the person typed");
        for (String id : List.of("list-range", "list-csv", "list-state", "list-clear", "list-results")) {
            assertEquals(1, count(whole, "id=\"" + id + "\""), id);
            assertEquals(1, count(part, "id=\"" + id + "\""), id);
        }
        assertTrue(part.contains("<p id=\"list-range\" class=\"muted\" aria-live=\"polite\" hx-swap-oob=\"innerHTML\">"
                + "1–1 of 1</p>"), part);
        assertTrue(part.contains("<input type=\"hidden\" name=\"sort\" value=\"number\">")
                && part.contains("<input type=\"hidden\" name=\"dir\" value=\"asc\">"), part);
        assertTrue(part.contains("<a href=\"/records/invoice\">Clear filters</a>"), part);
        String results = part.substring(part.indexOf("<div id=\"list-results\""));
        assertEquals(results, whole.substring(whole.indexOf("<div id=\"list-results\"")),
                "the same results in both");
        assertTrue(results.contains(">INV-1</a>") && results.contains("29 Mar 2026") && results.contains("10.00"),
                results);
    }

    private String render(boolean fragment) {
        RecordQuery query = new RecordQuery("INV", "number", false, null, null, null, 1, 25);
        Record invoice = new Record("invoice", 7, 2L, "Acme", "INV-1", null, TODAY, TODAY.plusDays(30), "open",
                BigDecimal.TEN, BigDecimal.TEN, "USD", Instant.parse("2026-03-29T10:00:00Z"), Map.of());
        RecordPage page = new RecordPage(List.of(invoice), 1, List.of(new MoneySum("USD", 1, BigDecimal.TEN,
                BigDecimal.TEN)), List.of("open"));
        RecordViews views = new RecordViews(new Formats(List.of(Locale.UK), null), TODAY, name -> null,
                (type, key) -> Map.of());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Invoices");
        model.put("type", "invoice");
        model.put("list", views.list("invoice", INVOICES, query, page));
        if (fragment) {
            model.put("fragment", true);
        }
        return pages.fragment(RecordPages.class, "list.ftlh", model);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
