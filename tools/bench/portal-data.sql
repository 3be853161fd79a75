-- The customer portal benchmark's data (tools/bench/portal-bench.sh), on a database Portico has migrated.
--
-- Plain SQL (INSERT ... SELECT generate_series) rather than a sync from the NetSuite sandbox: a million invoices load
-- in a minute or two this way, where a sync would take most of an hour and measure the sync, not the portal. The rows
-- are the ones the sync writes: the same tables and columns as bundles/sync PageWriter (tenant_id, organization_id
-- from the owning customer's organization, record_type, netsuite_id, owner_netsuite_id, number, record_date,
-- due_date, status, total, amount_remaining, currency, last_modified, attributes as the record types map them,
-- content_hash, sync_generation; lines in ns_transaction_line under (transaction_id, line_list, line_id) with the
-- tenant and organization), and the organizations are the ones the customer sync creates (kind 'customer', the
-- customer's NetSuite id), each with its customer record in ns_entity.
--
-- What it makes (dates relative to the day it runs, so open invoices are partly current, partly overdue):
--   10,000 customers "Customer 00001".. with 100 invoices each      netsuite ids 1,000,001..2,000,000, INV-0000001..
--   "Bench Customer 1000": 1,000 invoices, one a day for 1,000 days   netsuite ids 3,000,001..3,001,000, INV-000001..
--       30 payments (each pays one invoice in full and half of another, some with money left unapplied) and
--       5 credit memos (items and applications), applications lines naming the invoices' NetSuite ids
--   "Bench Customer 10000": 10,000 invoices (the 10,000-row CSV)      netsuite ids 3,100,001..3,110,000, BIG-00001..
-- Every invoice: 1 to 4 item lines (2.5 on average); 70 % paid, 30 % open of which a third half paid.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE bench_tenant AS SELECT id FROM organization WHERE kind = 'operator' ORDER BY id LIMIT 1;

-- Customer organizations, as the customer sync's upsertCustomer writes them.
INSERT INTO organization (tenant_id, kind, name, netsuite_id, email_domains, currency, attributes)
SELECT (SELECT id FROM bench_tenant), 'customer', 'Customer ' || lpad(k::text, 5, '0'), (100000 + k)::text, '{}'::text[],
       'USD', jsonb_build_object('email', 'ap@customer' || k || '.example')
FROM generate_series(1, 10000) k
UNION ALL
SELECT (SELECT id FROM bench_tenant), 'customer', name, netsuite_id, '{}'::text[], 'USD',
       jsonb_build_object('email', 'ap@' || netsuite_id || '.example')
FROM (VALUES ('Bench Customer 1000', '900001'), ('Bench Customer 10000', '900002')) AS v(name, netsuite_id);

-- Their customer records (the customer record type's rows in ns_entity).
INSERT INTO ns_entity (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id, number, name, email,
                       record_date, currency, last_modified, attributes, content_hash, sync_generation)
SELECT o.tenant_id, o.id, 'customer', o.netsuite_id::bigint, o.netsuite_id, 'C' || o.netsuite_id, o.name,
       o.attributes ->> 'email', current_date - 2000, 'USD', now() - interval '30 days',
       jsonb_build_object('terms', 'Net 30', 'phone', '+1 555 0100', 'billingAddress', o.name || E'\n1 Main Street'),
       hashtextextended('customer' || o.netsuite_id, 0), 1
FROM organization o WHERE o.tenant_id = (SELECT id FROM bench_tenant) AND o.kind = 'customer';

-- COUNT invoices numbered PREFIX || n (n = 1..COUNT, zero-padded to WIDTH), netsuite ids FIRST_ID + n, owned by the
-- customer ORG_BASE + (n - 1) % ORGS, dated over the last 1,000 days in n's order. Line k of invoice s (netsuite
-- id) has quantity 1 + (s + k) % 5 and rate (1000 + (7 s + 13 k) % 9000) / 100; the total is their sum.
CREATE FUNCTION pg_temp.bench_invoices(first_id bigint, n_invoices int, org_base int, orgs int, prefix text, width int)
RETURNS void LANGUAGE sql AS $$
INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id, number, name,
                            email, record_date, due_date, status, total, amount_remaining, currency, last_modified,
                            attributes, archived_at, content_hash, sync_generation)
SELECT o.tenant_id, o.id, 'invoice', s.id, o.netsuite_id, s.number, NULL, NULL, s.d, s.d + 30,
       CASE WHEN s.paid THEN 'paid' ELSE 'open' END, t.total, r.remaining, 'USD', s.d + time '09:00' + s.n * interval '1 s',
       jsonb_build_object(
           'statusCode', CASE WHEN s.paid THEN 'B' ELSE 'A' END,
           'statusLabel', CASE WHEN s.paid THEN 'Paid In Full' ELSE 'Open' END,
           'customer', o.name, 'exchangeRate', 1, 'memo', 'Order ' || s.n, 'otherRefNum', 'PO-' || s.n,
           'termsId', '2', 'terms', 'Net 30', 'subsidiaryId', '1', 'subsidiary', 'Portico Demo Inc.',
           'postingPeriodId', to_char(s.d, 'YYYYMM'), 'postingPeriod', to_char(s.d, 'Mon YYYY'),
           'email', o.attributes ->> 'email', 'createdAt', to_char(s.d, 'YYYY-MM-DD') || 'T09:00:00Z',
           'amountPaid', t.total - r.remaining, 'billingAddress', o.name || E'\n1 Main Street\nSpringfield'),
       NULL, hashtextextended('invoice' || s.id, 0), 1
FROM (SELECT n, first_id + n AS id, prefix || lpad(n::text, width, '0') AS number,
             current_date - 1000 + ((n - 1)::bigint * 1000 / n_invoices)::int AS d, n % 10 < 7 AS paid
      FROM generate_series(1, n_invoices) n) s
CROSS JOIN LATERAL (SELECT sum((1 + (s.id + k) % 5) * round((1000 + (s.id * 7 + k * 13) % 9000) / 100.0, 2)) AS total
                    FROM generate_series(1, 1 + s.id % 4) k) t
CROSS JOIN LATERAL (SELECT CASE WHEN s.paid THEN 0 WHEN s.n % 10 = 9 THEN round(t.total / 2, 2) ELSE t.total END
                        AS remaining) r
JOIN organization o ON o.tenant_id = (SELECT id FROM bench_tenant) AND o.kind = 'customer'
                   AND o.netsuite_id = (org_base + (s.n - 1) % orgs)::text
$$;

SELECT pg_temp.bench_invoices(1000000, 1000000, 100001, 10000, 'INV-', 7);
SELECT pg_temp.bench_invoices(3000000, 1000, 900001, 1, 'INV-', 6);
SELECT pg_temp.bench_invoices(3100000, 10000, 900002, 1, 'BIG-', 5);

-- Item lines (line list 'items', line ids from 1) of every invoice, as TransactionRecordType maps them.
INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id, item, description,
                                 quantity, rate, amount, attributes)
SELECT t.id, 'items', k, t.tenant_id, t.organization_id, 'Widget ' || ((t.netsuite_id + k) % 50 + 1),
       'Widget, model ' || ((t.netsuite_id * 3 + k) % 500), q.quantity, q.rate, q.quantity * q.rate,
       jsonb_build_object('itemId', ((t.netsuite_id + k) % 50 + 1)::text, 'itemType', 'InvtPart', 'closed', false)
FROM ns_transaction t
CROSS JOIN LATERAL generate_series(1, 1 + t.netsuite_id % 4) k
CROSS JOIN LATERAL (SELECT 1 + (t.netsuite_id + k) % 5 AS quantity,
                           round((1000 + (t.netsuite_id * 7 + k * 13) % 9000) / 100.0, 2) AS rate) q
WHERE t.tenant_id = (SELECT id FROM bench_tenant) AND t.record_type = 'invoice';

-- "Bench Customer 1000": payment p (p = 1..30) pays invoice 10p + 1 in full and half of invoice 10p + 9 (the half paid
-- ones); every fifth payment leaves 25.00 unapplied. Credit memo c (c = 1..5) credits invoice 100c + 5 in full and
-- the first two leave 10.00 unapplied.
CREATE TEMP TABLE bench_applied AS
SELECT 'customerpayment' AS record_type, 3200000 + p AS netsuite_id, 'PYMT-' || lpad(p::text, 4, '0') AS number,
       i.netsuite_id AS invoice_id, i.number AS invoice_number, i.record_date AS invoice_date, i.total AS invoice_total,
       CASE WHEN i.netsuite_id % 10 = 9 THEN i.total - i.amount_remaining ELSE i.total END AS amount,
       CASE WHEN p % 5 = 0 THEN 25.00 ELSE 0 END AS unapplied, i.record_date + 20 AS d
FROM generate_series(1, 30) p
JOIN ns_transaction i ON i.record_type = 'invoice' AND i.netsuite_id IN (3000000 + 10 * p + 1, 3000000 + 10 * p + 9)
UNION ALL
SELECT 'creditmemo', 3300000 + c, 'CM-' || lpad(c::text, 4, '0'), i.netsuite_id, i.number, i.record_date, i.total,
       i.total, CASE WHEN c <= 2 THEN 10.00 ELSE 0 END, i.record_date + 10
FROM generate_series(1, 5) c
JOIN ns_transaction i ON i.record_type = 'invoice' AND i.netsuite_id = 3000000 + 100 * c + 5;

INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, owner_netsuite_id, number, name,
                            email, record_date, due_date, status, total, amount_remaining, currency, last_modified,
                            attributes, archived_at, content_hash, sync_generation)
SELECT o.tenant_id, o.id, a.record_type, a.netsuite_id, o.netsuite_id, a.number, NULL, NULL, min(a.d), NULL,
       CASE WHEN a.record_type = 'creditmemo' THEN CASE WHEN max(a.unapplied) > 0 THEN 'open' ELSE 'fully-applied' END
            ELSE 'deposited' END,
       sum(a.amount) + max(a.unapplied), max(a.unapplied), 'USD', min(a.d) + time '10:00',
       jsonb_build_object('statusCode', CASE WHEN a.record_type = 'creditmemo' AND max(a.unapplied) = 0 THEN 'B'
                                             WHEN a.record_type = 'creditmemo' THEN 'A' ELSE 'C' END,
                          'customer', o.name, 'exchangeRate', 1, 'memo', 'Bench ' || a.number,
                          'subsidiaryId', '1', 'subsidiary', 'Portico Demo Inc.',
                          'applied', sum(a.amount), 'unapplied', max(a.unapplied)),
       NULL, hashtextextended(a.record_type || a.netsuite_id, 0), 1
FROM bench_applied a
JOIN organization o ON o.tenant_id = (SELECT id FROM bench_tenant) AND o.kind = 'customer' AND o.netsuite_id = '900001'
GROUP BY o.tenant_id, o.id, o.netsuite_id, o.name, a.record_type, a.netsuite_id, a.number;

-- Their applications lines: line id = the invoice's NetSuite id, the invoice number as item, the amount applied.
INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id, item, description,
                                 quantity, rate, amount, attributes)
SELECT t.id, 'applications', a.invoice_id, t.tenant_id, t.organization_id, a.invoice_number, NULL, NULL, NULL,
       a.amount, jsonb_build_object('invoiceId', a.invoice_id::text, 'invoiceDate', a.invoice_date::text,
                                    'invoiceTotal', a.invoice_total)
FROM bench_applied a JOIN ns_transaction t ON t.record_type = a.record_type AND t.netsuite_id = a.netsuite_id;

-- A credit memo's item line: what was credited.
INSERT INTO ns_transaction_line (transaction_id, line_list, line_id, tenant_id, organization_id, item, description,
                                 quantity, rate, amount, attributes)
SELECT t.id, 'items', 1, t.tenant_id, t.organization_id, 'Returned goods', 'Credit for ' || a.invoice_number, 1,
       t.total, t.total, jsonb_build_object('itemId', '90', 'itemType', 'NonInvtPart', 'closed', false)
FROM bench_applied a JOIN ns_transaction t ON t.record_type = 'creditmemo' AND t.netsuite_id = a.netsuite_id;

ANALYZE organization;
ANALYZE ns_entity;
ANALYZE ns_transaction;
ANALYZE ns_transaction_line;
