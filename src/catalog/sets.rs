//! Exhibition sets, saved searches and metadata templates.
//!
//! An exhibition set is an ordered list of photos, each with a wall-label
//! note that belongs to the set, not to the photo (the same photograph can
//! carry different labels in two exhibitions). A saved search is a stored
//! query with a set's name; `set:"Name"` finds either.

use rusqlite::{OptionalExtension, params};
use serde_json::Value;

use super::edit::{Edit, EditReport, normalise};
use super::{CatalogError, Catalogue, Result};
use crate::photo::{Attribute, Field, PhotoId};

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
        let found: Option<(i64, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, query FROM photo_set WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match found {
            Some((id, None)) => Ok(id),
            Some((_, Some(_))) => Err(CatalogError::Invalid(format!(
                "\"{name}\" is a saved search, not an exhibition set"
            ))),
            None => Err(CatalogError::Invalid(format!(
                "no exhibition set named \"{name}\""
            ))),
        }
    }

    fn insert_set(&mut self, name: &str, query: Option<&str>) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CatalogError::Invalid("a set needs a name".into()));
        }
        let taken: bool = self.conn.query_row(
            "SELECT count(*) FROM photo_set WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if taken {
            return Err(CatalogError::Invalid(format!(
                "a set or saved search named \"{name}\" already exists"
            )));
        }
        self.conn.execute(
            "INSERT INTO photo_set (name, query, created_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            params![name, query],
        )?;
        Ok(())
    }

    pub fn create_set(&mut self, name: &str) -> Result<()> {
        self.insert_set(name, None)
    }

    /// Saves a query under a name; it must parse.
    pub fn save_search(&mut self, name: &str, query: &str) -> Result<()> {
        crate::search::parse(query)
            .map_err(|e| CatalogError::Invalid(format!("the query does not parse: {e}")))?;
        self.insert_set(name, Some(query))
    }

    /// Deletes a set or saved search (never its photos).
    pub fn delete_set(&mut self, name: &str) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM photo_set WHERE name = ?1", [name])?;
        if n == 0 {
            return Err(CatalogError::Invalid(format!(
                "no set or saved search named \"{name}\""
            )));
        }
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

    /// Appends photos to the end of a set, in the order given; photos already
    /// in it stay where they are. Returns how many were added.
    pub fn add_to_set(&mut self, name: &str, photos: &[PhotoId]) -> Result<usize> {
        let id = self.set_id(name)?;
        let tx = self.conn.transaction()?;
        let mut next: i64 = tx.query_row(
            "SELECT ifnull(max(position), 0) + 1 FROM set_item WHERE set_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO set_item (set_id, photo_id, position) VALUES (?1, ?2, ?3)",
            )?;
            for photo in photos {
                if insert.execute(params![id, photo.0, next])? == 1 {
                    added += 1;
                    next += 1;
                }
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Removes photos from a set; the rest close up. Returns how many went.
    pub fn remove_from_set(&mut self, name: &str, photos: &[PhotoId]) -> Result<usize> {
        let id = self.set_id(name)?;
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        for photo in photos {
            removed += tx.execute(
                "DELETE FROM set_item WHERE set_id = ?1 AND photo_id = ?2",
                params![id, photo.0],
            )?;
        }
        renumber(&tx, id)?;
        tx.commit()?;
        Ok(removed)
    }

    /// Moves a photo to a 1-based position in a set (clamped to the ends).
    pub fn move_in_set(&mut self, name: &str, photo: PhotoId, position: u32) -> Result<()> {
        let id = self.set_id(name)?;
        let tx = self.conn.transaction()?;
        let mut order: Vec<i64> = tx
            .prepare("SELECT photo_id FROM set_item WHERE set_id = ?1 ORDER BY position, photo_id")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let at = order
            .iter()
            .position(|p| *p == photo.0)
            .ok_or_else(|| CatalogError::Invalid(format!("photo {photo} is not in \"{name}\"")))?;
        let moving = order.remove(at);
        let to = (position.max(1) as usize - 1).min(order.len());
        order.insert(to, moving);
        {
            let mut update = tx.prepare_cached(
                "UPDATE set_item SET position = ?3 WHERE set_id = ?1 AND photo_id = ?2",
            )?;
            for (i, p) in order.iter().enumerate() {
                update.execute(params![id, p, i as i64 + 1])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Sets (or, with blank text, clears) a photo's wall label in a set.
    pub fn set_note(&mut self, name: &str, photo: PhotoId, note: &str) -> Result<()> {
        let id = self.set_id(name)?;
        let note = Some(note).filter(|n| !n.trim().is_empty());
        let n = self.conn.execute(
            "UPDATE set_item SET note = ?3 WHERE set_id = ?1 AND photo_id = ?2",
            params![id, photo.0, note],
        )?;
        if n == 0 {
            return Err(CatalogError::Invalid(format!(
                "photo {photo} is not in \"{name}\""
            )));
        }
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
            return Err(CatalogError::Invalid("a template needs a name".into()));
        }
        let mut object = serde_json::Map::new();
        for (field, value) in fields {
            let attribute = template_attribute(field)?;
            object.insert(attribute.name().to_owned(), normalise(attribute, value)?);
        }
        self.conn.execute(
            "INSERT INTO template (name, fields) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET fields = excluded.fields",
            params![name, Value::Object(object).to_string()],
        )?;
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
            .ok_or_else(|| CatalogError::Invalid(format!("no template named \"{name}\"")))
    }

    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM template WHERE name = ?1", [name])?
            == 0
        {
            return Err(CatalogError::Invalid(format!(
                "no template named \"{name}\""
            )));
        }
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
        self.edit(photos, &edits, "template", dry_run)
    }
}

/// Fields a template may hold: the descriptive fields (keywords are added,
/// not replaced), the note, and curation.
fn template_attribute(field: &str) -> Result<Attribute> {
    match Attribute::from_name(field) {
        Some(Attribute::Field(Field::HierarchicalKeywords)) | None => Err(CatalogError::Invalid(
            format!("a template cannot hold {field:?} (use keywords for keywords)"),
        )),
        Some(a) => Ok(a),
    }
}

fn renumber(tx: &rusqlite::Transaction<'_>, set: i64) -> Result<()> {
    let order: Vec<i64> = tx
        .prepare("SELECT photo_id FROM set_item WHERE set_id = ?1 ORDER BY position, photo_id")?
        .query_map([set], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        tx.prepare_cached("UPDATE set_item SET position = ?3 WHERE set_id = ?1 AND photo_id = ?2")?;
    for (i, p) in order.iter().enumerate() {
        update.execute(params![set, p, i as i64 + 1])?;
    }
    Ok(())
}
