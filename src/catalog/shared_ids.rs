//! Claims and sources by the names a team's replicas share.
//!
//! A claim or source has this catalogue's own id, which another replica's
//! copy of it does not have. Every one also has a shared name, kept in
//! `shared_id`: "replica:id" after the replica that made it, given when it
//! is first written and kept when it goes (a change that comes later still
//! knows it, and no new one takes its id). With it, the latest operation
//! that changed it by name (a claim added, edited, preferred or removed;
//! a source added, edited or removed), by hybrid logical clock and replica
//! id: a change older than that, merged later, is superseded.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;

/// What a shared name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Claim,
    Source,
}

impl Kind {
    /// Its table's name, which is also its kind in `shared_id`.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
        }
    }
}

/// When an operation was made, as merging orders operations: by the
/// hybrid logical clock, then by replica id.
pub type Stamp = (i64, String);

/// Gives a claim or source written here for the first time its shared
/// name, "this replica:id"; one that has a name keeps it.
pub fn name_new(conn: &Connection, kind: Kind, id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO shared_id (kind, id, uid)
         VALUES (?1, ?2, (SELECT id FROM local_replica) || ':' || ?2)",
    )?
    .execute(params![kind.table(), id])?;
    Ok(())
}

/// Gives the claim or source about to be written as `id` the shared name
/// `uid` (one that came from another replica, or a name made the same on
/// every replica).
pub fn name(conn: &Connection, kind: Kind, id: i64, uid: &str) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO shared_id (kind, id, uid) VALUES (?1, ?2, ?3)")?
        .execute(params![kind.table(), id, uid])?;
    Ok(())
}

/// The shared name of a claim or source of this catalogue.
pub fn uid_of(conn: &Connection, kind: Kind, id: i64) -> Result<String> {
    let uid: Option<String> = conn
        .prepare_cached("SELECT uid FROM shared_id WHERE kind = ?1 AND id = ?2")?
        .query_row(params![kind.table(), id], |r| r.get(0))
        .optional()?;
    match uid {
        Some(uid) => Ok(uid),
        // Not written yet in this transaction: named as it will be.
        None => Ok(conn
            .prepare_cached("SELECT id || ':' || ?1 FROM local_replica")?
            .query_row([id], |r| r.get(0))?),
    }
}

/// This catalogue's id for a shared name, whether or not the claim or
/// source is still here, and the stamp of the latest change to it by name.
pub fn local(conn: &Connection, kind: Kind, uid: &str) -> Result<Option<(i64, Option<Stamp>)>> {
    Ok(conn
        .prepare_cached("SELECT id, hlc, replica FROM shared_id WHERE kind = ?1 AND uid = ?2")?
        .query_row(params![kind.table(), uid], |r| {
            let stamp = match (r.get::<_, Option<i64>>(1)?, r.get(2)?) {
                (Some(hlc), Some(replica)) => Some((hlc, replica)),
                _ => None,
            };
            Ok((r.get(0)?, stamp))
        })
        .optional()?)
}

/// The stamp of the latest change to this catalogue's claim or source `id`
/// by name; `None` for one no operation has changed since it came.
pub fn stamp_of(conn: &Connection, kind: Kind, id: i64) -> Result<Option<Stamp>> {
    Ok(conn
        .prepare_cached(
            "SELECT hlc, replica FROM shared_id
             WHERE kind = ?1 AND id = ?2 AND hlc IS NOT NULL AND replica IS NOT NULL",
        )?
        .query_row(params![kind.table(), id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Notes that operation `operation` changed claim or source `id` by name.
pub fn stamp(conn: &Connection, kind: Kind, id: i64, operation: i64) -> Result<()> {
    conn.prepare_cached(
        "UPDATE shared_id SET (hlc, replica) =
             (SELECT hlc, replica FROM edit_operation WHERE id = ?3)
         WHERE kind = ?1 AND id = ?2",
    )?
    .execute(params![kind.table(), id, operation])?;
    Ok(())
}

/// The largest id a claim or source has had here, gone or not.
pub fn largest_id(conn: &Connection, kind: Kind) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT ifnull(max(id), 0) FROM shared_id WHERE kind = ?1")?
        .query_row([kind.table()], |r| r.get(0))?)
}

/// Notes the source (by shared name) that the latest change by name of
/// claim `id` has it cite.
pub fn set_cites(conn: &Connection, claim: i64, source: Option<&str>) -> Result<()> {
    conn.prepare_cached("UPDATE shared_id SET cites = ?2 WHERE kind = 'claim' AND id = ?1")?
        .execute(params![claim, source])?;
    Ok(())
}

/// The claims here whose latest change by name has them cite the source
/// named `source`.
pub fn citing(conn: &Connection, source: &str) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM shared_id WHERE kind = 'claim' AND cites = ?1")?
        .query_map([source], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
