-- Syncing with the team's server. Each operation learns its place in the
-- server's order of operations once it is there (`server_pos`: pushed
-- from here or pulled from there; 0 for an operation every member had
-- from the team's snapshot), and remembers how far this replica had
-- pulled when it was made (`seen`): an operation made without knowing
-- another that changed the same field is in conflict with it.
ALTER TABLE edit_operation ADD COLUMN server_pos INTEGER;
ALTER TABLE edit_operation ADD COLUMN seen INTEGER;
-- This replica's own operations not on the server yet.
CREATE INDEX edit_operation_unsent ON edit_operation (replica, seq) WHERE server_pos IS NULL;

-- How far this replica has pulled the server's operations. No row until
-- its first sync.
CREATE TABLE team_sync (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    pulled      INTEGER NOT NULL CHECK (pulled >= 0)
);

-- A claim a sync made from two changes of a field made apart keeps the
-- operation whose value it holds ("replica:seq"): the same claim on every
-- replica, made once whichever order the changes came in. Never preferred.
ALTER TABLE claim ADD COLUMN kept_from TEXT;
CREATE UNIQUE INDEX claim_kept ON claim (photo_id, field, kept_from) WHERE kept_from IS NOT NULL;

-- The values of changes pulled from the server that a later change of the
-- same field had superseded when they came.
CREATE TABLE merge_value (
    operation_id    INTEGER NOT NULL REFERENCES edit_operation (id) ON DELETE CASCADE,
    photo_id        INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    field           TEXT NOT NULL,
    value           TEXT NOT NULL CHECK (json_valid(value))
);
CREATE INDEX merge_value_photo ON merge_value (photo_id, field);
