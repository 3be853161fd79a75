package io.portico.plugins.examplemapper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceFieldMapperTest {

    private final InvoiceFieldMapper mapper = new InvoiceFieldMapper();

    @Test
    void renamesTheNumberDropsTheDueDateFromTheListAndMovesTheAmountDue() {
        assertEquals("Invoice no.", mapper.label("invoice", "number", "Invoice #"));
        assertEquals("Order #", mapper.label("salesorder", "number", "Order #"), "other types keep theirs");
        assertEquals(List.of("number", "amountRemaining", "date", "status", "total"), mapper.listColumns("invoice",
                List.of("number", "date", "dueDate", "status", "total", "amountRemaining")));
        assertEquals(List.of("number", "date", "dueDate"), mapper.detailFields("invoice",
                List.of("number", "date", "dueDate")));
    }

    @Test
    void aPaidInvoiceReadsPaidInFullAndEarlierMappersKeepTheRest() {
        assertEquals(Map.of("paid", "Paid in full", "open", "Due"), mapper.valueMap("invoice", "status",
                Map.of("paid", "Settled", "open", "Due")));
        assertEquals(Map.of(), mapper.valueMap("invoice", "memo", Map.of()));
        assertEquals(Map.of(), mapper.valueMap("salesorder", "status", Map.of()));
    }
}
