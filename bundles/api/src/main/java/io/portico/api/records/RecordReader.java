package io.portico.api.records;

import io.portico.api.identity.DataScope;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads synced records within a {@link DataScope}: a customer's scope reaches only their organization's records, an
 * operator's the whole tenant. Archived records (deleted in NetSuite) are never returned. Every method filters by
 * the scope in the database query itself.
 */
@ProviderType
public interface RecordReader {

    /**
     * One page of a record type's records that match the query, with the count and money sums of all that match.
     *
     * @throws IllegalArgumentException when the query sorts or filters by a field the record type does not list,
     *         naming the field
     */
    RecordPage list(DataScope scope, String recordType, RecordQuery query);

    /**
     * Every record that matches the query, in its order, handed to {@code each} as it is read from the database (not
     * gathered in memory first), ignoring the query's page; for exports of any size.
     */
    void forEach(DataScope scope, String recordType, RecordQuery query, Consumer<Record> each);

    /** One record with its lines and the records related to it, or empty when the scope does not reach it. */
    Optional<RecordDetail> find(DataScope scope, String recordType, long netsuiteId);

    /** The scope's receivables on {@code today}: balances and aging per currency, and recent activity. */
    Dashboard dashboard(DataScope scope, LocalDate today);
}
