//! A catalogue as a team's snapshot: a copy made with `VACUUM INTO` (one
//! consistent instant, compacted, one file) for `team create` to send, and
//! the checks and changes `team join` makes to a copy it received before
//! the copy becomes a catalogue of its own.
//!
//! A snapshot comes from a server, so it is checked as hostile: it must be
//! a sound SQLite file (`PRAGMA integrity_check`), Kartoteka's, of a
//! schema version this Kartoteka knows, and hold exactly the tables,
//! indexes and triggers the migrations make for that version: a trigger or
//! view slipped into a snapshot would otherwise run inside every edit the
//! new member makes. Only then is it opened as a catalogue (which migrates
//! an older one). Nothing here talks to a server or touches the catalogue
//! a snapshot was made from beyond reading it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::replica::{AuthorError, checked_author, new_replica_id};
use super::{CatalogError, Catalogue, Result, ThumbnailStore, migrations};

/// What a snapshot file holds, read from the file itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotFacts {
    /// Its schema version.
    pub version: u32,
    pub photos: u64,
    /// The replica that made it and its author.
    pub replica: String,
    pub author: Option<String>,
    /// Each replica's operations it holds, up to which number.
    pub includes: Vec<(String, i64)>,
}

/// Why a snapshot was refused.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("it is not a Kartoteka catalogue")]
    NotACatalogue,
    #[error(
        "it was made by a newer Kartoteka (schema version {found}; this version knows up to {known})"
    )]
    Newer { found: u32, known: u32 },
    #[error("it is from schema version {0}, older than any team catalogue can be")]
    TooOld(u32),
    #[error("it failed the integrity check ({0})")]
    Damaged(String),
    #[error("it holds {0}, which Kartoteka's schema for it does not have")]
    Foreign(String),
    #[error("it lacks {0}, which Kartoteka's schema for it has")]
    Lacking(String),
    #[error("{0}")]
    Catalogue(#[from] CatalogError),
}

impl From<rusqlite::Error> for SnapshotError {
    fn from(e: rusqlite::Error) -> Self {
        SnapshotError::Catalogue(e.into())
    }
}

/// The first schema version with replica ids (migration 0013): older
/// catalogues cannot be a team's.
pub const FIRST_TEAM_VERSION: u32 = 13;

impl Catalogue {
    /// Writes a copy of the catalogue into `into` (a new or empty file)
    /// with `VACUUM INTO`: one instant of it, whatever other connections
    /// write meanwhile, compacted into one file. The catalogue itself is
    /// only read.
    pub fn snapshot_into(&self, into: &Path) -> Result<()> {
        vacuum_into(&self.conn, into)
    }
}

impl ThumbnailStore {
    /// The thumbnail store's counterpart of [`Catalogue::snapshot_into`].
    pub fn snapshot_into(&self, into: &Path) -> Result<()> {
        vacuum_into(&self.conn, into)
    }
}

fn vacuum_into(conn: &Connection, into: &Path) -> Result<()> {
    // VACUUM INTO takes its file name as text; the path's own bytes, cast,
    // reach the file system as they are, whatever their encoding.
    conn.execute("VACUUM INTO CAST(?1 AS TEXT)", [super::path_to_bytes(into)])?;
    Ok(())
}

/// Opens a received file read-only, changing nothing.
fn open_received(path: &Path) -> Result<Connection, SnapshotError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Nothing the file defines may call Kartoteka's own functions.
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(conn)
}

fn integrity(conn: &Connection) -> Result<(), SnapshotError> {
    let not_a_database = |e: &rusqlite::Error| {
        matches!(e, rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt))
    };
    let mut stmt = conn.prepare("PRAGMA integrity_check(5)").map_err(|e| {
        if not_a_database(&e) {
            SnapshotError::NotACatalogue
        } else {
            e.into()
        }
    })?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| {
            if not_a_database(&e) {
                SnapshotError::Damaged("SQLite reads it as damaged".into())
            } else {
                e.into()
            }
        })?;
    let problems: Vec<String> = rows.into_iter().filter(|r| r != "ok").collect();
    if !problems.is_empty() {
        return Err(SnapshotError::Damaged(problems.join("; ")));
    }
    Ok(())
}

/// Every table, index, trigger and view, by type and name, with its SQL;
/// SQLite's own tables (statistics) left out.
fn schema_of(conn: &Connection) -> Result<Vec<(String, String, Option<String>)>, SnapshotError> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn same_schema(
    got: Vec<(String, String, Option<String>)>,
    want: Vec<(String, String, Option<String>)>,
) -> Result<(), SnapshotError> {
    let named = |(kind, name, _): &(String, String, Option<String>)| format!("{kind} {name}");
    if let Some(extra) = got.iter().find(|g| !want.contains(g)) {
        return Err(SnapshotError::Foreign(named(extra)));
    }
    if let Some(missing) = want.iter().find(|w| !got.contains(w)) {
        return Err(SnapshotError::Lacking(named(missing)));
    }
    Ok(())
}

/// Checks a received catalogue snapshot before anything opens it as a
/// catalogue; returns what it holds.
pub fn check_catalogue(path: &Path) -> Result<SnapshotFacts, SnapshotError> {
    let conn = open_received(path)?;
    integrity(&conn)?;
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| SnapshotError::NotACatalogue)?;
    if id != migrations::APPLICATION_ID {
        return Err(SnapshotError::NotACatalogue);
    }
    let version = migrations::user_version(&conn)?;
    if version > migrations::LATEST_VERSION {
        return Err(SnapshotError::Newer {
            found: version,
            known: migrations::LATEST_VERSION,
        });
    }
    if version < FIRST_TEAM_VERSION {
        return Err(SnapshotError::TooOld(version));
    }
    let mut reference = Connection::open_in_memory()?;
    migrations::migrate_up_to(&mut reference, version, |_, _| Ok(()))?;
    same_schema(schema_of(&conn)?, schema_of(&reference)?)?;
    facts(&conn, version)
}

fn facts(conn: &Connection, version: u32) -> Result<SnapshotFacts, SnapshotError> {
    let photos: i64 = conn.query_row("SELECT count(*) FROM photo", [], |r| r.get(0))?;
    let (replica, author): (String, Option<String>) = conn
        .query_row("SELECT id, author FROM local_replica", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or(SnapshotError::Lacking("a replica id".into()))?;
    let mut stmt = conn.prepare(
        "SELECT replica, max(seq) FROM edit_operation
         WHERE replica IS NOT NULL AND seq IS NOT NULL GROUP BY replica ORDER BY replica",
    )?;
    let includes = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(SnapshotFacts {
        version,
        photos: photos.max(0) as u64,
        replica,
        author,
        includes,
    })
}

/// Checks a received thumbnail store: sound, and the one table a
/// thumbnail store has.
pub fn check_thumbnails(path: &Path) -> Result<u64, SnapshotError> {
    let conn = open_received(path)?;
    integrity(&conn)?;
    let reference = ThumbnailStore::open_in_memory()?;
    same_schema(schema_of(&conn)?, schema_of(&reference.conn)?)?;
    Ok(conn.query_row("SELECT count(*) FROM thumbnail", [], |r| r.get::<_, i64>(0))? as u64)
}

/// What [`Catalogue::become_new_replica`] found in the way.
#[derive(Debug, thiserror::Error)]
pub enum RelocateError {
    #[error("the roots given put photo {id} at {path}, where another photo already is")]
    Collision { id: i64, path: PathBuf },
    #[error(
        "the team's snapshot gives photo {id} the path \"{}\", which is {reason}; a team catalogue's \
         photos are at absolute paths; nothing was written",
        crate::text::printable_path(path)
    )]
    UnfitPath {
        id: i64,
        path: PathBuf,
        reason: &'static str,
    },
    #[error("the system gave no random number for the new replica's id ({0}); nothing was written")]
    NoRandomId(String),
    #[error(transparent)]
    Author(#[from] AuthorError),
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
}

impl Catalogue {
    /// Makes a copy received from a team this machine's own replica: a new
    /// replica id (a copy must never number operations as the replica it
    /// was copied from), `author` for its operations, and each photo's
    /// file (and sidecar) where `local` says it is on this machine.
    /// Returns how many photos moved. One transaction.
    ///
    /// The paths are not an operation in the history: where the shared
    /// store is mounted is a fact of this machine, not of the team's
    /// catalogue, and photos are known by content hash.
    pub fn become_new_replica(
        &mut self,
        author: &str,
        local: impl Fn(&Path) -> Option<PathBuf>,
    ) -> std::result::Result<(String, u64), RelocateError> {
        let author = checked_author(author)?;
        let id = new_replica_id().map_err(|e| RelocateError::NoRandomId(e.to_string()))?;
        let tx = self.conn.transaction().map_err(CatalogError::from)?;
        tx.execute(
            "UPDATE local_replica SET id = ?1, author = ?2",
            rusqlite::params![id, author],
        )
        .map_err(CatalogError::from)?;
        // The publisher's photos not yet on the server are its to send, and
        // how far it pulled others' photos is its own: this replica shares
        // what it imports from now on, and pulls every member's.
        tx.execute_batch(
            "DELETE FROM photo_unsent; DELETE FROM team_root;
             INSERT OR REPLACE INTO team_photos (only, pulled) VALUES (1, 0);",
        )
        .map_err(CatalogError::from)?;
        let mut moved = 0;
        {
            let mut photos = tx
                .prepare("SELECT id, path, sidecar_path FROM photo ORDER BY id")
                .map_err(CatalogError::from)?;
            let rows = photos
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, Option<Vec<u8>>>(2)?,
                    ))
                })
                .map_err(CatalogError::from)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(CatalogError::from)?;
            let mut update = tx
                .prepare("UPDATE photo SET path = ?2, sidecar_path = ?3 WHERE id = ?1")
                .map_err(CatalogError::from)?;
            for (photo, path, sidecar) in rows {
                let path = super::path_from_bytes(path);
                let sidecar = sidecar.map(super::path_from_bytes);
                // Where a path from a server would lead is only clear when it
                // names its folders from the root.
                for p in std::iter::once(&path).chain(&sidecar) {
                    if let Some(reason) = unfit(p) {
                        return Err(RelocateError::UnfitPath {
                            id: photo,
                            path: p.clone(),
                            reason,
                        });
                    }
                }
                let new_path = local(&path);
                let new_sidecar = sidecar.as_deref().and_then(&local);
                if new_path.is_none() && new_sidecar.is_none() {
                    continue;
                }
                let new_path = new_path.unwrap_or(path);
                let new_sidecar = new_sidecar.or(sidecar);
                update
                    .execute(rusqlite::params![
                        photo,
                        super::path_to_bytes(&new_path),
                        new_sidecar.as_deref().map(super::path_to_bytes)
                    ])
                    .map_err(|e| match &e {
                        rusqlite::Error::SqliteFailure(f, _)
                            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                        {
                            RelocateError::Collision {
                                id: photo,
                                path: new_path.clone(),
                            }
                        }
                        _ => CatalogError::from(e).into(),
                    })?;
                moved += 1;
            }
        }
        tx.commit().map_err(CatalogError::from)?;
        Ok((id, moved))
    }
}

/// Why a photo's path from a team is not one Kartoteka writes beside.
pub(super) fn unfit(path: &Path) -> Option<&'static str> {
    use std::path::Component;
    if path.as_os_str().is_empty() {
        Some("empty")
    } else if !path.is_absolute() {
        Some("relative")
    } else if path.components().any(|c| c == Component::ParentDir) {
        Some("one that climbs out of a folder with ..")
    } else {
        None
    }
}

/// The files a catalogue at `catalogue` keeps, beside itself: the file,
/// its journals, its thumbnail store and that store's journals, and its
/// saved search columns.
pub fn own_files(catalogue: &Path) -> Vec<PathBuf> {
    let mut own = Vec::new();
    for file in [
        catalogue.to_owned(),
        super::thumbnails::path_beside(catalogue),
    ] {
        for suffix in ["-wal", "-shm", "-journal"] {
            own.push(super::sqlite_file::beside(&file, suffix));
        }
        own.push(file);
    }
    own.push(super::columns::saved::path_beside(catalogue));
    own
}

/// A catalogue's own files, to be told apart from a photo's path under any
/// name: a later write to that photo would land on them.
pub struct OwnFiles {
    own: Vec<PathBuf>,
    real_folder: Option<PathBuf>,
}

impl OwnFiles {
    pub fn of(catalogue: &Path) -> OwnFiles {
        let folder = catalogue.parent().unwrap_or(Path::new("."));
        OwnFiles {
            own: own_files(catalogue),
            real_folder: std::fs::canonicalize(folder).ok(),
        }
    }

    /// Whether `path` is one of them. The folder is resolved only for a
    /// path named as one of them: one file system call per such path, not
    /// per photo.
    pub fn holds(&self, path: &Path) -> bool {
        self.own.iter().any(|o| o == path)
            || (self.real_folder.is_some()
                && self.own.iter().any(|o| o.file_name() == path.file_name())
                && path.parent().and_then(|p| std::fs::canonicalize(p).ok()) == self.real_folder)
    }
}

impl Catalogue {
    /// Every photo's file and the sidecar read with it, by photo id.
    pub fn files_and_sidecars(&self) -> Result<Vec<(i64, PathBuf, Option<PathBuf>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, path, sidecar_path FROM photo ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                super::path_from_bytes(r.get(1)?),
                r.get::<_, Option<Vec<u8>>>(2)?.map(super::path_from_bytes),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalogue with a set in it, and a snapshot of it in the same folder.
    fn catalogue_and_snapshot(dir: &Path) -> (Catalogue, PathBuf) {
        let mut catalogue = Catalogue::open(&dir.join("archive.kartoteka")).unwrap();
        catalogue.set_author(Some("Dana Kyndrová")).unwrap();
        catalogue.create_set("Odchod sovětských vojsk").unwrap();
        let copy = dir.join("snapshot.kartoteka");
        catalogue.snapshot_into(&copy).unwrap();
        (catalogue, copy)
    }

    #[test]
    fn a_snapshot_passes_the_checks_and_its_copy_becomes_a_replica_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let (original, copy) = catalogue_and_snapshot(dir.path());
        let facts = check_catalogue(&copy).unwrap();
        let replica = original.replica_id().unwrap();
        assert_eq!(facts.version, migrations::LATEST_VERSION);
        assert_eq!(facts.photos, 0);
        assert_eq!(facts.replica, replica);
        assert_eq!(facts.author.as_deref(), Some("Dana Kyndrová"));
        assert_eq!(facts.includes.len(), 1);
        assert_eq!(facts.includes[0].0, replica);
        assert!(facts.includes[0].1 >= 1);

        let mut joined = Catalogue::open(&copy).unwrap();
        let (id, moved) = joined
            .become_new_replica("  Jana Nováková ", |_| None)
            .unwrap();
        assert_eq!(moved, 0);
        assert_ne!(id, replica);
        assert_eq!(joined.replica_id().unwrap(), id);
        assert_eq!(joined.author().unwrap().as_deref(), Some("Jana Nováková"));
        assert_eq!(joined.sets().unwrap()[0].name, "Odchod sovětských vojsk");
        // The original is untouched.
        assert_eq!(original.replica_id().unwrap(), replica);
    }

    /// A folder name in Latin-2, as an old Czech file server may hold it.
    #[cfg(unix)]
    #[test]
    fn a_snapshot_goes_to_a_path_that_is_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let (original, _) = catalogue_and_snapshot(dir.path());
        let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"sn\xedmky"));
        std::fs::create_dir(&folder).unwrap();
        let copy = folder.join("archiv.kartoteka");
        original.snapshot_into(&copy).unwrap();
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        let facts = check_catalogue(&copy).unwrap();
        assert_eq!(facts.replica, original.replica_id().unwrap());
    }

    #[test]
    fn a_snapshot_with_anything_added_or_taken_away_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (_, copy) = catalogue_and_snapshot(dir.path());
        let conn = Connection::open(&copy).unwrap();
        conn.execute_batch("CREATE VIEW everything AS SELECT * FROM photo")
            .unwrap();
        let err = check_catalogue(&copy).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it holds view everything, which Kartoteka's schema for it does not have"
        );
        conn.execute_batch("DROP VIEW everything; DROP INDEX edit_operation_hlc")
            .unwrap();
        let err = check_catalogue(&copy).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it lacks index edit_operation_hlc, which Kartoteka's schema for it has"
        );
        conn.pragma_update(None, "user_version", migrations::LATEST_VERSION + 1)
            .unwrap();
        let err = check_catalogue(&copy).unwrap_err();
        assert!(matches!(err, SnapshotError::Newer { .. }), "{err}");
        conn.pragma_update(None, "user_version", FIRST_TEAM_VERSION - 1)
            .unwrap();
        let err = check_catalogue(&copy).unwrap_err();
        assert!(matches!(err, SnapshotError::TooOld(12)), "{err}");
        drop(conn);
        std::fs::write(&copy, "Вывод войск".repeat(1000)).unwrap();
        let err = check_catalogue(&copy).unwrap_err();
        assert!(matches!(err, SnapshotError::NotACatalogue), "{err}");
    }

    #[test]
    fn a_thumbnail_store_is_one_table() {
        let dir = tempfile::tempdir().unwrap();
        let store = ThumbnailStore::open_in_memory().unwrap();
        let copy = dir.path().join("thumbnails.sqlite");
        store.snapshot_into(&copy).unwrap();
        assert_eq!(check_thumbnails(&copy).unwrap(), 0);
        let conn = Connection::open(&copy).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER spread AFTER INSERT ON thumbnail BEGIN DELETE FROM thumbnail; END",
        )
        .unwrap();
        let err = check_thumbnails(&copy).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it holds trigger spread, which Kartoteka's schema for it does not have"
        );
    }
}
