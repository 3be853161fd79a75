-- Settings > Field mapping: the operator's mapping of one record type's fields, as one document
-- ({"fields": {key: {"label", "hidden", "values": {raw: display}}}, "listColumns": [keys] or null,
-- "detailFields": [keys] or null}; null lists keep the record type's own). A record type without a row shows as its
-- plugin describes it. The settings bundle checks the document before it writes it.
CREATE TABLE settings_field_mapping (
    tenant_id    bigint      NOT NULL REFERENCES organization (id),
    record_type  text        NOT NULL CHECK (record_type ~ '^[a-z][a-z0-9_-]{0,63}$'),
    mapping      jsonb       NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_type)
);
