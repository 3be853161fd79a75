package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A {@link SourceRow} over a map of raw text, as NetSuite would send it (ISO dates, T/F). */
public final class MapRow implements SourceRow {

    private final Map<String, String> values = new LinkedHashMap<>();

    public MapRow(String... columnsAndValues) {
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (columnsAndValues[i + 1] != null) {
                values.put(columnsAndValues[i].toLowerCase(Locale.ROOT), columnsAndValues[i + 1]);
            }
        }
    }

    @Override
    public Set<String> columns() {
        return values.keySet();
    }

    @Override
    public boolean has(String column) {
        return values.containsKey(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getString(String column) {
        return values.get(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public BigDecimal getDecimal(String column) {
        String v = getString(column);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw RecordMappingException.invalid(column, v, "a decimal number");
        }
    }

    @Override
    public Long getLong(String column) {
        String v = getString(column);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw RecordMappingException.invalid(column, v, "a whole number");
        }
    }

    @Override
    public Boolean getBoolean(String column) {
        String v = getString(column);
        return v == null ? null : v.equals("T");
    }

    @Override
    public LocalDate getDate(String column) {
        String v = getString(column);
        return v == null ? null : LocalDate.parse(v);
    }

    @Override
    public Instant getInstant(String column) {
        String v = getString(column);
        return v == null ? null : LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
