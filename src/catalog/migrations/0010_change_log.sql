-- The photos whose searchable state changed, in the order the changes were
-- committed: every process that holds the catalogue's search columns in
-- memory (or saved beside it) reads from where it left off and re-reads
-- just those photos. `seq` counts up by one with each change and is never
-- reused, since only the oldest entries are ever deleted. `nonce` tells
-- this catalogue's change from another's at the same place: a copy of the
-- catalogue restored and edited afresh has other nonces.
CREATE TABLE photo_change (
    seq         INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL,
    nonce       INTEGER NOT NULL DEFAULT (random())
);

CREATE TRIGGER photo_change_insert AFTER INSERT ON photo BEGIN
    INSERT INTO photo_change (photo_id) VALUES (new.id);
END;
CREATE TRIGGER photo_change_update AFTER UPDATE ON photo BEGIN
    INSERT INTO photo_change (photo_id) VALUES (new.id);
END;
CREATE TRIGGER photo_change_delete AFTER DELETE ON photo BEGIN
    INSERT INTO photo_change (photo_id) VALUES (old.id);
END;
CREATE TRIGGER photo_change_keyword_insert AFTER INSERT ON photo_keyword BEGIN
    INSERT INTO photo_change (photo_id) VALUES (new.photo_id);
END;
CREATE TRIGGER photo_change_keyword_update AFTER UPDATE ON photo_keyword BEGIN
    INSERT INTO photo_change (photo_id) VALUES (old.photo_id), (new.photo_id);
END;
CREATE TRIGGER photo_change_keyword_delete AFTER DELETE ON photo_keyword BEGIN
    INSERT INTO photo_change (photo_id) VALUES (old.photo_id);
END;
CREATE TRIGGER photo_change_mark_insert AFTER INSERT ON claim_mark BEGIN
    INSERT INTO photo_change (photo_id) VALUES (new.photo_id);
END;
CREATE TRIGGER photo_change_mark_update AFTER UPDATE ON claim_mark BEGIN
    INSERT INTO photo_change (photo_id) VALUES (new.photo_id);
END;
CREATE TRIGGER photo_change_mark_delete AFTER DELETE ON claim_mark BEGIN
    INSERT INTO photo_change (photo_id) VALUES (old.photo_id);
END;

-- The log keeps the newest two million changes or so: a reader further
-- behind than that reads every photo again.
CREATE TRIGGER photo_change_forget AFTER INSERT ON photo_change
WHEN new.seq % 65536 = 0 BEGIN
    DELETE FROM photo_change WHERE seq <= new.seq - 2097152;
END;

-- The first change names no photo; it gives the log its first nonce, so
-- that no two catalogues' logs agree even before their first change.
INSERT INTO photo_change (photo_id) VALUES (0);
