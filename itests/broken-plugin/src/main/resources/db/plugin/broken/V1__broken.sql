-- A plugin migration that fails half-way: the table it made first must not stay behind.
CREATE TABLE broken_widget (id bigint PRIMARY KEY);
INSERT INTO broken_widget (id) VALUES (1), (1);
