package io.portico.api.fieldmap;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adjusts how a record type's fields are labelled and shown. Mappers are applied in order of service ranking,
 * lowest first, so a higher-ranked mapper has the last word.
 */
@ConsumerType
public interface FieldMapper {

    /** The label to show for a field; return {@code label} unchanged when this mapper has no opinion. */
    default String label(String recordType, String fieldKey, String label) {
        return label;
    }

    /** Whether a field is shown at all. */
    default boolean visible(String recordType, String fieldKey) {
        return true;
    }
}
