package io.portico.sandbox.data;

import java.time.Instant;

/** A File Cabinet file attached to a transaction (generated invoices carry a PDF copy of themselves). */
public record FileAttachment(long id, String name, String fileType, int size, long folderId, String folderName,
                             String description, Instant created, Instant lastModified, long transactionId,
                             RecordType transactionType) {
}
