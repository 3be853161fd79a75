-- Pay: the operator's settings and the payment ledger.
--
-- A payment is a row with its invoice allocations and a status history, each change written in the transaction of
-- the state change it records. What keeps two payments from together paying more than an invoice's balance: a
-- payment's allocations hold their invoices' balance from the moment it is confirmed (status 'confirming' and
-- after, until it fails or is canceled), and confirming locks the invoices' rows (SELECT … FOR UPDATE on
-- ns_transaction) and checks the balance left after every other holding allocation, so two confirmations of the
-- same invoice on two nodes take turns. An allocation stops holding once NetSuite's own balance reflects it
-- (reflected_at, set by the write-back when the synced invoice shows the payment).

CREATE TABLE pay_settings (
    tenant_id                bigint        PRIMARY KEY REFERENCES organization (id),
    enabled                  boolean       NOT NULL DEFAULT false,
    -- The processor plugin's name and the operator's account with it.
    processor                text,
    processor_account_id     text,
    card_surcharge_percent   numeric(5, 3) NOT NULL DEFAULT 0 CHECK (card_surcharge_percent BETWEEN 0 AND 10),
    operator_state           text          CHECK (operator_state ~ '^[A-Z]{2}$'),
    texas_surcharge_allowed  boolean       NOT NULL DEFAULT false,
    customers_are_businesses boolean       NOT NULL DEFAULT false,
    bank_fee                 numeric(12, 2) NOT NULL DEFAULT 0 CHECK (bank_fee >= 0),
    bank_discount_percent    numeric(5, 3) NOT NULL DEFAULT 0 CHECK (bank_discount_percent BETWEEN 0 AND 10),
    partial_payments         boolean       NOT NULL DEFAULT true,
    -- The smallest partial payment of one invoice (a full payment of a smaller balance is always allowed).
    partial_minimum          numeric(12, 2) NOT NULL DEFAULT 0 CHECK (partial_minimum >= 0),
    updated_at               timestamptz   NOT NULL DEFAULT now(),
    CHECK (NOT enabled OR (processor IS NOT NULL AND processor_account_id IS NOT NULL))
);

-- Customers the operator exempts from surcharges and fees.
CREATE TABLE pay_fee_exemption (
    tenant_id       bigint NOT NULL REFERENCES organization (id),
    organization_id bigint NOT NULL REFERENCES organization (id),
    PRIMARY KEY (tenant_id, organization_id)
);

CREATE TABLE pay_payment (
    id                   bigserial     PRIMARY KEY,
    -- The id in addresses and in the processor's metadata: not guessable, unlike the serial.
    public_id            uuid          NOT NULL UNIQUE,
    tenant_id            bigint        NOT NULL REFERENCES organization (id),
    organization_id      bigint        NOT NULL REFERENCES organization (id),
    -- Who paid: a signed-in user, or someone holding a payment link (then the email they gave).
    user_id              bigint        REFERENCES app_user (id) ON DELETE SET NULL,
    link_id              bigint,
    payer_email          text          CHECK (length(payer_email) <= 254),
    currency             text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    invoices_amount      numeric(18, 4) NOT NULL CHECK (invoices_amount > 0),
    -- Decided when the payment method is known; zero until then, and zero for good if the payment never succeeds.
    surcharge            numeric(18, 4) NOT NULL DEFAULT 0 CHECK (surcharge >= 0),
    surcharge_percent    numeric(5, 3) NOT NULL DEFAULT 0,
    bank_fee             numeric(18, 4) NOT NULL DEFAULT 0 CHECK (bank_fee >= 0),
    bank_discount        numeric(18, 4) NOT NULL DEFAULT 0 CHECK (bank_discount >= 0),
    total                numeric(18, 4) NOT NULL CHECK (total >= 0),
    -- The pay_surcharge_rule rows that decided the surcharge.
    surcharge_rule_ids   bigint[]      NOT NULL DEFAULT '{}',
    method_kind          text          CHECK (method_kind IN ('card', 'us_bank_account')),
    card_funding         text,
    method_brand         text,
    method_last4         text          CHECK (method_last4 ~ '^[0-9]{4}$'),
    billing_state        text,
    processor            text          NOT NULL,
    processor_account_id text          NOT NULL,
    processor_reference  text,
    status               text          NOT NULL CHECK (status IN ('created', 'confirming', 'requires_action',
                             'processing', 'succeeded', 'failed', 'canceled', 'refunded', 'partially_refunded',
                             'disputed')),
    failure_reason       text,
    amount_refunded      numeric(18, 4) NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0),
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (processor, processor_reference)
);
CREATE INDEX pay_payment_organization ON pay_payment (tenant_id, organization_id, created_at DESC);
CREATE INDEX pay_payment_tenant ON pay_payment (tenant_id, created_at DESC);
-- Payments whose outcome is still open: the reconciler asks the processor about them.
CREATE INDEX pay_payment_open ON pay_payment (updated_at)
    WHERE status IN ('confirming', 'requires_action', 'processing');

CREATE TABLE pay_allocation (
    payment_id  bigint         NOT NULL REFERENCES pay_payment (id) ON DELETE CASCADE,
    invoice_id  bigint         NOT NULL REFERENCES ns_transaction (id),
    amount      numeric(18, 4) NOT NULL CHECK (amount > 0),
    reflected_at timestamptz,
    PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX pay_allocation_invoice ON pay_allocation (invoice_id) WHERE reflected_at IS NULL;

-- Every status a payment went through, with what moved it.
CREATE TABLE pay_payment_event (
    id          bigserial   PRIMARY KEY,
    payment_id  bigint      NOT NULL REFERENCES pay_payment (id) ON DELETE CASCADE,
    status      text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    detail      text,
    -- When the payer was told (the receipt, a bank payment's outcome); NULL while an email is owed.
    notified_at timestamptz
);
CREATE INDEX pay_payment_event_payment ON pay_payment_event (payment_id, id);
CREATE INDEX pay_payment_event_unnotified ON pay_payment_event (id) WHERE notified_at IS NULL;

-- Verified webhook events, once each (a redelivery is a no-op), processed asynchronously.
CREATE TABLE pay_webhook_event (
    processor           text        NOT NULL,
    event_id            text        NOT NULL,
    event_type          text        NOT NULL,
    processor_reference text,
    account_id          text,
    received_at         timestamptz NOT NULL DEFAULT now(),
    processed_at        timestamptz,
    attempts            int         NOT NULL DEFAULT 0,
    error               text,
    PRIMARY KEY (processor, event_id)
);
CREATE INDEX pay_webhook_event_pending ON pay_webhook_event (received_at) WHERE processed_at IS NULL;

-- No-login payment links: the token is random (256 bits) and only its SHA-256 is kept.
CREATE TABLE pay_link (
    id              bigserial   PRIMARY KEY,
    tenant_id       bigint      NOT NULL REFERENCES organization (id),
    organization_id bigint      NOT NULL REFERENCES organization (id),
    token_sha256    bytea       NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    invoice_ids     bigint[]    NOT NULL CHECK (cardinality(invoice_ids) BETWEEN 1 AND 100),
    created_by      bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    last_opened_at  timestamptz
);
ALTER TABLE pay_payment ADD FOREIGN KEY (link_id) REFERENCES pay_link (id) ON DELETE SET NULL;
