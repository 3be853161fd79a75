-- Sync: a transaction's lines come in named lists (io.portico.api.recordtype.LineQuery#name): a credit memo has its
-- item lines ('items', what was credited) and its 'applications' (the invoices the credit was applied to). A line id
-- is unique within its list only. The default is the name a list has unless a record type gives it another.
ALTER TABLE ns_transaction_line ADD COLUMN line_list text NOT NULL DEFAULT 'items';

-- Until now credit memos and customer payments kept their applications as their only lines.
UPDATE ns_transaction_line l SET line_list = 'applications'
FROM ns_transaction t
WHERE t.id = l.transaction_id AND t.record_type IN ('creditmemo', 'customerpayment');

ALTER TABLE ns_transaction_line DROP CONSTRAINT ns_transaction_line_pkey,
    ADD PRIMARY KEY (transaction_id, line_list, line_id);

-- Credit memos now also keep their item lines, which only a full load brings for the credit memos NetSuite does not
-- change again: the next credit memo run is one, from the start (an unfinished run's cursors are dropped; a run still
-- going on an old node loses its ownership at its next page).
UPDATE sync_state SET full_required = true, pending = NULL, owner_run_id = NULL, updated_at = now()
WHERE config_id IN (SELECT id FROM sync_config WHERE record_type = 'creditmemo');
DELETE FROM sync_cursor WHERE config_id IN (SELECT id FROM sync_config WHERE record_type = 'creditmemo');
