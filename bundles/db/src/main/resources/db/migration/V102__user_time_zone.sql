-- The time zone a person reads times in (an IANA name such as Europe/Paris), chosen on their account page or taken
-- once from their browser. NULL until then: pages show UTC. Calendar dates (an invoice's date) never use it.
ALTER TABLE app_user ADD COLUMN time_zone text CHECK (length(time_zone) <= 64);
