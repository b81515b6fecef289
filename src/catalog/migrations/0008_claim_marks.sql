-- What search knows of a photo's claims (the fields disputed, those with a
-- sourced claim, the certainties) moves out of the wide photo row into a
-- narrow table of its own, with a row only for a photo that has some. A
-- claim on 10,000 photos rewrote 10,000 photo rows, each on a page of its
-- own, to change three numbers; here a page holds some 300 photos' marks.
CREATE TABLE claim_mark (
    photo_id    INTEGER PRIMARY KEY REFERENCES photo (id) ON DELETE CASCADE,
    disputed    INTEGER NOT NULL DEFAULT 0,
    sourced     INTEGER NOT NULL DEFAULT 0,
    certainties INTEGER NOT NULL DEFAULT 0
);

INSERT INTO claim_mark (photo_id, disputed, sourced, certainties)
SELECT id, disputed, sourced, certainties FROM photo
WHERE disputed <> 0 OR sourced <> 0 OR certainties <> 0;

ALTER TABLE photo DROP COLUMN disputed;
ALTER TABLE photo DROP COLUMN sourced;
ALTER TABLE photo DROP COLUMN certainties;
