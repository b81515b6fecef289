-- Every change a user makes is in the history, undoable and redoable:
-- sets, saved searches, templates and keywords as well as photos. A change
-- that is not to a photo names what it changes in `subject` (a set, a
-- keyword path, a template). An undo or redo names the operation it undid
-- or redid.
ALTER TABLE edit_change ADD COLUMN subject TEXT;
ALTER TABLE edit_operation ADD COLUMN reverts INTEGER REFERENCES edit_operation (id);
