-- Sync: a run owns the state and the cursors of its configuration. Taking the lease moves the ownership to the new
-- run in the same transaction, and every page's transaction advances its cursor (or changes the state) only while
-- its run owns it, so a run whose node stalled past its lease can no longer commit anything once another node has
-- taken over. Lease renewals touch only sync_lease, so they never wait for pages.
ALTER TABLE sync_state ADD COLUMN owner_run_id bigint;

-- Cursors of an unfinished run get 0: the next run takes them over when it takes the lease.
ALTER TABLE sync_cursor ADD COLUMN run_id bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_cursor ALTER COLUMN run_id DROP DEFAULT;

COMMENT ON TABLE sync_lease IS 'Who runs a configuration''s sync now; a dead node''s lease expires and another node '
    'may take over, which also moves the ownership of the state and cursors to the new run.';
