-- Kartoteka catalogue schema: what a new catalogue looks like after every
-- migration in src/catalog/migrations has run. A test checks the two agree.

-- One row per photograph file.
CREATE TABLE photo (
    id                  INTEGER PRIMARY KEY,
    -- The file's absolute path as the operating system's bytes, so that
    -- names that are not valid UTF-8 survive.
    path                BLOB NOT NULL UNIQUE,
    -- The file name for display, sorting and search (lossy for odd names).
    file_name           TEXT NOT NULL,
    size                INTEGER NOT NULL,
    mtime_ns            INTEGER NOT NULL,
    hash                TEXT NOT NULL,
    format              TEXT NOT NULL CHECK (format IN ('jpeg', 'tiff', 'png', 'webp', 'jxl', 'heif', 'dng', 'cr2', 'cr3', 'nef', 'arw', 'orf', 'raf', 'rw2', 'pef')),
    sidecar_path        BLOB,
    sidecar_mtime_ns    INTEGER,

    -- Technical, from EXIF and the image.
    width               INTEGER,
    height              INTEGER,
    orientation         INTEGER CHECK (orientation BETWEEN 1 AND 8),
    camera_make         TEXT,
    camera_model        TEXT,
    lens                TEXT,
    taken_at            TEXT,
    digitized_at        TEXT,
    exposure_time       REAL,
    f_number            REAL,
    iso                 INTEGER,
    focal_length        REAL,
    gps_lat             REAL,
    gps_lon             REAL,
    gps_alt             REAL,

    -- Descriptive, from XMP and IPTC IIM, editable.
    title               TEXT,
    headline            TEXT,
    caption             TEXT,
    creators            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(creators)),
    credit              TEXT,
    copyright           TEXT,
    source              TEXT,
    instructions        TEXT,
    job_id              TEXT,
    sublocation         TEXT,
    city                TEXT,
    state               TEXT,
    country             TEXT,
    country_code        TEXT,
    people              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people)),
    event               TEXT,
    -- The depicted date, as precise as it is known: 1991, 1991-06,
    -- 1991-06-21, or EDTF (1991~ about, 1990-02-26? uncertain, 199X a
    -- decade, 1990-02/1991-06 a span).
    date_created        TEXT,
    digital_source_type TEXT,

    -- Problems met reading the file, one per line; NULL when none.
    warnings            TEXT,
    imported_at         TEXT NOT NULL,
    updated_at          TEXT NOT NULL,

    -- Curation, the catalogue's own (never read from files).
    rating              INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    flag                TEXT CHECK (flag IN ('pick', 'reject')),
    label               TEXT CHECK (label IN ('red', 'yellow', 'green', 'blue', 'purple')),
    note                TEXT,
    -- When `check` last found the file gone; NULL when it was there.
    missing_since       TEXT,

    -- The capture day, for date searches.
    taken_day           TEXT GENERATED ALWAYS AS (substr(taken_at, 1, 10)) VIRTUAL,

    -- Pages (images) in a multi-page file (a TIFF of several pages); NULL
    -- for a file of one image. The first page is the one catalogued.
    pages               INTEGER CHECK (pages >= 1)
);

CREATE INDEX photo_hash ON photo (hash);
CREATE INDEX photo_taken ON photo (taken_day);
CREATE INDEX photo_rating ON photo (rating);

-- The keyword tree. Top-level keywords have no parent.
CREATE TABLE keyword (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES keyword (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (name <> ''),
    -- 0 for categories ([like this] in a Lightroom keyword list), which
    -- are not written to files.
    exported    INTEGER NOT NULL DEFAULT 1 CHECK (exported IN (0, 1))
);

CREATE UNIQUE INDEX keyword_name ON keyword (ifnull(parent_id, 0), name);

-- Keywords attached to photos. A link records the keyword's place in the
-- photo's flat keyword list (dc:subject) and the place of its full path in
-- the hierarchical list (lr:hierarchicalSubject); NULL when it is not in
-- that list. Both lists so read back exactly as they were written.
CREATE TABLE photo_keyword (
    photo_id            INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    keyword_id          INTEGER NOT NULL REFERENCES keyword (id) ON DELETE CASCADE,
    subject_position    INTEGER,
    hierarchy_position  INTEGER,
    PRIMARY KEY (photo_id, keyword_id),
    CHECK (subject_position IS NOT NULL OR hierarchy_position IS NOT NULL)
) WITHOUT ROWID;

CREATE INDEX photo_keyword_keyword ON photo_keyword (keyword_id);

-- Every raw EXIF, IPTC and XMP tag of a photo, as a JSON array of
-- [group, name, value], for the inspector. Kept apart so that the photo
-- table stays narrow.
CREATE TABLE photo_tags (
    photo_id    INTEGER PRIMARY KEY REFERENCES photo (id) ON DELETE CASCADE,
    tags        TEXT NOT NULL CHECK (json_valid(tags))
);

-- Descriptive fields changed in the catalogue. Re-reading a changed file
-- never overwrites them.
CREATE TABLE edited_field (
    photo_id    INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    PRIMARY KEY (photo_id, field)
) WITHOUT ROWID;

-- Full-text index over what an archivist searches. Accent- and case-blind
-- (unicode61 with remove_diacritics 2). Kept in step by the catalogue's one
-- write path; the rowid is the photo id. It keeps no copy of the text
-- (contentless): the photo table has it.
CREATE VIRTUAL TABLE photo_fts USING fts5 (
    title, headline, caption, creators, credit, copyright, source, instructions, job_id,
    sublocation, city, state, country, event, people, keywords, file_name, note,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER photo_fts_delete AFTER DELETE ON photo BEGIN
    DELETE FROM photo_fts WHERE rowid = old.id;
END;

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
-- one operation) and is undone and redone as a whole.
CREATE TABLE edit_operation (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    -- What did it: edit, template, keywords, sets, csv, undo, redo.
    source      TEXT NOT NULL,
    -- The operation in words: "Caption on 3 photos".
    summary     TEXT NOT NULL,
    -- The operation that undid this one (NULL again once it is redone).
    undone_by   INTEGER REFERENCES edit_operation (id),
    -- For an undo or a redo: the operation it undid or redid.
    reverts     INTEGER REFERENCES edit_operation (id),
    -- What it did, as data (JSON), for the kinds whose words need more
    -- than its steps: a claim or an import on thousands of photos, a claim
    -- preferred, removed or changed. NULL for the others.
    deed        TEXT CHECK (deed IS NULL OR json_valid(deed)),
    -- The replica that made it (`local_replica.id` for this catalogue's own
    -- operations) and which of that replica's operations it is: 1, 2, 3...
    -- with no gaps. Set for every operation; NULL in no row.
    replica     TEXT,
    seq         INTEGER,
    -- When, by the hybrid logical clock (milliseconds << 16 | counter, see
    -- `catalog::clock`): later than every operation before it here.
    hlc         INTEGER,
    -- Who made it, when an author was set (`kartoteka author NAME`).
    author      TEXT,
    -- Its place in the team server's order of operations, once pushed
    -- from here or pulled from there; 0 when every member had it from the
    -- team's snapshot. NULL for an operation not on a server.
    server_pos  INTEGER,
    -- How far this replica had pulled the server's operations when the
    -- operation was made (NULL: before its first sync).
    seen        INTEGER
);

CREATE UNIQUE INDEX edit_operation_replica_seq ON edit_operation (replica, seq);
-- The next operation's time follows the latest one.
CREATE INDEX edit_operation_hlc ON edit_operation (hlc);
-- This replica's own operations not on the server yet.
CREATE INDEX edit_operation_unsent ON edit_operation (replica, seq) WHERE server_pos IS NULL;

-- This catalogue as one replica of a team catalogue: its id (random, 128
-- bits as hex, made when the catalogue is created or upgraded) and the
-- author its operations record. One row. A copy of the file (a backup
-- restored, a file copied by hand) shares the id; joining a team (`team join`) makes
-- a new replica with an id of its own.
CREATE TABLE local_replica (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    id          TEXT NOT NULL CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
    author      TEXT
);

-- The URL of the team's PostgreSQL server, once `team create` or `team join`
-- has used it; never one that holds a password. A fact of this machine, not
-- an operation. No row until then.
CREATE TABLE team_server (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    url         TEXT NOT NULL
);

-- The values of changes pulled from the team's server that a later change
-- of the same field had superseded when they came: kept so that a change
-- made apart from them can still be told, and keep their value as a claim.
CREATE TABLE merge_value (
    operation_id    INTEGER NOT NULL REFERENCES edit_operation (id) ON DELETE CASCADE,
    photo_id        INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    field           TEXT NOT NULL,
    value           TEXT NOT NULL CHECK (json_valid(value))
);
CREATE INDEX merge_value_photo ON merge_value (photo_id, field);

-- How far this replica has pulled the team server's operations. No row
-- until its first sync.
CREATE TABLE team_sync (
    only        INTEGER PRIMARY KEY CHECK (only = 1),
    pulled      INTEGER NOT NULL CHECK (pulled >= 0)
);

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

-- One change of an operation, reversible. Photo changes name the photo and
-- the field; keyword renames and moves name the keyword; changes to sets,
-- saved searches, templates and keywords name what they change in
-- `subject`, with `field` saying what kind of change it is (set, set.name,
-- set.items, template, keyword.state). Values are JSON.
CREATE TABLE edit_change (
    operation_id    INTEGER NOT NULL REFERENCES edit_operation (id) ON DELETE CASCADE,
    photo_id        INTEGER REFERENCES photo (id) ON DELETE CASCADE,
    keyword_id      INTEGER REFERENCES keyword (id) ON DELETE SET NULL,
    field           TEXT NOT NULL,
    old_value       TEXT,
    new_value       TEXT,
    subject         TEXT
);

CREATE INDEX edit_change_operation ON edit_change (operation_id);
CREATE INDEX edit_change_photo ON edit_change (photo_id);

-- Who says what. A source is a bibliographic record (an article, a book, an
-- archival document, a negative sleeve, a testimony); a claim is one value
-- of one descriptive field of one photo, citing a source or none. A field
-- may hold several claims; the preferred one is the field's value in the
-- photo row, so that everything else reads the photo as before.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    -- The short citation people read: "Czech Radio, 2020-02-26".
    citation    TEXT NOT NULL CHECK (citation <> ''),
    authors     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    title       TEXT,
    publisher   TEXT,
    -- Partial or EDTF, as depicted dates.
    date        TEXT,
    url         TEXT,
    -- Where an archive keeps it: fond, box, inventory number.
    reference   TEXT,
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('article', 'book', 'archival', 'sleeve', 'oral', 'website', 'other')),
    note        TEXT,
    -- CSL-JSON fields Kartoteka does not edit, kept so that they survive a
    -- round trip through a reference manager.
    extra       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);

-- Sources found by their words, accent- and case-blind (cites:).
CREATE VIRTUAL TABLE source_fts USING fts5 (
    citation, authors, title, publisher, reference, note,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE claim (
    id          INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
    -- A descriptive field's name (caption, date_created, ...) or note.
    field       TEXT NOT NULL,
    -- JSON: text, or a list for list fields.
    value       TEXT NOT NULL CHECK (json_valid(value)),
    source_id   INTEGER REFERENCES source (id),
    -- Where in the source: "p. 12", "sleeve, verso".
    locator     TEXT,
    certainty   TEXT CHECK (certainty IN ('certain', 'probable', 'possible')),
    note        TEXT,
    -- The claim whose value the photo shows; one per field at most.
    preferred   INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
    -- For a claim a team sync made from two changes of the field made
    -- apart: the operation whose value it keeps, as "replica:seq". Such a
    -- claim is never preferred; an edit's claims pass it by.
    kept_from   TEXT
);

CREATE INDEX claim_photo ON claim (photo_id, field);
CREATE INDEX claim_source ON claim (source_id, photo_id);
CREATE UNIQUE INDEX claim_preferred ON claim (photo_id, field) WHERE preferred = 1;
CREATE UNIQUE INDEX claim_kept ON claim (photo_id, field, kept_from) WHERE kept_from IS NOT NULL;

-- What search needs to know of a photo's claims, one bit per descriptive
-- field: the fields whose claims disagree, those with a claim citing a
-- source; and which certainties its claims carry (1 certain, 2 probable,
-- 4 possible). A row only for a photo with some; narrow, so that a claim on
-- many photos changes few pages.
CREATE TABLE claim_mark (
    photo_id    INTEGER PRIMARY KEY REFERENCES photo (id) ON DELETE CASCADE,
    disputed    INTEGER NOT NULL DEFAULT 0,
    sourced     INTEGER NOT NULL DEFAULT 0,
    certainties INTEGER NOT NULL DEFAULT 0
);

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
