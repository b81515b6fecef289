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
    format              TEXT NOT NULL CHECK (format IN ('jpeg', 'tiff', 'png')),
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
    -- The depicted date, as precise as it is known: 1991, 1991-06, 1991-06-21.
    date_created        TEXT,
    digital_source_type TEXT,

    -- Problems met reading the file, one per line; NULL when none.
    warnings            TEXT,
    imported_at         TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE INDEX photo_hash ON photo (hash);

-- The keyword tree. Top-level keywords have no parent.
CREATE TABLE keyword (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES keyword (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (name <> '')
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
