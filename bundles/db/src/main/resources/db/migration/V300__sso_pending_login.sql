-- SSO sign-ins in progress: what the server keeps between sending a browser to an identity provider and the
-- provider sending it back. Keyed by a hash of the state, so the table alone cannot be used to finish a sign-in;
-- each row is taken (deleted) by its first use and is useless after expires_at.
-- Interim home until the identity bundle's PostgreSQL sessions can carry it.
CREATE TABLE sso_pending_login (
    state_hash        bytea       PRIMARY KEY,   -- SHA-256 of the state sent to the provider
    browser_hash      bytea       NOT NULL,      -- SHA-256 of the browser-binding cookie that started the sign-in
    provider          text        NOT NULL,
    authorization_uri text        NOT NULL,
    nonce             text        NOT NULL,
    code_verifier     text        NOT NULL,
    redirect_uri      text        NOT NULL,
    return_to         text        NOT NULL,
    properties        jsonb       NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL
);

CREATE INDEX sso_pending_login_expires ON sso_pending_login (expires_at);
