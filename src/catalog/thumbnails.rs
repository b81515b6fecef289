//! The thumbnail store: a second SQLite file beside the catalogue, keyed by
//! content hash, so that the same photo at two paths has one thumbnail and
//! the catalogue itself stays small enough to back up on its own. Losing
//! this file loses nothing that import cannot make again.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::ingest::thumbnail::Thumbnail;

/// `catalogue.kartoteka` → `catalogue.thumbnails.sqlite`.
pub fn path_beside(catalogue: &Path) -> PathBuf {
    let stem = catalogue
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".to_owned());
    catalogue.with_file_name(format!("{stem}.thumbnails.sqlite"))
}

/// Why a thumbnail from elsewhere (a team's server) is not one Kartoteka
/// makes: a JPEG no larger than [`THUMBNAIL_EDGE`] on its longer side,
/// whose size is the one it says.
///
/// [`THUMBNAIL_EDGE`]: crate::ingest::thumbnail::THUMBNAIL_EDGE
pub fn unfit(thumbnail: &Thumbnail) -> Option<String> {
    use crate::ingest::thumbnail::THUMBNAIL_EDGE;
    let (w, h) = (thumbnail.width, thumbnail.height);
    if w == 0 || h == 0 || w.max(h) > THUMBNAIL_EDGE {
        return Some(format!(
            "it says {w}x{h} pixels; Kartoteka's are at most {THUMBNAIL_EDGE} on a side"
        ));
    }
    let reader = image::ImageReader::with_format(
        std::io::Cursor::new(&thumbnail.jpeg),
        image::ImageFormat::Jpeg,
    );
    match reader.into_dimensions() {
        Ok(found) if found == (w, h) => None,
        Ok((fw, fh)) => Some(format!("it says {w}x{h} pixels and is {fw}x{fh}")),
        Err(e) => Some(format!("it is not a JPEG image ({e})")),
    }
}

pub struct ThumbnailStore {
    pub(super) conn: Connection,
}

impl ThumbnailStore {
    /// Opens (creating if needed) a thumbnail store; read-only, leaving
    /// nothing beside it, when this user may not write it or its folder.
    pub fn open(path: &Path) -> Result<Self> {
        let (mut conn, read_only) = super::sqlite_file::open(path)?;
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        if read_only {
            return Ok(Self { conn });
        }
        super::use_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "normal")?;
        Self::setup(conn)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self> {
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS thumbnail (
                 hash    TEXT PRIMARY KEY,
                 width   INTEGER NOT NULL,
                 height  INTEGER NOT NULL,
                 jpeg    BLOB NOT NULL
             ) WITHOUT ROWID;",
        )?;
        Ok(Self { conn })
    }

    /// Stores a batch of thumbnails in one transaction.
    pub fn put_batch<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a str, &'a Thumbnail)>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO thumbnail (hash, width, height, jpeg) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (hash, t) in items {
                stmt.execute(params![hash, t.width, t.height, t.jpeg])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn get(&self, hash: &str) -> Result<Option<Thumbnail>> {
        Ok(self
            .conn
            .prepare_cached("SELECT width, height, jpeg FROM thumbnail WHERE hash = ?1")?
            .query_row([hash], |r| {
                Ok(Thumbnail {
                    width: r.get(0)?,
                    height: r.get(1)?,
                    jpeg: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Files the same thumbnail under a second hash (a file whose metadata
    /// was rewritten in place has new content but the same pixels).
    pub fn copy(&self, from: &str, to: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO thumbnail (hash, width, height, jpeg)
             SELECT ?2, width, height, jpeg FROM thumbnail WHERE hash = ?1",
            params![from, to],
        )?;
        Ok(())
    }

    pub fn count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM thumbnail", [], |r| r.get::<_, i64>(0))?
            as u64)
    }
}
