package io.portico.settings.internal;

import io.portico.api.recordtype.FieldDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Settings &gt; Field mapping's form as the admin filled it in, kept as text so that a form with a mistake is shown
 * again as it was: per field (in the form's order) its label, whether it is hidden, its positions in the list and on
 * the detail page (blank: not there) and its value map, one {@code raw = display} a line.
 */
record FieldMappingForm(List<String> keys, Map<String, Row> rows) {

    static final int MAX_POSITION = 999;

    record Row(String label, boolean hidden, String listPosition, String detailPosition, String values) {
    }

    /** The form the page shows for a record type's mapping as it is saved. */
    static FieldMappingForm of(FieldMappingSettings.MappableType type, FieldMapping mapping) {
        List<String> keys = new ArrayList<>(type.fields().stream().map(FieldDescriptor::key).toList());
        mapping.fields().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        List<String> list = mapping.listColumns() == null ? type.listKeys()
                : mapping.listColumns();
        List<String> detail = mapping.detailFields() == null
                ? type.detailKeys() : mapping.detailFields();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String key : keys) {
            FieldMapping.FieldSetting field = mapping.field(key);
            rows.put(key, new Row(field.label() == null ? "" : field.label(), field.hidden(), position(list, key),
                    position(detail, key), field.values().entrySet().stream()
                            .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"))));
        }
        return new FieldMappingForm(List.copyOf(keys), rows);
    }

    /** The form as posted: {@code field} names each row's key, the others are {@code label.KEY} and so on. */
    static FieldMappingForm parse(MultivaluedMap<String, String> form) {
        List<String> keys = form.get("field") == null ? List.of() : List.copyOf(form.get("field"));
        if (keys.size() > FieldMappingSettings.MAX_FIELDS) {
            throw new InvalidSettingException("field", "A record type has at most " + FieldMappingSettings.MAX_FIELDS
                    + " fields here.");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String key : keys) {
            rows.put(key, new Row(text(form, "label." + key), "true".equals(form.getFirst("hidden." + key)),
                    text(form, "list." + key), text(form, "detail." + key), text(form, "values." + key)));
        }
        return new FieldMappingForm(keys, rows);
    }

    /** The same form with a field added: shown on the detail page after the others, not in the list. */
    FieldMappingForm adding(String key) {
        if (rows.containsKey(key)) {
            return this;
        }
        int last = rows.values().stream().mapToInt(r -> number(r.detailPosition())).max().orElse(0);
        List<String> added = new ArrayList<>(keys);
        added.add(key);
        Map<String, Row> addedRows = new LinkedHashMap<>(rows);
        addedRows.put(key, new Row("", false, "", String.valueOf(Math.min(last + 1, MAX_POSITION)), ""));
        return new FieldMappingForm(List.copyOf(added), addedRows);
    }

    /** The form as an update to check: positions as orders, the value maps' lines as values. */
    FieldMappingUpdate update() {
        List<FieldMappingUpdate.Field> fields = new ArrayList<>();
        for (String key : keys) {
            Row row = rows.get(key);
            fields.add(new FieldMappingUpdate.Field(key, row.label().isBlank() ? null : row.label(), row.hidden(),
                    values(key, row.values())));
        }
        return new FieldMappingUpdate(fields, order("list", r -> r.listPosition()),
                order("detail", r -> r.detailPosition()));
    }

    private List<String> order(String prefix, java.util.function.Function<Row, String> position) {
        record Positioned(int position, int index, String key) {
        }
        List<Positioned> positioned = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String text = position.apply(rows.get(key)).strip();
            if (text.isEmpty()) {
                continue;
            }
            int number = number(text);
            if (number < 1 || number > MAX_POSITION) {
                throw new InvalidSettingException(prefix + "." + key, "Each position must be a whole number from 1 "
                        + "to " + MAX_POSITION + ", or empty to leave the field out.");
            }
            positioned.add(new Positioned(number, i, key));
        }
        positioned.sort(Comparator.comparingInt(Positioned::position).thenComparingInt(Positioned::index));
        return positioned.stream().map(Positioned::key).toList();
    }

    private static List<FieldMappingUpdate.Value> values(String key, String text) {
        List<FieldMappingUpdate.Value> values = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new InvalidSettingException("values." + key, "Write each value on its own line as the value "
                        + "NetSuite sends, then = and what customers read, like: A = Approved");
            }
            values.add(new FieldMappingUpdate.Value(line.substring(0, equals), line.substring(equals + 1)));
        }
        return values;
    }

    private static String position(List<String> keys, String key) {
        int index = keys.indexOf(key);
        return index < 0 ? "" : String.valueOf(index + 1);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
