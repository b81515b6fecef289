//! Opening the catalogue's SQLite files (the catalogue and its thumbnails):
//! read-write when this user may write the file and its folder, otherwise
//! read-only without creating anything beside the file.
//!
//! SQLite in WAL mode keeps `-wal` and `-shm` files beside the database. A
//! reader that opens a write-protected file normally creates them with the
//! file's own (read-only) mode, and they then keep the catalogue unwritable
//! after its owner makes it writable again; in a folder the user cannot
//! write they cannot be created at all and the open fails. So a read-only
//! catalogue is opened `immutable` (nothing created, nothing locked) when no
//! writer has left a journal behind, or through the existing `-shm` when
//! one is at work.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{CatalogError, Invalid, Result};

/// `catalogue.kartoteka` → `catalogue.kartoteka-wal` (or `-shm`).
pub(super) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path; access() only reads it.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// Whether this user may write the database and create files beside it.
fn may_write(path: &Path) -> bool {
    if !path.exists() {
        return true; // to be created; a failure says why
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    writable(path) && writable(folder)
}

/// `file:` URI of a path for SQLite: the bytes that URIs reserve are
/// percent-encoded, everything else is passed as it is.
fn uri(path: &Path, query: &str) -> OsString {
    const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b'%')
        .add(b'?')
        .add(b'#')
        .add(b' ');
    let bytes = super::path_to_bytes(path);
    let mut uri = OsString::from("file:");
    uri.push(percent_encoding::percent_encode(&bytes, RESERVED).to_string());
    uri.push("?");
    uri.push(query);
    uri
}

/// Opens a catalogue file; returns the connection and whether it is read-only.
pub fn open(path: &Path) -> Result<(Connection, bool)> {
    // SQLite would open a FIFO and wait on it forever, and a device is no
    // catalogue either.
    if let Ok(meta) = std::fs::metadata(path)
        && let Some(kind) = crate::files::FileKind::of(&meta)
    {
        return Err(Invalid::NotACatalogueFile {
            path: path.to_owned(),
            kind,
        }
        .into());
    }
    if may_write(path) {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        return Ok((conn, false));
    }
    let wal = beside(path, "-wal");
    let shm = beside(path, "-shm");
    let journal = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let query = if shm.exists() {
        // A writer is at work (or left its shared memory): read through it.
        "mode=ro"
    } else if journal == 0 {
        "immutable=1"
    } else {
        return Err(CatalogError::ReadOnlyJournal {
            wal: wal.display().to_string(),
        });
    };
    let conn = Connection::open_with_flags(
        uri(path, query),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    Ok((conn, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_only_what_sqlite_reserves() {
        assert_eq!(
            uri(Path::new("/archiv/100% #1?.kartoteka"), "mode=ro"),
            OsString::from("file:/archiv/100%25%20%231%3F.kartoteka?mode=ro")
        );
    }
}
