package io.portico.api.records;

import java.time.Instant;

/**
 * A file attached in NetSuite to a record, as the portal lists it.
 *
 * @param name the file's name as NetSuite has it
 * @param contentType its MIME type, e.g. {@code application/pdf}
 * @param size its size in bytes, or {@code null} when unknown
 * @param date when Portico last stored or looked at it
 * @param download the path that downloads it (e.g. {@code /api/attachments/7/content}), or {@code null} when it is not
 *        stored
 * @param notStored why the file is not stored and cannot be downloaded (e.g. it is over the size limit), or
 *        {@code null} when it is
 */
public record Attachment(String name, String contentType, Long size, Instant date, String download,
        String notStored) {
}
