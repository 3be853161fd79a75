-- Settings > NetSuite: the operator's NetSuite connection as an admin saved it in the browser, absent until then.
-- etc/io.portico.netsuite.cfg, when present, wins over it. Secrets are sealed with SecretBox (ENC(...)) under the key
-- kept outside the database (PORTICO_SECRET_KEY); the columns never hold them in plain text. Every node's NetSuite
-- client rereads the row every two seconds.
CREATE TABLE settings_netsuite (
    tenant_id         bigint      PRIMARY KEY REFERENCES organization (id),
    account_id        text        NOT NULL,
    base_url          text,
    auth_method       text        NOT NULL CHECK (auth_method IN ('tba', 'm2m')),
    consumer_key      text,
    consumer_secret   text        CHECK (consumer_secret LIKE 'ENC(%)'),
    token_id          text,
    token_secret      text        CHECK (token_secret LIKE 'ENC(%)'),
    client_id         text,
    certificate_id    text,
    private_key       text        CHECK (private_key LIKE 'ENC(%)'),
    algorithm         text        NOT NULL DEFAULT 'PS256',
    scopes            text        NOT NULL DEFAULT 'rest_webservices',
    time_zone         text        NOT NULL,
    date_format       text        NOT NULL,
    concurrency_limit integer     NOT NULL CHECK (concurrency_limit BETWEEN 1 AND 1000),
    version           bigint      NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        bigint      REFERENCES app_user (id) ON DELETE SET NULL
);
