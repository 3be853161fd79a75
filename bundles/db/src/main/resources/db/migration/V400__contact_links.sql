-- NetSuite contacts linked to their customer's organization by email (the contact record-type plugin).
--
-- One row per active NetSuite contact that has a company and a usable email address. A portal user whose verified
-- email equals a contact's email belongs to that contact's customer organization; the contact's mail domain is a
-- candidate email domain of the organization for self-registration. A contact deleted or made inactive in
-- NetSuite, moved to another company or stripped of its email loses its row.
CREATE TABLE contact_link (
    tenant_id            bigint      NOT NULL REFERENCES organization (id),
    contact_netsuite_id  text        NOT NULL,
    -- The NetSuite internal id of the contact's company (the customer whose organization it belongs to).
    customer_netsuite_id text        NOT NULL,
    -- Lower case; matched against app_user.email case-insensitively.
    email                text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    email_domain         text        NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, contact_netsuite_id)
);
CREATE INDEX contact_link_email ON contact_link (tenant_id, email);
CREATE INDEX contact_link_customer ON contact_link (tenant_id, customer_netsuite_id);

-- Memberships that exist only because a contact link made them, so that losing the link takes back exactly those
-- (and never a membership an invitation or a registration made).
CREATE TABLE contact_membership (
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES organization (id),
    tenant_id       bigint      NOT NULL REFERENCES organization (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX contact_membership_tenant ON contact_membership (tenant_id);
