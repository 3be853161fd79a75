-- "View as customer": operator staff look at a customer organization's portal read-only from their own session.
-- The state lives only here, server-side: a request never names the organization it views. A view ends when it is
-- stopped, when the session ends, or at viewing_until (an hour after it started), whichever comes first.
ALTER TABLE http_session
    ADD COLUMN viewing_organization_id bigint REFERENCES organization (id),
    ADD COLUMN viewing_until timestamptz,
    ADD CONSTRAINT http_session_viewing CHECK ((viewing_organization_id IS NULL) = (viewing_until IS NULL));
