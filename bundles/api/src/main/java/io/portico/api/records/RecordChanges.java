package io.portico.api.records;

import io.portico.api.identity.DataScope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * For plugins that keep data beside synced records (files attached to them, say): which records were synced since a
 * point, and what has become of given records, so that a plugin follows the records without reading the platform's
 * tables. Only the operator's scope (the whole tenant) may ask; a customer's scope is refused, since these reads are
 * bookkeeping, never something a portal user sees.
 *
 * @since 1.4
 */
@ProviderType
public interface RecordChanges {

    /** Record ids asked for at once, at most. */
    int MAX_IDS = 1000;

    /**
     * The live records of a type synced (new or changed in NetSuite) after {@code after}, in the order they were
     * synced ({@link RecordState#syncedAt()}, then NetSuite id), at most {@code limit}: the next page starts after
     * the last one's {@link RecordState#point()}. A record changed again later moves to the end.
     *
     * <p>A sync page's records carry the time its transaction started, so records committed a moment later can carry
     * a time before a page already read: a caller that must see every record reads again from a little before its
     * last point.
     *
     * @param after where the last page ended, or {@code null} for the first page
     * @throws IllegalArgumentException when {@code scope} is a customer's, or {@code limit} is not 1 to
     *         {@link #MAX_IDS}
     */
    List<RecordState> syncedAfter(DataScope scope, String recordType, RecordState.Point after, int limit);

    /**
     * The records of a type with the given NetSuite ids as they are now, archived ones included; an id missing from
     * the answer is a record deleted from Portico (or never synced).
     *
     * @throws IllegalArgumentException when {@code scope} is a customer's, or more than {@link #MAX_IDS} ids are given
     */
    List<RecordState> current(DataScope scope, String recordType, List<Long> netsuiteIds);
}
