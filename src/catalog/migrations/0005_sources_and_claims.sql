-- Who says what. A source is a bibliographic record (an article, a book, an
-- archival document, a negative sleeve, a testimony); a claim is one value
-- of one descriptive field of one photo, citing a source or none. A field
-- may hold several claims; the preferred one is the field's value in the
-- photo row, so that everything else reads the photo as before.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    citation    TEXT NOT NULL CHECK (citation <> ''),
    authors     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    title       TEXT,
    publisher   TEXT,
    date        TEXT,
    url         TEXT,
    reference   TEXT,
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('article', 'book', 'archival', 'sleeve', 'oral', 'website', 'other')),
    note        TEXT,
    extra       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);

CREATE VIRTUAL TABLE source_fts USING fts5 (
    citation, authors, title, publisher, reference, note,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE claim (
    id          INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL CHECK (json_valid(value)),
    source_id   INTEGER REFERENCES source (id),
    locator     TEXT,
    certainty   TEXT CHECK (certainty IN ('certain', 'probable', 'possible')),
    note        TEXT,
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1))
);

CREATE INDEX claim_photo ON claim (photo_id, field);
CREATE INDEX claim_source ON claim (source_id);
CREATE UNIQUE INDEX claim_preferred ON claim (photo_id, field) WHERE preferred = 1;

-- What search needs to know of a photo's claims, one bit per field: the
-- fields whose claims disagree, those with a claim citing a source; and
-- which certainties its claims carry.
ALTER TABLE photo ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photo ADD COLUMN sourced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photo ADD COLUMN certainties INTEGER NOT NULL DEFAULT 0;

-- Depicted dates may now be EDTF (1991~, 199X, 1990-02/1991-06), which the
-- first and last day columns computed from the text's length misread;
-- search reads dates in memory and never used them.
DROP INDEX photo_date;
ALTER TABLE photo DROP COLUMN date_from;
ALTER TABLE photo DROP COLUMN date_to;
