package io.portico.plugins.attachments.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.RecordState;
import io.portico.plugins.attachments.internal.AttachmentStore.Attachment;
import io.portico.plugins.attachments.internal.AttachmentStore.DueRecord;
import io.portico.plugins.attachments.internal.AttachmentStore.Found;
import io.portico.plugins.attachments.internal.AttachmentStore.Search;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The attachments plugin's statements ({@code AttachmentMapper.xml}); reads a portal user reaches take the scope. */
public interface AttachmentMapper {

    /** Where the look-ups of a record type got to in its sync order, or {@code null} before the first. */
    RecordState.Point cursor(@Param("tenant") long tenant, @Param("recordType") String recordType);

    void advanceCursor(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("to") RecordState.Point to);

    List<Scan> scans(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordIds") List<Long> recordIds);

    /** Records last looked up before {@code before}, oldest look-up first. */
    List<Long> scannedBefore(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("before") Instant before, @Param("limit") int limit);

    void forgetScans(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordIds") List<Long> recordIds);

    List<StoredFile> existing(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordIds") List<Long> recordIds);

    /** Inserts or replaces an attached file's row; returns its id. */
    long upsert(@Param("f") FileRow file);

    void storeContent(@Param("id") long id, @Param("content") byte[] content);

    void dropContent(@Param("id") long id);

    int removeExcept(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordNetsuiteId") long recordNetsuiteId, @Param("fileIds") List<Long> fileIds);

    void scanned(@Param("tenant") long tenant, @Param("records") List<DueRecord> records, @Param("at") Instant at);

    /** The records with attachments after {@code after} (null: from the first) in (type, id) order. */
    List<AttachedRecord> attachedRecords(@Param("tenant") long tenant, @Param("after") AttachedRecord after,
            @Param("limit") int limit);

    /** Updates the attachments of a type's records to the records' state; returns the rows changed. */
    int follow(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("records") List<Followed> records);

    List<Attachment> list(@Param("scope") DataScope scope, @Param("recordType") String recordType,
            @Param("recordNetsuiteId") long recordNetsuiteId);

    List<Found> search(@Param("scope") DataScope scope, @Param("s") Search search, @Param("pattern") String pattern);

    Attachment find(@Param("scope") DataScope scope, @Param("id") long id);

    /** The stored bytes: one element, or none (MyBatis reads a method returning an array as a list of rows). */
    List<byte[]> content(@Param("scope") DataScope scope, @Param("id") long id);

    /** When a record's attachments were last looked up. */
    record Scan(long recordNetsuiteId, Instant scannedAt) {
    }

    /** A record with attachments. */
    record AttachedRecord(String recordType, long netsuiteId) {
    }

    /**
     * A record's state as its attachments follow it.
     *
     * @param found whether the record still exists (archived or not)
     * @param live whether it exists and is not archived
     */
    record Followed(long netsuiteId, boolean found, boolean live, Long organizationId, String number) {
    }

    /** A stored file of a record, as the sync compares it with NetSuite's. */
    record StoredFile(long recordNetsuiteId, long id, long fileId, String status, String lastModified) {
    }

    /** An attached file's row as the sync writes it. */
    record FileRow(long tenantId, Long organizationId, String recordType, long recordNetsuiteId, long fileNetsuiteId,
            String name, String contentType, String netsuiteFileType, Long size, String sha256, String lastModified,
            String status, String error, String recordNumber) {
    }
}
