-- Pay: refunds of succeeded payments, each one row before the processor is asked, so that its id makes the
-- idempotency key (refund:<id>) and a refund the processor has not answered yet still counts against what is left
-- to refund.
CREATE TABLE pay_refund (
    id                  bigserial      PRIMARY KEY,
    payment_id          bigint         NOT NULL REFERENCES pay_payment (id) ON DELETE CASCADE,
    amount              numeric(18, 4) NOT NULL CHECK (amount > 0),
    reason              text           CHECK (length(reason) <= 500),
    -- pending: asked, or answered pending; succeeded and failed are the processor's answers.
    status              text           NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    processor_reference text,
    failure_reason      text,
    created_by          bigint         REFERENCES app_user (id) ON DELETE SET NULL,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX pay_refund_payment ON pay_refund (payment_id, id);
