//! The catalogue going out and coming back, as the command line and the
//! desktop app both do it: CSV catalogues, CSV bulk edits, metadata written
//! to sidecars and files, and exhibition sets. The catalogue runs the SQL
//! and [`crate::export`] writes the files; this module joins the two.

use std::path::{Path, PathBuf};

pub use crate::catalog::LabelChange;
use crate::catalog::{
    CatalogError, Catalogue, Change, Edit, EditReport, SearchError, SetItem, SortKey,
    ThumbnailStore, WallLabels,
};
use crate::export::csv::{Column, Problem, Profile, RowKey};
use crate::export::set::{Exported, Options};
use crate::photo::{Photo, PhotoId};
use crate::text::count;

#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("{0}")]
    Invalid(String),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = InteropError> = std::result::Result<T, E>;

/// Which photos leave the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// What a query finds (the search language), by date depicted.
    Query(String),
    /// An exhibition set, in its order, with positions and wall labels.
    Set(String),
    /// These photos, in this order.
    Photos(Vec<PhotoId>),
}

/// The photos a query finds, by date depicted.
pub fn photos_for(catalogue: &Catalogue, query: &str) -> Result<Vec<PhotoId>> {
    Ok(catalogue
        .search_text(query, SortKey::Depicted, None)?
        .into_iter()
        .map(|h| h.id)
        .collect())
}

/// A set's photos in set order, each with its place and wall label.
pub fn set_photos(catalogue: &Catalogue, name: &str) -> Result<Vec<(SetItem, Photo)>> {
    let items = catalogue.set_items(name)?;
    let photos = catalogue.photos_by_ids(&items.iter().map(|i| i.photo).collect::<Vec<_>>())?;
    Ok(items.into_iter().zip(photos).collect())
}

/// A CSV catalogue of the source's photos: the file's bytes and how many
/// photos it holds.
pub fn csv_catalogue(
    catalogue: &Catalogue,
    source: &Source,
    profile: Profile,
    columns: &[(String, Column)],
) -> Result<(Vec<u8>, usize)> {
    let (photos, items) = match source {
        Source::Set(name) => {
            let (items, photos): (Vec<_>, Vec<_>) =
                set_photos(catalogue, name)?.into_iter().unzip();
            (photos, Some(items))
        }
        Source::Query(query) => (
            catalogue.photos_by_ids(&photos_for(catalogue, query)?)?,
            None,
        ),
        Source::Photos(ids) => (catalogue.photos_by_ids(ids)?, None),
    };
    let mut data = Vec::new();
    crate::export::csv::write(&mut data, profile, columns, &photos, items.as_deref())
        .map_err(|e| InteropError::Invalid(format!("the CSV could not be written: {e}")))?;
    Ok((data, photos.len()))
}

/// An edited CSV, read and matched to the catalogue's photos, ready to be
/// previewed (a dry run) and applied.
#[derive(Debug, Clone, Default)]
pub struct CsvImport {
    pub file: PathBuf,
    /// BLAKE3 of the file as read: what is applied is what was previewed.
    pub digest: String,
    pub edits: Vec<(PhotoId, Vec<Edit>)>,
    /// Wall labels from the file's Wall label column, by photo.
    pub labels: Vec<(PhotoId, String)>,
    /// Rows and cells left alone, with their places.
    pub problems: Vec<Problem>,
}

/// What applying (or previewing) an import does.
#[derive(Debug, Clone, Default)]
pub struct CsvOutcome {
    pub report: EditReport,
    pub labels: Vec<LabelChange>,
}

impl CsvOutcome {
    pub fn changes(&self) -> &[Change] {
        &self.report.changes
    }
}

/// The photo a CSV row names: by id, or by path (as written, then relative
/// to the CSV's folder and to the current folder).
fn find_row_photo(catalogue: &Catalogue, key: &RowKey, csv_dir: &Path) -> Result<Option<PhotoId>> {
    match key {
        RowKey::Id(id) => Ok(catalogue.photo(*id)?.map(|p| p.id)),
        RowKey::Path(path) => {
            let mut candidates = vec![path.clone()];
            if path.is_relative() {
                candidates.push(csv_dir.join(path));
                if let Ok(abs) = std::path::absolute(path) {
                    candidates.push(abs);
                }
            }
            for c in candidates
                .iter()
                .flat_map(|c| [c.clone(), c.canonicalize().unwrap_or_else(|_| c.clone())])
            {
                if let Some(p) = catalogue.photo_by_path(&c)? {
                    return Ok(Some(p.id));
                }
            }
            Ok(None)
        }
    }
}

impl CsvImport {
    /// Reads an edited CSV (either profile) and matches its rows to photos.
    /// A row naming no catalogued photo becomes a problem.
    pub fn read(catalogue: &Catalogue, file: &Path, blank_clears: bool) -> Result<Self> {
        let bytes = std::fs::read(file).map_err(|source| InteropError::Io {
            path: file.to_owned(),
            source,
        })?;
        let (rows, mut problems) = crate::export::csv::read(&bytes, blank_clears);
        let csv_dir = file.parent().unwrap_or(Path::new("."));
        let mut edits = Vec::new();
        let mut labels = Vec::new();
        for row in rows {
            let Some(id) = find_row_photo(catalogue, &row.key, csv_dir)? else {
                problems.push(Problem {
                    row: Some(row.number),
                    column: None,
                    message: match row.key {
                        RowKey::Id(id) => {
                            format!("no photo with id {id}; this row was left unchanged")
                        }
                        RowKey::Path(p) => {
                            format!("no photo at {}; this row was left unchanged", p.display())
                        }
                    },
                });
                continue;
            };
            edits.push((
                id,
                row.values
                    .into_iter()
                    .map(|(a, v)| Edit::Set(a, v))
                    .collect(),
            ));
            if let Some(label) = row.wall_label {
                labels.push((id, label));
            }
        }
        Ok(Self {
            file: file.to_owned(),
            digest: blake3::hash(&bytes).to_hex().to_string(),
            edits,
            labels,
            problems,
        })
    }

    /// Applies the edits as one undoable operation, or with `dry_run` only
    /// says what would change. With `set`, the Wall label column goes into
    /// that exhibition set's labels for the photos in it.
    pub fn apply(
        &self,
        catalogue: &mut Catalogue,
        dry_run: bool,
        set: Option<&str>,
    ) -> Result<CsvOutcome> {
        let name = self
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let labels = set.map(|set| WallLabels {
            set,
            labels: &self.labels,
        });
        let mut report = catalogue.edit_each(&self.edits, labels, "csv", dry_run, |n, l| {
            let mut summary = format!("CSV import of {name}: {}", count(n, "photo", "photos"));
            if l > 0 {
                summary.push_str(&format!(", {}", count(l, "wall label", "wall labels")));
            }
            summary
        })?;
        let labels = std::mem::take(&mut report.labels);
        Ok(CsvOutcome { report, labels })
    }
}

/// Where metadata is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `NAME.xmp` beside each file, merged into an existing sidecar.
    Sidecar,
    /// Copies with XMP and IPTC embedded, in this folder.
    Copies(PathBuf),
    /// The original files themselves, atomically, keeping a backup if asked.
    InPlace { backup: bool },
}

/// Writes one photo's metadata and records in the catalogue what changed on
/// disk; says what was written. `thumbs` carries the thumbnail over to a
/// rewritten file's new content hash.
pub fn write_metadata(
    catalogue: &mut Catalogue,
    thumbs: Option<&ThumbnailStore>,
    photo: &Photo,
    target: &Target,
) -> Result<String, String> {
    match target {
        Target::Sidecar => {
            let w = crate::export::write_sidecar(photo)?;
            catalogue
                .note_sidecar(photo.id, &w.path, w.mtime_ns)
                .map_err(|e| e.to_string())?;
            Ok(w.path.display().to_string())
        }
        Target::Copies(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{} could not be created: {e}", dir.display()))?;
            crate::export::write_copy(photo, dir).map(|w| w.path.display().to_string())
        }
        Target::InPlace { backup } => {
            let (w, kept) = crate::export::write_in_place(photo, *backup)?;
            catalogue
                .note_rewritten(photo.id, w.size, w.mtime_ns, &w.hash)
                .map_err(|e| e.to_string())?;
            if let Some(t) = thumbs {
                t.copy(&photo.file.hash, &w.hash)
                    .map_err(|e| e.to_string())?;
            }
            Ok(match kept {
                Some(b) => format!("{} (backup {})", w.path.display(), b.display()),
                None => w.path.display().to_string(),
            })
        }
    }
}

/// Exports a set into `dir` (see [`crate::export::set::export`]).
pub fn export_set(
    catalogue: &Catalogue,
    name: &str,
    dir: &Path,
    options: &Options,
) -> Result<(Exported, usize)> {
    let pairs = set_photos(catalogue, name)?;
    if pairs.is_empty() {
        return Err(InteropError::Invalid(format!(
            "the set \"{name}\" has no photos to export"
        )));
    }
    let exported =
        crate::export::set::export(name, &pairs, dir, options).map_err(InteropError::Invalid)?;
    Ok((exported, pairs.len()))
}
