//! Photo records: storing what import read and reading photos back.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row, ToSql, Transaction, params};

use super::keywords::{self, KeywordTree};
use super::{
    CatalogError, Catalogue, Result, StoreOutcome, claims, path_from_bytes, path_to_bytes,
    search_index,
};
use crate::photo::{
    Curation, Description, Field, FileInfo, Flag, Gps, ImageFormat, Label, Photo, PhotoId,
    PhotoRecord, RawTag, Sidecar, Technical,
};

impl Catalogue {
    /// Stores a batch of import records in one transaction: either all of
    /// them are in the catalogue afterwards, or none is.
    pub fn store_batch(&mut self, records: &[PhotoRecord]) -> Result<Vec<StoreOutcome>> {
        let tx = self.conn.transaction()?;
        let mut keywords = KeywordTree::load(&tx)?;
        let outcomes = records
            .iter()
            .map(|record| store(&tx, &mut keywords, record))
            .collect::<Result<Vec<_>>>()?;
        let ids: Vec<PhotoId> = outcomes.iter().map(StoreOutcome::id).collect();
        search_index::reindex(&tx, &ids)?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// Stores one import record.
    pub fn store(&mut self, record: &PhotoRecord) -> Result<StoreOutcome> {
        Ok(self.store_batch(std::slice::from_ref(record))?.remove(0))
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

    /// Photos by id, in the order given; ids not in the catalogue are skipped.
    pub fn photos_by_ids(&self, ids: &[PhotoId]) -> Result<Vec<Photo>> {
        let tree = KeywordTree::load(&self.conn)?;
        let mut found = load_photos(&self.conn, &tree, ids, true)?;
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    fn with_keywords(&self, mut photo: Photo) -> Result<Photo> {
        let tree = KeywordTree::load(&self.conn)?;
        let (flat, hier) = tree.lists(keywords::links_of(&self.conn, photo.id)?);
        photo.description.keywords = flat;
        photo.description.hierarchical_keywords = hier;
        Ok(photo)
    }

    /// Photos whose file had exactly this content when it was catalogued.
    pub fn photos_with_hash(&self, hash: &str) -> Result<Vec<PhotoId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM photo WHERE hash = ?1 ORDER BY id")?;
        Ok(stmt
            .query_map([hash], |r| Ok(PhotoId(r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Whether any catalogued file has this size (a cheap first look before
    /// hashing a file to compare it with the catalogue).
    pub fn has_file_of_size(&self, size: u64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM photo WHERE size = ?1)",
            [size as i64],
            |r| r.get(0),
        )?)
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
}

/// Columns written from an import record, in one list so that INSERT and
/// UPDATE cannot drift apart.
const RECORD_COLUMNS: [&str; 43] = [
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
    "pages",
];

const PHOTO_SELECT: &str = "id, path, file_name, size, mtime_ns, hash, format, sidecar_path, sidecar_mtime_ns, \
     width, height, orientation, camera_make, camera_model, lens, taken_at, digitized_at, \
     exposure_time, f_number, iso, focal_length, gps_lat, gps_lon, gps_alt, \
     title, headline, caption, creators, credit, copyright, source, instructions, job_id, \
     sublocation, city, state, country, country_code, people, event, date_created, \
     digital_source_type, warnings, rating, flag, label, note, missing_since, pages";

/// The position of a column in [`PHOTO_SELECT`], found when compiling: a
/// row read by name costs a search through every column's name, for every
/// column of every row (two thirds of loading 10,000 photos).
const fn photo_column(name: &str) -> usize {
    let (list, name) = (PHOTO_SELECT.as_bytes(), name.as_bytes());
    let (mut at, mut index) = (0, 0);
    while at < list.len() {
        while at < list.len() && matches!(list[at], b' ' | b',' | b'\n') {
            at += 1;
        }
        let start = at;
        while at < list.len() && !matches!(list[at], b' ' | b',' | b'\n') {
            at += 1;
        }
        if at - start == name.len() {
            let mut i = 0;
            while i < name.len() && list[start + i] == name[i] {
                i += 1;
            }
            if i == name.len() {
                return index;
            }
        }
        index += 1;
    }
    panic!("no such column in PHOTO_SELECT")
}

/// [`photo_column`] as a constant.
macro_rules! column {
    ($name:literal) => {{
        const AT: usize = photo_column($name);
        AT
    }};
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

    let id = insert(tx, keywords, record)?;
    // A team's replica shares what it imports with the other members.
    tx.prepare_cached(
        "INSERT INTO photo_unsent (photo_id) SELECT ?1 WHERE EXISTS (SELECT 1 FROM team_photos)",
    )?
    .execute([id.0])?;
    Ok(match same_content.first() {
        Some((of, _)) => StoreOutcome::Duplicate {
            id,
            of: PhotoId(*of),
        },
        None => StoreOutcome::Added(id),
    })
}

/// Adds a photo from its record, with its keywords, tags and claims.
pub(super) fn insert(
    tx: &Transaction<'_>,
    keywords: &mut KeywordTree,
    record: &PhotoRecord,
) -> Result<PhotoId> {
    let columns = RECORD_COLUMNS.join(", ");
    let placeholders: Vec<String> = RECORD_COLUMNS.iter().map(|c| format!(":{c}")).collect();
    let sql = format!(
        "INSERT INTO photo ({columns}, imported_at, updated_at) VALUES ({}, {now}, {now})",
        placeholders.join(", "),
        now = now_sql()
    );
    let values = record_values(record)?;
    let params: Vec<(&str, &dyn ToSql)> = values.named();
    tx.prepare_cached(&sql)?.execute(params.as_slice())?;
    let id = PhotoId(tx.last_insert_rowid());
    keywords.attach(
        tx,
        id,
        &record.description.keywords,
        &record.description.hierarchical_keywords,
    )?;
    write_tags(tx, id, &record.tags)?;
    claims::restore(tx, keywords, id, &record.claims)?;
    Ok(id)
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
    claims::restore(tx, keywords, id, &merged.claims)?;
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

pub(super) fn edited_fields(conn: &Connection, id: PhotoId) -> Result<HashSet<Field>> {
    let mut stmt = conn.prepare_cached("SELECT field FROM edited_field WHERE photo_id = ?1")?;
    let names = stmt
        .query_map([id.0], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names.iter().filter_map(|n| Field::from_name(n)).collect())
}

/// A photo with its keyword lists, inside a transaction.
pub(super) fn load_photo(conn: &Connection, tree: &KeywordTree, id: PhotoId) -> Result<Photo> {
    Ok(load_photo_and_links(conn, tree, id)?.0)
}

/// A photo with its keywords, and the links to the keyword tree they were
/// read from.
pub(super) fn load_photo_and_links(
    conn: &Connection,
    tree: &KeywordTree,
    id: PhotoId,
) -> Result<(Photo, Vec<keywords::Link>)> {
    let mut photo = photo_in(conn, id)?.ok_or_else(|| CatalogError::NoSuchPhoto(id.to_string()))?;
    let links = keywords::links_of(conn, id)?;
    let (flat, hier) = tree.lists(links.clone());
    photo.description.keywords = flat;
    photo.description.hierarchical_keywords = hier;
    Ok((photo, links))
}

/// Whether a photo is in the catalogue.
pub(super) fn photo_exists(conn: &Connection, photo: PhotoId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM photo WHERE id = ?1)")?
        .query_row([photo.0], |r| r.get(0))?)
}

/// Photos by id, read in one statement; ids not in the catalogue are not
/// in the map. Their keywords are read only when asked for.
pub(super) fn load_photos(
    conn: &Connection,
    tree: &KeywordTree,
    ids: &[PhotoId],
    with_keywords: bool,
) -> Result<std::collections::HashMap<PhotoId, Photo>> {
    let json = serde_json::to_string(ids)?;
    let mut found: std::collections::HashMap<PhotoId, Photo> = conn
        .prepare_cached(&format!(
            "SELECT {PHOTO_SELECT} FROM photo WHERE id IN (SELECT value FROM json_each(?1))"
        ))?
        .query_map([json], photo_from_row)?
        .map(|p| p.map(|p| (p.id, p)))
        .collect::<rusqlite::Result<_>>()?;
    if with_keywords {
        let mut links = keywords::links_of_photos(conn, ids)?;
        for photo in found.values_mut() {
            let (flat, hier) = tree.lists(links.remove(&photo.id).unwrap_or_default());
            photo.description.keywords = flat;
            photo.description.hierarchical_keywords = hier;
        }
    }
    Ok(found)
}

/// Photos by id with their keywords, and each photo's keyword links as
/// read, in two statements whatever their number; ids not in the
/// catalogue are not in the map.
pub(super) fn load_photos_and_links(
    conn: &Connection,
    tree: &KeywordTree,
    ids: &[PhotoId],
) -> Result<std::collections::HashMap<PhotoId, (Photo, Vec<keywords::Link>)>> {
    let photos = load_photos(conn, tree, ids, false)?;
    let mut links = keywords::links_of_photos(conn, ids)?;
    Ok(photos
        .into_iter()
        .map(|(id, mut photo)| {
            let its_links = links.remove(&id).unwrap_or_default();
            let (flat, hier) = tree.lists(its_links.clone());
            photo.description.keywords = flat;
            photo.description.hierarchical_keywords = hier;
            (id, (photo, its_links))
        })
        .collect())
}

fn photo_in(conn: &Connection, id: PhotoId) -> Result<Option<Photo>> {
    let sql = format!("SELECT {PHOTO_SELECT} FROM photo WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id.0], photo_from_row)
        .optional()?)
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
    let warnings = crate::ingest::warning::to_column(&r.warnings);
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
        Box::new(t.pages),
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

fn json_list(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
    let format: String = row.get(column!("format"))?;
    let format = ImageFormat::from_name(&format).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown format {format:?}").into(),
        )
    })?;
    let sidecar_path: Option<Vec<u8>> = row.get(column!("sidecar_path"))?;
    let gps = match (
        row.get::<_, Option<f64>>("gps_lat")?,
        row.get::<_, Option<f64>>("gps_lon")?,
    ) {
        (Some(lat), Some(lon)) => Some(Gps {
            lat,
            lon,
            alt: row.get(column!("gps_alt"))?,
        }),
        _ => None,
    };
    let warnings: Option<String> = row.get(column!("warnings"))?;
    let curation = Curation {
        rating: row.get(column!("rating"))?,
        flag: row
            .get::<_, Option<String>>("flag")?
            .and_then(|f| Flag::from_name(&f)),
        label: row
            .get::<_, Option<String>>("label")?
            .and_then(|l| Label::from_name(&l)),
        note: row.get(column!("note"))?,
        missing_since: row.get(column!("missing_since"))?,
    };
    Ok(Photo {
        id: PhotoId(row.get(column!("id"))?),
        file: FileInfo {
            path: path_from_bytes(row.get(column!("path"))?),
            size: row.get::<_, i64>(column!("size"))? as u64,
            mtime_ns: row.get(column!("mtime_ns"))?,
            hash: row.get(column!("hash"))?,
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
            width: row.get(column!("width"))?,
            height: row.get(column!("height"))?,
            orientation: row.get(column!("orientation"))?,
            camera_make: row.get(column!("camera_make"))?,
            camera_model: row.get(column!("camera_model"))?,
            lens: row.get(column!("lens"))?,
            taken_at: row.get(column!("taken_at"))?,
            digitized_at: row.get(column!("digitized_at"))?,
            exposure_time: row.get(column!("exposure_time"))?,
            f_number: row.get(column!("f_number"))?,
            iso: row.get(column!("iso"))?,
            focal_length: row.get(column!("focal_length"))?,
            gps,
            pages: row.get(column!("pages"))?,
        },
        description: Description {
            title: row.get(column!("title"))?,
            headline: row.get(column!("headline"))?,
            caption: row.get(column!("caption"))?,
            creators: json_list(row, column!("creators"))?,
            credit: row.get(column!("credit"))?,
            copyright: row.get(column!("copyright"))?,
            source: row.get(column!("source"))?,
            instructions: row.get(column!("instructions"))?,
            job_id: row.get(column!("job_id"))?,
            sublocation: row.get(column!("sublocation"))?,
            city: row.get(column!("city"))?,
            state: row.get(column!("state"))?,
            country: row.get(column!("country"))?,
            country_code: row.get(column!("country_code"))?,
            keywords: Vec::new(),
            hierarchical_keywords: Vec::new(),
            people: json_list(row, column!("people"))?,
            event: row.get(column!("event"))?,
            date_created: row.get(column!("date_created"))?,
            digital_source_type: row.get(column!("digital_source_type"))?,
        },
        curation,
        warnings: crate::ingest::warning::from_column(warnings.as_deref()),
    })
}

/// What the grid and the table show of a photo: one narrow row each, so that
/// a result of 100,000 photos stays small.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoSummary {
    pub id: PhotoId,
    /// The content hash, which names the thumbnail.
    pub hash: String,
    pub path: std::path::PathBuf,
    pub file_name: String,
    pub orientation: Option<u16>,
    pub format: ImageFormat,
    pub title: Option<String>,
    pub caption: Option<String>,
    pub date_created: Option<String>,
    pub taken_at: Option<String>,
    pub camera: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub rating: u8,
    pub flag: Option<Flag>,
    pub label: Option<Label>,
    pub missing: bool,
}

impl Catalogue {
    /// Summaries of photos, in the order given.
    pub fn summaries(&self, ids: &[PhotoId]) -> Result<Vec<PhotoSummary>> {
        let json = serde_json::to_string(ids)?;
        // Captions are cut to what a table row can show.
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.hash, p.path, p.file_name, p.format, p.title, substr(p.caption, 1, 160), p.date_created, p.taken_at,
                    p.camera_model, p.width, p.height, p.rating, p.flag, p.label, p.missing_since IS NOT NULL,
                    p.orientation
             FROM json_each(?1) j JOIN photo p ON p.id = j.value ORDER BY j.key",
        )?;
        let rows = stmt.query_map([json], |r| {
            let path = path_from_bytes(r.get(2)?);
            Ok(PhotoSummary {
                id: PhotoId(r.get(0)?),
                hash: r.get(1)?,
                path,
                orientation: r.get(16)?,
                file_name: r.get(3)?,
                format: ImageFormat::from_name(&r.get::<_, String>(4)?)
                    .unwrap_or(ImageFormat::Jpeg),
                title: r.get(5)?,
                caption: r.get(6)?,
                date_created: r.get(7)?,
                taken_at: r.get(8)?,
                camera: r.get(9)?,
                width: r.get(10)?,
                height: r.get(11)?,
                rating: r.get(12)?,
                flag: r
                    .get::<_, Option<String>>(13)?
                    .and_then(|f| Flag::from_name(&f)),
                label: r
                    .get::<_, Option<String>>(14)?
                    .and_then(|l| Label::from_name(&l)),
                missing: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Folders holding photos, with how many each holds directly.
    pub fn folders(&self) -> Result<Vec<(std::path::PathBuf, u64)>> {
        let mut counts: std::collections::BTreeMap<std::path::PathBuf, u64> =
            std::collections::BTreeMap::new();
        let mut count = |first: &[u8], photos: u64| {
            if let Some(parent) = path_from_bytes(first.to_vec()).parent() {
                *counts.entry(parent.to_owned()).or_default() += photos;
            }
        };
        // In the order of the index on paths: a folder's photos come in
        // runs (broken only by its subfolders'), each run one lookup rather
        // than a path made and compared per photo, which at a million
        // photos took two seconds.
        let mut stmt = self.conn.prepare("SELECT path FROM photo ORDER BY path")?;
        let mut rows = stmt.query([])?;
        // The run's first path, the length of its folder, its photos.
        let mut run: Option<(Vec<u8>, usize, u64)> = None;
        while let Some(row) = rows.next()? {
            let path = row.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
            let folder = path
                .iter()
                .rposition(|&b| std::path::is_separator(char::from(b)))
                .map_or(0, |end| end + 1);
            match &mut run {
                Some((first, len, photos))
                    if *len == folder && first[..folder] == path[..folder] =>
                {
                    *photos += 1;
                }
                _ => {
                    if let Some((first, _, photos)) = run.take() {
                        count(&first, photos);
                    }
                    run = Some((path.to_vec(), folder, 1));
                }
            }
        }
        if let Some((first, _, photos)) = run {
            count(&first, photos);
        }
        Ok(counts.into_iter().collect())
    }
}
