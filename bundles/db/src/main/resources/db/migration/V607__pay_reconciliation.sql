-- Pay: reconciling the NetSuite write-back.
--
-- A write-back NetSuite refused (status 'failed') waits for an admin: retried once the cause is fixed, or marked
-- resolved when the admin made the customer payment in NetSuite by hand. A resolved row keeps status 'failed' (no
-- worker claims it) and says who resolved it, when and why; the status list itself is left as V605 has it.
ALTER TABLE pay_writeback ADD COLUMN resolved_at timestamptz,
    ADD COLUMN resolved_by text,
    ADD COLUMN resolution_note text CHECK (length(resolution_note) <= 1000);

CREATE INDEX pay_writeback_tenant ON pay_writeback (tenant_id, id DESC);

-- Pay-now links in NetSuite invoices (into V606's pay_link_field): since when invoices get one as they sync (older
-- open invoices get theirs on request, portico:pay-links-publish or the Reconciliation page's button).
ALTER TABLE pay_writeback_settings ADD COLUMN pay_links_since timestamptz;

-- The outbox of pay-now links, one row per invoice (its key): 'publish' writes a new link into the invoice's field,
-- 'clear' empties the field once the invoice is paid. Claimed, leased and retried like pay_writeback's rows, by the
-- same worker; a sync only writes ns_transaction and never waits for these. A link's raw token exists only while
-- the worker writes it into NetSuite: the row keeps the link's id, so a new link (or a clear) revokes the old one.
CREATE TABLE pay_invoice_link (
    invoice_id       bigint      PRIMARY KEY REFERENCES ns_transaction (id) ON DELETE CASCADE,
    tenant_id        bigint      NOT NULL REFERENCES organization (id),
    action           text        NOT NULL CHECK (action IN ('publish', 'clear')),
    -- pending: to do; done: NetSuite's field says what the action wanted; failed: NetSuite refused (last_error).
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    link_id          bigint      REFERENCES pay_link (id) ON DELETE SET NULL,
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pay_invoice_link_due ON pay_invoice_link (next_attempt_at) WHERE status = 'pending';
