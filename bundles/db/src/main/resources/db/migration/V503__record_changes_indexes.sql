-- RecordChanges.syncedAfter pages through a record type's live records in sync order (plugins following records,
-- such as the attachments plugin, read it every few minutes); without these it sorts the whole type each time.
CREATE INDEX ns_transaction_synced ON ns_transaction (tenant_id, record_type, synced_at, netsuite_id)
    WHERE archived_at IS NULL;
CREATE INDEX ns_entity_synced ON ns_entity (tenant_id, record_type, synced_at, netsuite_id)
    WHERE archived_at IS NULL;
