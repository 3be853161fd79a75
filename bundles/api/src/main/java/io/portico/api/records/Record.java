package io.portico.api.records;

import io.portico.api.recordtype.RecordFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A synced record as the portal reads it: the typed columns every record type shares and the rest as attributes.
 *
 * @param recordType the record type's plugin name, e.g. {@code invoice}
 * @param netsuiteId NetSuite's internal id, the record's id in URLs
 * @param organizationId the owning organization, or {@code null} when its customer is not synced yet
 * @param organizationName that organization's name, or {@code null}
 */
public record Record(String recordType, long netsuiteId, Long organizationId, String organizationName, String number,
        String name, LocalDate date, LocalDate dueDate, String status, BigDecimal total, BigDecimal amountRemaining,
        String currency, Instant lastModified, Map<String, Object> attributes) {

    public Record {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A field by its descriptor key: a typed column for the {@link RecordFields} keys, else an attribute. */
    public Object value(String key) {
        return switch (key) {
            case RecordFields.NUMBER -> number;
            case RecordFields.NAME -> name;
            case RecordFields.DATE -> date;
            case RecordFields.DUE_DATE -> dueDate;
            case RecordFields.STATUS -> status;
            case RecordFields.TOTAL -> total;
            case RecordFields.AMOUNT_REMAINING -> amountRemaining;
            case RecordFields.CURRENCY -> currency;
            case RecordFields.LAST_MODIFIED -> lastModified;
            case RecordFields.ORGANIZATION -> organizationName;
            default -> attributes.get(key);
        };
    }
}
