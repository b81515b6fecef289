//! Numbered schema migrations, tracked in `PRAGMA user_version`.
//!
//! A migration file is never edited once it has shipped: a change to the
//! schema is a new file at the end of [`MIGRATIONS`] and the same change to
//! `schema.sql`. (No published release of rusqlite_migration supports
//! rusqlite 0.41, which is why this short runner is our own.)

use rusqlite::Connection;

use super::{CatalogError, Result};

/// Every migration, in order. Index + 1 is the schema version it produces.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_catalogue.sql"),
    include_str!("migrations/0002_curation.sql"),
    include_str!("migrations/0003_contentless_search.sql"),
    include_str!("migrations/0004_history_of_everything.sql"),
    include_str!("migrations/0005_sources_and_claims.sql"),
    include_str!("migrations/0006_more_formats.sql"),
    include_str!("migrations/0007_claims_by_source.sql"),
    include_str!("migrations/0008_claim_marks.sql"),
    include_str!("migrations/0009_operation_deeds.sql"),
    include_str!("migrations/0010_change_log.sql"),
    include_str!("migrations/0011_search_index_memory.sql"),
    include_str!("migrations/0012_search_index_merges_apart.sql"),
    include_str!("migrations/0013_operation_identity.sql"),
    include_str!("migrations/0014_team_server.sql"),
    include_str!("migrations/0015_team_sync.sql"),
    include_str!("migrations/0016_shared_ids.sql"),
    include_str!("migrations/0017_shared_photos.sql"),
];

/// The schema version this build of Kartoteka writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Kartoteka's SQLite application id: "KRTK".
pub const APPLICATION_ID: i32 = 0x4B52_544B;

pub fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings a catalogue at any older version up to [`LATEST_VERSION`], one
/// transaction per migration, so a crash leaves it at a whole version.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, |_, _| Ok(()))
}

/// [`migrate`], calling `after(transaction, version)` inside each
/// migration's transaction once its SQL has run, for work SQL cannot do
/// (filling the search index from existing photos).
pub fn migrate_with(
    conn: &mut Connection,
    after: impl Fn(&rusqlite::Transaction<'_>, u32) -> Result<()>,
) -> Result<()> {
    migrate_up_to(conn, LATEST_VERSION, after)
}

/// Brings a catalogue up to schema version `target`, as an older
/// Kartoteka left it, for tests of what a migration does to its data.
#[cfg(test)]
pub(super) fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    migrate_up_to(conn, target, |_, _| Ok(()))
}

/// Brings a catalogue up to schema version `target` (a team snapshot's
/// checks build the schema a version should have this way).
pub(super) fn migrate_up_to(
    conn: &mut Connection,
    target: u32,
    after: impl Fn(&rusqlite::Transaction<'_>, u32) -> Result<()>,
) -> Result<()> {
    let current = user_version(conn)?;
    if current > LATEST_VERSION {
        return Err(CatalogError::NewerVersion {
            found: current,
            known: LATEST_VERSION,
        });
    }
    if current >= target {
        return Ok(());
    }
    // The migration that makes the catalogue's replica id takes it from
    // this function: 128 bits from the operating system's random source.
    super::replica::give_id_function(conn)?;
    // Each step reads the version again once it holds the write lock: a
    // second process opening a new catalogue at the same moment waits, and
    // then finds the work done.
    loop {
        let tx = conn.transaction()?;
        let current = user_version(&tx)?;
        if current >= target {
            return Ok(());
        }
        let version = current + 1;
        let sql = MIGRATIONS[current as usize];
        tx.execute_batch(sql).map_err(|e| CatalogError::Migration {
            version,
            reason: super::sqlite_message(&e),
        })?;
        if sql.contains("writable_schema") {
            // A definition rewritten in sqlite_schema: other connections
            // see the change only once the schema cookie moves on.
            let cookie: i64 = tx.pragma_query_value(None, "schema_version", |row| row.get(0))?;
            tx.pragma_update(None, "schema_version", cookie + 1)?;
        }
        after(&tx, version)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema as SQLite holds it, with comments and spacing removed so
    /// that a reformatted but equal definition compares equal.
    fn schema_of(conn: &Connection) -> Vec<(String, String, String)> {
        let mut stmt = conn
            .prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name")
            .unwrap();
        stmt.query_map([], |row| {
            let sql: String = row.get(2)?;
            Ok((row.get(0)?, row.get(1)?, normalise(&sql)))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    fn normalise(sql: &str) -> String {
        sql.lines()
            .map(|line| line.split("--").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("( ", "(")
            .replace(" )", ")")
            .replace(" ,", ",")
    }

    #[test]
    fn migrations_produce_schema_sql() {
        let mut migrated = Connection::open_in_memory().unwrap();
        migrate(&mut migrated).unwrap();
        assert_eq!(user_version(&migrated).unwrap(), LATEST_VERSION);

        let reference = Connection::open_in_memory().unwrap();
        let schema =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.sql")).unwrap();
        reference.execute_batch(&schema).unwrap();

        let (got, want) = (schema_of(&migrated), schema_of(&reference));
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "schema.sql and the migrations disagree");
        }
        assert_eq!(
            got.len(),
            want.len(),
            "schema.sql and the migrations define different objects"
        );
    }

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST_VERSION);
    }

    #[test]
    fn newer_catalogue_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(matches!(err, CatalogError::NewerVersion { .. }), "{err}");
        assert_eq!(user_version(&conn).unwrap(), LATEST_VERSION + 1);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }
}
