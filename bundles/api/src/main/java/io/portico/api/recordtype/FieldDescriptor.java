package io.portico.api.recordtype;

/**
 * @param key the field's key in Portico's record (a typed column or a key of the record's JSON attributes)
 * @param label the default label
 * @param type how the portal formats, filters and sorts it
 */
public record FieldDescriptor(String key, String label, FieldType type) {
}
