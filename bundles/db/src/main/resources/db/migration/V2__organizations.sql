-- Organizations: the operator (the company that runs Portico, the tenant) and one child organization per NetSuite
-- customer (later vendor). Every tenant-owned row elsewhere carries tenant_id and organization_id.
CREATE TABLE organization (
    id             bigserial   PRIMARY KEY,
    tenant_id      bigint      REFERENCES organization (id),
    kind           text        NOT NULL CHECK (kind IN ('operator', 'customer', 'vendor')),
    name           text        NOT NULL,
    netsuite_id    text,
    parent_id      bigint      REFERENCES organization (id),
    email_domains  text[]      NOT NULL DEFAULT '{}',
    billing_state  text,
    currency       text,
    attributes     jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    archived_at    timestamptz,
    CHECK ((kind = 'operator') = (tenant_id IS NULL)),
    UNIQUE (tenant_id, kind, netsuite_id)
);

CREATE INDEX organization_tenant ON organization (tenant_id);
CREATE INDEX organization_email_domains ON organization USING gin (email_domains);

-- One deployment serves one operator; its row is the tenant of everything else.
INSERT INTO organization (tenant_id, kind, name) VALUES (NULL, 'operator', 'Portico Operator');
