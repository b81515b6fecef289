//! The edit history: every change a user makes, as operations that can be
//! undone and redone.
//!
//! An operation is one user action (a caption typed on 500 photos, a photo
//! moved in a set, a keyword merged) made of [`Step`]s. Each step records
//! what it changes from and to, so that it can be applied backwards (undo)
//! and forwards again (redo). Descriptions, curation, keywords, sets, saved
//! searches and templates all change through here, in the transaction that
//! records the change: nothing edits them behind the history's back.
//!
//! Undo and redo are linear, as in every editor: undo reverts the newest
//! operation still in force; redo re-applies what was undone, the most
//! recently undone first, until a new operation is made. An undo and a redo
//! are operations themselves, so the history shows them too.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::claims::{self, ClaimRecord, SourceRecord};
use super::edit::{move_keyword_to, set_value, value_of, write_value};
use super::keywords::{self, KeywordTree};
use super::photos::load_photo;
use super::shared_ids::{self, Kind};
use super::{CatalogError, Catalogue, Invalid, Result, clock, replica, search_index};
use crate::photo::{Attribute, Field, PhotoId};
use crate::text::{count, shorten};

/// A keyword's own properties, kept when it is deleted so that undo can
/// bring it back as it was.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeywordState {
    /// Written to files (not a `[category]`).
    pub exported: bool,
    pub synonyms: Vec<String>,
}

/// One photo of an exhibition set: the photo and its wall label, in order.
pub type SetEntry = (i64, Option<String>);

/// A set or saved search as a whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SetState {
    /// The query of a saved search; `None` for an exhibition set.
    pub query: Option<String>,
    /// An exhibition set's photos in order, with their wall labels.
    pub items: Vec<SetEntry>,
}

/// One reversible change: what it changes, from what, to what.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A photo's descriptive field or curation value.
    Photo {
        photo: PhotoId,
        attribute: Attribute,
        old: Value,
        new: Value,
    },
    /// A keyword renamed or moved, from one full path to another.
    KeywordPath {
        keyword: Option<i64>,
        old: String,
        new: String,
    },
    /// A keyword created (`old` is `None`), deleted (`new` is `None`), or
    /// its category mark or synonyms changed.
    Keyword {
        path: String,
        old: Option<KeywordState>,
        new: Option<KeywordState>,
    },
    /// A set or saved search created or deleted, with everything in it.
    Set {
        name: String,
        old: Option<SetState>,
        new: Option<SetState>,
    },
    SetName {
        old: String,
        new: String,
    },
    /// An exhibition set's photos, order and wall labels.
    SetItems {
        set: String,
        old: Vec<SetEntry>,
        new: Vec<SetEntry>,
    },
    /// A template saved (with its fields) or deleted.
    Template {
        name: String,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// A claim added, changed (its preference, source, locator,
    /// certainty, note, value) or removed.
    Claim {
        id: i64,
        old: Option<ClaimRecord>,
        new: Option<ClaimRecord>,
    },
    /// A source added, changed or removed.
    Source {
        id: i64,
        old: Option<SourceRecord>,
        new: Option<SourceRecord>,
    },
}

impl Step {
    /// The step that undoes this one.
    pub fn reversed(&self) -> Step {
        match self.clone() {
            Step::Photo {
                photo,
                attribute,
                old,
                new,
            } => Step::Photo {
                photo,
                attribute,
                old: new,
                new: old,
            },
            Step::KeywordPath { keyword, old, new } => Step::KeywordPath {
                keyword,
                old: new,
                new: old,
            },
            Step::Keyword { path, old, new } => Step::Keyword {
                path,
                old: new,
                new: old,
            },
            Step::Set { name, old, new } => Step::Set {
                name,
                old: new,
                new: old,
            },
            Step::SetName { old, new } => Step::SetName { old: new, new: old },
            Step::SetItems { set, old, new } => Step::SetItems {
                set,
                old: new,
                new: old,
            },
            Step::Template { name, old, new } => Step::Template {
                name,
                old: new,
                new: old,
            },
            Step::Claim { id, old, new } => Step::Claim {
                id,
                old: new,
                new: old,
            },
            Step::Source { id, old, new } => Step::Source {
                id,
                old: new,
                new: old,
            },
        }
    }

    /// The step in words, for the history; `conn` names the sources claims cite.
    pub fn describe(&self, conn: &Connection) -> String {
        match self {
            Step::Claim { old, new, .. } => {
                let citation = |c: &ClaimRecord| claims::citation_of(conn, c.source).ok().flatten();
                match (old, new) {
                    (None, Some(c)) => format!(
                        "Claim {}{} added",
                        claims::claim_words(c, citation(c).as_deref()),
                        if c.preferred { ", preferred," } else { "" }
                    ),
                    (Some(c), None) => format!(
                        "Claim {} removed",
                        claims::claim_words(c, citation(c).as_deref())
                    ),
                    (Some(a), Some(b)) if a.preferred != b.preferred => format!(
                        "Claim {} {}",
                        claims::claim_words(b, citation(b).as_deref()),
                        if b.preferred {
                            "preferred"
                        } else {
                            "no longer preferred"
                        }
                    ),
                    (_, Some(c)) => format!(
                        "Claim {} changed",
                        claims::claim_words(c, citation(c).as_deref())
                    ),
                    (None, None) => "Claim unchanged".to_owned(),
                }
            }
            Step::Source { old, new, .. } => match (old, new) {
                (None, Some(s)) => format!("Source “{}” added", s.citation),
                (Some(s), None) => format!("Source “{}” removed", s.citation),
                (_, Some(s)) => format!("Source “{}” changed", s.citation),
                (None, None) => "Source unchanged".to_owned(),
            },
            Step::Photo {
                attribute,
                old,
                new,
                ..
            } => format!(
                "{}: {} → {}",
                attribute.label(),
                value_in_words(old),
                value_in_words(new)
            ),
            Step::KeywordPath { old, new, .. } => format!("Keyword {old} → {new}"),
            Step::Keyword { path, old, new } => match (old, new) {
                (None, Some(_)) => format!("Keyword {path} created"),
                (Some(_), None) => format!("Keyword {path} deleted"),
                (Some(a), Some(b)) if a.synonyms != b.synonyms => format!(
                    "Keyword {path}: synonyms {} → {}",
                    list_in_words(&a.synonyms),
                    list_in_words(&b.synonyms)
                ),
                _ => format!("Keyword {path}: category mark changed"),
            },
            Step::Set { name, old, new } => {
                let kind = |s: &SetState| {
                    if s.query.is_some() {
                        "Saved search"
                    } else {
                        "Set"
                    }
                };
                match (old, new) {
                    (None, Some(s)) => format!("{} “{name}” created", kind(s)),
                    (Some(s), None) => format!(
                        "{} “{name}” deleted{}",
                        kind(s),
                        if s.query.is_none() {
                            format!(" ({})", count(s.items.len(), "photo", "photos"))
                        } else {
                            String::new()
                        }
                    ),
                    _ => format!("Set “{name}” replaced"),
                }
            }
            Step::SetName { old, new } => format!("Set “{old}” renamed “{new}”"),
            Step::SetItems { set, old, new } => {
                format!("Set “{set}”: {}", items_change_in_words(old, new))
            }
            Step::Template { name, old, new } => match (old, new) {
                (None, _) => format!("Template “{name}” saved"),
                (_, None) => format!("Template “{name}” deleted"),
                _ => format!("Template “{name}” changed"),
            },
        }
    }
}

/// A value as the history shows it: text in quotes, lists joined.
fn value_in_words(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".to_owned(),
        Value::String(s) => format!("“{}”", shorten(&s.replace('\n', " "), 60)),
        Value::Array(items) => {
            let texts: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect();
            list_in_words(&texts)
        }
        other => other.to_string(),
    }
}

fn list_in_words(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        shorten(&items.join("; "), 80)
    }
}

/// What happened to a set's photos between two states.
fn items_change_in_words(old: &[SetEntry], new: &[SetEntry]) -> String {
    let old_ids: BTreeSet<i64> = old.iter().map(|e| e.0).collect();
    let new_ids: BTreeSet<i64> = new.iter().map(|e| e.0).collect();
    let added = new_ids.difference(&old_ids).count();
    let removed = old_ids.difference(&new_ids).count();
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("{} added", count(added, "photo", "photos")));
    }
    if removed > 0 {
        parts.push(format!("{} removed", count(removed, "photo", "photos")));
    }
    let order = |items: &[SetEntry]| -> Vec<i64> {
        items
            .iter()
            .map(|e| e.0)
            .filter(|id| old_ids.contains(id) && new_ids.contains(id))
            .collect()
    };
    if order(old) != order(new) {
        parts.push("order changed".to_owned());
    }
    let labels_changed = new
        .iter()
        .filter(|(id, note)| old.iter().any(|(o, n)| o == id && n != note))
        .count();
    if labels_changed > 0 {
        parts.push(format!(
            "{} changed",
            count(labels_changed, "wall label", "wall labels")
        ));
    }
    if parts.is_empty() {
        "unchanged".to_owned()
    } else {
        parts.join(", ")
    }
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reverted {
    /// The operation undone or redone.
    pub operation: i64,
    /// The operation undone or redone, in words.
    pub summary: String,
    /// How many changes it made.
    pub changes: usize,
}

/// One operation of the history, with its changes in words.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HistoryEntry {
    pub operation: i64,
    pub at: String,
    /// Who made it, when the catalogue had an author then.
    pub author: Option<String>,
    /// What made it: edit, template, keywords, sets, csv, undo, redo.
    pub source: String,
    /// The operation in words: "Caption on 3 photos".
    pub summary: String,
    /// Undone and not redone since.
    pub undone: bool,
    /// Its changes (to the photo asked about, or all), in words.
    pub changes: Vec<HistoryChange>,
}

/// One change of an operation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HistoryChange {
    pub photo: Option<PhotoId>,
    /// The change in words: "Caption: “Old” → “New”".
    pub words: String,
    /// The change itself, for a face that says it in its own words.
    #[serde(skip)]
    pub step: Step,
}

/// What an operation did, as data, for the kinds whose words need more than
/// its steps: one on thousands of photos has too many steps to read whole
/// just to say it, and a claim preferred, removed or changed makes steps
/// that look alike. A face says it in its own language from this; the
/// catalogue's English summary is written beside it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deed {
    /// A claim added to photos' field, citing a source or none.
    ClaimsAdded {
        field: String,
        photos: usize,
        source: Option<i64>,
    },
    /// Claims read from a CSV file.
    ClaimsRead {
        claims: usize,
        photos: usize,
    },
    ClaimPreferred,
    ClaimRemoved,
    ClaimChanged,
    /// Edits read from a CSV file, with wall labels of a set.
    CsvImport {
        file: String,
        photos: usize,
        labels: usize,
    },
    TemplateApplied {
        template: String,
        photos: usize,
    },
    /// A keyword deleted with those below it.
    KeywordDeleted {
        keyword: String,
        photos: usize,
    },
    KeywordMerged {
        keyword: String,
        into: String,
        photos: usize,
    },
    /// Keywords and synonyms read from a keyword list.
    KeywordList {
        keywords: usize,
        synonyms: usize,
    },
    /// A source removed; the claims citing it, if any, cite nothing now.
    SourceRemoved {
        source: String,
    },
    SourceMerged {
        source: String,
        into: String,
    },
    SourcesImported {
        sources: usize,
    },
}

/// What an operation did in the catalogue's English words, and, for the
/// kinds that have one, its [`Deed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub english: String,
    pub deed: Option<Deed>,
}

impl Summary {
    pub fn with(english: String, deed: Deed) -> Summary {
        Summary {
            english,
            deed: Some(deed),
        }
    }
}

impl From<String> for Summary {
    fn from(english: String) -> Summary {
        Summary {
            english,
            deed: None,
        }
    }
}

/// An operation as data: enough for a face (the window) to say what it did
/// in its own language, as [`HistoryEntry::summary`] says it in English.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub id: i64,
    /// What made it: edit, template, keywords, sets, csv, undo, redo.
    pub source: String,
    /// The catalogue's own words for it (the command line's).
    pub summary: String,
    /// What it did, for the kinds that record it.
    pub deed: Option<Deed>,
    /// For an undo or a redo, the operation it reverted or applied again.
    pub reverts: Option<i64>,
    /// Its first steps, in the order they were made: all of them, unless
    /// it made more than [`STEPS_READ`].
    pub steps: Vec<Step>,
    /// How many changes it made.
    pub changes: usize,
    /// How many photos it changed.
    pub photos: usize,
}

impl Operation {
    /// Whether [`Operation::steps`] holds every step it made.
    pub fn is_whole(&self) -> bool {
        self.steps.len() == self.changes
    }
}

/// At most this many steps of an operation are read to put it in words (a
/// CSV import may make tens of thousands); its changes and photos are
/// counted whatever their number.
pub const STEPS_READ: usize = 2_000;

// ---------------------------------------------------------------------------
// Storing steps

/// Column values of one stored step: photo, keyword, field, old, new, subject.
type Row = (
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    Ok(serde_json::to_string(value)?)
}

fn to_row(step: &Step) -> Result<Row> {
    Ok(match step {
        Step::Photo {
            photo,
            attribute,
            old,
            new,
        } => (
            Some(photo.0),
            None,
            attribute.name().to_owned(),
            Some(old.to_string()),
            Some(new.to_string()),
            None,
        ),
        Step::KeywordPath { keyword, old, new } => (
            None,
            *keyword,
            "keyword".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            None,
        ),
        Step::Keyword { path, old, new } => (
            None,
            None,
            "keyword.state".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(path.clone()),
        ),
        Step::Set { name, old, new } => (
            None,
            None,
            "set".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(name.clone()),
        ),
        Step::SetName { old, new } => (
            None,
            None,
            "set.name".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            None,
        ),
        Step::SetItems { set, old, new } => (
            None,
            None,
            "set.items".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(set.clone()),
        ),
        Step::Template { name, old, new } => (
            None,
            None,
            "template".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(name.clone()),
        ),
        Step::Claim { id, old, new } => (
            old.as_ref().or(new.as_ref()).map(|c| c.photo.0),
            None,
            "claim".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(id.to_string()),
        ),
        Step::Source { id, old, new } => (
            None,
            None,
            "source".to_owned(),
            Some(json(old)?),
            Some(json(new)?),
            Some(id.to_string()),
        ),
    })
}

/// A stored step, read back. A row the catalogue cannot read is an error,
/// never a silently cleared value.
fn from_row(row: Row) -> Result<Step> {
    let (photo, keyword, field, old, new, subject) = row;
    let damaged = |what: &'static str| {
        CatalogError::from(Invalid::DamagedHistory {
            what,
            field: field.clone(),
        })
    };
    let parse = |text: &Option<String>| -> Result<Value> {
        match text {
            Some(t) => Ok(serde_json::from_str(t)?),
            None => Ok(Value::Null),
        }
    };
    fn from<T: serde::de::DeserializeOwned>(value: Value) -> Result<T> {
        Ok(serde_json::from_value(value)?)
    }
    let subject = || subject.clone().ok_or_else(|| damaged("no subject"));
    let number = || -> Result<i64> {
        subject()?
            .parse()
            .map_err(|_| damaged("a subject that is not a number"))
    };
    Ok(match (photo, field.as_str()) {
        (_, "claim") => Step::Claim {
            id: number()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "source") => Step::Source {
            id: number()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (Some(photo), name) => Step::Photo {
            photo: PhotoId(photo),
            attribute: Attribute::from_name(name).ok_or_else(|| damaged("an unknown field"))?,
            old: parse(&old)?,
            new: parse(&new)?,
        },
        (None, "keyword") => Step::KeywordPath {
            keyword,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "keyword.state") => Step::Keyword {
            path: subject()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "set") => Step::Set {
            name: subject()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "set.name") => Step::SetName {
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "set.items") => Step::SetItems {
            set: subject()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, "template") => Step::Template {
            name: subject()?,
            old: from(parse(&old)?)?,
            new: from(parse(&new)?)?,
        },
        (None, _) => return Err(damaged("an unknown kind of change")),
    })
}

/// Records an operation made here, now; returns its id.
pub(super) fn record_operation(
    tx: &Transaction<'_>,
    source: &str,
    summary: &Summary,
    reverts: Option<i64>,
) -> Result<i64> {
    record_operation_at(tx, source, summary, reverts, clock::wall_clock_millis())
}

/// Records an operation made here when the wall clock read `now_millis`:
/// this replica's next number, a time of the hybrid logical clock later
/// than every operation's before it (whatever the wall clock did since),
/// and the author set now.
pub(super) fn record_operation_at(
    tx: &Transaction<'_>,
    source: &str,
    summary: &Summary,
    reverts: Option<i64>,
    now_millis: u64,
) -> Result<i64> {
    let deed = summary
        .deed
        .as_ref()
        .map(serde_json::to_string)
        .transpose()?;
    let (replica, author) = replica::local_replica(tx)?;
    let latest: Option<i64> = tx
        .prepare_cached("SELECT max(hlc) FROM edit_operation")?
        .query_row([], |r| r.get(0))?;
    let damaged = |_: clock::ClockError| {
        CatalogError::from(Invalid::DamagedHistory {
            what: "a time the clock cannot go on from",
            field: "an operation".to_owned(),
        })
    };
    // Read apart from the insert: an insert that reads its own table in a
    // subquery goes through a temporary table, four times the cost.
    let last_seq: Option<i64> = tx
        .prepare_cached(
            "SELECT seq FROM edit_operation WHERE replica = ?1 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([&replica], |r| r.get(0))
        .optional()?
        .flatten();
    let latest = clock::Hlc::from_packed(latest.unwrap_or(0)).map_err(damaged)?;
    // A wall clock beyond the year 6000 is read as the clock's last
    // millisecond rather than stopping every edit.
    let now = now_millis.min(clock::MAX_MILLIS);
    let hlc = clock::tick(latest, now).map_err(damaged)?;
    Ok(tx
        .prepare_cached(
            "INSERT INTO edit_operation
                 (at, source, summary, reverts, deed, replica, seq, hlc, author, seen)
             VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', ?5 / 1000, 'unixepoch'),
                     ?1, ?2, ?3, ?4, ?6, ?7, ?8, ?9, (SELECT pulled FROM team_sync))
             RETURNING id",
        )?
        .query_row(
            params![
                source,
                summary.english,
                reverts,
                deed,
                now as i64,
                replica,
                last_seq.unwrap_or(0) + 1,
                hlc.packed(),
                author
            ],
            |r| r.get(0),
        )?)
}

pub(super) fn record_step(tx: &Transaction<'_>, operation: i64, step: &Step) -> Result<()> {
    let (photo, keyword, field, old, new, subject) = to_row(step)?;
    tx.prepare_cached(
        "INSERT INTO edit_change
             (operation_id, photo_id, keyword_id, field, old_value, new_value, subject)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![operation, photo, keyword, field, old, new, subject])?;
    Ok(())
}

pub(super) fn steps_of(tx: &Connection, operation: i64) -> Result<Vec<Step>> {
    let rows: Vec<Row> = tx
        .prepare_cached(
            "SELECT photo_id, keyword_id, field, old_value, new_value, subject FROM edit_change
             WHERE operation_id = ?1 ORDER BY rowid",
        )?
        .query_map([operation], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(from_row).collect()
}

// ---------------------------------------------------------------------------
// Applying steps

/// Applies steps in order and records them as one operation; returns its id.
/// Consecutive changes to one photo are written together, so that a photo's
/// flat and hierarchical keyword lists always change as a pair.
pub(super) fn perform(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    source: &str,
    summary: &Summary,
    reverts: Option<i64>,
    steps: &[Step],
) -> Result<i64> {
    let operation = record_operation(tx, source, summary, reverts)?;
    perform_within(tx, tree, operation, steps)?;
    Ok(operation)
}

/// Applies steps in order and records them as part of an operation.
pub(super) fn perform_within(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    operation: i64,
    steps: &[Step],
) -> Result<()> {
    let mut touched = BTreeSet::new();
    let steps = &*keeping_claims_whole(tx, steps)?;
    perform_leaving_index(tx, tree, operation, steps, &mut touched)?;
    stamp_shared(tx, operation, steps)?;
    // A source brought back (an undone removal) is cited again by the
    // claims that came citing it while it was gone, as a merge does.
    for step in steps {
        if let Step::Source {
            id,
            old: None,
            new: Some(_),
        } = step
        {
            let again = claims::citing_again(tx, *id)?;
            perform_leaving_index(tx, tree, operation, &again, &mut touched)?;
            stamp_shared(tx, operation, &again)?;
        }
    }
    search_index::reindex_with(tx, tree, &touched.into_iter().collect::<Vec<_>>())
}

/// The steps, with what keeps the claims whole where a team member's
/// changes came between an operation here and its undoing: a source's
/// removal is preceded by steps that have the claims still citing it cite
/// nothing (a colleague's claims came to cite a source added here), and a
/// claim made preferred by a step that takes the preference from another
/// (a colleague preferred it meanwhile). Claims the steps name themselves
/// are theirs to change. A merge's steps are kept whole the same way.
pub(super) fn keeping_claims_whole<'a>(
    tx: &Transaction<'_>,
    steps: &'a [Step],
) -> Result<std::borrow::Cow<'a, [Step]>> {
    // Whatever the step says it was: a colleague may have taken the
    // preference from it since.
    let preferring = |s: &Step| matches!(s, Step::Claim { new: Some(n), .. } if n.preferred);
    if !steps
        .iter()
        .any(|s| matches!(s, Step::Source { new: None, .. }) || preferring(s))
    {
        return Ok(std::borrow::Cow::Borrowed(steps));
    }
    let named: BTreeSet<i64> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Claim { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    // The claims of the fields the steps prefer a claim of, read in one
    // statement a field rather than one a photo: a claim on 10,000 photos
    // prefers 10,000.
    let mut photos_by_field: BTreeMap<&str, Vec<PhotoId>> = BTreeMap::new();
    for step in steps {
        if let Step::Claim { new: Some(n), .. } = step
            && preferring(step)
        {
            photos_by_field.entry(&n.field).or_default().push(n.photo);
        }
    }
    let mut held = BTreeMap::new();
    for (field, photos) in photos_by_field {
        held.insert(field, claims::claims_of_photos(tx, &photos, Some(field))?);
    }
    let mut out = Vec::with_capacity(steps.len());
    for step in steps {
        match step {
            Step::Source { id, new: None, .. } => {
                for (claim, c) in claims::claims_citing(tx, *id)? {
                    if !named.contains(&claim) {
                        out.push(claims::changed(claim, c, |c| c.source = None));
                    }
                }
            }
            Step::Claim { new: Some(n), .. } if preferring(step) => {
                let of_photo = held
                    .get(n.field.as_str())
                    .and_then(|claims| claims.get(&n.photo));
                for (claim, c) in of_photo.into_iter().flatten() {
                    if c.preferred && !named.contains(claim) {
                        out.push(claims::changed(*claim, c.clone(), |c| c.preferred = false));
                    }
                }
            }
            _ => {}
        }
        out.push(step.clone());
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Notes which claims and sources `operation` changed by name, for a team's
/// merge to tell which change of each is the latest.
pub(super) fn stamp_shared(tx: &Transaction<'_>, operation: i64, steps: &[Step]) -> Result<()> {
    // The shared names of the sources cited, each read once: a claim on
    // 10,000 photos cites one source 10,000 times.
    let mut source_uids: BTreeMap<i64, String> = BTreeMap::new();
    for step in steps {
        match step {
            Step::Claim { id, new, .. } => {
                shared_ids::stamp(tx, Kind::Claim, *id, operation)?;
                let cites = match new.as_ref().and_then(|c| c.source) {
                    Some(source) => match source_uids.get(&source) {
                        Some(uid) => Some(uid.clone()),
                        None => {
                            let uid = shared_ids::uid_of(tx, Kind::Source, source)?;
                            source_uids.insert(source, uid.clone());
                            Some(uid)
                        }
                    },
                    None => None,
                };
                shared_ids::set_cites(tx, *id, cites.as_deref())?;
            }
            Step::Source { id, .. } => {
                // Stamping may name the source anew.
                source_uids.remove(id);
                shared_ids::stamp(tx, Kind::Source, *id, operation)?
            }
            _ => {}
        }
    }
    Ok(())
}

/// [`perform_within`], but the photos whose indexed text changed are added
/// to `touched` for the caller to index once, with others: a merge of many
/// operations indexes each photo once, in order, at its end.
pub(super) fn perform_leaving_index(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    operation: i64,
    steps: &[Step],
    touched: &mut BTreeSet<PhotoId>,
) -> Result<()> {
    let mut stale = claims::StaleMarks::default();
    let mut at = 0;
    while at < steps.len() {
        if let Step::Claim { old, new, .. } = &steps[at] {
            stale.note(old.as_ref(), new.as_ref());
        }
        // Keywords a step brings into the tree as a side effect (the parents
        // of a new path) are recorded as created before it, so that undo
        // removes them after undoing the step itself.
        // Claims and sources never bring keywords with them, nor does a
        // change of a photo's other fields.
        let end = match &steps[at] {
            Step::Photo { photo, .. } => steps[at..]
                .iter()
                .position(|s| !matches!(s, Step::Photo { photo: p, .. } if p == photo))
                .map_or(steps.len(), |n| at + n),
            _ => at + 1,
        };
        let may_add_keywords = match &steps[at] {
            Step::Keyword { .. } | Step::Claim { .. } | Step::Source { .. } => false,
            Step::Photo { .. } => steps[at..end].iter().any(gives_keywords),
            _ => true,
        };
        let known = if may_add_keywords {
            last_keyword_id(tx)?
        } else {
            0
        };
        let done = if let Step::Photo { photo, .. } = &steps[at] {
            // Only what search reads as text is indexed again: a rating,
            // flag, label or date leaves the photo's entry as it was.
            let indexed = steps[at..end].iter().any(
                |s| matches!(s, Step::Photo { attribute, .. } if search_index::indexes(*attribute)),
            );
            if indexed {
                touched.insert(*photo);
            }
            apply_to_photo(tx, tree, *photo, &steps[at..end])?
        } else {
            apply(tx, tree, &steps[at], touched)?;
            vec![steps[at].clone()]
        };
        if may_add_keywords {
            for created in keywords_created_since(tx, tree, known)? {
                record_step(tx, operation, &created)?;
            }
        }
        for step in &done {
            record_step(tx, operation, step)?;
        }
        at = end;
    }
    stale.refresh(tx)?;
    Ok(())
}

/// Whether a step gives a photo's keywords.
pub(super) fn gives_keywords(step: &Step) -> bool {
    matches!(
        step,
        Step::Photo {
            attribute: Attribute::Field(Field::Keywords | Field::HierarchicalKeywords),
            ..
        }
    )
}

/// The newest keyword's id: keywords created later have greater ids.
pub(super) fn last_keyword_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT ifnull(max(id), 0) FROM keyword")?
        .query_row([], |r| r.get(0))?)
}

/// Steps that create the keywords made after the one with id `last`,
/// parents first.
pub(super) fn keywords_created_since(
    conn: &Connection,
    tree: &KeywordTree,
    last: i64,
) -> Result<Vec<Step>> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM keyword WHERE id > ?1 ORDER BY id")?
        .query_map([last], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids
        .into_iter()
        .map(|id| Step::Keyword {
            path: tree.path(id),
            old: None,
            new: Some(KeywordState {
                exported: tree.is_exported(id),
                synonyms: tree.synonyms(id).to_vec(),
            }),
        })
        .collect())
}

/// Sets values of one photo; returns the steps as applied, with the values
/// the photo really had before.
fn apply_to_photo(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    id: PhotoId,
    steps: &[Step],
) -> Result<Vec<Step>> {
    let mut photo = match load_photo(tx, tree, id) {
        Ok(p) => p,
        // A photo removed from the catalogue since has nothing to change.
        Err(CatalogError::NoSuchPhoto(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut done = Vec::new();
    let mut attributes: Vec<Attribute> = Vec::new();
    for step in steps {
        let Step::Photo { attribute, new, .. } = step else {
            continue;
        };
        let old = value_of(&photo, *attribute);
        set_value(&mut photo, *attribute, new);
        done.push(Step::Photo {
            photo: id,
            attribute: *attribute,
            old,
            new: new.clone(),
        });
        let keywords = |a: &Attribute| {
            matches!(
                a,
                Attribute::Field(Field::Keywords | Field::HierarchicalKeywords)
            )
        };
        if !attributes
            .iter()
            .any(|a| a == attribute || (keywords(a) && keywords(attribute)))
        {
            attributes.push(*attribute);
        }
    }
    // The two keyword lists are one value, made from one set of links: an
    // operation that changes either records both, so that a replica that
    // merges it ends with the pair its origin had, whichever came before.
    for (field, twin) in [
        (Field::Keywords, Field::HierarchicalKeywords),
        (Field::HierarchicalKeywords, Field::Keywords),
    ] {
        let given = |f: Field| {
            done.iter().any(
                |s| matches!(s, Step::Photo { attribute, .. } if *attribute == Attribute::Field(f)),
            )
        };
        if given(field) && !given(twin) {
            let value = value_of(&photo, Attribute::Field(twin));
            done.push(Step::Photo {
                photo: id,
                attribute: Attribute::Field(twin),
                old: value.clone(),
                new: value,
            });
        }
    }
    for attribute in attributes {
        write_value(tx, tree, &photo, attribute)?;
    }
    Ok(done)
}

/// Applies one step that is not a photo's value.
pub(super) fn apply(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    step: &Step,
    touched: &mut BTreeSet<PhotoId>,
) -> Result<()> {
    match step {
        Step::Photo { .. } => unreachable!("photo steps are applied by apply_to_photo"),
        Step::KeywordPath { old, new, .. } => {
            let Some(id) = tree.find_path(old) else {
                if tree.find_path(new).is_some() {
                    return Ok(()); // already there
                }
                return Err(Invalid::NoSuchKeywordPath { path: old.clone() }.into());
            };
            move_keyword_to(tx, tree, id, new)?;
            touched.extend(keywords::photos_with(tx, &tree.subtree(id))?);
        }
        Step::Keyword { path, new, .. } => match new {
            None => {
                // A keyword a photo holds stays in the tree. Deleting a
                // keyword takes it from its photos first; what reaches
                // here with photos is an undo of the keyword's creation
                // after another operation gave it to more photos, or a
                // team member's deletion made before one here did.
                if let Some(id) = tree.find_path(path)
                    && keywords::photos_with(tx, &tree.subtree(id))?.is_empty()
                {
                    tree.delete(tx, id)?;
                }
            }
            Some(state) => {
                let Some(&id) = tree.ensure_path(tx, path)?.last() else {
                    return Err(Invalid::NotAKeywordPath { path: path.clone() }.into());
                };
                if tree.is_exported(id) != state.exported {
                    tree.set_exported(tx, id, state.exported)?;
                }
                let extra: Vec<String> = tree
                    .synonyms(id)
                    .iter()
                    .filter(|s| !state.synonyms.contains(s))
                    .cloned()
                    .collect();
                for synonym in &state.synonyms {
                    tree.add_synonym(tx, id, synonym)?;
                }
                if !extra.is_empty() {
                    for synonym in &extra {
                        tx.prepare_cached(
                            "DELETE FROM keyword_synonym WHERE keyword_id = ?1 AND synonym = ?2",
                        )?
                        .execute(params![id, synonym])?;
                    }
                    *tree = KeywordTree::load(tx)?;
                }
                // Synonyms are searchable: the keyword's photos are indexed anew.
                touched.extend(keywords::photos_with(tx, &tree.subtree(id))?);
            }
        },
        Step::Set { name, new, .. } => match new {
            None => {
                tx.execute("DELETE FROM photo_set WHERE name = ?1", [name])?;
            }
            Some(state) => {
                let id: i64 = tx
                    .prepare_cached(
                        "INSERT INTO photo_set (name, query, created_at)
                         VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) RETURNING id",
                    )?
                    .query_row(params![name, state.query], |r| r.get(0))
                    .map_err(|e| match e {
                        rusqlite::Error::SqliteFailure(f, _)
                            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                        {
                            CatalogError::from(Invalid::SetNameTaken { name: name.clone() })
                        }
                        other => other.into(),
                    })?;
                write_items(tx, id, &state.items)?;
            }
        },
        Step::SetName { old, new } => {
            let n = tx
                .execute(
                    "UPDATE photo_set SET name = ?2 WHERE name = ?1",
                    params![old, new],
                )
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        CatalogError::from(Invalid::SetNameTaken { name: new.clone() })
                    }
                    other => other.into(),
                })?;
            if n == 0 {
                return Err(Invalid::NoSuchSetOrSearch { name: old.clone() }.into());
            }
        }
        Step::SetItems { set, new, .. } => {
            let id: i64 = tx
                .query_row("SELECT id FROM photo_set WHERE name = ?1", [set], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| CatalogError::from(Invalid::NoSuchSet { name: set.clone() }))?;
            tx.execute("DELETE FROM set_item WHERE set_id = ?1", [id])?;
            write_items(tx, id, new)?;
        }
        Step::Claim { id, old, new } => claims::write_claim(tx, *id, old.as_ref(), new.as_ref())?,
        Step::Source { id, new, .. } => claims::write_source(tx, *id, new.as_ref())?,
        Step::Template { name, new, .. } => match new {
            None => {
                tx.execute("DELETE FROM template WHERE name = ?1", [name])?;
            }
            Some(fields) => {
                tx.execute(
                    "INSERT INTO template (name, fields) VALUES (?1, ?2)
                     ON CONFLICT (name) DO UPDATE SET fields = excluded.fields",
                    params![name, fields.to_string()],
                )?;
            }
        },
    }
    Ok(())
}

/// Writes a set's photos in order; photos no longer catalogued are left out.
fn write_items(tx: &Transaction<'_>, set: i64, items: &[SetEntry]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO set_item (set_id, photo_id, position, note)
         SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM photo WHERE id = ?2)",
    )?;
    for (position, (photo, note)) in items.iter().enumerate() {
        insert.execute(params![set, photo, position as i64 + 1, note])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The catalogue's history

/// Operations made by people, as opposed to the undos and redos of them.
const MADE: &str = "source NOT IN ('undo', 'redo')";

impl Catalogue {
    /// Runs one operation: `plan` reads what it needs inside the
    /// transaction and returns the operation's summary and steps (or `None`
    /// when there is nothing to do); the steps are applied and recorded.
    pub(super) fn operation<T>(
        &mut self,
        source: &str,
        plan: impl FnOnce(&Transaction<'_>, &KeywordTree) -> Result<Option<(Summary, Vec<Step>, T)>>,
    ) -> Result<Option<T>> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let Some((summary, steps, out)) = plan(&tx, &tree)? else {
            return Ok(None);
        };
        if !steps.is_empty() {
            perform(&tx, &mut tree, source, &summary, None, &steps)?;
        }
        tx.commit()?;
        Ok(Some(out))
    }

    /// Reverts the newest operation made here that is still in force, as a
    /// whole: a colleague's operations are theirs to undo. Returns what was
    /// undone, or `None` when there is nothing to undo. The undo is itself
    /// an operation in the history.
    pub fn undo(&mut self) -> Result<Option<Reverted>> {
        let tx = self.conn.transaction()?;
        let Some((operation, summary)) = undoable(&tx)? else {
            return Ok(None);
        };
        let steps: Vec<Step> = steps_of(&tx, operation)?
            .iter()
            .rev()
            .map(Step::reversed)
            .collect();
        let mut tree = KeywordTree::load(&tx)?;
        let undo = perform(
            &tx,
            &mut tree,
            "undo",
            &format!("Undo: {summary}").into(),
            Some(operation),
            &steps,
        )?;
        tx.execute(
            "UPDATE edit_operation SET undone_by = ?2 WHERE id = ?1",
            params![operation, undo],
        )?;
        tx.commit()?;
        Ok(Some(Reverted {
            operation,
            summary,
            changes: steps.len(),
        }))
    }

    /// Applies again the operation undone most recently, unless something
    /// new has been done since. Returns what was redone, or `None`.
    pub fn redo(&mut self) -> Result<Option<Reverted>> {
        let tx = self.conn.transaction()?;
        let Some((operation, summary)) = redoable(&tx)? else {
            return Ok(None);
        };
        let steps = steps_of(&tx, operation)?;
        let mut tree = KeywordTree::load(&tx)?;
        perform(
            &tx,
            &mut tree,
            "redo",
            &format!("Redo: {summary}").into(),
            Some(operation),
            &steps,
        )?;
        tx.execute(
            "UPDATE edit_operation SET undone_by = NULL WHERE id = ?1",
            [operation],
        )?;
        tx.commit()?;
        Ok(Some(Reverted {
            operation,
            summary,
            changes: steps.len(),
        }))
    }

    /// What undo and redo would do now, in words.
    pub fn undo_redo(&self) -> Result<(Option<String>, Option<String>)> {
        let undo = undoable(&self.conn)?.map(|(_, summary)| summary);
        let redo = redoable(&self.conn)?.map(|(_, summary)| summary);
        Ok((undo, redo))
    }

    /// What undo and redo would do now, as operations with their steps,
    /// for a face that says them in its own words.
    pub fn undo_redo_operations(&self) -> Result<(Option<Operation>, Option<Operation>)> {
        let undo = undoable(&self.conn)?.map(|(id, _)| id);
        let redo = redoable(&self.conn)?.map(|(id, _)| id);
        let read = |id: Option<i64>| -> Result<Option<Operation>> {
            match id {
                Some(id) => self.operation_record(id),
                None => Ok(None),
            }
        };
        Ok((read(undo)?, read(redo)?))
    }

    /// One operation of the history with all its steps, or `None` when
    /// there is no such operation.
    pub fn operation_record(&self, id: i64) -> Result<Option<Operation>> {
        let head: Option<(String, String, Option<i64>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT source, summary, reverts, deed FROM edit_operation WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((source, summary, reverts, deed)) = head else {
            return Ok(None);
        };
        // A kind of deed a later version records is said from the steps.
        let deed = deed.and_then(|json| serde_json::from_str(&json).ok());
        let (changes, photos): (i64, i64) = self.conn.query_row(
            "SELECT count(*), count(DISTINCT photo_id) FROM edit_change WHERE operation_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let rows: Vec<Row> = self
            .conn
            .prepare_cached(
                "SELECT photo_id, keyword_id, field, old_value, new_value, subject FROM edit_change
                 WHERE operation_id = ?1 ORDER BY rowid LIMIT ?2",
            )?
            .query_map(params![id, STEPS_READ as i64], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(Operation {
            id,
            source,
            summary,
            deed,
            reverts,
            steps: rows.into_iter().map(from_row).collect::<Result<_>>()?,
            changes: changes as usize,
            photos: photos as usize,
        }))
    }

    /// The history, newest first: every operation, or those that changed
    /// one photo (with just that photo's changes).
    pub fn history(&self, photo: Option<PhotoId>, limit: usize) -> Result<Vec<HistoryEntry>> {
        let mut operations = self.conn.prepare(
            "SELECT o.id, o.at, o.source, o.summary, o.undone_by IS NOT NULL, o.author
             FROM edit_operation o
             WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM edit_change c
                                         WHERE c.operation_id = o.id AND c.photo_id = ?1)
             ORDER BY o.id DESC LIMIT ?2",
        )?;
        let mut entries: Vec<HistoryEntry> = operations
            .query_map(params![photo.map(|p| p.0), limit as i64], |r| {
                Ok(HistoryEntry {
                    operation: r.get(0)?,
                    at: r.get(1)?,
                    source: r.get(2)?,
                    summary: r.get(3)?,
                    undone: r.get(4)?,
                    author: r.get(5)?,
                    changes: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut changes = self.conn.prepare_cached(
            "SELECT photo_id, keyword_id, field, old_value, new_value, subject FROM edit_change
             WHERE operation_id = ?1 AND (?2 IS NULL OR photo_id = ?2) ORDER BY rowid",
        )?;
        for entry in &mut entries {
            let rows: Vec<Row> = changes
                .query_map(params![entry.operation, photo.map(|p| p.0)], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for row in rows {
                let photo = row.0.map(PhotoId);
                let step = from_row(row)?;
                entry.changes.push(HistoryChange {
                    photo,
                    words: step.describe(&self.conn),
                    step,
                });
            }
        }
        Ok(entries)
    }
}

/// Operations this replica made: a member of a team undoes and redoes
/// only their own work, never a colleague's that arrived with a snapshot
/// or a sync.
const HERE: &str = "replica = (SELECT id FROM local_replica)";

/// The operation undo would take back (the newest made here and not
/// undone), with its summary.
fn undoable(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT id, summary FROM edit_operation
                 WHERE undone_by IS NULL AND {MADE} AND {HERE}
                 ORDER BY id DESC LIMIT 1"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The operation redo would make again: the one undone by the newest undo
/// made here since the last operation made here, while it is still undone
/// by that undo.
fn redoable(tx: &Connection) -> Result<Option<(i64, String)>> {
    Ok(tx
        .query_row(
            &format!(
                "SELECT t.id, t.summary FROM edit_operation u
                 JOIN edit_operation t ON t.id = u.reverts AND t.undone_by = u.id
                 WHERE u.source = 'undo' AND u.replica = (SELECT id FROM local_replica)
                   AND u.id > ifnull((SELECT max(id) FROM edit_operation
                                      WHERE {MADE} AND {HERE}), 0)
                 ORDER BY u.id DESC LIMIT 1"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
