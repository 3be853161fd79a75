-- Identity: users, their memberships in organizations, sessions, one-time links, API tokens and the audit log.
-- Secrets are never stored in the clear: session ids, one-time links and API tokens are kept as SHA-256 hashes,
-- passwords as argon2id hashes, TOTP secrets sealed with the platform's SecretBox.

-- The customer sync may store a sub-customer before its parent; the parent link is resolved when both exist.
ALTER TABLE organization ADD COLUMN parent_netsuite_id text;

-- Per-organization sign-in policy. The operator's row also holds the defaults for its customers.
CREATE TABLE identity_policy (
    organization_id   bigint      PRIMARY KEY REFERENCES organization (id),
    mfa_required      boolean     NOT NULL DEFAULT false,
    -- Self-registration by email domain: open (join at once), approval (an admin approves), closed;
    -- NULL on a customer's row means the operator's setting applies.
    self_registration text        CHECK (self_registration IN ('open', 'approval', 'closed')),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
INSERT INTO identity_policy (organization_id, self_registration)
SELECT id, 'open' FROM organization WHERE kind = 'operator';

CREATE TABLE app_user (
    id                  bigserial   PRIMARY KEY,
    tenant_id           bigint      NOT NULL REFERENCES organization (id),
    email               text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name        text        NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),
    password_hash       text,
    email_verified_at   timestamptz,
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    failed_attempts     integer     NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    mfa_secret          text,
    mfa_enabled_at      timestamptz,
    -- The last TOTP time step accepted, so that a code cannot be used twice.
    mfa_last_step       bigint,
    password_changed_at timestamptz,
    last_sign_in_at     timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (tenant_id, lower(email));

-- Identities at external providers (SSO) linked to a user.
CREATE TABLE user_identity (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    provider     text        NOT NULL,
    issuer       text        NOT NULL,
    subject      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, subject)
);
CREATE INDEX user_identity_user ON user_identity (user_id);

CREATE TABLE membership (
    id              bigserial   PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES organization (id),
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- Record-type name -> 'none' | 'view' | 'pay', narrowing what the role allows for that type.
    record_access   jsonb       NOT NULL DEFAULT '{}',
    -- pending: registered by email domain, waiting for an admin's approval.
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, organization_id)
);
CREATE INDEX membership_organization ON membership (organization_id);

-- Browser sessions: any node can serve any request.
CREATE TABLE http_session (
    id_hash         bytea       PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      REFERENCES organization (id),
    auth_method     text        NOT NULL CHECK (auth_method IN ('password', 'sso')),
    -- The password was right but the TOTP code is still to come.
    mfa_pending     boolean     NOT NULL DEFAULT false,
    csrf_token      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    ip              text,
    user_agent      text
);
CREATE INDEX http_session_user ON http_session (user_id);
CREATE INDEX http_session_expires ON http_session (expires_at);

-- Single-use links sent by email: invitations, password resets, email verification.
CREATE TABLE one_time_token (
    id              bigserial   PRIMARY KEY,
    token_hash      bytea       NOT NULL UNIQUE,
    purpose         text        NOT NULL CHECK (purpose IN ('invite', 'reset', 'verify')),
    email           text        NOT NULL,
    user_id         bigint      REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      REFERENCES organization (id),
    role            text        CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_by      bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    CHECK (purpose <> 'invite' OR (organization_id IS NOT NULL AND role IS NOT NULL))
);
CREATE INDEX one_time_token_open ON one_time_token (purpose, lower(email))
    WHERE used_at IS NULL AND revoked_at IS NULL;

-- Bearer tokens for the operator's automation; each acts as its user in one organization.
CREATE TABLE api_token (
    id              bigserial   PRIMARY KEY,
    token_hash      bytea       NOT NULL UNIQUE,
    prefix          text        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES organization (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

-- Who did what, when, from where.
CREATE TABLE audit_log (
    id              bigserial   PRIMARY KEY,
    tenant_id       bigint      NOT NULL REFERENCES organization (id),
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_user_id   bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    organization_id bigint      REFERENCES organization (id),
    subject         text,
    detail          jsonb       NOT NULL DEFAULT '{}',
    ip              text,
    user_agent      text
);
CREATE INDEX audit_log_time ON audit_log (tenant_id, occurred_at DESC);
CREATE INDEX audit_log_organization ON audit_log (organization_id, occurred_at DESC);
-- Sign-in throttling counts recent failures per client address.
CREATE INDEX audit_log_failed_sign_in ON audit_log (ip, occurred_at) WHERE action = 'sign_in.failed';
