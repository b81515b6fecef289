//! Backups of a catalogue, and restoring one.
//!
//! A backup is a copy of the catalogue and of its thumbnails file made with
//! SQLite's online backup API inside one read transaction, so the copy is
//! the catalogue as it was at one instant even while the window or an
//! import in another process goes on writing (with WAL, the reader never
//! stops the writers). The copy is checked with `PRAGMA integrity_check`
//! before it gets its name; until then it is a hidden temporary file that
//! goes away if anything fails, so a backup folder never holds half a
//! backup. Backups are named by local date and time
//! (`catalogue-2026-11-29-164312.kartoteka`), each is itself a catalogue
//! Kartoteka can open, and only the oldest of one catalogue's own backups
//! are ever deleted.
//!
//! Restoring copies a backup into a new file: it never overwrites a file,
//! least of all the catalogue in use. Nothing here touches the catalogue
//! backed up beyond reading it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::backup::StepResult;
use rusqlite::{Connection, OpenFlags};

use super::{CatalogError, migrations, sqlite_file, thumbnails};

/// The folder beside a catalogue that holds its backups unless another is
/// chosen (as Lightroom Classic keeps `Backups` beside its catalogue).
pub const FOLDER_NAME: &str = "Backups";
/// A catalogue file's extension.
pub const EXTENSION: &str = "kartoteka";
/// Pages copied per step: small enough to notice a cancel quickly.
const PAGES_PER_STEP: i32 = 256;
/// How many problems of a failed integrity check are reported.
const PROBLEMS_SHOWN: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("there is no catalogue at {0}")]
    Missing(PathBuf),
    #[error("{0} is not a Kartoteka catalogue")]
    NotACatalogue(PathBuf),
    #[error(
        "{path} was written by a newer Kartoteka (schema version {found}; this version knows up to {known})"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{path} failed the integrity check ({problems})")]
    Damaged { path: PathBuf, problems: String },
    #[error("{0} is the catalogue in use; a backup is restored into a new file, never over it")]
    InUse(PathBuf),
    #[error("{0} already exists; restoring never overwrites a file")]
    Exists(PathBuf),
    #[error("{path} could not be read: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("the backup was cancelled; nothing was written")]
    Cancelled,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

type Result<T, E = BackupError> = std::result::Result<T, E>;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_owned(),
        source,
    }
}

fn sql(path: &Path) -> impl FnOnce(rusqlite::Error) -> BackupError + '_ {
    move |source| BackupError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

/// One backup in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The backed-up catalogue (itself a catalogue Kartoteka can open).
    pub catalogue: PathBuf,
    /// Its thumbnails file, when one was backed up with it.
    pub thumbnails: Option<PathBuf>,
    /// When it was taken, local time, as its name says.
    pub taken: jiff::civil::DateTime,
}

impl Backup {
    /// "2026-11-29 16:43", for people.
    pub fn when(&self) -> String {
        self.taken.strftime("%Y-%m-%d %H:%M").to_string()
    }
}

/// How long ago a backup was taken (zero for one that says it is from
/// the future: the clock was changed).
pub fn age(backup: &Backup) -> Duration {
    let now = jiff::ZonedDateTime::now().datetime();
    Duration::try_from(now.duration_since(backup.taken)).unwrap_or(Duration::ZERO)
}

/// What a backup did.
#[derive(Debug, Clone)]
pub struct BackupReport {
    pub backup: Backup,
    /// Photos in the copy.
    pub photos: u64,
    /// Size of the catalogue copy and of the thumbnails copy, in bytes.
    pub bytes: u64,
    /// Older backups deleted to keep the number asked for.
    pub pruned: Vec<PathBuf>,
}

/// What restoring did.
#[derive(Debug, Clone)]
pub struct Restored {
    pub catalogue: PathBuf,
    pub thumbnails: Option<PathBuf>,
    pub photos: u64,
}

/// `<folder of the catalogue>/Backups`.
pub fn folder_beside(catalogue: &Path) -> PathBuf {
    catalogue
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(FOLDER_NAME)
}

/// The name a catalogue's backups start with: its file stem.
fn stem_of(catalogue: &Path) -> String {
    catalogue.file_stem().map_or_else(
        || "catalogue".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The time a backup's file name says it was taken, when the name is one
/// of `catalogue`'s backups: `STEM-YYYY-MM-DD-HHMMSS[-N].kartoteka`.
fn taken_from_name(name: &str, stem: &str) -> Option<(jiff::civil::DateTime, u32)> {
    let rest = name
        .strip_suffix(&format!(".{EXTENSION}"))?
        .strip_prefix(stem)?
        .strip_prefix('-')?;
    let (stamp, n) = match rest.len() {
        17 => (rest, 1),
        _ => {
            let (stamp, n) = rest.split_at_checked(17)?;
            (stamp, n.strip_prefix('-')?.parse().ok()?)
        }
    };
    let taken = jiff::civil::DateTime::strptime("%Y-%m-%d-%H%M%S", stamp).ok()?;
    Some((taken, n))
}

/// When a file's name says it is a backup (`…-YYYY-MM-DD-HHMMSS.kartoteka`,
/// as [`back_up`] names them), the time it was taken.
pub fn backup_time(path: &Path) -> Option<jiff::civil::DateTime> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_suffix(&format!(".{EXTENSION}"))?;
    // STAMP is 17 characters; a second backup in the same second ends -N.
    let candidates = [
        rest.len().checked_sub(17).map(|i| &rest[i..]),
        rest.rfind('-')
            .filter(|&i| rest[i + 1..].parse::<u32>().is_ok())
            .and_then(|i| i.checked_sub(17).map(|j| &rest[j..i])),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|stamp| jiff::civil::DateTime::strptime("%Y-%m-%d-%H%M%S", stamp).ok())
}

/// The backups of `catalogue` in `folder`, newest first. Files of other
/// catalogues and anything else in the folder are left out.
pub fn list(folder: &Path, catalogue: &Path) -> Result<Vec<Backup>> {
    let stem = stem_of(catalogue);
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(folder)(e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(folder))?;
        let name = entry.file_name();
        let Some((taken, n)) = name.to_str().and_then(|n| taken_from_name(n, &stem)) else {
            continue;
        };
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let thumbs = thumbnails::path_beside(&path);
        found.push((
            (taken, n),
            Backup {
                thumbnails: thumbs.is_file().then_some(thumbs),
                catalogue: path,
                taken,
            },
        ));
    }
    found.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    Ok(found.into_iter().map(|(_, b)| b).collect())
}

/// The newest backup of `catalogue` in `folder`, if any.
pub fn latest(folder: &Path, catalogue: &Path) -> Option<Backup> {
    list(folder, catalogue).ok()?.into_iter().next()
}

/// A free name for a backup of `catalogue` taken at `now` in `folder`.
fn backup_name(folder: &Path, catalogue: &Path, now: jiff::civil::DateTime) -> PathBuf {
    let base = format!("{}-{}", stem_of(catalogue), now.strftime("%Y-%m-%d-%H%M%S"));
    (1..)
        .map(|n| match n {
            1 => folder.join(format!("{base}.{EXTENSION}")),
            n => folder.join(format!("{base}-{n}.{EXTENSION}")),
        })
        .find(|p| !p.exists() && !thumbnails::path_beside(p).exists())
        .unwrap_or_else(|| folder.join(format!("{base}.{EXTENSION}")))
}

/// Opens an existing SQLite file for reading without changing it (no
/// migration, no journal change), after checking it is Kartoteka's. A file
/// this user may not write (a colleague's catalogue, a read-only disk) is
/// opened read-only, with nothing created beside it.
fn open_catalogue_source(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(BackupError::Missing(path.to_owned()));
    }
    let conn = open_sqlite(path)?;
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                BackupError::NotACatalogue(path.to_owned())
            }
            _ => sql(path)(e),
        })?;
    if id != migrations::APPLICATION_ID {
        return Err(BackupError::NotACatalogue(path.to_owned()));
    }
    Ok(conn)
}

/// Opens an existing SQLite file (a catalogue or its thumbnails) as the
/// catalogue opens it: read-write when this user may write it (nothing is
/// written; a read-only connection could not open a WAL file whose
/// shared-memory file is not there yet), read-only otherwise.
fn open_sqlite(path: &Path) -> Result<Connection> {
    let (conn, _read_only) = sqlite_file::open(path).map_err(|e| match e {
        CatalogError::Sqlite(source) => BackupError::Sqlite {
            path: path.to_owned(),
            source,
        },
        other => BackupError::Unreadable {
            path: path.to_owned(),
            reason: other.to_string(),
        },
    })?;
    conn.busy_timeout(super::BUSY_TIMEOUT).map_err(sql(path))?;
    Ok(conn)
}

/// Copies `src` into a new temporary file in `folder` with the online
/// backup API, inside one read transaction so the copy is one instant of
/// the source. The copy is left in rollback-journal mode (one file) and
/// checked. `progress(done, total)` is in pages.
fn copy_database(
    src: &Connection,
    src_path: &Path,
    folder: &Path,
    cancel: &AtomicBool,
    progress: &dyn Fn(u64, u64),
) -> Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kartoteka-copy-").suffix(".partial");
    // A backup is a file like any the user makes: the user's umask decides
    // who may read it (tempfile alone would make it private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(folder).map_err(io(folder))?;
    let mut dst = Connection::open(temp.path()).map_err(sql(temp.path()))?;
    // The read transaction: every step copies from the same snapshot, so
    // a writer elsewhere neither restarts the copy nor tears it.
    src.execute_batch("BEGIN").map_err(sql(src_path))?;
    let copied = (|| {
        src.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
            .map_err(sql(src_path))?;
        let backup = rusqlite::backup::Backup::new(src, &mut dst).map_err(sql(temp.path()))?;
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(BackupError::Cancelled);
            }
            match backup.step(PAGES_PER_STEP).map_err(sql(src_path))? {
                StepResult::Done => break,
                StepResult::More => {
                    let p = backup.progress();
                    progress(
                        (p.pagecount - p.remaining).max(0) as u64,
                        p.pagecount.max(0) as u64,
                    );
                }
                // Busy or locked: another connection is mid-commit.
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        Ok(())
    })();
    // Ending a read transaction cannot lose anything.
    let _ = src.execute_batch("COMMIT");
    copied?;
    // The source's WAL setting came along in the header; a backup is one
    // self-contained file.
    dst.pragma_update_and_check(None, "journal_mode", "delete", |_| Ok(()))
        .map_err(sql(temp.path()))?;
    let problems = integrity_problems(&dst).map_err(sql(temp.path()))?;
    if !problems.is_empty() {
        return Err(BackupError::Damaged {
            path: src_path.to_owned(),
            problems: problems.join("; "),
        });
    }
    drop(dst);
    temp.as_file().sync_all().map_err(io(temp.path()))?;
    Ok(temp)
}

/// What `PRAGMA integrity_check` finds wrong (nothing when it says "ok").
fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA integrity_check({PROBLEMS_SHOWN})"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut problems = Vec::new();
    for row in rows {
        let row = row?;
        if row != "ok" {
            problems.push(row);
        }
    }
    Ok(problems)
}

/// Runs `PRAGMA integrity_check` on a catalogue or backup file without
/// changing it; returns what it found wrong (empty when sound).
pub fn check(path: &Path) -> Result<Vec<String>> {
    let conn = open_catalogue_source(path)?;
    integrity_problems(&conn).map_err(sql(path))
}

fn photo_count(conn: &Connection, path: &Path) -> Result<u64> {
    conn.query_row("SELECT count(*) FROM photo", [], |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
        .map_err(sql(path))
}

/// Moves a finished copy to its name without replacing anything there.
fn persist(temp: tempfile::NamedTempFile, to: &Path) -> Result<()> {
    temp.persist_noclobber(to).map_err(|e| BackupError::Io {
        path: to.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// Backs up the catalogue at `catalogue` and its thumbnails file into
/// `folder` (created if needed); then, with `keep`, deletes this
/// catalogue's oldest backups in that folder so that `keep` remain (at
/// least the one just made). `progress(done, total)` counts pages of the
/// catalogue copy. Cancelling leaves nothing behind.
pub fn back_up(
    catalogue: &Path,
    folder: &Path,
    keep: Option<usize>,
    cancel: &AtomicBool,
    progress: &dyn Fn(u64, u64),
) -> Result<BackupReport> {
    let src = open_catalogue_source(catalogue)?;
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    let copy = copy_database(&src, catalogue, folder, cancel, progress)?;
    drop(src);
    let check = Connection::open_with_flags(copy.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(sql(copy.path()))?;
    let photos = photo_count(&check, copy.path())?;
    drop(check);

    let thumbs_src = thumbnails::path_beside(catalogue);
    let thumbs_copy = if thumbs_src.is_file() {
        let conn = open_sqlite(&thumbs_src)?;
        Some(copy_database(
            &conn,
            &thumbs_src,
            folder,
            cancel,
            &|_, _| {},
        )?)
    } else {
        None
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(BackupError::Cancelled);
    }

    let now = jiff::ZonedDateTime::now().datetime();
    let target = backup_name(folder, catalogue, now);
    let mut bytes = copy.as_file().metadata().map_or(0, |m| m.len());
    let thumbs_target = thumbnails::path_beside(&target);
    if let Some(t) = &thumbs_copy {
        bytes += t.as_file().metadata().map_or(0, |m| m.len());
    }
    // The thumbnails first: a catalogue backup that is there is whole.
    let thumbnails = match thumbs_copy {
        Some(t) => {
            persist(t, &thumbs_target)?;
            Some(thumbs_target)
        }
        None => None,
    };
    persist(copy, &target)?;
    if let Ok(dir) = std::fs::File::open(folder) {
        // Makes the new names durable where the system allows it.
        let _ = dir.sync_all();
    }
    let backup = Backup {
        catalogue: target,
        thumbnails,
        taken: now.with().subsec_nanosecond(0).build().unwrap_or(now),
    };
    let pruned = match keep {
        Some(keep) => prune(folder, catalogue, keep.max(1))?,
        None => Vec::new(),
    };
    Ok(BackupReport {
        backup,
        photos,
        bytes,
        pruned,
    })
}

/// Deletes the oldest backups of `catalogue` in `folder` so that `keep`
/// remain; returns the files deleted.
pub fn prune(folder: &Path, catalogue: &Path, keep: usize) -> Result<Vec<PathBuf>> {
    let mut deleted = Vec::new();
    for old in list(folder, catalogue)?.into_iter().skip(keep) {
        for path in std::iter::once(old.catalogue).chain(old.thumbnails) {
            std::fs::remove_file(&path).map_err(io(&path))?;
            deleted.push(path);
        }
    }
    Ok(deleted)
}

/// Whether two paths name the same file, also when `b` does not exist yet
/// (its folder is compared instead).
fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty())?;
            Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
        })
    };
    match (canonical(a), canonical(b)) {
        (Some(a), Some(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// Where `backup` is restored when no file is named: a new file beside
/// the catalogue in use, named after the backup (`…-restored.kartoteka`,
/// or `…-restored-2.kartoteka` and on when taken).
pub fn restore_target(backup: &Path, in_use: &Path) -> PathBuf {
    let folder = in_use.parent().unwrap_or_else(|| Path::new(""));
    let stem = stem_of(backup);
    (1..1000)
        .map(|n| match n {
            1 => folder.join(format!("{stem}-restored.{EXTENSION}")),
            n => folder.join(format!("{stem}-restored-{n}.{EXTENSION}")),
        })
        .find(|p| !p.exists() && !thumbnails::path_beside(p).exists())
        .unwrap_or_else(|| folder.join(format!("{stem}-restored.{EXTENSION}")))
}

/// Restores `backup` into the new file `into`, with its thumbnails beside
/// it. Refuses when `into` is the catalogue in use, or exists at all; the
/// backup must be a sound catalogue this version can open. The backup
/// itself is only read.
pub fn restore(backup: &Path, into: &Path, in_use: Option<&Path>) -> Result<Restored> {
    if in_use.is_some_and(|c| same_file(c, into)) {
        return Err(BackupError::InUse(into.to_owned()));
    }
    if into.exists() {
        return Err(BackupError::Exists(into.to_owned()));
    }
    let src = open_catalogue_source(backup)?;
    let found = migrations::user_version(&src).map_err(|e| match e {
        CatalogError::Sqlite(source) => BackupError::Sqlite {
            path: backup.to_owned(),
            source,
        },
        other => BackupError::Damaged {
            path: backup.to_owned(),
            problems: other.to_string(),
        },
    })?;
    if found > migrations::LATEST_VERSION {
        return Err(BackupError::NewerVersion {
            path: backup.to_owned(),
            found,
            known: migrations::LATEST_VERSION,
        });
    }
    let folder = match into.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(f) => f.to_owned(),
        None => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let never = AtomicBool::new(false);
    let copy = copy_database(&src, backup, &folder, &never, &|_, _| {})?;
    drop(src);
    let conn = Connection::open_with_flags(copy.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(sql(copy.path()))?;
    let photos = photo_count(&conn, copy.path())?;
    drop(conn);

    let thumbs_src = thumbnails::path_beside(backup);
    let thumbs_target = thumbnails::path_beside(into);
    // A thumbnails file already at the target's place belongs to something
    // else: it stays, and the thumbnails are made again on the next import.
    let thumbnails = if thumbs_src.is_file() && !thumbs_target.exists() {
        let conn = open_sqlite(&thumbs_src)?;
        let t = copy_database(&conn, &thumbs_src, &folder, &never, &|_, _| {})?;
        persist(t, &thumbs_target)?;
        Some(thumbs_target)
    } else {
        None
    };
    persist(copy, into)?;
    Ok(Restored {
        catalogue: into.to_owned(),
        thumbnails,
        photos,
    })
}

/// Whether an error opening or reading a catalogue means the file is
/// damaged (or is not a catalogue at all), as opposed to a busy lock, a
/// missing folder or a newer version.
pub fn is_damage(error: &CatalogError) -> bool {
    let corrupt = |e: &rusqlite::Error| {
        matches!(
            e,
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        )
    };
    match error {
        // A failed upgrade means a damaged version marker or schema (the
        // catalogue's own message says to restore a backup).
        CatalogError::NotACatalogue { .. } | CatalogError::Migration { .. } => true,
        CatalogError::Sqlite(e) => corrupt(e),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalogue;

    fn catalogue_with_sets(dir: &Path, sets: usize) -> PathBuf {
        let path = dir.join("archive.kartoteka");
        let mut cat = Catalogue::open(&path).unwrap();
        for i in 0..sets {
            cat.create_set(&format!("Set {i}")).unwrap();
        }
        path
    }

    fn set_names(path: &Path) -> Vec<String> {
        let cat = Catalogue::open(path).unwrap();
        let mut names: Vec<String> = cat.sets().unwrap().into_iter().map(|s| s.name).collect();
        names.sort();
        names
    }

    #[test]
    fn a_backup_is_a_sound_catalogue_named_by_its_time_beside_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 3);
        let folder = folder_beside(&path);
        let report = back_up(&path, &folder, None, &AtomicBool::new(false), &|_, _| {}).unwrap();
        let name = report
            .backup
            .catalogue
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert!(name.starts_with("archive-20"), "{name}");
        assert!(name.ends_with(".kartoteka"), "{name}");
        assert_eq!(report.backup.catalogue.parent().unwrap(), folder);
        assert!(check(&report.backup.catalogue).unwrap().is_empty());
        assert_eq!(set_names(&report.backup.catalogue), set_names(&path));
        // Only the backups are in the folder: no temporary file stays.
        let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(list(&folder, &path).unwrap(), vec![report.backup]);
    }

    /// A backup is readable by whoever the user's umask lets read their
    /// files (an archive's colleagues), not private as temporary files are.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_backup_is_created_with_the_users_umask() {
        use std::os::unix::fs::PermissionsExt;
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .and_then(|u| u32::from_str_radix(u.trim(), 8).ok())
            .expect("the umask in /proc/self/status");
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 1);
        let folder = folder_beside(&path);
        let report = back_up(&path, &folder, None, &AtomicBool::new(false), &|_, _| {}).unwrap();
        let files = std::iter::once(report.backup.catalogue).chain(report.backup.thumbnails);
        for file in files {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o666 & !umask, "{}: {mode:o}", file.display());
        }
    }

    #[test]
    fn keeping_n_deletes_only_the_oldest_backups_of_this_catalogue() {
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 1);
        let folder = folder_beside(&path);
        std::fs::create_dir_all(&folder).unwrap();
        // Older backups, another catalogue's backup and a file of the user's.
        for (name, content) in [
            ("archive-2024-01-01-090000.kartoteka", "old"),
            ("archive-2024-01-01-090000.thumbnails.sqlite", "old thumbs"),
            ("archive-2024-06-01-090000.kartoteka", "newer"),
            ("archive-2025-03-01-120000.kartoteka", "newest old"),
            ("other-2020-01-01-090000.kartoteka", "another catalogue"),
            ("archive-notes.txt", "mine"),
        ] {
            std::fs::write(folder.join(name), content).unwrap();
        }
        let report = back_up(&path, &folder, Some(2), &AtomicBool::new(false), &|_, _| {}).unwrap();
        let mut pruned: Vec<String> = report
            .pruned
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        pruned.sort();
        assert_eq!(
            pruned,
            [
                "archive-2024-01-01-090000.kartoteka",
                "archive-2024-01-01-090000.thumbnails.sqlite",
                "archive-2024-06-01-090000.kartoteka"
            ]
        );
        let left: Vec<PathBuf> = list(&folder, &path)
            .unwrap()
            .into_iter()
            .map(|b| b.catalogue)
            .collect();
        assert_eq!(
            left,
            [
                report.backup.catalogue.clone(),
                folder.join("archive-2025-03-01-120000.kartoteka")
            ]
        );
        assert!(folder.join("other-2020-01-01-090000.kartoteka").exists());
        assert!(folder.join("archive-notes.txt").exists());
    }

    #[test]
    fn a_backup_is_known_by_its_name() {
        let taken = |name: &str| backup_time(Path::new(name)).map(|t| t.to_string());
        assert_eq!(
            taken("/b/catalogue-2026-11-29-164312.kartoteka").as_deref(),
            Some("2026-11-29T16:43:12")
        );
        assert_eq!(
            taken("my-archive-2026-11-29-164312-2.kartoteka").as_deref(),
            Some("2026-11-29T16:43:12")
        );
        assert_eq!(taken("catalogue.kartoteka"), None);
        assert_eq!(taken("Kyndrova-1991.kartoteka"), None);
        assert_eq!(taken("catalogue-2026-11-29-164312.csv"), None);
    }

    #[test]
    fn two_backups_in_one_second_both_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 1);
        let folder = folder_beside(&path);
        let never = AtomicBool::new(false);
        let a = back_up(&path, &folder, None, &never, &|_, _| {}).unwrap();
        let b = back_up(&path, &folder, None, &never, &|_, _| {}).unwrap();
        assert_ne!(a.backup.catalogue, b.backup.catalogue);
        assert_eq!(list(&folder, &path).unwrap().len(), 2);
    }

    #[test]
    fn a_cancelled_backup_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 1);
        let folder = folder_beside(&path);
        let err = back_up(&path, &folder, None, &AtomicBool::new(true), &|_, _| {}).unwrap_err();
        assert!(matches!(err, BackupError::Cancelled), "{err}");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    }

    #[test]
    fn restoring_makes_a_new_catalogue_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = catalogue_with_sets(dir.path(), 2);
        let folder = folder_beside(&path);
        let report = back_up(&path, &folder, None, &AtomicBool::new(false), &|_, _| {}).unwrap();
        let backup = report.backup.catalogue;

        let err = restore(&backup, &path, Some(&path)).unwrap_err();
        assert!(matches!(err, BackupError::InUse(_)), "{err}");
        let other = dir.path().join("notes.kartoteka");
        std::fs::write(&other, "mine").unwrap();
        let err = restore(&backup, &other, Some(&path)).unwrap_err();
        assert!(matches!(err, BackupError::Exists(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "mine");

        let into = restore_target(&backup, &path);
        assert_eq!(into.parent().unwrap(), dir.path());
        let restored = restore(&backup, &into, Some(&path)).unwrap();
        assert_eq!(restored.catalogue, into);
        assert_eq!(set_names(&into), ["Set 0", "Set 1"]);
        assert_ne!(
            restore_target(&backup, &path),
            into,
            "the next is a new name"
        );
    }

    #[test]
    fn a_file_that_is_not_a_catalogue_is_neither_backed_up_nor_restored() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.kartoteka");
        std::fs::write(&notes, "not a database at all, just some text").unwrap();
        let never = AtomicBool::new(false);
        let err = back_up(&notes, dir.path(), None, &never, &|_, _| {}).unwrap_err();
        assert!(matches!(err, BackupError::NotACatalogue(_)), "{err}");
        let err = restore(&notes, &dir.path().join("new.kartoteka"), None).unwrap_err();
        assert!(matches!(err, BackupError::NotACatalogue(_)), "{err}");
        assert!(!dir.path().join("new.kartoteka").exists());
    }
}
