//! The catalogue: one SQLite file that owns every photo record.
//!
//! This module is the only place SQL lives. It opens and migrates the file,
//! stores what import read, answers queries, and keeps the rules archivists
//! rely on: a re-read never overwrites a field edited in the catalogue, a
//! moved file keeps its id, a catalogue from a newer Kartoteka is refused
//! untouched. It knows nothing of files' pixels or of the screen.

mod keywords;
pub mod migrations;
mod paths;
pub mod thumbnails;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, ToSql, Transaction, params};

pub use self::keywords::KeywordTree;
pub use self::paths::{path_from_bytes, path_to_bytes};
pub use self::thumbnails::ThumbnailStore;
use crate::photo::{
    Description, Field, FieldValue, FileInfo, Gps, ImageFormat, Photo, PhotoId, PhotoRecord,
    RawTag, Sidecar, Technical,
};

/// How long a writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(
        "this catalogue was written by a newer Kartoteka (schema version {found}; this version knows up to {known}); \
         it was left unchanged"
    )]
    NewerVersion { found: u32, known: u32 },
    #[error("{path} is not a Kartoteka catalogue; it was left unchanged")]
    NotACatalogue { path: String },
    #[error("migrating the catalogue to schema version {version} failed: {source}")]
    Migration {
        version: u32,
        #[source]
        source: rusqlite::Error,
    },
    #[error("no photo {0} in the catalogue")]
    NoSuchPhoto(String),
    #[error("{0}")]
    Invalid(String),
    #[error("catalogue error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("catalogue data is damaged: {0}")]
    Json(#[from] serde_json::Error),
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
    conn: Connection,
    path: Option<PathBuf>,
}

impl Catalogue {
    /// Opens (creating if needed) the catalogue at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, Some(path.to_owned()))
    }

    /// A catalogue that lives in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let shown = || {
            path.as_ref()
                .map_or("catalogue".to_owned(), |p| p.display().to_string())
        };
        // Everything that could write is held back until we know the file
        // is ours and not from a newer version.
        let application_id: i32 = conn
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
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
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
        conn.pragma_update(None, "foreign_keys", true)?;
        if path.is_some() {
            conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))?;
            // With WAL, NORMAL loses no committed transaction when the
            // process dies; only a power cut can take the last ones back.
            conn.pragma_update(None, "synchronous", "normal")?;
        }
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, path })
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

    /// Stores a batch of import records in one transaction: either all of
    /// them are in the catalogue afterwards, or none is.
    pub fn store_batch(&mut self, records: &[PhotoRecord]) -> Result<Vec<StoreOutcome>> {
        let tx = self.conn.transaction()?;
        let mut keywords = KeywordTree::load(&tx)?;
        let outcomes = records
            .iter()
            .map(|record| store(&tx, &mut keywords, record))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// Stores one import record.
    pub fn store(&mut self, record: &PhotoRecord) -> Result<StoreOutcome> {
        Ok(self.store_batch(std::slice::from_ref(record))?.remove(0))
    }

    pub fn photo_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM photo", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// One photo by id.
    pub fn photo(&self, id: PhotoId) -> Result<Option<Photo>> {
        let sql = format!("SELECT {PHOTO_SELECT} FROM photo WHERE id = ?1");
        let photo = self
            .conn
            .query_row(&sql, [id.0], photo_from_row)
            .optional()?;
        photo.map(|p| self.with_keywords(p)).transpose()
    }

    /// One photo by the path of its file.
    pub fn photo_by_path(&self, path: &Path) -> Result<Option<Photo>> {
        let sql = format!("SELECT {PHOTO_SELECT} FROM photo WHERE path = ?1");
        let photo = self
            .conn
            .query_row(&sql, [path_to_bytes(path)], photo_from_row)
            .optional()?;
        photo.map(|p| self.with_keywords(p)).transpose()
    }

    /// Every photo, in import order.
    pub fn photos(&self) -> Result<Vec<Photo>> {
        let sql = format!("SELECT {PHOTO_SELECT} FROM photo ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut photos = stmt
            .query_map([], photo_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let tree = KeywordTree::load(&self.conn)?;
        let mut links = keywords::all_links(&self.conn)?;
        for photo in &mut photos {
            let (flat, hier) = tree.lists(links.remove(&photo.id).unwrap_or_default());
            photo.description.keywords = flat;
            photo.description.hierarchical_keywords = hier;
        }
        Ok(photos)
    }

    fn with_keywords(&self, mut photo: Photo) -> Result<Photo> {
        let tree = KeywordTree::load(&self.conn)?;
        let (flat, hier) = tree.lists(keywords::links_of(&self.conn, photo.id)?);
        photo.description.keywords = flat;
        photo.description.hierarchical_keywords = hier;
        Ok(photo)
    }

    /// Every raw tag read from the photo's file.
    pub fn raw_tags(&self, id: PhotoId) -> Result<Vec<RawTag>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT tags FROM photo_tags WHERE photo_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?;
        let triples: Vec<(String, String, String)> = match json {
            Some(j) => serde_json::from_str(&j)?,
            None => Vec::new(),
        };
        Ok(triples
            .into_iter()
            .map(|(group, name, value)| RawTag { group, name, value })
            .collect())
    }

    /// Descriptive fields of a photo that were changed in the catalogue.
    pub fn edited_fields(&self, id: PhotoId) -> Result<HashSet<Field>> {
        edited_fields(&self.conn, id)
    }

    /// Changes one descriptive field of one photo and marks it edited, so
    /// that re-reading the file never overwrites it.
    pub fn set_field(&mut self, id: PhotoId, field: Field, value: FieldValue) -> Result<()> {
        let tx = self.conn.transaction()?;
        let mut photo =
            photo_in(&tx, id)?.ok_or_else(|| CatalogError::NoSuchPhoto(id.to_string()))?;
        let mut tree = KeywordTree::load(&tx)?;
        let (flat, hier) = tree.lists(keywords::links_of(&tx, id)?);
        photo.description.keywords = flat;
        photo.description.hierarchical_keywords = hier;
        if let (Field::DateCreated, FieldValue::Text(Some(date))) = (field, &value) {
            crate::date::PartialDate::parse(date)
                .map_err(|e| CatalogError::Invalid(e.to_string()))?;
        }
        photo.description.set(field, value);
        write_description(&tx, &mut tree, id, &photo.description)?;
        tx.execute(
            "INSERT OR IGNORE INTO edited_field (photo_id, field) VALUES (?1, ?2)",
            params![id.0, field.name()],
        )?;
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

/// Columns written from an import record, in one list so that INSERT and
/// UPDATE cannot drift apart.
const RECORD_COLUMNS: [&str; 42] = [
    "path",
    "file_name",
    "size",
    "mtime_ns",
    "hash",
    "format",
    "sidecar_path",
    "sidecar_mtime_ns",
    "width",
    "height",
    "orientation",
    "camera_make",
    "camera_model",
    "lens",
    "taken_at",
    "digitized_at",
    "exposure_time",
    "f_number",
    "iso",
    "focal_length",
    "gps_lat",
    "gps_lon",
    "gps_alt",
    "title",
    "headline",
    "caption",
    "creators",
    "credit",
    "copyright",
    "source",
    "instructions",
    "job_id",
    "sublocation",
    "city",
    "state",
    "country",
    "country_code",
    "people",
    "event",
    "date_created",
    "digital_source_type",
    "warnings",
];

const PHOTO_SELECT: &str = "id, path, file_name, size, mtime_ns, hash, format, sidecar_path, sidecar_mtime_ns, \
     width, height, orientation, camera_make, camera_model, lens, taken_at, digitized_at, \
     exposure_time, f_number, iso, focal_length, gps_lat, gps_lon, gps_alt, \
     title, headline, caption, creators, credit, copyright, source, instructions, job_id, \
     sublocation, city, state, country, country_code, people, event, date_created, \
     digital_source_type, warnings";

/// SQL text columns of the descriptive fields stored on the photo row.
fn description_columns() -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(|f| !f.is_keywords())
}

fn now_sql() -> &'static str {
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
}

fn store(
    tx: &Transaction<'_>,
    keywords: &mut KeywordTree,
    record: &PhotoRecord,
) -> Result<StoreOutcome> {
    let path = path_to_bytes(&record.file.path);
    let existing: Option<i64> = tx
        .query_row("SELECT id FROM photo WHERE path = ?1", [&path], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = existing {
        let id = PhotoId(id);
        update_from_file(tx, keywords, id, record)?;
        return Ok(StoreOutcome::Updated(id));
    }

    let same_content: Vec<(i64, Vec<u8>)> = {
        let mut stmt = tx.prepare("SELECT id, path FROM photo WHERE hash = ?1 ORDER BY id")?;
        stmt.query_map([&record.file.hash], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    // A file with the same content whose old path is gone has moved: relink
    // it, keeping its id and everything catalogued about it.
    if let Some((id, old)) = same_content
        .iter()
        .find(|(_, old)| !path_from_bytes(old.clone()).exists())
    {
        let id = PhotoId(*id);
        update_from_file(tx, keywords, id, record)?;
        return Ok(StoreOutcome::Relinked {
            id,
            from: path_from_bytes(old.clone()),
        });
    }

    let columns = RECORD_COLUMNS.join(", ");
    let placeholders: Vec<String> = RECORD_COLUMNS.iter().map(|c| format!(":{c}")).collect();
    let sql = format!(
        "INSERT INTO photo ({columns}, imported_at, updated_at) VALUES ({}, {now}, {now})",
        placeholders.join(", "),
        now = now_sql()
    );
    let values = record_values(record)?;
    let params: Vec<(&str, &dyn ToSql)> = values.named();
    tx.execute(&sql, params.as_slice())?;
    let id = PhotoId(tx.last_insert_rowid());
    keywords.attach(
        tx,
        id,
        &record.description.keywords,
        &record.description.hierarchical_keywords,
    )?;
    write_tags(tx, id, &record.tags)?;
    Ok(match same_content.first() {
        Some((of, _)) => StoreOutcome::Duplicate {
            id,
            of: PhotoId(*of),
        },
        None => StoreOutcome::Added(id),
    })
}

/// Re-reads a file into an existing photo: file and technical facts are
/// replaced; descriptive fields are replaced unless edited in the catalogue.
fn update_from_file(
    tx: &Transaction<'_>,
    keywords: &mut KeywordTree,
    id: PhotoId,
    record: &PhotoRecord,
) -> Result<()> {
    let edited = edited_fields(tx, id)?;
    let mut merged = record.clone();
    if !edited.is_empty() {
        let mut current =
            photo_in(tx, id)?.ok_or_else(|| CatalogError::NoSuchPhoto(id.to_string()))?;
        let (flat, hier) = keywords.lists(keywords::links_of(tx, id)?);
        current.description.keywords = flat;
        current.description.hierarchical_keywords = hier;
        for field in &edited {
            merged
                .description
                .set(*field, current.description.get(*field));
        }
    }
    let assignments: Vec<String> = RECORD_COLUMNS
        .iter()
        .map(|c| format!("{c} = :{c}"))
        .collect();
    let sql = format!(
        "UPDATE photo SET {}, updated_at = {} WHERE id = :id",
        assignments.join(", "),
        now_sql()
    );
    let values = record_values(&merged)?;
    let mut params = values.named();
    params.push((":id", &id.0));
    tx.execute(&sql, params.as_slice())?;
    if !edited.contains(&Field::Keywords) && !edited.contains(&Field::HierarchicalKeywords) {
        keywords.attach(
            tx,
            id,
            &merged.description.keywords,
            &merged.description.hierarchical_keywords,
        )?;
    }
    write_tags(tx, id, &merged.tags)?;
    Ok(())
}

/// Writes all descriptive fields of a photo (columns and keyword links).
fn write_description(
    tx: &Transaction<'_>,
    keywords: &mut KeywordTree,
    id: PhotoId,
    d: &Description,
) -> Result<()> {
    let assignments: Vec<String> = description_columns()
        .map(|f| format!("{f} = :{f}"))
        .collect();
    let sql = format!(
        "UPDATE photo SET {}, updated_at = {} WHERE id = :id",
        assignments.join(", "),
        now_sql()
    );
    let values: Vec<(String, Box<dyn ToSql>)> = description_columns()
        .map(|f| -> Result<(String, Box<dyn ToSql>)> {
            let value: Box<dyn ToSql> = match d.get(f) {
                FieldValue::Text(t) => Box::new(t),
                FieldValue::List(l) => Box::new(serde_json::to_string(&l)?),
            };
            Ok((format!(":{f}"), value))
        })
        .collect::<Result<_>>()?;
    let mut params: Vec<(&str, &dyn ToSql)> = values
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_ref()))
        .collect();
    params.push((":id", &id.0));
    tx.execute(&sql, params.as_slice())?;
    keywords.attach(tx, id, &d.keywords, &d.hierarchical_keywords)?;
    Ok(())
}

fn write_tags(tx: &Transaction<'_>, id: PhotoId, tags: &[RawTag]) -> Result<()> {
    let triples: Vec<(&str, &str, &str)> = tags
        .iter()
        .map(|t| (t.group.as_str(), t.name.as_str(), t.value.as_str()))
        .collect();
    tx.execute(
        "INSERT INTO photo_tags (photo_id, tags) VALUES (?1, ?2)
         ON CONFLICT (photo_id) DO UPDATE SET tags = excluded.tags",
        params![id.0, serde_json::to_string(&triples)?],
    )?;
    Ok(())
}

fn edited_fields(conn: &Connection, id: PhotoId) -> Result<HashSet<Field>> {
    let mut stmt = conn.prepare_cached("SELECT field FROM edited_field WHERE photo_id = ?1")?;
    let names = stmt
        .query_map([id.0], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names.iter().filter_map(|n| Field::from_name(n)).collect())
}

fn photo_in(conn: &Connection, id: PhotoId) -> Result<Option<Photo>> {
    let sql = format!("SELECT {PHOTO_SELECT} FROM photo WHERE id = ?1");
    Ok(conn.query_row(&sql, [id.0], photo_from_row).optional()?)
}

/// The values of [`RECORD_COLUMNS`] for one record, owned so that named
/// parameters can borrow them.
struct RecordValues(Vec<(String, Box<dyn ToSql>)>);

impl RecordValues {
    fn named(&self) -> Vec<(&str, &dyn ToSql)> {
        self.0
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_ref()))
            .collect()
    }
}

fn record_values(r: &PhotoRecord) -> Result<RecordValues> {
    let f = &r.file;
    let t = &r.technical;
    let d = &r.description;
    let file_name = f
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let warnings = (!r.warnings.is_empty()).then(|| r.warnings.join("\n"));
    let values: Vec<Box<dyn ToSql>> = vec![
        Box::new(path_to_bytes(&f.path)),
        Box::new(file_name),
        Box::new(f.size as i64),
        Box::new(f.mtime_ns),
        Box::new(f.hash.clone()),
        Box::new(f.format.as_str()),
        Box::new(f.sidecar.as_ref().map(|s| path_to_bytes(&s.path))),
        Box::new(f.sidecar.as_ref().map(|s| s.mtime_ns)),
        Box::new(t.width),
        Box::new(t.height),
        Box::new(t.orientation),
        Box::new(t.camera_make.clone()),
        Box::new(t.camera_model.clone()),
        Box::new(t.lens.clone()),
        Box::new(t.taken_at.clone()),
        Box::new(t.digitized_at.clone()),
        Box::new(t.exposure_time),
        Box::new(t.f_number),
        Box::new(t.iso),
        Box::new(t.focal_length),
        Box::new(t.gps.map(|g| g.lat)),
        Box::new(t.gps.map(|g| g.lon)),
        Box::new(t.gps.and_then(|g| g.alt)),
        Box::new(d.title.clone()),
        Box::new(d.headline.clone()),
        Box::new(d.caption.clone()),
        Box::new(serde_json::to_string(&d.creators)?),
        Box::new(d.credit.clone()),
        Box::new(d.copyright.clone()),
        Box::new(d.source.clone()),
        Box::new(d.instructions.clone()),
        Box::new(d.job_id.clone()),
        Box::new(d.sublocation.clone()),
        Box::new(d.city.clone()),
        Box::new(d.state.clone()),
        Box::new(d.country.clone()),
        Box::new(d.country_code.clone()),
        Box::new(serde_json::to_string(&d.people)?),
        Box::new(d.event.clone()),
        Box::new(d.date_created.clone()),
        Box::new(d.digital_source_type.clone()),
        Box::new(warnings),
    ];
    debug_assert_eq!(values.len(), RECORD_COLUMNS.len());
    Ok(RecordValues(
        RECORD_COLUMNS
            .iter()
            .map(|c| format!(":{c}"))
            .zip(values)
            .collect(),
    ))
}

fn json_list(row: &Row<'_>, column: &str) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
    let format: String = row.get("format")?;
    let format = ImageFormat::from_name(&format).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown format {format:?}").into(),
        )
    })?;
    let sidecar_path: Option<Vec<u8>> = row.get("sidecar_path")?;
    let gps = match (
        row.get::<_, Option<f64>>("gps_lat")?,
        row.get::<_, Option<f64>>("gps_lon")?,
    ) {
        (Some(lat), Some(lon)) => Some(Gps {
            lat,
            lon,
            alt: row.get("gps_alt")?,
        }),
        _ => None,
    };
    let warnings: Option<String> = row.get("warnings")?;
    Ok(Photo {
        id: PhotoId(row.get("id")?),
        file: FileInfo {
            path: path_from_bytes(row.get("path")?),
            size: row.get::<_, i64>("size")? as u64,
            mtime_ns: row.get("mtime_ns")?,
            hash: row.get("hash")?,
            format,
            sidecar: match sidecar_path {
                Some(p) => Some(Sidecar {
                    path: path_from_bytes(p),
                    mtime_ns: row.get::<_, Option<i64>>("sidecar_mtime_ns")?.unwrap_or(0),
                }),
                None => None,
            },
        },
        technical: Technical {
            width: row.get("width")?,
            height: row.get("height")?,
            orientation: row.get("orientation")?,
            camera_make: row.get("camera_make")?,
            camera_model: row.get("camera_model")?,
            lens: row.get("lens")?,
            taken_at: row.get("taken_at")?,
            digitized_at: row.get("digitized_at")?,
            exposure_time: row.get("exposure_time")?,
            f_number: row.get("f_number")?,
            iso: row.get("iso")?,
            focal_length: row.get("focal_length")?,
            gps,
        },
        description: Description {
            title: row.get("title")?,
            headline: row.get("headline")?,
            caption: row.get("caption")?,
            creators: json_list(row, "creators")?,
            credit: row.get("credit")?,
            copyright: row.get("copyright")?,
            source: row.get("source")?,
            instructions: row.get("instructions")?,
            job_id: row.get("job_id")?,
            sublocation: row.get("sublocation")?,
            city: row.get("city")?,
            state: row.get("state")?,
            country: row.get("country")?,
            country_code: row.get("country_code")?,
            keywords: Vec::new(),
            hierarchical_keywords: Vec::new(),
            people: json_list(row, "people")?,
            event: row.get("event")?,
            date_created: row.get("date_created")?,
            digital_source_type: row.get("digital_source_type")?,
        },
        warnings: warnings
            .map(|w| w.lines().map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests;
