//! Running a parsed search query: finding its photos through the full-text
//! index and the columns held in memory (`columns`), sorting them, and
//! counting facets.
//!
//! User text never reaches SQL or FTS syntax unescaped: words become quoted
//! FTS strings, everything else a bound parameter or a comparison in
//! memory. A query that parsed therefore always runs.
//!
//! Partial dates use overlap semantics: `date:1991-06` finds photos dated
//! June 1991 or any day in it, and also photos dated only "1991", which
//! might show June 1991. Those are marked as possible matches.

use std::cell::RefMut;

use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::claims::{self, Certainty};
use super::columns::{Columns, DateCondition, Ids};
use super::keywords::KeywordTree;
use super::{CatalogError, Catalogue, Result, split, sqlite_file};
use crate::photo::{Field, PhotoId};
use crate::search::{self, Cited, LikeField, Query, TextField};

/// What results are ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// Depicted date (undated last), then capture date.
    #[default]
    Depicted,
    /// Capture date (from the camera or scanner).
    Taken,
    /// The order photos were imported in.
    Imported,
    Title,
    /// Highest rating first.
    Rating,
    FileName,
    /// The order of the exhibition set the query names with `set:`.
    SetOrder,
    /// A descriptive text field (lists by their first item), case- and
    /// accent-blind, empty last.
    Text(Field),
    /// The photo's keywords, as listed.
    Keywords,
    /// Camera make and model.
    Camera,
    /// The catalogue note.
    Note,
}

impl SortKey {
    pub const NAMES: &[(&'static str, SortKey)] = &[
        ("date", SortKey::Depicted),
        ("taken", SortKey::Taken),
        ("imported", SortKey::Imported),
        ("title", SortKey::Title),
        ("rating", SortKey::Rating),
        ("file", SortKey::FileName),
        ("set", SortKey::SetOrder),
        ("headline", SortKey::Text(Field::Headline)),
        ("caption", SortKey::Text(Field::Caption)),
        ("creator", SortKey::Text(Field::Creators)),
        ("credit", SortKey::Text(Field::Credit)),
        ("copyright", SortKey::Text(Field::Copyright)),
        ("source", SortKey::Text(Field::Source)),
        ("event", SortKey::Text(Field::Event)),
        ("people", SortKey::Text(Field::People)),
        ("sublocation", SortKey::Text(Field::Sublocation)),
        ("city", SortKey::Text(Field::City)),
        ("state", SortKey::Text(Field::State)),
        ("country", SortKey::Text(Field::Country)),
        ("keywords", SortKey::Keywords),
        ("camera", SortKey::Camera),
        ("note", SortKey::Note),
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| *k)
    }

    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("date", |(n, _)| n)
    }

    /// Every name `--sort` takes, for messages.
    pub fn names() -> String {
        Self::NAMES
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An order of results: a key, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sort {
    pub key: SortKey,
    /// Reversed; photos with no value for the key still come last.
    pub descending: bool,
}

impl From<SortKey> for Sort {
    fn from(key: SortKey) -> Self {
        Sort {
            key,
            descending: false,
        }
    }
}

impl Sort {
    /// `date` ascending, `-date` descending.
    pub fn parse(text: &str) -> Result<Sort, SearchError> {
        let text = text.trim();
        let (name, descending) = match text.strip_prefix('-') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        SortKey::from_name(name)
            .map(|key| Sort { key, descending })
            .ok_or_else(|| {
                QueryRefused::NoSuchSort {
                    name: text.to_owned(),
                }
                .into()
            })
    }
}

impl std::fmt::Display for Sort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.descending {
            f.write_str("-")?;
        }
        f.write_str(self.key.name())
    }
}

/// One photo found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: PhotoId,
    /// The photo's depicted (or capture) date only overlaps the period asked
    /// for: it may or may not show it.
    pub possible: bool,
}

/// Counts of what the current result holds, for narrowing it down.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Facets {
    pub keywords: Vec<(String, u64)>,
    pub creators: Vec<(String, u64)>,
    pub years: Vec<(String, u64)>,
    /// Photos with no depicted date.
    pub undated: u64,
    pub cities: Vec<(String, u64)>,
    pub cameras: Vec<(String, u64)>,
    /// Photos with each field disputed, by the field's name.
    pub disputed: Vec<(String, u64)>,
}

/// Why a query could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Parse(#[from] search::QueryError),
    #[error("{0}")]
    Query(#[from] QueryRefused),
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
}

/// Why a query that parses cannot run, with what it names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryRefused {
    #[error(
        "no sort order named {name:?}; sort by {} (a leading - reverses)",
        SortKey::names()
    )]
    NoSuchSort { name: String },
    /// A term with nothing the full-text index can find, built in code.
    #[error("'{term}' has no letters or digits to search for")]
    NoWords { term: String },
    #[error("cites:{words} has no words to look for in the sources")]
    CitesNoWords { words: String },
    #[error("no set or saved search named \"{name}\"")]
    NoSuchSetOrSearch { name: String },
    #[error("saved search \"{name}\" refers to itself through other saved searches")]
    SavedSearchLoop { name: String },
    /// A saved search whose stored query no longer parses.
    #[error("saved search \"{name}\": {error}")]
    SavedSearchDoesNotParse {
        name: String,
        error: search::QueryError,
    },
    #[error("sorting by set order needs a set: filter naming an exhibition set")]
    SetOrderNeedsSet,
}

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> Self {
        SearchError::Catalogue(e.into())
    }
}

/// Full-text searches of catalogues with at least this many photos are
/// split by photo id among the processor's cores ([`split`]): a word in a
/// fifth of a million photos took 19 ms read whole, most of it stepping
/// SQLite from row to row.
const SPLIT_FULL_TEXT: usize = 100_000;

/// Saved searches may name other saved searches; this deep is a loop.
const MAX_NESTING: usize = 8;

/// Works a query out to the set of photos it finds. Words go to the
/// full-text index and `path:`, `camera:`, `lens:` and `set:` to SQL; the
/// rest is answered from the columns held in memory.
struct Evaluator<'a> {
    catalogue: &'a Catalogue,
    columns: &'a Columns,
    tree: Option<KeywordTree>,
    /// Date conditions of the top level, under which a match is exact.
    exact: Vec<DateCondition>,
    /// The set the query is limited to at its top level, for set order.
    set: Option<i64>,
    depth: usize,
}

impl Evaluator<'_> {
    fn tree(&mut self) -> Result<&KeywordTree, SearchError> {
        if self.tree.is_none() {
            self.tree = Some(KeywordTree::load(&self.catalogue.conn)?);
        }
        Ok(self.tree.get_or_insert_with(KeywordTree::default))
    }

    /// The photos among `within` a statement with one parameter returns.
    fn sql(&self, sql: &str, param: Value, within: &Ids) -> Result<Ids, SearchError> {
        let mut stmt = self.catalogue.conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map([param], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(self.columns.restrict(ids, within))
    }

    /// The photos among `within` that the query finds. `top` is true while
    /// still in the top-level conjunction, where a date filter decides
    /// whether a match is exact or possible.
    fn eval(&mut self, query: &Query, top: bool, within: &Ids) -> Result<Ids, SearchError> {
        let columns = self.columns;
        Ok(match query {
            Query::All => within.clone(),
            Query::And(parts) => {
                // Words go to the full-text index as one expression, so it
                // intersects them itself; the other parts then only look at
                // the photos found so far.
                let words: Vec<String> = parts.iter().filter_map(fts_expression).collect();
                let mut found = if words.is_empty() {
                    within.clone()
                } else {
                    self.full_text(&words.join(" AND "), within)?
                };
                for part in parts.iter().filter(|p| fts_expression(p).is_none()) {
                    found = self.eval(part, top, &found)?;
                }
                found
            }
            Query::Or(parts) => {
                let mut found = columns.none();
                for part in parts {
                    found.union_with(&self.eval(part, false, within)?);
                }
                found
            }
            Query::Not(inner) => {
                let mut found = within.clone();
                found.difference_with(&self.eval(inner, false, within)?);
                found
            }
            Query::Text(text) | Query::Field(_, text) => match fts_expression(query) {
                Some(expression) => self.full_text(&expression, within)?,
                // A term with no letters or digits has nothing to find; it
                // must never mean "every photo" (the parser refuses it; a
                // query built in code gets the same answer).
                None => {
                    return Err(QueryRefused::NoWords {
                        term: text.text.clone(),
                    }
                    .into());
                }
            },
            Query::Like(field, value) => {
                let column = match field {
                    LikeField::Path => "CAST(path AS TEXT)",
                    LikeField::Camera => {
                        "(ifnull(camera_make, '') || ' ' || ifnull(camera_model, ''))"
                    }
                    LikeField::Lens => "lens",
                };
                self.sql(
                    &format!("SELECT id FROM photo WHERE {column} LIKE ?1 ESCAPE '\\'"),
                    Value::Text(format!("%{}%", escape_like(value))),
                    within,
                )?
            }
            Query::Keyword(term) => {
                let tree = self.tree()?;
                let ids: Vec<i64> = tree
                    .matching(term)
                    .into_iter()
                    .flat_map(|id| tree.subtree(id))
                    .collect();
                columns.keywords(&ids, within)
            }
            Query::Date(field, range) => {
                if top && (range.from.is_some() || range.to.is_some()) {
                    self.exact.push(DateCondition::new(*field, range));
                }
                columns.date(*field, range, within)
            }
            Query::Rating(cmp, n) => columns.rating(*cmp, *n, within),
            Query::Flag(flag) => columns.flag(*flag, within),
            Query::Label(label) => columns.label(*label, within),
            Query::Set(name) => self.set(name, top, within)?,
            Query::Has(property) => columns.has(*property, within),
            Query::Missing(property) => {
                let mut found = within.clone();
                found.difference_with(&columns.has(*property, within));
                found
            }
            Query::Status(status) => columns.status(*status, within),
            Query::Disputed(field) => {
                let bits = match field {
                    None => u32::MAX,
                    Some(f) => claims::claimable(f)
                        .and_then(claims::field_bit)
                        .unwrap_or(0),
                };
                columns.disputed(bits, within)
            }
            Query::Unsourced(field) => {
                let bit = claims::claimable(field)
                    .and_then(claims::field_bit)
                    .unwrap_or(0);
                columns.unsourced(bit, within)
            }
            Query::Certainty(name) => {
                let bit = Certainty::from_name(name).map_or(0, Certainty::bit);
                columns.certainty(bit, within)
            }
            Query::Cites(Cited::Source(id)) => self.sql(
                "SELECT photo_id FROM claim WHERE source_id = ?1",
                Value::Integer(*id),
                within,
            )?,
            Query::Cites(Cited::Words(words)) => {
                let expression = claims::fts_words(words);
                if expression.is_empty() {
                    return Err(QueryRefused::CitesNoWords {
                        words: words.clone(),
                    }
                    .into());
                }
                self.sql(
                    "SELECT photo_id FROM claim WHERE source_id IN
                         (SELECT rowid FROM source_fts WHERE source_fts MATCH ?1)",
                    Value::Text(expression),
                    within,
                )?
            }
        })
    }

    fn full_text(&self, expression: &str, within: &Ids) -> Result<Ids, SearchError> {
        let parts = split::parts_for(within.len(), SPLIT_FULL_TEXT);
        let found = self.catalogue.full_text(expression, within.len(), parts)?;
        Ok(self.columns.restrict(found.into_iter().flatten(), within))
    }

    fn set(&mut self, name: &str, top: bool, within: &Ids) -> Result<Ids, SearchError> {
        let found: Option<(i64, Option<String>)> = self
            .catalogue
            .conn
            .query_row(
                "SELECT id, query FROM photo_set WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match found {
            None => Err(QueryRefused::NoSuchSetOrSearch {
                name: name.to_owned(),
            }
            .into()),
            Some((id, None)) => {
                if top {
                    self.set = Some(id);
                }
                self.sql(
                    "SELECT photo_id FROM set_item WHERE set_id = ?1",
                    Value::Integer(id),
                    within,
                )
            }
            Some((_, Some(saved))) => {
                if self.depth >= MAX_NESTING {
                    return Err(QueryRefused::SavedSearchLoop {
                        name: name.to_owned(),
                    }
                    .into());
                }
                let inner = search::parse(&saved).map_err(|error| {
                    QueryRefused::SavedSearchDoesNotParse {
                        name: name.to_owned(),
                        error,
                    }
                })?;
                self.depth += 1;
                let found = self.eval(&inner, false, within);
                self.depth -= 1;
                found
            }
        }
    }
}

/// The photos of ids in `from..to` whose index entry matches.
fn matching(conn: &rusqlite::Connection, expression: &str, from: i64, to: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT rowid FROM photo_fts WHERE photo_fts MATCH ?1 AND rowid >= ?2 AND rowid < ?3",
        )?
        .query_map(rusqlite::params![expression, from, to], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// A connection that only reads, for a part of a split search.
fn open_reader(path: &std::path::Path) -> Result<rusqlite::Connection> {
    let (conn, _) = sqlite_file::open(path)?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    // As the catalogue's own: its part of the index stays in memory.
    conn.pragma_update(None, "cache_size", super::PAGE_CACHE)?;
    Ok(conn)
}

/// A word, phrase or prefix as a full-text expression (quoted, so that
/// nothing a user types is FTS syntax), limited to a column for `field:`
/// filters; `None` for anything else, and for words with no letters or
/// digits.
fn fts_expression(query: &Query) -> Option<String> {
    let (column, text) = match query {
        Query::Text(text) => (None, text),
        Query::Field(field, text) => (Some(fts_column(*field)), text),
        _ => return None,
    };
    if !text.text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut fts = format!("\"{}\"", text.text.replace('"', "\"\""));
    if text.prefix {
        fts.push('*');
    }
    Some(match column {
        Some(col) => format!("({{{col}}} : {fts})"),
        None => format!("({fts})"),
    })
}

fn fts_column(field: TextField) -> &'static str {
    match field {
        TextField::Title => "title",
        TextField::Caption => "caption",
        TextField::Creator => "creators",
        TextField::Credit => "credit",
        TextField::Copyright => "copyright",
        TextField::Source => "source",
        TextField::City => "city",
        TextField::State => "state",
        TextField::Country => "country",
        TextField::Event => "event",
        TextField::Person => "people",
        TextField::Job => "job_id",
    }
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

impl std::fmt::Display for SortKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Catalogue {
    /// Sorts text (titles, captions, creators …) in a language's order
    /// from now on; `None` for case- and accent-blind code-point order,
    /// the command line's.
    pub fn set_collation(
        &mut self,
        collation: Option<std::sync::Arc<crate::collation::Collation>>,
    ) {
        if let Some(columns) = self.columns.get_mut().as_mut() {
            columns.set_collation(collation.clone());
        }
        self.collation = collation;
    }

    /// The in-memory columns, brought up to date with the catalogue: caught
    /// up with its change log, or else taken from the copy saved beside
    /// it, or else read whole (and then saved for the next process).
    pub(super) fn columns(&self) -> Result<RefMut<'_, Columns>> {
        let mut slot = self.columns.borrow_mut();
        let current = match slot.take() {
            Some(mut columns) => columns.catch_up(&self.conn)?.then_some(columns),
            None => match self.saved_columns_path() {
                Some(path) => Columns::load_saved(&path, &self.conn)?,
                None => None,
            },
        };
        let mut columns = match current {
            Some(columns) => columns,
            None => {
                let mut columns = Columns::load(&self.conn)?;
                self.save_columns(&mut columns);
                columns
            }
        };
        columns.set_collation(self.collation.clone());
        Ok(RefMut::map(slot, |s| s.insert(columns)))
    }

    /// How many photo rows the search columns have read from the catalogue,
    /// once caught up with it: none when they came up to date from the copy
    /// saved beside it, every photo when read whole, and then one more for
    /// each changed photo. For tests that a change is caught up with by
    /// reading only what changed.
    #[doc(hidden)]
    pub fn search_rows_read(&self) -> Result<u64, SearchError> {
        Ok(self.columns()?.rows_read())
    }

    /// Where the columns are saved for the next process: beside the
    /// catalogue, unless that path is the catalogue itself or a photo it
    /// catalogues, also when reached through a linked folder (then
    /// nowhere). The copy is renamed into place, so a link at the path
    /// itself is replaced, not followed.
    fn saved_columns_path(&self) -> Option<std::path::PathBuf> {
        let catalogue = std::path::absolute(self.path.as_deref()?).ok()?;
        let path = super::columns::saved::path_beside(&catalogue);
        let resolved = path
            .parent()
            .and_then(|folder| std::fs::canonicalize(folder).ok())
            .zip(path.file_name())
            .map(|(folder, name)| folder.join(name));
        let catalogued = [Some(&path), resolved.as_ref()]
            .into_iter()
            .flatten()
            .any(|p| self.photo_by_path(p).map_or(true, |photo| photo.is_some()));
        let same_file = |a: &std::path::Path, b: &std::path::Path| {
            std::fs::canonicalize(a)
                .ok()
                .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
        };
        (path != catalogue && !catalogued && !same_file(&path, &catalogue)).then_some(path)
    }

    /// Saves the columns beside the catalogue for the next process. A copy
    /// that cannot be written is only a slower start next time.
    pub(super) fn save_columns(&self, columns: &mut Columns) {
        // A catalogue opened read-only gets nothing new beside it.
        if self.read_only {
            return;
        }
        if let Some(path) = self.saved_columns_path() {
            let _ = columns.save(&path);
        }
    }

    /// The photos whose index entry matches a full-text expression, of
    /// ids below `end`, read in up to `parts` ranges of ids at once: the
    /// first through the catalogue's own connection, the others each
    /// through a read-only connection of its own. Split only outside a
    /// transaction, where every connection sees what this one does.
    pub(super) fn full_text(
        &self,
        expression: &str,
        end: usize,
        parts: usize,
    ) -> Result<Vec<Vec<i64>>> {
        let path = self.path.as_deref().filter(|_| self.conn.is_autocommit());
        let mut readers = self.readers.borrow_mut();
        let parts = match path {
            Some(path) if parts > 1 => {
                while readers.len() < parts - 1 {
                    readers.push(open_reader(path)?);
                }
                parts
            }
            _ => 1,
        };
        let end = i64::try_from(end).unwrap_or(i64::MAX);
        let step = (end / parts as i64).max(1);
        let range = |part: usize| {
            let from = step * part as i64;
            let to = if part + 1 == parts {
                i64::MAX
            } else {
                from + step
            };
            (from, to)
        };
        std::thread::scope(|scope| {
            let others: Vec<_> = readers
                .iter_mut()
                .take(parts - 1)
                .enumerate()
                .map(|(i, reader)| {
                    let (from, to) = range(i + 1);
                    scope.spawn(move || matching(reader, expression, from, to))
                })
                .collect();
            let (from, to) = range(0);
            let mut found = vec![matching(&self.conn, expression, from, to)?];
            for other in others {
                found.push(other.join().expect("a full-text search part panicked")?);
            }
            Ok(found)
        })
    }

    /// The photos a query finds, the top-level date conditions and set.
    fn evaluate(
        &self,
        columns: &Columns,
        query: &Query,
    ) -> Result<(Ids, Vec<DateCondition>, Option<i64>), SearchError> {
        let mut e = Evaluator {
            catalogue: self,
            columns,
            tree: None,
            exact: Vec::new(),
            set: None,
            depth: 0,
        };
        let found = e.eval(query, true, &columns.all())?;
        Ok((found, e.exact, e.set))
    }

    /// Parses and runs a query typed by a user.
    pub fn search_text(
        &self,
        text: &str,
        sort: impl Into<Sort>,
        limit: Option<usize>,
    ) -> Result<Vec<Hit>, SearchError> {
        self.search(&search::parse(text)?, sort, limit)
    }

    /// Runs a query; results in the order asked for.
    pub fn search(
        &self,
        query: &Query,
        sort: impl Into<Sort>,
        limit: Option<usize>,
    ) -> Result<Vec<Hit>, SearchError> {
        let sort = sort.into();
        let mut columns = self.columns()?;
        let (found, exact, set) = self.evaluate(&columns, query)?;
        let set_order = match (sort.key, set) {
            (SortKey::SetOrder, Some(set)) => Some(
                self.conn
                    .prepare_cached(
                        "SELECT photo_id FROM set_item WHERE set_id = ?1 ORDER BY position",
                    )?
                    .query_map([set], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            ),
            (SortKey::SetOrder, None) => {
                return Err(QueryRefused::SetOrderNeedsSet.into());
            }
            _ => None,
        };
        let possible = columns.inexact(&found, &exact);
        Ok(columns.hits(&self.conn, &found, sort, set_order, limit, &possible)?)
    }

    /// Keyword, creator, year, city and camera counts for a query's result.
    pub fn facets(&self, query: &Query) -> Result<Facets, SearchError> {
        let columns = self.columns()?;
        let (found, _, _) = self.evaluate(&columns, query)?;
        let tree = KeywordTree::load(&self.conn)?;
        Ok(columns.facets(&found, &tree))
    }

    /// For every keyword, how many photos of a query's result have it or a
    /// keyword below it, by keyword id (for a keyword tree that counts
    /// within the result).
    pub fn keyword_counts(
        &self,
        query: &Query,
    ) -> Result<std::collections::HashMap<i64, u64>, SearchError> {
        let columns = self.columns()?;
        let (found, _, _) = self.evaluate(&columns, query)?;
        let tree = KeywordTree::load(&self.conn)?;
        Ok(columns.keyword_counts(&found, &tree))
    }
}
