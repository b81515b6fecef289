//! Exhibition sets, saved searches and metadata templates.
//!
//! An exhibition set is an ordered list of photos, each with a wall-label
//! note that belongs to the set, not to the photo (the same photograph can
//! carry different labels in two exhibitions). A saved search is a stored
//! query with a set's name; `set:"Name"` finds either. Every change to
//! them is an operation of the history, undone and redone like an edit.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::edit::{Edit, EditReport, normalise};
use super::history::{Deed, SetEntry, SetState, Step, Summary};
use super::photos::photo_exists;
use super::{CatalogError, Catalogue, Invalid, Named, Result};
use crate::photo::{Attribute, Field, PhotoId};
use crate::text::count;

/// A set or saved search, for listing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetInfo {
    pub name: String,
    /// The query of a saved search; `None` for an exhibition set.
    pub query: Option<String>,
    /// Photos in an exhibition set (0 for a saved search, which is live).
    pub photos: u64,
}

/// One photo of an exhibition set.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetItem {
    pub photo: PhotoId,
    /// 1-based.
    pub position: u32,
    /// The wall-label text.
    pub note: Option<String>,
}

/// A named preset of field values.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Template {
    pub name: String,
    /// Field name and value, in the order given.
    pub fields: Vec<(String, Value)>,
}

impl Catalogue {
    fn set_id(&self, name: &str) -> Result<i64> {
        set_id(&self.conn, name)
    }

    pub fn create_set(&mut self, name: &str) -> Result<()> {
        self.new_set(
            name,
            SetState {
                query: None,
                items: Vec::new(),
            },
        )
    }

    /// Makes a new exhibition set holding `photos`, in the order given
    /// (each once): one operation, so that one undo takes the whole of it.
    pub fn create_set_with(&mut self, name: &str, photos: &[PhotoId]) -> Result<()> {
        let mut seen = HashSet::new();
        let items = photos
            .iter()
            .filter(|p| seen.insert(p.0))
            .map(|p| (p.0, None))
            .collect();
        self.new_set(name, SetState { query: None, items })
    }

    /// Saves a query under a name; it must parse.
    pub fn save_search(&mut self, name: &str, query: &str) -> Result<()> {
        crate::search::parse(query).map_err(Invalid::QueryDoesNotParse)?;
        self.new_set(
            name,
            SetState {
                query: Some(query.to_owned()),
                items: Vec::new(),
            },
        )
    }

    /// A new set or saved search, as it starts out.
    fn new_set(&mut self, name: &str, state: SetState) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Invalid::NameNeeded(Named::Set).into());
        }
        self.operation("sets", |tx, _| {
            name_free(tx, name)?;
            for (photo, _) in &state.items {
                if !photo_exists(tx, PhotoId(*photo))? {
                    return Err(CatalogError::NoSuchPhoto(PhotoId(*photo).to_string()));
                }
            }
            let summary = match (&state.query, state.items.len()) {
                (Some(_), _) => format!("Saved search “{name}”"),
                (None, 0) => format!("Created set “{name}”"),
                (None, n) => format!("Created set “{name}” with {}", count(n, "photo", "photos")),
            };
            let step = Step::Set {
                name: name.to_owned(),
                old: None,
                new: Some(state.clone()),
            };
            Ok(Some((summary.into(), vec![step], ())))
        })?;
        Ok(())
    }

    /// Renames a set or saved search.
    pub fn rename_set(&mut self, old: &str, new: &str) -> Result<()> {
        let new = new.trim();
        if new.is_empty() {
            return Err(Invalid::NameNeeded(Named::Set).into());
        }
        self.operation("sets", |tx, _| {
            state_of(tx, old)?;
            if new == old {
                return Ok(None);
            }
            name_free(tx, new)?;
            let step = Step::SetName {
                old: old.to_owned(),
                new: new.to_owned(),
            };
            Ok(Some((
                format!("Renamed set “{old}” to “{new}”").into(),
                vec![step],
                (),
            )))
        })?;
        Ok(())
    }

    /// Deletes a set or saved search (never its photos). Undo brings it
    /// back with its photos, order and wall labels.
    pub fn delete_set(&mut self, name: &str) -> Result<()> {
        self.operation("sets", |tx, _| {
            let state = state_of(tx, name)?;
            let summary = match &state.query {
                Some(_) => format!("Deleted saved search “{name}”"),
                None => format!(
                    "Deleted set “{name}” ({})",
                    count(state.items.len(), "photo", "photos")
                ),
            };
            let step = Step::Set {
                name: name.to_owned(),
                old: Some(state),
                new: None,
            };
            Ok(Some((summary.into(), vec![step], ())))
        })?;
        Ok(())
    }

    /// Every set and saved search, by name.
    pub fn sets(&self) -> Result<Vec<SetInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, s.query, (SELECT count(*) FROM set_item i WHERE i.set_id = s.id)
             FROM photo_set s ORDER BY s.name COLLATE fold",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SetInfo {
                name: r.get(0)?,
                query: r.get(1)?,
                photos: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The photos of an exhibition set, in order.
    pub fn set_items(&self, name: &str) -> Result<Vec<SetItem>> {
        let id = self.set_id(name)?;
        let mut stmt = self
            .conn
            .prepare("SELECT photo_id, position, note FROM set_item WHERE set_id = ?1 ORDER BY position, photo_id")?;
        let rows = stmt.query_map([id], |r| {
            Ok(SetItem {
                photo: PhotoId(r.get(0)?),
                position: r.get(1)?,
                note: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes a set's photos as one operation of the history: `change`
    /// gets the photos in order with their wall labels and rearranges them,
    /// returning the operation's summary and its result (`None` when the
    /// set stays as it was).
    fn change_items<T>(
        &mut self,
        name: &str,
        change: impl FnOnce(&mut Vec<SetEntry>) -> Result<Option<(String, T)>>,
    ) -> Result<Option<T>> {
        self.operation("sets", |tx, _| {
            set_id(tx, name)?;
            let old = set_entries(tx, name)?;
            let mut new = old.clone();
            let Some((summary, out)) = change(&mut new)? else {
                return Ok(None);
            };
            let steps = if new == old {
                Vec::new()
            } else {
                vec![Step::SetItems {
                    set: name.to_owned(),
                    old,
                    new,
                }]
            };
            Ok(Some((summary.into(), steps, out)))
        })
    }

    /// Appends photos to the end of a set, in the order given; photos already
    /// in it stay where they are. Returns how many were added.
    pub fn add_to_set(&mut self, name: &str, photos: &[PhotoId]) -> Result<usize> {
        let added = self.change_items(name, |items| {
            let mut present: HashSet<i64> = items.iter().map(|e| e.0).collect();
            let before = items.len();
            for photo in photos {
                if present.insert(photo.0) {
                    items.push((photo.0, None));
                }
            }
            let added = items.len() - before;
            Ok((added > 0).then(|| {
                (
                    format!("Added {} to set “{name}”", count(added, "photo", "photos")),
                    added,
                )
            }))
        })?;
        Ok(added.unwrap_or(0))
    }

    /// Removes photos from a set, with their wall labels; the rest close up.
    /// Returns how many went. Undo puts them back where they were.
    pub fn remove_from_set(&mut self, name: &str, photos: &[PhotoId]) -> Result<usize> {
        let gone: HashSet<i64> = photos.iter().map(|p| p.0).collect();
        let removed = self.change_items(name, |items| {
            let before = items.len();
            items.retain(|e| !gone.contains(&e.0));
            let removed = before - items.len();
            Ok((removed > 0).then(|| {
                (
                    format!(
                        "Removed {} from set “{name}”",
                        count(removed, "photo", "photos")
                    ),
                    removed,
                )
            }))
        })?;
        Ok(removed.unwrap_or(0))
    }

    /// Moves a photo to a 1-based position in a set (clamped to the ends).
    pub fn move_in_set(&mut self, name: &str, photo: PhotoId, position: u32) -> Result<()> {
        self.move_photos_in_set(name, &[photo], position)
    }

    /// Moves photos, in the order given, to start at a 1-based position of
    /// the set as it is without them (clamped to the ends): one operation,
    /// as a drag of several photos is one gesture.
    pub fn move_photos_in_set(
        &mut self,
        name: &str,
        photos: &[PhotoId],
        position: u32,
    ) -> Result<()> {
        self.change_items(name, |items| {
            let mut moving = Vec::new();
            for photo in photos {
                let at =
                    items
                        .iter()
                        .position(|e| e.0 == photo.0)
                        .ok_or_else(|| Invalid::NotInSet {
                            photo: *photo,
                            set: name.to_owned(),
                        })?;
                moving.push(items.remove(at));
            }
            let to = (position.max(1) as usize - 1).min(items.len());
            let n = moving.len();
            items.splice(to..to, moving);
            Ok(Some((
                format!("Moved {} in set “{name}”", count(n, "photo", "photos")),
                (),
            )))
        })?;
        Ok(())
    }

    /// Sets (or, with blank text, clears) a photo's wall label in a set.
    pub fn set_note(&mut self, name: &str, photo: PhotoId, note: &str) -> Result<()> {
        let note = Some(note.to_owned()).filter(|n| !n.trim().is_empty());
        self.change_items(name, |items| {
            let entry =
                items
                    .iter_mut()
                    .find(|e| e.0 == photo.0)
                    .ok_or_else(|| Invalid::NotInSet {
                        photo,
                        set: name.to_owned(),
                    })?;
            entry.1 = note;
            Ok(Some((
                format!("Wall label of photo {photo} in set “{name}”"),
                (),
            )))
        })?;
        Ok(())
    }

    /// Names of the exhibition sets a photo is in.
    pub fn sets_of(&self, photo: PhotoId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name FROM set_item i JOIN photo_set s ON s.id = i.set_id WHERE i.photo_id = ?1
             ORDER BY s.name COLLATE fold",
        )?;
        Ok(stmt
            .query_map([photo.0], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Creates (or replaces) a template. Values are checked as an edit would
    /// check them; `keywords` lists keywords to add.
    pub fn save_template(&mut self, name: &str, fields: &[(String, Value)]) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Invalid::NameNeeded(Named::Template).into());
        }
        let mut object = serde_json::Map::new();
        for (field, value) in fields {
            let attribute = template_attribute(field)?;
            object.insert(attribute.name().to_owned(), normalise(attribute, value)?);
        }
        let new = Value::Object(object);
        self.operation("templates", |tx, _| {
            let old = template_fields(tx, name)?;
            if old.as_ref() == Some(&new) {
                return Ok(None);
            }
            let summary = match old {
                Some(_) => format!("Changed template “{name}”"),
                None => format!("Saved template “{name}”"),
            };
            let step = Step::Template {
                name: name.to_owned(),
                old,
                new: Some(new),
            };
            Ok(Some((summary.into(), vec![step], ())))
        })?;
        Ok(())
    }

    pub fn templates(&self) -> Result<Vec<Template>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, fields FROM template ORDER BY name COLLATE fold")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, json)| {
                let fields = match serde_json::from_str::<Value>(&json)? {
                    Value::Object(map) => map.into_iter().collect(),
                    _ => Vec::new(),
                };
                Ok(Template { name, fields })
            })
            .collect()
    }

    pub fn template(&self, name: &str) -> Result<Template> {
        self.templates()?
            .into_iter()
            .find(|t| t.name == name)
            .ok_or_else(|| {
                CatalogError::from(Invalid::NoSuchTemplate {
                    name: name.to_owned(),
                })
            })
    }

    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        self.operation("templates", |tx, _| {
            let old = template_fields(tx, name)?.ok_or_else(|| {
                CatalogError::from(Invalid::NoSuchTemplate {
                    name: name.to_owned(),
                })
            })?;
            let step = Step::Template {
                name: name.to_owned(),
                old: Some(old),
                new: None,
            };
            Ok(Some((
                format!("Deleted template “{name}”").into(),
                vec![step],
                (),
            )))
        })?;
        Ok(())
    }

    /// Applies a template to photos: fills empty fields only, unless
    /// `overwrite`. Keywords are added. One operation in the history.
    pub fn apply_template(
        &mut self,
        name: &str,
        photos: &[PhotoId],
        overwrite: bool,
        dry_run: bool,
    ) -> Result<EditReport> {
        let template = self.template(name)?;
        let mut edits = Vec::new();
        for (field, value) in template.fields {
            let attribute = template_attribute(&field)?;
            if attribute == Attribute::Field(Field::Keywords) {
                let keywords: Vec<String> = value
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                edits.extend(keywords.into_iter().map(Edit::AddKeyword));
            } else if overwrite {
                edits.push(Edit::Set(attribute, value));
            } else {
                edits.push(Edit::FillEmpty(attribute, value));
            }
        }
        let each: Vec<(PhotoId, Vec<Edit>)> = photos.iter().map(|p| (*p, edits.clone())).collect();
        self.edit_each(&each, None, "template", dry_run, |n, _| {
            Summary::with(
                format!("Template “{name}” on {}", count(n, "photo", "photos")),
                Deed::TemplateApplied {
                    template: name.to_owned(),
                    photos: n,
                },
            )
        })
    }
}

/// Fields a template may hold: the descriptive fields (keywords are added,
/// not replaced), the note, and curation.
fn template_attribute(field: &str) -> Result<Attribute> {
    match Attribute::from_name(field) {
        Some(Attribute::Field(Field::HierarchicalKeywords)) | None => {
            Err(Invalid::NotForTemplate {
                field: field.to_owned(),
            }
            .into())
        }
        Some(a) => Ok(a),
    }
}

/// The id of an exhibition set (not a saved search) by name.
fn set_id(conn: &Connection, name: &str) -> Result<i64> {
    let found: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT id, query FROM photo_set WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((id, None)) => Ok(id),
        Some((_, Some(_))) => Err(Invalid::SearchNotSet {
            name: name.to_owned(),
        }
        .into()),
        None => Err(Invalid::NoSuchSet {
            name: name.to_owned(),
        }
        .into()),
    }
}

/// Fails unless no set or saved search has this name.
fn name_free(conn: &Connection, name: &str) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT count(*) FROM photo_set WHERE name = ?1",
        [name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Invalid::SetNameTaken {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// A set's photos in order, with their wall labels.
pub(super) fn set_entries(conn: &Connection, name: &str) -> Result<Vec<SetEntry>> {
    let id = set_id(conn, name)?;
    Ok(conn
        .prepare_cached(
            "SELECT photo_id, note FROM set_item WHERE set_id = ?1 ORDER BY position, photo_id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// A set or saved search as a whole, for deleting (and undoing that).
fn state_of(conn: &Connection, name: &str) -> Result<SetState> {
    state_now(conn, name)?.ok_or_else(|| {
        Invalid::NoSuchSetOrSearch {
            name: name.to_owned(),
        }
        .into()
    })
}

/// A set or saved search as a whole, if there is one by that name.
pub(super) fn state_now(conn: &Connection, name: &str) -> Result<Option<SetState>> {
    let query: Option<Option<String>> = conn
        .query_row("SELECT query FROM photo_set WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(match query {
        None => None,
        Some(Some(query)) => Some(SetState {
            query: Some(query),
            items: Vec::new(),
        }),
        Some(None) => Some(SetState {
            query: None,
            items: set_entries(conn, name)?,
        }),
    })
}

/// A template's fields, if it exists.
fn template_fields(conn: &Connection, name: &str) -> Result<Option<Value>> {
    let text: Option<String> = conn
        .query_row("SELECT fields FROM template WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}
