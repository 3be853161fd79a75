package io.portico.plugins.attachments.internal;

import io.portico.api.identity.DataScope;
import io.portico.plugins.attachments.internal.AttachmentStore.Attachment;
import io.portico.plugins.attachments.internal.AttachmentStore.DueRecord;
import io.portico.plugins.attachments.internal.AttachmentStore.Found;
import io.portico.plugins.attachments.internal.AttachmentStore.Search;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The attachments plugin's statements ({@code AttachmentMapper.xml}); reads a portal user reaches take the scope. */
public interface AttachmentMapper {

    List<DueRecord> due(@Param("tenant") long tenant, @Param("types") List<String> types,
            @Param("rescanBefore") Instant rescanBefore, @Param("limit") int limit);

    List<StoredFile> existing(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordIds") List<Long> recordIds);

    /** Inserts or replaces an attached file's row; returns its id. */
    long upsert(@Param("f") FileRow file);

    void storeContent(@Param("id") long id, @Param("content") byte[] content);

    void dropContent(@Param("id") long id);

    int removeExcept(@Param("tenant") long tenant, @Param("recordType") String recordType,
            @Param("recordNetsuiteId") long recordNetsuiteId, @Param("fileIds") List<Long> fileIds);

    void scanned(@Param("tenant") long tenant, @Param("records") List<DueRecord> records, @Param("at") Instant at);

    int refreshOwners(@Param("tenant") long tenant);

    int archiveOrphans(@Param("tenant") long tenant);

    List<Attachment> list(@Param("scope") DataScope scope, @Param("recordType") String recordType,
            @Param("recordNetsuiteId") long recordNetsuiteId);

    List<Found> search(@Param("scope") DataScope scope, @Param("s") Search search, @Param("pattern") String pattern);

    Attachment find(@Param("scope") DataScope scope, @Param("id") long id);

    /** The stored bytes: one element, or none (MyBatis reads a method returning an array as a list of rows). */
    List<byte[]> content(@Param("scope") DataScope scope, @Param("id") long id);

    /** A stored file of a record, as the sync compares it with NetSuite's. */
    record StoredFile(long recordNetsuiteId, long id, long fileId, String status, String lastModified) {
    }

    /** An attached file's row as the sync writes it. */
    record FileRow(long tenantId, Long organizationId, String recordType, long recordNetsuiteId, long fileNetsuiteId,
            String name, String contentType, String netsuiteFileType, Long size, String sha256, String lastModified,
            String status, String error) {
    }
}
