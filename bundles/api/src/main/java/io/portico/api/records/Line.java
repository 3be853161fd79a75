package io.portico.api.records;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A line of a record. In the {@code applications} list of a payment or credit memo, {@code lineId} is the NetSuite
 * id of the invoice it was applied to and {@code amount} the amount applied.
 */
public record Line(String list, long lineId, String item, String description, BigDecimal quantity, BigDecimal rate,
        BigDecimal amount, Map<String, Object> attributes) {

    public Line {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
