-- WebP, JPEG XL, HEIF and camera raw files. A CHECK constraint cannot be
-- altered in SQLite; loosening one by rewriting the table's definition in
-- sqlite_schema is the procedure SQLite documents for it (ALTER TABLE,
-- "making other kinds of table schema changes"): the stored rows do not
-- change, every existing value stays valid, and the migration runner bumps
-- the schema cookie so other connections read the new definition.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (format IN (''jpeg'', ''tiff'', ''png''))',
       'CHECK (format IN (''jpeg'', ''tiff'', ''png'', ''webp'', ''jxl'', ''heif'', ''dng'', ''cr2'', ''cr3'', ''nef'', ''arw'', ''orf'', ''raf'', ''rw2'', ''pef''))')
 WHERE type = 'table' AND name = 'photo';
PRAGMA writable_schema = RESET;

-- Pages (images) in a multi-page file; NULL for a file of one image.
ALTER TABLE photo ADD COLUMN pages INTEGER CHECK (pages >= 1);
