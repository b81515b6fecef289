-- The team catalogue this replica belongs to: the URL of its PostgreSQL
-- server, kept once `team create` or `team join` has used it, so that the
-- team's commands need not be given it again. Never a password: a URL that
-- holds one is not kept. A fact of this machine, like the photos' paths,
-- not an operation in the history. No row until then.
CREATE TABLE team_server (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    url         TEXT NOT NULL
);
