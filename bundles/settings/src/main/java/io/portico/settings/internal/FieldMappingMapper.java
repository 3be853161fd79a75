package io.portico.settings.internal;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Settings &gt; Field mapping's rows for the operator (the deployment's one tenant), and what the synced records of
 * a record type hold, for the operator's admins to pick fields from: never reachable by customers.
 */
public interface FieldMappingMapper {

    /** A record type's mapping as its stored JSON document. */
    record Row(String recordType, String mapping) {
    }

    /**
     * An attribute key of a record type's synced records: in how many of the records sampled it has a value, and a
     * few of its values.
     */
    record AttributeSample(String key, long records, List<String> samples) {
    }

    List<Row> mappings();

    void upsert(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("mapping") String mappingJson);

    void delete(@Param("tenantId") long tenantId, @Param("recordType") String recordType);

    /**
     * The attribute keys with a scalar value in the newest {@code sampled} live records of the type, by key, each
     * with up to three distinct values (cut to 60 characters).
     *
     * @param transactions whether the type's records are transactions (else entities)
     */
    List<AttributeSample> attributeSamples(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("transactions") boolean transactions, @Param("sampled") int sampled);

    /** Whether any live record of the type has the attribute, with a value or not. */
    boolean hasAttribute(@Param("tenantId") long tenantId, @Param("recordType") String recordType,
            @Param("transactions") boolean transactions, @Param("key") String key);
}
