//! Opening and writing files safely: the one place that decides what
//! Kartoteka may read and what it may write over.
//!
//! - Reading: only regular files are read. A FIFO, a device or a socket at a
//!   photo's path is reported as what it is, never opened for reading in a
//!   way that could block (it is opened non-blocking and checked before any
//!   byte is read), and reads are bounded.
//! - Replacing a file: a temporary file beside the real file (symbolic links
//!   are followed, so a linked original is updated, not replaced by a copy),
//!   flushed, given the old file's owner, group and mode, and renamed over
//!   it. A new file gets the user's umask. An SQLite database (a catalogue,
//!   its thumbnails) is never replaced.
//! - Output a user names (`--out FILE`): `-` is standard output; an existing
//!   FIFO or character device (`/dev/stdout`, a terminal) is written into,
//!   never renamed over; an existing regular file is replaced only when the
//!   user said so. Whether a path is the catalogue or a catalogued photo is
//!   the caller's question (`crate::interop` asks the catalogue).
//!
//! Nothing here knows of photos or of the catalogue.

use std::fs::{File, Metadata};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::limits::describe_bytes;

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    /// The kind of a file that is not a regular file (`None` for a regular file).
    pub fn of(meta: &Metadata) -> Option<Self> {
        let t = meta.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some(Self::Fifo);
            }
            if t.is_char_device() {
                return Some(Self::CharDevice);
            }
            if t.is_block_device() {
                return Some(Self::BlockDevice);
            }
            if t.is_socket() {
                return Some(Self::Socket);
            }
        }
        Some(Self::Other)
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Folder => "a folder",
            Self::Fifo => "a FIFO (named pipe)",
            Self::CharDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Socket => "a socket",
            Self::Other => "not a regular file",
        })
    }
}

/// Why a file could not be read. The path is the caller's to add.
#[derive(Debug, thiserror::Error)]
pub enum ReadFileError {
    #[error("could not be read: {0}")]
    Io(#[from] std::io::Error),
    #[error("is {0}, not a regular file; it was not read")]
    NotRegular(FileKind),
    #[error("is {}, more than the {} Kartoteka reads", describe_bytes(*size), describe_bytes(*limit))]
    TooLarge { size: u64, limit: u64 },
}

/// Opens a regular file for reading without ever blocking on a FIFO or a
/// device: the file is opened non-blocking and checked before use.
pub fn open_regular(path: &Path) -> Result<File, ReadFileError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = FileKind::of(&meta) {
        return Err(ReadFileError::NotRegular(kind));
    }
    Ok(file)
}

/// Reads a whole regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFileError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadFileError::TooLarge { size, limit });
    }
    let mut data = Vec::with_capacity(size as usize);
    // The file may have grown since it was measured; never read past the limit.
    file.take(limit + 1).read_to_end(&mut data)?;
    if data.len() as u64 > limit {
        return Err(ReadFileError::TooLarge {
            size: data.len() as u64,
            limit,
        });
    }
    Ok(data)
}

/// BLAKE3 of everything `reader` yields, read in pieces (never the whole
/// file in memory), as lowercase hex.
pub fn hash_reader(reader: impl Read) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    let mut reader = reader;
    let mut buffer = vec![0u8; 256 << 10];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buffer[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hasher.finalize().to_hex().to_string())
}

/// BLAKE3 of a regular file's content.
pub fn hash_file(path: &Path) -> Result<String, ReadFileError> {
    Ok(hash_reader(open_regular(path)?)?)
}

/// A file written, with what the catalogue should now know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where the data went (the real file when a symbolic link was followed).
    pub path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
    /// BLAKE3 of what was written.
    pub hash: String,
}

/// Why a file could not be written. Messages name the path.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is {kind}; Kartoteka does not write over it", path.display())]
    NotRegular { path: PathBuf, kind: FileKind },
    #[error("{} already exists; it was left unchanged", path.display())]
    Exists { path: PathBuf },
    #[error("{} is an SQLite database (a catalogue or its thumbnails?); it was left unchanged", path.display())]
    Database { path: PathBuf },
    #[error("{} is {what}; it was left unchanged", path.display())]
    Protected { path: PathBuf, what: String },
    #[error("{} belongs to another user or group, which replacing it would change; it was left unchanged", path.display())]
    Owner { path: PathBuf },
    #[error("the folder {} does not exist", path.display())]
    NoFolder { path: PathBuf },
}

impl WriteError {
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
        move |source| WriteError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

fn mtime_ns(meta: &Metadata) -> i64 {
    crate::ingest::mtime_ns(meta)
}

/// Whether a file starts as an SQLite database does.
fn is_sqlite_database(path: &Path) -> bool {
    let mut head = [0u8; 16];
    match open_regular(path) {
        Ok(mut f) => f.read_exact(&mut head).is_ok() && &head == b"SQLite format 3\0",
        Err(_) => false,
    }
}

/// The real file a path names: symbolic links followed. A path that does
/// not exist yet is returned as it is (with its folder's links followed).
pub fn real_path(path: &Path) -> Result<PathBuf, WriteError> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                // A link pointing nowhere: writing "through" it would create
                // a file somewhere the user did not name.
                return Err(WriteError::NotRegular {
                    path: path.to_owned(),
                    kind: FileKind::Other,
                });
            }
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let folder = std::fs::canonicalize(parent).map_err(|_| WriteError::NoFolder {
                path: parent.to_owned(),
            })?;
            match path.file_name() {
                Some(name) => Ok(folder.join(name)),
                None => Err(WriteError::NotRegular {
                    path: path.to_owned(),
                    kind: FileKind::Folder,
                }),
            }
        }
        Err(source) => Err(WriteError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// A temporary file in `dir` for data that will be renamed into place,
/// created with the user's umask (0666 before it is applied).
fn temporary_in(dir: &Path) -> Result<tempfile::NamedTempFile, WriteError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kartoteka-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).map_err(WriteError::io(dir))
}

/// Gives `temp` the owner, group and mode of `original`; an owner that
/// cannot be kept is an error, never a silent change.
fn take_over_ownership(temp: &File, original: &Metadata, path: &Path) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = temp.metadata().map_err(WriteError::io(path))?;
        if (mine.uid(), mine.gid()) != (original.uid(), original.gid())
            && std::os::unix::fs::fchown(temp, Some(original.uid()), Some(original.gid())).is_err()
        {
            return Err(WriteError::Owner {
                path: path.to_owned(),
            });
        }
    }
    temp.set_permissions(original.permissions())
        .map_err(WriteError::io(path))
}

fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        // Make the rename itself durable where the OS allows.
        let _ = d.sync_all();
    }
}

/// Writes `data` to `path` atomically: a temporary file beside the real
/// file, flushed to disk, then renamed over it, so a crash leaves the old
/// file or the new one, never half of either. A symbolic link is followed
/// (the file it names is replaced and the link stays); the old file's
/// owner, group and mode are kept; a new file gets the user's umask. Only a
/// regular file is ever replaced, and never an SQLite database.
pub fn replace_file(path: &Path, data: &[u8]) -> Result<Written, WriteError> {
    let mut replacement = Replacement::begin(path)?;
    let real = replacement.path().to_owned();
    replacement
        .file()
        .write_all(data)
        .map_err(WriteError::io(&real))?;
    replacement.commit()
}

/// A file being replaced (see [`replace_file`]): the new content goes into
/// [`Replacement::file`] as a stream, and [`Replacement::commit`] puts it in
/// place. Dropped without a commit, it leaves the old file as it was and
/// nothing behind.
pub struct Replacement {
    real: PathBuf,
    dir: PathBuf,
    existing: Option<Metadata>,
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    /// Checks that `path` may be replaced (or created) and opens the
    /// temporary file beside the real file.
    pub fn begin(path: &Path) -> Result<Self, WriteError> {
        let real = real_path(path)?;
        let existing = match std::fs::metadata(&real) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(WriteError::Io { path: real, source }),
        };
        if let Some(meta) = &existing {
            if let Some(kind) = FileKind::of(meta) {
                return Err(WriteError::NotRegular { path: real, kind });
            }
            if is_sqlite_database(&real) {
                return Err(WriteError::Database { path: real });
            }
        }
        let dir = real
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_owned();
        let temp = temporary_in(&dir)?;
        Ok(Self {
            real,
            dir,
            existing,
            temp,
        })
    }

    /// The real file that will be replaced.
    pub fn path(&self) -> &Path {
        &self.real
    }

    /// Where the new content goes.
    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Flushes the new content to disk, gives it the old file's owner,
    /// group and mode, and renames it over the old file.
    pub fn commit(mut self) -> Result<Written, WriteError> {
        let real = self.real;
        let file = self.temp.as_file_mut();
        file.sync_all().map_err(WriteError::io(&real))?;
        file.seek(std::io::SeekFrom::Start(0))
            .map_err(WriteError::io(&real))?;
        let hash = hash_reader(&mut *file).map_err(WriteError::io(&real))?;
        if let Some(meta) = &self.existing {
            take_over_ownership(self.temp.as_file(), meta, &real)?;
        }
        self.temp.persist(&real).map_err(|e| WriteError::Io {
            path: real.clone(),
            source: e.error,
        })?;
        sync_folder(&self.dir);
        let meta = std::fs::metadata(&real).map_err(WriteError::io(&real))?;
        Ok(Written {
            size: meta.len(),
            mtime_ns: mtime_ns(&meta),
            hash,
            path: real,
        })
    }
}

/// A new file being written in a folder, never over anything: the content
/// goes into [`NewFile::file`] as a stream, and [`NewFile::commit`] gives it
/// the first free name only once it is complete and on disk. Dropped
/// without a commit (a full disk, a failed copy), it leaves nothing behind.
pub struct NewFile {
    dir: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl NewFile {
    pub fn begin(dir: &Path) -> Result<Self, WriteError> {
        Ok(Self {
            dir: dir.to_owned(),
            temp: temporary_in(dir)?,
        })
    }

    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Flushes the file to disk and gives it the first of `candidates`
    /// that does not exist yet.
    pub fn commit(
        mut self,
        candidates: impl IntoIterator<Item = PathBuf>,
    ) -> Result<Written, WriteError> {
        let dir = self.dir.clone();
        let file = self.temp.as_file_mut();
        file.sync_all().map_err(WriteError::io(&dir))?;
        file.seek(std::io::SeekFrom::Start(0))
            .map_err(WriteError::io(&dir))?;
        let hash = hash_reader(&mut *file).map_err(WriteError::io(&dir))?;
        let mut temp = self.temp;
        let mut last = None;
        for candidate in candidates {
            match temp.persist_noclobber(&candidate) {
                Ok(_) => {
                    sync_folder(&dir);
                    let meta = std::fs::metadata(&candidate).map_err(WriteError::io(&candidate))?;
                    return Ok(Written {
                        size: meta.len(),
                        mtime_ns: mtime_ns(&meta),
                        hash,
                        path: candidate,
                    });
                }
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    last = Some(candidate);
                    temp = e.file;
                }
                Err(e) => {
                    return Err(WriteError::Io {
                        path: candidate,
                        source: e.error,
                    });
                }
            }
        }
        Err(WriteError::Exists {
            path: last.unwrap_or(dir),
        })
    }
}

/// Writes a new file at the first of `candidates` that does not exist yet,
/// never over anything (the name is taken only once the data is complete
/// and on disk). Returns where it went.
pub fn create_new_file(
    dir: &Path,
    candidates: impl IntoIterator<Item = PathBuf>,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<PathBuf, WriteError> {
    let mut new = NewFile::begin(dir)?;
    fill(new.file()).map_err(WriteError::io(dir))?;
    Ok(new.commit(candidates)?.path)
}

/// A copy of a regular file, written under a new name beside it (the first
/// of `candidates` that is free) only once the copy is complete: a failed
/// copy (a full disk) leaves nothing under any of those names.
pub fn copy_to_new_file(
    source: &Path,
    candidates: impl IntoIterator<Item = PathBuf>,
) -> Result<PathBuf, WriteError> {
    let mut from = open_regular(source).map_err(|e| match e {
        ReadFileError::NotRegular(kind) => WriteError::NotRegular {
            path: source.to_owned(),
            kind,
        },
        ReadFileError::Io(source_err) => WriteError::Io {
            path: source.to_owned(),
            source: source_err,
        },
        other => WriteError::Io {
            path: source.to_owned(),
            source: std::io::Error::other(other.to_string()),
        },
    })?;
    let meta = from.metadata().map_err(WriteError::io(source))?;
    let dir = source
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    create_new_file(&dir, candidates, |temp| {
        std::io::copy(&mut from, temp)?;
        temp.set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // A backup keeps the owner where the OS allows; it is our own
            // new file, so failing to is not an error.
            let _ = std::os::unix::fs::fchown(&*temp, Some(meta.uid()), Some(meta.gid()));
        }
        Ok(())
    })
}

/// Where output a user named goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// `-`, or a path that is this process's standard output.
    Stdout,
    /// An existing FIFO or character device, written into (never renamed over).
    Stream(PathBuf),
    /// A regular file, created or (when allowed) replaced atomically; the
    /// real path, with symbolic links followed.
    File { path: PathBuf, exists: bool },
}

/// Whether a path names the very file this process writes its standard
/// output to (`/dev/stdout`, `/proc/self/fd/1`, or the file it is redirected to).
#[cfg(unix)]
fn is_own_stdout(meta: &Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let stdout = std::io::stdout();
    let Ok(fd) = stdout.as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(own) = File::from(fd).metadata() else {
        return false;
    };
    own.dev() == meta.dev() && own.ino() == meta.ino()
}

#[cfg(not(unix))]
fn is_own_stdout(_meta: &Metadata) -> bool {
    false
}

/// Decides where output named by the user goes: see [`Output`]. An
/// existing regular file is refused unless `replace`.
pub fn output(path: &Path, replace: bool) -> Result<Output, WriteError> {
    if path.as_os_str() == "-" {
        return Ok(Output::Stdout);
    }
    match std::fs::metadata(path) {
        Ok(meta) => {
            if is_own_stdout(&meta) {
                return Ok(Output::Stdout);
            }
            match FileKind::of(&meta) {
                Some(FileKind::Fifo | FileKind::CharDevice) => Ok(Output::Stream(path.to_owned())),
                Some(kind) => Err(WriteError::NotRegular {
                    path: path.to_owned(),
                    kind,
                }),
                None if !replace => Err(WriteError::Exists {
                    path: path.to_owned(),
                }),
                None => Ok(Output::File {
                    path: real_path(path)?,
                    exists: true,
                }),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Output::File {
            path: real_path(path)?,
            exists: false,
        }),
        Err(source) => Err(WriteError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

impl Output {
    /// The path written to, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Output::Stdout => None,
            Output::Stream(p) | Output::File { path: p, .. } => Some(p),
        }
    }

    /// Writes all of `data` there.
    pub fn write(&self, data: &[u8]) -> Result<(), WriteError> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(data)
                    .and_then(|()| out.flush())
                    .map_err(WriteError::io(Path::new("standard output")))
            }
            Output::Stream(path) => {
                // Opened for writing only: never created, never truncated,
                // so a device node stays a device node.
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(WriteError::io(path))?;
                f.write_all(data)
                    .and_then(|()| f.flush())
                    .map_err(WriteError::io(path))
            }
            Output::File { path, .. } => replace_file(path, data).map(|_| ()),
        }
    }
}

/// The bytes an unprivileged process may still write in the file system
/// that holds `folder`; `None` when the system does not say.
#[cfg(unix)]
pub fn free_bytes(folder: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(folder.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c` is a valid NUL-terminated path and `stat` points to
    // memory statvfs() fills whole when it returns 0.
    if unsafe { libc::statvfs(c.as_ptr(), stat.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: statvfs() returned 0, so it filled `stat`.
    let stat = unsafe { stat.assume_init() };
    #[allow(clippy::unnecessary_cast)]
    Some((stat.f_bavail as u64).saturating_mul(stat.f_frsize as u64))
}

#[cfg(not(unix))]
pub fn free_bytes(_folder: &Path) -> Option<u64> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_fifo_is_named_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.jpg");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_regular(&fifo, 1 << 20).unwrap_err();
        assert_eq!(
            err.to_string(),
            "is a FIFO (named pipe), not a regular file; it was not read"
        );
        assert!(matches!(
            open_regular(dir.path()),
            Err(ReadFileError::NotRegular(FileKind::Folder))
        ));
    }

    #[test]
    fn reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, vec![1u8; 2000]).unwrap();
        assert!(matches!(
            read_regular(&big, 1000),
            Err(ReadFileError::TooLarge { size: 2000, .. })
        ));
        assert_eq!(read_regular(&big, 2000).unwrap().len(), 2000);
    }

    #[test]
    fn replacing_follows_links_and_keeps_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.jpg");
        let link = dir.path().join("link.jpg");
        std::fs::write(&real, b"old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let w = replace_file(&link, b"new").unwrap();
        assert_eq!(w.path, real.canonicalize().unwrap());
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn databases_and_devices_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cat.kartoteka");
        std::fs::write(&db, b"SQLite format 3\0and the rest").unwrap();
        assert!(matches!(
            replace_file(&db, b"csv"),
            Err(WriteError::Database { .. })
        ));
        assert!(matches!(
            replace_file(Path::new("/dev/null"), b"x"),
            Err(WriteError::NotRegular { .. })
        ));
        assert_eq!(
            output(Path::new("/dev/null"), false).unwrap(),
            Output::Stream("/dev/null".into())
        );
        assert_eq!(output(Path::new("-"), false).unwrap(), Output::Stdout);
    }

    #[test]
    fn a_new_name_is_taken_only_when_the_data_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("a");
        std::fs::write(&taken, b"keep").unwrap();
        let failed = create_new_file(dir.path(), [dir.path().join("b")], |_| {
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert!(!dir.path().join("b").exists());
        let went = create_new_file(
            dir.path(),
            [dir.path().join("a"), dir.path().join("c")],
            |f| f.write_all(b"new"),
        )
        .unwrap();
        assert_eq!(went, dir.path().join("c"));
        assert_eq!(std::fs::read(&taken).unwrap(), b"keep");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind");
    }
}
