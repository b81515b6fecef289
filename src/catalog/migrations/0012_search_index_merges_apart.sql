-- The full-text index no longer merges its segments inside the commit that
-- wrote them. A caption edit on ten thousand photos spent three quarters
-- of its commit merging older segments with the new one. Kartoteka now
-- merges in steps of its own after the change is saved: the window's
-- catalogue thread while the user reads, a command before it ends, any
-- catalogue when it closes (see `Catalogue::tidy_search_index`). FTS5's
-- crisis merge, at 16 segments on one level, still bounds the index when
-- nothing tidies it.
INSERT INTO photo_fts (photo_fts, rank) VALUES ('automerge', 0);
