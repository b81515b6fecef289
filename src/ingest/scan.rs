//! Finding photographs under the paths an archivist names.
//!
//! Folders are walked recursively, following symbolic links with loop
//! detection. Files with a photo extension are candidates; other files are
//! sniffed by content, so a PNG named `.jpg` and a JPEG named `.dat` are
//! both found. Hidden files and folders (macOS `._` resource forks,
//! `.thumbnails`) are left alone, as every photo tool does.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::mtime_ns;
use crate::files::FileKind;
use crate::photo::ImageFormat;

const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "jpe", "jfif", "tif", "tiff", "png"];

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
    pub errors: Vec<(PathBuf, String)>,
    /// Files that are not photographs (documents, sidecars), left alone.
    pub not_photos: u64,
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
                    describe_io(&e),
                ));
                continue;
            }
        };
        match std::fs::metadata(&root) {
            Err(e) => found.errors.push((root, describe_io(&e))),
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
                found.errors.push((
                    root,
                    format!("is {kind}, not a photo file; it was not read"),
                ));
            }
        }
    }
    found
}

fn walk(root: &Path, found: &mut Scan) {
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
                    Some(ancestor) => format!("symbolic link loop back to {}", ancestor.display()),
                    None => e.io_error().map_or_else(|| e.to_string(), describe_io),
                };
                found.errors.push((path, reason));
                continue;
            }
        };
        // FIFOs, devices and sockets inside folders are not photographs.
        if !entry.file_type().is_file() {
            if !entry.file_type().is_dir() {
                found.not_photos += 1;
            }
            continue;
        }
        let path = entry.path();
        if !has_photo_extension(path) && !sniffs_as_photo(path) {
            found.not_photos += 1;
            continue;
        }
        match entry.metadata() {
            Ok(meta) => found.files.push(Candidate {
                path: path.to_owned(),
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
            }),
            Err(e) => found.errors.push((
                path.to_owned(),
                e.io_error().map_or_else(|| e.to_string(), describe_io),
            )),
        }
    }
}

pub fn has_photo_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PHOTO_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

fn sniffs_as_photo(path: &Path) -> bool {
    use std::io::Read;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xmp"))
    {
        return false;
    }
    let mut head = [0u8; 8];
    let Ok(mut file) = crate::files::open_regular(path) else {
        return false;
    };
    let n = file.read(&mut head).unwrap_or(0);
    ImageFormat::detect(&head[..n]).is_some()
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
