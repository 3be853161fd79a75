package io.portico.api.records;

import java.time.Instant;

/**
 * What {@link RecordChanges} tells of a synced record.
 *
 * @param recordType the record type's plugin name
 * @param netsuiteId NetSuite's internal id
 * @param organizationId the owning organization, or {@code null} while its customer is not synced
 * @param number the record's number (a transaction's), or {@code null}
 * @param name its name (an entity's), or {@code null}
 * @param archived whether it was deleted in NetSuite and is kept archived; portal users do not see it
 * @param syncedAt when its current content was synced
 * @since 1.4
 */
public record RecordState(String recordType, long netsuiteId, Long organizationId, String number, String name,
        boolean archived, Instant syncedAt) {

    /** A place in the order of {@link RecordChanges#syncedAfter}. */
    public record Point(Instant syncedAt, long netsuiteId) {
    }

    /** This record's place in the order of {@link RecordChanges#syncedAfter}. */
    public Point point() {
        return new Point(syncedAt, netsuiteId);
    }
}
