-- Photos travel between a team's replicas: one member's import reaches the
-- others (its file's facts, its description and its thumbnail) without
-- their reading the file.
--
-- This catalogue shares its imports from `team create` or `team join` on:
-- the row says so, and how far it has pulled the photos other members
-- imported (their place in the server's order of photos). No row before.
CREATE TABLE team_photos (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    pulled      INTEGER NOT NULL DEFAULT 0 CHECK (pulled >= 0)
);

-- Photos imported here that the team's server does not have yet.
CREATE TABLE photo_unsent (
    photo_id    INTEGER PRIMARY KEY REFERENCES photo (id) ON DELETE CASCADE
);

-- Where the team's shared store of scans is mounted on this machine (`team
-- join --root REMOTE=LOCAL`): a photo travels with its path as the team
-- names it, REMOTE, and is found here under LOCAL. A fact of this machine,
-- like the photos' paths, not an operation in the history.
CREATE TABLE team_root (
    remote      BLOB PRIMARY KEY,
    local       BLOB NOT NULL
) WITHOUT ROWID;
