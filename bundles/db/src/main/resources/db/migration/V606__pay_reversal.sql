-- Pay: reversals in NetSuite, and the write-back settings an admin changes in Settings > Pay.
--
-- A payment that was posted to NetSuite and then fails (a bank return) or is refunded must stop showing in NetSuite
-- as money the operator kept. Each such change writes a reversal row into the outbox, in the ledger transaction that
-- records it: one per refund (refund_id) and one per payment failure (refund_id NULL), each with its own external id.
-- A reversal is due only once every earlier row of its payment is done (posted, skipped or resolved), so it never
-- overtakes the posting it reverses; when that posting was skipped (the money went back before anything was posted),
-- the reversal is skipped too.

ALTER TABLE pay_writeback DROP CONSTRAINT pay_writeback_payment_id_key;
ALTER TABLE pay_writeback
    -- payment: post the customer payment; reversal: take back amount of it.
    ADD COLUMN kind      text           NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'reversal')),
    ADD COLUMN refund_id bigint         UNIQUE REFERENCES pay_refund (id) ON DELETE CASCADE,
    ADD COLUMN amount    numeric(18, 4) CHECK (amount > 0),
    -- How the reversal was made once it was: the customer payment deleted, or a customer refund applied to it.
    ADD COLUMN reversed_by text         CHECK (reversed_by IN ('void', 'customer_refund')),
    ADD CONSTRAINT pay_writeback_kind_shape CHECK ((kind = 'payment') = (amount IS NULL)
                                                   AND (kind = 'reversal' OR refund_id IS NULL));
CREATE UNIQUE INDEX pay_writeback_one_posting ON pay_writeback (payment_id) WHERE kind = 'payment';
CREATE UNIQUE INDEX pay_writeback_one_failure ON pay_writeback (payment_id)
    WHERE kind = 'reversal' AND refund_id IS NULL;
-- The claim's look at a payment's earlier rows.
CREATE INDEX pay_writeback_payment_order ON pay_writeback (payment_id, id);

-- How the operator's payments post, set in Settings > Pay (the account and payment method exist since V605).
ALTER TABLE pay_writeback_settings
    -- none: surcharges and bank fees or discounts are not recorded in NetSuite; memo: the customer payment's memo
    -- names them. Neither is ever part of what is applied to invoices.
    ADD COLUMN fee_recording      text NOT NULL DEFAULT 'memo' CHECK (fee_recording IN ('none', 'memo')),
    -- void: a payment that fails or is refunded in full is deleted in NetSuite; customer_refund: a customer refund
    -- applied to it (always so for a partial refund).
    ADD COLUMN reversal_mode      text NOT NULL DEFAULT 'customer_refund'
                                       CHECK (reversal_mode IN ('void', 'customer_refund')),
    -- The NetSuite invoice body field that carries each open invoice's pay-now link, or NULL for none.
    ADD COLUMN pay_link_field     text CHECK (pay_link_field ~ '^custbody[a-z0-9_]{1,91}$'),
    -- Reconciliation warns when a write-back has waited longer than this.
    ADD COLUMN warn_after_minutes int  NOT NULL DEFAULT 60 CHECK (warn_after_minutes BETWEEN 1 AND 10080);
