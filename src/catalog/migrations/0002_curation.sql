-- Kartoteka catalogue, version 2: curation, full-text search, keyword
-- vocabulary, exhibition sets, saved searches, templates, edit history.

ALTER TABLE photo ADD COLUMN rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5);
ALTER TABLE photo ADD COLUMN flag TEXT CHECK (flag IN ('pick', 'reject'));
ALTER TABLE photo ADD COLUMN label TEXT CHECK (label IN ('red', 'yellow', 'green', 'blue', 'purple'));
ALTER TABLE photo ADD COLUMN note TEXT;
ALTER TABLE photo ADD COLUMN missing_since TEXT;
ALTER TABLE photo ADD COLUMN date_from TEXT GENERATED ALWAYS AS (CASE length(date_created) WHEN 4 THEN date_created || '-01-01' WHEN 7 THEN date_created || '-01' ELSE substr(date_created, 1, 10) END) VIRTUAL;
ALTER TABLE photo ADD COLUMN date_to TEXT GENERATED ALWAYS AS (CASE length(date_created) WHEN 4 THEN date_created || '-12-31' WHEN 7 THEN date(date_created || '-01', '+1 month', '-1 day') ELSE substr(date_created, 1, 10) END) VIRTUAL;
ALTER TABLE photo ADD COLUMN taken_day TEXT GENERATED ALWAYS AS (substr(taken_at, 1, 10)) VIRTUAL;

CREATE INDEX photo_date ON photo (date_from, date_to);
CREATE INDEX photo_taken ON photo (taken_day);
CREATE INDEX photo_rating ON photo (rating);

-- Full-text index over what an archivist searches. Accent- and case-blind
-- (unicode61 with remove_diacritics 2). Kept in step by the catalogue's one
-- write path; the rowid is the photo id.
CREATE VIRTUAL TABLE photo_fts USING fts5 (
    title, headline, caption, creators, credit, copyright, source, instructions, job_id,
    sublocation, city, state, country, event, people, keywords, file_name, note,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER photo_fts_delete AFTER DELETE ON photo BEGIN
    DELETE FROM photo_fts WHERE rowid = old.id;
END;

-- Keywords marked [like this] in a Lightroom keyword list are categories
-- that are not written to files.
ALTER TABLE keyword ADD COLUMN exported INTEGER NOT NULL DEFAULT 1 CHECK (exported IN (0, 1));

-- Other words for a keyword, which search also finds.
CREATE TABLE keyword_synonym (
    keyword_id  INTEGER NOT NULL REFERENCES keyword (id) ON DELETE CASCADE,
    synonym     TEXT NOT NULL CHECK (synonym <> ''),
    PRIMARY KEY (keyword_id, synonym)
) WITHOUT ROWID;

-- Exhibition sets (ordered, hand-picked) and saved searches (a stored
-- query that behaves like a live set) share one namespace of names.
CREATE TABLE photo_set (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    -- NULL for an exhibition set; the query text for a saved search.
    query       TEXT,
    created_at  TEXT NOT NULL
);

-- The photos of an exhibition set, in order, each with its wall-label
-- note, which belongs to the set and not to the photo.
CREATE TABLE set_item (
    set_id      INTEGER NOT NULL REFERENCES photo_set (id) ON DELETE CASCADE,
    photo_id    INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    note        TEXT,
    PRIMARY KEY (set_id, photo_id)
) WITHOUT ROWID;

CREATE INDEX set_item_order ON set_item (set_id, position);
CREATE INDEX set_item_photo ON set_item (photo_id);

-- Named presets of field values, applied at import or to a selection.
CREATE TABLE template (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    -- JSON object: field name -> value (text, or a list for list fields).
    fields  TEXT NOT NULL CHECK (json_valid(fields))
);

-- Edit history. One operation is one user action (an edit of 500 photos is
-- one operation) and is undone as a whole.
CREATE TABLE edit_operation (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    -- What did it: edit, template, keywords, csv, undo.
    source      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    -- The operation that undid this one.
    undone_by   INTEGER REFERENCES edit_operation (id)
);

-- One changed value. Photo changes name the photo; keyword renames and
-- moves name the keyword. Values are JSON.
CREATE TABLE edit_change (
    operation_id    INTEGER NOT NULL REFERENCES edit_operation (id) ON DELETE CASCADE,
    photo_id        INTEGER REFERENCES photo (id) ON DELETE CASCADE,
    keyword_id      INTEGER REFERENCES keyword (id) ON DELETE SET NULL,
    field           TEXT NOT NULL,
    old_value       TEXT,
    new_value       TEXT
);

CREATE INDEX edit_change_operation ON edit_change (operation_id);
CREATE INDEX edit_change_photo ON edit_change (photo_id);
