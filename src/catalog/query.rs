//! Running a parsed search query: compiling it to SQL over the photo table
//! and the full-text index, sorting, and counting facets.
//!
//! User text never reaches SQL or FTS syntax unescaped: words become quoted
//! FTS strings, everything else a bound parameter. A query that parsed
//! therefore always runs.
//!
//! Partial dates use overlap semantics: `date:1991-06` finds photos dated
//! June 1991 or any day in it, and also photos dated only "1991", which
//! might show June 1991. Those are marked as possible matches.

use rusqlite::types::Value;

use super::keywords::KeywordTree;
use super::{CatalogError, Catalogue, Result};
use crate::photo::PhotoId;
use crate::search::{
    self, DateField, DateRange, LikeField, Property, Query, Status, Text, TextField,
};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
    pub cities: Vec<(String, u64)>,
    pub cameras: Vec<(String, u64)>,
}

/// Why a query could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Parse(#[from] search::QueryError),
    #[error("{0}")]
    Query(String),
    #[error(transparent)]
    Catalogue(#[from] CatalogError),
}

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> Self {
        SearchError::Catalogue(e.into())
    }
}

/// Saved searches may name other saved searches; this deep is a loop.
const MAX_NESTING: usize = 8;

/// A compiled WHERE clause over `photo p`, with its parameters.
struct Compiled {
    condition: String,
    params: Vec<Value>,
    /// Conditions under which a date match is exact (for `possible`).
    exact: Vec<String>,
    /// The set the query is limited to at its top level, for set order.
    set: Option<i64>,
}

struct Compiler<'a> {
    catalogue: &'a Catalogue,
    tree: Option<KeywordTree>,
    params: Vec<Value>,
    exact: Vec<String>,
    set: Option<i64>,
    depth: usize,
}

impl Compiler<'_> {
    fn param(&mut self, value: impl Into<Value>) -> String {
        self.params.push(value.into());
        format!("?{}", self.params.len())
    }

    fn tree(&mut self) -> Result<&KeywordTree, SearchError> {
        if self.tree.is_none() {
            self.tree = Some(KeywordTree::load(&self.catalogue.conn)?);
        }
        Ok(self.tree.get_or_insert_with(KeywordTree::default))
    }

    /// `top` is true while still in the top-level conjunction, where a date
    /// filter decides whether a match is exact or possible.
    fn compile(&mut self, query: &Query, top: bool) -> Result<String, SearchError> {
        Ok(match query {
            Query::All => "1".to_owned(),
            Query::And(parts) => {
                let sql = parts
                    .iter()
                    .map(|p| self.compile(p, top))
                    .collect::<Result<Vec<_>, _>>()?;
                format!("({})", sql.join(" AND "))
            }
            Query::Or(parts) => {
                let sql = parts
                    .iter()
                    .map(|p| self.compile(p, false))
                    .collect::<Result<Vec<_>, _>>()?;
                format!("({})", sql.join(" OR "))
            }
            Query::Not(inner) => format!("NOT ({})", self.compile(inner, false)?),
            Query::Text(text) => self.full_text(None, text),
            Query::Field(field, text) => self.full_text(Some(fts_column(*field)), text),
            Query::Like(field, value) => {
                let pattern = self.param(format!("%{}%", escape_like(value)));
                let column = match field {
                    LikeField::Path => "CAST(p.path AS TEXT)",
                    LikeField::Camera => {
                        "(ifnull(p.camera_make, '') || ' ' || ifnull(p.camera_model, ''))"
                    }
                    LikeField::Lens => "p.lens",
                };
                format!("{column} LIKE {pattern} ESCAPE '\\'")
            }
            Query::Keyword(term) => {
                let tree = self.tree()?;
                let mut ids: Vec<i64> = tree
                    .matching(term)
                    .into_iter()
                    .flat_map(|id| tree.subtree(id))
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                if ids.is_empty() {
                    return Ok("0".to_owned());
                }
                let list = self.param(serde_json::to_string(&ids).map_err(CatalogError::from)?);
                format!(
                    "p.id IN (SELECT photo_id FROM photo_keyword WHERE keyword_id IN (SELECT value FROM json_each({list})))"
                )
            }
            Query::Date(field, range) => self.date(*field, range, top),
            Query::Rating(cmp, n) => {
                let n = self.param(*n as i64);
                format!("p.rating {cmp} {n}")
            }
            Query::Flag(None) => "p.flag IS NULL".to_owned(),
            Query::Flag(Some(f)) => format!("p.flag = '{}'", f.name()),
            Query::Label(None) => "p.label IS NULL".to_owned(),
            Query::Label(Some(l)) => format!("p.label = '{}'", l.name()),
            Query::Set(name) => self.set(name, top)?,
            Query::Has(property) => has(*property).to_owned(),
            Query::Missing(property) => format!("NOT ({})", has(*property)),
            Query::Status(Status::Missing) => "p.missing_since IS NOT NULL".to_owned(),
            Query::Status(Status::Warning) => "p.warnings IS NOT NULL".to_owned(),
        })
    }

    fn full_text(&mut self, column: Option<&str>, text: &Text) -> String {
        // Words with no letters or digits (a lone "&") have nothing to find.
        if !text.text.chars().any(char::is_alphanumeric) {
            return "1".to_owned();
        }
        let mut fts = format!("\"{}\"", text.text.replace('"', "\"\""));
        if text.prefix {
            fts.push('*');
        }
        if let Some(col) = column {
            fts = format!("{{{col}}} : {fts}");
        }
        let p = self.param(fts);
        format!("p.id IN (SELECT rowid FROM photo_fts WHERE photo_fts MATCH {p})")
    }

    fn date(&mut self, field: DateField, range: &DateRange, top: bool) -> String {
        let (first, last) = match field {
            DateField::Depicted => ("p.date_from", "p.date_to"),
            DateField::Taken => ("p.taken_day", "p.taken_day"),
        };
        let mut overlap = vec![format!("{first} IS NOT NULL")];
        let mut exact = Vec::new();
        if let Some(from) = &range.from {
            let f = self.param(from.clone());
            overlap.push(format!("{last} >= {f}"));
            exact.push(format!("{first} >= {f}"));
        }
        if let Some(to) = &range.to {
            let t = self.param(to.clone());
            overlap.push(format!("{first} <= {t}"));
            exact.push(format!("{last} <= {t}"));
        }
        if top && !exact.is_empty() {
            self.exact.push(format!("({})", exact.join(" AND ")));
        }
        format!("({})", overlap.join(" AND "))
    }

    fn set(&mut self, name: &str, top: bool) -> Result<String, SearchError> {
        let found: Option<(i64, Option<String>)> = self
            .catalogue
            .conn
            .query_row(
                "SELECT id, query FROM photo_set WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok();
        match found {
            None => Err(SearchError::Query(format!(
                "no set or saved search named \"{name}\""
            ))),
            Some((id, None)) => {
                if top {
                    self.set = Some(id);
                }
                let p = self.param(id);
                Ok(format!(
                    "p.id IN (SELECT photo_id FROM set_item WHERE set_id = {p})"
                ))
            }
            Some((_, Some(saved))) => {
                if self.depth >= MAX_NESTING {
                    return Err(SearchError::Query(format!(
                        "saved search \"{name}\" refers to itself through other saved searches"
                    )));
                }
                let inner = search::parse(&saved)
                    .map_err(|e| SearchError::Query(format!("saved search \"{name}\": {e}")))?;
                self.depth += 1;
                let sql = self.compile(&inner, false);
                self.depth -= 1;
                sql
            }
        }
    }
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

fn has(property: Property) -> &'static str {
    match property {
        Property::Title => "p.title IS NOT NULL",
        Property::Headline => "p.headline IS NOT NULL",
        Property::Caption => "p.caption IS NOT NULL",
        Property::Creator => "p.creators <> '[]'",
        Property::Credit => "p.credit IS NOT NULL",
        Property::Copyright => "p.copyright IS NOT NULL",
        Property::Source => "p.source IS NOT NULL",
        Property::Location => {
            "(p.sublocation IS NOT NULL OR p.city IS NOT NULL OR p.state IS NOT NULL OR p.country IS NOT NULL)"
        }
        Property::Event => "p.event IS NOT NULL",
        Property::People => "p.people <> '[]'",
        Property::Keywords => "EXISTS (SELECT 1 FROM photo_keyword k WHERE k.photo_id = p.id)",
        Property::Date => "p.date_created IS NOT NULL",
        Property::Gps => "p.gps_lat IS NOT NULL",
        Property::Note => "p.note IS NOT NULL",
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
    fn compile(&self, query: &Query) -> Result<Compiled, SearchError> {
        let mut c = Compiler {
            catalogue: self,
            tree: None,
            params: Vec::new(),
            exact: Vec::new(),
            set: None,
            depth: 0,
        };
        let condition = c.compile(query, true)?;
        Ok(Compiled {
            condition,
            params: c.params,
            exact: c.exact,
            set: c.set,
        })
    }

    /// Parses and runs a query typed by a user.
    pub fn search_text(
        &self,
        text: &str,
        sort: SortKey,
        limit: Option<usize>,
    ) -> Result<Vec<Hit>, SearchError> {
        self.search(&search::parse(text)?, sort, limit)
    }

    /// Runs a query; results in the order asked for.
    pub fn search(
        &self,
        query: &Query,
        sort: SortKey,
        limit: Option<usize>,
    ) -> Result<Vec<Hit>, SearchError> {
        let compiled = self.compile(query)?;
        let order = match sort {
            SortKey::Depicted => {
                "p.date_from IS NULL, p.date_from, p.date_to, p.taken_at IS NULL, p.taken_at, p.id"
            }
            SortKey::Taken => "p.taken_at IS NULL, p.taken_at, p.id",
            SortKey::Imported => "p.id",
            SortKey::Title => "p.title IS NULL, p.title COLLATE fold, p.id",
            SortKey::Rating => "p.rating DESC, p.id",
            SortKey::FileName => "p.file_name COLLATE fold, p.id",
            SortKey::SetOrder => match compiled.set {
                Some(_) => {
                    "(SELECT position FROM set_item s WHERE s.set_id = ?SET AND s.photo_id = p.id), p.id"
                }
                None => {
                    return Err(SearchError::Query(
                        "sorting by set order needs a set: filter naming an exhibition set"
                            .to_owned(),
                    ));
                }
            },
        };
        let mut params = compiled.params;
        let order = if let (SortKey::SetOrder, Some(set)) = (sort, compiled.set) {
            params.push(Value::Integer(set));
            order.replace("?SET", &format!("?{}", params.len()))
        } else {
            order.to_owned()
        };
        let possible = if compiled.exact.is_empty() {
            "0".to_owned()
        } else {
            format!("NOT ({})", compiled.exact.join(" AND "))
        };
        let limit = limit.map_or(String::new(), |n| format!(" LIMIT {n}"));
        let sql = format!(
            "SELECT p.id, {possible} FROM photo p WHERE {} ORDER BY {order}{limit}",
            compiled.condition
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let hits = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(Hit {
                    id: PhotoId(r.get(0)?),
                    possible: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }

    /// Keyword, creator, year, city and camera counts for a query's result.
    pub fn facets(&self, query: &Query) -> Result<Facets, SearchError> {
        let compiled = self.compile(query)?;
        let with = format!(
            "WITH r(id) AS (SELECT p.id FROM photo p WHERE {})",
            compiled.condition
        );
        let count = |select: &str| -> Result<Vec<(String, u64)>, SearchError> {
            let sql = format!("{with} {select}");
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(compiled.params.iter()), |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        let tree = KeywordTree::load(&self.conn)?;
        let keyword_ids = count(
            "SELECT CAST(k.keyword_id AS TEXT), count(DISTINCT k.photo_id) AS n FROM photo_keyword k JOIN r ON r.id = k.photo_id
             GROUP BY k.keyword_id ORDER BY n DESC, k.keyword_id LIMIT 30",
        )?;
        Ok(Facets {
            keywords: keyword_ids
                .into_iter()
                .filter_map(|(id, n)| id.parse().ok().map(|id: i64| (tree.path(id), n)))
                .collect(),
            creators: count(
                "SELECT j.value, count(*) AS n FROM photo p JOIN r ON r.id = p.id, json_each(p.creators) j
                 GROUP BY j.value ORDER BY n DESC, j.value LIMIT 30",
            )?,
            years: count(
                "SELECT substr(p.date_from, 1, 4) AS y, count(*) FROM photo p JOIN r ON r.id = p.id
                 WHERE p.date_from IS NOT NULL GROUP BY y ORDER BY y",
            )?,
            cities: count(
                "SELECT p.city, count(*) AS n FROM photo p JOIN r ON r.id = p.id WHERE p.city IS NOT NULL
                 GROUP BY p.city ORDER BY n DESC, p.city LIMIT 30",
            )?,
            cameras: count(
                "SELECT p.camera_model, count(*) AS n FROM photo p JOIN r ON r.id = p.id
                 WHERE p.camera_model IS NOT NULL GROUP BY p.camera_model ORDER BY n DESC, p.camera_model LIMIT 30",
            )?,
        })
    }
}
