package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.records.Record;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record in the JSON API keeps its stable keys and raw values and adds each shown field's label and display. */
class RecordJsonTest {

    @Test
    void rawKeysStayAndTheShownFieldsComeBesideThem() throws Exception {
        Record record = new Record("invoice", 7, 2L, "Acme", "INV-1", null, null, null, "A", BigDecimal.TEN, null,
                "USD", null, Map.of("terms", "N30"));
        RecordsApi.RecordJson json = RecordsApi.RecordJson.of(record, List.of(
                new FieldDescriptor("number", "Invoice no.", FieldType.TEXT),
                new FieldDescriptor("status", "Status", FieldType.STATUS),
                new FieldDescriptor("total", "Total", FieldType.MONEY)),
                (key, raw) -> "status".equals(key) && "A".equals(raw) ? "Approved" : raw);
        JsonNode tree = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .readTree(new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                        .writeValueAsString(json));
        assertEquals("A", tree.get("status").asText());
        assertEquals("INV-1", tree.get("number").asText());
        assertEquals("N30", tree.get("attributes").get("terms").asText());
        assertEquals(List.of("number", "status", "total"), List.copyOf(iterable(tree.get("fields"))));
        JsonNode status = tree.get("fields").get("status");
        assertEquals("A", status.get("value").asText());
        assertEquals("Status", status.get("label").asText());
        assertEquals("Approved", status.get("display").asText());
        assertEquals("Invoice no.", tree.get("fields").get("number").get("label").asText());
        assertEquals("10", tree.get("fields").get("total").get("display").asText());
    }

    @Test
    void aHiddenFieldLeavesTheRawKeysToo() {
        Record record = new Record("invoice", 7, 2L, "Acme", "INV-1", null, null, java.time.LocalDate.of(2026, 3, 1),
                "A", BigDecimal.TEN, null, "USD", null, Map.of("terms", "N30", "memo", "secret"));
        Record visible = RecordsApi.visible(record, key -> !"dueDate".equals(key) && !"memo".equals(key));
        assertEquals(null, visible.dueDate());
        assertEquals(Map.of("terms", "N30"), visible.attributes());
        assertEquals("INV-1", visible.number());
        assertEquals(BigDecimal.TEN, visible.total());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
