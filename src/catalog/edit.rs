//! Editing photos and the keyword tree.
//!
//! Every change to photos goes through [`Catalogue::edit`] or
//! [`Catalogue::edit_each`]: one call is one operation in the history (an
//! edit of 500 photos is one operation, undone and redone as a whole),
//! inside one transaction that also keeps the search index in step and
//! marks edited fields so that re-reading a file never overwrites them.
//! Values are carried as JSON so that text, lists, ratings, flags and
//! labels share one path through history, undo and redo. Renaming, moving,
//! merging and deleting keywords are operations of the same history.

use std::collections::BTreeSet;

use rusqlite::{Connection, Transaction, params};
use serde_json::Value;

use super::claims;
use super::history::{self, Deed, KeywordState, Step, Summary};
use super::keywords::{self, KeywordTree, PATH_SEPARATOR};
use super::photos::{load_photo, load_photos_and_links};
use super::sets::set_entries;
use super::{CatalogError, Catalogue, DateOf, Expected, Invalid, Result, search_index};
use crate::date::Depicted;
use crate::photo::{Attribute, Field, FieldValue, Flag, Label, Photo, PhotoId};

/// One thing an edit does to each photo.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets a field or curation value; `Value::Null` clears it.
    Set(Attribute, Value),
    /// Sets a value only where the photo has none (templates).
    FillEmpty(Attribute, Value),
    /// Attaches a keyword: a path `A|B|C`, or a name (an existing keyword of
    /// that name anywhere in the tree, if there is exactly one).
    AddKeyword(String),
    /// Detaches a keyword given by path or name.
    RemoveKeyword(String),
}

/// One value changed on one photo.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    pub photo: PhotoId,
    pub attribute: String,
    pub old: Value,
    pub new: Value,
}

/// What an edit did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditReport {
    pub changes: Vec<Change>,
    /// Photos with at least one change.
    pub photos: usize,
    /// Wall labels changed in an exhibition set (a CSV import's).
    pub labels: Vec<LabelChange>,
    /// The history operation, unless nothing changed or it was a dry run.
    pub operation: Option<i64>,
}

/// Wall labels to set in one exhibition set as part of an edit, for the
/// photos of the set among them (a CSV import's Wall label column).
#[derive(Debug, Clone, Copy)]
pub struct WallLabels<'a> {
    pub set: &'a str,
    pub labels: &'a [(PhotoId, String)],
}

/// A wall label an edit changes (or would).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelChange {
    pub photo: PhotoId,
    pub old: String,
    pub new: String,
}

/// What the current value of an attribute is, as JSON.
pub fn value_of(photo: &Photo, attribute: Attribute) -> Value {
    match attribute {
        Attribute::Field(f) => match photo.description.get(f) {
            FieldValue::Text(t) => t.map_or(Value::Null, Value::String),
            FieldValue::List(l) => Value::from(l),
        },
        Attribute::Note => photo
            .curation
            .note
            .clone()
            .map_or(Value::Null, Value::String),
        Attribute::Rating => Value::from(photo.curation.rating),
        Attribute::Flag => photo
            .curation
            .flag
            .map_or(Value::Null, |f| Value::from(f.name())),
        Attribute::Label => photo
            .curation
            .label
            .map_or(Value::Null, |l| Value::from(l.name())),
    }
}

pub(super) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Number(n) => n.as_u64() == Some(0),
        _ => false,
    }
}

/// Checks and normalises a value for an attribute: blank text is `None`,
/// list items are trimmed, a depicted date must be a (partial) date.
pub fn normalise(attribute: Attribute, value: &Value) -> Result<Value> {
    let bad = |expected| Invalid::BadValue {
        attribute,
        value: value.clone(),
        expected,
    };
    let normal = match attribute {
        Attribute::Rating => match value {
            Value::Null => Value::from(0),
            Value::Number(n) if n.as_u64().is_some_and(|n| n <= 5) => value.clone(),
            Value::String(s) if s.trim().parse::<u8>().is_ok_and(|n| n <= 5) => {
                Value::from(s.trim().parse::<u8>().unwrap_or(0))
            }
            _ => return Err(bad(Expected::Rating).into()),
        },
        Attribute::Flag => match value.as_str().map(str::trim) {
            None | Some("" | "none") => Value::Null,
            Some(s) => match Flag::from_name(s) {
                Some(f) => Value::from(f.name()),
                None => return Err(bad(Expected::Flag).into()),
            },
        },
        Attribute::Label => match value.as_str().map(|s| s.trim().to_lowercase()) {
            None => Value::Null,
            Some(s) if s.is_empty() || s == "none" => Value::Null,
            Some(s) => match Label::from_name(&s) {
                Some(l) => Value::from(l.name()),
                None => return Err(bad(Expected::Label).into()),
            },
        },
        Attribute::Field(f) if f.is_list() => {
            let items: Vec<String> = match value {
                Value::Null => Vec::new(),
                Value::Array(a) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                Value::String(s) => s.split(';').map(str::to_owned).collect(),
                _ => return Err(bad(Expected::ListOfTexts).into()),
            };
            let mut seen = BTreeSet::new();
            Value::from(
                items
                    .into_iter()
                    .map(|i| i.trim().to_owned())
                    .filter(|i| !i.is_empty() && seen.insert(i.clone()))
                    .collect::<Vec<_>>(),
            )
        }
        Attribute::Field(Field::DateCreated) => match value.as_str().map(str::trim) {
            None | Some("") => Value::Null,
            Some(s) => Value::from(
                Depicted::parse(s)
                    .map_err(|error| Invalid::BadDate {
                        of: DateOf::DateCreated,
                        error,
                    })?
                    .to_string(),
            ),
        },
        Attribute::Field(_) | Attribute::Note => match value {
            Value::Null => Value::Null,
            Value::String(s) if s.trim().is_empty() => Value::Null,
            Value::String(s) => Value::String(s.clone()),
            other => Value::String(other.to_string()),
        },
    };
    within_limits(attribute, &normal)?;
    Ok(normal)
}

/// Refuses a value larger than the catalogue keeps for one field
/// ([`limits::MAX_FIELD_BYTES`] per text, [`limits::MAX_LIST_BYTES`] per
/// list), naming the field: import cuts what files hold to these sizes,
/// and nothing typed or scripted may exceed them either.
fn within_limits(attribute: Attribute, value: &Value) -> Result<()> {
    use crate::limits::{MAX_FIELD_BYTES, MAX_LIST_BYTES};
    let too_big = |limit: usize| CatalogError::from(Invalid::FieldTooLong { attribute, limit });
    match value {
        Value::String(s) if s.len() > MAX_FIELD_BYTES => Err(too_big(MAX_FIELD_BYTES)),
        Value::Array(items) => {
            let strings = || items.iter().filter_map(Value::as_str);
            if strings().any(|i| i.len() > MAX_FIELD_BYTES) {
                return Err(too_big(MAX_FIELD_BYTES));
            }
            if strings().map(str::len).sum::<usize>() > MAX_LIST_BYTES {
                return Err(too_big(MAX_LIST_BYTES));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Sets an attribute on the in-memory photo. The value must be normalised.
pub(super) fn set_value(photo: &mut Photo, attribute: Attribute, value: &Value) {
    let text = || value.as_str().map(str::to_owned);
    match attribute {
        Attribute::Field(f) if f.is_list() => {
            let list = value
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            photo.description.set(f, FieldValue::List(list));
        }
        Attribute::Field(f) => photo.description.set(f, FieldValue::Text(text())),
        Attribute::Note => photo.curation.note = text(),
        Attribute::Rating => photo.curation.rating = value.as_u64().unwrap_or(0) as u8,
        Attribute::Flag => photo.curation.flag = value.as_str().and_then(Flag::from_name),
        Attribute::Label => photo.curation.label = value.as_str().and_then(Label::from_name),
    }
}

/// Adds a keyword to a photo's lists, Lightroom-style: a path goes into the
/// hierarchical list and its last part into the flat list.
fn add_keyword(photo: &mut Photo, tree: &KeywordTree, keyword: &str) {
    let keyword = keyword.trim();
    if keyword.is_empty() {
        return;
    }
    // A bare name that is a unique deeper keyword means that keyword.
    let path = if keyword.contains(PATH_SEPARATOR) {
        Some(keyword.to_owned())
    } else {
        match tree.resolve(keyword) {
            Ok(id) if tree.path(id).contains(PATH_SEPARATOR) => Some(tree.path(id)),
            _ => None,
        }
    };
    let d = &mut photo.description;
    if let Some(path) = path {
        let clean: Vec<&str> = path
            .split(PATH_SEPARATOR)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let path = clean.join("|");
        if !d.hierarchical_keywords.contains(&path) {
            d.hierarchical_keywords.push(path);
        }
        if let Some(leaf) = clean.last()
            && !d.keywords.iter().any(|k| k == leaf)
        {
            d.keywords.push((*leaf).to_owned());
        }
    } else if !d.keywords.iter().any(|k| k == keyword) {
        d.keywords.push(keyword.to_owned());
    }
}

fn remove_keyword(photo: &mut Photo, keyword: &str) {
    let keyword = keyword.trim();
    let leaf = keyword
        .rsplit(PATH_SEPARATOR)
        .next()
        .unwrap_or(keyword)
        .trim();
    let d = &mut photo.description;
    d.hierarchical_keywords.retain(|p| {
        let p_leaf = p.rsplit(PATH_SEPARATOR).next().unwrap_or(p).trim();
        !(p == keyword || (!keyword.contains(PATH_SEPARATOR) && p_leaf == keyword))
    });
    // The flat entry goes too unless another path still ends in it.
    let still_there = d
        .hierarchical_keywords
        .iter()
        .any(|p| p.rsplit(PATH_SEPARATOR).next().map(str::trim) == Some(leaf));
    if !still_there {
        d.keywords.retain(|k| k != leaf);
    }
}

/// Writes one attribute of a photo to the catalogue.
pub(super) fn write_value(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    photo: &Photo,
    attribute: Attribute,
) -> Result<()> {
    let id = photo.id.0;
    match attribute {
        Attribute::Field(Field::Keywords | Field::HierarchicalKeywords) => {
            let d = &photo.description;
            tree.attach(tx, photo.id, &d.keywords, &d.hierarchical_keywords)?;
        }
        Attribute::Field(f) => {
            let value: Box<dyn rusqlite::ToSql> = match photo.description.get(f) {
                FieldValue::Text(t) => Box::new(t),
                FieldValue::List(l) => Box::new(serde_json::to_string(&l)?),
            };
            // Column names come from the Field enum, never from input.
            tx.prepare_cached(&format!("UPDATE photo SET {f} = ?2 WHERE id = ?1"))?
                .execute(params![id, value])?;
        }
        Attribute::Note => {
            tx.prepare_cached("UPDATE photo SET note = ?2 WHERE id = ?1")?
                .execute(params![id, photo.curation.note])?;
        }
        Attribute::Rating => {
            tx.prepare_cached("UPDATE photo SET rating = ?2 WHERE id = ?1")?
                .execute(params![id, photo.curation.rating])?;
        }
        Attribute::Flag => {
            tx.prepare_cached("UPDATE photo SET flag = ?2 WHERE id = ?1")?
                .execute(params![id, photo.curation.flag.map(Flag::name)])?;
        }
        Attribute::Label => {
            tx.prepare_cached("UPDATE photo SET label = ?2 WHERE id = ?1")?
                .execute(params![id, photo.curation.label.map(Label::name)])?;
        }
    }
    if let Attribute::Field(f) = attribute {
        tx.prepare_cached("INSERT OR IGNORE INTO edited_field (photo_id, field) VALUES (?1, ?2)")?
            .execute(params![id, f.name()])?;
    }
    Ok(())
}

/// An attribute's value before and after an edit.
type ValueChange = (Attribute, Value, Value);

/// Checks and normalises every value of some edits, so that a bad value
/// fails before anything changes.
fn normalised(edits: &[Edit]) -> Result<Vec<Edit>> {
    edits
        .iter()
        .map(|e| {
            Ok(match e {
                Edit::Set(a, v) => Edit::Set(*a, normalise(*a, v)?),
                Edit::FillEmpty(a, v) => Edit::FillEmpty(*a, normalise(*a, v)?),
                other => other.clone(),
            })
        })
        .collect()
}

/// The steps that make edits to a photo, read as it is in the catalogue
/// (for changes planned inside a transaction, such as a preferred claim).
pub(super) fn photo_steps(
    conn: &Connection,
    tree: &KeywordTree,
    id: PhotoId,
    edits: &[Edit],
) -> Result<Vec<Step>> {
    let edits = normalised(edits)?;
    let mut photo = load_photo(conn, tree, id)?;
    Ok(apply_to(&mut photo, tree, &edits)
        .into_iter()
        .map(|(attribute, old, new)| Step::Photo {
            photo: id,
            attribute,
            old,
            new,
        })
        .collect())
}

/// Applies edits to one photo in memory; returns what changed.
fn apply_to(photo: &mut Photo, tree: &KeywordTree, edits: &[Edit]) -> Vec<ValueChange> {
    let before = photo.clone();
    let mut touched: BTreeSet<Attribute> = BTreeSet::new();
    for edit in edits {
        match edit {
            Edit::Set(a, v) => {
                set_value(photo, *a, v);
                touched.insert(*a);
            }
            Edit::FillEmpty(a, v) => {
                if is_empty(&value_of(photo, *a)) {
                    set_value(photo, *a, v);
                    touched.insert(*a);
                }
            }
            Edit::AddKeyword(k) => {
                add_keyword(photo, tree, k);
                touched
                    .extend([Field::Keywords, Field::HierarchicalKeywords].map(Attribute::Field));
            }
            Edit::RemoveKeyword(k) => {
                remove_keyword(photo, k);
                touched
                    .extend([Field::Keywords, Field::HierarchicalKeywords].map(Attribute::Field));
            }
        }
    }
    let keywords = |a: &Attribute| matches!(a, Attribute::Field(f) if f.is_keywords());
    if touched.iter().any(keywords) {
        touched.extend([Field::Keywords, Field::HierarchicalKeywords].map(Attribute::Field));
    }
    let changes: Vec<ValueChange> = touched
        .into_iter()
        .map(|a| (a, value_of(&before, a), value_of(photo, a)))
        .collect();
    // The two keyword lists are one value: a change of either records both
    // (see `history::apply_to_photo`).
    let keywords_changed = changes
        .iter()
        .any(|(a, old, new)| keywords(a) && old != new);
    changes
        .into_iter()
        .filter(|(a, old, new)| old != new || (keywords_changed && keywords(a)))
        .collect()
}

impl Catalogue {
    /// Edits photos, the same edits for each: one operation in the history,
    /// one transaction. With `dry_run`, reports what would change and
    /// changes nothing.
    pub fn edit(
        &mut self,
        ids: &[PhotoId],
        edits: &[Edit],
        source: &str,
        dry_run: bool,
    ) -> Result<EditReport> {
        let summary_edits = edits.to_vec();
        let each: Vec<(PhotoId, Vec<Edit>)> = ids.iter().map(|id| (*id, edits.to_vec())).collect();
        self.edit_each(&each, None, source, dry_run, |photos, _| {
            describe(&summary_edits, photos).into()
        })
    }

    /// Edits photos, each with its own edits (a CSV import), and optionally
    /// wall labels in a set: one operation in the history, one transaction.
    /// `summary` describes the operation from the number of photos and of
    /// wall labels changed.
    pub fn edit_each(
        &mut self,
        edits: &[(PhotoId, Vec<Edit>)],
        labels: Option<WallLabels<'_>>,
        source: &str,
        dry_run: bool,
        summary: impl FnOnce(usize, usize) -> Summary,
    ) -> Result<EditReport> {
        self.mapped_while(edits.len(), |cat| {
            cat.edit_each_now(edits, labels, source, dry_run, summary)
        })
    }

    fn edit_each_now(
        &mut self,
        edits: &[(PhotoId, Vec<Edit>)],
        labels: Option<WallLabels<'_>>,
        source: &str,
        dry_run: bool,
        summary: impl FnOnce(usize, usize) -> Summary,
    ) -> Result<EditReport> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let mut changed: Vec<(Photo, Vec<ValueChange>)> = Vec::new();
        // Each changed photo's keyword links as read, for its index entry.
        let mut links = Vec::new();
        // Read in two statements rather than two per photo: a photo read
        // twice is read as it was before the edit both times.
        let ids: Vec<PhotoId> = edits.iter().map(|(id, _)| *id).collect();
        let loaded = load_photos_and_links(&tx, &tree, &ids)?;
        for (id, photo_edits) in edits {
            let photo_edits = normalised(photo_edits)?;
            let (mut photo, its_links) = loaded
                .get(id)
                .cloned()
                .ok_or_else(|| CatalogError::NoSuchPhoto(id.to_string()))?;
            let changes = apply_to(&mut photo, &tree, &photo_edits);
            if !changes.is_empty() {
                changed.push((photo, changes));
                links.push(its_links);
            }
        }
        let mut report = EditReport {
            photos: changed.len(),
            ..EditReport::default()
        };
        for (photo, changes) in &changed {
            for (a, old, new) in changes.iter().filter(|(_, old, new)| old != new) {
                report.changes.push(Change {
                    photo: photo.id,
                    attribute: a.name().to_owned(),
                    old: old.clone(),
                    new: new.clone(),
                });
            }
        }
        let mut label_step = None;
        if let Some(WallLabels { set, labels }) = labels {
            let old = set_entries(&tx, set)?;
            let mut new = old.clone();
            for (photo, label) in labels {
                let Some(entry) = new.iter_mut().find(|(id, _)| *id == photo.0) else {
                    continue;
                };
                let label = Some(label.clone()).filter(|l| !l.trim().is_empty());
                if entry.1 != label {
                    report.labels.push(LabelChange {
                        photo: *photo,
                        old: entry.1.clone().unwrap_or_default(),
                        new: label.clone().unwrap_or_default(),
                    });
                    entry.1 = label;
                }
            }
            if old != new {
                label_step = Some(Step::SetItems {
                    set: set.to_owned(),
                    old,
                    new,
                });
            }
        }
        if dry_run || (changed.is_empty() && label_step.is_none()) {
            return Ok(report); // the transaction rolls back when dropped
        }
        let operation = history::record_operation(
            &tx,
            source,
            &summary(changed.len(), report.labels.len()),
            None,
        )?;
        // Fields with claims: the claims follow the edit.
        let claimed = claimed_fields(&tx, &changed)?;
        let mut claim_steps = Vec::new();
        let mut taken_claim = 0;
        for (photo, changes) in &changed {
            let mut followed = BTreeSet::new();
            for (a, _, _) in changes {
                let a = match a {
                    Attribute::Field(Field::HierarchicalKeywords) => {
                        Attribute::Field(Field::Keywords)
                    }
                    other => *other,
                };
                if claimed.contains(&(photo.id, a.name().to_owned())) && followed.insert(a) {
                    claim_steps.extend(claims::follow_edit(&tx, photo, a, &mut taken_claim)?);
                }
            }
        }
        for (photo, changes) in &changed {
            let mut keywords_written = false;
            let mut steps = Vec::with_capacity(changes.len());
            let known = keywords_written_known(&tx, changes)?;
            for (a, old, new) in changes {
                let is_keywords = matches!(
                    a,
                    Attribute::Field(Field::Keywords | Field::HierarchicalKeywords)
                );
                if !(is_keywords && keywords_written) {
                    write_value(&tx, &mut tree, photo, *a)?;
                }
                keywords_written |= is_keywords;
                steps.push(Step::Photo {
                    photo: photo.id,
                    attribute: *a,
                    old: old.clone(),
                    new: new.clone(),
                });
            }
            // Keywords the edit brought into the tree are recorded as
            // created first, so that undo takes them away again after.
            if let Some(known) = known {
                for created in history::keywords_created_since(&tx, &tree, known)? {
                    history::record_step(&tx, operation, &created)?;
                }
            }
            for step in &steps {
                history::record_step(&tx, operation, step)?;
            }
        }
        if let Some(step) = label_step {
            claim_steps.push(step);
        }
        let claims_followed = !claim_steps.is_empty();
        if claims_followed {
            history::perform_within(&tx, &mut tree, operation, &claim_steps)?;
        }
        // Only what search reads as text is indexed again: a rating, flag,
        // label or date leaves the photo's entry as it was.
        let indexed = changed
            .iter()
            .zip(links)
            .filter(|((_, changes), _)| changes.iter().any(|(a, _, _)| search_index::indexes(*a)));
        if claims_followed {
            // The claims' steps may have written more: read back.
            let ids: Vec<PhotoId> = indexed.map(|((p, _), _)| p.id).collect();
            search_index::reindex(&tx, &ids)?;
        } else {
            // The photos as they are in memory are what was written; only
            // new keyword links are read back.
            let mut entries = Vec::new();
            for ((photo, changes), links) in indexed {
                let links = if changes
                    .iter()
                    .any(|(a, _, _)| matches!(a, Attribute::Field(f) if f.is_keywords()))
                {
                    keywords::links_of(&tx, photo.id)?
                } else {
                    links
                };
                entries.push((photo.id, search_index::Entry::of(photo, &tree, &links)));
            }
            search_index::write(&tx, entries)?;
        }
        tx.commit()?;
        report.operation = Some(operation);
        Ok(report)
    }

    /// Changes one field of one photo (a convenience over [`Catalogue::edit`]).
    pub fn set_field(&mut self, id: PhotoId, field: Field, value: FieldValue) -> Result<()> {
        let json = match value {
            FieldValue::Text(t) => t.map_or(Value::Null, Value::String),
            FieldValue::List(l) => Value::from(l),
        };
        self.edit(
            &[id],
            &[Edit::Set(Attribute::Field(field), json)],
            "edit",
            false,
        )?;
        Ok(())
    }

    /// Renames or moves a keyword (`NEW` with `|` is a full new path);
    /// every photo follows. Returns the number of photos affected.
    pub fn rename_keyword(&mut self, old: &str, new: &str) -> Result<usize> {
        let done = self.operation("keywords", |tx, tree| {
            let id = tree.resolve(old)?;
            let old_path = tree.path(id);
            let new_path = if new.contains(PATH_SEPARATOR) {
                clean_path(new)
            } else {
                match old_path.rsplit_once(PATH_SEPARATOR) {
                    Some((parent, _)) => format!("{parent}|{}", new.trim()),
                    None => new.trim().to_owned(),
                }
            };
            if new_path.is_empty() || new_path == old_path {
                return Ok(None);
            }
            let photos = keywords::photos_with(tx, &tree.subtree(id))?.len();
            let moved = old_path.rsplit_once(PATH_SEPARATOR).map(|(p, _)| p)
                != new_path.rsplit_once(PATH_SEPARATOR).map(|(p, _)| p);
            let summary = format!(
                "{} keyword {old_path} to {new_path} ({})",
                if moved { "Moved" } else { "Renamed" },
                crate::text::count(photos, "photo", "photos")
            );
            let step = Step::KeywordPath {
                keyword: Some(id),
                old: old_path,
                new: new_path,
            };
            Ok(Some((summary.into(), vec![step], photos)))
        })?;
        Ok(done.unwrap_or(0))
    }

    /// Merges keyword `from` into `into`: its photos get `into` instead,
    /// keywords below it move below `into`, its synonyms join `into`'s, and
    /// `from` is deleted. Returns the number of photos that changed.
    pub fn merge_keywords(&mut self, from: &str, into: &str) -> Result<usize> {
        let done = self.operation("keywords", |tx, tree| {
            let (a, b) = (tree.resolve(from)?, tree.resolve(into)?);
            if a == b || tree.ancestry(b).contains(&a) {
                return Err(Invalid::KeywordIntoItself { path: tree.path(a) }.into());
            }
            let (a_path, b_path) = (tree.path(a), tree.path(b));
            let mut steps = Vec::new();
            // The photos of `from` get `into` first, while every path they
            // name still exists; keywords below `from` move after them, and
            // their photos follow the keywords. Undo runs the other way.
            let photos = keywords::photos_with(tx, &[a])?;
            let leaf_a = tree.name(a).unwrap_or_default().to_owned();
            let leaf_b = tree.name(b).unwrap_or_default().to_owned();
            for id in &photos {
                let before = load_photo(tx, tree, *id)?;
                let mut photo = before.clone();
                let d = &mut photo.description;
                for k in d.keywords.iter_mut().filter(|k| **k == leaf_a) {
                    k.clone_from(&leaf_b);
                }
                for p in d.hierarchical_keywords.iter_mut().filter(|p| **p == a_path) {
                    p.clone_from(&b_path);
                }
                // A flat keyword merged into a deep one gains its path too,
                // so the flat name resolves to `into` and not to a new
                // top-level keyword.
                if b_path.contains(PATH_SEPARATOR) && !d.hierarchical_keywords.contains(&b_path) {
                    d.hierarchical_keywords.push(b_path.clone());
                }
                let mut seen = BTreeSet::new();
                d.keywords.retain(|k| seen.insert(k.clone()));
                let mut seen = BTreeSet::new();
                d.hierarchical_keywords.retain(|k| seen.insert(k.clone()));
                for field in [Field::Keywords, Field::HierarchicalKeywords] {
                    let a = Attribute::Field(field);
                    let (old, new) = (value_of(&before, a), value_of(&photo, a));
                    if old != new {
                        steps.push(Step::Photo {
                            photo: *id,
                            attribute: a,
                            old,
                            new,
                        });
                    }
                }
            }
            let below_into: Vec<String> = tree
                .children(Some(b))
                .into_iter()
                .filter_map(|c| tree.name(c).map(str::to_owned))
                .collect();
            for child in tree.children(Some(a)) {
                let name = tree.name(child).unwrap_or_default().to_owned();
                let target = if below_into.contains(&name) {
                    format!("{b_path}|{name} ({a_path})")
                } else {
                    format!("{b_path}|{name}")
                };
                steps.push(Step::KeywordPath {
                    keyword: Some(child),
                    old: tree.path(child),
                    new: target,
                });
            }
            let into_state = keyword_state(tree, b);
            let mut merged = into_state.clone();
            for synonym in tree.synonyms(a) {
                if !merged.synonyms.contains(synonym) {
                    merged.synonyms.push(synonym.clone());
                }
            }
            if merged != into_state {
                steps.push(Step::Keyword {
                    path: b_path.clone(),
                    old: Some(into_state),
                    new: Some(merged),
                });
            }
            steps.push(Step::Keyword {
                path: a_path.clone(),
                old: Some(keyword_state(tree, a)),
                new: None,
            });
            let summary = Summary::with(
                format!(
                    "Merged keyword {a_path} into {b_path} ({})",
                    crate::text::count(photos.len(), "photo", "photos")
                ),
                Deed::KeywordMerged {
                    keyword: a_path.clone(),
                    into: b_path.clone(),
                    photos: photos.len(),
                },
            );
            Ok(Some((summary, steps, photos.len())))
        })?;
        Ok(done.unwrap_or(0))
    }

    /// Deletes a keyword and every keyword below it; photos lose them.
    /// Returns the number of photos that changed.
    pub fn delete_keyword(&mut self, keyword: &str) -> Result<usize> {
        let done = self.operation("keywords", |tx, tree| {
            let id = tree.resolve(keyword)?;
            let path = tree.path(id);
            let subtree = tree.subtree(id);
            let mut steps = Vec::new();
            let photos = keywords::photos_with(tx, &subtree)?;
            for photo in &photos {
                let links: Vec<keywords::Link> = keywords::links_of(tx, *photo)?
                    .into_iter()
                    .filter(|l| !subtree.contains(&l.keyword))
                    .collect();
                let before = load_photo(tx, tree, *photo)?;
                let (flat, hierarchical) = tree.lists(links);
                for (field, new) in [
                    (Field::Keywords, flat),
                    (Field::HierarchicalKeywords, hierarchical),
                ] {
                    let a = Attribute::Field(field);
                    let (old, new) = (value_of(&before, a), Value::from(new));
                    if old != new {
                        steps.push(Step::Photo {
                            photo: *photo,
                            attribute: a,
                            old,
                            new,
                        });
                    }
                }
            }
            // Deepest first, so that undo brings parents back before children.
            for k in subtree.iter().rev() {
                steps.push(Step::Keyword {
                    path: tree.path(*k),
                    old: Some(keyword_state(tree, *k)),
                    new: None,
                });
            }
            let summary = Summary::with(
                format!(
                    "Deleted keyword {path} ({})",
                    crate::text::count(photos.len(), "photo", "photos")
                ),
                Deed::KeywordDeleted {
                    keyword: path,
                    photos: photos.len(),
                },
            );
            Ok(Some((summary, steps, photos.len())))
        })?;
        Ok(done.unwrap_or(0))
    }
}

/// The (photo, field) pairs among edited photos that have claims.
fn claimed_fields(
    conn: &Connection,
    changed: &[(Photo, Vec<ValueChange>)],
) -> Result<BTreeSet<(PhotoId, String)>> {
    if changed.is_empty() {
        return Ok(BTreeSet::new());
    }
    let ids: Vec<i64> = changed.iter().map(|(p, _)| p.id.0).collect();
    Ok(conn
        .prepare_cached(
            "SELECT DISTINCT photo_id, field FROM claim
             WHERE photo_id IN (SELECT value FROM json_each(?1))",
        )?
        .query_map([serde_json::to_string(&ids)?], |r| {
            Ok((PhotoId(r.get(0)?), r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Before a photo's keywords are written: the newest keyword's id, to find
/// the keywords the writing creates. `None` when no keyword changes.
fn keywords_written_known(conn: &Connection, changes: &[ValueChange]) -> Result<Option<i64>> {
    let keywords = changes.iter().any(|(a, _, _)| {
        matches!(
            a,
            Attribute::Field(Field::Keywords | Field::HierarchicalKeywords)
        )
    });
    keywords.then(|| history::last_keyword_id(conn)).transpose()
}

/// A keyword's own properties as they are now.
pub(super) fn keyword_state(tree: &KeywordTree, id: i64) -> KeywordState {
    KeywordState {
        exported: tree.is_exported(id),
        synonyms: tree.synonyms(id).to_vec(),
    }
}

/// `A | B|C` as `A|B|C`.
fn clean_path(path: &str) -> String {
    path.split(PATH_SEPARATOR)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}

/// Moves and renames a keyword so that its path is `path`, creating the
/// parents the new path needs.
pub(super) fn move_keyword_to(
    conn: &Connection,
    tree: &mut KeywordTree,
    id: i64,
    path: &str,
) -> Result<()> {
    let parts: Vec<&str> = path
        .split(PATH_SEPARATOR)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some((name, parents)) = parts.split_last() else {
        return Err(Invalid::NotAKeywordPath {
            path: path.to_owned(),
        }
        .into());
    };
    let parent = if parents.is_empty() {
        None
    } else {
        tree.ensure_path(conn, &parents.join("|"))?.last().copied()
    };
    tree.rename_and_move(conn, id, parent, name)
}

/// An edit in words, for the history: "Caption on 3 photos", "Rating 4 on
/// 1 photo", "Keyword Milovice on 12 photos".
fn describe(edits: &[Edit], photos: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for edit in edits {
        match edit {
            Edit::Set(a, v) | Edit::FillEmpty(a, v) => parts.push(match (a, v) {
                (Attribute::Rating, v) => format!("Rating {}", v.as_u64().unwrap_or(0)),
                (Attribute::Flag, Value::String(f)) if f == "pick" => "Pick".to_owned(),
                (Attribute::Flag, Value::String(f)) if f == "reject" => "Reject".to_owned(),
                (Attribute::Flag, _) => "Unflag".to_owned(),
                (Attribute::Label, Value::String(l)) => format!("Label {l}"),
                (Attribute::Label, _) => "No label".to_owned(),
                (a, Value::Null) => format!("{} cleared", a.label()),
                (a, _) => a.label().to_owned(),
            }),
            Edit::AddKeyword(k) => added.push(k.clone()),
            Edit::RemoveKeyword(k) => removed.push(k.clone()),
        }
    }
    if !added.is_empty() {
        parts.push(format!(
            "{} {}",
            if added.len() == 1 {
                "Keyword"
            } else {
                "Keywords"
            },
            added.join(", ")
        ));
    }
    if !removed.is_empty() {
        parts.push(format!(
            "{} {} removed",
            if removed.len() == 1 {
                "Keyword"
            } else {
                "Keywords"
            },
            removed.join(", ")
        ));
    }
    let text = if parts.is_empty() {
        "Nothing".to_owned()
    } else {
        parts.join(", ")
    };
    format!(
        "{} on {}",
        crate::text::shorten(&text, 80),
        crate::text::count(photos, "photo", "photos")
    )
}
