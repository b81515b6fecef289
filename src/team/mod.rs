//! The team catalogue's server side: a PostgreSQL database that several
//! archivists' local catalogues share.
//!
//! - [`connect`]: a URL, TLS through rustls with libpq's `sslmode`
//!   meanings, passwords from libpq's places ([`pgpass`]), one-line errors.
//! - [`server`]: the team catalogue's schema on the server and every SQL
//!   text sent there (parameters only).
//! - [`membership`]: `team create` (publish this catalogue as the team's
//!   first snapshot), `team join` (a new local replica from the newest
//!   snapshot, with [`roots`] saying where the shared store is mounted
//!   here), `team status`.
//!
//! - [`sync`]: `sync`, pushing this replica's operations and pulling and
//!   merging the other replicas' (the merge itself is the catalogue's,
//!   in `catalog::sync`).

pub mod connect;
mod deadline;
pub mod membership;
pub mod pgpass;
pub mod roots;
pub mod server;
pub mod sync;

use std::path::PathBuf;

use crate::catalog::CatalogError;
use crate::catalog::snapshot::{RelocateError, SnapshotError};

/// Why a team command failed. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error(transparent)]
    Connect(#[from] connect::ConnectError),
    #[error("database {database} on {server} already holds a team catalogue; nothing was changed")]
    AlreadyTeam { server: String, database: String },
    #[error(
        "database {database} on {server} already has a schema named \"kartoteka\" that is not a team \
         catalogue; nothing was changed"
    )]
    SchemaTaken { server: String, database: String },
    #[error(
        "role \"{role}\" may not create a team catalogue in database {database} on {server} (permission \
         denied to create a schema); nothing was changed"
    )]
    MayNotCreate {
        role: String,
        server: String,
        database: String,
    },
    #[error(
        "role \"{role}\" may not read the team catalogue in database {database} on {server} (permission \
         denied for schema kartoteka); the team's administrator grants it"
    )]
    MayNotRead {
        role: String,
        server: String,
        database: String,
    },
    #[error(
        "there is no team catalogue in database {database} on {server} (one is made with `kartoteka team create`)"
    )]
    NoTeam { server: String, database: String },
    #[error(
        "the team catalogue was made by a newer Kartoteka (server format {found}; this version knows up to {known})"
    )]
    NewerServer { found: i32, known: i32 },
    #[error("the team catalogue on {server} has no snapshot to join from")]
    NoSnapshot { server: String },
    #[error("the team's snapshot ({what}) is damaged: {reason}; nothing was written")]
    DamagedSnapshot { what: &'static str, reason: String },
    #[error("the team's snapshot ({what}) was refused: {reason}; nothing was written")]
    RefusedSnapshot {
        what: &'static str,
        // Not a `source`: the message says it already, once.
        reason: SnapshotError,
    },
    #[error(
        "the team's snapshot is {bytes} bytes, more than the {free} bytes free in {}; nothing was written",
        crate::text::printable_path(folder)
    )]
    TooLarge {
        bytes: u64,
        free: u64,
        folder: PathBuf,
    },
    #[error("{server}: {reason}")]
    Server { server: String, reason: String },
    #[error("{}", may_not_push(role, server, *may_write))]
    MayNotPush {
        role: String,
        server: String,
        /// Whether the role may write operations (and this replica is not
        /// a member as that role).
        may_write: bool,
    },
    #[error("{} already exists; team join makes a new catalogue and never replaces a file", .0.display())]
    Exists(PathBuf),
    #[error(
        "{} is where the team's photo {id} is on this machine; choose another place for the catalogue",
        crate::text::printable_path(path)
    )]
    OnPhoto { path: PathBuf, id: i64 },
    #[error("{what}: {reason}")]
    Local { what: String, reason: String },
    #[error(transparent)]
    Relocate(#[from] RelocateError),
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
}

fn may_not_push(role: &str, server: &str, may_write: bool) -> String {
    if !may_write {
        format!(
            "role \"{role}\" may only read the team catalogue on {server}: the operations made here \
             were not sent, and stay here"
        )
    } else {
        format!(
            "this replica is not a member of the team catalogue on {server} as role \"{role}\": the \
             operations made here were not sent, and stay here"
        )
    }
}
