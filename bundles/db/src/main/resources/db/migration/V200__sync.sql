-- NetSuite records mirrored into Portico, and the sync engine's configuration, cursors, leases and history.
--
-- Records of every record type share two tables: transactions (with lines) and entities (customers, contacts,
-- custom records). Typed columns hold what the portal filters, sorts and sums; everything else is in attributes,
-- so a new record type needs no schema change. Every row carries its tenant and its owning organization (NULL until
-- the owning customer's organization exists, or for rows only the operator's staff see). Money is numeric, in the
-- row's currency.

CREATE TABLE ns_transaction (
    id                bigserial   PRIMARY KEY,
    tenant_id         bigint      NOT NULL REFERENCES organization (id),
    organization_id   bigint      REFERENCES organization (id),
    record_type       text        NOT NULL,
    netsuite_id       bigint      NOT NULL,
    -- NetSuite internal id of the customer that owns the row (the transaction's entity).
    owner_netsuite_id text,
    number            text,
    name              text,
    email             text,
    record_date       date,
    due_date          date,
    status            text,
    total             numeric,
    amount_remaining  numeric,
    currency          text,
    last_modified     timestamptz,
    attributes        jsonb       NOT NULL DEFAULT '{}',
    -- Deleted in NetSuite (or no longer matched by a full resync); portal queries leave archived rows out.
    archived_at       timestamptz,
    -- Sync bookkeeping: a hash of what was stored (unchanged records are not rewritten) and the full-load
    -- generation that last saw the row (a forced full resync archives the rows it did not see).
    content_hash      bigint      NOT NULL,
    sync_generation   bigint      NOT NULL,
    synced_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, record_type, netsuite_id)
);
CREATE INDEX ns_transaction_organization ON ns_transaction (organization_id, record_type, record_date DESC)
    WHERE archived_at IS NULL;
CREATE INDEX ns_transaction_orphan ON ns_transaction (tenant_id, owner_netsuite_id) WHERE organization_id IS NULL;

CREATE TABLE ns_transaction_line (
    transaction_id    bigint      NOT NULL REFERENCES ns_transaction (id) ON DELETE CASCADE,
    -- NetSuite's line id, unique within the transaction; lines are listed in this order.
    line_id           bigint      NOT NULL,
    tenant_id         bigint      NOT NULL,
    organization_id   bigint,
    item              text,
    description       text,
    quantity          numeric,
    rate              numeric,
    amount            numeric,
    attributes        jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (transaction_id, line_id)
);

CREATE TABLE ns_entity (
    id                bigserial   PRIMARY KEY,
    tenant_id         bigint      NOT NULL REFERENCES organization (id),
    organization_id   bigint      REFERENCES organization (id),
    record_type       text        NOT NULL,
    netsuite_id       bigint      NOT NULL,
    owner_netsuite_id text,
    number            text,
    name              text,
    email             text,
    record_date       date,
    due_date          date,
    status            text,
    total             numeric,
    amount_remaining  numeric,
    currency          text,
    last_modified     timestamptz,
    attributes        jsonb       NOT NULL DEFAULT '{}',
    archived_at       timestamptz,
    content_hash      bigint      NOT NULL,
    sync_generation   bigint      NOT NULL,
    synced_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, record_type, netsuite_id)
);
CREATE INDEX ns_entity_organization ON ns_entity (organization_id, record_type) WHERE archived_at IS NULL;
CREATE INDEX ns_entity_orphan ON ns_entity (tenant_id, owner_netsuite_id) WHERE organization_id IS NULL;

-- One sync configuration per record type (a record-type plugin's name).
CREATE TABLE sync_config (
    id                  bigserial   PRIMARY KEY,
    tenant_id           bigint      NOT NULL REFERENCES organization (id),
    record_type         text        NOT NULL,
    -- Disabled: never synced. Paused: the schedule is skipped; a run can still be started by hand.
    enabled             boolean     NOT NULL DEFAULT true,
    paused              boolean     NOT NULL DEFAULT false,
    -- A preset (manual, 5m, 15m, 30m, hourly, 6h, 12h, daily, weekly) or a 5-field cron expression.
    schedule            text        NOT NULL DEFAULT 'hourly',
    -- The full load takes the records of the last N days first, then the older history; NULL: all at once.
    initial_window_days integer     CHECK (initial_window_days > 0),
    subsidiary_ids      bigint[]    NOT NULL DEFAULT '{}',
    -- A SuiteQL condition ANDed to the record type's query, e.g. for a partner's custom field.
    custom_condition    text        CHECK (length(custom_condition) <= 2000),
    on_delete           text        NOT NULL DEFAULT 'archive' CHECK (on_delete IN ('archive', 'delete')),
    overlap_seconds     integer     NOT NULL DEFAULT 600 CHECK (overlap_seconds >= 0),
    page_size           integer     NOT NULL DEFAULT 1000 CHECK (page_size BETWEEN 1 AND 1000),
    parallelism         integer     NOT NULL DEFAULT 4 CHECK (parallelism BETWEEN 1 AND 32),
    next_run_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, record_type)
);

-- Where a configuration's sync stands; changed in the same transaction as the pages it describes.
CREATE TABLE sync_state (
    config_id     bigint      PRIMARY KEY REFERENCES sync_config (id) ON DELETE CASCADE,
    -- The last full load's generation; 0 before the first.
    generation    bigint      NOT NULL DEFAULT 0,
    -- NetSuite's last-modified time (account time zone, 'YYYY-MM-DD HH24:MI:SS') up to which every change is synced.
    watermark     text,
    full_required boolean     NOT NULL DEFAULT true,
    -- The unfinished run's plan (mode, phase, windows, generation); NULL when no run is unfinished.
    pending       jsonb,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The keyset cursors of the unfinished run: one per id-range slice of a phase, advanced with every committed page.
CREATE TABLE sync_cursor (
    config_id  bigint   NOT NULL REFERENCES sync_config (id) ON DELETE CASCADE,
    phase      text     NOT NULL,
    slice      integer  NOT NULL,
    low        bigint   NOT NULL,
    high       bigint   NOT NULL,
    after_id   bigint   NOT NULL,
    done       boolean  NOT NULL DEFAULT false,
    records    bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (config_id, phase, slice)
);

-- Who runs a configuration's sync now. A node holds the lease while it renews it; a dead node's lease expires and
-- another node may take over. Every page is committed only while its run still holds the lease.
CREATE TABLE sync_lease (
    config_id   bigint      PRIMARY KEY REFERENCES sync_config (id) ON DELETE CASCADE,
    run_id      bigint      NOT NULL,
    node_id     text        NOT NULL,
    acquired_at timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE TABLE sync_run (
    id              bigserial   PRIMARY KEY,
    config_id       bigint      NOT NULL REFERENCES sync_config (id) ON DELETE CASCADE,
    tenant_id       bigint      NOT NULL REFERENCES organization (id),
    record_type     text        NOT NULL,
    node_id         text        NOT NULL,
    mode            text        NOT NULL CHECK (mode IN ('full', 'incremental')),
    trigger         text        NOT NULL CHECK (trigger IN ('schedule', 'manual')),
    status          text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'stopped', 'abandoned')),
    phase           text        NOT NULL,
    -- The run whose unfinished work this one continued, if any.
    resumed_run_id  bigint      REFERENCES sync_run (id) ON DELETE SET NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    estimated_total bigint,
    records_done    bigint      NOT NULL DEFAULT 0,
    inserted        bigint      NOT NULL DEFAULT 0,
    updated         bigint      NOT NULL DEFAULT 0,
    unchanged       bigint      NOT NULL DEFAULT 0,
    deleted         bigint      NOT NULL DEFAULT 0,
    failed          bigint      NOT NULL DEFAULT 0,
    pages           bigint      NOT NULL DEFAULT 0,
    requests        bigint      NOT NULL DEFAULT 0,
    retries         bigint      NOT NULL DEFAULT 0,
    -- Records per second over the last seconds, as the running node last reported it.
    rate            double precision NOT NULL DEFAULT 0,
    message         text
);
CREATE INDEX sync_run_config ON sync_run (config_id, started_at DESC);

-- Per-record errors of a run (malformed data, refused writes) and the run's own failure, if any.
CREATE TABLE sync_error (
    id          bigserial   PRIMARY KEY,
    run_id      bigint      NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    netsuite_id bigint,
    kind        text        NOT NULL CHECK (kind IN ('mapping', 'write', 'netsuite', 'run')),
    message     text        NOT NULL,
    detail      text
);
CREATE INDEX sync_error_run ON sync_error (run_id, id);
