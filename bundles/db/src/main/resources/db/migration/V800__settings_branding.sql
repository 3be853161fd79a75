-- Settings > Branding: one row for the operator (the tenant), absent until an admin first saves; until then the
-- portal shows etc/io.portico.branding.cfg. Every node rereads the row within seconds; version grows with every save
-- and names the logo's and favicon's addresses, so browsers fetch a new image at once.
CREATE TABLE settings_branding (
    tenant_id     bigint      PRIMARY KEY REFERENCES organization (id),
    name          text        NOT NULL,
    colour        text        NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
    support_email text,
    support_phone text,
    footer        text,
    logo          bytea,
    logo_type     text CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
    favicon       bytea,
    favicon_type  text CHECK (favicon_type IN ('image/png', 'image/svg+xml', 'image/x-icon')),
    version       bigint      NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    CHECK ((logo IS NULL) = (logo_type IS NULL)),
    CHECK ((favicon IS NULL) = (favicon_type IS NULL))
);
