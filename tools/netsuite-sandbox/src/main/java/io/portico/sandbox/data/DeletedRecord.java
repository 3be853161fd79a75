package io.portico.sandbox.data;

import java.time.Instant;

/** A row of SuiteQL's {@code deletedrecord}: what was deleted, when, and the name it had. */
public record DeletedRecord(RecordType type, long recordId, String name, String externalId, Instant deletedDate) {
}
