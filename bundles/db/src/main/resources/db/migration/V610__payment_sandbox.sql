-- The sandbox payment processor's own books (plugins/payment-sandbox): it plays a processor's servers, so it keeps
-- its accounts, payment methods, payments, refunds, idempotency answers and webhook events apart from the ledger.
-- Ids are the processor's (acct_sandbox_…, pm_sandbox_…, pi_sandbox_…): random and unguessable, like Stripe's.

-- One row: the webhook signing secret generated on first use, shared by every node (unless configured).
CREATE TABLE pay_sandbox_secret (
    one      boolean PRIMARY KEY DEFAULT true CHECK (one),
    secret   text    NOT NULL
);

CREATE TABLE pay_sandbox_account (
    id             text        PRIMARY KEY,
    business_name  text,
    email          text,
    state          text        NOT NULL CHECK (state IN ('onboarding', 'ready')),
    -- Chosen on the onboarding page: a US state or territory, or NULL for outside the US.
    business_state text        CHECK (business_state ~ '^[A-Z]{2}$'),
    -- Where "Finish onboarding" sends the admin (the sandbox's onboarding links never expire, so it needs no
    -- refresh address).
    return_uri     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- A payment method entered in the element: only test numbers are accepted, so no real card data is ever kept.
CREATE TABLE pay_sandbox_method (
    id              text        PRIMARY KEY,
    account_id      text        NOT NULL REFERENCES pay_sandbox_account (id),
    kind            text        NOT NULL CHECK (kind IN ('CARD', 'US_BANK_ACCOUNT')),
    -- The test card or bank account number: it decides the outcome.
    test_number     text        NOT NULL,
    funding         text        NOT NULL CHECK (funding IN ('CREDIT', 'DEBIT', 'PREPAID', 'UNKNOWN')),
    brand           text,
    last4           text        NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    billing_state   text        CHECK (billing_state ~ '^[A-Z]{2}$'),
    -- Tokens expire a day after entry.
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pay_sandbox_payment (
    id                    text        PRIMARY KEY,
    account_id            text        NOT NULL REFERENCES pay_sandbox_account (id),
    ledger_payment_id     text        NOT NULL,
    currency              text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Amounts in the currency's smallest unit: prepared, confirmed (with the fee), received, refunded.
    amount_minor          bigint      NOT NULL CHECK (amount_minor > 0),
    confirmed_minor       bigint      CHECK (confirmed_minor > 0),
    received_minor        bigint      CHECK (received_minor >= 0),
    refunded_minor        bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    methods               text        NOT NULL,
    description           text,
    metadata              text        NOT NULL DEFAULT '{}',
    status                text        NOT NULL CHECK (status IN ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION',
                                          'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED')),
    method_id             text        REFERENCES pay_sandbox_method (id),
    return_uri            text,
    failure_reason        text,
    -- When a bank debit's outcome is due (the scheduler settles it then).
    settle_at             timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (refunded_minor <= coalesce(received_minor, 0))
);
CREATE INDEX pay_sandbox_payment_due ON pay_sandbox_payment (settle_at) WHERE status = 'PROCESSING';

CREATE TABLE pay_sandbox_refund (
    id           text        PRIMARY KEY,
    payment_id   text        NOT NULL REFERENCES pay_sandbox_payment (id),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    reason       text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The first answer to each idempotency key, per operation: a repeat gets it again; the same key with other
-- parameters (another fingerprint) is refused, as Stripe does.
CREATE TABLE pay_sandbox_idempotency (
    operation    text        NOT NULL CHECK (operation IN ('checkout', 'confirm', 'refund')),
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  text        NOT NULL,
    -- The answer: the object it made (pi_… or re_…) and, for confirmations, the state it answered.
    reference    text,
    status       text,
    action_uri   text,
    failure_reason text,
    received_minor bigint,
    refunded_minor bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, key)
);

-- Webhook events, written in the transaction of the change they report, delivered (signed) by the scheduler with
-- retries and backoff.
CREATE TABLE pay_sandbox_event (
    id               text        PRIMARY KEY,
    -- The order of the changes, which deliveries keep (the platform must not rely on it: it fetches the state).
    seq              bigserial   NOT NULL UNIQUE,
    type             text        NOT NULL,
    account_id       text        NOT NULL,
    payment_id       text,
    body             text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz,
    -- Set when the last attempt failed for good.
    abandoned_at     timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pay_sandbox_event_due ON pay_sandbox_event (seq)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
