-- Pay: reconciling the NetSuite write-back.
--
-- A write-back NetSuite refused (status 'failed') waits for an admin: retried once the cause is fixed, or marked
-- resolved when the admin made the customer payment in NetSuite by hand. A resolved row keeps status 'failed' (no
-- worker claims it) and says who resolved it, when and why; the status list itself is left as V605 has it.
ALTER TABLE pay_writeback ADD COLUMN IF NOT EXISTS resolved_at timestamptz,
    ADD COLUMN IF NOT EXISTS resolved_by text,
    ADD COLUMN IF NOT EXISTS resolution_note text CHECK (length(resolution_note) <= 1000);

-- The operator's dashboard warns when a write-back has waited longer than this (also added by the write-back
-- settings page's migration; whichever runs first adds it).
ALTER TABLE pay_writeback_settings ADD COLUMN IF NOT EXISTS warn_after_minutes int NOT NULL DEFAULT 60
    CHECK (warn_after_minutes BETWEEN 1 AND 525600);

CREATE INDEX IF NOT EXISTS pay_writeback_tenant ON pay_writeback (tenant_id, id DESC);
