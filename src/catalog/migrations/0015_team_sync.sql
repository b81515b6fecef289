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
