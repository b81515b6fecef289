//! Editing photos, with history and undo.
//!
//! Every change goes through [`Catalogue::edit`]: one call is one operation
//! in the history (an edit of 500 photos is one operation, undone as a
//! whole), inside one transaction that also keeps the search index in step
//! and marks edited fields so that re-reading a file never overwrites them.
//! Values are carried as JSON so that text, lists, ratings, flags and
//! labels share one path through history and undo.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::keywords::{self, KeywordTree, PATH_SEPARATOR};
use super::photos::load_photo;
use super::{CatalogError, Catalogue, Result, search_index};
use crate::date::PartialDate;
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
    /// The history operation, unless nothing changed or it was a dry run.
    pub operation: Option<i64>,
}

/// One line of the edit history.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HistoryEntry {
    pub operation: i64,
    pub at: String,
    pub source: String,
    pub summary: String,
    pub undone: bool,
    pub photo: Option<PhotoId>,
    pub keyword: Option<i64>,
    pub field: String,
    pub old: Value,
    pub new: Value,
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

fn is_empty(value: &Value) -> bool {
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
    let bad = |what: &str| CatalogError::Invalid(format!("{attribute}: {what}, not {value}"));
    Ok(match attribute {
        Attribute::Rating => match value {
            Value::Null => Value::from(0),
            Value::Number(n) if n.as_u64().is_some_and(|n| n <= 5) => value.clone(),
            Value::String(s) if s.trim().parse::<u8>().is_ok_and(|n| n <= 5) => {
                Value::from(s.trim().parse::<u8>().unwrap_or(0))
            }
            _ => return Err(bad("a rating is 0 to 5")),
        },
        Attribute::Flag => match value.as_str().map(str::trim) {
            None | Some("" | "none") => Value::Null,
            Some(s) => match Flag::from_name(s) {
                Some(f) => Value::from(f.name()),
                None => return Err(bad("a flag is pick, reject or none")),
            },
        },
        Attribute::Label => match value.as_str().map(|s| s.trim().to_lowercase()) {
            None => Value::Null,
            Some(s) if s.is_empty() || s == "none" => Value::Null,
            Some(s) => match Label::from_name(&s) {
                Some(l) => Value::from(l.name()),
                None => return Err(bad("a label is red, yellow, green, blue, purple or none")),
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
                _ => return Err(bad("a list of texts")),
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
                PartialDate::parse(s)
                    .map_err(|e| CatalogError::Invalid(format!("date_created: {e}")))?
                    .to_string(),
            ),
        },
        Attribute::Field(_) | Attribute::Note => match value {
            Value::Null => Value::Null,
            Value::String(s) if s.trim().is_empty() => Value::Null,
            Value::String(s) => Value::String(s.clone()),
            other => Value::String(other.to_string()),
        },
    })
}

/// Sets an attribute on the in-memory photo. The value must be normalised.
fn set_value(photo: &mut Photo, attribute: Attribute, value: &Value) {
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
fn write_value(
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

fn record_operation(tx: &Transaction<'_>, source: &str, summary: &str) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO edit_operation (at, source, summary)
         VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2) RETURNING id",
        params![source, summary],
        |r| r.get(0),
    )?)
}

fn record_change(
    tx: &Transaction<'_>,
    operation: i64,
    photo: Option<PhotoId>,
    keyword: Option<i64>,
    field: &str,
    old: &Value,
    new: &Value,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO edit_change (operation_id, photo_id, keyword_id, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        operation,
        photo.map(|p| p.0),
        keyword,
        field,
        old.to_string(),
        new.to_string()
    ])?;
    Ok(())
}

/// An attribute's value before and after an edit.
type ValueChange = (Attribute, Value, Value);

/// A stored change: photo, keyword, field, old and new value.
type StoredChange = (Option<i64>, Option<i64>, String, Value, Value);

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
    touched
        .into_iter()
        .filter_map(|a| {
            let (old, new) = (value_of(&before, a), value_of(photo, a));
            (old != new).then_some((a, old, new))
        })
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
        self.edit_each(&each, source, dry_run, |photos| {
            describe(&summary_edits, photos)
        })
    }

    /// Edits photos, each with its own edits (a CSV import): one operation
    /// in the history, one transaction. `summary` describes the operation
    /// from the number of photos changed.
    pub fn edit_each(
        &mut self,
        edits: &[(PhotoId, Vec<Edit>)],
        source: &str,
        dry_run: bool,
        summary: impl FnOnce(usize) -> String,
    ) -> Result<EditReport> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let mut changed: Vec<(Photo, Vec<ValueChange>)> = Vec::new();
        for (id, photo_edits) in edits {
            let photo_edits = normalised(photo_edits)?;
            let mut photo = load_photo(&tx, &tree, *id)?;
            let changes = apply_to(&mut photo, &tree, &photo_edits);
            if !changes.is_empty() {
                changed.push((photo, changes));
            }
        }
        let mut report = EditReport {
            photos: changed.len(),
            ..EditReport::default()
        };
        for (photo, changes) in &changed {
            for (a, old, new) in changes {
                report.changes.push(Change {
                    photo: photo.id,
                    attribute: a.name().to_owned(),
                    old: old.clone(),
                    new: new.clone(),
                });
            }
        }
        if dry_run || changed.is_empty() {
            return Ok(report); // the transaction rolls back when dropped
        }
        let operation = record_operation(&tx, source, &summary(changed.len()))?;
        for (photo, changes) in &changed {
            let mut keywords_written = false;
            for (a, old, new) in changes {
                let is_keywords = matches!(
                    a,
                    Attribute::Field(Field::Keywords | Field::HierarchicalKeywords)
                );
                if !(is_keywords && keywords_written) {
                    write_value(&tx, &mut tree, photo, *a)?;
                }
                keywords_written |= is_keywords;
                record_change(&tx, operation, Some(photo.id), None, a.name(), old, new)?;
            }
        }
        let ids: Vec<PhotoId> = changed.iter().map(|(p, _)| p.id).collect();
        search_index::reindex(&tx, &ids)?;
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

    /// The edit history, newest first; of one photo when given.
    pub fn history(&self, photo: Option<PhotoId>, limit: usize) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.id, o.at, o.source, o.summary, o.undone_by IS NOT NULL,
                    c.photo_id, c.keyword_id, c.field, c.old_value, c.new_value
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE ?1 IS NULL OR c.photo_id = ?1
             ORDER BY o.id DESC, c.rowid
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![photo.map(|p| p.0), limit as i64], |r| {
            let json = |i: usize| -> rusqlite::Result<Value> {
                let text: Option<String> = r.get(i)?;
                Ok(text
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or(Value::Null))
            };
            Ok(HistoryEntry {
                operation: r.get(0)?,
                at: r.get(1)?,
                source: r.get(2)?,
                summary: r.get(3)?,
                undone: r.get(4)?,
                photo: r.get::<_, Option<i64>>(5)?.map(PhotoId),
                keyword: r.get(6)?,
                field: r.get(7)?,
                old: json(8)?,
                new: json(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reverts the newest operation not yet undone, as a whole. Returns its
    /// summary and the number of values restored, or `None` when there is
    /// nothing to undo. The undo is itself recorded in the history.
    pub fn undo(&mut self) -> Result<Option<(String, usize)>> {
        let tx = self.conn.transaction()?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, summary FROM edit_operation WHERE undone_by IS NULL AND source <> 'undo'
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((operation, summary)) = last else {
            return Ok(None);
        };
        let changes: Vec<StoredChange> = {
            let mut stmt = tx.prepare(
                "SELECT photo_id, keyword_id, field, old_value, new_value FROM edit_change
                 WHERE operation_id = ?1 ORDER BY rowid DESC",
            )?;
            stmt.query_map([operation], |r| {
                let json = |i: usize| -> rusqlite::Result<Value> {
                    let text: Option<String> = r.get(i)?;
                    Ok(text
                        .and_then(|t| serde_json::from_str(&t).ok())
                        .unwrap_or(Value::Null))
                };
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, json(3)?, json(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let undo = record_operation(&tx, "undo", &format!("undo: {summary}"))?;
        let mut tree = KeywordTree::load(&tx)?;
        let mut touched: BTreeSet<PhotoId> = BTreeSet::new();
        for (photo, keyword, field, old, new) in &changes {
            match (photo, keyword) {
                (Some(photo), _) => {
                    let Some(attribute) = Attribute::from_name(field) else {
                        continue;
                    };
                    let id = PhotoId(*photo);
                    let mut current = load_photo(&tx, &tree, id)?;
                    let now = value_of(&current, attribute);
                    set_value(&mut current, attribute, old);
                    write_value(&tx, &mut tree, &current, attribute)?;
                    record_change(&tx, undo, Some(id), None, field, &now, old)?;
                    touched.insert(id);
                }
                (None, Some(keyword)) => {
                    let (Some(old_path), Some(_)) = (old.as_str(), new.as_str()) else {
                        continue;
                    };
                    let current_path = tree.path(*keyword);
                    move_keyword_to(&tx, &mut tree, *keyword, old_path)?;
                    record_change(
                        &tx,
                        undo,
                        None,
                        Some(*keyword),
                        field,
                        &Value::from(current_path),
                        old,
                    )?;
                    touched.extend(keywords::photos_with(&tx, &tree.subtree(*keyword))?);
                }
                (None, None) => {}
            }
        }
        tx.execute(
            "UPDATE edit_operation SET undone_by = ?2 WHERE id = ?1",
            params![operation, undo],
        )?;
        search_index::reindex(&tx, &touched.into_iter().collect::<Vec<_>>())?;
        tx.commit()?;
        Ok(Some((summary, changes.len())))
    }

    /// Renames or moves a keyword (`NEW` with `|` is a full new path);
    /// every photo follows. Returns the number of photos affected.
    pub fn rename_keyword(&mut self, old: &str, new: &str) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let id = tree.resolve(old)?;
        let old_path = tree.path(id);
        let new_path = if new.contains(PATH_SEPARATOR) {
            new.to_owned()
        } else {
            match old_path.rsplit_once(PATH_SEPARATOR) {
                Some((parent, _)) => format!("{parent}|{}", new.trim()),
                None => new.trim().to_owned(),
            }
        };
        move_keyword_to(&tx, &mut tree, id, &new_path)?;
        let new_path = tree.path(id);
        let photos = keywords::photos_with(&tx, &tree.subtree(id))?;
        let operation = record_operation(
            &tx,
            "keywords",
            &format!("rename keyword {old_path} to {new_path}"),
        )?;
        record_change(
            &tx,
            operation,
            None,
            Some(id),
            "keyword",
            &Value::from(old_path),
            &Value::from(new_path),
        )?;
        search_index::reindex(&tx, &photos)?;
        tx.commit()?;
        Ok(photos.len())
    }

    /// Merges keyword `from` into `into`: its photos get `into` instead,
    /// keywords below it move below `into`, and `from` is deleted.
    /// Returns the number of photos that changed.
    pub fn merge_keywords(&mut self, from: &str, into: &str) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let (a, b) = (tree.resolve(from)?, tree.resolve(into)?);
        if a == b || tree.ancestry(b).contains(&a) {
            return Err(CatalogError::Invalid(format!(
                "{} cannot be merged into itself or a keyword below it",
                tree.path(a)
            )));
        }
        let (a_path, b_path) = (tree.path(a), tree.path(b));
        let operation = record_operation(
            &tx,
            "keywords",
            &format!("merge keyword {a_path} into {b_path}"),
        )?;
        // Keywords below `from` move below `into` first (recorded, so that
        // undo can put them back once `from` exists again).
        for child in tree.children(Some(a)) {
            let old = tree.path(child);
            let name = tree.name(child).unwrap_or_default().to_owned();
            let target = match tree
                .children(Some(b))
                .into_iter()
                .find(|c| tree.name(*c) == Some(&name))
            {
                Some(_) => format!("{b_path}|{name} ({a_path})"),
                None => format!("{b_path}|{name}"),
            };
            move_keyword_to(&tx, &mut tree, child, &target)?;
            let new = tree.path(child);
            record_change(
                &tx,
                operation,
                None,
                Some(child),
                "keyword",
                &Value::from(old),
                &Value::from(new),
            )?;
        }
        let photos = keywords::photos_with(&tx, &[a])?;
        for id in &photos {
            let mut photo = load_photo(&tx, &tree, *id)?;
            let before = photo.clone();
            let d = &mut photo.description;
            let leaf_a = tree.name(a).unwrap_or_default().to_owned();
            let leaf_b = tree.name(b).unwrap_or_default().to_owned();
            for k in d.keywords.iter_mut().filter(|k| **k == leaf_a) {
                k.clone_from(&leaf_b);
            }
            for p in d.hierarchical_keywords.iter_mut().filter(|p| **p == a_path) {
                p.clone_from(&b_path);
            }
            // A flat keyword merged into a deep one gains its path too, so
            // the flat name resolves to `into` and not to a new top-level term.
            if b_path.contains(PATH_SEPARATOR) && !d.hierarchical_keywords.contains(&b_path) {
                d.hierarchical_keywords.push(b_path.clone());
            }
            let mut seen = BTreeSet::new();
            d.keywords.retain(|k| seen.insert(k.clone()));
            let mut seen = BTreeSet::new();
            d.hierarchical_keywords.retain(|k| seen.insert(k.clone()));
            for field in [Field::Keywords, Field::HierarchicalKeywords] {
                let (old, new) = (
                    value_of(&before, Attribute::Field(field)),
                    value_of(&photo, Attribute::Field(field)),
                );
                if old != new {
                    record_change(&tx, operation, Some(*id), None, field.name(), &old, &new)?;
                }
            }
            write_value(&tx, &mut tree, &photo, Attribute::Field(Field::Keywords))?;
        }
        for synonym in tree.synonyms(a).to_vec() {
            tree.add_synonym(&tx, b, &synonym)?;
        }
        tree.delete(&tx, a)?;
        search_index::reindex(&tx, &photos)?;
        tx.commit()?;
        Ok(photos.len())
    }
}

/// Moves and renames a keyword so that its path is `path`, creating the
/// parents the new path needs.
fn move_keyword_to(conn: &Connection, tree: &mut KeywordTree, id: i64, path: &str) -> Result<()> {
    let parts: Vec<&str> = path
        .split(PATH_SEPARATOR)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some((name, parents)) = parts.split_last() else {
        return Err(CatalogError::Invalid(format!(
            "{path:?} is not a keyword path"
        )));
    };
    let parent = if parents.is_empty() {
        None
    } else {
        tree.ensure_path(conn, &parents.join("|"))?.last().copied()
    };
    tree.rename_and_move(conn, id, parent, name)
}

/// A one-line description of an edit, for the history.
fn describe(edits: &[Edit], photos: usize) -> String {
    let parts: Vec<String> = edits
        .iter()
        .map(|e| match e {
            Edit::Set(a, v) | Edit::FillEmpty(a, v) => {
                let shown = match v {
                    Value::String(s) if s.chars().count() > 40 => {
                        format!("{}…", s.chars().take(40).collect::<String>())
                    }
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                format!("{a}={shown}")
            }
            Edit::AddKeyword(k) => format!("+{k}"),
            Edit::RemoveKeyword(k) => format!("-{k}"),
        })
        .collect();
    format!(
        "{} on {photos} photo{}",
        parts.join(", "),
        if photos == 1 { "" } else { "s" }
    )
}
