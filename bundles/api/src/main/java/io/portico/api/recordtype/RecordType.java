package io.portico.api.recordtype;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A NetSuite record type mirrored into Portico. Register it as a service named with
 * {@link io.portico.api.plugin.PluginName}; while it is registered the platform offers it in syncs, the sidebar and
 * the portal, and when it goes away its syncs pause and its data stays.
 *
 * <p>The sync engine runs {@link #query()} against NetSuite (a full load first, then incremental runs on the
 * last-modified time), hands each record's header row and line rows to {@link #map}, and stores the result in one
 * transaction per page together with its cursor. The engine calls {@code map} from several threads at once, so it
 * must not keep state between calls.
 *
 * <p>{@link TransactionRecordType} and {@link CustomRecordType} do most of the work for NetSuite transactions and
 * for a partner's {@code customrecord_*} types.
 */
@ConsumerType
public interface RecordType {

    /** What it is, where it comes from and how the portal shows it. */
    RecordTypeDescriptor descriptor();

    /** The SuiteQL the record type is synced with; the engine may ask for it often, so return the same instance. */
    SyncQuery query();

    /**
     * Maps one NetSuite record to Portico's record.
     *
     * @param row the header row, with the engine's {@link SyncQuery#ID} and {@link SyncQuery#LAST_MODIFIED}
     * @param lines the record's line rows of every line list, list by list in the order of
     *         {@link SyncQuery#lineQueries()}, each list in line order; a row's {@value LineQuery#LIST} column names
     *         its list (empty without line queries)
     * @throws RecordMappingException when the data is malformed; only this record fails, with this message
     */
    SyncedRecord map(SourceRow row, List<SourceRow> lines);

    /**
     * Called with every record of a page after mapping and before the page is committed, for a record type that
     * keeps its records somewhere else as well (the customer type keeps portal organizations). It must be
     * idempotent: after a crash the page is read and applied again.
     *
     * @throws RecordMappingException to leave this record out of the page with an error
     */
    default void beforeCommit(SyncedRecord record) {
    }

    /** Called when NetSuite reports a record deleted, before the deletion is committed. Idempotent. */
    default void beforeDelete(long netsuiteId) {
    }
}
