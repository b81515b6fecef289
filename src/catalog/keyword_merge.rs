//! Keywords renamed or moved on one replica while others tagged photos
//! apart, merged the same on every replica.
//!
//! A rename moves the keyword's photos without a step of their own: what
//! it changes is every photo that held the keyword *when it was made*. So
//! merging follows one rule, by the hybrid logical clock: a photo's
//! keywords are the latest value given to them (their *base*), renamed by
//! every rename later than that value, in the order of their times. A
//! photo tagged by a colleague before the rename follows it; one tagged
//! after keeps the name it was given; of two renames of one keyword made
//! apart, the earlier stands and the later finds the keyword gone, as it
//! would have on one machine.
//!
//! The history keeps each value as it was given, on every replica, as the
//! replica that made a rename keeps its photos' values as they were: the
//! renames are applied to the photos' links alone.
//!
//! A keyword's own state (made, synonyms, deleted) is one value by its
//! path, the latest change standing ([`state_changed_after`]); a rename
//! made before a deletion here brings the keyword back by its new name.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::Result;
use super::history::{self, KeywordState, Step};
use super::keywords::{self, KeywordTree, PATH_SEPARATOR};
use super::shared_ids::Stamp;
use crate::photo::{Attribute, Field, PhotoId};

/// A photo's flat and hierarchical keywords.
type Lists = (Vec<String>, Vec<String>);

/// A keyword renamed or moved: `old` and everything below it to `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Renamed {
    pub old: String,
    pub new: String,
}

/// The renames this catalogue holds, made or merged, by operations later
/// than `stamp` (but `except`), in the order of their times.
pub(super) fn renames_after(tx: &Connection, stamp: &Stamp, except: i64) -> Result<Vec<Renamed>> {
    Ok(every_rename(tx, except)?
        .into_iter()
        .filter(|(at, _)| at > stamp)
        .map(|(_, r)| r)
        .collect())
}

/// Every rename this catalogue holds but those of `except`, made or
/// merged, with its operation's time, in the order of their times (and
/// within an operation, of its steps).
fn every_rename(tx: &Connection, except: i64) -> Result<Vec<(Stamp, Renamed)>> {
    let rows: Vec<(i64, String, String, String)> = tx
        .prepare_cached(
            "SELECT o.hlc, o.replica, c.old_value, c.new_value
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id IS NULL AND c.field = 'keyword' AND o.hlc IS NOT NULL
               AND o.id != ?1
             ORDER BY o.hlc, o.replica, c.rowid",
        )?
        .query_map([except], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // A rename's paths are kept as JSON strings.
    Ok(rows
        .into_iter()
        .filter_map(|(hlc, replica, old, new)| {
            let renamed = Renamed {
                old: serde_json::from_str(&old).ok()?,
                new: serde_json::from_str(&new).ok()?,
            };
            Some(((hlc, replica), renamed))
        })
        .collect())
}

/// A path as the tree names it: its parts trimmed, empty ones left out.
fn clean(path: &str) -> String {
    path.split(PATH_SEPARATOR)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(&PATH_SEPARATOR.to_string())
}

/// The rest of `path` below `root` ("" for `root` itself, "|…" below it).
fn below<'a>(path: &'a str, root: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(root)?;
    (rest.is_empty() || rest.starts_with(PATH_SEPARATOR)).then_some(rest)
}

/// Where the renames, one after another, take a keyword's path.
pub(super) fn renamed_path(path: &str, renames: &[Renamed]) -> String {
    let mut path = clean(path);
    for r in renames {
        if let Some(rest) = below(&path, &clean(&r.old)) {
            path = format!("{}{rest}", clean(&r.new));
        }
    }
    path
}

fn leaf(path: &str) -> &str {
    path.rsplit(PATH_SEPARATOR).next().unwrap_or(path)
}

/// A photo's flat and hierarchical keywords after the renames. A flat
/// keyword is the keyword by that name on one of the photo's paths, a leaf
/// first, or else the one at the top, as [`KeywordTree::attach`] links it.
pub(super) fn renamed_lists(
    flat: &[String],
    hierarchical: &[String],
    renames: &[Renamed],
) -> Lists {
    let paths: Vec<String> = hierarchical.iter().map(|p| clean(p)).collect();
    let path_of = |name: &str| -> String {
        let name = name.trim();
        paths
            .iter()
            .find(|p| leaf(p) == name)
            .cloned()
            .or_else(|| {
                paths.iter().find_map(|p| {
                    let parts: Vec<&str> = p.split(PATH_SEPARATOR).collect();
                    let at = parts.iter().position(|part| *part == name)?;
                    Some(parts[..=at].join(&PATH_SEPARATOR.to_string()))
                })
            })
            .unwrap_or_else(|| name.to_owned())
    };
    // Flat names stay as many as they were: two may name two keywords of
    // one name, as a photo's links can hold them.
    let flat = flat
        .iter()
        .map(|name| {
            let path = path_of(name);
            let renamed = renamed_path(&path, renames);
            if renamed == path {
                name.clone()
            } else {
                leaf(&renamed).to_owned()
            }
        })
        .collect();
    let mut seen = BTreeSet::new();
    let hierarchical = paths
        .iter()
        .map(|p| renamed_path(p, renames))
        .filter(|p| seen.insert(p.clone()))
        .collect();
    (flat, hierarchical)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The keywords a photo was last given and when: its base, which the
/// renames since then take further. `None` when no change here gave both
/// lists (keywords that came with the photo's import).
fn base_of(tx: &Connection, photo: PhotoId) -> Result<Option<(Stamp, Lists)>> {
    let (flat, hierarchical) = (
        Attribute::Field(Field::Keywords).name(),
        Attribute::Field(Field::HierarchicalKeywords).name(),
    );
    let latest: Option<(i64, i64, String)> = tx
        .prepare_cached(
            "SELECT o.id, o.hlc, o.replica
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id = ?1 AND c.field IN (?2, ?3) AND o.hlc IS NOT NULL
             ORDER BY o.hlc DESC, o.replica DESC LIMIT 1",
        )?
        .query_row(params![photo.0, flat, hierarchical], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((operation, hlc, replica)) = latest else {
        return Ok(None);
    };
    let value = |field: &str| -> Result<Option<Vec<String>>> {
        let text: Option<String> = tx
            .prepare_cached(
                "SELECT new_value FROM edit_change
                 WHERE operation_id = ?1 AND photo_id = ?2 AND field = ?3
                 ORDER BY rowid DESC LIMIT 1",
            )?
            .query_row(params![operation, photo.0, field], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(text
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .map(|v| strings(&v)))
    };
    Ok(match (value(flat)?, value(hierarchical)?) {
        (Some(f), Some(h)) => Some(((hlc, replica), (f, h))),
        _ => None,
    })
}

/// A photo's keyword lists as its links hold them now.
fn lists_now(
    tx: &Connection,
    tree: &KeywordTree,
    photo: PhotoId,
) -> Result<(Vec<String>, Vec<String>)> {
    Ok(tree.lists(keywords::links_of(tx, photo)?))
}

/// Every keyword path the photo steps name that the tree lacks: what
/// performing them would make.
pub(super) fn missing_paths(tree: &KeywordTree, steps: &[Step]) -> Vec<String> {
    let mut missing = BTreeSet::new();
    for step in steps {
        let Step::Photo {
            attribute: Attribute::Field(field @ (Field::Keywords | Field::HierarchicalKeywords)),
            new,
            ..
        } = step
        else {
            continue;
        };
        for path in strings(new) {
            let path = clean(&path);
            let parts: Vec<&str> = path.split(PATH_SEPARATOR).collect();
            // A flat name is found on a path or at the top; only the top
            // can be new.
            let depth = if *field == Field::Keywords {
                1
            } else {
                parts.len()
            };
            for end in 1..=depth.min(parts.len()) {
                let prefix = parts[..end].join(&PATH_SEPARATOR.to_string());
                if tree.find_path(&prefix).is_none() {
                    missing.insert(prefix);
                }
            }
        }
    }
    missing.into_iter().collect()
}

/// Removes the keywords at `paths` that nothing holds, deepest first: those
/// a merged value made that the renames took its photos from.
fn remove_unheld(tx: &Connection, tree: &mut KeywordTree, paths: &[String]) -> Result<()> {
    let mut paths: Vec<&String> = paths.iter().collect();
    paths.sort_by_key(|p| std::cmp::Reverse(p.matches(PATH_SEPARATOR).count()));
    for path in paths {
        if let Some(id) = tree.find_path(path)
            && tree.children(Some(id)).is_empty()
            && keywords::photos_with(tx, &[id])?.is_empty()
        {
            tree.delete(tx, id)?;
        }
    }
    Ok(())
}

/// After a merged value was given to a photo: renames the photo's
/// keywords by the renames later than the value, and removes again the
/// keywords the value alone made (`made`) that nothing holds now.
pub(super) fn follow_renames(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    photo: PhotoId,
    renames: &[Renamed],
    made: &[String],
    touched: &mut BTreeSet<PhotoId>,
) -> Result<()> {
    if relink(tx, tree, photo, renames)? {
        touched.insert(photo);
    }
    remove_unheld(tx, tree, made)
}

/// Moves a photo's links to the keywords the renames take theirs to,
/// keeping their places in its lists, as a rename made here moves them;
/// returns whether any moved. (Two links may come to one keyword, and two
/// keywords of one name stay two.)
fn relink(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    photo: PhotoId,
    renames: &[Renamed],
) -> Result<bool> {
    let mut links: Vec<keywords::Link> = Vec::new();
    let mut moved = false;
    for mut link in keywords::links_of(tx, photo)? {
        let path = tree.path(link.keyword);
        let renamed = renamed_path(&path, renames);
        if renamed != path
            && let Some(&to) = tree.ensure_path(tx, &renamed)?.last()
        {
            link.keyword = to;
            moved = true;
        }
        match links.iter_mut().find(|l| l.keyword == link.keyword) {
            Some(l) => {
                let first = |a: Option<i64>, b: Option<i64>| a.into_iter().chain(b).min();
                l.subject_position = first(l.subject_position, link.subject_position);
                l.hierarchy_position = first(l.hierarchy_position, link.hierarchy_position);
            }
            None => links.push(link),
        }
    }
    if moved {
        keywords::replace_links(tx, photo, &links)?;
    }
    Ok(moved)
}

/// Whether a keyword's state (made, synonyms, deleted) at `path` was
/// changed here by an operation later than `stamp` (but `except`): then a
/// change made before it is passed over, as for a photo's field.
pub(super) fn state_changed_after(
    tx: &Connection,
    path: &str,
    stamp: &Stamp,
    except: i64,
) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT 1 FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id IS NULL AND c.field = 'keyword.state' AND c.subject = ?1
               AND (o.hlc > ?2 OR o.hlc = ?2 AND o.replica > ?3) AND o.id != ?4
             LIMIT 1",
        )?
        .query_row(params![clean(path), stamp.0, stamp.1, except], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Brings back, at `to`, the keyword at `from` and those below it that
/// were deleted here by operations later than `stamp`, each as its
/// deletion found it (unless `to` has one by that path already).
fn revive(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    stamp: &Stamp,
    from: &str,
    to: &str,
    touched: &mut BTreeSet<PhotoId>,
) -> Result<()> {
    let deleted: Vec<(String, String)> = tx
        .prepare_cached(
            "SELECT c.subject, c.old_value
             FROM edit_change c JOIN edit_operation o ON o.id = c.operation_id
             WHERE c.photo_id IS NULL AND c.field = 'keyword.state' AND c.new_value = 'null'
               AND (o.hlc > ?1 OR o.hlc = ?1 AND o.replica > ?2)
             ORDER BY o.hlc, o.replica, c.rowid",
        )?
        .query_map(params![stamp.0, stamp.1], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut revived: Vec<(String, KeywordState)> = Vec::new();
    for (path, state) in deleted {
        let Some(rest) = below(&clean(&path), from).map(str::to_owned) else {
            continue;
        };
        let Ok(Some(state)) = serde_json::from_str::<Option<KeywordState>>(&state) else {
            continue;
        };
        let path = format!("{to}{rest}");
        if !revived.iter().any(|(p, _)| *p == path) {
            revived.push((path, state));
        }
    }
    // Parents before the keywords below them.
    revived.sort_by_key(|(path, _)| path.matches(PATH_SEPARATOR).count());
    for (path, state) in revived {
        if tree.find_path(&path).is_none() {
            let step = Step::Keyword {
                path,
                old: None,
                new: Some(state),
            };
            history::apply(tx, tree, &step, touched)?;
        }
    }
    Ok(())
}

/// Merges a colleague's rename of `old` to `new` made at `stamp` and
/// recorded here in `operation`. Renames here later than it come after it:
/// the keyword it renames is where they took `old`, and it goes where
/// they take `new`. Its photos whose keywords were given later than the
/// rename keep them; the others become what their base and every rename
/// since make of them. Returns whether there was a keyword to rename.
pub(super) fn merge_rename(
    tx: &Transaction<'_>,
    tree: &mut KeywordTree,
    operation: i64,
    stamp: &Stamp,
    (old, new): (&str, &str),
    touched: &mut BTreeSet<PhotoId>,
) -> Result<bool> {
    let later = renames_after(tx, stamp, operation)?;
    let (from, to) = (renamed_path(old, &later), renamed_path(new, &later));
    let Some(keyword) = tree.find_path(&from) else {
        // Renamed here already, or never here; or deleted here after the
        // rename was made, and then the rename came first: the keyword
        // lives on by its new name, as the deletion found it.
        revive(tx, tree, stamp, &from, &to, touched)?;
        return Ok(tree.find_path(&to).is_some());
    };
    if from == to {
        return Ok(true);
    }
    let this = [Renamed {
        old: from.clone(),
        new: to.clone(),
    }];
    let holders = keywords::photos_with(tx, &tree.subtree(keyword))?;
    let every = every_rename(tx, 0)?;
    let mut lists = Vec::with_capacity(holders.len());
    for photo in holders {
        let now = lists_now(tx, tree, photo)?;
        let base = base_of(tx, photo)?;
        let becomes = match base {
            // Given later than the rename: kept.
            Some((given, ..)) if given > *stamp => now.clone(),
            // Renamed from its base by every rename since, this one too.
            // (Those of the operation that gave it too: a merge moves the
            // keywords below the one it merges after its photos' values.)
            Some((given, (flat, hierarchical))) => {
                let since: Vec<Renamed> = every
                    .iter()
                    .filter(|(at, _)| *at >= given)
                    .map(|(_, r)| r.clone())
                    .collect();
                renamed_lists(&flat, &hierarchical, &since)
            }
            // Keywords the photo came with: renamed where it holds them.
            None => renamed_lists(&now.0, &now.1, &this),
        };
        lists.push((photo, now, becomes));
    }
    // The keyword itself moves, with its synonyms and what is below it,
    // unless the name is taken here; its photos follow one by one.
    let moved = if tree.find_path(&to).is_none() && below(&to, &from).is_none() {
        super::edit::move_keyword_to(tx, tree, keyword, &to)?;
        true
    } else {
        false
    };
    for (photo, now, becomes) in lists {
        let now = if moved {
            lists_now(tx, tree, photo)?
        } else {
            now
        };
        if now != becomes {
            if !moved && renamed_lists(&now.0, &now.1, &this) == becomes {
                // As a rename made here moves them: link by link.
                relink(tx, tree, photo, &this)?;
            } else {
                tree.attach(tx, photo, &becomes.0, &becomes.1)?;
            }
        }
        touched.insert(photo);
    }
    if !moved {
        let subtree: Vec<String> = tree
            .subtree(keyword)
            .into_iter()
            .map(|k| tree.path(k))
            .collect();
        remove_unheld(tx, tree, &subtree)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed(old: &str, new: &str) -> Renamed {
        Renamed {
            old: old.to_owned(),
            new: new.to_owned(),
        }
    }

    fn owned(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_rename_takes_its_keyword_and_what_is_below_it_and_nothing_else() {
        let renames = [renamed("Témata", "Témata 1991")];
        assert_eq!(renamed_path("Témata|Tanky", &renames), "Témata 1991|Tanky");
        assert_eq!(renamed_path("Témata", &renames), "Témata 1991");
        assert_eq!(
            renamed_path("Témata 1991|Tanky", &renames),
            "Témata 1991|Tanky"
        );
        assert_eq!(renamed_path("Místa|Témata", &renames), "Místa|Témata");
        assert_eq!(
            renamed_path(" Témata | Tanky ", &renames),
            "Témata 1991|Tanky"
        );
    }

    #[test]
    fn renames_apply_one_after_another_in_their_order() {
        let chain = [
            renamed("Témata|Tanky", "Témata|Obrněnci"),
            renamed("Témata|Obrněnci", "Vojsko|Obrněnci"),
        ];
        assert_eq!(renamed_path("Témata|Tanky", &chain), "Vojsko|Obrněnci");
        // The other order: the second finds nothing the first left.
        let reversed = [chain[1].clone(), chain[0].clone()];
        assert_eq!(renamed_path("Témata|Tanky", &reversed), "Témata|Obrněnci");
    }

    #[test]
    fn flat_keywords_follow_the_path_they_name_or_the_top() {
        let renames = [
            renamed("Témata|Tanky", "Témata|Tanks"),
            renamed("Dubček", "Dubček, Alexander"),
        ];
        let (flat, hierarchical) = renamed_lists(
            &owned(&["Tanky", "Dubček", "Milovice", "Tanks"]),
            &owned(&["Témata|Tanky", "Místa|Milovice", "Témata|Tanks"]),
            &renames,
        );
        // A flat name on a renamed path follows it; one at the top follows
        // a rename at the top; two that come to one name stay two (the
        // tree links them to one keyword, or to two of one name).
        assert_eq!(
            flat,
            owned(&["Tanks", "Dubček, Alexander", "Milovice", "Tanks"])
        );
        assert_eq!(hierarchical, owned(&["Témata|Tanks", "Místa|Milovice"]));
    }

    #[test]
    fn a_flat_name_inside_a_path_follows_that_part_of_it() {
        let renames = [renamed("Místa|Československo", "Místa|ČSFR")];
        let (flat, hierarchical) = renamed_lists(
            &owned(&["Československo"]),
            &owned(&["Místa|Československo|Milovice"]),
            &renames,
        );
        assert_eq!(flat, owned(&["ČSFR"]));
        assert_eq!(hierarchical, owned(&["Místa|ČSFR|Milovice"]));
    }
}
