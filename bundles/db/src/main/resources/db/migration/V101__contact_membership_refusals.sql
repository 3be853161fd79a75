-- People an administrator removed from a customer organization: contact links (contact_link, V400) never make them
-- members of it again, whatever NetSuite does with the contact afterwards (edited, re-synced, deleted and created
-- again) and however often the person verifies their email. A refusal ends only when an administrator adds the person
-- again: an accepted invitation (MembershipMapper.upsert deletes the row). There is never a membership for a refused
-- pair, so a role change never meets one.
CREATE TABLE contact_membership_refusal (
    user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES organization (id),
    tenant_id       bigint      NOT NULL REFERENCES organization (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, organization_id)
);

-- Before refusals, a membership an administrator removed left its contact_membership row behind (and the next link
-- gave it back): those removals are refusals too. On a new database this runs before V400 and finds nothing to do.
DO $$
BEGIN
    IF to_regclass('contact_membership') IS NOT NULL THEN
        INSERT INTO contact_membership_refusal (user_id, organization_id, tenant_id)
        SELECT cm.user_id, cm.organization_id, cm.tenant_id
        FROM contact_membership cm
        WHERE NOT EXISTS (
            SELECT 1 FROM membership m WHERE m.user_id = cm.user_id AND m.organization_id = cm.organization_id);
        DELETE FROM contact_membership cm USING contact_membership_refusal r
        WHERE r.user_id = cm.user_id AND r.organization_id = cm.organization_id;
    END IF;
END
$$;
