//! The keyword tree and the links between photos and keywords.
//!
//! Lightroom's hierarchical keywords (`Places|Czechoslovakia|Milovice`)
//! become a path of nodes; a flat keyword becomes a top-level node unless it
//! names a node on one of the photo's own paths, in which case it is that
//! node (so `BMP` and `Subjects|Military|Vehicles|BMP` are one keyword).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::photo::PhotoId;

/// The separator of hierarchical keyword paths, as Lightroom writes them.
pub const PATH_SEPARATOR: char = '|';

#[derive(Debug, Clone)]
struct Node {
    parent: Option<i64>,
    name: String,
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

/// The whole keyword tree, held in memory while a transaction works on it.
/// Archives have thousands of keywords, not millions.
#[derive(Debug, Default)]
pub struct KeywordTree {
    nodes: HashMap<i64, Node>,
    by_name: HashMap<(i64, String), i64>,
}

impl KeywordTree {
    pub fn load(conn: &Connection) -> Result<Self> {
        let mut tree = Self::default();
        let mut stmt = conn.prepare_cached("SELECT id, parent_id, name FROM keyword")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (id, parent, name) = row?;
            tree.insert_node(id, parent, name);
        }
        Ok(tree)
    }

    fn insert_node(&mut self, id: i64, parent: Option<i64>, name: String) {
        self.by_name.insert((parent.unwrap_or(0), name.clone()), id);
        self.nodes.insert(id, Node { parent, name });
    }

    /// The full path of a keyword, `A|B|C`.
    pub fn path(&self, id: i64) -> String {
        let mut parts = Vec::new();
        let mut at = Some(id);
        while let Some(node) = at.and_then(|i| self.nodes.get(&i)) {
            parts.push(node.name.as_str());
            at = node.parent;
            if parts.len() > 64 {
                break; // a cycle would be corruption; never loop forever
            }
        }
        parts.reverse();
        parts.join(&PATH_SEPARATOR.to_string())
    }

    pub fn name(&self, id: i64) -> Option<&str> {
        self.nodes.get(&id).map(|n| n.name.as_str())
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
                super::CatalogError::Invalid(format!("keyword {name:?} could not be created"))
            })?;
        self.insert_node(id, parent, name.to_owned());
        Ok(id)
    }

    /// Finds or creates every node of `A|B|C`; returns the chain, root first.
    /// Empty segments (`A||B`, a trailing `|`) are skipped.
    pub fn ensure_path(&mut self, conn: &Connection, path: &str) -> Result<Vec<i64>> {
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
        let flat = flat.iter().map(|k| k.trim()).filter(|k| !k.is_empty());
        for (position, keyword) in flat.enumerate() {
            let on_a_path = chains
                .iter()
                .filter_map(|c| c.last())
                .chain(chains.iter().flat_map(|c| c.iter().rev().skip(1)))
                .find(|id| self.name(**id) == Some(keyword))
                .copied();
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
}

fn link_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Link> {
    Ok(Link {
        keyword: r.get("keyword_id")?,
        subject_position: r.get("subject_position")?,
        hierarchy_position: r.get("hierarchy_position")?,
    })
}

pub fn links_of(conn: &Connection, photo: PhotoId) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(
        "SELECT keyword_id, subject_position, hierarchy_position FROM photo_keyword WHERE photo_id = ?1",
    )?;
    Ok(stmt
        .query_map([photo.0], link_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn all_links(conn: &Connection) -> Result<HashMap<PhotoId, Vec<Link>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT photo_id, keyword_id, subject_position, hierarchy_position FROM photo_keyword",
    )?;
    let mut out: HashMap<PhotoId, Vec<Link>> = HashMap::new();
    let rows = stmt.query_map([], |r| Ok((PhotoId(r.get("photo_id")?), link_from_row(r)?)))?;
    for row in rows {
        let (photo, link) = row?;
        out.entry(photo).or_default().push(link);
    }
    Ok(out)
}
