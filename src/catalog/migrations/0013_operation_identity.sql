-- This catalogue as one replica of a team catalogue: its id, random, made
-- here (`kartoteka_new_replica_id()` is a function Kartoteka gives the
-- connection while it migrates), and the author its operations record.
-- A copy of the file (a backup restored, a file copied by hand) shares the
-- id; joining a team (`team join`, not built yet) is to make a new replica
-- with an id of its own.
CREATE TABLE local_replica (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    id          TEXT NOT NULL CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
    author      TEXT
);
INSERT INTO local_replica (only, id) VALUES (1, kartoteka_new_replica_id());

-- Every operation says which replica made it, which of that replica's
-- operations it is (1, 2, 3... with no gaps) and when, by the hybrid
-- logical clock (milliseconds << 16 | counter, see `catalog::clock`); and
-- who made it, when an author was set. The operations before this version
-- are this replica's, in order, timed by `at` with counters so that their
-- times go up even where `at` went back.
ALTER TABLE edit_operation ADD COLUMN replica TEXT;
ALTER TABLE edit_operation ADD COLUMN seq INTEGER;
ALTER TABLE edit_operation ADD COLUMN hlc INTEGER;
ALTER TABLE edit_operation ADD COLUMN author TEXT;

-- Each time is the later of its own second and the time before it plus
-- one: for the n-th operation (from 0), n + max(second_k - k) over k <= n.
WITH timed AS (
    SELECT id,
           row_number() OVER (ORDER BY id) - 1 AS n,
           max(ifnull(unixepoch(at), 0), 0) * 1000 * 65536 AS second
    FROM edit_operation
), ordered AS (
    SELECT id, n, n + max(second - n) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) AS hlc
    FROM timed
)
UPDATE edit_operation
SET replica = (SELECT id FROM local_replica), seq = ordered.n + 1, hlc = ordered.hlc
FROM ordered
WHERE edit_operation.id = ordered.id;

CREATE UNIQUE INDEX edit_operation_replica_seq ON edit_operation (replica, seq);
-- The next operation's time follows the latest one.
CREATE INDEX edit_operation_hlc ON edit_operation (hlc);
