-- The full-text index gathers new entries in memory, up to 16 MiB here
-- (FTS5's default is 1 MiB), before it writes them to disk as a segment.
-- Every segment written sets off merges of the smaller ones, so a caption
-- edit on ten thousand photos spent most of its time merging what it had
-- just written.
INSERT INTO photo_fts (photo_fts, rank) VALUES ('hashsize', 16777216);
