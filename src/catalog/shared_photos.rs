//! Photos as they travel between a team's replicas: a member's import
//! reaches the others with what it read from the file (its facts, its
//! description, its raw tags), so that they need not read the file, nor
//! have the shared store mounted, to see, search and caption it. The
//! thumbnail travels beside it, by content hash.
//!
//! A photo is pushed once, before the operations that change it, so a
//! replica that pulls an operation finds its photos already on the server.
//! It travels as it stands when pushed, with the edits made here since the
//! import: those edits travel as operations too, and merging them again
//! leaves the same values. A photo a replica already holds (the same
//! content, imported here too) is passed over; nothing here is replaced
//! by what a colleague read.
//!
//! What comes from the server is checked as import's own records never
//! need to be: the content hash, the paths (absolute, no `..`, never one of
//! this catalogue's own files nor a path another photo holds here), the
//! format, and every descriptive value through [`normalise`]. A photo that fails is refused alone, with
//! why, and the rest go on.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::edit::normalise;
use super::keywords::KeywordTree;
use super::snapshot::{OwnFiles, unfit};
use super::sync::{PhotoRef, content_hash, photo_of, photo_ref};
use super::{Catalogue, Result, photos, search_index};
use crate::ingest::Warning;
use crate::limits;
use crate::photo::{
    Attribute, Description, Field, FileInfo, ImageFormat, PhotoId, PhotoRecord, RawTag, Sidecar,
    Technical,
};

/// A photo as it travels. Its paths are the team's: [`Catalogue`] hands
/// out and takes this machine's, and the team module maps them.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedPhoto {
    pub photo: PhotoRef,
    pub path: PathBuf,
    pub sidecar: Option<PathBuf>,
    pub facts: PhotoFacts,
}

/// What the importing replica knows of a photo's file and its description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoFacts {
    pub size: u64,
    pub mtime_ns: i64,
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sidecar_mtime_ns: Option<i64>,
    pub technical: Technical,
    /// The descriptive fields that hold a value, by name, as edits hold
    /// them.
    pub description: Map<String, Value>,
    #[serde(default)]
    pub tags: Vec<RawTag>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

/// What adding pulled photos did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhotosMerged {
    /// Photos added here.
    pub added: usize,
    /// Photos this catalogue already held (the same content).
    pub already: usize,
    /// Photos refused, each with why.
    pub refused: Vec<String>,
}

impl PhotosMerged {
    pub fn add(&mut self, other: PhotosMerged) {
        self.added += other.added;
        self.already += other.already;
        self.refused.extend(other.refused);
    }
}

/// The longest text of a camera's make, model or lens, and of the capture
/// dates, taken from the server.
const MAX_TECHNICAL_TEXT: usize = 1_000;

/// Raw tags taken with one photo.
const MAX_TAGS: usize = 10_000;

/// Whether `reference` names a photo by content: 64 lowercase hex digits,
/// and `#n` (n > 0) for a second or later copy.
fn well_formed(reference: &str) -> bool {
    let (hash, n) = match reference.split_once('#') {
        Some((hash, n)) => (hash, Some(n)),
        None => (reference, None),
    };
    hash.len() == 64
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && n.is_none_or(|n| n.parse::<u32>().is_ok_and(|n| n > 0) && !n.starts_with('0'))
}

/// The photo's record as import would have made it, or why the photo is
/// refused.
fn record_of(photo: &SharedPhoto) -> std::result::Result<PhotoRecord, String> {
    if !well_formed(&photo.photo) {
        return Err("it is not named by a content hash".into());
    }
    for path in std::iter::once(&photo.path).chain(&photo.sidecar) {
        if let Some(why) = unfit(path) {
            return Err(format!("its path {} is {why}", path.display()));
        }
    }
    if photo.path.file_name().is_none() {
        return Err(format!("its path {} names no file", photo.path.display()));
    }
    let f = &photo.facts;
    let format = ImageFormat::from_name(&f.format)
        .ok_or_else(|| format!("its format \"{}\" is not one Kartoteka reads", f.format))?;
    let t = &f.technical;
    if t.orientation.is_some_and(|o| !(1..=8).contains(&o)) {
        return Err("its orientation is not one of EXIF's eight".into());
    }
    let texts = [
        &t.camera_make,
        &t.camera_model,
        &t.lens,
        &t.taken_at,
        &t.digitized_at,
    ];
    if texts
        .iter()
        .any(|s| s.as_ref().is_some_and(|s| s.len() > MAX_TECHNICAL_TEXT))
    {
        return Err("a camera or date text is longer than any a file gives".into());
    }
    if f.tags.len() > MAX_TAGS
        || f.tags.iter().any(|tag| {
            tag.group.len() + tag.name.len() + tag.value.len() > limits::MAX_RAW_TAG_BYTES
        })
    {
        return Err("its raw tags are more than import keeps".into());
    }
    if f.warnings.len() > limits::MAX_WARNINGS_PER_FILE {
        return Err("it has more warnings than import keeps".into());
    }
    let mut description = Description::default();
    for (name, value) in &f.description {
        let field = Field::from_name(name)
            .ok_or_else(|| format!("it has a field \"{name}\" Kartoteka does not know"))?;
        let value = normalise(Attribute::Field(field), value)
            .map_err(|e| format!("its {}: {e}", field.name()))?;
        if let Some(text) = description.text_mut(field) {
            *text = value.as_str().map(str::to_owned);
        } else if let Some(list) = description.list_mut(field) {
            *list = serde_json::from_value(value).map_err(|e| e.to_string())?;
        }
    }
    let hash = content_hash(&photo.photo).to_owned();
    Ok(PhotoRecord {
        file: FileInfo {
            path: photo.path.clone(),
            size: f.size,
            mtime_ns: f.mtime_ns,
            hash,
            format,
            sidecar: photo.sidecar.clone().map(|path| Sidecar {
                path,
                mtime_ns: f.sidecar_mtime_ns.unwrap_or(0),
            }),
        },
        technical: t.clone(),
        description,
        tags: f.tags.clone(),
        warnings: f.warnings.clone(),
        claims: Vec::new(),
    })
}

/// Notes that this replica has pulled the photos up to `through`.
fn note_photos_pulled(conn: &Connection, through: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO team_photos (only, pulled) VALUES (1, ?1)
         ON CONFLICT (only) DO UPDATE SET pulled = max(pulled, excluded.pulled)",
    )?
    .execute([through])?;
    Ok(())
}

impl Catalogue {
    /// From now on, this catalogue shares what it imports with its team
    /// (after `team create` or `team join`, or a first sync). Photos it
    /// holds already are the team's: they came with, or went into, the
    /// team's snapshot.
    pub fn share_imports(&mut self) -> Result<()> {
        // Asked first: a sync need not take the write lock to learn it.
        let sharing: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM team_photos)", [], |r| {
                    r.get(0)
                })?;
        if !sharing {
            self.conn.execute(
                "INSERT INTO team_photos (only, pulled) VALUES (1, 0) ON CONFLICT (only) DO NOTHING",
                [],
            )?;
        }
        Ok(())
    }

    /// How far this replica has pulled the photos other members imported.
    pub fn photos_pulled(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT pulled FROM team_photos", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Photos imported here that the team's server does not have yet,
    /// oldest first, at most `limit`, with this machine's paths.
    pub fn unsent_photos(&self, limit: usize) -> Result<Vec<(PhotoId, SharedPhoto)>> {
        let ids: Vec<PhotoId> = self
            .conn
            .prepare_cached("SELECT photo_id FROM photo_unsent ORDER BY photo_id LIMIT ?1")?
            .query_map([limit as i64], |r| Ok(PhotoId(r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for photo in self.photos_by_ids(&ids)? {
            let Some(reference) = photo_ref(&self.conn, photo.id)? else {
                continue;
            };
            let mut description = Map::new();
            for field in Field::ALL {
                let value = super::edit::value_of(&photo, Attribute::Field(field));
                if !super::edit::is_empty(&value) {
                    description.insert(field.name().to_owned(), value);
                }
            }
            let sidecar = photo.file.sidecar.as_ref();
            out.push((
                photo.id,
                SharedPhoto {
                    photo: reference,
                    path: photo.file.path.clone(),
                    sidecar: sidecar.map(|s| s.path.clone()),
                    facts: PhotoFacts {
                        size: photo.file.size,
                        mtime_ns: photo.file.mtime_ns,
                        format: photo.file.format.as_str().to_owned(),
                        sidecar_mtime_ns: sidecar.map(|s| s.mtime_ns),
                        technical: photo.technical.clone(),
                        description,
                        tags: self.raw_tags(photo.id)?,
                        warnings: photo.warnings.clone(),
                    },
                },
            ));
        }
        Ok(out)
    }

    /// How many photos imported here the server does not have yet.
    pub fn unsent_photo_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM photo_unsent", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Notes that the server has these photos.
    pub fn mark_photos_sent(&mut self, photos: &[PhotoId]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut sent = tx.prepare_cached("DELETE FROM photo_unsent WHERE photo_id = ?1")?;
            for photo in photos {
                sent.execute([photo.0])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Which of these photos this catalogue does not hold.
    pub fn lacks_photos(&self, photos: &[PhotoRef]) -> Result<Vec<bool>> {
        photos
            .iter()
            .map(|p| Ok(photo_of(&self.conn, p)?.is_none()))
            .collect()
    }

    /// Adds photos other members imported (each with its place in the
    /// server's order of photos, and this machine's paths), and notes that
    /// this replica has pulled them up to `through`. A photo held here
    /// already is passed over; one that fails the checks is refused alone.
    ///
    /// They are added in one transaction (a savepoint around each would
    /// flush the search index at every one); should one fail to be
    /// written, they are added again one per transaction and only that one
    /// is refused.
    pub fn add_shared_photos(
        &mut self,
        photos: &[(i64, std::result::Result<SharedPhoto, String>)],
        through: i64,
    ) -> Result<PhotosMerged> {
        if let Ok(merged) = self.add_photos_together(photos, through) {
            return Ok(merged);
        }
        let mut merged = PhotosMerged::default();
        for one in photos {
            match self.add_photos_together(std::slice::from_ref(one), one.0) {
                Ok(m) => merged.add(m),
                Err(e) => {
                    let name = one.1.as_ref().map_or("?", |p| p.photo.as_str());
                    merged.refused.push(format!("photo {name}: {e}"));
                    note_photos_pulled(&self.conn, one.0)?;
                }
            }
        }
        note_photos_pulled(&self.conn, through)?;
        Ok(merged)
    }

    fn add_photos_together(
        &mut self,
        photos: &[(i64, std::result::Result<SharedPhoto, String>)],
        through: i64,
    ) -> Result<PhotosMerged> {
        let own = self.path().map(OwnFiles::of);
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let mut merged = PhotosMerged::default();
        let mut added = Vec::new();
        for (_, photo) in photos {
            let photo = match photo {
                Ok(photo) => photo,
                Err(why) => {
                    merged.refused.push(why.clone());
                    continue;
                }
            };
            let refuse = |why: String| format!("photo {}: {why}", photo.photo);
            if photo_of(&tx, &photo.photo)?.is_some() {
                merged.already += 1;
                continue;
            }
            let record = match record_of(photo) {
                Ok(record) => record,
                Err(why) => {
                    merged.refused.push(refuse(why));
                    continue;
                }
            };
            let mut paths = std::iter::once(&photo.path).chain(&photo.sidecar);
            if let Some(path) = paths.find(|p| own.as_ref().is_some_and(|own| own.holds(p))) {
                merged.refused.push(refuse(format!(
                    "its path {} is one of this catalogue's own files",
                    path.display()
                )));
                continue;
            }
            let taken: Option<i64> = tx
                .prepare_cached("SELECT id FROM photo WHERE path = ?1")?
                .query_row([super::path_to_bytes(&photo.path)], |r| r.get(0))
                .optional()?;
            if taken.is_some() {
                merged.refused.push(refuse(format!(
                    "another photo is catalogued at {} here",
                    photo.path.display()
                )));
                continue;
            }
            added.push(photos::insert(&tx, &mut tree, &record)?);
            merged.added += 1;
        }
        search_index::reindex_with(&tx, &tree, &added)?;
        note_photos_pulled(&tx, through)?;
        tx.commit()?;
        Ok(merged)
    }

    /// Where the team's shared store is mounted here: `(remote, local)`.
    pub fn team_roots(&self) -> Result<Vec<(PathBuf, PathBuf)>> {
        let mut stmt = self.conn.prepare("SELECT remote, local FROM team_root")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                super::path_from_bytes(r.get(0)?),
                super::path_from_bytes(r.get(1)?),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps where the team's shared store is mounted here, in place of
    /// what was kept before.
    pub fn keep_team_roots(&mut self, roots: &[(&Path, &Path)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM team_root", [])?;
        for (remote, local) in roots {
            tx.execute(
                "INSERT INTO team_root (remote, local) VALUES (?1, ?2)",
                params![super::path_to_bytes(remote), super::path_to_bytes(local)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_content_hash_names_a_photo() {
        let hash = "0123456789abcdef".repeat(4);
        assert!(well_formed(&hash));
        assert!(well_formed(&format!("{hash}#2")));
        for bad in [
            format!("{hash}#0"),
            format!("{hash}#02"),
            format!("{hash}#"),
            format!("{hash}#-1"),
            hash.to_uppercase(),
            hash[1..].to_owned(),
            format!("../{}", &hash[3..]),
        ] {
            assert!(!well_formed(&bad), "{bad}");
        }
    }
}
