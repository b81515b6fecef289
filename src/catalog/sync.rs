//! This replica's side of syncing with the team's server: its operations as
//! they travel ([`Shared`]), which of them the server still lacks, and
//! merging the operations other replicas made.
//!
//! An operation travels with its photos named by content hash, never by
//! this catalogue's ids or paths, which differ from one replica to another.
//! Merging is per field, and the same on every replica whatever order the
//! operations arrive in: a field takes the value of the operation with the
//! latest time of the hybrid logical clock. Two operations that changed one
//! field without knowing of each other (made on replicas apart, neither
//! having pulled the other) are a conflict: the later value stands, and
//! each value stays as a claim naming its author and time, so the field is
//! disputed until someone decides. Whether one operation knew of another
//! is told by where each stands in the server's order: an operation
//! remembers how far its replica had pulled when it was made (`seen`).
//! Every incoming change is compared with every change of the field held
//! here, and each claim is tied to the operation whose value it keeps
//! (`kept_from`), so that whichever replica meets a pair second makes the
//! same claims, once: every replica ends with the same claims.
//!
//! Claims and sources travel by their shared names (`shared_ids`): the
//! latest change of each claim or source stands, whether it added, changed
//! or removed it, and the claims an edit made follow it as changes of their
//! own, the same on every replica. A photo's keywords follow the renames
//! later than the value given them ([`keyword_merge`]). Nothing here talks
//! to the server.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::claims::{self, ClaimRecord};
use super::edit::normalise;
use super::history::{self, KeywordState, SetEntry, SetState, Step};
use super::keywords::KeywordTree;
use super::shared_ids::{self, Kind, Stamp};
use super::{CatalogError, Catalogue, Result, clock, keyword_merge, replica, search_index, sets};
use crate::photo::{Attribute, Field, PhotoId};

/// A photo named by its content: the BLAKE3 hash of its file, and which of
/// the photos with that hash it is (`#1`, `#2` for the second and third
/// by catalogue order; nothing for the first, which almost every photo is).
pub type PhotoRef = String;

/// The content hash a [`PhotoRef`] names, without its copy's number.
pub fn content_hash(reference: &str) -> &str {
    reference
        .split_once('#')
        .map_or(reference, |(hash, _)| hash)
}

/// One of an exhibition set's photos as it travels, with its wall label.
pub type SharedEntry = (PhotoRef, Option<String>);

/// A set or saved search as it travels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedSet {
    pub query: Option<String>,
    pub items: Vec<SharedEntry>,
}

/// One step of an operation as it travels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SharedStep {
    Photo {
        photo: PhotoRef,
        field: String,
        old: Value,
        new: Value,
    },
    KeywordPath {
        old: String,
        new: String,
    },
    Keyword {
        path: String,
        old: Option<KeywordState>,
        new: Option<KeywordState>,
    },
    Set {
        name: String,
        old: Option<SharedSet>,
        new: Option<SharedSet>,
    },
    /// A set or saved search renamed, with what it held when the rename
    /// was sent, so that every replica gives the new name the same set.
    SetName {
        old: String,
        new: String,
        /// Absent from the operations of a version that did not send it,
        /// and when the set had gone again by the time it was sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state: Option<SharedSet>,
    },
    SetItems {
        set: String,
        old: Vec<SharedEntry>,
        new: Vec<SharedEntry>,
    },
    Template {
        name: String,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// A claim added, changed or removed, by its shared name: its record
    /// without this catalogue's ids (the source it cites by shared name).
    Claim {
        photo: PhotoRef,
        field: String,
        /// Absent from the operations of a version that did not name them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claim: Option<String>,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// A source added, changed or removed, by its shared name.
    Source {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        old: Option<Value>,
        new: Option<Value>,
    },
}

/// An operation as it travels to and from the team's server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// The replica that made it, and which of its operations it is.
    pub replica: String,
    pub seq: i64,
    /// When, by the hybrid logical clock (packed).
    pub hlc: i64,
    /// How far its replica had pulled the server's operations when it was
    /// made.
    pub seen: i64,
    pub author: Option<String>,
    /// What made it: edit, keywords, sets, undo...
    pub source: String,
    /// The operation in (English) words.
    pub summary: String,
    pub steps: Vec<SharedStep>,
}

/// The longest summary taken from the server, in bytes.
pub const MAX_SUMMARY_BYTES: usize = 2_000;

/// What a pull did with the operations it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Merged {
    /// Operations from other replicas merged here.
    pub operations: usize,
    /// Fields two replicas changed apart: the later value stands, both stay
    /// as claims.
    pub conflicts: usize,
    /// Changes that lost to a later change of the same field made here or
    /// pulled before.
    pub superseded: usize,
    /// Changes to photos this catalogue does not have.
    pub unknown_photos: usize,
    /// Changes that no longer apply here (a keyword renamed away, a set
    /// name taken), each left out.
    pub left_out: usize,
    /// Changes with a field or value the catalogue does not hold (an
    /// unknown field, a caption past the size limit), each left out.
    pub invalid: usize,
    /// Operations refused as damaged or hostile, each with why.
    pub refused: Vec<String>,
}

impl Merged {
    pub fn add(&mut self, other: Merged) {
        self.operations += other.operations;
        self.conflicts += other.conflicts;
        self.superseded += other.superseded;
        self.unknown_photos += other.unknown_photos;
        self.left_out += other.left_out;
        self.invalid += other.invalid;
        self.refused.extend(other.refused);
    }
}

// ---------------------------------------------------------------------------
// Photos by content

pub(super) fn photo_ref(conn: &Connection, id: PhotoId) -> Result<Option<PhotoRef>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.hash, (SELECT count(*) FROM photo q WHERE q.hash = p.hash AND q.id < p.id)
             FROM photo p WHERE p.id = ?1",
        )?
        .query_row([id.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .optional()?
        .map(|(hash, n)| if n == 0 { hash } else { format!("{hash}#{n}") }))
}

pub(super) fn photo_of(conn: &Connection, reference: &str) -> Result<Option<PhotoId>> {
    let (hash, n) = match reference.split_once('#') {
        Some((hash, n)) => match n.parse::<i64>() {
            Ok(n) if n > 0 => (hash, n),
            _ => return Ok(None),
        },
        None => (reference, 0),
    };
    Ok(conn
        .prepare_cached("SELECT id FROM photo WHERE hash = ?1 ORDER BY id LIMIT 1 OFFSET ?2")?
        .query_row(params![hash, n], |r| r.get(0))
        .optional()?
        .map(PhotoId))
}

fn shared_items(conn: &Connection, items: &[SetEntry]) -> Result<Vec<SharedEntry>> {
    let mut out = Vec::with_capacity(items.len());
    for (photo, note) in items {
        if let Some(r) = photo_ref(conn, PhotoId(*photo))? {
            out.push((r, note.clone()));
        }
    }
    Ok(out)
}

fn local_items(conn: &Connection, items: &[SharedEntry]) -> Result<Vec<SetEntry>> {
    let mut out = Vec::with_capacity(items.len());
    for (photo, note) in items {
        if let Some(id) = photo_of(conn, photo)? {
            out.push((id.0, note.clone()));
        }
    }
    Ok(out)
}

fn shared_set(conn: &Connection, set: Option<SetState>) -> Result<Option<SharedSet>> {
    set.map(|s| {
        Ok(SharedSet {
            query: s.query,
            items: shared_items(conn, &s.items)?,
        })
    })
    .transpose()
}

fn local_set(conn: &Connection, set: &Option<SharedSet>) -> Result<Option<SetState>> {
    set.as_ref()
        .map(|s| {
            Ok(SetState {
                query: s.query.clone(),
                items: local_items(conn, &s.items)?,
            })
        })
        .transpose()
}

/// A claim's record as it travels: without this catalogue's ids, the
/// source it cites by shared name.
fn shared_claim(conn: &Connection, record: &Option<ClaimRecord>) -> Result<Option<Value>> {
    let Some(c) = record else {
        return Ok(None);
    };
    let mut value = serde_json::to_value(c)?;
    if let Some(o) = value.as_object_mut() {
        o.remove("photo");
        let source = c
            .source
            .map(|s| shared_ids::uid_of(conn, Kind::Source, s))
            .transpose()?;
        o.insert("source".into(), Value::from(source));
    }
    Ok(Some(value))
}

/// A step as it travels; `None` for a step on a photo no longer here.
fn share(conn: &Connection, step: Step) -> Result<Option<SharedStep>> {
    Ok(Some(match step {
        Step::Photo {
            photo,
            attribute,
            old,
            new,
        } => match photo_ref(conn, photo)? {
            Some(photo) => SharedStep::Photo {
                photo,
                field: attribute.name().to_owned(),
                old,
                new,
            },
            None => return Ok(None),
        },
        Step::KeywordPath { old, new, .. } => SharedStep::KeywordPath { old, new },
        Step::Keyword { path, old, new } => SharedStep::Keyword { path, old, new },
        Step::Set { name, old, new } => SharedStep::Set {
            name,
            old: shared_set(conn, old)?,
            new: shared_set(conn, new)?,
        },
        Step::SetName { old, new } => {
            // A later change of the set by its new name travels too, and
            // is later on every replica: the set as it is now is as good
            // as the set as it was renamed.
            let state = shared_set(conn, sets::state_now(conn, &new)?)?;
            SharedStep::SetName { old, new, state }
        }
        Step::SetItems { set, old, new } => SharedStep::SetItems {
            set,
            old: shared_items(conn, &old)?,
            new: shared_items(conn, &new)?,
        },
        Step::Template { name, old, new } => SharedStep::Template { name, old, new },
        Step::Claim { id, old, new } => {
            let Some(c) = old.as_ref().or(new.as_ref()) else {
                return Ok(None);
            };
            match photo_ref(conn, c.photo)? {
                Some(photo) => SharedStep::Claim {
                    photo,
                    field: c.field.clone(),
                    claim: Some(shared_ids::uid_of(conn, Kind::Claim, id)?),
                    old: shared_claim(conn, &old)?,
                    new: shared_claim(conn, &new)?,
                },
                None => return Ok(None),
            }
        }
        Step::Source { id, old, new } => SharedStep::Source {
            source: Some(shared_ids::uid_of(conn, Kind::Source, id)?),
            old: old.map(serde_json::to_value).transpose()?,
            new: new.map(serde_json::to_value).transpose()?,
        },
    }))
}

// ---------------------------------------------------------------------------
// Merging one field

/// A photo's flat and hierarchical keywords are one list to merge: the
/// tree's links make both, so they change together or not at all.
fn merged_as(attribute: Attribute) -> (&'static str, &'static str) {
    match attribute {
        Attribute::Field(Field::Keywords | Field::HierarchicalKeywords) => (
            Attribute::Field(Field::Keywords).name(),
            Attribute::Field(Field::HierarchicalKeywords).name(),
        ),
        other => (other.name(), other.name()),
    }
}

/// The stamp of the latest operation here, other than `except`, that
/// changed a photo's field: the value it gave is the field's.
fn latest_photo_change(
    tx: &Connection,
    photo: PhotoId,
    attribute: Attribute,
    except: i64,
) -> Result<Option<Stamp>> {
    let (field, twin) = merged_as(attribute);
    Ok(tx
        .prepare_cached(
            "SELECT o.hlc, o.replica
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id = ?1 AND c.field IN (?2, ?3) AND o.id != ?4
             ORDER BY o.hlc DESC, o.replica DESC LIMIT 1",
        )?
        .query_row(params![photo.0, field, twin, except], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// The stamp of the latest operation here, other than `except`, that
/// changed what the set or saved search by a name holds: made it, deleted
/// it, renamed it or another to the name, or changed its photos.
fn latest_set_change(tx: &Connection, set: &str, except: i64) -> Result<Option<Stamp>> {
    // A rename's names are kept as JSON strings.
    let named = serde_json::to_string(set)?;
    Ok(tx
        .prepare_cached(
            "SELECT o.hlc, o.replica
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id IS NULL
               AND (c.field IN ('set', 'set.items') AND c.subject = ?1
                    OR c.field = 'set.name' AND ?3 IN (c.old_value, c.new_value))
               AND o.id != ?2
             ORDER BY o.hlc DESC, o.replica DESC LIMIT 1",
        )?
        .query_row(params![set, except, named], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Whether a change of a set's by `op` came after every other change here
/// of the set by that name.
fn latest_for_set(tx: &Connection, set: &str, id: i64, op: &Shared) -> Result<bool> {
    Ok(latest_set_change(tx, set, id)?.is_none_or(|latest| latest < op.stamp()))
}

/// The steps that make the set by `name`, holding `now` here, hold `state`
/// (`None`: no set by that name).
fn set_becomes(name: &str, now: Option<SetState>, state: Option<SetState>) -> Vec<Step> {
    if now == state {
        return Vec::new();
    }
    let mut steps = Vec::new();
    match (now, state) {
        (Some(old), Some(new)) if old.query.is_none() && new.query.is_none() => {
            steps.push(Step::SetItems {
                set: name.to_owned(),
                old: old.items,
                new: new.items,
            });
        }
        (now, state) => {
            if now.is_some() {
                steps.push(Step::Set {
                    name: name.to_owned(),
                    old: now,
                    new: None,
                });
            }
            if state.is_some() {
                steps.push(Step::Set {
                    name: name.to_owned(),
                    old: None,
                    new: state,
                });
            }
        }
    }
    steps
}

impl Shared {
    fn stamp(&self) -> Stamp {
        (self.hlc, self.replica.clone())
    }
}

/// Who made a change and when, as a conflict's claims note it: data the
/// same on every replica, so in no one language.
fn attribution(author: Option<&str>, replica: &str, hlc: i64) -> String {
    let who = match author {
        Some(a) => a.to_owned(),
        None => format!("replica {}", &replica[..replica.len().min(8)]),
    };
    let when = clock::Hlc::from_packed(hlc)
        .ok()
        .and_then(|t| i64::try_from(t.millis).ok())
        .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
        .map_or_else(String::new, |t| {
            format!(", {}", t.strftime("%Y-%m-%d %H:%M:%S UTC"))
        });
    format!("{who}{when}")
}

/// A change of a photo's field made on some replica, as the merge compares
/// it with an incoming one.
struct FieldChange {
    replica: String,
    seq: i64,
    server_pos: Option<i64>,
    seen: i64,
    author: Option<String>,
    hlc: i64,
    value: Value,
}

impl FieldChange {
    /// Whether this change was made knowing of `other`: on the same
    /// replica after it, or after its replica had pulled it.
    fn knows(&self, other: &FieldChange) -> bool {
        other.server_pos.is_some_and(|pos| pos <= self.seen)
    }

    /// Whether the two changes were made apart: on two replicas, neither
    /// knowing of the other.
    fn apart_from(&self, other: &FieldChange) -> bool {
        self.replica != other.replica && !self.knows(other) && !other.knows(self)
    }

    /// The claim that keeps this change's value.
    fn kept(&self) -> Kept {
        Kept {
            from: format!("{}:{}", self.replica, self.seq),
            value: self.value.clone(),
            note: attribution(self.author.as_deref(), &self.replica, self.hlc),
        }
    }
}

/// A value to keep as a claim, and the change it comes from.
struct Kept {
    from: String,
    value: Value,
    note: String,
}

/// Every change of a photo's field this catalogue holds but the operation
/// `except`: those it made or merged, and those that came superseded.
fn field_changes(
    tx: &Connection,
    photo: PhotoId,
    field: &str,
    except: i64,
) -> Result<Vec<FieldChange>> {
    let rows: Vec<(FieldChange, String)> = tx
        .prepare_cached(
            "SELECT o.replica, o.seq, o.server_pos, ifnull(o.seen, 0), o.author, o.hlc, v.value
             FROM (SELECT operation_id, new_value AS value FROM edit_change
                   WHERE photo_id = ?1 AND field = ?2
                   UNION ALL
                   SELECT operation_id, value FROM merge_value
                   WHERE photo_id = ?1 AND field = ?2) v
             JOIN edit_operation o ON o.id = v.operation_id
             WHERE o.id != ?3",
        )?
        .query_map(params![photo.0, field, except], |r| {
            Ok((
                FieldChange {
                    replica: r.get(0)?,
                    seq: r.get(1)?,
                    server_pos: r.get(2)?,
                    seen: r.get(3)?,
                    author: r.get(4)?,
                    hlc: r.get(5)?,
                    value: Value::Null,
                },
                r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Each value as a merge gives it (a list's items once each: a photo's
    // flat keywords name two keywords of one name once), so that every
    // replica compares the same values and keeps the same claims, the one
    // that made a change and those that merged it.
    let attribute = Attribute::from_name(field);
    Ok(rows
        .into_iter()
        .filter_map(|(mut change, text)| {
            let value: Value = serde_json::from_str(&text).ok()?;
            change.value = attribute
                .and_then(|a| normalise(a, &value).ok())
                .unwrap_or(value);
            Some(change)
        })
        .collect())
}

/// The claim steps that keep each value not yet kept: a claim per change,
/// never preferred, made once on every replica whichever order the
/// changes came in.
fn keep_claims(
    tx: &Connection,
    photo: PhotoId,
    attribute: Attribute,
    kept: Vec<Kept>,
) -> Result<Vec<Step>> {
    let field = attribute.name();
    let Some(reference) = photo_ref(tx, photo)? else {
        return Ok(Vec::new());
    };
    let mut steps = Vec::new();
    let mut taken = 0;
    for k in kept {
        // Named the same on every replica, and made once: not again after
        // someone removed it.
        let uid = format!("kept:{}:{field}:{reference}", k.from);
        if claims::is_empty(&k.value) || shared_ids::local(tx, Kind::Claim, &uid)?.is_some() {
            continue;
        }
        taken = claims::next_id(tx, "claim", taken)?;
        shared_ids::name(tx, Kind::Claim, taken, &uid)?;
        steps.push(Step::Claim {
            id: taken,
            old: None,
            new: Some(ClaimRecord {
                photo,
                field: field.to_owned(),
                value: k.value,
                source: None,
                locator: None,
                certainty: None,
                note: Some(k.note),
                preferred: false,
                kept_from: Some(k.from),
            }),
        });
    }
    Ok(steps)
}

// ---------------------------------------------------------------------------
// Checking what the server sent

fn refuse(op: &Shared, why: &str) -> String {
    let replica: String = op.replica.chars().take(32).collect();
    format!(
        "operation {} of replica {}: {why}",
        op.seq,
        crate::text::printable(&replica)
    )
}

/// Checks the parts of an operation that are not its steps.
fn checked(op: &Shared, latest: clock::Hlc, now: u64) -> std::result::Result<(), String> {
    if op.replica.len() != 32
        || !op
            .replica
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(refuse(op, "its replica id is not 32 hex digits"));
    }
    if op.seq < 1 || op.seen < 0 {
        return Err(refuse(op, "its numbers are out of range"));
    }
    let hlc = clock::Hlc::from_packed(op.hlc).map_err(|e| refuse(op, &e.to_string()))?;
    clock::observe(latest, hlc, now).map_err(|e| refuse(op, &e.to_string()))?;
    if let Some(author) = &op.author
        && !replica::checked_author(author).is_ok_and(|a| a == *author)
    {
        return Err(refuse(op, "its author is not a name the catalogue keeps"));
    }
    if op.source.is_empty()
        || op.source.len() > 20
        || !op
            .source
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-')
    {
        return Err(refuse(
            op,
            "it names no kind of operation the catalogue knows",
        ));
    }
    if op.summary.len() > MAX_SUMMARY_BYTES || op.summary.chars().any(char::is_control) {
        return Err(refuse(
            op,
            "its summary is not one line of at most 2,000 bytes",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Merging an operation

/// Runs `f` inside a savepoint: what it wrote stays when it succeeds and
/// is undone when it fails, and the failure is returned.
fn within_savepoint<T>(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    f: impl FnOnce(&mut KeywordTree) -> Result<T>,
) -> Result<std::result::Result<T, CatalogError>> {
    tx.execute_batch("SAVEPOINT merge_step")?;
    match f(tree) {
        Ok(v) => {
            tx.execute_batch("RELEASE merge_step")?;
            Ok(Ok(v))
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO merge_step; RELEASE merge_step")?;
            // The tree in memory may hold what was rolled back.
            *tree = KeywordTree::load(tx)?;
            Ok(Err(e))
        }
    }
}

/// Merges one pulled operation. The photos whose indexed text it changed
/// are added to `touched`, for the caller to index once with others.
fn merge_operation(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    pos: i64,
    op: &Shared,
    touched: &mut BTreeSet<PhotoId>,
) -> Result<Merged> {
    let mut merged = Merged {
        operations: 1,
        ..Merged::default()
    };
    let millis = clock::Hlc::from_packed(op.hlc).map_or(0, |t| t.millis);
    let id: i64 = tx
        .prepare_cached(
            "INSERT INTO edit_operation
                 (at, source, summary, replica, seq, hlc, author, server_pos, seen)
             VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', ?1 / 1000, 'unixepoch'),
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             RETURNING id",
        )?
        .query_row(
            params![
                millis as i64,
                op.source,
                op.summary,
                op.replica,
                op.seq,
                op.hlc,
                op.author,
                pos,
                op.seen
            ],
            |r| r.get(0),
        )?;
    let mut run = Run::default();
    let keywords =
        [Field::Keywords, Field::HierarchicalKeywords].map(|f| Attribute::Field(f).name());
    if op
        .steps
        .iter()
        .any(|s| matches!(s, SharedStep::Photo { field, .. } if keywords.contains(&field.as_str())))
    {
        run.renames = keyword_merge::renames_after(tx, &op.stamp(), id)?;
    }
    for step in &op.steps {
        if !matches!(step, SharedStep::Photo { .. }) {
            run.flush(tx, tree, id)?;
        }
        match step {
            SharedStep::Photo {
                photo, field, new, ..
            } => {
                let Some(attribute) = Attribute::from_name(field) else {
                    merged.invalid += 1;
                    continue;
                };
                let Some(photo) = photo_of(tx, photo)? else {
                    merged.unknown_photos += 1;
                    continue;
                };
                let Ok(new) = normalise(attribute, new) else {
                    merged.invalid += 1;
                    continue;
                };
                merge_photo_step(
                    tx,
                    tree,
                    id,
                    pos,
                    op,
                    photo,
                    attribute,
                    new,
                    &mut run,
                    &mut merged,
                )?;
                continue;
            }
            SharedStep::Claim {
                photo,
                field,
                claim: Some(uid),
                new,
                ..
            } => merge_claim_step(
                tx,
                tree,
                id,
                op,
                (photo, field, uid),
                new.as_ref(),
                &mut run.touched,
                &mut merged,
            )?,
            SharedStep::Source {
                source: Some(uid),
                new,
                ..
            } => merge_source_step(
                tx,
                tree,
                id,
                op,
                uid,
                new.as_ref(),
                &mut run.touched,
                &mut merged,
            )?,
            // From a version that did not name claims and sources.
            SharedStep::Claim { claim: None, .. } | SharedStep::Source { source: None, .. } => {
                merged.invalid += 1
            }
            other if !names_hold(other) => merged.invalid += 1,
            // A set (or saved search) is one value by its name: the latest
            // change to the name, by the clock, decides what it holds on
            // every replica, whatever order the changes arrive in. So a
            // set deleted here and changed by a colleague later comes
            // back, and a rename carries the set as it was sent.
            SharedStep::Set { name, new, .. } => {
                if !latest_for_set(tx, name, id, op)? {
                    merged.superseded += 1;
                    continue;
                }
                let steps = set_becomes(name, sets::state_now(tx, name)?, local_set(tx, new)?);
                merged.left_out += perform_merged(tx, tree, id, &steps, &mut run.touched)?;
            }
            SharedStep::SetItems { set, new, .. } => {
                if !latest_for_set(tx, set, id, op)? {
                    merged.superseded += 1;
                    continue;
                }
                let now = sets::state_now(tx, set)?;
                if now.as_ref().is_some_and(|s| s.query.is_some()) {
                    // A saved search by that name here holds no photos.
                    merged.left_out += 1;
                    continue;
                }
                let state = SetState {
                    query: None,
                    items: local_items(tx, new)?,
                };
                let steps = set_becomes(set, now, Some(state));
                merged.left_out += perform_merged(tx, tree, id, &steps, &mut run.touched)?;
            }
            SharedStep::SetName { old, new, state } => {
                let was = sets::state_now(tx, old)?;
                let mut steps = Vec::new();
                if latest_for_set(tx, old, id, op)? {
                    steps.extend(set_becomes(old, was.clone(), None));
                } else {
                    merged.superseded += 1;
                }
                if latest_for_set(tx, new, id, op)? {
                    // From a version that did not send the set: the set
                    // by the old name as it is here.
                    let state = match state {
                        Some(_) => local_set(tx, state)?,
                        None => was,
                    };
                    if let Some(state) = state {
                        steps.extend(set_becomes(new, sets::state_now(tx, new)?, Some(state)));
                    }
                } else {
                    merged.superseded += 1;
                }
                merged.left_out += perform_merged(tx, tree, id, &steps, &mut run.touched)?;
            }
            SharedStep::KeywordPath { old, new } => {
                // Recorded whatever it finds here: values older than it
                // that come later follow it.
                history::record_step(
                    tx,
                    id,
                    &Step::KeywordPath {
                        keyword: None,
                        old: old.clone(),
                        new: new.clone(),
                    },
                )?;
                let done = within_savepoint(tx, tree, |tree| {
                    let names = (old.as_str(), new.as_str());
                    keyword_merge::merge_rename(tx, tree, id, &op.stamp(), names, &mut run.touched)
                })?;
                if !matches!(done, Ok(true)) {
                    merged.left_out += 1;
                }
            }
            SharedStep::Keyword { path, old, new } => {
                // The keyword where the renames here since have taken it.
                let renames = keyword_merge::renames_after(tx, &op.stamp(), id)?;
                let path = keyword_merge::renamed_path(path, &renames);
                if keyword_merge::state_changed_after(tx, &path, &op.stamp(), id)? {
                    // Made, changed or deleted here later: that stands.
                    merged.superseded += 1;
                    continue;
                }
                if new.is_none() && keyword_in_use(tx, tree, &path)? {
                    // Its photos here lost it by the steps before this one,
                    // or hold it by a change the other replica had not
                    // seen: a keyword a photo holds stays in the tree.
                    merged.left_out += 1;
                    continue;
                }
                let step = Step::Keyword {
                    path,
                    old: old.clone(),
                    new: new.clone(),
                };
                merged.left_out += perform_merged(tx, tree, id, &[step], &mut run.touched)?;
            }
            SharedStep::Template { name, old, new } => {
                let step = Step::Template {
                    name: name.clone(),
                    old: old.clone(),
                    new: new.clone(),
                };
                merged.left_out += perform_merged(tx, tree, id, &[step], &mut run.touched)?;
            }
        }
    }
    run.flush(tx, tree, id)?;
    touched.append(&mut run.touched);
    Ok(merged)
}

/// Makes steps of a merged operation, all or none; returns how many were
/// left out (none or all).
fn perform_merged(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    id: i64,
    steps: &[Step],
    touched: &mut BTreeSet<PhotoId>,
) -> Result<usize> {
    if steps.is_empty() {
        return Ok(0);
    }
    let done = within_savepoint(tx, tree, |tree| {
        history::perform_leaving_index(tx, tree, id, steps, touched)
    })?;
    Ok(if done.is_err() { steps.len() } else { 0 })
}

/// Whether the names a step gives (a set's, a template's, a keyword's
/// path, wall labels) are what the catalogue holds: one line each, no
/// longer than a field may be.
fn names_hold(step: &SharedStep) -> bool {
    let fits = |name: &str| {
        !name.trim().is_empty()
            && name.len() <= crate::limits::MAX_FIELD_BYTES
            && !name.chars().any(char::is_control)
    };
    let labels = |items: &[SharedEntry]| {
        items.iter().all(|(_, label)| {
            label
                .as_deref()
                .is_none_or(|l| l.len() <= crate::limits::MAX_FIELD_BYTES)
        })
    };
    let set = |s: &Option<SharedSet>| s.as_ref().is_none_or(|s| labels(&s.items));
    match step {
        SharedStep::KeywordPath { old, new } => fits(old) && fits(new),
        SharedStep::SetName { old, new, state } => fits(old) && fits(new) && set(state),
        SharedStep::Keyword { path, .. } => fits(path),
        SharedStep::Set { name, old, new } => fits(name) && set(old) && set(new),
        SharedStep::SetItems { set, old, new } => fits(set) && labels(old) && labels(new),
        SharedStep::Template { name, .. } => fits(name),
        SharedStep::Photo { .. } | SharedStep::Claim { .. } | SharedStep::Source { .. } => true,
    }
}

/// Whether a photo here holds the keyword at `path` or one below it.
fn keyword_in_use(tx: &Connection, tree: &KeywordTree, path: &str) -> Result<bool> {
    Ok(match tree.find_path(path) {
        Some(id) => !super::keywords::photos_with(tx, &tree.subtree(id))?.is_empty(),
        None => false,
    })
}

/// What merging a photo's field leaves to do once the photo's winning
/// values are written: changes made apart, each value to stay as a claim.
/// (The claims an edit made follow it as changes of their own.)
struct After(Attribute, Vec<Kept>);

/// One photo's changes of an operation, gathered to be written together
/// (its flat and hierarchical keywords change as a pair).
#[derive(Default)]
struct Run {
    photo: Option<PhotoId>,
    steps: Vec<Step>,
    after: Vec<After>,
    /// Photos whose indexed text the operation changed.
    touched: BTreeSet<PhotoId>,
    /// The renames here later than the operation, which the keywords it
    /// gives follow.
    renames: Vec<keyword_merge::Renamed>,
}

impl Run {
    fn flush(&mut self, tx: &Transaction<'_>, tree: &mut KeywordTree, id: i64) -> Result<()> {
        let Some(photo) = self.photo.take() else {
            return Ok(());
        };
        if !self.steps.is_empty() {
            let steps = std::mem::take(&mut self.steps);
            let follows = !self.renames.is_empty() && steps.iter().any(history::gives_keywords);
            let made = if follows {
                keyword_merge::missing_paths(tree, &steps)
            } else {
                Vec::new()
            };
            history::perform_leaving_index(tx, tree, id, &steps, &mut self.touched)?;
            if follows {
                keyword_merge::follow_renames(
                    tx,
                    tree,
                    photo,
                    &self.renames,
                    &made,
                    &mut self.touched,
                )?;
            }
        }
        for After(attribute, kept) in std::mem::take(&mut self.after) {
            let steps = keep_claims(tx, photo, attribute, kept)?;
            if !steps.is_empty() {
                history::perform_leaving_index(tx, tree, id, &steps, &mut self.touched)?;
            }
        }
        Ok(())
    }
}

/// Merges one photo's field into the run: the value with the latest time
/// stands; every change made apart from another of the same field keeps
/// its value as a claim.
#[allow(clippy::too_many_arguments)]
fn merge_photo_step(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    id: i64,
    pos: i64,
    op: &Shared,
    photo: PhotoId,
    attribute: Attribute,
    new: Value,
    run: &mut Run,
    merged: &mut Merged,
) -> Result<()> {
    if run.photo != Some(photo) {
        run.flush(tx, tree, id)?;
        run.photo = Some(photo);
    }
    let latest = latest_photo_change(tx, photo, attribute, id)?;
    let wins = latest.is_none_or(|latest| latest < op.stamp());
    let claimable = claims::claimable(attribute.name()).is_some();
    if claimable {
        let incoming = FieldChange {
            replica: op.replica.clone(),
            seq: op.seq,
            server_pos: Some(pos),
            seen: op.seen,
            author: op.author.clone(),
            hlc: op.hlc,
            value: new.clone(),
        };
        let differ = |c: &FieldChange| claims::comparable(&c.value) != claims::comparable(&new);
        let kept: Vec<Kept> = field_changes(tx, photo, attribute.name(), id)?
            .iter()
            .filter(|c| c.apart_from(&incoming) && differ(c))
            .map(FieldChange::kept)
            .collect();
        if !kept.is_empty() {
            merged.conflicts += 1;
            let mut kept = kept;
            kept.push(incoming.kept());
            run.after.push(After(attribute, kept));
        }
    }
    if wins {
        let current = {
            let p = super::photos::load_photo(tx, tree, photo)?;
            super::edit::value_of(&p, attribute)
        };
        run.steps.push(Step::Photo {
            photo,
            attribute,
            old: current,
            new,
        });
    } else {
        merged.superseded += 1;
        tx.prepare_cached(
            "INSERT INTO merge_value (operation_id, photo_id, field, value) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, photo.0, attribute.name(), new.to_string()])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Merging claims and sources

/// This catalogue's id for a claim or source by its shared name, named
/// here now if it is new; `None`, counted as superseded, when a change
/// made here or merged before is later than `op`'s.
fn local_for(
    tx: &Connection,
    kind: Kind,
    uid: &str,
    op: &Shared,
    merged: &mut Merged,
) -> Result<Option<i64>> {
    Ok(match shared_ids::local(tx, kind, uid)? {
        Some((_, Some(latest))) if latest > op.stamp() => {
            merged.superseded += 1;
            None
        }
        Some((id, _)) => Some(id),
        None => {
            let id = claims::next_id(tx, kind.table(), 0)?;
            shared_ids::name(tx, kind, id, uid)?;
            Some(id)
        }
    })
}

/// A claim's record as this catalogue holds it, from what travelled:
/// `None` when its field or value cannot be held here. The source it
/// cites is here's, or none when it is not here (removed here meanwhile).
fn incoming_claim(
    tx: &Connection,
    photo: PhotoId,
    field: &str,
    record: &Value,
) -> Result<Option<ClaimRecord>> {
    let (Some(attribute), Value::Object(o)) = (claims::claimable(field), record) else {
        return Ok(None);
    };
    let mut o = o.clone();
    let source = match o.get("source") {
        Some(Value::String(uid)) => match shared_ids::local(tx, Kind::Source, uid)? {
            Some((id, _)) if claims::source_record(tx, id)?.is_some() => Some(id),
            _ => None,
        },
        _ => None,
    };
    o.insert("photo".into(), Value::from(photo.0));
    o.insert("source".into(), Value::from(source));
    let Ok(mut c) = serde_json::from_value::<ClaimRecord>(Value::Object(o)) else {
        return Ok(None);
    };
    let fits = |t: &Option<String>| {
        t.as_ref()
            .is_none_or(|t| t.len() <= crate::limits::MAX_FIELD_BYTES)
    };
    if c.field != attribute.name() || !fits(&c.locator) || !fits(&c.note) || !fits(&c.kept_from) {
        return Ok(None);
    }
    match normalise(attribute, &c.value) {
        Ok(value) if !claims::is_empty(&value) => c.value = value,
        _ => return Ok(None),
    }
    Ok(Some(c))
}

/// Merges a change of a claim, known by its shared name: the latest change
/// of each claim stands, whether it added, changed or removed it. A field
/// has one preferred claim: of two preferred on replicas apart, the one
/// changed later.
#[allow(clippy::too_many_arguments)]
fn merge_claim_step(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    id: i64,
    op: &Shared,
    (photo, field, uid): (&str, &str, &str),
    new: Option<&Value>,
    touched: &mut BTreeSet<PhotoId>,
    merged: &mut Merged,
) -> Result<()> {
    let Some(photo) = photo_of(tx, photo)? else {
        merged.unknown_photos += 1;
        return Ok(());
    };
    let cites = new.and_then(|r| r.get("source")).and_then(Value::as_str);
    let new = match new {
        Some(record) => match incoming_claim(tx, photo, field, record)? {
            Some(c) => Some(c),
            None => {
                merged.invalid += 1;
                return Ok(());
            }
        },
        None => None,
    };
    let Some(claim) = local_for(tx, Kind::Claim, uid, op, merged)? else {
        return Ok(());
    };
    let current = claims::claim_here(tx, claim)?;
    if current
        .as_ref()
        .is_some_and(|c| c.photo != photo || c.field != field)
    {
        // A shared name is one claim's, of one photo's field.
        merged.invalid += 1;
        return Ok(());
    }
    let mut steps = Vec::new();
    let mut new = new;
    if let Some(c) = new.as_mut().filter(|c| c.preferred) {
        for (other, o) in claims::claims_of(tx, photo, Some(field))? {
            if other == claim || !o.preferred {
                continue;
            }
            if shared_ids::stamp_of(tx, Kind::Claim, other)?.is_some_and(|s| s > op.stamp()) {
                c.preferred = false;
            } else {
                steps.push(claims::changed(other, o, |o| o.preferred = false));
            }
        }
    }
    if current.is_some() || new.is_some() {
        steps.push(Step::Claim {
            id: claim,
            old: current,
            new,
        });
        history::perform_leaving_index(tx, tree, id, &steps, touched)?;
    }
    // Removed before it came, it is still the latest change to it. The
    // source it cites is noted even when that is not here.
    shared_ids::stamp(tx, Kind::Claim, claim, id)?;
    shared_ids::set_cites(tx, claim, cites)
}

/// Merges a change of a source, known by its shared name: the latest
/// change of each stands. A source removed on one replica while a claim
/// here came to cite it goes, and the claim cites nothing, as at the
/// replica that removed it.
#[allow(clippy::too_many_arguments)]
fn merge_source_step(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    id: i64,
    op: &Shared,
    uid: &str,
    new: Option<&Value>,
    touched: &mut BTreeSet<PhotoId>,
    merged: &mut Merged,
) -> Result<()> {
    let new = match new {
        Some(record) => {
            let checked = serde_json::from_value::<claims::SourceRecord>(record.clone())
                .ok()
                .and_then(|r| claims::checked_source(r).ok());
            match checked {
                Some(r) => Some(r),
                None => {
                    merged.invalid += 1;
                    return Ok(());
                }
            }
        }
        None => None,
    };
    let Some(source) = local_for(tx, Kind::Source, uid, op, merged)? else {
        return Ok(());
    };
    let current = claims::source_record(tx, source)?;
    let back = current.is_none() && new.is_some();
    if current.is_some() || new.is_some() {
        // A removal first has the claims here that cite it cite nothing.
        let step = [Step::Source {
            id: source,
            old: current,
            new,
        }];
        let steps = history::keeping_claims_whole(tx, &step)?;
        history::perform_leaving_index(tx, tree, id, &steps, touched)?;
    }
    if back {
        let again = claims::citing_again(tx, source)?;
        history::perform_leaving_index(tx, tree, id, &again, touched)?;
    }
    shared_ids::stamp(tx, Kind::Source, source, id)
}

// ---------------------------------------------------------------------------
// The catalogue's side

impl Catalogue {
    /// How far this replica has pulled the team server's operations, or
    /// `None` before its first sync.
    pub fn pulled(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT pulled FROM team_sync", [], |r| r.get(0))
            .optional()?)
    }

    /// Gets this replica ready for its first sync: every operation it holds
    /// from the team's snapshot (all of other replicas', and its own up to
    /// `held`, the number the snapshots hold) counts as every member's.
    pub fn start_sync(&mut self, held: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let started: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM team_sync)", [], |r| r.get(0))?;
        if !started {
            tx.execute(
                "UPDATE edit_operation SET server_pos = 0
                 WHERE server_pos IS NULL
                   AND (replica != (SELECT id FROM local_replica) OR seq <= ?1)",
                [held],
            )?;
            tx.execute("INSERT INTO team_sync (only, pulled) VALUES (1, 0)", [])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// This replica's operations the server does not have yet, oldest
    /// first, at most `limit`.
    pub fn unsent(&self, limit: usize) -> Result<Vec<Shared>> {
        let rows: Vec<(i64, Shared)> = self
            .conn
            .prepare_cached(
                "SELECT id, replica, seq, hlc, ifnull(seen, 0), author, source, summary
                 FROM edit_operation
                 WHERE replica = (SELECT id FROM local_replica) AND server_pos IS NULL
                 ORDER BY seq LIMIT ?1",
            )?
            .query_map([limit as i64], |r| {
                Ok((
                    r.get(0)?,
                    Shared {
                        replica: r.get(1)?,
                        seq: r.get(2)?,
                        hlc: r.get(3)?,
                        seen: r.get(4)?,
                        author: r.get(5)?,
                        source: r.get(6)?,
                        summary: r.get(7)?,
                        steps: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut op) in rows {
            for step in history::steps_of(&self.conn, id)? {
                op.steps.extend(share(&self.conn, step)?);
            }
            out.push(op);
        }
        Ok(out)
    }

    /// How many fields of photos hold values that team members changed
    /// apart, kept as claims (at least two of them) until someone decides.
    pub fn conflicts(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM claim WHERE kept_from IS NOT NULL
                                   GROUP BY photo_id, field HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// How many of this replica's operations the server does not have yet.
    pub fn unsent_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM edit_operation
             WHERE replica = (SELECT id FROM local_replica) AND server_pos IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Notes where the server put this replica's operations: `(seq, pos)`.
    pub fn mark_sent(&mut self, placed: &[(i64, i64)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut update = tx.prepare_cached(
                "UPDATE edit_operation SET server_pos = ?2
                 WHERE replica = (SELECT id FROM local_replica) AND seq = ?1",
            )?;
            for (seq, pos) in placed {
                update.execute(params![seq, pos])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Merges operations pulled from the server (each with its place
    /// there, in the server's order), and notes that this replica has
    /// pulled up to `through`. This replica's own operations and those it
    /// already holds are passed over; an operation that fails the checks,
    /// or cannot be merged, is refused and the rest go on.
    ///
    /// They are merged in one transaction. A savepoint around each would
    /// make the full-text index write its pending entries out at every one
    /// (FTS5 flushes at each savepoint), ten times the cost; so when an
    /// operation fails, the whole is rolled back and merged again one
    /// operation per transaction, the failing one refused alone.
    pub fn merge_pulled(&mut self, operations: &[(i64, Shared)], through: i64) -> Result<Merged> {
        match self.merge_together(operations, through) {
            Ok(merged) => Ok(merged),
            Err(_) => self.merge_one_by_one(operations, through),
        }
    }

    fn merge_together(&mut self, operations: &[(i64, Shared)], through: i64) -> Result<Merged> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let (own, _) = replica::local_replica(&tx)?;
        let mut merged = Merged::default();
        let mut touched = BTreeSet::new();
        for (pos, op) in operations {
            match to_merge(&tx, &own, op)? {
                Some(Err(why)) => merged.refused.push(why),
                Some(Ok(())) => {
                    merged.add(merge_operation(&tx, &mut tree, *pos, op, &mut touched)?)
                }
                None => {}
            }
        }
        search_index::reindex_with(&tx, &tree, &touched.into_iter().collect::<Vec<_>>())?;
        tx.execute("UPDATE team_sync SET pulled = max(pulled, ?1)", [through])?;
        tx.commit()?;
        Ok(merged)
    }

    fn merge_one_by_one(&mut self, operations: &[(i64, Shared)], through: i64) -> Result<Merged> {
        let (own, _) = replica::local_replica(&self.conn)?;
        let mut merged = Merged::default();
        for (pos, op) in operations {
            let tx = self.conn.transaction()?;
            let mut tree = KeywordTree::load(&tx)?;
            let mut touched = BTreeSet::new();
            let one = match to_merge(&tx, &own, op)? {
                Some(Err(why)) => Err(why),
                Some(Ok(())) => merge_operation(&tx, &mut tree, *pos, op, &mut touched)
                    .and_then(|m| {
                        let touched: Vec<PhotoId> = touched.into_iter().collect();
                        search_index::reindex_with(&tx, &tree, &touched)?;
                        Ok(m)
                    })
                    .map_err(|e| refuse(op, &e.to_string())),
                None => Ok(Merged::default()),
            };
            let tx = match one {
                Ok(m) => {
                    merged.add(m);
                    tx
                }
                Err(why) => {
                    merged.refused.push(why);
                    drop(tx);
                    self.conn.transaction()?
                }
            };
            tx.execute("UPDATE team_sync SET pulled = max(pulled, ?1)", [pos])?;
            tx.commit()?;
        }
        self.conn
            .execute("UPDATE team_sync SET pulled = max(pulled, ?1)", [through])?;
        Ok(merged)
    }
}

/// Whether a pulled operation is to be merged: `None` for this replica's
/// own and those already held, why not for one that fails the checks.
fn to_merge(
    tx: &Transaction<'_>,
    own: &str,
    op: &Shared,
) -> Result<Option<std::result::Result<(), String>>> {
    let held: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM edit_operation WHERE replica = ?1 AND seq = ?2)",
        )?
        .query_row(params![op.replica, op.seq], |r| r.get(0))?;
    if op.replica == own || held {
        return Ok(None);
    }
    let latest: Option<i64> = tx
        .prepare_cached("SELECT max(hlc) FROM edit_operation")?
        .query_row([], |r| r.get(0))?;
    let latest = clock::Hlc::from_packed(latest.unwrap_or(0)).unwrap_or_default();
    Ok(Some(checked(op, latest, clock::wall_clock_millis())))
}
