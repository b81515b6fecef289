//! The catalogue's history in the window's language: what undo and redo
//! would do, and the inspector's list of a photo's changes. The catalogue
//! keeps its own words for an operation in English (the command line's
//! `history` prints them, and scripts read them); the window says the same
//! operation again from what it did: its deed, where the catalogue recorded
//! one, and otherwise its steps. A kind of operation it has no words of its
//! own for keeps the catalogue's.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{i18n, words};
use crate::catalog::{ClaimRecord, Deed, Operation, Step, claim_value_words, claimable};
use crate::photo::{Attribute, Field, Flag, Label};
use crate::text::shorten;
use crate::tr;

/// The citation of a source, by its id, as the catalogue has it now.
pub type Citations<'a> = &'a dyn Fn(i64) -> Option<String>;

/// An operation in words. For an undo or a redo, `reverted` is the
/// operation it reverted or applied again; `citation` names the sources
/// claims cite.
pub fn operation(op: &Operation, reverted: Option<&Operation>, citation: Citations) -> String {
    match (op.source.as_str(), reverted) {
        ("undo", Some(r)) => tr!("history-undo-of", what = made(r, citation)),
        ("redo", Some(r)) => tr!("history-redo-of", what = made(r, citation)),
        _ => made(op, citation),
    }
}

/// An operation people made, in words.
fn made(op: &Operation, citation: Citations) -> String {
    let steps = op.steps.as_slice();
    let deed = op.deed.clone().or_else(|| earlier_deed(op, citation));
    let said = match (deed, op.source.as_str()) {
        (Some(deed), _) => deed_words(&deed, steps, citation),
        // The same edits on every photo: the first steps say what, the
        // catalogue counts the photos.
        (None, "edit") => photo_edit(steps, op.photos),
        // The others are said from all their steps.
        (None, _) if !op.is_whole() => None,
        (None, "sets") => set_change(steps),
        (None, "keywords") => keyword_renamed(steps),
        (None, "templates") => template_change(steps),
        (None, "sources") => source_change(steps),
        _ => None,
    };
    said.unwrap_or_else(|| op.summary.clone())
}

/// What an operation did, in words.
fn deed_words(deed: &Deed, steps: &[Step], citation: Citations) -> Option<String> {
    Some(match deed {
        Deed::ClaimsAdded {
            field,
            photos,
            source,
        } => {
            let field = words::attribute(claimable(field)?).to_lowercase();
            match source.and_then(citation) {
                Some(source) => tr!(
                    "history-claims-added-cited",
                    field = field,
                    count = *photos,
                    source = source
                ),
                None => tr!("history-claims-added", field = field, count = *photos),
            }
        }
        Deed::ClaimsRead { claims, photos } => {
            tr!("history-claims-csv", claims = *claims, count = *photos)
        }
        Deed::ClaimPreferred => tr!(
            "history-claim-preferred",
            claim = claim_words(claim_preferred(steps)?, citation)
        ),
        Deed::ClaimRemoved => tr!(
            "history-claim-removed",
            claim = claim_words(claim_removed(steps)?, citation)
        ),
        Deed::ClaimChanged => tr!(
            "history-claim-changed",
            claim = claim_words(claim_changed(steps)?, citation)
        ),
        Deed::CsvImport {
            file,
            photos,
            labels: 0,
        } => tr!("history-csv", file = file.as_str(), count = *photos),
        Deed::CsvImport {
            file,
            photos,
            labels,
        } => tr!(
            "history-csv-labels",
            file = file.as_str(),
            count = *photos,
            labels = *labels
        ),
        Deed::TemplateApplied { template, photos } => tr!(
            "history-template-applied",
            template = template.as_str(),
            count = *photos
        ),
        Deed::KeywordDeleted { keyword, photos } => tr!(
            "history-keyword-deleted",
            keyword = keyword.as_str(),
            count = *photos
        ),
        Deed::KeywordMerged {
            keyword,
            into,
            photos,
        } => tr!(
            "history-keyword-merged",
            keyword = keyword.as_str(),
            into = into.as_str(),
            count = *photos
        ),
        Deed::KeywordList { keywords, synonyms } => tr!(
            "history-keyword-list",
            keywords = *keywords,
            synonyms = *synonyms
        ),
        Deed::SourceRemoved { source } => {
            tr!("history-source-removed", source = source.as_str())
        }
        Deed::SourceMerged { source, into } => tr!(
            "history-source-merged",
            source = source.as_str(),
            into = into.as_str()
        ),
        Deed::SourcesImported { sources } => tr!("history-sources-imported", count = *sources),
    })
}

/// Edits of photos: "Caption on 3 photos", "Rating 4 on 1 photo",
/// "Keyword Milovice on 12 photos".
fn photo_edit(steps: &[Step], photos: usize) -> Option<String> {
    // Attributes in the order first changed, with their steps' new values.
    let mut changed: Vec<(Attribute, Vec<&Value>)> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    let mut hierarchy_added: Vec<String> = Vec::new();
    let mut hierarchy_removed: Vec<String> = Vec::new();
    for step in steps {
        let (attribute, old, new) = match step {
            Step::Photo {
                attribute,
                old,
                new,
                ..
            } => (attribute, old, new),
            // A keyword new to the tree is made on the way, and claims on
            // a field follow its edit.
            Step::Keyword { old: None, .. } | Step::Claim { .. } => continue,
            _ => return None,
        };
        match attribute {
            Attribute::Field(Field::Keywords) => difference(old, new, &mut added, &mut removed),
            Attribute::Field(Field::HierarchicalKeywords) => {
                difference(old, new, &mut hierarchy_added, &mut hierarchy_removed)
            }
            a => match changed.iter_mut().find(|(b, _)| b == a) {
                Some((_, values)) => values.push(new),
                None => changed.push((*a, vec![new])),
            },
        }
    }
    if photos == 0 {
        return None;
    }
    // A keyword in the tree changes both lists; its flat name says it.
    if added.is_empty() {
        added = hierarchy_added;
    }
    if removed.is_empty() {
        removed = hierarchy_removed;
    }
    let mut parts: Vec<String> = changed
        .iter()
        .map(|(attribute, values)| attribute_change(*attribute, values))
        .collect();
    if !added.is_empty() {
        parts.push(tr!(
            "history-keywords-added",
            count = added.len(),
            keywords = added.join(", ")
        ));
    }
    if !removed.is_empty() {
        parts.push(tr!(
            "history-keywords-removed",
            count = removed.len(),
            keywords = removed.join(", ")
        ));
    }
    Some(tr!(
        "history-on-photos",
        what = shorten(&parts.join(", "), 80),
        count = photos
    ))
}

/// The keywords a list gained and lost, added to those seen before.
fn difference(old: &Value, new: &Value, added: &mut Vec<String>, removed: &mut Vec<String>) {
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old, new) = (list(old), list(new));
    for k in new.iter().filter(|k| !old.contains(k)) {
        if !added.contains(k) {
            added.push(k.clone());
        }
    }
    for k in old.iter().filter(|k| !new.contains(k)) {
        if !removed.contains(k) {
            removed.push(k.clone());
        }
    }
}

/// One attribute's change, named as the Photo menu names it.
fn attribute_change(attribute: Attribute, values: &[&Value]) -> String {
    let first = values.first().copied().unwrap_or(&Value::Null);
    match (attribute, first) {
        (Attribute::Rating, v) => tr!("history-rating", stars = v.as_u64().unwrap_or(0)),
        (Attribute::Flag, Value::String(f)) => match Flag::from_name(f) {
            Some(Flag::Pick) => tr!("edit-pick"),
            Some(Flag::Reject) => tr!("edit-reject"),
            None => tr!("edit-unflag"),
        },
        (Attribute::Flag, _) => tr!("edit-unflag"),
        (Attribute::Label, Value::String(l)) => tr!("edit-label", label = l.as_str()),
        (Attribute::Label, _) => tr!("edit-no-label"),
        (a, _) if values.iter().all(|v| v.is_null()) => {
            tr!("history-cleared", field = words::attribute(a))
        }
        (a, _) => words::attribute(a),
    }
}

/// Sets made, renamed, deleted, filled, emptied and reordered.
fn set_change(steps: &[Step]) -> Option<String> {
    let [step] = steps else {
        return None;
    };
    Some(match step {
        Step::Set { name, old, new } => match (old, new) {
            (None, Some(s)) if s.query.is_some() => {
                tr!("history-search-saved", set = name.as_str())
            }
            (None, Some(s)) if s.items.is_empty() => {
                tr!("history-set-created", set = name.as_str())
            }
            (None, Some(s)) => tr!(
                "history-set-created-with",
                set = name.as_str(),
                count = s.items.len()
            ),
            (Some(s), None) if s.query.is_some() => {
                tr!("history-search-deleted", set = name.as_str())
            }
            (Some(s), None) => tr!(
                "history-set-deleted",
                set = name.as_str(),
                count = s.items.len()
            ),
            _ => return None,
        },
        Step::SetName { old, new } => tr!(
            "history-set-renamed",
            old = old.as_str(),
            new = new.as_str()
        ),
        Step::SetItems { set, old, new } => {
            let had: BTreeSet<i64> = old.iter().map(|e| e.0).collect();
            let has: BTreeSet<i64> = new.iter().map(|e| e.0).collect();
            let added = has.difference(&had).count();
            let removed = had.difference(&has).count();
            let labels = new
                .iter()
                .filter(|(id, note)| old.iter().any(|(o, n)| o == id && n != note))
                .count();
            let set = set.as_str();
            if added > 0 {
                tr!("history-set-added", set = set, count = added)
            } else if removed > 0 {
                tr!("history-set-removed", set = set, count = removed)
            } else if labels > 0 {
                tr!("history-set-wall-labels", set = set, count = labels)
            } else {
                tr!("history-set-order", set = set)
            }
        }
        _ => return None,
    })
}

/// A keyword renamed or moved.
fn keyword_renamed(steps: &[Step]) -> Option<String> {
    let [Step::KeywordPath { old, new, .. }] = steps else {
        return None;
    };
    Some(tr!(
        "history-keyword-renamed",
        old = old.as_str(),
        new = new.as_str()
    ))
}

/// A template saved, changed or deleted.
fn template_change(steps: &[Step]) -> Option<String> {
    let [Step::Template { name, old, new }] = steps else {
        return None;
    };
    let template = name.as_str();
    Some(match (old, new) {
        (None, _) => tr!("history-template-saved", template = template),
        (_, None) => tr!("history-template-deleted", template = template),
        _ => tr!("history-template-changed", template = template),
    })
}

/// A source added or changed.
fn source_change(steps: &[Step]) -> Option<String> {
    let [
        Step::Source {
            old, new: Some(s), ..
        },
    ] = steps
    else {
        return None;
    };
    let source = s.citation.as_str();
    Some(match old {
        None => tr!("history-source-added", source = source),
        Some(_) => tr!("history-source-changed", source = source),
    })
}

/// Text as the history quotes it, on one line, in the language's
/// quotation marks.
fn quoted(text: &str, limit: usize) -> String {
    tr!(
        "history-quoted",
        text = shorten(&text.replace('\n', " "), limit)
    )
}

/// A claim in words: its field, its value, and the source it cites.
fn claim_words(c: &ClaimRecord, citation: Citations) -> String {
    let value = match &c.value {
        Value::String(s) => quoted(s, 50),
        other => claim_value_words(other),
    };
    let field = claimable(&c.field).map_or_else(|| c.field.clone(), words::attribute);
    match c.source.and_then(citation) {
        Some(source) => tr!(
            "history-claim-cited",
            field = field,
            value = value,
            source = source
        ),
        None => tr!("history-claim", field = field, value = value),
    }
}

/// The claims an operation changed, from what to what.
fn claim_steps(
    steps: &[Step],
) -> impl Iterator<Item = (Option<&ClaimRecord>, Option<&ClaimRecord>)> {
    steps.iter().filter_map(|s| match s {
        Step::Claim { old, new, .. } => Some((old.as_ref(), new.as_ref())),
        _ => None,
    })
}

/// The claim a preference went to, as it was before.
fn claim_preferred(steps: &[Step]) -> Option<&ClaimRecord> {
    claim_steps(steps).find_map(|(old, new)| match (old, new) {
        (Some(o), Some(n)) if !o.preferred && n.preferred => Some(o),
        _ => None,
    })
}

fn claim_removed(steps: &[Step]) -> Option<&ClaimRecord> {
    claim_steps(steps).find_map(|(old, new)| match (old, new) {
        (Some(o), None) => Some(o),
        _ => None,
    })
}

/// The claim changed, as it is now: the operation's only claim step.
fn claim_changed(steps: &[Step]) -> Option<&ClaimRecord> {
    let mut claims = claim_steps(steps);
    match (claims.next(), claims.next()) {
        (Some((Some(_), Some(changed))), None) => Some(changed),
        _ => None,
    }
}

/// The deed of an operation recorded before the catalogue kept deeds,
/// recognised from its steps and the catalogue's English words for it
/// (the words of those versions: a kind's steps can look alike, a claim
/// preferred and one changed, and some name what the steps do not, a
/// template or a file). Apart from a template applied, only an operation
/// whose steps were all read is recognised.
fn earlier_deed(op: &Operation, citation: Citations) -> Option<Deed> {
    let (steps, english) = (op.steps.as_slice(), op.summary.as_str());
    if op.source == "template" {
        let (template, _) = english.strip_prefix("Template “")?.rsplit_once("” on ")?;
        return Some(Deed::TemplateApplied {
            template: template.to_owned(),
            photos: op.photos,
        });
    }
    if !op.is_whole() {
        return None;
    }
    let claims_added = || -> Option<Deed> {
        let added: Vec<&ClaimRecord> = claim_steps(steps)
            .filter_map(|(old, new)| new.filter(|_| old.is_none()))
            .collect();
        let first = added.first()?;
        let photos: BTreeSet<_> = added.iter().map(|c| c.photo).collect();
        Some(Deed::ClaimsAdded {
            field: first.field.clone(),
            photos: photos.len(),
            source: first.source,
        })
    };
    let claims_read = || {
        let photos: BTreeSet<_> = claim_steps(steps)
            .filter_map(|(old, new)| new.or(old).map(|c| c.photo))
            .collect();
        Deed::ClaimsRead {
            claims: claim_steps(steps).count(),
            photos: photos.len(),
        }
    };
    let is = |prefix: &str| english.starts_with(prefix);
    match op.source.as_str() {
        _ if is("Claims CSV: ") => Some(claims_read()),
        "claims" if is("Claim on ") => claims_added(),
        "claims" if is("Preferred ") => Some(Deed::ClaimPreferred),
        "claims" if is("Removed claim ") => Some(Deed::ClaimRemoved),
        "claims" if is("Changed claim ") => Some(Deed::ClaimChanged),
        "csv" => {
            let (file, _) = english.strip_prefix("CSV import of ")?.rsplit_once(": ")?;
            Some(Deed::CsvImport {
                file: file.to_owned(),
                photos: op.photos,
                labels: wall_labels_changed(steps),
            })
        }
        "keywords" if is("Keyword list: ") => keyword_list(steps),
        "keywords" => keyword_gone(steps, english, op.photos),
        "sources" if is("Merged source ") => source_merged(steps, english, citation),
        "sources" => {
            let sources: Vec<_> = steps
                .iter()
                .filter_map(|s| match s {
                    Step::Source { old, new, .. } => Some((old, new)),
                    _ => None,
                })
                .collect();
            match sources.as_slice() {
                [(Some(s), None)] if is("Removed source ") => Some(Deed::SourceRemoved {
                    source: s.citation.clone(),
                }),
                many if many.len() > 1
                    && many.iter().all(|(old, new)| old.is_none() && new.is_some()) =>
                {
                    Some(Deed::SourcesImported {
                        sources: many.len(),
                    })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// How many wall labels a set's steps changed.
fn wall_labels_changed(steps: &[Step]) -> usize {
    steps
        .iter()
        .map(|s| match s {
            Step::SetItems { old, new, .. } => new
                .iter()
                .filter(|(id, note)| old.iter().any(|(o, n)| o == id && n != note))
                .count(),
            _ => 0,
        })
        .sum()
}

/// Keywords and synonyms a keyword list added, counted from its steps.
fn keyword_list(steps: &[Step]) -> Option<Deed> {
    let mut keywords = 0;
    let mut synonyms = 0;
    for step in steps {
        let Step::Keyword {
            old,
            new: Some(new),
            ..
        } = step
        else {
            return None;
        };
        match old {
            None => {
                keywords += 1;
                synonyms += new.synonyms.len();
            }
            Some(old) => synonyms += new.synonyms.len().saturating_sub(old.synonyms.len()),
        }
    }
    Some(Deed::KeywordList { keywords, synonyms })
}

/// A keyword deleted with those below it, or merged into another. The
/// steps of a merge into a keyword its photos all had already look like a
/// deletion's, so the catalogue's words tell the two apart.
fn keyword_gone(steps: &[Step], english: &str, photos: usize) -> Option<Deed> {
    // The keyword that went: the last deleted (a deletion goes deepest
    // first, a merge deletes the merged one last).
    let gone = steps.iter().rev().find_map(|s| match s {
        Step::Keyword {
            path, new: None, ..
        } => Some(path.clone()),
        _ => None,
    })?;
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    let (mut paths_added, mut paths_removed) = (Vec::new(), Vec::new());
    let mut kept_any = false;
    for step in steps {
        match step {
            Step::Photo {
                attribute: Attribute::Field(Field::Keywords),
                old,
                new,
                ..
            } => difference(old, new, &mut added, &mut removed),
            Step::Photo {
                attribute: Attribute::Field(Field::HierarchicalKeywords),
                old,
                new,
                ..
            } => difference(old, new, &mut paths_added, &mut paths_removed),
            Step::Keyword { new: None, .. } => {}
            _ => kept_any = true,
        }
    }
    match paths_added.first().or(added.first()) {
        Some(into) if english.starts_with("Merged keyword ") => Some(Deed::KeywordMerged {
            keyword: gone,
            into: into.clone(),
            photos,
        }),
        None if !kept_any && english.starts_with("Deleted keyword ") => {
            Some(Deed::KeywordDeleted {
                keyword: gone,
                photos,
            })
        }
        _ => None,
    }
}

/// A source merged into another: the source merged into is the one its
/// claims cite now, or, when none cited it, the one the catalogue's words
/// name.
fn source_merged(steps: &[Step], english: &str, citation: Citations) -> Option<Deed> {
    let source = steps.iter().find_map(|s| match s {
        Step::Source {
            old: Some(s),
            new: None,
            ..
        } => Some(s.citation.clone()),
        _ => None,
    })?;
    let into = claim_steps(steps)
        .find_map(|(_, new)| new.and_then(|c| c.source).and_then(citation))
        .or_else(|| {
            english
                .strip_suffix('”')
                .and_then(|e| e.rsplit_once("” into “"))
                .map(|(_, into)| into.to_owned())
        })?;
    Some(Deed::SourceMerged { source, into })
}

/// A change of one photo, in words: "Caption: “Old” → “New”", "Claim Date
/// depicted “1991” added"; other kinds of change keep the catalogue's words.
pub fn change(step: &Step, english: &str, citation: Citations) -> String {
    match step {
        Step::Photo {
            attribute,
            old,
            new,
            ..
        } => tr!(
            "history-change",
            field = words::attribute(*attribute),
            old = value(*attribute, old),
            new = value(*attribute, new)
        ),
        Step::Claim { old, new, .. } => match (old, new) {
            (None, Some(c)) if c.preferred => tr!(
                "history-claim-step-added-preferred",
                claim = claim_words(c, citation)
            ),
            (None, Some(c)) => tr!("history-claim-step-added", claim = claim_words(c, citation)),
            (Some(c), None) => tr!(
                "history-claim-step-removed",
                claim = claim_words(c, citation)
            ),
            (Some(a), Some(b)) if a.preferred != b.preferred && b.preferred => tr!(
                "history-claim-step-preferred",
                claim = claim_words(b, citation)
            ),
            (Some(a), Some(b)) if a.preferred != b.preferred => tr!(
                "history-claim-step-not-preferred",
                claim = claim_words(b, citation)
            ),
            (Some(_), Some(c)) => tr!(
                "history-claim-step-changed",
                claim = claim_words(c, citation)
            ),
            (None, None) => english.to_owned(),
        },
        _ => english.to_owned(),
    }
}

/// A value as the history shows it: text in quotes, lists joined, flags
/// and colour labels by their names.
fn value(attribute: Attribute, value: &Value) -> String {
    match (attribute, value) {
        (_, Value::Null) => tr!("history-empty"),
        (Attribute::Flag, Value::String(f)) => {
            Flag::from_name(f).map_or_else(|| f.clone(), words::flag)
        }
        (Attribute::Label, Value::String(l)) => {
            Label::from_name(l).map_or_else(|| l.clone(), words::label)
        }
        (_, Value::String(s)) => quoted(s, 60),
        (_, Value::Array(items)) if items.is_empty() => tr!("history-no-items"),
        (_, Value::Array(items)) => {
            let texts: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect();
            shorten(&texts.join("; "), 80)
        }
        (_, Value::Number(n)) => n.as_u64().map_or_else(|| n.to_string(), i18n::number),
        (_, other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ClaimRecord, Deed, SetState};
    use crate::photo::PhotoId;
    use crate::ui::i18n::{Language, Shared};

    fn no_sources(_: i64) -> Option<String> {
        None
    }

    /// An operation as the catalogue reads it back: every step, its
    /// changes and photos counted.
    fn op(source: &str, steps: Vec<Step>) -> Operation {
        let photos: BTreeSet<PhotoId> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Photo { photo, .. } => Some(*photo),
                _ => None,
            })
            .collect();
        Operation {
            id: 7,
            source: source.to_owned(),
            summary: "the catalogue's words".to_owned(),
            deed: None,
            reverts: None,
            changes: steps.len(),
            photos: photos.len(),
            steps,
        }
    }

    #[test]
    fn an_operation_too_large_to_read_whole_keeps_the_catalogues_words_unless_its_edits_are_alike()
    {
        Shared::new(Language::Czech).use_here();
        // 3,000 photos captioned: the first steps say what, the count is
        // the catalogue's.
        let mut edit = op("edit", vec![caption(1), caption(2)]);
        edit.changes = 3_000;
        edit.photos = 3_000;
        assert_eq!(
            operation(&edit, None, &no_sources),
            "Popisek u 3\u{a0}000 fotografií"
        );
        let mut csv = op("csv", vec![caption(1), caption(2)]);
        csv.summary = "CSV import of big.csv: 3000 photos".to_owned();
        csv.changes = 3_000;
        csv.photos = 3_000;
        assert_eq!(operation(&csv, None, &no_sources), csv.summary);
        csv.changes = 2;
        csv.photos = 2;
        assert_eq!(
            operation(&csv, None, &no_sources),
            "Import CSV ze souboru big.csv: 2 fotografie"
        );
    }

    fn caption(photo: i64) -> Step {
        Step::Photo {
            photo: PhotoId(photo),
            attribute: Attribute::Field(Field::Caption),
            old: Value::Null,
            new: Value::from("Milovice, 1991"),
        }
    }

    fn keyword(photo: i64) -> [Step; 3] {
        [
            Step::Keyword {
                path: "Poslední vlak".to_owned(),
                old: None,
                new: Some(crate::catalog::KeywordState {
                    exported: true,
                    synonyms: Vec::new(),
                }),
            },
            Step::Photo {
                photo: PhotoId(photo),
                attribute: Attribute::Field(Field::Keywords),
                old: serde_json::json!(["kasárna"]),
                new: serde_json::json!(["kasárna", "Poslední vlak"]),
            },
            Step::Photo {
                photo: PhotoId(photo),
                attribute: Attribute::Field(Field::HierarchicalKeywords),
                old: serde_json::json!([]),
                new: serde_json::json!(["Poslední vlak"]),
            },
        ]
    }

    fn created(set: &str) -> Step {
        Step::Set {
            name: set.to_owned(),
            old: None,
            new: Some(SetState {
                query: None,
                items: Vec::new(),
            }),
        }
    }

    #[test]
    fn operations_are_said_in_czech_with_their_plurals() {
        Shared::new(Language::Czech).use_here();
        let three = op("edit", vec![caption(1), caption(2), caption(3)]);
        assert_eq!(
            operation(&three, None, &no_sources),
            "Popisek u 3 fotografií"
        );
        let one = op("edit", keyword(1).to_vec());
        assert_eq!(
            operation(&one, None, &no_sources),
            "Klíčové slovo Poslední vlak u 1 fotografie"
        );
        let rated = op(
            "edit",
            vec![Step::Photo {
                photo: PhotoId(4),
                attribute: Attribute::Rating,
                old: Value::from(0),
                new: Value::from(4),
            }],
        );
        assert_eq!(
            operation(&rated, None, &no_sources),
            "Hodnocení 4 u 1 fotografie"
        );
        let set = op("sets", vec![created("Odchod 1991")]);
        let mut undo = op("undo", Vec::new());
        undo.reverts = Some(set.id);
        assert_eq!(
            operation(&undo, Some(&set), &no_sources),
            "Zpět: Vytvořena sada „Odchod 1991“"
        );
        let added = op(
            "sets",
            vec![Step::SetItems {
                set: "Odchod 1991".to_owned(),
                old: vec![(1, None)],
                new: vec![(1, None), (2, None), (3, None)],
            }],
        );
        assert_eq!(
            operation(&added, None, &no_sources),
            "Do sady „Odchod 1991“ přidány 2 fotografie"
        );
        assert_eq!(
            change(&caption(1), "English", &no_sources),
            "Popisek: (prázdné) → „Milovice, 1991“"
        );
    }

    fn source(citation: &str) -> crate::catalog::SourceRecord {
        crate::catalog::SourceRecord {
            citation: citation.to_owned(),
            ..Default::default()
        }
    }

    #[test]
    fn sources_are_said_from_their_steps() {
        Shared::new(Language::Czech).use_here();
        let added = op(
            "sources",
            vec![Step::Source {
                id: 1,
                old: None,
                new: Some(source("Rudé právo, 1991-06-22")),
            }],
        );
        assert_eq!(
            operation(&added, None, &no_sources),
            "Přidán pramen „Rudé právo, 1991-06-22“"
        );
        let imported = op(
            "sources",
            (1..=5)
                .map(|id| Step::Source {
                    id,
                    old: None,
                    new: Some(source(&format!("Zdroj {id}"))),
                })
                .collect(),
        );
        assert_eq!(
            operation(&imported, None, &no_sources),
            "Importováno 5 pramenů"
        );
        let mut removed = op(
            "sources",
            vec![Step::Source {
                id: 1,
                old: Some(source("Rudé právo, 1991-06-22")),
                new: None,
            }],
        );
        removed.summary = "Removed source “Rudé právo, 1991-06-22”".to_owned();
        assert_eq!(
            operation(&removed, None, &no_sources),
            "Odebrán pramen „Rudé právo, 1991-06-22“"
        );
        removed.summary = "Merged source “Rudé právo, 1991-06-22” into “ČTK”".to_owned();
        assert_eq!(
            operation(&removed, None, &no_sources),
            "Pramen „Rudé právo, 1991-06-22“ sloučen do „ČTK“"
        );
        Shared::new(Language::English).use_here();
        assert_eq!(operation(&removed, None, &no_sources), removed.summary);
    }

    fn claim(photo: i64, preferred: bool) -> ClaimRecord {
        ClaimRecord {
            photo: PhotoId(photo),
            field: "date_created".to_owned(),
            value: Value::from("1991-06"),
            source: Some(3),
            locator: None,
            certainty: None,
            note: None,
            preferred,
            kept_from: None,
        }
    }

    #[test]
    fn a_keyword_list_counts_its_new_keywords_and_synonyms() {
        let state = |synonyms: &[&str]| crate::catalog::KeywordState {
            exported: true,
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
        };
        let mut list = op(
            "keywords",
            vec![
                Step::Keyword {
                    path: "Places".to_owned(),
                    old: None,
                    new: Some(state(&[])),
                },
                Step::Keyword {
                    path: "Places|Milovice".to_owned(),
                    old: None,
                    new: Some(state(&["Milowitz"])),
                },
                Step::Keyword {
                    path: "kasárna".to_owned(),
                    old: Some(state(&["barracks"])),
                    new: Some(state(&["barracks", "Kaserne", "casern"])),
                },
            ],
        );
        list.summary = "Keyword list: 2 keywords and 3 synonyms added".to_owned();
        Shared::new(Language::English).use_here();
        assert_eq!(operation(&list, None, &no_sources), list.summary);
        Shared::new(Language::Czech).use_here();
        assert_eq!(
            operation(&list, None, &no_sources),
            "Seznam klíčových slov: přidána 2 klíčová slova a 3 synonyma"
        );
    }

    /// An operation that recorded its deed is said from it, however many
    /// steps it made: a claim or an import on thousands of photos too.
    #[test]
    fn an_operation_is_said_from_its_deed_whatever_its_size() {
        Shared::new(Language::Czech).use_here();
        let citation = |id: i64| (id == 3).then(|| "Rudé právo, 1991-06-22".to_owned());
        let large = |source: &str, deed: Deed| Operation {
            deed: Some(deed),
            changes: 20_000,
            photos: 10_000,
            ..op(source, Vec::new())
        };
        let said = |source: &str, deed: Deed| {
            let op = large(source, deed);
            assert!(!op.is_whole());
            operation(&op, None, &citation)
        };
        let claims_added = Deed::ClaimsAdded {
            field: "date_created".into(),
            photos: 10_000,
            source: Some(3),
        };
        for (source, deed, czech) in [
            (
                "claims",
                claims_added,
                "Tvrzení k poli datum zobrazeného děje u 10\u{a0}000 fotografií z pramene „Rudé právo, 1991-06-22“",
            ),
            (
                "csv",
                Deed::ClaimsRead {
                    claims: 12_000,
                    photos: 10_000,
                },
                "CSV tvrzení: 12\u{a0}000 tvrzení u 10\u{a0}000 fotografií",
            ),
            (
                "csv",
                Deed::CsvImport {
                    file: "červen.csv".into(),
                    photos: 10_000,
                    labels: 2,
                },
                "Import CSV ze souboru červen.csv: 10\u{a0}000 fotografií, 2 výstavní popisky",
            ),
            (
                "template",
                Deed::TemplateApplied {
                    template: "Kyndrová 1991".into(),
                    photos: 10_000,
                },
                "Šablona „Kyndrová 1991“ u 10\u{a0}000 fotografií",
            ),
            (
                "keywords",
                Deed::KeywordDeleted {
                    keyword: "Události|Odsun".into(),
                    photos: 10_000,
                },
                "Smazáno klíčové slovo Události|Odsun (10\u{a0}000 fotografií)",
            ),
            (
                "keywords",
                Deed::KeywordMerged {
                    keyword: "Události|Odsun".into(),
                    into: "Události|Odchod vojsk".into(),
                    photos: 3,
                },
                "Klíčové slovo Události|Odsun sloučeno do Události|Odchod vojsk (3 fotografie)",
            ),
            (
                "keywords",
                Deed::KeywordList {
                    keywords: 20_000,
                    synonyms: 2,
                },
                "Seznam klíčových slov: přidáno 20\u{a0}000 klíčových slov a 2 synonyma",
            ),
            (
                "sources",
                Deed::SourceRemoved {
                    source: "ČTK, 1991".into(),
                },
                "Odebrán pramen „ČTK, 1991“",
            ),
            (
                "sources",
                Deed::SourceMerged {
                    source: "ČTK, 1991".into(),
                    into: "Rudé právo, 1991-06-22".into(),
                },
                "Pramen „ČTK, 1991“ sloučen do „Rudé právo, 1991-06-22“",
            ),
            (
                "sources",
                Deed::SourcesImported { sources: 5 },
                "Importováno 5 pramenů",
            ),
        ] {
            assert_eq!(said(source, deed.clone()), czech, "{deed:?}");
        }
    }

    #[test]
    fn claims_are_said_with_the_sources_they_cite() {
        let citation = |id: i64| (id == 3).then(|| "Rudé právo, 1991-06-22".to_owned());
        let added = Operation {
            summary: "Claim on date depicted of 2 photos from “Rudé právo, 1991-06-22”".to_owned(),
            ..op(
                "claims",
                vec![
                    Step::Claim {
                        id: 1,
                        old: None,
                        new: Some(claim(1, true)),
                    },
                    Step::Claim {
                        id: 2,
                        old: None,
                        new: Some(claim(2, false)),
                    },
                ],
            )
        };
        let preferred = Operation {
            summary: "Preferred Date depicted “1991-06” (Rudé právo, 1991-06-22)".to_owned(),
            ..op(
                "claims",
                vec![Step::Claim {
                    id: 2,
                    old: Some(claim(2, false)),
                    new: Some(claim(2, true)),
                }],
            )
        };
        Shared::new(Language::English).use_here();
        assert_eq!(operation(&added, None, &citation), added.summary);
        assert_eq!(operation(&preferred, None, &citation), preferred.summary);
        Shared::new(Language::Czech).use_here();
        assert_eq!(
            operation(&added, None, &citation),
            "Tvrzení k poli datum zobrazeného děje u 2 fotografií z pramene „Rudé právo, 1991-06-22“"
        );
        assert_eq!(
            operation(&preferred, None, &citation),
            "Upřednostněno tvrzení Datum zobrazeného děje „1991-06“ (Rudé právo, 1991-06-22)"
        );
        assert_eq!(
            change(&preferred.steps[0], "English", &citation),
            "Tvrzení Datum zobrazeného děje „1991-06“ (Rudé právo, 1991-06-22) upřednostněno"
        );
        Shared::new(Language::English).use_here();
        assert_eq!(
            change(&preferred.steps[0], "English", &citation),
            "Claim Date depicted “1991-06” (Rudé právo, 1991-06-22) preferred"
        );
    }

    #[test]
    fn english_says_what_the_catalogue_says_and_the_rest_keeps_its_words() {
        Shared::new(Language::English).use_here();
        let three = op("edit", vec![caption(1), caption(2), caption(3)]);
        assert_eq!(operation(&three, None, &no_sources), "Caption on 3 photos");
        let one = op("edit", keyword(1).to_vec());
        assert_eq!(
            operation(&one, None, &no_sources),
            "Keyword Poslední vlak on 1 photo"
        );
        let set = op("sets", vec![created("Odchod 1991")]);
        let mut redo = op("redo", Vec::new());
        redo.reverts = Some(set.id);
        assert_eq!(
            operation(&redo, Some(&set), &no_sources),
            "Redo: Created set “Odchod 1991”"
        );
        let mut deleted = op(
            "keywords",
            vec![
                Step::Photo {
                    photo: PhotoId(1),
                    attribute: Attribute::Field(Field::Keywords),
                    old: serde_json::json!(["BMP", "convoy"]),
                    new: serde_json::json!(["convoy"]),
                },
                Step::Keyword {
                    path: "Subjects|Military|Vehicles|BMP".to_owned(),
                    old: Some(crate::catalog::KeywordState {
                        exported: true,
                        synonyms: Vec::new(),
                    }),
                    new: None,
                },
            ],
        );
        deleted.summary = "Deleted keyword Subjects|Military|Vehicles|BMP (1 photo)".to_owned();
        assert_eq!(operation(&deleted, None, &no_sources), deleted.summary);
        Shared::new(Language::Slovak).use_here();
        assert_eq!(
            operation(&deleted, None, &no_sources),
            "Zmazané kľúčové slovo Subjects|Military|Vehicles|BMP (1 fotografia)"
        );
        Shared::new(Language::English).use_here();
        // Claims and sources are said as the catalogue says them.
        let claim = op("claims", vec![caption(1)]);
        assert_eq!(
            operation(&claim, None, &no_sources),
            "the catalogue's words"
        );
        let mut csv = op(
            "csv",
            vec![
                caption(1),
                caption(2),
                Step::SetItems {
                    set: "Odchod 1991".to_owned(),
                    old: vec![(1, None), (2, None)],
                    new: vec![(1, Some("Milovice".to_owned())), (2, None)],
                },
            ],
        );
        csv.summary = "CSV import of edits: June.csv: 2 photos, 1 wall label".to_owned();
        assert_eq!(operation(&csv, None, &no_sources), csv.summary);
        let mut template = op("template", vec![caption(1), caption(2), caption(3)]);
        template.summary = "Template “Kyndrová 1991” on 3 photos".to_owned();
        assert_eq!(operation(&template, None, &no_sources), template.summary);
        Shared::new(Language::Czech).use_here();
        assert_eq!(
            operation(&csv, None, &no_sources),
            "Import CSV ze souboru edits: June.csv: 2 fotografie, 1 výstavní popiska"
        );
        assert_eq!(
            operation(&template, None, &no_sources),
            "Šablona „Kyndrová 1991“ u 3 fotografií"
        );
        Shared::new(Language::English).use_here();
    }
}
