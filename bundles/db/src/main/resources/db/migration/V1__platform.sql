-- The nodes of a Portico cluster: each node upserts its row while it runs, so any node can tell who is alive.
CREATE TABLE node (
    node_id      text        PRIMARY KEY,
    host_name    text        NOT NULL,
    version      text        NOT NULL,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
