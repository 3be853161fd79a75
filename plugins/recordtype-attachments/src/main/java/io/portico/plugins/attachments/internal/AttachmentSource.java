package io.portico.plugins.attachments.internal;

import java.util.List;
import java.util.Map;

/**
 * Where attachments come from: which files NetSuite has attached to records, what they are, and their bytes.
 * Implementations throw {@link AttachmentSourceException} (or the NetSuite client's exception) when NetSuite
 * cannot answer.
 */
interface AttachmentSource {

    /** Most record ids one {@link #attachments} call takes. */
    int MAX_IDS = 100;

    /**
     * The files attached to the given records.
     *
     * @param recordType the records' type (a record-type plugin's name, e.g. {@code invoice}): NetSuite's internal
     *         ids are unique within transactions and within entities, not across them
     * @param recordIds internal ids, at most {@link #MAX_IDS}
     */
    List<AttachedFile> attachments(String recordType, List<Long> recordIds);

    /** Size and last-modified time of files; files NetSuite does not describe are left out. */
    Map<Long, FileInfo> describe(List<Long> fileIds);

    /** One file's bytes. */
    FileContent read(long fileId);

    /** A file attached to a record, as NetSuite lists it. */
    record AttachedFile(long recordId, long fileId, String name, String fileType) {
    }

    /**
     * @param size the size in bytes, or null when unknown
     * @param lastModified NetSuite's last-modified time of the file as text, or null
     */
    record FileInfo(long fileId, Long size, String lastModified) {
    }

    /** A file's bytes, with NetSuite's name and type of it. */
    record FileContent(String name, String fileType, byte[] bytes) {
    }
}
