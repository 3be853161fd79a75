package io.portico.api.fieldmap;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adjusts how a record type's fields are labelled, shown and their values read. Mappers are applied in order of service ranking,
 * lowest first, so a higher-ranked mapper has the last word: each gets what the mappers before it made of a field.
 * The portal's list and detail pages, their CSV and the JSON API all show records through the mappers.
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

    /**
     * The list's columns, in order: return {@code keys} (the record type's default columns as the mappers before
     * this one left them) reordered, shortened or with keys of other fields. A key the record type does not describe
     * shows the synced records' attribute of that name as text (since 1.2; keys that cannot name an attribute, such
     * as ones with spaces, are ignored).
     *
     * @since 1.1
     */
    default List<String> listColumns(String recordType, List<String> keys) {
        return keys;
    }

    /**
     * The detail page's fields, in order, as {@link #listColumns} does for the list.
     *
     * @since 1.1
     */
    default List<String> detailFields(String recordType, List<String> keys) {
        return keys;
    }

    /**
     * A field's value map: raw values as NetSuite sends them (status {@code A}) to what customers read ("Approved").
     * Return {@code values} (the map the mappers before this one made, empty at first) unchanged, added to or
     * overridden; a value the map leaves out shows as it is. The portal searches by the display values too.
     *
     * @since 1.2
     */
    default Map<String, String> valueMap(String recordType, String fieldKey, Map<String, String> values) {
        return values;
    }
}
