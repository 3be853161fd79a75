-- The records of a sync configuration that failed (malformed data, a refused write) and have not synced since. An
-- incremental run reads them again by id, so that a fix in NetSuite or in the record-type plugin need not wait until
-- the record changes again; a record leaves the set once it syncs, is deleted in NetSuite, or a full load no longer
-- sees it.
CREATE TABLE sync_failed_record (
    config_id       bigint      NOT NULL REFERENCES sync_config (id) ON DELETE CASCADE,
    netsuite_id     bigint      NOT NULL,
    first_failed_at timestamptz NOT NULL DEFAULT now(),
    last_failed_at  timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 1,
    -- The run that last tried the record; a run retries only records it has not tried itself.
    last_run_id     bigint      NOT NULL,
    kind            text        NOT NULL,
    message         text        NOT NULL,
    PRIMARY KEY (config_id, netsuite_id)
);
