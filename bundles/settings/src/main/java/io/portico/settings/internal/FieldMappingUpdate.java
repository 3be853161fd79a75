package io.portico.settings.internal;

import java.util.List;

/**
 * A record type's field mapping as an admin sends it, from the page's form or the JSON API, before it is checked:
 * fields left out keep the record type's own label and values and are shown; {@code null} lists keep its own order.
 *
 * @param fields the fields with a setting, the added ones among them
 * @param listColumns the list's columns in order, or {@code null}
 * @param detailFields the detail page's fields in order, or {@code null}
 */
public record FieldMappingUpdate(List<Field> fields, List<String> listColumns, List<String> detailFields) {

    /**
     * @param key the field's key ({@code number}, {@code status}, an attribute of the synced records)
     * @param label the label customers read, or {@code null} for the record type's own; never empty
     * @param values the value map, in order; each raw value once
     */
    public record Field(String key, String label, boolean hidden, List<Value> values) {
    }

    /** A raw value as NetSuite sends it and what customers read for it. */
    public record Value(String raw, String display) {
    }
}
