//! Becoming a team: `team create` publishes this catalogue as the team's
//! first snapshot, `team join` makes a new local replica from the newest
//! one, `team status` says who is in the team.
//!
//! Files are made where they cannot be mistaken for anything else: the
//! snapshot sent is a `VACUUM INTO` copy in a new temporary folder (never
//! beside a catalogued photo, never the catalogue itself); the one received
//! is written into a new hidden folder beside the catalogue to be, checked
//! there as hostile, opened as a catalogue, and only then moved to its name
//! without replacing anything. Any failure removes that folder, so nothing
//! is left behind.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::TeamError;
use super::connect::Connection;
use super::roots::Roots;
use super::server::{self, FileFacts, FileKind, Member, NewSnapshot, Place, Snapshot};
use crate::catalog::snapshot::{self, RelocateError};
use crate::catalog::{Catalogue, ThumbnailStore, migrations, replica, thumbnails};

/// What `team create` did.
#[derive(Debug, Clone)]
pub struct Created {
    pub place: Place,
    pub snapshot: i64,
    pub photos: u64,
    pub catalogue_bytes: u64,
    pub thumbnail_bytes: u64,
    pub replica: String,
    pub author: String,
    pub elapsed: Duration,
}

/// What `team join` did.
#[derive(Debug, Clone)]
pub struct Joined {
    pub place: Place,
    pub catalogue: PathBuf,
    pub thumbnails: PathBuf,
    pub snapshot: i64,
    pub photos: u64,
    /// Photos whose path a root changed.
    pub moved: u64,
    pub bytes: u64,
    pub replica: String,
    pub author: String,
    /// False when the role may only read: the replica is then not listed
    /// among the members.
    pub registered: bool,
    /// Working folders of earlier joins killed in the middle, removed.
    pub leftovers: usize,
    pub elapsed: Duration,
}

/// What `team status` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub server: String,
    pub database: String,
    pub role: String,
    pub format: i32,
    /// This catalogue's replica id.
    pub replica: String,
    /// Whether this replica is one of the members.
    pub member: bool,
    pub members: Vec<Member>,
    pub snapshots: Vec<Snapshot>,
    /// This replica's operations that are in none of the server's
    /// snapshots: made since it joined, or since its last snapshot.
    pub waiting: u64,
    /// Photos imported here the server does not have yet.
    pub photos_waiting: u64,
}

fn local(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> TeamError {
    let what = what.into();
    move |e| TeamError::Local {
        what,
        reason: e.to_string(),
    }
}

/// Length and BLAKE3 hash of a file, read as a stream.
fn file_facts(path: &Path) -> Result<FileFacts, TeamError> {
    let mut file = File::open(path).map_err(local(path.display().to_string()))?;
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; server::CHUNK_BYTES];
    let mut bytes = 0i64;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(local(path.display().to_string()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as i64;
    }
    Ok(FileFacts {
        bytes,
        blake3: hasher.finalize().to_hex().to_string(),
    })
}

/// Publishes `catalogue` as a new team catalogue in the database `conn`
/// is connected to, refusing when it already holds one. The catalogue and
/// its thumbnail store are only read, but for noting that the catalogue
/// shares what it imports from now on.
pub fn create(conn: &mut Connection, catalogue: &mut Catalogue) -> Result<Created, TeamError> {
    let started = Instant::now();
    let place = server::place(conn)?;
    // Refused before the copy is made; `server::create` asks again inside
    // its transaction.
    server::ensure_free(conn, &place)?;
    let temp = tempfile::Builder::new()
        .prefix("kartoteka-team-")
        .tempdir()
        .map_err(local("a temporary folder"))?;
    let catalogue_copy = temp.path().join("catalogue.kartoteka");
    let thumbnails_copy = thumbnails::path_beside(&catalogue_copy);
    catalogue.snapshot_into(&catalogue_copy)?;
    match catalogue.thumbnails_path().filter(|p| p.is_file()) {
        Some(p) => ThumbnailStore::open(&p)?.snapshot_into(&thumbnails_copy)?,
        None => ThumbnailStore::open_in_memory()?.snapshot_into(&thumbnails_copy)?,
    }
    // The copy goes through the checks a member's join will make.
    let facts = snapshot::check_catalogue(&catalogue_copy).map_err(|reason| {
        TeamError::RefusedSnapshot {
            what: "catalogue",
            reason,
        }
    })?;
    snapshot::check_thumbnails(&thumbnails_copy).map_err(|reason| TeamError::RefusedSnapshot {
        what: "thumbnails",
        reason,
    })?;
    let author = match &facts.author {
        Some(a) => a.clone(),
        None => replica::checked_author(&place.role).map_err(RelocateError::from)?,
    };
    let catalogue_facts = file_facts(&catalogue_copy)?;
    let thumbnail_facts = file_facts(&thumbnails_copy)?;
    let mut catalogue_file =
        File::open(&catalogue_copy).map_err(local(catalogue_copy.display().to_string()))?;
    let mut thumbnail_file =
        File::open(&thumbnails_copy).map_err(local(thumbnails_copy.display().to_string()))?;
    let id = server::create(
        conn,
        &place,
        (&facts.replica, &author),
        &NewSnapshot {
            made_by: &facts.replica,
            catalogue_version: facts.version,
            photos: facts.photos,
            includes: &facts.includes,
        },
        &mut [
            (
                FileKind::Catalogue,
                catalogue_facts.clone(),
                &mut catalogue_file,
            ),
            (
                FileKind::Thumbnails,
                thumbnail_facts.clone(),
                &mut thumbnail_file,
            ),
        ],
    )?;
    // What is imported from now on is not in the snapshot: it travels.
    catalogue.share_imports()?;
    Ok(Created {
        place,
        snapshot: id,
        photos: facts.photos,
        catalogue_bytes: catalogue_facts.bytes as u64,
        thumbnail_bytes: thumbnail_facts.bytes as u64,
        replica: facts.replica,
        author,
        elapsed: started.elapsed(),
    })
}

/// What `team join` is asked.
pub struct JoinRequest<'a> {
    /// The new catalogue file; it must not exist.
    pub catalogue: &'a Path,
    pub roots: &'a Roots,
    /// The author its operations record (`--as`); the role when `None`.
    pub author: Option<&'a str>,
    /// The server's URL for the new catalogue to keep, when it may keep it
    /// ([`super::connect::ServerUrl::why_not_kept`]).
    pub keep_url: Option<&'a str>,
}

/// Makes a new local replica of the team catalogue from its newest
/// snapshot. Nothing is left behind when it fails.
pub fn join(conn: &mut Connection, request: &JoinRequest<'_>) -> Result<Joined, TeamError> {
    let started = Instant::now();
    let file = std::path::absolute(request.catalogue)
        .map_err(local(request.catalogue.display().to_string()))?;
    let thumbs = thumbnails::path_beside(&file);
    for path in [&file, &thumbs] {
        // A dangling symbolic link is something there too.
        if path.symlink_metadata().is_ok() {
            return Err(TeamError::Exists(path.clone()));
        }
    }
    let folder = file.parent().unwrap_or(Path::new("/")).to_owned();
    std::fs::create_dir_all(&folder).map_err(local(folder.display().to_string()))?;
    // Before the free space is counted: they may hold a snapshot each.
    let leftovers = remove_leftovers(&folder);

    let place = server::place(conn)?;
    server::open_team(conn, &place)?;
    let author = replica::checked_author(request.author.unwrap_or(&place.role))
        .map_err(RelocateError::from)?;
    let (id, version, catalogue_facts, thumbnail_facts) = server::latest_snapshot(conn, &place)?;
    if version as u32 > migrations::LATEST_VERSION || version < 1 {
        return Err(TeamError::RefusedSnapshot {
            what: "catalogue",
            reason: snapshot::SnapshotError::Newer {
                found: version.max(0) as u32,
                known: migrations::LATEST_VERSION,
            },
        });
    }

    // What the server claims must fit where it goes: a server that says a
    // terabyte is refused before a byte fills the disk.
    let claimed = catalogue_facts.bytes.max(0) as u64 + thumbnail_facts.bytes.max(0) as u64;
    if let Some(free) = crate::files::free_bytes(&folder)
        && claimed > free
    {
        return Err(TeamError::TooLarge {
            bytes: claimed,
            free,
            folder,
        });
    }

    // Everything until the end happens in here, removed on any failure;
    // a join killed outright leaves it, unlocked, for the next one.
    let temp = tempfile::Builder::new()
        .prefix(WORKING_PREFIX)
        .tempdir_in(&folder)
        .map_err(local(folder.display().to_string()))?;
    let _lock = hold_working_lock(temp.path())
        .map_err(local(temp.path().join(WORKING_LOCK).display().to_string()))?;
    let catalogue_new = temp.path().join("catalogue.kartoteka");
    let thumbnails_new = thumbnails::path_beside(&catalogue_new);
    for (kind, facts, path) in [
        (FileKind::Catalogue, &catalogue_facts, &catalogue_new),
        (FileKind::Thumbnails, &thumbnail_facts, &thumbnails_new),
    ] {
        let shown = path.display().to_string();
        let mut out = BufWriter::new(File::create(path).map_err(local(shown.clone()))?);
        server::download(conn, &place, id, kind, facts, &mut out)?;
        out.flush().map_err(local(shown.clone()))?;
        out.get_ref().sync_all().map_err(local(shown))?;
    }
    let facts =
        snapshot::check_catalogue(&catalogue_new).map_err(|reason| TeamError::RefusedSnapshot {
            what: "catalogue",
            reason,
        })?;
    if facts.version != version as u32 {
        return Err(TeamError::DamagedSnapshot {
            what: "catalogue",
            reason: format!(
                "it is of schema version {} where the server says {version}",
                facts.version
            ),
        });
    }
    snapshot::check_thumbnails(&thumbnails_new).map_err(|reason| TeamError::RefusedSnapshot {
        what: "thumbnails",
        reason,
    })?;

    let (replica, moved, photos) = {
        // Opened as every catalogue is: an older snapshot is migrated.
        let mut catalogue = Catalogue::open(&catalogue_new)?;
        let (replica, moved) =
            catalogue.become_new_replica(&author, |path| request.roots.map(path))?;
        if let Some(url) = request.keep_url {
            catalogue.keep_team_server(url)?;
        }
        catalogue.keep_team_roots(&request.roots.pairs())?;
        // No photo or sidecar may be one of the files the catalogue keeps,
        // by any name: a later write to that photo would land on them.
        let own = snapshot::OwnFiles::of(&file);
        for (id, path, sidecar) in catalogue.files_and_sidecars()? {
            for path in std::iter::once(path).chain(sidecar) {
                if own.holds(&path) {
                    return Err(TeamError::OnPhoto { path, id });
                }
            }
        }
        (replica, moved, catalogue.photo_count()?)
    };

    let registration = server::register(conn, &place, (&replica, &author))?;
    let registered = registration.is_some();
    // The thumbnails first: a catalogue that is there is whole.
    place_file(&thumbnails_new, &thumbs)?;
    if let Err(e) = place_file(&catalogue_new, &file) {
        let _ = std::fs::remove_file(&thumbs);
        return Err(e);
    }
    if let Some(tx) = registration
        && let Err(e) = tx.commit()
    {
        let _ = std::fs::remove_file(&file);
        let _ = std::fs::remove_file(&thumbs);
        return Err(TeamError::Server {
            server: place.server.clone(),
            reason: super::connect::one_line(&super::connect::source_text(&e)),
        });
    }
    if let Ok(dir) = File::open(&folder) {
        // Makes the new names durable where the system allows it.
        let _ = dir.sync_all();
    }
    Ok(Joined {
        place,
        catalogue: file,
        thumbnails: thumbs,
        snapshot: id,
        photos,
        moved,
        bytes: (catalogue_facts.bytes + thumbnail_facts.bytes) as u64,
        replica,
        author,
        registered,
        leftovers,
        elapsed: started.elapsed(),
    })
}

/// How the folders a join works in begin, beside the catalogue it makes.
const WORKING_PREFIX: &str = ".kartoteka-join-";

/// The file in a join's working folder that the join holds locked while it
/// runs. The system lets go of a lock when its process ends, however it
/// ends: a working folder whose lock can be taken is a killed join's.
const WORKING_LOCK: &str = "join.lock";

/// Locks the working folder's lock file. The file is locked before it has
/// its name, so that a lock file another join can see is always held.
fn hold_working_lock(dir: &Path) -> std::io::Result<File> {
    let unnamed = dir.join(format!("{WORKING_LOCK}.new"));
    let lock = File::create(&unnamed)?;
    lock.lock()?;
    std::fs::rename(&unnamed, dir.join(WORKING_LOCK))?;
    Ok(lock)
}

/// Removes the working folders that joins killed in the middle (SIGKILL, a
/// power cut) left in `folder`, and returns how many. A folder of a join
/// still running holds its lock and stays; so does anything that is not a
/// folder with a lock file in it.
fn remove_leftovers(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let ours = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(WORKING_PREFIX));
        // `file_type` does not follow a symbolic link: a link is left alone.
        if !ours || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let dir = entry.path();
        let Ok(lock) = File::open(dir.join(WORKING_LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() && std::fs::remove_dir_all(&dir).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Moves a finished file to its name, never replacing what is there
/// (someone may have made a file of that name while the snapshot came).
fn place_file(from: &Path, to: &Path) -> Result<(), TeamError> {
    let placed = tempfile::TempPath::try_from_path(from)
        .and_then(|t| t.persist_noclobber(to).map_err(|e| e.error));
    match placed {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(TeamError::Exists(to.to_owned()))
        }
        Err(e) => Err(local(to.display().to_string())(e)),
    }
}

/// The team's members and snapshots, and whether `catalogue` is one of them.
pub fn status(conn: &mut Connection, catalogue: &Catalogue) -> Result<Status, TeamError> {
    let place = server::place(conn)?;
    server::open_team(conn, &place)?;
    let replica = catalogue.replica_id()?;
    let members = server::members(conn, &place)?;
    let snapshots = server::snapshots(conn, &place)?;
    let held = server::held_in_snapshots(&snapshots, &replica);
    // Once the replica syncs, it knows which of its operations the server
    // has; before, the snapshots say.
    let waiting = match catalogue.pulled()? {
        Some(_) => catalogue.unsent_count()?,
        None => catalogue.own_operations_after(held)?,
    };
    Ok(Status {
        waiting,
        photos_waiting: catalogue.unsent_photo_count()?,
        member: members.iter().any(|m| m.replica == replica),
        format: server::FORMAT_VERSION,
        server: place.server,
        database: place.database,
        role: place.role,
        replica,
        members,
        snapshots,
    })
}
