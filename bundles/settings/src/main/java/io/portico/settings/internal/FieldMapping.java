package io.portico.settings.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings &gt; Field mapping of one record type, as stored: per field its label, whether it is hidden and its value
 * map; the list's columns and the detail page's fields in order, {@code null} for the record type's own. Fields the
 * record type does not describe (attributes of its synced records an admin added) are in {@code fields} too.
 */
record FieldMapping(Map<String, FieldSetting> fields, List<String> listColumns, List<String> detailFields) {

    static final FieldMapping NONE = new FieldMapping(Map.of(), null, null);

    /**
     * @param label the label customers read, or {@code null} for the record type's own
     * @param values raw values to what customers read, in the admin's order
     */
    record FieldSetting(String label, boolean hidden, Map<String, String> values) {

        static final FieldSetting NONE = new FieldSetting(null, false, Map.of());

        FieldSetting {
            values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    FieldMapping {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        listColumns = listColumns == null ? null : List.copyOf(listColumns);
        detailFields = detailFields == null ? null : List.copyOf(detailFields);
    }

    FieldSetting field(String key) {
        return fields.getOrDefault(key, FieldSetting.NONE);
    }
}
