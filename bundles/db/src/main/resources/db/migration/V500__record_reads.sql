-- The portal's reads (the records bundle's RecordReader): lists, related records and the dashboard.

-- Payments and credit memos applied to an invoice: their applications lines name the invoice's NetSuite id.
CREATE INDEX ns_transaction_line_applied ON ns_transaction_line (tenant_id, line_id) WHERE line_list = 'applications';

-- Invoices billed from a sales order and its shipments: they name the order in createdFromId.
CREATE INDEX ns_transaction_created_from ON ns_transaction (tenant_id, (attributes ->> 'createdFromId'))
    WHERE (attributes ->> 'createdFromId') IS NOT NULL;

-- What is still owed, per organization and across the tenant (dashboard balances, aging, most overdue).
CREATE INDEX ns_transaction_open ON ns_transaction (organization_id, record_type, due_date)
    INCLUDE (amount_remaining, currency) WHERE amount_remaining > 0 AND archived_at IS NULL;
CREATE INDEX ns_transaction_open_tenant ON ns_transaction (tenant_id, record_type, due_date)
    INCLUDE (amount_remaining, currency, organization_id) WHERE amount_remaining > 0 AND archived_at IS NULL;

-- A customer's recent activity, newest first. (The tenant-wide view sorts without an index: one more index on every
-- synced transaction would cost the sync's ingest more than the operator's dashboard gains.)
CREATE INDEX ns_transaction_recent ON ns_transaction (organization_id, last_modified DESC) WHERE archived_at IS NULL;
