-- Files attached in NetSuite to synced records (transactions, customers), kept by the attachments plugin.
--
-- Until the plugin owned its schema these tables were the platform's migration V410; a database migrated then
-- already has them exactly as below, so every statement here creates only what is missing.
--
-- One row per (record, file): the file's metadata, its SHA-256 and, in ns_attachment_content, its bytes. Every row
-- carries its tenant and the owning organization of the record it is attached to (kept in step with the record's
-- row), so that downloads are scoped by organization in the data layer. A file over the size limit, or one that
-- could not be read, is a row without content whose status and error say why.
CREATE TABLE IF NOT EXISTS ns_attachment (
    id                     bigserial   PRIMARY KEY,
    tenant_id              bigint      NOT NULL REFERENCES organization (id),
    organization_id        bigint      REFERENCES organization (id),
    -- The record the file is attached to: its record type (plugin name) and NetSuite internal id.
    record_type            text        NOT NULL,
    record_netsuite_id     bigint      NOT NULL,
    file_netsuite_id       bigint      NOT NULL,
    name                   text        NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    -- A MIME type derived from NetSuite's file type (e.g. PDF -> application/pdf) or the name.
    content_type           text        NOT NULL,
    netsuite_file_type     text,
    size_bytes             bigint      CHECK (size_bytes >= 0),
    -- Lower-case hex SHA-256 of the content, when stored.
    sha256                 text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    netsuite_last_modified text,
    status                 text        NOT NULL CHECK (status IN ('stored', 'too-large', 'failed')),
    error                  text,
    -- The record was deleted or archived in Portico; downloads leave archived rows out.
    archived_at            timestamptz,
    synced_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, record_type, record_netsuite_id, file_netsuite_id),
    CHECK ((status = 'stored') = (sha256 IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS ns_attachment_organization
    ON ns_attachment (organization_id, record_type, record_netsuite_id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS ns_attachment_file ON ns_attachment (tenant_id, file_netsuite_id);

CREATE TABLE IF NOT EXISTS ns_attachment_content (
    attachment_id bigint PRIMARY KEY REFERENCES ns_attachment (id) ON DELETE CASCADE,
    content       bytea  NOT NULL
);

-- When the attachments of a synced record were last looked up in NetSuite.
CREATE TABLE IF NOT EXISTS ns_attachment_scan (
    tenant_id          bigint      NOT NULL REFERENCES organization (id),
    record_type        text        NOT NULL,
    record_netsuite_id bigint      NOT NULL,
    scanned_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, record_type, record_netsuite_id)
);
