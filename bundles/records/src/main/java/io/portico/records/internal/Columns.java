package io.portico.records.internal;

import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import java.util.Map;
import java.util.regex.Pattern;

/** Descriptor keys as SQL expressions over the synced-record tables ({@code t}). */
final class Columns {

    private static final Map<String, String> TYPED = Map.of(
            RecordFields.NUMBER, "t.number",
            RecordFields.NAME, "t.name",
            RecordFields.DATE, "t.record_date",
            RecordFields.DUE_DATE, "t.due_date",
            RecordFields.STATUS, "t.status",
            RecordFields.TOTAL, "t.total",
            RecordFields.AMOUNT_REMAINING, "t.amount_remaining",
            RecordFields.CURRENCY, "t.currency",
            RecordFields.LAST_MODIFIED, "t.last_modified",
            RecordFields.ORGANIZATION, "o.name");
    /** Attribute keys as plugins name them; anything else cannot be written into SQL. */
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private Columns() {
    }

    static String table(RecordCategory category) {
        return category == RecordCategory.TRANSACTION ? "ns_transaction" : "ns_entity";
    }

    /**
     * The SQL expression of a descriptor key: a typed column, or the attribute's text (as a number for number and
     * money fields, so that 10 sorts after 9; a value that is not a number sorts as none).
     */
    static String expression(String key, FieldType type) {
        String typed = TYPED.get(key);
        if (typed != null) {
            return typed;
        }
        if (!attributeKey(key)) {
            throw new IllegalArgumentException("not a field key: " + key);
        }
        String text = "(t.attributes ->> '" + key + "')";
        return type == FieldType.MONEY || type == FieldType.NUMBER
                ? "(CASE WHEN " + text + " ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN " + text + "::numeric END)"
                : text;
    }

    /** Whether the key can name an attribute of the synced records. */
    static boolean attributeKey(String key) {
        return ATTRIBUTE_KEY.matcher(key).matches();
    }

    static boolean typed(String key) {
        return TYPED.containsKey(key);
    }
}
