//! The keyword tree and the links between photos and keywords.
//!
//! Lightroom's hierarchical keywords (`Places|Czechoslovakia|Milovice`)
//! become a path of nodes; a flat keyword becomes a top-level node unless it
//! names a node on one of the photo's own paths, in which case it is that
//! node (so `BMP` and `Subjects|Military|Vehicles|BMP` are one keyword).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{CatalogError, Invalid, Result};
use crate::photo::PhotoId;
use crate::text::fold;

mod tally;
pub use tally::Tally;

/// The separator of hierarchical keyword paths, as Lightroom writes them.
pub const PATH_SEPARATOR: char = '|';

#[derive(Debug, Clone)]
struct Node {
    parent: Option<i64>,
    name: String,
    exported: bool,
}

/// One photo-keyword link as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub keyword: i64,
    /// Place among the photo's flat keywords, if listed there.
    pub subject_position: Option<i64>,
    /// Place of its full path among the hierarchical keywords, if listed there.
    pub hierarchy_position: Option<i64>,
}

/// A keyword as the keyword panel and `keywords list` show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeywordEntry {
    pub id: i64,
    pub name: String,
    pub path: String,
    pub depth: usize,
    /// Not written to files (a `[category]`).
    pub category: bool,
    pub synonyms: Vec<String>,
    /// Photos with this keyword or one below it.
    pub photos: u64,
}

/// The whole keyword tree, held in memory while a transaction works on it.
/// Archives have thousands of keywords, not millions, but a hostile file can
/// bring a hierarchy thousands of levels deep or tens of thousands of flat
/// keywords: every walk here is iterative and linear in what it visits, and
/// every level is kept.
#[derive(Debug, Default)]
pub struct KeywordTree {
    nodes: HashMap<i64, Node>,
    by_name: HashMap<(i64, String), i64>,
    /// Children of each keyword; key 0 is the top level. Unordered.
    children: HashMap<i64, Vec<i64>>,
    /// Keywords by their own name (not path), for `resolve`.
    by_leaf: HashMap<String, Vec<i64>>,
    synonyms: HashMap<i64, Vec<String>>,
}

impl KeywordTree {
    pub fn load(conn: &Connection) -> Result<Self> {
        let mut tree = Self::default();
        let mut stmt = conn.prepare_cached("SELECT id, parent_id, name, exported FROM keyword")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        for row in rows {
            let (id, parent, name, exported) = row?;
            tree.insert_node(id, parent, name, exported);
        }
        let mut stmt = conn
            .prepare_cached("SELECT keyword_id, synonym FROM keyword_synonym ORDER BY synonym")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, synonym) = row?;
            tree.synonyms.entry(id).or_default().push(synonym);
        }
        Ok(tree)
    }

    fn insert_node(&mut self, id: i64, parent: Option<i64>, name: String, exported: bool) {
        self.by_name.insert((parent.unwrap_or(0), name.clone()), id);
        self.children
            .entry(parent.unwrap_or(0))
            .or_default()
            .push(id);
        self.by_leaf.entry(name.clone()).or_default().push(id);
        self.nodes.insert(
            id,
            Node {
                parent,
                name,
                exported,
            },
        );
    }

    fn remove_node(&mut self, id: i64) -> Option<Node> {
        let old = self.nodes.remove(&id)?;
        self.by_name
            .remove(&(old.parent.unwrap_or(0), old.name.clone()));
        if let Some(siblings) = self.children.get_mut(&old.parent.unwrap_or(0)) {
            siblings.retain(|c| *c != id);
        }
        if let Some(same) = self.by_leaf.get_mut(&old.name) {
            same.retain(|k| *k != id);
            if same.is_empty() {
                self.by_leaf.remove(&old.name);
            }
        }
        Some(old)
    }

    /// The keyword and the keywords above it, nearest first: every level,
    /// however deep. (A loop in the parents would be a damaged catalogue;
    /// the walk stops once it has visited every keyword.)
    pub fn ancestry(&self, id: i64) -> Vec<i64> {
        let mut chain = Vec::new();
        let mut at = Some(id);
        while let Some(i) = at {
            let Some(node) = self.nodes.get(&i) else {
                break;
            };
            chain.push(i);
            at = node.parent;
            if chain.len() > self.nodes.len() {
                break;
            }
        }
        chain
    }

    /// The full path of a keyword, `A|B|C`.
    pub fn path(&self, id: i64) -> String {
        let mut names: Vec<&str> = self
            .ancestry(id)
            .into_iter()
            .filter_map(|i| self.name(i))
            .collect();
        names.reverse();
        names.join(&PATH_SEPARATOR.to_string())
    }

    pub fn name(&self, id: i64) -> Option<&str> {
        self.nodes.get(&id).map(|n| n.name.as_str())
    }

    pub fn synonyms(&self, id: i64) -> &[String] {
        self.synonyms.get(&id).map_or(&[], Vec::as_slice)
    }

    fn children_of(&self, parent: Option<i64>) -> Vec<i64> {
        let mut ids = self
            .children
            .get(&parent.unwrap_or(0))
            .cloned()
            .unwrap_or_default();
        ids.sort_by_cached_key(|id| {
            let name = self.name(*id).unwrap_or("");
            (fold(name), name.to_owned())
        });
        ids
    }

    /// The keyword and everything below it.
    pub fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut at = 0;
        while at < out.len() && out.len() <= self.nodes.len() {
            if let Some(children) = self.children.get(&out[at]) {
                out.extend(children.iter().copied());
            }
            at += 1;
        }
        out
    }

    /// Keywords an archivist means by `term`: a path (`A|B`) names one
    /// keyword; a name matches every keyword of that name and every keyword
    /// with it as a synonym, ignoring case and accents.
    pub fn matching(&self, term: &str) -> Vec<i64> {
        if term.contains(PATH_SEPARATOR) {
            return self.find_path(term).into_iter().collect();
        }
        let wanted = fold(term.trim());
        let mut ids: Vec<i64> = self
            .nodes
            .iter()
            .filter(|(id, n)| {
                fold(&n.name) == wanted || self.synonyms(**id).iter().any(|s| fold(s) == wanted)
            })
            .map(|(id, _)| *id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The keyword at exactly this path, if it exists.
    pub fn find_path(&self, path: &str) -> Option<i64> {
        let mut parent = 0;
        let mut found = None;
        for part in path
            .split(PATH_SEPARATOR)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let id = *self.by_name.get(&(parent, part.to_owned()))?;
            parent = id;
            found = Some(id);
        }
        found
    }

    /// One keyword named by a path or an unambiguous name.
    pub fn resolve(&self, term: &str) -> Result<i64> {
        if term.contains(PATH_SEPARATOR) {
            return self.find_path(term).ok_or_else(|| {
                Invalid::NoSuchKeyword {
                    term: term.to_owned(),
                }
                .into()
            });
        }
        let exact: &[i64] = self.by_leaf.get(term.trim()).map_or(&[], Vec::as_slice);
        match exact {
            [one] => Ok(*one),
            [] => Err(Invalid::NoSuchKeyword {
                term: term.to_owned(),
            }
            .into()),
            several => {
                let mut paths: Vec<String> = several.iter().map(|id| self.path(*id)).collect();
                paths.sort();
                Err(Invalid::AmbiguousKeyword {
                    term: term.to_owned(),
                    paths,
                }
                .into())
            }
        }
    }

    /// Finds or creates a keyword named `name` directly under `parent`.
    pub fn ensure_child(
        &mut self,
        conn: &Connection,
        parent: Option<i64>,
        name: &str,
    ) -> Result<i64> {
        self.ensure(conn, parent, name)
    }

    /// Finds or creates a keyword under `parent`.
    fn ensure(&mut self, conn: &Connection, parent: Option<i64>, name: &str) -> Result<i64> {
        if let Some(id) = self.by_name.get(&(parent.unwrap_or(0), name.to_owned())) {
            return Ok(*id);
        }
        let id: i64 = conn
            .query_row(
                "INSERT INTO keyword (parent_id, name) VALUES (?1, ?2) RETURNING id",
                params![parent, name],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                CatalogError::from(Invalid::KeywordNotCreated {
                    name: name.to_owned(),
                })
            })?;
        self.insert_node(id, parent, name.to_owned(), true);
        Ok(id)
    }

    /// Finds or creates every node of `A|B|C`; returns the chain, root first.
    /// Empty segments (`A||B`, a trailing `|`) are skipped.
    pub fn ensure_path(&mut self, conn: &Connection, path: &str) -> Result<Vec<i64>> {
        let levels = path.split(PATH_SEPARATOR).count();
        if levels > crate::limits::MAX_KEYWORD_LEVELS {
            return Err(Invalid::KeywordPathTooDeep { levels }.into());
        }
        let mut chain = Vec::new();
        for part in path
            .split(PATH_SEPARATOR)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let id = self.ensure(conn, chain.last().copied(), part)?;
            chain.push(id);
        }
        Ok(chain)
    }

    /// Marks a keyword as a category (not written to files) or not.
    pub fn set_exported(&mut self, conn: &Connection, id: i64, exported: bool) -> Result<()> {
        conn.execute(
            "UPDATE keyword SET exported = ?2 WHERE id = ?1",
            params![id, exported],
        )?;
        if let Some(n) = self.nodes.get_mut(&id) {
            n.exported = exported;
        }
        Ok(())
    }

    /// Adds a synonym; returns whether it was new.
    pub fn add_synonym(&mut self, conn: &Connection, id: i64, synonym: &str) -> Result<bool> {
        let synonym = synonym.trim();
        if synonym.is_empty() || self.synonyms(id).iter().any(|s| s == synonym) {
            return Ok(false);
        }
        conn.execute(
            "INSERT OR IGNORE INTO keyword_synonym (keyword_id, synonym) VALUES (?1, ?2)",
            params![id, synonym],
        )?;
        self.synonyms
            .entry(id)
            .or_default()
            .push(synonym.to_owned());
        Ok(true)
    }

    /// Renames a keyword and/or moves it under another parent.
    pub fn rename_and_move(
        &mut self,
        conn: &Connection,
        id: i64,
        parent: Option<i64>,
        name: &str,
    ) -> Result<()> {
        let name = name.trim();
        if name.is_empty() || name.contains(PATH_SEPARATOR) {
            return Err(Invalid::NotAKeywordName {
                name: name.to_owned(),
            }
            .into());
        }
        if let Some(p) = parent
            && self.ancestry(p).contains(&id)
        {
            return Err(Invalid::KeywordUnderItself {
                path: self.path(id),
            }
            .into());
        }
        if let Some(existing) = self.by_name.get(&(parent.unwrap_or(0), name.to_owned()))
            && *existing != id
        {
            return Err(Invalid::KeywordExists {
                path: self.path(*existing),
            }
            .into());
        }
        conn.execute(
            "UPDATE keyword SET parent_id = ?2, name = ?3 WHERE id = ?1",
            params![id, parent, name],
        )?;
        if let Some(old) = self.remove_node(id) {
            self.insert_node(id, parent, name.to_owned(), old.exported);
        }
        Ok(())
    }

    /// Deletes a keyword that nothing refers to any more.
    pub fn delete(&mut self, conn: &Connection, id: i64) -> Result<()> {
        conn.execute("DELETE FROM keyword WHERE id = ?1", [id])?;
        self.remove_node(id);
        self.children.remove(&id);
        self.synonyms.remove(&id);
        Ok(())
    }

    /// Replaces a photo's keyword links with the given lists.
    pub fn attach(
        &mut self,
        conn: &Connection,
        photo: PhotoId,
        flat: &[String],
        hierarchical: &[String],
    ) -> Result<()> {
        conn.execute("DELETE FROM photo_keyword WHERE photo_id = ?1", [photo.0])?;
        let chains = hierarchical
            .iter()
            .map(|path| self.ensure_path(conn, path))
            .collect::<Result<Vec<_>>>()?;
        let mut links: Vec<Link> = Vec::new();
        fn link(links: &mut Vec<Link>, keyword: i64) -> &mut Link {
            let at = match links.iter().position(|l| l.keyword == keyword) {
                Some(at) => at,
                None => {
                    links.push(Link {
                        keyword,
                        subject_position: None,
                        hierarchy_position: None,
                    });
                    links.len() - 1
                }
            };
            &mut links[at]
        }
        // Names on the photo's own paths, leaves first (a flat keyword that
        // names a leaf is that leaf), each found in one look-up.
        let mut on_paths: HashMap<&str, i64> = HashMap::new();
        for id in chains
            .iter()
            .filter_map(|c| c.last())
            .chain(chains.iter().flat_map(|c| c.iter().rev().skip(1)))
        {
            if let Some(node) = self.nodes.get(id) {
                on_paths.entry(node.name.as_str()).or_insert(*id);
            }
        }
        let on_paths: HashMap<String, i64> = on_paths
            .into_iter()
            .map(|(name, id)| (name.to_owned(), id))
            .collect();
        let flat = flat.iter().map(|k| k.trim()).filter(|k| !k.is_empty());
        for (position, keyword) in flat.enumerate() {
            let on_a_path = on_paths.get(keyword).copied();
            let id = match on_a_path {
                Some(id) => id,
                None => self.ensure(conn, None, keyword)?,
            };
            let l = link(&mut links, id);
            l.subject_position = l.subject_position.or(Some(position as i64));
        }
        for (position, leaf) in chains.iter().filter_map(|c| c.last()).enumerate() {
            let l = link(&mut links, *leaf);
            l.hierarchy_position = l.hierarchy_position.or(Some(position as i64));
        }
        insert_links(conn, photo, &links)
    }

    /// The flat and hierarchical keyword lists of a photo's links.
    pub fn lists(&self, links: Vec<Link>) -> (Vec<String>, Vec<String>) {
        let ordered = |position: fn(&Link) -> Option<i64>| {
            let mut listed: Vec<(i64, i64)> = links
                .iter()
                .filter_map(|l| position(l).map(|p| (p, l.keyword)))
                .collect();
            listed.sort_unstable();
            listed.into_iter().map(|(_, k)| k)
        };
        let flat = ordered(|l| l.subject_position)
            .filter_map(|k| self.name(k).map(str::to_owned))
            .collect();
        let hierarchical = ordered(|l| l.hierarchy_position)
            .map(|k| self.path(k))
            .collect();
        (flat, hierarchical)
    }

    /// Every keyword, depth first in alphabetical order, with its photo
    /// count from `counts` (a [`Tally`]'s, by keyword id). Each path is
    /// built from its parent's.
    pub fn entries(&self, counts: &HashMap<i64, u64>) -> Vec<KeywordEntry> {
        // Depth first, children alphabetically: a stack of (id, depth).
        let mut order: Vec<(i64, usize)> = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<(i64, usize)> = self
            .children_of(None)
            .into_iter()
            .rev()
            .map(|id| (id, 0))
            .collect();
        while let Some((id, depth)) = stack.pop() {
            if order.len() >= self.nodes.len() {
                break; // only a loop in the parents could get here
            }
            order.push((id, depth));
            stack.extend(
                self.children_of(Some(id))
                    .into_iter()
                    .rev()
                    .map(|c| (c, depth + 1)),
            );
        }
        let mut paths: HashMap<i64, String> = HashMap::with_capacity(order.len());
        let mut out = Vec::with_capacity(order.len());
        for (id, depth) in order {
            let Some(node) = self.nodes.get(&id) else {
                continue;
            };
            let path = match node.parent.and_then(|p| paths.get(&p)) {
                Some(parent) => format!("{parent}{PATH_SEPARATOR}{}", node.name),
                None => node.name.clone(),
            };
            paths.insert(id, path.clone());
            out.push(KeywordEntry {
                id,
                name: node.name.clone(),
                path,
                depth,
                category: !node.exported,
                synonyms: self.synonyms(id).to_vec(),
                photos: counts.get(&id).copied().unwrap_or(0),
            });
        }
        out
    }

    /// The keyword called `name` directly under `parent` (the top level for
    /// `None`), if there is one.
    pub fn child(&self, parent: Option<i64>, name: &str) -> Option<i64> {
        self.by_name
            .get(&(parent.unwrap_or(0), name.to_owned()))
            .copied()
    }

    /// Every keyword's id, in no particular order.
    pub fn ids(&self) -> Vec<i64> {
        self.nodes.keys().copied().collect()
    }

    /// How many keywords there are.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether a keyword is written to files.
    pub fn is_exported(&self, id: i64) -> bool {
        self.nodes.get(&id).is_some_and(|n| n.exported)
    }

    /// Children of a keyword (or the top level), alphabetically.
    pub fn children(&self, parent: Option<i64>) -> Vec<i64> {
        self.children_of(parent)
    }
}

fn link_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Link> {
    Ok(Link {
        keyword: r.get("keyword_id")?,
        subject_position: r.get("subject_position")?,
        hierarchy_position: r.get("hierarchy_position")?,
    })
}

/// Replaces a photo's links with these.
pub fn replace_links(conn: &Connection, photo: PhotoId, links: &[Link]) -> Result<()> {
    conn.execute("DELETE FROM photo_keyword WHERE photo_id = ?1", [photo.0])?;
    insert_links(conn, photo, links)
}

fn insert_links(conn: &Connection, photo: PhotoId, links: &[Link]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO photo_keyword (photo_id, keyword_id, subject_position, hierarchy_position)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for l in links {
        insert.execute(params![
            photo.0,
            l.keyword,
            l.subject_position,
            l.hierarchy_position
        ])?;
    }
    Ok(())
}

pub fn links_of(conn: &Connection, photo: PhotoId) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(
        "SELECT keyword_id, subject_position, hierarchy_position FROM photo_keyword WHERE photo_id = ?1",
    )?;
    Ok(stmt
        .query_map([photo.0], link_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The links of many photos, read in one statement; a photo without
/// keywords is not in the map.
pub fn links_of_photos(
    conn: &Connection,
    photos: &[PhotoId],
) -> Result<HashMap<PhotoId, Vec<Link>>> {
    links_by_photo(
        conn,
        "SELECT photo_id, keyword_id, subject_position, hierarchy_position FROM photo_keyword
         WHERE photo_id IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(photos)?],
    )
}

pub fn all_links(conn: &Connection) -> Result<HashMap<PhotoId, Vec<Link>>> {
    links_by_photo(
        conn,
        "SELECT photo_id, keyword_id, subject_position, hierarchy_position FROM photo_keyword",
        [],
    )
}

/// The links a statement reads, by photo.
fn links_by_photo(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<HashMap<PhotoId, Vec<Link>>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut out: HashMap<PhotoId, Vec<Link>> = HashMap::new();
    let rows = stmt.query_map(params, |r| {
        Ok((PhotoId(r.get("photo_id")?), link_from_row(r)?))
    })?;
    for row in rows {
        let (photo, link) = row?;
        out.entry(photo).or_default().push(link);
    }
    Ok(out)
}

/// Photos linked to any of these keywords.
pub fn photos_with(conn: &Connection, keywords: &[i64]) -> Result<Vec<PhotoId>> {
    let json = serde_json::to_string(keywords)?;
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT photo_id FROM photo_keyword WHERE keyword_id IN (SELECT value FROM json_each(?1))
         ORDER BY photo_id",
    )?;
    Ok(stmt
        .query_map([json], |r| Ok(PhotoId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?)
}
