package io.portico.documents.internal;

import io.portico.api.fieldmap.MappedFields;
import java.util.Map;

/** Fields as a portal without field mappers shows them, or with one value map and one hidden field. */
record TestFields(String hidden, Map<String, String> statusNames, String numberLabel) implements MappedFields {

    static final TestFields NONE = new TestFields(null, Map.of(), null);

    @Override
    public String label(String recordType, String fieldKey, String label) {
        return numberLabel != null && "number".equals(fieldKey) ? numberLabel : label;
    }

    @Override
    public boolean visible(String recordType, String fieldKey) {
        return !fieldKey.equals(hidden);
    }

    @Override
    public Map<String, String> valueMap(String recordType, String fieldKey) {
        return "status".equals(fieldKey) ? statusNames : Map.of();
    }
}
