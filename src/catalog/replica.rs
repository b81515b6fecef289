//! This catalogue as one replica of a team catalogue: the id that tells its
//! operations from other replicas', and the author its operations record.
//!
//! The id is 128 random bits from the operating system, written as 32 hex
//! digits, made once when the catalogue is created or upgraded to schema
//! version 13. A copy of the file (a backup restored, a file copied by
//! hand) shares its id, and with it the numbering of its operations:
//! `team join` makes a new replica with an id of its own rather than trust
//! a copy (`Catalogue::become_new_replica` in `snapshot`). Nothing here
//! talks to a server.

use rusqlite::{Connection, OptionalExtension, functions::FunctionFlags};
use unicode_normalization::UnicodeNormalization;

use super::{CatalogError, Catalogue, Result};

/// The longest author name kept, in characters: room for any person's full
/// name and an affiliation, not for a document.
pub const MAX_AUTHOR_CHARS: usize = 200;

/// Why an author name was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthorError {
    #[error("an author's name cannot be empty")]
    Empty,
    #[error("an author's name is longer than the {MAX_AUTHOR_CHARS} characters it may have")]
    TooLong,
    #[error("an author's name is one line of text, without control characters")]
    ControlCharacter,
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
}

/// A new replica id: 128 bits from the operating system's random source,
/// as 32 lower-case hex digits.
pub fn new_replica_id() -> std::result::Result<String, getrandom::Error> {
    let mut bits = [0u8; 16];
    getrandom::fill(&mut bits)?;
    Ok(bits.iter().map(|b| format!("{b:02x}")).collect())
}

/// Gives the connection `kartoteka_new_replica_id()`, which the migration
/// that makes the catalogue's replica id calls.
pub(super) fn give_id_function(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "kartoteka_new_replica_id",
        0,
        FunctionFlags::SQLITE_UTF8,
        |_| new_replica_id().map_err(|e| rusqlite::Error::UserFunctionError(e.to_string().into())),
    )?;
    Ok(())
}

/// An author name as the catalogue keeps it: trimmed, composed (NFC), one
/// line, at most [`MAX_AUTHOR_CHARS`].
pub fn checked_author(name: &str) -> std::result::Result<String, AuthorError> {
    let name: String = name.trim().nfc().collect();
    if name.is_empty() {
        return Err(AuthorError::Empty);
    }
    if name.chars().any(char::is_control) {
        return Err(AuthorError::ControlCharacter);
    }
    if name.chars().count() > MAX_AUTHOR_CHARS {
        return Err(AuthorError::TooLong);
    }
    Ok(name)
}

/// This catalogue's replica id and author, as the history records them.
pub(super) fn local_replica(conn: &Connection) -> Result<(String, Option<String>)> {
    conn.prepare_cached("SELECT id, author FROM local_replica")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| {
            super::Invalid::DamagedHistory {
                what: "no replica id",
                field: "the catalogue".to_owned(),
            }
            .into()
        })
}

impl Catalogue {
    /// This catalogue's replica id: 32 hex digits, the same every time it
    /// is opened, shared by copies of the file.
    pub fn replica_id(&self) -> Result<String> {
        Ok(local_replica(&self.conn)?.0)
    }

    /// The author the catalogue's new operations record, if one is set.
    pub fn author(&self) -> Result<Option<String>> {
        Ok(local_replica(&self.conn)?.1)
    }

    /// Sets the author new operations record (`None`: none). Operations
    /// made before keep the author they were made by.
    pub fn set_author(&mut self, name: Option<&str>) -> std::result::Result<(), AuthorError> {
        let name = name.map(checked_author).transpose()?;
        let updated = self
            .conn
            .execute("UPDATE local_replica SET author = ?1", [name])
            .map_err(CatalogError::from)?;
        if updated == 0 {
            local_replica(&self.conn)?; // says what is missing
        }
        Ok(())
    }

    /// How many of this replica's operations come after its operation
    /// number `seq`: those a server that holds them up to `seq` lacks.
    pub fn own_operations_after(&self, seq: i64) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM edit_operation
             WHERE replica = (SELECT id FROM local_replica) AND seq > ?1",
            [seq],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// The URL of the team server this replica belongs to, once `team
    /// create` or `team join` has kept it.
    pub fn team_server(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT url FROM team_server", [], |r| r.get(0))
            .optional()?)
    }

    /// Keeps `url` as this replica's team server, in place of any before.
    /// The team module keeps only a URL without a password.
    pub fn keep_team_server(&mut self, url: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO team_server (only, url) VALUES (1, ?1)
             ON CONFLICT (only) DO UPDATE SET url = excluded.url",
            [url],
        )?;
        Ok(())
    }
}
