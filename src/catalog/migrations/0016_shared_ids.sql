-- Claims and sources as a team's replicas name them: by an id the same on
-- every replica, "replica:id" after the replica that made it (a replica
-- made from a team's snapshot has the publisher's names with it). A row
-- stays when its claim or source goes, so that a change coming later still
-- knows it, and a new claim or source never takes an id one had before.
-- `hlc` and `replica` stamp the latest operation that changed it by name:
-- a change older than that one, merged later, is superseded. A claim's
-- `cites` is the source that change has it cite, by shared name, even while
-- that source is not here (removed on one replica while another cited it):
-- should the source come back, so does the citation.
CREATE TABLE shared_id (
    kind        TEXT NOT NULL CHECK (kind IN ('claim', 'source')),
    id          INTEGER NOT NULL,
    uid         TEXT NOT NULL,
    hlc         INTEGER,
    replica     TEXT,
    cites       TEXT,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX shared_id_uid ON shared_id (kind, uid);

INSERT INTO shared_id (kind, id, uid)
    SELECT 'source', id, (SELECT id FROM local_replica) || ':' || id FROM source;
INSERT INTO shared_id (kind, id, uid, cites)
    SELECT 'claim', id, (SELECT id FROM local_replica) || ':' || id,
           CASE WHEN source_id IS NOT NULL
                THEN (SELECT id FROM local_replica) || ':' || source_id END
    FROM claim;
