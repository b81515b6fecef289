//! What leaves the catalogue: CSV catalogues, XMP sidecars, metadata
//! embedded in files, and exhibition sets ready to hang.
//!
//! Nothing here runs SQL; callers hand in photos from the catalogue and
//! record in it what was written. An original photo is written to only by
//! [`write_in_place`], which the user asks for by name, and then atomically
//! (a temporary file, fsync, rename) with a backup kept. Every file is
//! written through [`crate::files`]: only regular files are read or
//! replaced, symbolic links are followed, owners and modes are kept, and
//! new files get the user's umask.

pub mod claims_csv;
pub mod csl;
pub mod csv;
pub mod embed;
pub mod iim;
pub mod notes;
pub mod set;
pub mod xmp;

use std::io::{BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::catalog::Claim;
pub use crate::files::Written;
use crate::files::{ReadFileError, Replacement, WriteError};
use crate::ingest::xmp::XmpError;
use crate::photo::Photo;
use embed::EmbedError;

/// Why something could not be exported or written back. Messages name the
/// file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} {reason}", path.display())]
    Read {
        path: PathBuf,
        reason: ReadFileError,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("{} changed on disk since it was catalogued; import it again first", path.display())]
    Changed { path: PathBuf },
    #[error("{} is not valid XMP ({reason}); it was left unchanged", path.display())]
    BadSidecar { path: PathBuf, reason: XmpError },
    #[error("{}: {reason}", path.display())]
    Embed { path: PathBuf, reason: EmbedError },
    #[error("{} has no file name", path.display())]
    NoFileName { path: PathBuf },
    #[error(
        "{} already holds files; export into an empty folder, or allow replacing what an earlier export left there \
         (a catalogued photo is never replaced)",
        dir.display()
    )]
    NotEmpty { dir: PathBuf },
    /// A photo whose pixels could not be decoded or encoded again.
    #[error("{}: {reason}", path.display())]
    NotDecoded { path: PathBuf, reason: String },
    #[error("the checklist could not be written: {0}")]
    ChecklistNotWritten(String),
}

impl ExportError {
    fn read(path: &Path) -> impl FnOnce(ReadFileError) -> ExportError + '_ {
        move |reason| ExportError::Read {
            path: path.to_owned(),
            reason,
        }
    }
}

/// Writes `data` to `path` atomically (see [`crate::files::replace_file`]):
/// never over a device, a FIFO or an SQLite database; links are followed,
/// owner and mode kept.
pub fn write_atomically(path: &Path, data: &[u8]) -> Result<Written, WriteError> {
    crate::files::replace_file(path, data)
}

/// Where a photo's sidecar goes: the one it already has, else `NAME.xmp`.
pub fn sidecar_path(photo: &Photo) -> PathBuf {
    crate::ingest::find_sidecar(&photo.file.path)
        .unwrap_or_else(|| photo.file.path.with_extension("xmp"))
}

/// Writes a photo's XMP sidecar, merging into an existing one (every
/// property Kartoteka does not manage is kept). A sidecar that is not
/// valid XMP is left alone and reported.
pub fn write_sidecar(photo: &Photo, claims: &[Claim]) -> Result<Written, ExportError> {
    let path = sidecar_path(photo);
    let packet = match crate::files::read_regular(&path, crate::limits::MAX_SIDECAR_BYTES) {
        Ok(existing) => {
            xmp::merge(&existing, photo, claims).map_err(|reason| ExportError::BadSidecar {
                path: path.clone(),
                reason,
            })?
        }
        Err(ReadFileError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            xmp::packet(photo, claims)
        }
        Err(reason) => return Err(ExportError::Read { path, reason }),
    };
    Ok(write_atomically(&path, packet.as_bytes())?)
}

/// Opens a photo's file, refusing if it is not a regular file or changed
/// since it was catalogued (its metadata would be written over content the
/// catalogue has not seen). The file is hashed as a stream.
fn open_unchanged(photo: &Photo, path: &Path) -> Result<BufReader<std::fs::File>, ExportError> {
    let file = crate::files::open_regular(path).map_err(ExportError::read(path))?;
    let mut reader = BufReader::with_capacity(64 << 10, file);
    let hash = crate::files::hash_reader(&mut reader)
        .map_err(|e| ExportError::read(path)(ReadFileError::Io(e)))?;
    if hash != photo.file.hash {
        return Err(ExportError::Changed {
            path: path.to_owned(),
        });
    }
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| ExportError::read(path)(ReadFileError::Io(e)))?;
    Ok(reader)
}

/// Refuses, before anything is read or written, a photo whose format
/// Kartoteka does not embed metadata into (see [`embed::check_writable`]).
fn refuse_unwritable(photo: &Photo) -> Result<(), ExportError> {
    embed::check_writable(photo.file.format).map_err(|reason| ExportError::Embed {
        path: photo.file.path.clone(),
        reason,
    })
}

/// Names for a file in `dir`: `NAME.EXT`, then `NAME-2.EXT`, `NAME-3.EXT`…
pub fn numbered_names(dir: &Path, name: &std::ffi::OsStr) -> impl Iterator<Item = PathBuf> {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned());
    let first = dir.join(name);
    let dir = dir.to_owned();
    std::iter::once(first).chain((2..10_000u32).map(move |n| match &ext {
        Some(ext) => dir.join(format!("{stem}-{n}.{ext}")),
        None => dir.join(format!("{stem}-{n}")),
    }))
}

/// Writes a copy of a photo with its metadata embedded into `dir` (never
/// over a file already there: a number is added to the name).
pub fn write_copy(photo: &Photo, claims: &[Claim], dir: &Path) -> Result<Written, ExportError> {
    let source = &photo.file.path;
    refuse_unwritable(photo)?;
    let mut reader = open_unchanged(photo, source)?;
    let name = source.file_name().ok_or_else(|| ExportError::NoFileName {
        path: source.clone(),
    })?;
    let mut new = crate::files::NewFile::begin(dir)?;
    embed::embed_to(photo.file.format, &mut reader, photo, claims, new.file()).map_err(
        |reason| ExportError::Embed {
            path: source.clone(),
            reason,
        },
    )?;
    Ok(new.commit(numbered_names(dir, name))?)
}

/// Names for the backup of a file: `.NAME.kartoteka-backup`, then
/// `.NAME.kartoteka-backup-2`… (hidden, so imports pass them by).
fn backup_names(path: &Path) -> impl Iterator<Item = PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = path.to_owned();
    (1..10_000u32).map(move |n| match n {
        1 => path.with_file_name(format!(".{name}.kartoteka-backup")),
        n => path.with_file_name(format!(".{name}.kartoteka-backup-{n}")),
    })
}

/// A photo's own file rewritten with its metadata embedded. The image data
/// is not touched; the old file is kept as `.NAME.kartoteka-backup` beside
/// it unless `backup` is false.
///
/// A symbolic link is followed: the file it names is rewritten (keeping its
/// owner, group and mode) and the link stays. The new file is complete on
/// disk before the backup is made, and the backup takes its name only once
/// it is complete too, so a full disk leaves the original as it was and
/// nothing half-written under any name a user would restore from.
pub fn write_in_place(
    photo: &Photo,
    claims: &[Claim],
    backup: bool,
) -> Result<(Written, Option<PathBuf>), ExportError> {
    refuse_unwritable(photo)?;
    let real = crate::files::real_path(&photo.file.path)?;
    let mut reader = open_unchanged(photo, &real)?;
    let mut replacement = Replacement::begin(&real)?;
    embed::embed_to(
        photo.file.format,
        &mut reader,
        photo,
        claims,
        replacement.file(),
    )
    .map_err(|reason| ExportError::Embed {
        path: photo.file.path.clone(),
        reason,
    })?;
    let kept = if backup {
        Some(crate::files::copy_to_new_file(&real, backup_names(&real))?)
    } else {
        None
    };
    let written = replacement.commit()?;
    Ok((written, kept))
}
