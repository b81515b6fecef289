//! The full-text index (`photo_fts`), kept in step with the photos.
//!
//! Every write path that changes what a photo says (import, edits,
//! templates, keyword renames and merges, undo) calls [`reindex`] for the
//! photos it touched, inside its own transaction, so the index is never
//! stale and never rebuilt per query. The keywords column holds each
//! keyword's name, its full path and the synonyms along that path, so
//! searching for a synonym or for a broader term finds the photo.

use rusqlite::{Connection, ToSql};

use super::Result;
use super::keywords::{self, KeywordTree};
use crate::photo::{Attribute, Field, Photo, PhotoId};

/// Whether a photo's entry in the index holds this attribute's text (its
/// keywords are read from its links to the keyword tree).
pub fn indexes(attribute: Attribute) -> bool {
    match attribute {
        Attribute::Field(field) => !matches!(
            field,
            Field::CountryCode | Field::DateCreated | Field::DigitalSourceType
        ),
        Attribute::Note => true,
        Attribute::Rating | Attribute::Flag | Attribute::Label => false,
    }
}

/// What the index holds for one photo: the texts of its columns, in the
/// table's order but for the keywords, which come last.
pub struct Entry {
    texts: [String; 17],
    keywords: String,
}

impl Entry {
    /// The entry of a photo as it is in memory, with its keyword links as
    /// stored: what [`reindex`] would read back from the catalogue after
    /// the photo was written.
    pub fn of(photo: &Photo, tree: &KeywordTree, links: &[keywords::Link]) -> Self {
        let d = &photo.description;
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        // The catalogue's file_name column is written from the path, so.
        let file_name = photo
            .file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Entry {
            texts: [
                text(&d.title),
                text(&d.headline),
                text(&d.caption),
                d.creators.join("; "),
                text(&d.credit),
                text(&d.copyright),
                text(&d.source),
                text(&d.instructions),
                text(&d.job_id),
                text(&d.sublocation),
                text(&d.city),
                text(&d.state),
                text(&d.country),
                text(&d.event),
                d.people.join("; "),
                file_name,
                text(&photo.curation.note),
            ],
            keywords: keyword_text(tree, links),
        }
    }
}

/// Recomputes the index rows of the given photos from the catalogue.
pub fn reindex(conn: &Connection, ids: &[PhotoId]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    reindex_with(conn, &KeywordTree::load(conn)?, ids)
}

/// [`reindex`] with the keyword tree as the catalogue holds it now, for a
/// caller that has it at hand: loading the tree costs more than indexing
/// a photo or two.
pub fn reindex_with(conn: &Connection, tree: &KeywordTree, ids: &[PhotoId]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable_by_key(|id| id.0);
    ids.dedup();
    let mut read = conn.prepare_cached(
        "SELECT title, headline, caption, creators, credit, copyright, source, instructions, job_id,
                sublocation, city, state, country, event, people, file_name, note
         FROM photo WHERE id = ?1",
    )?;
    let mut entries = Vec::with_capacity(ids.len());
    for id in ids {
        let row = read.query_row([id.0], |r| {
            let text = |i: usize| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default);
            // A damaged list is an error, not an empty index entry.
            let list = |i: usize| -> rusqlite::Result<String> {
                let json: String = r.get(i)?;
                serde_json::from_str::<Vec<String>>(&json)
                    .map(|items| items.join("; "))
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            i,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })
            };
            Ok([
                text(0)?,
                text(1)?,
                text(2)?,
                list(3)?,
                text(4)?,
                text(5)?,
                text(6)?,
                text(7)?,
                text(8)?,
                text(9)?,
                text(10)?,
                text(11)?,
                text(12)?,
                text(13)?,
                list(14)?,
                text(15)?,
                text(16)?,
            ])
        });
        let texts = match row {
            Ok(texts) => texts,
            // A photo deleted meanwhile keeps no entry.
            Err(rusqlite::Error::QueryReturnedNoRows) => {
                conn.prepare_cached("DELETE FROM photo_fts WHERE rowid = ?1")?
                    .execute([id.0])?;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let keywords = keyword_text(tree, &keywords::links_of(conn, id)?);
        entries.push((id, Entry { texts, keywords }));
    }
    write(conn, entries)
}

/// Replaces the index rows of these photos with these entries.
///
/// They are written in ascending order: FTS5 keeps new entries in memory
/// only while rowids ascend, and writes a segment to disk (and merges
/// segments) each time one goes back. A selection in the order the grid
/// shows it would otherwise cost a flush and a merge per photo.
pub fn write(conn: &Connection, mut entries: Vec<(PhotoId, Entry)>) -> Result<()> {
    entries.sort_by_key(|(id, _)| id.0);
    entries.dedup_by_key(|(id, _)| id.0);
    let mut delete = conn.prepare_cached("DELETE FROM photo_fts WHERE rowid = ?1")?;
    // The keywords column last, since its text is not in the photo row.
    let mut insert = conn.prepare_cached(
        "INSERT INTO photo_fts (rowid, title, headline, caption, creators, credit, copyright, source,
             instructions, job_id, sublocation, city, state, country, event, people, file_name, note,
             keywords)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    for (id, entry) in &entries {
        delete.execute([id.0])?;
        let mut bound: Vec<&dyn ToSql> = vec![&id.0];
        bound.extend(entry.texts.iter().map(|v| v as &dyn ToSql));
        bound.push(&entry.keywords);
        insert.execute(bound.as_slice())?;
    }
    Ok(())
}

/// Rebuilds the whole index (after a migration that creates it).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM photo_fts", [])?;
    let ids: Vec<PhotoId> = conn
        .prepare("SELECT id FROM photo")?
        .query_map([], |r| Ok(PhotoId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    reindex(conn, &ids)
}

/// Merges the index into one segment and drops the marks of deleted
/// entries: each edit adds segments and marks that every query then reads
/// past, so after much editing searches slow down until this runs.
pub fn optimize(conn: &Connection) -> Result<()> {
    conn.execute("INSERT INTO photo_fts (photo_fts) VALUES ('optimize')", [])?;
    Ok(())
}

/// Leaf pages one merge step writes at most: a few megabytes, so that a
/// command arriving meanwhile waits a few tens of milliseconds at most.
const MERGE_STEP_PAGES: i64 = 500;

/// Merges some of the index's segments, as FTS5 would have inside the
/// commit that wrote them (its automerge is off: see migration 0012).
/// Merges only a level holding at least four segments, FTS5's own rule.
/// Returns whether there was anything to merge; call it again until not.
pub fn merge_step(conn: &Connection) -> Result<bool> {
    let before = conn.total_changes();
    conn.execute(
        "INSERT INTO photo_fts (photo_fts, rank) VALUES ('merge', ?1)",
        [MERGE_STEP_PAGES],
    )?;
    // FTS5 documents this test: a merge that found nothing to do changes
    // fewer than two rows.
    Ok(conn.total_changes() - before >= 2)
}

/// Names, full paths and synonyms of a photo's keywords, and of the
/// keywords above them.
fn keyword_text(tree: &KeywordTree, links: &[keywords::Link]) -> String {
    let mut words: Vec<String> = Vec::new();
    for link in links {
        for id in tree.ancestry(link.keyword) {
            if let Some(name) = tree.name(id) {
                words.push(name.to_owned());
            }
            words.extend(tree.synonyms(id).iter().cloned());
        }
    }
    words.sort();
    words.dedup();
    words.join("; ")
}
