-- The sandbox processor's refunds settle after a delay, as a real processor's do: pending when asked, succeeded
-- later, reported by webhook. Their state is a table of its own rather than columns of pay_sandbox_refund because on a
-- new database this migration runs before V610 creates that table (hence no foreign key either).
CREATE TABLE pay_sandbox_refund_state (
    refund_id   text        PRIMARY KEY,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    -- When the scheduler settles it.
    settle_at   timestamptz NOT NULL,
    settled_at  timestamptz
);
CREATE INDEX pay_sandbox_refund_state_due ON pay_sandbox_refund_state (settle_at) WHERE status = 'PENDING';
