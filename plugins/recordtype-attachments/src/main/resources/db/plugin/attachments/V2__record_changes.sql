-- The plugin follows synced records through the platform's RecordChanges service instead of reading its tables.
--
-- The number of the record a file is attached to (an entity's name when it has no number), for the documents
-- search; filled when the record is looked up and kept in step with the record by each run. Rows from before this
-- migration get theirs on the next run.
ALTER TABLE ns_attachment ADD COLUMN IF NOT EXISTS record_number text;

-- How far the look-ups got in each record type's sync order (RecordChanges.syncedAfter): the last record looked up.
CREATE TABLE IF NOT EXISTS ns_attachment_cursor (
    tenant_id   bigint      NOT NULL REFERENCES organization (id),
    record_type text        NOT NULL,
    synced_at   timestamptz NOT NULL,
    netsuite_id bigint      NOT NULL,
    PRIMARY KEY (tenant_id, record_type)
);

-- Records due for a look-up again because their last one is old, oldest first.
CREATE INDEX IF NOT EXISTS ns_attachment_scan_age ON ns_attachment_scan (tenant_id, record_type, scanned_at);
