//! The catalogue: one SQLite file that owns every photo record.
//!
//! This module is the only place SQL lives. It opens and migrates the file,
//! stores what import read, answers queries, and keeps the rules archivists
//! rely on: a re-read never overwrites a field edited in the catalogue, a
//! moved file keeps its id, a catalogue from a newer Kartoteka is refused
//! untouched. It knows nothing of files' pixels or of the screen.

pub mod backup;
mod checkpoint;
mod claims;
pub mod clock;
mod columns;
mod edit;
mod history;
mod invalid;
mod keyword_merge;
mod keywords;
pub mod migrations;
mod paths;
mod photos;
mod query;
pub mod replica;
mod search_index;
mod sets;
mod shared_ids;
pub mod shared_photos;
pub mod snapshot;
mod split;
mod sqlite_file;
pub mod sync;
pub mod thumbnails;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use self::claims::{
    Attribution, CLAIMABLE, Certainty, Claim, ClaimRecord, ClaimReport, ClaimRow, ClaimRowsReport,
    Source, SourceKind, SourceRecord, checked_source, claim_value_words, claimable, disagree,
    set_source_field,
};
pub use self::edit::{
    Change, Edit, EditReport, LabelChange, WallLabels, normalise as normalise_value,
    value_of as attribute_value,
};
pub use self::history::{
    Deed, HistoryChange, HistoryEntry, KeywordState, Operation, Reverted, SetState, Step, Summary,
};
pub use self::invalid::{DateOf, Expected, IdOf, Invalid, Named, Record, RowRefused, Threads};
pub use self::keywords::{KeywordEntry, KeywordTree, PATH_SEPARATOR as KEYWORD_PATH_SEPARATOR};
pub use self::paths::{path_from_bytes, path_to_bytes};
pub use self::photos::PhotoSummary;
pub use self::query::{Facets, Hit, QueryRefused, SearchError, Sort, SortKey};
pub use self::sets::{SetInfo, SetItem, Template};
pub use self::thumbnails::ThumbnailStore;
use crate::photo::{Field, PhotoId};

/// How long a writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Each connection's page cache: 64 MiB, as SQLite's `cache_size` counts
/// it (negative: KiB). Why so much is said where the catalogue's own
/// connection is set up.
const PAGE_CACHE: i64 = -65_536;

/// Why the catalogue could not do something. Messages are one line, say
/// what to do, and never repeat SQLite's own text, error codes or SQL; the
/// command line names the catalogue file in front of them.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(
        "this catalogue was written by a newer Kartoteka (schema version {found}; this version knows up to {known}); \
         it was left unchanged"
    )]
    NewerVersion { found: u32, known: u32 },
    #[error("{path} is not a Kartoteka catalogue; it was left unchanged")]
    NotACatalogue { path: String },
    #[error(
        "upgrading the catalogue to schema version {version} failed ({reason}); its version marker \
         may be damaged: restore the catalogue from a backup"
    )]
    Migration { version: u32, reason: String },
    #[error(
        "the catalogue needs upgrading from schema version {found} to {known}, but it is read-only for this \
         user; open it once with permission to write it"
    )]
    ReadOnlyUpgrade { found: u32, known: u32 },
    #[error(
        "the catalogue holds changes in {wal} that a program left unfinished, and it is read-only for \
         this user; open it once with permission to write it to fold them in"
    )]
    ReadOnlyJournal { wal: String },
    #[error("no photo {0} in the catalogue")]
    NoSuchPhoto(String),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("{}", sqlite_message(.0))]
    Sqlite(rusqlite::Error),
    #[error("catalogue data is damaged ({0}); restore the catalogue from a backup")]
    Json(serde_json::Error),
}

// Written out rather than `#[from]`, so that the SQLite error is not also a
// `source()` that the command line would print a second time.
impl From<rusqlite::Error> for CatalogError {
    fn from(e: rusqlite::Error) -> Self {
        CatalogError::Sqlite(e)
    }
}

impl From<serde_json::Error> for CatalogError {
    fn from(e: serde_json::Error) -> Self {
        CatalogError::Json(e)
    }
}

impl CatalogError {
    /// Whether the catalogue refused a write because it is read-only.
    pub fn is_read_only(&self) -> bool {
        match self {
            CatalogError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
                f.code == rusqlite::ErrorCode::ReadOnly
            }
            CatalogError::ReadOnlyUpgrade { .. } | CatalogError::ReadOnlyJournal { .. } => true,
            _ => false,
        }
    }
}

/// Puts the catalogue (or the thumbnails beside it) in write-ahead-log mode.
/// Switching takes the file's
/// exclusive lock for a moment, and SQLite does not wait for that lock as
/// it does for a transaction's: two processes opening a new catalogue at
/// once (two imports started together) would see one fail at once. The
/// switch is tried again, as a transaction would be, until the busy
/// timeout.
pub(super) fn use_wal(conn: &Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(())) {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            done => return Ok(done?),
        }
    }
}

/// SQLite's complaint in words an archivist can act on: no SQL, no codes.
pub fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e {
        rusqlite::Error::SqliteFailure(f, message) => match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => format!(
                "the catalogue is in use by another program and stayed locked for {} s; try again when it has finished",
                BUSY_TIMEOUT.as_secs()
            ),
            ErrorCode::ReadOnly => {
                "the catalogue is read-only for this user; nothing was changed".to_owned()
            }
            ErrorCode::DiskFull => {
                "the disk is full; nothing was changed: free some space and try again".to_owned()
            }
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                "the catalogue file is damaged; restore it from a backup".to_owned()
            }
            ErrorCode::CannotOpen => {
                "the catalogue cannot be opened or created (is its folder there, and may this user write it?)"
                    .to_owned()
            }
            ErrorCode::PermissionDenied => "permission denied".to_owned(),
            ErrorCode::SystemIoFailure => "the disk reported an error while SQLite used it".to_owned(),
            _ => message
                .clone()
                .unwrap_or_else(|| rusqlite::ffi::code_to_str(f.extended_code).to_owned()),
        },
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

pub type Result<T, E = CatalogError> = std::result::Result<T, E>;

/// What storing one import record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreOutcome {
    /// A new photo.
    Added(PhotoId),
    /// A photo already catalogued at this path was re-read.
    Updated(PhotoId),
    /// A catalogued photo whose file had gone was found at a new path (same
    /// content); it keeps its id and everything catalogued about it.
    Relinked { id: PhotoId, from: PathBuf },
    /// A new photo whose content is already catalogued at another path.
    Duplicate { id: PhotoId, of: PhotoId },
}

impl StoreOutcome {
    pub fn id(&self) -> PhotoId {
        match self {
            Self::Added(id) | Self::Updated(id) => *id,
            Self::Relinked { id, .. } | Self::Duplicate { id, .. } => *id,
        }
    }
}

/// Size and modification time as last seen, to skip unchanged files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i64,
    pub sidecar_mtime_ns: Option<i64>,
}

/// Where a photo's file is, as `check` needs it.
#[derive(Debug, Clone)]
pub struct CataloguedFile {
    pub id: PhotoId,
    pub path: PathBuf,
    pub state: FileState,
    pub hash: String,
}

/// Counts for `kartoteka stats`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    pub photos: u64,
    pub jpeg: u64,
    pub tiff: u64,
    pub png: u64,
    pub total_bytes: u64,
    pub with_caption: u64,
    pub with_gps: u64,
    pub with_depicted_date: u64,
    pub with_warnings: u64,
    /// Photos whose content is also catalogued at another path.
    pub duplicates: u64,
    pub keywords: u64,
}

pub struct Catalogue {
    /// Copies the write-ahead log back into the file on a thread of its
    /// own, stopped when the catalogue closes.
    checkpointer: Option<std::sync::Arc<checkpoint::Checkpointer>>,
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    /// What search filters, sorts and counts on, loaded by the first query.
    columns: std::cell::RefCell<Option<columns::Columns>>,
    /// The order text sorts in: a language's collation, or (`None`, as the
    /// command line has it) case- and accent-blind code-point order.
    collation: Option<std::sync::Arc<crate::collation::Collation>>,
    /// Read-only connections for the parts of a full-text search split
    /// among the processor's cores, opened when first needed.
    readers: std::cell::RefCell<Vec<Connection>>,
}

impl Drop for Catalogue {
    fn drop(&mut self) {
        // What this connection changed is merged into the index now, not
        // by whoever opens the catalogue next. An error (a full disk, say)
        // leaves the index as it is: whole, only in more pieces.
        if self.conn.total_changes() > 0 {
            while let Ok(Tidy::MoreToDo) = self.tidy_search_index() {}
        }
        // The next process starts from the columns as they are now, if the
        // copy beside the catalogue has fallen far enough behind.
        if let Some(mut columns) = self.columns.get_mut().take()
            && columns.worth_saving()
        {
            self.save_columns(&mut columns);
        }
        // The thread finishes its checkpoint before the connection closes,
        // which checkpoints whatever is left.
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.close();
        }
    }
}

/// What [`Catalogue::tidy_search_index`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tidy {
    /// A step was taken and there may be more to merge.
    MoreToDo,
    /// Nothing (more) to merge.
    Done,
    /// Another connection was writing; nothing was done.
    Busy,
}

/// Writes touching at least this many photos read the catalogue through a
/// memory map while they run (see [`Catalogue::mapped_while`]).
const MAPPED_WRITE: usize = 1_000;

/// How much of the catalogue file such a write may map: more than any
/// catalogue holds.
const MAPPED_BYTES: i64 = 1 << 40;

impl Catalogue {
    /// Runs `write`, which touches `photos` photos. A large one reads the
    /// catalogue's pages through a memory map while it runs, and the map is
    /// let go after it. Its pages lie scattered through the file, and each
    /// read outside the page cache is otherwise a system call: a claim on
    /// 10,000 photos of a million took 1.2 s that way, against 0.9 s mapped.
    /// Only for large writes, since the first touch of a mapped page reads as
    /// much around it as the disk's read-ahead says (8 MiB on a virtual
    /// disk here), which a command-line search would pay for each page.
    pub(crate) fn mapped_while<T>(
        &mut self,
        photos: usize,
        write: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        let mapped = photos >= MAPPED_WRITE && self.path.is_some() && !self.read_only;
        if mapped {
            self.conn.pragma_update(None, "mmap_size", MAPPED_BYTES)?;
        }
        let written = write(self);
        if mapped {
            self.conn.pragma_update(None, "mmap_size", 0)?;
        }
        written
    }

    /// Opens (creating if needed) the catalogue at `path` and brings its
    /// schema up to date. A catalogue this user may not write (or whose
    /// folder this user may not write) is opened read-only, without
    /// creating anything beside it: see [`Catalogue::is_read_only`].
    pub fn open(path: &Path) -> Result<Self> {
        let (conn, read_only) = sqlite_file::open(path)?;
        Self::setup(conn, Some(path.to_owned()), read_only)
    }

    /// A catalogue that lives in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, None, false)
    }

    /// Whether the catalogue was opened read-only (the file or its folder is
    /// not writable by this user). Searches work; changes fail with a
    /// message saying so.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>, read_only: bool) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every write transaction takes the write lock when it begins, so
        // the busy timeout applies: a deferred one that read first would
        // fail at once when another process had written meanwhile.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        // Edits of thousands of photos run the same few dozen statements.
        conn.set_prepared_statement_cache_capacity(64);
        let shown = || {
            path.as_ref()
                .map_or("catalogue".to_owned(), |p| p.display().to_string())
        };
        // Everything that could write is held back until we know the file
        // is ours and not from a newer version. Both are read in one
        // snapshot: another process may be creating the catalogue meanwhile.
        let (application_id, objects): (i32, i64) = {
            let snapshot = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Deferred,
            )?;
            let application_id: i32 = snapshot
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::NotADatabase =>
                    {
                        CatalogError::NotACatalogue { path: shown() }
                    }
                    other => other.into(),
                })?;
            let objects: i64 =
                snapshot.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
            snapshot.commit()?;
            (application_id, objects)
        };
        if application_id != migrations::APPLICATION_ID && (application_id != 0 || objects > 0) {
            return Err(CatalogError::NotACatalogue { path: shown() });
        }
        let version = migrations::user_version(&conn)?;
        if version > migrations::LATEST_VERSION {
            return Err(CatalogError::NewerVersion {
                found: version,
                known: migrations::LATEST_VERSION,
            });
        }
        if read_only && version < migrations::LATEST_VERSION {
            return Err(CatalogError::ReadOnlyUpgrade {
                found: version,
                known: migrations::LATEST_VERSION,
            });
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        let mut checkpointer = None;
        if let Some(path) = path.as_deref().filter(|_| !read_only) {
            use_wal(&conn)?;
            // With WAL, NORMAL loses no committed transaction when the
            // process dies; only a power cut can take the last ones back.
            conn.pragma_update(None, "synchronous", "normal")?;
            checkpointer = Some(checkpoint::Checkpointer::install(&mut conn, path)?);
        }
        if path.is_some() {
            // 64 MiB of page cache (the default is 2 MiB) so the full-text
            // index of a large archive stays in memory between queries.
            // Pages are read with a system call each, not from a memory map:
            // the first touch of a mapped page reads as much around it as
            // the disk's read-ahead says (8 MiB on a virtual disk here), so a
            // search in a million photos just after start read 870 MB of a
            // 1.2 GB catalogue to show 200 of them (1.9 s, against 0.6 s),
            // and mapped pages count as the program's own memory.
            conn.pragma_update(None, "cache_size", PAGE_CACHE)?;
            // A large edit's changed pages stay in memory until its commit
            // (up to 32,768 pages, 128 MiB) instead of being written to the
            // log halfway and read back: a claim on 10,000 scattered photos
            // changes some 14,000. Clean pages still keep to the cache size,
            // and the extra pages are given back after the commit.
            conn.pragma_update(None, "cache_spill", 32_768)?;
        }
        conn.pragma_update(None, "temp_store", "memory")?;
        conn.create_collation("fold", |a, b| {
            crate::text::fold(a)
                .cmp(&crate::text::fold(b))
                .then_with(|| a.cmp(b))
        })?;
        if !read_only {
            migrations::migrate_with(&mut conn, |tx, version| match version {
                // Version 2 brings the search index and version 3 makes it
                // anew; fill it from existing photos.
                2 | 3 => search_index::rebuild(tx),
                _ => Ok(()),
            })?;
        }
        Ok(Self {
            checkpointer,
            conn,
            path,
            read_only,
            columns: Default::default(),
            collation: None,
            readers: Default::default(),
        })
    }

    /// A number that changes whenever another connection (another process,
    /// or another thread's connection) commits a change to the catalogue.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// A handle that stops the statement running on this catalogue's
    /// connection from another thread (its transaction rolls back).
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// The catalogue file, or `None` for an in-memory catalogue.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where this catalogue's thumbnails live: a second SQLite file beside
    /// it, so that the catalogue stays small enough to back up alone.
    pub fn thumbnails_path(&self) -> Option<PathBuf> {
        self.path.as_deref().map(thumbnails::path_beside)
    }

    /// Size, modification time and sidecar time of every catalogued file,
    /// keyed by path bytes: what import needs to skip unchanged files.
    pub fn file_states(&self) -> Result<HashMap<Vec<u8>, FileState>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime_ns, sidecar_mtime_ns FROM photo")?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, Vec<u8>>(0)?,
                FileState {
                    size: row.get::<_, i64>(1)? as u64,
                    mtime_ns: row.get(2)?,
                    sidecar_mtime_ns: row.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every catalogued file, for `check`.
    pub fn files(&self) -> Result<Vec<CataloguedFile>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, path, size, mtime_ns, sidecar_mtime_ns, hash FROM photo ORDER BY id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(CataloguedFile {
                id: PhotoId(row.get(0)?),
                path: path_from_bytes(row.get(1)?),
                state: FileState {
                    size: row.get::<_, i64>(2)? as u64,
                    mtime_ns: row.get(3)?,
                    sidecar_mtime_ns: row.get(4)?,
                },
                hash: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Tidies the catalogue after much editing, as Lightroom's "Optimize
    /// Catalog" does: the full-text index, which every edit extends, is
    /// merged into one piece (a third off broad searches in a million
    /// photos after editing a sixth of them); SQLite refreshes the
    /// statistics its query planner uses; the write-ahead log is folded into
    /// the file. Photos, ids and history are untouched.
    pub fn optimize(&mut self) -> Result<()> {
        search_index::optimize(&self.conn)?;
        self.conn.execute_batch("PRAGMA optimize;")?;
        // Busy readers only make the log stay; that is no failure.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Does one step of the full-text index's merging, the work FTS5 would
    /// otherwise do inside the commit of each change (migration 0012 turned
    /// that off): a caption edit on 10,000 photos spent three quarters of
    /// its commit there. The window's catalogue thread calls this while
    /// nothing else is asked of it, and every catalogue finishes the work
    /// when it closes, so a command-line change leaves the index tidy. A
    /// step is a transaction of its own, of some tens of milliseconds.
    ///
    /// It never waits for another writer: while one holds the catalogue,
    /// the step is not taken, and the answer says so.
    pub fn tidy_search_index(&mut self) -> Result<Tidy> {
        if self.read_only {
            return Ok(Tidy::Done);
        }
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let step = (|| {
            let tx = self.conn.transaction()?;
            let more = search_index::merge_step(&tx)?;
            tx.commit()?;
            Ok(more)
        })();
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        match step {
            Ok(true) => Ok(Tidy::MoreToDo),
            Ok(false) => Ok(Tidy::Done),
            Err(CatalogError::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                if f.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(Tidy::Busy)
            }
            Err(e) => Err(e),
        }
    }

    pub fn photo_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM photo", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// Descriptive fields of a photo that were changed in the catalogue.
    pub fn edited_fields(&self, id: PhotoId) -> Result<HashSet<Field>> {
        photos::edited_fields(&self.conn, id)
    }

    /// Every keyword with its photo count, depth first. The counts come
    /// from the search columns, which hold every photo's keywords: counted
    /// from the links in SQL, they took most of a second at a million
    /// photos, and the window's sidebar waited for them.
    pub fn keywords(&self) -> Result<Vec<KeywordEntry>> {
        let tree = KeywordTree::load(&self.conn)?;
        let columns = self.columns()?;
        let counts = columns.keyword_counts(&columns.all(), &tree);
        Ok(tree.entries(&counts))
    }

    /// Adds a controlled vocabulary (a Lightroom keyword list) to the keyword
    /// tree: missing keywords are created, categories marked, synonyms added.
    /// Returns how many keywords and synonyms were new. However deep the
    /// list nests, it is walked without recursion.
    pub fn import_vocabulary(
        &mut self,
        terms: &[crate::vocabulary::Term],
    ) -> Result<(usize, usize)> {
        // Steps that make the tree hold the list, parents first, walked
        // without recursion however deep the list nests.
        let counts = self.operation("keywords", |_, tree| {
            let mut steps = Vec::new();
            let mut counts = (0, 0);
            let mut stack: Vec<(&crate::vocabulary::Term, String, usize)> =
                terms.iter().rev().map(|t| (t, String::new(), 1)).collect();
            while let Some((t, parent, depth)) = stack.pop() {
                if depth > crate::limits::MAX_KEYWORD_LEVELS {
                    return Err(self::invalid::Invalid::KeywordListTooDeep.into());
                }
                let name = t.name.trim();
                if name.is_empty() || name.contains(keywords::PATH_SEPARATOR) {
                    continue;
                }
                let path = if parent.is_empty() {
                    name.to_owned()
                } else {
                    format!("{parent}|{name}")
                };
                let old = tree
                    .find_path(&path)
                    .map(|id| edit::keyword_state(tree, id));
                // The list decides what is a category, for old keywords too.
                let mut new = history::KeywordState {
                    exported: t.exported,
                    synonyms: old.as_ref().map_or_else(Vec::new, |o| o.synonyms.clone()),
                };
                for s in &t.synonyms {
                    let s = s.trim();
                    if !s.is_empty() && !new.synonyms.iter().any(|have| have == s) {
                        new.synonyms.push(s.to_owned());
                        counts.1 += 1;
                    }
                }
                if old.is_none() {
                    counts.0 += 1;
                }
                if old.as_ref() != Some(&new) {
                    steps.push(history::Step::Keyword {
                        path: path.clone(),
                        old,
                        new: Some(new),
                    });
                }
                stack.extend(
                    t.children
                        .iter()
                        .rev()
                        .map(|c| (c, path.clone(), depth + 1)),
                );
            }
            let summary = history::Summary::with(
                format!(
                    "Keyword list: {} and {} added",
                    crate::text::count(counts.0, "keyword", "keywords"),
                    crate::text::count(counts.1, "synonym", "synonyms")
                ),
                Deed::KeywordList {
                    keywords: counts.0,
                    synonyms: counts.1,
                },
            );
            Ok(Some((summary, steps, counts)))
        })?;
        Ok(counts.unwrap_or_default())
    }

    /// The keyword tree as a vocabulary, for a Lightroom keyword list; built
    /// without recursion, however deep the tree.
    pub fn vocabulary(&self) -> Result<Vec<crate::vocabulary::Term>> {
        use crate::vocabulary::Term;
        let tree = KeywordTree::load(&self.conn)?;
        // Depth first: each keyword with the index of its parent in `order`.
        let mut order: Vec<(i64, Option<usize>)> = Vec::with_capacity(tree.len());
        let mut stack: Vec<(i64, Option<usize>)> = tree
            .children(None)
            .into_iter()
            .rev()
            .map(|id| (id, None))
            .collect();
        while let Some((id, parent)) = stack.pop() {
            if order.len() >= tree.len() {
                break; // only a loop in the parents could get here
            }
            let at = order.len();
            order.push((id, parent));
            stack.extend(
                tree.children(Some(id))
                    .into_iter()
                    .rev()
                    .map(|c| (c, Some(at))),
            );
        }
        let mut built: Vec<Option<Term>> = order
            .iter()
            .map(|(id, _)| {
                Some(Term {
                    name: tree.name(*id).unwrap_or_default().to_owned(),
                    exported: tree.is_exported(*id),
                    synonyms: tree.synonyms(*id).to_vec(),
                    children: Vec::new(),
                })
            })
            .collect();
        // Backwards, so that a keyword's children are complete before it
        // moves into its parent; siblings arrive last first.
        let mut roots = Vec::new();
        for at in (0..order.len()).rev() {
            let Some(mut term) = built[at].take() else {
                continue;
            };
            term.children.reverse();
            match order[at]
                .1
                .and_then(|p| built.get_mut(p))
                .and_then(Option::as_mut)
            {
                Some(parent) => parent.children.push(term),
                None => roots.push(term),
            }
        }
        roots.reverse();
        Ok(roots)
    }

    /// Records that Kartoteka wrote a photo's sidecar, so that the next
    /// import does not take its own writing for a change.
    pub fn note_sidecar(&mut self, id: PhotoId, path: &Path, mtime_ns: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE photo SET sidecar_path = ?2, sidecar_mtime_ns = ?3 WHERE id = ?1",
            rusqlite::params![id.0, path_to_bytes(path), mtime_ns],
        )?;
        Ok(())
    }

    /// Records that Kartoteka rewrote a photo's own file (metadata embedded
    /// in place): its size, time and content hash are new.
    pub fn note_rewritten(
        &mut self,
        id: PhotoId,
        size: u64,
        mtime_ns: i64,
        hash: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE photo SET size = ?2, mtime_ns = ?3, hash = ?4 WHERE id = ?1",
            rusqlite::params![id.0, size as i64, mtime_ns, hash],
        )?;
        Ok(())
    }

    /// Records what `check` found: photos whose file is gone get a
    /// `missing_since` (kept if already set); found files clear it.
    pub fn mark_missing(&mut self, results: &[(PhotoId, bool)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut gone = tx.prepare_cached(
                "UPDATE photo SET missing_since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                 WHERE id = ?1 AND missing_since IS NULL",
            )?;
            let mut back =
                tx.prepare_cached("UPDATE photo SET missing_since = NULL WHERE id = ?1")?;
            for (id, missing) in results {
                if *missing {
                    gone.execute([id.0])?;
                } else {
                    back.execute([id.0])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn stats(&self) -> Result<Stats> {
        let mut stats = self.conn.query_row(
            "SELECT count(*),
                    count(*) FILTER (WHERE format = 'jpeg'),
                    count(*) FILTER (WHERE format = 'tiff'),
                    count(*) FILTER (WHERE format = 'png'),
                    ifnull(sum(size), 0),
                    count(caption),
                    count(gps_lat),
                    count(date_created),
                    count(warnings)
             FROM photo",
            [],
            |r| {
                Ok(Stats {
                    photos: r.get::<_, i64>(0)? as u64,
                    jpeg: r.get::<_, i64>(1)? as u64,
                    tiff: r.get::<_, i64>(2)? as u64,
                    png: r.get::<_, i64>(3)? as u64,
                    total_bytes: r.get::<_, i64>(4)? as u64,
                    with_caption: r.get::<_, i64>(5)? as u64,
                    with_gps: r.get::<_, i64>(6)? as u64,
                    with_depicted_date: r.get::<_, i64>(7)? as u64,
                    with_warnings: r.get::<_, i64>(8)? as u64,
                    ..Stats::default()
                })
            },
        )?;
        stats.duplicates = self.conn.query_row(
            "SELECT ifnull(sum(n), 0) FROM (SELECT count(*) AS n FROM photo GROUP BY hash HAVING n > 1)",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64;
        stats.keywords = self
            .conn
            .query_row("SELECT count(*) FROM keyword", [], |r| r.get::<_, i64>(0))?
            as u64;
        Ok(stats)
    }
}

#[cfg(test)]
mod claims_tests;
#[cfg(test)]
mod columns_tests;
#[cfg(test)]
mod history_tests;
#[cfg(test)]
mod replica_tests;
#[cfg(test)]
mod sync_tests;
#[cfg(test)]
mod tests;
