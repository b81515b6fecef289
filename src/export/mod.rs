//! What leaves the catalogue: CSV catalogues, XMP sidecars, metadata
//! embedded in files, and exhibition sets ready to hang.
//!
//! Nothing here runs SQL; callers hand in photos from the catalogue and
//! record in it what was written. An original photo is written to only by
//! [`write_in_place`], which the user asks for by name, and then atomically
//! (a temporary file, fsync, rename) with a backup kept.

pub mod csl;
pub mod csv;
pub mod embed;
pub mod iim;
pub mod set;
pub mod xmp;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::photo::Photo;

/// A file written, with what the catalogue should now know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
    /// BLAKE3 of what was written.
    pub hash: String,
}

/// Writes `data` to `path` atomically: a temporary file beside it, flushed
/// to disk, then renamed over `path`, so a crash leaves the old file or the
/// new one, never half of either.
pub fn write_atomically(path: &Path, data: &[u8]) -> std::io::Result<Written> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kartoteka-")
        .tempfile_in(dir)?;
    temp.write_all(data)?;
    temp.as_file().sync_all()?;
    // Keep the original's permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all(); // make the rename itself durable where the OS allows
    }
    let meta = std::fs::metadata(path)?;
    Ok(Written {
        path: path.to_owned(),
        size: meta.len(),
        mtime_ns: crate::ingest::mtime_ns(&meta),
        hash: blake3::hash(data).to_hex().to_string(),
    })
}

/// Where a photo's sidecar goes: the one it already has, else `NAME.xmp`.
pub fn sidecar_path(photo: &Photo) -> PathBuf {
    crate::ingest::find_sidecar(&photo.file.path)
        .unwrap_or_else(|| photo.file.path.with_extension("xmp"))
}

/// Writes a photo's XMP sidecar, merging into an existing one (every
/// property Kartoteka does not manage is kept). A sidecar that is not
/// valid XMP is left alone and reported.
pub fn write_sidecar(photo: &Photo) -> Result<Written, String> {
    let path = sidecar_path(photo);
    let packet = match std::fs::read(&path) {
        Ok(existing) => xmp::merge(&existing, photo).map_err(|e| {
            format!(
                "{} is not valid XMP ({e}); it was left unchanged",
                path.display()
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => xmp::packet(photo),
        Err(e) => return Err(format!("{} could not be read: {e}", path.display())),
    };
    write_atomically(&path, packet.as_bytes())
        .map_err(|e| format!("{} could not be written: {e}", path.display()))
}

/// Reads a photo's file, refusing if it changed since it was catalogued
/// (its metadata would be written over content the catalogue has not seen).
fn read_unchanged(photo: &Photo) -> Result<Vec<u8>, String> {
    let path = &photo.file.path;
    let bytes =
        std::fs::read(path).map_err(|e| format!("{} could not be read: {e}", path.display()))?;
    if blake3::hash(&bytes).to_hex().as_str() != photo.file.hash {
        return Err(format!(
            "{} changed on disk since it was catalogued; import it again first",
            path.display()
        ));
    }
    Ok(bytes)
}

/// Writes a copy of a photo with its metadata embedded into `dir` (never
/// over a file already there: a number is added to the name).
pub fn write_copy(photo: &Photo, dir: &Path) -> Result<Written, String> {
    let bytes = read_unchanged(photo)?;
    let data = embed::embed(photo.file.format, &bytes, photo)
        .map_err(|e| format!("{}: {e}", photo.file.path.display()))?;
    let name = photo
        .file
        .path
        .file_name()
        .ok_or("the photo has no file name")?;
    let mut target = dir.join(name);
    let mut n = 2;
    while target.exists() {
        let stem = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = Path::new(name)
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        target = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    write_atomically(&target, &data)
        .map_err(|e| format!("{} could not be written: {e}", target.display()))
}

/// A photo's own file rewritten with its metadata embedded. The image data
/// is not touched; the old file is kept as `.NAME.kartoteka-backup` beside
/// it unless `backup` is false (hidden, so imports pass it by).
pub fn write_in_place(photo: &Photo, backup: bool) -> Result<(Written, Option<PathBuf>), String> {
    let path = &photo.file.path;
    let bytes = read_unchanged(photo)?;
    let data = embed::embed(photo.file.format, &bytes, photo)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let kept = if backup {
        let name = path
            .file_name()
            .ok_or("the photo has no file name")?
            .to_string_lossy();
        let mut target = path.with_file_name(format!(".{name}.kartoteka-backup"));
        let mut n = 2;
        while target.exists() {
            target = path.with_file_name(format!(".{name}.kartoteka-backup-{n}"));
            n += 1;
        }
        std::fs::copy(path, &target)
            .map_err(|e| format!("backup {} could not be written: {e}", target.display()))?;
        Some(target)
    } else {
        None
    };
    let written = write_atomically(path, &data)
        .map_err(|e| format!("{} could not be written: {e}", path.display()))?;
    Ok((written, kept))
}
