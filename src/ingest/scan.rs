//! Finding photographs under the paths an archivist names.
//!
//! Folders are walked recursively, following symbolic links with loop
//! detection. Files with a photo extension are candidates; other files are
//! sniffed by content, so a PNG named `.jpg` and a JPEG named `.dat` are
//! both found. Every other file is reported as not catalogued, with the
//! reason (an unsupported format by name, a document, a sidecar whose photo
//! is missing). Hidden files and folders (macOS `._` resource forks,
//! `.thumbnails`) are left alone, as every photo tool does.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{SystemError, mtime_ns};
use crate::files::FileKind;
use crate::photo::{ImageFormat, SNIFF_BYTES, Sniffed};

const PHOTO_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "tif", "tiff", "png", "webp", "jxl", "heic", "heif", "hif",
    "dng", "cr2", "cr3", "nef", "arw", "orf", "raf", "rw2", "pef",
];

/// A file import will look at.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Absolute.
    pub path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<Candidate>,
    /// Paths that could not be walked, with the reason.
    pub errors: Vec<(PathBuf, ScanProblem)>,
    /// Files that are not photographs (documents, sidecars), left alone.
    pub not_photos: u64,
    /// Every file in the folders that will not be catalogued, with the
    /// reason ("unsupported format: GIF"). XMP sidecars read with their
    /// photo are not among them: what they hold is catalogued.
    pub not_catalogued: Vec<(PathBuf, String)>,
}

/// Why a file or folder given or found could not be looked through.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanProblem {
    #[error("{}", system_words(.0))]
    NotReached(SystemError),
    #[error("symbolic link loop back to {}", .0.display())]
    LinkLoop(PathBuf),
    /// A FIFO, device or socket named explicitly.
    #[error("is {0}, not a photo file; it was not read")]
    NotAPhotoFile(FileKind),
    /// A walk error with no system error behind it, in the walker's words.
    #[error("{0}")]
    Walk(String),
}

/// Walks the given files and folders.
pub fn scan(paths: &[PathBuf]) -> Scan {
    let mut found = Scan::default();
    for root in paths {
        // Canonical, so that `../archive` and a symlinked mount point are
        // catalogued under one stable path.
        let root = match std::fs::canonicalize(root) {
            Ok(p) => p,
            Err(e) => {
                found.errors.push((
                    std::path::absolute(root).unwrap_or_else(|_| root.clone()),
                    ScanProblem::NotReached(SystemError::from(&e)),
                ));
                continue;
            }
        };
        match std::fs::metadata(&root) {
            Err(e) => found
                .errors
                .push((root, ScanProblem::NotReached(SystemError::from(&e)))),
            // A file named explicitly is always a candidate.
            Ok(meta) if meta.is_file() => found.files.push(Candidate {
                path: root,
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
            }),
            Ok(meta) if meta.is_dir() => walk(&root, &mut found),
            // A FIFO, device or socket named explicitly is reported, never
            // opened (reading a FIFO would wait for a writer forever).
            Ok(meta) => {
                let kind = FileKind::of(&meta).unwrap_or(FileKind::Other);
                found.errors.push((root, ScanProblem::NotAPhotoFile(kind)));
            }
        }
    }
    found
}

fn walk(root: &Path, found: &mut Scan) {
    let mut sidecars = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_owned)
                    .unwrap_or_else(|| root.to_owned());
                let reason = match e.loop_ancestor() {
                    Some(ancestor) => ScanProblem::LinkLoop(ancestor.to_owned()),
                    None => walk_problem(&e),
                };
                found.errors.push((path, reason));
                continue;
            }
        };
        // FIFOs, devices and sockets inside folders are not photographs.
        if !entry.file_type().is_file() {
            if !entry.file_type().is_dir() {
                found.not_photos += 1;
                let kind = entry
                    .metadata()
                    .ok()
                    .and_then(|m| FileKind::of(&m))
                    .unwrap_or(FileKind::Other);
                found.not_catalogued.push((
                    entry.path().to_owned(),
                    format!("is {kind}, not a photo file"),
                ));
            }
            continue;
        }
        let path = entry.path();
        if !has_photo_extension(path) {
            match sniff(path) {
                Sniffed::Photo(_) => {}
                other => {
                    found.not_photos += 1;
                    if is_sidecar_name(path) {
                        sidecars.push(path.to_owned());
                    } else {
                        found.not_catalogued.push((path.to_owned(), why_not(other)));
                    }
                    continue;
                }
            }
        }
        match entry.metadata() {
            Ok(meta) => found.files.push(Candidate {
                path: path.to_owned(),
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
            }),
            Err(e) => found.errors.push((path.to_owned(), walk_problem(&e))),
        }
    }
    // A sidecar is read with its photo; one whose photo is not here is
    // reported, since nothing catalogues what it holds.
    let photos: std::collections::HashSet<&Path> =
        found.files.iter().map(|c| c.path.as_path()).collect();
    let stems: std::collections::HashSet<PathBuf> = found
        .files
        .iter()
        .map(|c| c.path.with_extension(""))
        .collect();
    for sidecar in sidecars {
        let long = sidecar.with_extension("");
        if !photos.contains(long.as_path()) && !stems.contains(&long) {
            found.not_catalogued.push((
                sidecar,
                "an XMP sidecar without its photo in the folder".to_owned(),
            ));
        }
    }
}

pub fn has_photo_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PHOTO_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

fn is_sidecar_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xmp"))
}

/// What a file's first bytes say it is.
fn sniff(path: &Path) -> Sniffed {
    use std::io::Read;
    let mut head = [0u8; SNIFF_BYTES];
    let Ok(file) = crate::files::open_regular(path) else {
        return Sniffed::Unknown;
    };
    let mut n = 0;
    let mut file = file.take(SNIFF_BYTES as u64);
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    if n == 0 {
        return Sniffed::Unsupported("an empty file");
    }
    ImageFormat::sniff(&head[..n])
}

fn why_not(sniffed: Sniffed) -> String {
    match sniffed {
        Sniffed::Unsupported("an empty file") => "is empty (0 bytes)".to_owned(),
        Sniffed::Unsupported(name) => format!("unsupported format: {name}"),
        _ => "not an image format Kartoteka reads".to_owned(),
    }
}

fn walk_problem(e: &walkdir::Error) -> ScanProblem {
    match e.io_error() {
        Some(io) => ScanProblem::NotReached(SystemError::from(io)),
        None => ScanProblem::Walk(e.to_string()),
    }
}

fn system_words(e: &SystemError) -> String {
    match e.kind {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.message.clone(),
    }
}
