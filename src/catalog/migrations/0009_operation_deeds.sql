-- What an operation did, as data (JSON), for the kinds whose words need
-- more than its steps: a claim or an import on thousands of photos, whose
-- steps are too many to read whole just to say it, and the kinds whose
-- steps look alike (a claim preferred, removed or changed). A face says
-- the operation in its own language from this; `summary` stays the
-- catalogue's English. NULL for other kinds and for operations recorded
-- before this version.
ALTER TABLE edit_operation ADD COLUMN deed TEXT CHECK (deed IS NULL OR json_valid(deed));
