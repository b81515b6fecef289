-- The full-text index keeps no copy of the text it indexes: the photo table
-- has it. Without the copy, changing a photo's words no longer reads back
-- and re-tokenizes its old text, and the catalogue file is smaller. The
-- index is filled again from the photos after this runs.
DROP TRIGGER photo_fts_delete;
DROP TABLE photo_fts;

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
