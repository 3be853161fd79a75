-- Pay: payments written back to NetSuite, exactly once.
--
-- The outbox: the ledger transaction that records a payment's success also writes its pay_writeback row, so a payment
-- that succeeded is never without one. Workers on any node claim due rows (FOR UPDATE SKIP LOCKED) and take a lease;
-- a node killed mid-post leaves a lease that expires, and the row is picked up again. What makes a second post
-- harmless is the customer payment's external id (portico-pay-<public id>): NetSuite keeps external ids unique per
-- record type, and a worker whose earlier try has an unknown outcome reads back by external id before posting again.

CREATE TABLE pay_writeback (
    id               bigserial   PRIMARY KEY,
    payment_id       bigint      NOT NULL UNIQUE REFERENCES pay_payment (id) ON DELETE CASCADE,
    tenant_id        bigint      NOT NULL REFERENCES organization (id),
    -- The NetSuite customer payment's external id, derived from the payment's public id.
    external_id      text        NOT NULL UNIQUE CHECK (external_id ~ '^[A-Za-z0-9_-]+$'),
    -- pending: to post (or to finish: the invoices' versions are still to read); posted: done; failed: NetSuite
    -- refused it for a reason retrying cannot fix (last_error is NetSuite's message), until an admin retries;
    -- skipped: the money went back (a bank return, a full refund) before anything was posted, so nothing is.
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posted', 'failed',
                                                                               'skipped')),
    -- The customer payment's NetSuite internal id, as soon as it is known.
    netsuite_id      text,
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- The node working on the row, and until when; a lease that ran out belongs to nobody.
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    posted_at        timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pay_writeback_due ON pay_writeback (next_attempt_at) WHERE status = 'pending';

-- What the write-back sets up per operator: the account the payment posts to (undeposited funds or a bank account)
-- and the payment method, as NetSuite internal ids. Without a row, payments wait in the outbox.
CREATE TABLE pay_writeback_settings (
    tenant_id          bigint      PRIMARY KEY REFERENCES organization (id),
    account_id         text        NOT NULL CHECK (account_id ~ '^[0-9]+$'),
    payment_method_id  text        CHECK (payment_method_id ~ '^[0-9]+$'),
    -- The NetSuite account's time zone: a payment's date is the day it succeeded there.
    time_zone          text        NOT NULL DEFAULT 'America/Los_Angeles',
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- The invoice as NetSuite had it right after the customer payment was applied: its last-modified time and remaining
-- balance, read back by the write-back. A synced invoice row shows the payment (and the allocation stops holding the
-- balance) once it is that version or a later one: last modified in a later minute, or in the same minute with a
-- balance no higher. Minutes, because SuiteQL and REST do not give the same precision.
ALTER TABLE pay_allocation ADD COLUMN netsuite_modified_at timestamptz,
    ADD COLUMN netsuite_remaining numeric(18, 4);

-- Whether an invoice synced with this last-modified time and remaining balance shows the allocation's payment.
CREATE FUNCTION pay_allocation_synced(invoice_modified timestamptz, invoice_remaining numeric,
                                      applied_modified timestamptz, applied_remaining numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    -- Never NULL: a NOT of it decides whether the allocation still holds the balance.
    SELECT coalesce(date_trunc('minute', invoice_modified) > date_trunc('minute', applied_modified)
                    OR (date_trunc('minute', invoice_modified) = date_trunc('minute', applied_modified)
                        AND coalesce(invoice_remaining, 0) <= applied_remaining), false)
$$;
