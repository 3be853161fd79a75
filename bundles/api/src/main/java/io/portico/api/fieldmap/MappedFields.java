package io.portico.api.fieldmap;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A record type's fields as the portal shows them, every {@link FieldMapper} applied in order of service ranking:
 * for bundles that show records outside the record pages (the generated PDFs), so that they read as the pages do.
 *
 * @since 1.2
 */
@ProviderType
public interface MappedFields {

    /** The field's label as customers read it: {@code label} (the record type's own) after every mapper. */
    String label(String recordType, String fieldKey, String label);

    /** Whether no mapper hides the field. */
    boolean visible(String recordType, String fieldKey);

    /** The field's value map after every mapper, raw value to display value; empty when none maps the field. */
    Map<String, String> valueMap(String recordType, String fieldKey);

    /** What customers read for a raw value: its display value, or the value as it is when no mapper maps it. */
    default String display(String recordType, String fieldKey, String raw) {
        return raw == null ? null : valueMap(recordType, fieldKey).getOrDefault(raw, raw);
    }
}
