-- Settings > Sidebar: the operator's placement of each sidebar entry (a record type by its name, or 'dashboard',
-- 'documents'). An entry without a row (a plugin installed since) goes after the placed ones until an admin places it.
CREATE TABLE settings_sidebar (
    tenant_id  bigint  NOT NULL REFERENCES organization (id),
    key        text    NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{0,63}$'),
    position   integer NOT NULL,
    label      text    CHECK (char_length(label) BETWEEN 1 AND 40),
    icon       text    CHECK (icon ~ '^[a-z0-9-]{1,40}$'),
    hidden     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, key)
);
