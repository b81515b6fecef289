//! The catalogue going out and coming back, as the command line and the
//! desktop app both do it: CSV catalogues, CSV bulk edits, metadata written
//! to sidecars and files, and exhibition sets. The catalogue runs the SQL
//! and [`crate::export`] writes the files; this module joins the two, and
//! so it is where an output path is checked against the catalogue: nothing
//! is ever written over the catalogue, its thumbnails or a catalogued photo
//! (except the originals `write-metadata --in-place` is asked to rewrite).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use crate::catalog::LabelChange;
use crate::catalog::{
    CatalogError, Catalogue, Change, ClaimRecord, ClaimRow, ClaimRowsReport, Deed, Edit,
    EditReport, SearchError, SetItem, SortKey, Summary, ThumbnailStore, WallLabels,
};
use crate::export::ExportError;
use crate::export::claims_csv::{self, PhotoKey};
use crate::export::csv::{Column, CsvProblem, Problem, Profile, RowKey};
use crate::export::set::{Destination, Exported, Options};
use crate::files::{Output, ReadFileError, WriteError};
use crate::photo::{Photo, PhotoId};
use crate::text::count;

#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("the CSV could not be written: {0}")]
    CsvNotWritten(String),
    #[error("the set \"{name}\" has no photos to export")]
    NothingToExport { name: String },
    #[error("{} {reason}", path.display())]
    Read {
        path: PathBuf,
        reason: ReadFileError,
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

/// What a path is to this catalogue, if it is something Kartoteka must
/// never write over: the catalogue file (or its journal), its thumbnails,
/// or a catalogued photo (at that path, or the same content under another
/// name, which a hard link or a link through a folder would be).
pub fn protected(catalogue: &Catalogue, path: &Path) -> Result<Option<String>> {
    let canonical = std::fs::canonicalize(path).ok();
    let same = |a: &Path| -> bool {
        let a_canonical = std::fs::canonicalize(a).ok();
        a == path
            || (a_canonical.is_some() && a_canonical == canonical)
            || canonical.as_deref() == Some(a)
    };
    if let Some(cat) = catalogue.path() {
        let mut own = vec![(cat.to_owned(), "the catalogue".to_owned())];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut name = cat.as_os_str().to_owned();
            name.push(suffix);
            own.push((PathBuf::from(name), "the catalogue's journal".to_owned()));
        }
        if let Some(thumbs) = catalogue.thumbnails_path() {
            own.push((thumbs, "the catalogue's thumbnails".to_owned()));
        }
        for (p, what) in own {
            if same(&p) {
                return Ok(Some(what));
            }
        }
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    for candidate in [Some(absolute), canonical.clone()].into_iter().flatten() {
        if let Some(photo) = catalogue.photo_by_path(&candidate)? {
            return Ok(Some(format!("catalogued photo {}", photo.id)));
        }
    }
    // Same content as a catalogued file: hashed only when a file of that
    // size is catalogued at all.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && catalogue.has_file_of_size(meta.len())?
        && let Ok(hash) = crate::files::hash_file(path)
        && let Some(id) = catalogue.photos_with_hash(&hash)?.first()
    {
        return Ok(Some(format!(
            "the same file as catalogued photo {id} (it may be a link to it)"
        )));
    }
    Ok(None)
}

/// Where output the user named goes (see [`crate::files::output`]),
/// refusing the catalogue, its thumbnails and catalogued photos whatever
/// `replace` says. This is the check the desktop app should make too before
/// writing a file the user chose.
pub fn output_for(catalogue: &Catalogue, path: &Path, replace: bool) -> Result<Output> {
    if path.as_os_str() != "-"
        && let Some(what) = protected(catalogue, path)?
    {
        return Err(WriteError::Protected {
            path: path.to_owned(),
            what,
        }
        .into());
    }
    Ok(crate::files::output(path, replace)?)
}

/// Writes output the user named: `-` or `/dev/stdout` to standard output, a
/// FIFO or device into itself, a regular file atomically (an existing one
/// only with `replace`); never the catalogue or a catalogued photo.
pub fn write_output(
    catalogue: &Catalogue,
    path: &Path,
    data: &[u8],
    replace: bool,
) -> Result<Output> {
    let output = output_for(catalogue, path, replace)?;
    output.write(data)?;
    Ok(output)
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
        .map_err(|e| InteropError::CsvNotWritten(e.to_string()))?;
    Ok((data, photos.len()))
}

/// The claims of the source's photos as a claims CSV (see
/// [`crate::export::claims_csv`]): the file's bytes and how many claims
/// it holds.
pub fn claims_csv(catalogue: &Catalogue, source: &Source) -> Result<(Vec<u8>, usize)> {
    let photos = match source {
        Source::Set(name) => set_photos(catalogue, name)?
            .into_iter()
            .map(|(_, p)| p)
            .collect(),
        Source::Query(query) => catalogue.photos_by_ids(&photos_for(catalogue, query)?)?,
        Source::Photos(ids) => catalogue.photos_by_ids(ids)?,
    };
    let mut with_claims = Vec::with_capacity(photos.len());
    let mut claims = 0;
    for photo in photos {
        let of = catalogue.claims(photo.id)?;
        claims += of.len();
        if !of.is_empty() {
            with_claims.push((photo, of));
        }
    }
    let mut data = Vec::new();
    claims_csv::write(&mut data, &with_claims)
        .map_err(|e| InteropError::CsvNotWritten(e.to_string()))?;
    Ok((data, claims))
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
    /// A claims CSV's rows, matched to photos and sources.
    pub claims: Vec<ClaimRow>,
    /// Rows and cells left alone, with their places.
    pub problems: Vec<Problem>,
}

/// What applying (or previewing) an import does.
#[derive(Debug, Clone, Default)]
pub struct CsvOutcome {
    pub report: EditReport,
    pub labels: Vec<LabelChange>,
    /// What a claims CSV changed, row by row, and the rows it refused.
    pub claims: ClaimRowsReport,
}

impl CsvOutcome {
    pub fn changes(&self) -> &[Change] {
        &self.report.changes
    }
}

/// The photo a path in a CSV names: as written, then relative to the CSV's
/// folder and to the current folder.
fn find_path_photo(catalogue: &Catalogue, path: &Path, csv_dir: &Path) -> Result<Option<PhotoId>> {
    let mut candidates = vec![path.to_owned()];
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

impl CsvImport {
    /// Reads an edited CSV (either profile) and matches its rows to photos.
    /// A row naming no catalogued photo, a row whose ID and File name two
    /// different photos, and every row of a photo that two rows name, are
    /// problems and change nothing.
    pub fn read(catalogue: &Catalogue, file: &Path, blank_clears: bool) -> Result<Self> {
        use crate::catalog::RowRefused;
        let bytes =
            crate::files::read_regular(file, crate::limits::MAX_CSV_BYTES).map_err(|reason| {
                InteropError::Read {
                    path: file.to_owned(),
                    reason,
                }
            })?;
        if crate::export::csv::header_and_records(&bytes)
            .is_ok_and(|(headers, _)| claims_csv::is_claims_header(&headers))
        {
            return Self::read_claims(catalogue, file, &bytes);
        }
        let (rows, mut problems) = crate::export::csv::read(&bytes, blank_clears);
        let csv_dir = file.parent().unwrap_or(Path::new("."));
        let mut matched = Vec::new();
        for row in rows {
            let found = match &row.key {
                RowKey::Id(id) => catalogue.photo(*id)?.map(|p| p.id),
                RowKey::Path(path) => find_path_photo(catalogue, path, csv_dir)?,
            };
            let Some(id) = found else {
                problems.push(Problem {
                    row: Some(row.number),
                    column: None,
                    what: CsvProblem::Row(match &row.key {
                        RowKey::Id(id) => RowRefused::NoSuchPhoto(*id),
                        RowKey::Path(p) => RowRefused::NoPhotoAt(p.clone()),
                    }),
                });
                continue;
            };
            // The File cell of a row matched by ID must not name another
            // photo (a file that names none may have moved since).
            if let Some(path) = &row.file
                && let Some(other) = find_path_photo(catalogue, path, csv_dir)?
                && other != id
            {
                problems.push(Problem {
                    row: Some(row.number),
                    column: None,
                    what: CsvProblem::Row(RowRefused::IdAndFileDiffer {
                        id,
                        file: path.clone(),
                        other,
                    }),
                });
                continue;
            }
            matched.push((id, row));
        }
        // A photo named by two rows: which should win is anyone's guess.
        let mut rows_of: HashMap<PhotoId, Vec<usize>> = HashMap::new();
        for (id, row) in &matched {
            rows_of.entry(*id).or_default().push(row.number);
        }
        let mut edits = Vec::new();
        let mut labels = Vec::new();
        for (id, row) in matched {
            let numbers = &rows_of[&id];
            if numbers.len() > 1 {
                problems.push(Problem {
                    row: Some(row.number),
                    column: None,
                    what: CsvProblem::NamedByRows {
                        photo: id,
                        rows: numbers.clone(),
                    },
                });
                continue;
            }
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
        problems.sort_by_key(|p| (p.row, p.column));
        Ok(Self {
            file: file.to_owned(),
            digest: blake3::hash(&bytes).to_hex().to_string(),
            edits,
            labels,
            claims: Vec::new(),
            problems,
        })
    }

    /// Reads a claims CSV (see [`crate::export::claims_csv`]): each row
    /// matched to its photo and to the source it cites.
    fn read_claims(catalogue: &Catalogue, file: &Path, bytes: &[u8]) -> Result<Self> {
        use crate::catalog::RowRefused;
        let (rows, mut problems) = claims_csv::read(bytes);
        let csv_dir = file.parent().unwrap_or(Path::new("."));
        let sources = catalogue.sources()?;
        let mut claims = Vec::new();
        for row in rows {
            let refuse = |refused: RowRefused| Problem {
                row: Some(row.number),
                column: None,
                what: CsvProblem::Row(refused),
            };
            let photo = match &row.photo {
                PhotoKey::Id(id) => catalogue.photo(*id)?.map(|p| p.id),
                PhotoKey::Path(path) => find_path_photo(catalogue, path, csv_dir)?,
            };
            let Some(photo) = photo else {
                problems.push(refuse(match &row.photo {
                    PhotoKey::Id(id) => RowRefused::NoSuchPhoto(*id),
                    PhotoKey::Path(p) => RowRefused::NoPhotoAt(p.clone()),
                }));
                continue;
            };
            if let Some(path) = &row.file
                && let Some(other) = find_path_photo(catalogue, path, csv_dir)?
                && other != photo
            {
                problems.push(refuse(RowRefused::PhotoAndFileDiffer {
                    photo,
                    file: path.clone(),
                }));
                continue;
            }
            let cited_as = |s: &crate::catalog::Source, citation: &str| {
                crate::text::fold(&s.record.citation) == crate::text::fold(citation)
            };
            let source = match (row.source, &row.citation) {
                (Some(id), citation) => match sources.iter().find(|s| s.id == id) {
                    None => {
                        problems.push(refuse(RowRefused::NoSuchSource(id)));
                        continue;
                    }
                    Some(s) if citation.as_deref().is_some_and(|c| !cited_as(s, c)) => {
                        problems.push(refuse(RowRefused::SourceIsAnother {
                            id,
                            citation: s.record.citation.clone(),
                            cell: citation.clone().unwrap_or_default(),
                        }));
                        continue;
                    }
                    Some(_) => Some(id),
                },
                (None, Some(citation)) => {
                    let cited: Vec<i64> = sources
                        .iter()
                        .filter(|s| cited_as(s, citation))
                        .map(|s| s.id)
                        .collect();
                    match cited[..] {
                        [id] => Some(id),
                        [] => {
                            problems.push(refuse(RowRefused::NoSourceCited {
                                citation: citation.clone(),
                            }));
                            continue;
                        }
                        _ => {
                            problems.push(refuse(RowRefused::SourcesCited {
                                sources: cited.len(),
                                citation: citation.clone(),
                            }));
                            continue;
                        }
                    }
                }
                (None, None) => None,
            };
            claims.push(ClaimRow {
                number: row.number,
                claim: row.claim,
                record: ClaimRecord {
                    photo,
                    field: row.field,
                    value: row.value,
                    source,
                    locator: row.locator,
                    certainty: row.certainty,
                    note: row.note,
                    preferred: row.preferred,
                    kept_from: None,
                },
            });
        }
        problems.sort_by_key(|p| (p.row, p.column));
        Ok(Self {
            file: file.to_owned(),
            digest: blake3::hash(bytes).to_hex().to_string(),
            edits: Vec::new(),
            labels: Vec::new(),
            claims,
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
            let mut english = format!("CSV import of {name}: {}", count(n, "photo", "photos"));
            if l > 0 {
                english.push_str(&format!(", {}", count(l, "wall label", "wall labels")));
            }
            Summary::with(
                english,
                Deed::CsvImport {
                    file: name.clone(),
                    photos: n,
                    labels: l,
                },
            )
        })?;
        let labels = std::mem::take(&mut report.labels);
        let claims = if self.claims.is_empty() {
            ClaimRowsReport::default()
        } else {
            catalogue.apply_claim_rows(&self.claims, dry_run)?
        };
        Ok(CsvOutcome {
            report,
            labels,
            claims,
        })
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
pub fn write_photo_metadata(
    catalogue: &mut Catalogue,
    thumbs: Option<&ThumbnailStore>,
    photo: &Photo,
    target: &Target,
) -> Result<String> {
    let claims = catalogue.claims(photo.id)?;
    match target {
        Target::Sidecar => {
            let w = crate::export::write_sidecar(photo, &claims)?;
            catalogue.note_sidecar(photo.id, &w.path, w.mtime_ns)?;
            Ok(w.path.display().to_string())
        }
        Target::Copies(dir) => {
            std::fs::create_dir_all(dir).map_err(|source| WriteError::Io {
                path: dir.clone(),
                source,
            })?;
            Ok(crate::export::write_copy(photo, &claims, dir)?
                .path
                .display()
                .to_string())
        }
        Target::InPlace { backup } => {
            let (w, kept) = crate::export::write_in_place(photo, &claims, *backup)?;
            catalogue.note_rewritten(photo.id, w.size, w.mtime_ns, &w.hash)?;
            if let Some(t) = thumbs {
                t.copy(&photo.file.hash, &w.hash)?;
            }
            Ok(match kept {
                Some(b) => format!("{} (backup {})", w.path.display(), b.display()),
                None => w.path.display().to_string(),
            })
        }
    }
}

/// Exports a set into `dir` (see [`crate::export::set::export`]), into an
/// empty folder only.
pub fn export_set(
    catalogue: &Catalogue,
    name: &str,
    dir: &Path,
    options: &Options,
) -> Result<(Exported, usize)> {
    export_set_to(catalogue, name, dir, options, false)
}

/// Exports a set into `dir`; with `replace`, into a folder that already
/// holds files, replacing what an earlier export left there but never a
/// catalogued photo (the export takes the next free name instead).
pub fn export_set_to(
    catalogue: &Catalogue,
    name: &str,
    dir: &Path,
    options: &Options,
    replace: bool,
) -> Result<(Exported, usize)> {
    let pairs = set_photos(catalogue, name)?;
    if pairs.is_empty() {
        return Err(InteropError::NothingToExport {
            name: name.to_owned(),
        });
    }
    // A lookup that fails counts as protected: never replace what cannot be
    // checked.
    let is_protected = |p: &Path| protected(catalogue, p).map_or(true, |what| what.is_some());
    let to = Destination {
        dir,
        replace,
        protected: &is_protected,
    };
    let mut sources = std::collections::BTreeMap::new();
    for (item, _) in &pairs {
        for id in crate::export::notes::cited(item.note.as_deref().unwrap_or_default()) {
            if let std::collections::btree_map::Entry::Vacant(e) = sources.entry(id)
                && let Some(source) = catalogue.source_record(id)?
            {
                e.insert(source);
            }
        }
    }
    let exported = crate::export::set::export(name, &pairs, &sources, &to, options)?;
    Ok((exported, pairs.len()))
}
