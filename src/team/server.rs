//! The team catalogue as the PostgreSQL server holds it: every SQL text
//! Kartoteka sends to PostgreSQL lives here, and every value goes as a
//! parameter, never into the text.
//!
//! Everything is in one PostgreSQL schema, `kartoteka`, so that a team
//! catalogue can share a database with other things and is removed whole
//! with `DROP SCHEMA kartoteka CASCADE`. The table `format` holds one row
//! with the server format's version; [`MIGRATIONS`] are numbered as the
//! local catalogue's are, never edited once landed, and bring an older
//! server up to date.
//!
//! A snapshot is a whole catalogue and thumbnail store, each stored as
//! chunks of at most [`CHUNK_BYTES`] in `bytea` rows with its length and
//! BLAKE3 hash, and the operations it holds (per replica, up to which
//! number): a new member starts from it and will pull only what came after.
//! This module moves bytes and rows; it never opens a SQLite file.

use std::io::{Read, Write};

use postgres::error::SqlState;
use serde::Serialize;

use super::TeamError;
use super::connect::Connection;
use crate::catalog::shared_photos::{PhotoFacts, SharedPhoto};
use crate::catalog::sync::{Shared, SharedStep};
use crate::ingest::thumbnail::Thumbnail;

/// The PostgreSQL schema that holds a team catalogue.
pub const SCHEMA: &str = "kartoteka";

/// The largest chunk of a snapshot file: small enough that neither side
/// holds much in memory at once, large enough that a 2 GB thumbnail store
/// is two thousand rows.
pub const CHUNK_BYTES: usize = 1 << 20;

/// The largest snapshot file taken from a server: far more than any
/// catalogue of a few million photos with its thumbnails.
pub const MAX_FILE_BYTES: i64 = 1 << 40;

/// The server's schema, version by version (index + 1). Each text has no
/// values in it; it runs inside the transaction that creates or upgrades.
const MIGRATIONS: &[&str] = &[
    // 1: members, snapshots.
    "CREATE TABLE kartoteka.format (
         one         boolean PRIMARY KEY DEFAULT true CHECK (one),
         version     integer NOT NULL,
         created     timestamptz NOT NULL DEFAULT now()
     );
     -- One row per replica: a member's local catalogue.
     CREATE TABLE kartoteka.member (
         replica     text PRIMARY KEY CHECK (replica ~ '^[0-9a-f]{32}$'),
         author      text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
         role        text NOT NULL,
         joined      timestamptz NOT NULL DEFAULT now(),
         last_seen   timestamptz NOT NULL DEFAULT now()
     );
     CREATE TABLE kartoteka.snapshot (
         id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         made                timestamptz NOT NULL DEFAULT now(),
         made_by             text NOT NULL REFERENCES kartoteka.member (replica),
         catalogue_version   integer NOT NULL CHECK (catalogue_version > 0),
         photos              bigint NOT NULL CHECK (photos >= 0)
     );
     -- The catalogue and its thumbnail store.
     CREATE TABLE kartoteka.snapshot_file (
         snapshot    bigint NOT NULL REFERENCES kartoteka.snapshot (id) ON DELETE CASCADE,
         kind        text NOT NULL CHECK (kind IN ('catalogue', 'thumbnails')),
         bytes       bigint NOT NULL CHECK (bytes >= 0),
         blake3      text NOT NULL CHECK (blake3 ~ '^[0-9a-f]{64}$'),
         chunks      integer NOT NULL CHECK (chunks >= 0),
         PRIMARY KEY (snapshot, kind)
     );
     CREATE TABLE kartoteka.snapshot_chunk (
         snapshot    bigint NOT NULL,
         kind        text NOT NULL,
         n           integer NOT NULL CHECK (n >= 0),
         data        bytea NOT NULL,
         PRIMARY KEY (snapshot, kind, n),
         FOREIGN KEY (snapshot, kind) REFERENCES kartoteka.snapshot_file ON DELETE CASCADE
     );
     -- Which operations a snapshot holds: each replica's up to seq.
     CREATE TABLE kartoteka.snapshot_includes (
         snapshot    bigint NOT NULL REFERENCES kartoteka.snapshot (id) ON DELETE CASCADE,
         replica     text NOT NULL CHECK (replica ~ '^[0-9a-f]{32}$'),
         up_to_seq   bigint NOT NULL CHECK (up_to_seq > 0),
         PRIMARY KEY (snapshot, replica)
     );",
    // 2: operations, in the order the server received them.
    "CREATE TABLE kartoteka.operation (
         pos         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         replica     text NOT NULL REFERENCES kartoteka.member (replica),
         seq         bigint NOT NULL CHECK (seq > 0),
         hlc         bigint NOT NULL CHECK (hlc >= 0),
         seen        bigint NOT NULL CHECK (seen >= 0),
         author      text,
         source      text NOT NULL,
         summary     text NOT NULL,
         steps       jsonb NOT NULL,
         received    timestamptz NOT NULL DEFAULT now(),
         UNIQUE (replica, seq)
     );",
    // 3: photos members imported, in the order the server received them,
    // and their thumbnails by content hash.
    "CREATE TABLE kartoteka.photo (
         pos         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         replica     text NOT NULL REFERENCES kartoteka.member (replica),
         photo       text NOT NULL,
         path        bytea NOT NULL,
         sidecar     bytea,
         facts       jsonb NOT NULL,
         received    timestamptz NOT NULL DEFAULT now(),
         UNIQUE (replica, photo)
     );
     CREATE TABLE kartoteka.thumbnail (
         hash        text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
         width       integer NOT NULL,
         height      integer NOT NULL,
         jpeg        bytea NOT NULL
     );",
];

/// The server format this Kartoteka writes.
pub const FORMAT_VERSION: i32 = MIGRATIONS.len() as i32;

/// A file of a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Catalogue,
    Thumbnails,
}

impl FileKind {
    fn as_str(self) -> &'static str {
        match self {
            FileKind::Catalogue => "catalogue",
            FileKind::Thumbnails => "thumbnails",
        }
    }
}

/// A snapshot file's size and hash, as stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileFacts {
    pub bytes: i64,
    pub blake3: String,
}

/// What a new snapshot is.
pub struct NewSnapshot<'a> {
    pub made_by: &'a str,
    pub catalogue_version: u32,
    pub photos: u64,
    /// Each replica's operations it holds, up to which number.
    pub includes: &'a [(String, i64)],
}

/// A member as `team status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub replica: String,
    pub author: String,
    pub role: String,
    /// UTC, `2026-11-30T22:15:03Z`.
    pub joined: String,
    pub last_seen: String,
}

/// A snapshot as `team status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub id: i64,
    pub made: String,
    pub made_by: String,
    pub catalogue_version: i32,
    pub photos: i64,
    pub catalogue: FileFacts,
    pub thumbnails: FileFacts,
    pub includes: Vec<Included>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Included {
    pub replica: String,
    pub up_to_seq: i64,
}

/// Who and where, for messages.
#[derive(Debug, Clone)]
pub struct Place {
    pub server: String,
    pub database: String,
    pub role: String,
}

const UTC: &str = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

fn pg(place: &Place) -> impl Fn(postgres::Error) -> TeamError + '_ {
    move |e| TeamError::Server {
        server: place.server.clone(),
        reason: super::connect::one_line(&reason(&e)),
    }
}

/// A PostgreSQL error's own message, without the driver's prefix.
fn reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => super::connect::source_text(e),
    }
}

/// The database and role a connection works in.
pub fn place(conn: &mut Connection) -> Result<Place, TeamError> {
    let server = conn.server().to_owned();
    let row = conn
        .client()
        .query_one("SELECT current_database()::text, current_user::text", &[])
        .map_err(|e| TeamError::Server {
            server: server.clone(),
            reason: super::connect::one_line(&reason(&e)),
        })?;
    Ok(Place {
        server,
        database: row.get(0),
        role: row.get(1),
    })
}

/// What the database holds under the name [`SCHEMA`].
enum Found {
    Nothing,
    /// A team catalogue at this server format version.
    Team(i32),
    /// A schema of that name that is not a team catalogue.
    Other,
}

fn found(client: &mut impl postgres::GenericClient, place: &Place) -> Result<Found, TeamError> {
    let schema: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)",
            &[&SCHEMA],
        )
        .map_err(pg(place))?
        .get(0);
    if !schema {
        return Ok(Found::Nothing);
    }
    // Without USAGE on the schema, looking into it at all is refused.
    let denied = |e: postgres::Error| match e.code() {
        Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => TeamError::MayNotRead {
            role: place.role.clone(),
            server: place.server.clone(),
            database: place.database.clone(),
        },
        _ => pg(place)(e),
    };
    let format: Option<String> = client
        .query_one("SELECT to_regclass($1)::text", &[&"kartoteka.format"])
        .map_err(denied)?
        .get(0);
    if format.is_none() {
        return Ok(Found::Other);
    }
    let version: Option<i32> = client
        .query_opt("SELECT version FROM kartoteka.format", &[])
        .map_err(denied)?
        .map(|r| r.get(0));
    Ok(version.map_or(Found::Other, Found::Team))
}

/// Checks that the database holds a team catalogue this Kartoteka can
/// read, upgrading an older server format when the role may.
pub fn open_team(conn: &mut Connection, place: &Place) -> Result<(), TeamError> {
    match found(conn.client(), place)? {
        Found::Nothing | Found::Other => Err(TeamError::NoTeam {
            server: place.server.clone(),
            database: place.database.clone(),
        }),
        Found::Team(v) if v > FORMAT_VERSION => Err(TeamError::NewerServer {
            found: v,
            known: FORMAT_VERSION,
        }),
        Found::Team(v) if v < FORMAT_VERSION => {
            let mut tx = conn.client().transaction().map_err(pg(place))?;
            // The row lock makes a second upgrader wait, then find it done.
            let v: i32 = tx
                .query_one("SELECT version FROM kartoteka.format FOR UPDATE", &[])
                .map_err(pg(place))?
                .get(0);
            migrate(&mut tx, place, v)?;
            tx.commit().map_err(pg(place))
        }
        Found::Team(_) => Ok(()),
    }
}

fn migrate(tx: &mut postgres::Transaction<'_>, place: &Place, from: i32) -> Result<(), TeamError> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.batch_execute(sql).map_err(pg(place))?;
        let version = i as i32 + 1;
        if version > 1 {
            tx.execute("UPDATE kartoteka.format SET version = $1", &[&version])
                .map_err(pg(place))?;
        }
    }
    Ok(())
}

/// Refuses a database that already holds a team catalogue (or another
/// schema of that name).
pub fn ensure_free(conn: &mut Connection, place: &Place) -> Result<(), TeamError> {
    match found(conn.client(), place)? {
        Found::Nothing => Ok(()),
        Found::Team(_) => Err(TeamError::AlreadyTeam {
            server: place.server.clone(),
            database: place.database.clone(),
        }),
        Found::Other => Err(TeamError::SchemaTaken {
            server: place.server.clone(),
            database: place.database.clone(),
        }),
    }
}

/// Creates the team catalogue's schema, registers its first member and
/// stores its first snapshot, all in one transaction: a failure anywhere
/// leaves the database as it was.
pub fn create(
    conn: &mut Connection,
    place: &Place,
    member: (&str, &str),
    snapshot: &NewSnapshot<'_>,
    files: &mut [(FileKind, FileFacts, &mut dyn Read)],
) -> Result<i64, TeamError> {
    ensure_free(conn, place)?;
    let mut tx = conn.client().transaction().map_err(pg(place))?;
    // The name is a constant; PostgreSQL takes no parameter for it.
    if let Err(e) = tx.batch_execute("CREATE SCHEMA kartoteka") {
        return Err(match e.code() {
            Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => TeamError::MayNotCreate {
                role: place.role.clone(),
                server: place.server.clone(),
                database: place.database.clone(),
            },
            // Another `team create` won the race.
            Some(c) if *c == SqlState::DUPLICATE_SCHEMA => TeamError::AlreadyTeam {
                server: place.server.clone(),
                database: place.database.clone(),
            },
            _ => pg(place)(e),
        });
    }
    migrate(&mut tx, place, 0)?;
    tx.execute(
        "INSERT INTO kartoteka.format (version) VALUES ($1)",
        &[&FORMAT_VERSION],
    )
    .map_err(pg(place))?;
    register_in(&mut tx, place, member)?;
    let id = store_snapshot(&mut tx, place, snapshot, files)?;
    tx.commit().map_err(pg(place))?;
    Ok(id)
}

fn register_in(
    tx: &mut postgres::Transaction<'_>,
    place: &Place,
    (replica, author): (&str, &str),
) -> Result<(), TeamError> {
    tx.execute(
        "INSERT INTO kartoteka.member (replica, author, role) VALUES ($1, $2, current_user)",
        &[&replica, &author],
    )
    .map_err(pg(place))?;
    Ok(())
}

fn store_snapshot(
    tx: &mut postgres::Transaction<'_>,
    place: &Place,
    snapshot: &NewSnapshot<'_>,
    files: &mut [(FileKind, FileFacts, &mut dyn Read)],
) -> Result<i64, TeamError> {
    let version = snapshot.catalogue_version as i32;
    let photos = snapshot.photos as i64;
    let id: i64 = tx
        .query_one(
            "INSERT INTO kartoteka.snapshot (made_by, catalogue_version, photos)
             VALUES ($1, $2, $3) RETURNING id",
            &[&snapshot.made_by, &version, &photos],
        )
        .map_err(pg(place))?
        .get(0);
    for (replica, seq) in snapshot.includes {
        tx.execute(
            "INSERT INTO kartoteka.snapshot_includes (snapshot, replica, up_to_seq)
             VALUES ($1, $2, $3)",
            &[&id, replica, seq],
        )
        .map_err(pg(place))?;
    }
    for (kind, facts, reader) in files.iter_mut() {
        let chunks = (facts.bytes as u64).div_ceil(CHUNK_BYTES as u64) as i32;
        tx.execute(
            "INSERT INTO kartoteka.snapshot_file (snapshot, kind, bytes, blake3, chunks)
             VALUES ($1, $2, $3, $4, $5)",
            &[&id, &kind.as_str(), &facts.bytes, &facts.blake3, &chunks],
        )
        .map_err(pg(place))?;
        let insert = tx
            .prepare(
                "INSERT INTO kartoteka.snapshot_chunk (snapshot, kind, n, data)
                 VALUES ($1, $2, $3, $4)",
            )
            .map_err(pg(place))?;
        let mut buf = vec![0u8; CHUNK_BYTES];
        for n in 0..chunks {
            let len = read_full(*reader, &mut buf).map_err(|e| TeamError::Local {
                what: "the snapshot being sent".into(),
                reason: e.to_string(),
            })?;
            let data: &[u8] = &buf[..len];
            tx.execute(&insert, &[&id, &kind.as_str(), &n, &data])
                .map_err(pg(place))?;
        }
    }
    Ok(id)
}

/// Reads until `buf` is full or the reader ends; returns how much.
fn read_full(reader: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut len = 0;
    while len < buf.len() {
        match reader.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(len)
}

/// Registers a replica as a member, in a transaction the caller commits
/// once the replica is in place. A role that may only read cannot
/// register: `Ok(None)`, and the caller says so.
pub fn register<'c>(
    conn: &'c mut Connection,
    place: &Place,
    member: (&str, &str),
) -> Result<Option<postgres::Transaction<'c>>, TeamError> {
    let mut tx = conn.client().transaction().map_err(pg(place))?;
    let may: bool = tx
        .query_one(
            "SELECT has_table_privilege($1, 'INSERT')",
            &[&"kartoteka.member"],
        )
        .map_err(pg(place))?
        .get(0);
    if !may {
        return Ok(None);
    }
    register_in(&mut tx, place, member)?;
    Ok(Some(tx))
}

/// A read-only transaction that sees one snapshot of the server's data
/// throughout.
fn reading<'c>(
    conn: &'c mut Connection,
    place: &Place,
) -> Result<postgres::Transaction<'c>, TeamError> {
    conn.client()
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(pg(place))
}

/// The newest snapshot's id and catalogue version, with its two files.
pub fn latest_snapshot(
    conn: &mut Connection,
    place: &Place,
) -> Result<(i64, i32, FileFacts, FileFacts), TeamError> {
    let client = conn.client();
    let row = client
        .query_opt(
            "SELECT id, catalogue_version FROM kartoteka.snapshot ORDER BY id DESC LIMIT 1",
            &[],
        )
        .map_err(pg(place))?
        .ok_or_else(|| TeamError::NoSnapshot {
            server: place.server.clone(),
        })?;
    let (id, version): (i64, i32) = (row.get(0), row.get(1));
    let facts = |client: &mut postgres::Client, kind: FileKind| {
        client
            .query_opt(
                "SELECT bytes, blake3 FROM kartoteka.snapshot_file WHERE snapshot = $1 AND kind = $2",
                &[&id, &kind.as_str()],
            )
            .map_err(pg(place))?
            .map(|r| FileFacts {
                bytes: r.get(0),
                blake3: r.get(1),
            })
            .ok_or_else(|| TeamError::DamagedSnapshot {
                what: kind.as_str(),
                reason: "it is missing on the server".into(),
            })
    };
    let catalogue = facts(client, FileKind::Catalogue)?;
    let thumbnails = facts(client, FileKind::Thumbnails)?;
    Ok((id, version, catalogue, thumbnails))
}

/// Writes a snapshot file's chunks to `out`, one chunk at a time, checking
/// as it goes that the chunks are what the file's row says (numbered from
/// 0 without gaps, none larger than [`CHUNK_BYTES`], no more bytes than
/// its length) and, at the end, its length and hash.
pub fn download(
    conn: &mut Connection,
    place: &Place,
    snapshot: i64,
    kind: FileKind,
    expected: &FileFacts,
    out: &mut dyn Write,
) -> Result<(), TeamError> {
    let damaged = |reason: String| TeamError::DamagedSnapshot {
        what: kind.as_str(),
        reason,
    };
    if !(0..=MAX_FILE_BYTES).contains(&expected.bytes) {
        return Err(damaged(format!("it claims {} bytes", expected.bytes)));
    }
    // One snapshot of the server's data for every chunk.
    let mut tx = reading(conn, place)?;
    let chunks: i32 = tx
        .query_one(
            "SELECT chunks FROM kartoteka.snapshot_file WHERE snapshot = $1 AND kind = $2",
            &[&snapshot, &kind.as_str()],
        )
        .map_err(pg(place))?
        .get(0);
    // As many chunks as the length needs: no more (empty ones could make
    // the loop below run for ever), no fewer.
    if chunks.max(0) as u64 != (expected.bytes as u64).div_ceil(CHUNK_BYTES as u64) {
        return Err(damaged(format!(
            "it claims {chunks} chunks for {} bytes",
            expected.bytes
        )));
    }
    // The length first and at most one chunk's bytes: a chunk of a
    // gigabyte is refused without crossing the network or filling memory.
    let select = tx
        .prepare(
            "SELECT octet_length(data)::bigint, substring(data FROM 1 FOR $4)
             FROM kartoteka.snapshot_chunk WHERE snapshot = $1 AND kind = $2 AND n = $3",
        )
        .map_err(pg(place))?;
    let most = CHUNK_BYTES as i32;
    let mut hasher = blake3::Hasher::new();
    let mut written: i64 = 0;
    for n in 0..chunks.max(0) {
        let row = tx
            .query_opt(&select, &[&snapshot, &kind.as_str(), &n, &most])
            .map_err(pg(place))?
            .ok_or_else(|| damaged(format!("chunk {n} of {chunks} is missing")))?;
        let length: i64 = row.get(0);
        let data: &[u8] = row.get(1);
        if length > CHUNK_BYTES as i64 || data.len() > CHUNK_BYTES {
            return Err(damaged(format!(
                "chunk {n} holds {length} bytes, more than a chunk may ({CHUNK_BYTES})"
            )));
        }
        written += data.len() as i64;
        if written > expected.bytes {
            return Err(damaged(format!(
                "it holds more than the {} bytes it should",
                expected.bytes
            )));
        }
        hasher.update(data);
        out.write_all(data).map_err(|e| TeamError::Local {
            what: "the snapshot being received".into(),
            reason: e.to_string(),
        })?;
    }
    tx.commit().map_err(pg(place))?;
    if written != expected.bytes {
        return Err(damaged(format!(
            "it holds {written} bytes where it should hold {}",
            expected.bytes
        )));
    }
    if hasher.finalize().to_hex().as_str() != expected.blake3 {
        return Err(damaged(
            "its BLAKE3 hash is not the one stored with it".into(),
        ));
    }
    Ok(())
}

/// The team's members, first joined first.
pub fn members(conn: &mut Connection, place: &Place) -> Result<Vec<Member>, TeamError> {
    let rows = conn
        .client()
        .query(
            &format!(
                "SELECT replica, author, role,
                        to_char(joined AT TIME ZONE 'UTC', {UTC}),
                        to_char(last_seen AT TIME ZONE 'UTC', {UTC})
                 FROM kartoteka.member ORDER BY joined, replica"
            ),
            &[],
        )
        .map_err(pg(place))?;
    Ok(rows
        .iter()
        .map(|r| Member {
            replica: r.get(0),
            author: r.get(1),
            role: r.get(2),
            joined: r.get(3),
            last_seen: r.get(4),
        })
        .collect())
}

/// The highest of `replica`'s operation numbers any of the snapshots
/// holds (0 for none).
pub fn held_in_snapshots(snapshots: &[Snapshot], replica: &str) -> i64 {
    snapshots
        .iter()
        .flat_map(|s| &s.includes)
        .filter(|i| i.replica == replica)
        .map(|i| i.up_to_seq)
        .max()
        .unwrap_or(0)
}

/// The team's snapshots, newest first.
pub fn snapshots(conn: &mut Connection, place: &Place) -> Result<Vec<Snapshot>, TeamError> {
    let client = conn.client();
    let rows = client
        .query(
            &format!(
                "SELECT s.id, to_char(s.made AT TIME ZONE 'UTC', {UTC}), s.made_by,
                        s.catalogue_version, s.photos,
                        c.bytes, c.blake3, t.bytes, t.blake3
                 FROM kartoteka.snapshot s
                 JOIN kartoteka.snapshot_file c ON c.snapshot = s.id AND c.kind = 'catalogue'
                 JOIN kartoteka.snapshot_file t ON t.snapshot = s.id AND t.kind = 'thumbnails'
                 ORDER BY s.id DESC"
            ),
            &[],
        )
        .map_err(pg(place))?;
    let mut snapshots = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.get(0);
        let includes = client
            .query(
                "SELECT replica, up_to_seq FROM kartoteka.snapshot_includes
                 WHERE snapshot = $1 ORDER BY replica",
                &[&id],
            )
            .map_err(pg(place))?
            .iter()
            .map(|i| Included {
                replica: i.get(0),
                up_to_seq: i.get(1),
            })
            .collect();
        snapshots.push(Snapshot {
            id,
            made: r.get(1),
            made_by: r.get(2),
            catalogue_version: r.get(3),
            photos: r.get(4),
            catalogue: FileFacts {
                bytes: r.get(5),
                blake3: r.get(6),
            },
            thumbnails: FileFacts {
                bytes: r.get(7),
                blake3: r.get(8),
            },
            includes,
        });
    }
    Ok(snapshots)
}

/// The advisory lock a push holds until it commits. Pushes take turns, so
/// operations become visible in the order of their positions: a member
/// that has pulled up to one position never misses an earlier one that
/// commits later.
const PUSH_LOCK: i64 = 0x4B52_544B_5055_5348; // "KRTKPUSH"

/// The channel a push notifies (`LISTEN kartoteka_operation`): members
/// whose window is open sync at once instead of at their next look.
pub const NOTIFY_CHANNEL: &str = "kartoteka_operation";

/// Listens on [`NOTIFY_CHANNEL`] on this connection.
pub fn listen(conn: &mut Connection, place: &Place) -> Result<(), TeamError> {
    // LISTEN takes a name, not a parameter; the name is a constant.
    conn.client()
        .batch_execute("LISTEN kartoteka_operation")
        .map_err(pg(place))
}

/// Waits at most `limit` for a push to be notified on this connection
/// (after [`listen`]); true when one was, with any others that came.
pub fn notified(
    conn: &mut Connection,
    place: &Place,
    limit: std::time::Duration,
) -> Result<bool, TeamError> {
    use postgres::fallible_iterator::FallibleIterator;
    let mut notifications = conn.client().notifications();
    let heard = notifications
        .timeout_iter(limit)
        .next()
        .map_err(pg(place))?
        .is_some();
    if heard {
        // Whatever else came meanwhile is taken at once.
        notifications.iter().count().map_err(pg(place))?;
    }
    Ok(heard)
}

/// The most bytes of one operation's steps taken from the server: a
/// caption on a few hundred thousand photos. A larger one is refused
/// without crossing the network.
pub const MAX_STEPS_BYTES: i64 = 256 << 20;

/// The most bytes of steps one pull brings at a time.
const PULL_BATCH_BYTES: i64 = 64 << 20;

/// The most operations one pull brings at a time.
const PULL_BATCH_OPERATIONS: i64 = 1_000;

/// Stores this replica's operations (in order, from its oldest unsent one)
/// and returns where each stands in the server's order: `(seq, pos)`.
/// Operations the server already has (from a push whose answer was lost)
/// are not stored again; their places are returned too. A role that may
/// not push, or a replica that is not a member as this role, is refused
/// with nothing stored.
pub fn push(
    conn: &mut Connection,
    place: &Place,
    replica: &str,
    operations: &[Shared],
) -> Result<Vec<(i64, i64)>, TeamError> {
    let Some(first) = operations.first() else {
        return Ok(Vec::new());
    };
    let mut tx = pushing(conn, place, replica, "kartoteka.operation")?;
    let mut placed: Vec<(i64, i64)> = tx
        .query(
            "SELECT seq, pos FROM kartoteka.operation WHERE replica = $1 AND seq >= $2 ORDER BY seq",
            &[&replica, &first.seq],
        )
        .map_err(pg(place))?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let have = placed.last().map_or(0, |p| p.0);
    let insert = tx
        .prepare(
            "INSERT INTO kartoteka.operation
                 (replica, seq, hlc, seen, author, source, summary, steps)
             VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::text)::jsonb)
             RETURNING pos",
        )
        .map_err(pg(place))?;
    for op in operations.iter().filter(|op| op.seq > have) {
        let steps = serde_json::to_string(&op.steps).map_err(|e| TeamError::Local {
            what: format!("operation {}", op.seq),
            reason: e.to_string(),
        })?;
        let pos: i64 = tx
            .query_one(
                &insert,
                &[
                    &op.replica,
                    &op.seq,
                    &op.hlc,
                    &op.seen,
                    &op.author,
                    &op.source,
                    &op.summary,
                    &steps,
                ],
            )
            .map_err(pg(place))?
            .get(0);
        placed.push((op.seq, pos));
    }
    if placed.last().is_some_and(|p| p.0 > have) {
        // Every member's window listening hears of it once this commits.
        tx.execute("SELECT pg_notify($1, '')", &[&NOTIFY_CHANNEL])
            .map_err(pg(place))?;
    }
    tx.commit().map_err(pg(place))?;
    Ok(placed)
}

/// A transaction that may add to `table` as `replica`, holding the push
/// lock, so that the server's order is the order pushes commit in. A role
/// that may not push, or a replica that is not a member as this role, is
/// refused.
fn pushing<'c>(
    conn: &'c mut Connection,
    place: &Place,
    replica: &str,
    table: &str,
) -> Result<postgres::Transaction<'c>, TeamError> {
    let mut tx = conn.client().transaction().map_err(pg(place))?;
    let (may, member): (bool, bool) = {
        let row = tx
            .query_one(
                "SELECT has_table_privilege($1, 'INSERT'),
                        EXISTS (SELECT 1 FROM kartoteka.member
                                WHERE replica = $2 AND role = current_user)",
                &[&table, &replica],
            )
            .map_err(pg(place))?;
        (row.get(0), row.get(1))
    };
    if !may || !member {
        return Err(TeamError::MayNotPush {
            role: place.role.clone(),
            server: place.server.clone(),
            may_write: may,
        });
    }
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUSH_LOCK])
        .map_err(pg(place))?;
    Ok(tx)
}

/// A photo as it goes to and comes from the server, with its thumbnail.
pub type PhotoWithThumbnail = (SharedPhoto, Option<Thumbnail>);

/// One photo as a pull brings it: its place on the server, and the photo,
/// or why it was refused.
pub type PulledPhoto = (i64, Result<PhotoWithThumbnail, String>);

/// Stores photos this replica imported, with their thumbnails. A photo or
/// thumbnail the server has already (from a push whose answer was lost,
/// or the same content from another member) is not stored again.
pub fn push_photos(
    conn: &mut Connection,
    place: &Place,
    replica: &str,
    photos: &[PhotoWithThumbnail],
) -> Result<(), TeamError> {
    if photos.is_empty() {
        return Ok(());
    }
    let mut tx = pushing(conn, place, replica, "kartoteka.photo")?;
    let insert = tx
        .prepare(
            "INSERT INTO kartoteka.photo (replica, photo, path, sidecar, facts)
             VALUES ($1, $2, $3, $4, ($5::text)::jsonb)
             ON CONFLICT (replica, photo) DO NOTHING",
        )
        .map_err(pg(place))?;
    let thumbnail = tx
        .prepare(
            "INSERT INTO kartoteka.thumbnail (hash, width, height, jpeg) VALUES ($1, $2, $3, $4)
             ON CONFLICT (hash) DO NOTHING",
        )
        .map_err(pg(place))?;
    for (photo, thumb) in photos {
        let facts = serde_json::to_string(&photo.facts).map_err(|e| TeamError::Local {
            what: format!("photo {}", photo.photo),
            reason: e.to_string(),
        })?;
        let path = crate::catalog::path_to_bytes(&photo.path);
        let sidecar = photo.sidecar.as_deref().map(crate::catalog::path_to_bytes);
        tx.execute(&insert, &[&replica, &photo.photo, &path, &sidecar, &facts])
            .map_err(pg(place))?;
        if let Some(t) = thumb {
            let hash = crate::catalog::sync::content_hash(&photo.photo);
            tx.execute(
                &thumbnail,
                &[&hash, &(t.width as i32), &(t.height as i32), &t.jpeg],
            )
            .map_err(pg(place))?;
        }
    }
    tx.execute("SELECT pg_notify($1, '')", &[&NOTIFY_CHANNEL])
        .map_err(pg(place))?;
    tx.commit().map_err(pg(place))
}

/// The longest path taken from the server, in bytes.
const MAX_PATH_BYTES: i32 = 4_096;

/// The most bytes of one photo's facts taken from the server: every
/// descriptive field and raw tag at the most import keeps.
pub const MAX_FACTS_BYTES: i32 = 8 << 20;

/// The most bytes of one thumbnail taken from the server.
pub const MAX_THUMBNAIL_BYTES: i32 = 2 << 20;

/// The photos other members pushed after position `after`, at most
/// `limit`, by place and name: a replica asks for the ones it lacks.
pub fn photos_after(
    conn: &mut Connection,
    place: &Place,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, String)>, TeamError> {
    let mut tx = reading(conn, place)?;
    let rows = tx
        .query(
            "SELECT pos, left(photo, 80) FROM kartoteka.photo WHERE pos > $1 ORDER BY pos LIMIT $2",
            &[&after, &limit],
        )
        .map_err(pg(place))?;
    tx.commit().map_err(pg(place))?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// The photos at these positions, with their thumbnails, each checked as
/// data (its sizes, its facts' form) or refused with why; what they say is
/// checked as they are added.
pub fn photos_at(
    conn: &mut Connection,
    place: &Place,
    positions: &[i64],
) -> Result<Vec<PulledPhoto>, TeamError> {
    let mut tx = reading(conn, place)?;
    // Every value is cut one past its limit, so that an overlong one is
    // refused without the whole of it crossing the network.
    let rows = tx
        .query(
            "SELECT p.pos, left(p.photo, 80),
                    CASE WHEN octet_length(p.path) <= $2 THEN p.path END,
                    CASE WHEN octet_length(p.sidecar) <= $2 THEN p.sidecar END,
                    p.sidecar IS NOT NULL,
                    CASE WHEN octet_length(p.facts::text) <= $3 THEN p.facts::text END,
                    t.width, t.height,
                    CASE WHEN octet_length(t.jpeg) <= $4 THEN t.jpeg END
             FROM kartoteka.photo p
             LEFT JOIN kartoteka.thumbnail t ON t.hash = split_part(p.photo, '#', 1)
             WHERE p.pos = ANY($1) ORDER BY p.pos",
            &[
                &positions,
                &MAX_PATH_BYTES,
                &MAX_FACTS_BYTES,
                &MAX_THUMBNAIL_BYTES,
            ],
        )
        .map_err(pg(place))?;
    tx.commit().map_err(pg(place))?;
    Ok(rows
        .iter()
        .map(|r| {
            let pos: i64 = r.get(0);
            let name = super::connect::one_line(&r.get::<_, String>(1));
            let photo = (|| {
                let path: Vec<u8> = r
                    .get::<_, Option<Vec<u8>>>(2)
                    .ok_or("its path is longer than any a file system gives")?;
                let sidecar: Option<Vec<u8>> = r.get(3);
                if r.get::<_, bool>(4) && sidecar.is_none() {
                    return Err("its sidecar's path is longer than any a file system gives".into());
                }
                let facts: String = r.get::<_, Option<String>>(5).ok_or(format!(
                    "its facts are more than the {MAX_FACTS_BYTES} bytes a photo may have"
                ))?;
                let facts = serde_json::from_str::<PhotoFacts>(&facts)
                    .map_err(|e| format!("its facts are not facts this Kartoteka knows ({e})"))?;
                let thumbnail = match (r.get::<_, Option<i32>>(6), r.get::<_, Option<i32>>(7)) {
                    (Some(width), Some(height)) => Some(
                        r.get::<_, Option<Vec<u8>>>(8)
                            .zip(u32::try_from(width).ok())
                            .zip(u32::try_from(height).ok())
                            .map(|((jpeg, width), height)| Thumbnail {
                                width,
                                height,
                                jpeg,
                            })
                            .ok_or("its thumbnail is larger than any Kartoteka makes")?,
                    ),
                    _ => None,
                };
                Ok::<_, String>((
                    SharedPhoto {
                        photo: r.get(1),
                        path: crate::catalog::path_from_bytes(path),
                        sidecar: sidecar.map(crate::catalog::path_from_bytes),
                        facts,
                    },
                    thumbnail,
                ))
            })()
            .map_err(|why| format!("photo {name}: {why}"));
            (pos, photo)
        })
        .collect())
}

/// Notes that this replica's member synced now, for `team status`. A role
/// the administrator did not let update members (or a read-only one, not
/// a member) syncs all the same.
pub fn heard_from(conn: &mut Connection, replica: &str) {
    // Outside a transaction, a refused update leaves nothing to roll back.
    let _ = conn.client().execute(
        "UPDATE kartoteka.member SET last_seen = now() WHERE replica = $1",
        &[&replica],
    );
}

/// One operation as a pull brings it: its place on the server, and the
/// operation, or why it was refused.
pub type Pulled = (i64, Result<Shared, String>);

/// The operations after position `after`, in the server's order: at most
/// a batch (by count and by bytes), and at least one. Each is checked as
/// data (its lengths, its steps' form); what they mean is checked as
/// they are merged.
pub fn pull(conn: &mut Connection, place: &Place, after: i64) -> Result<Vec<Pulled>, TeamError> {
    let mut tx = reading(conn, place)?;
    // The sizes first: a batch holds what fits in its bytes.
    let sizes: Vec<(i64, i64)> = tx
        .query(
            "SELECT pos, octet_length(steps::text)::bigint FROM kartoteka.operation
             WHERE pos > $1 ORDER BY pos LIMIT $2",
            &[&after, &PULL_BATCH_OPERATIONS],
        )
        .map_err(pg(place))?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut budget = PULL_BATCH_BYTES;
    let mut last = after;
    for (n, (pos, bytes)) in sizes.iter().enumerate() {
        let bytes = (*bytes).min(MAX_STEPS_BYTES);
        if n > 0 && bytes > budget {
            break;
        }
        budget -= bytes;
        last = *pos;
    }
    if last == after {
        return Ok(Vec::new());
    }
    // Every text is cut one past its limit, so that an overlong one is
    // refused without the whole of it crossing the network.
    let rows = tx
        .query(
            "SELECT pos, left(replica, 33), seq, hlc, seen, left(author, 801), left(source, 21),
                    left(summary, $3 + 1),
                    CASE WHEN octet_length(steps::text) <= $4::bigint THEN steps::text END,
                    octet_length(steps::text)::bigint
             FROM kartoteka.operation WHERE pos > $1 AND pos <= $2 ORDER BY pos",
            &[
                &after,
                &last,
                &(crate::catalog::sync::MAX_SUMMARY_BYTES as i32),
                &MAX_STEPS_BYTES,
            ],
        )
        .map_err(pg(place))?;
    tx.commit().map_err(pg(place))?;
    Ok(rows
        .iter()
        .map(|r| {
            let pos: i64 = r.get(0);
            let seq: i64 = r.get(2);
            let replica: String = r.get(1);
            let steps: Option<String> = r.get(8);
            let bytes: i64 = r.get(9);
            let op = match steps {
                None => Err(format!(
                    "operation {seq} of replica {}: its steps are {bytes} bytes, more than the \
                     {MAX_STEPS_BYTES} an operation may have",
                    super::connect::one_line(&replica)
                )),
                Some(text) => match serde_json::from_str::<Vec<SharedStep>>(&text) {
                    Err(e) => Err(format!(
                        "operation {seq} of replica {}: its steps are not steps this Kartoteka \
                         knows ({e})",
                        super::connect::one_line(&replica)
                    )),
                    Ok(steps) => Ok(Shared {
                        replica,
                        seq,
                        hlc: r.get(3),
                        seen: r.get(4),
                        author: r.get(5),
                        source: r.get(6),
                        summary: r.get(7),
                        steps,
                    }),
                },
            };
            (pos, op)
        })
        .collect())
}
