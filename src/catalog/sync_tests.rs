//! Merging operations pulled from a team's server.

use serde_json::Value;

use super::sync::{Merged, Shared, SharedStep};
use super::tests::record;
use super::*;
use crate::photo::{Attribute, Field};

fn catalogue_of(hashes: &[&str]) -> Catalogue {
    let mut cat = Catalogue::open_in_memory().unwrap();
    for (i, hash) in hashes.iter().enumerate() {
        cat.store(&record(&format!("/archive/{i}.jpg"), hash))
            .unwrap();
    }
    cat.start_sync(i64::MAX).unwrap();
    cat
}

fn caption_of(cat: &Catalogue, photo: i64) -> Option<String> {
    cat.photo(PhotoId(photo))
        .unwrap()
        .unwrap()
        .description
        .caption
}

/// An operation of another replica setting a photo's caption.
fn caption_op(seq: i64, hash: &str, text: &str) -> Shared {
    Shared {
        replica: "ab".repeat(16),
        seq,
        hlc: ((clock::wall_clock_millis() as i64) << 16) + seq,
        seen: 0,
        author: Some("Jana Nováková".into()),
        source: "edit".into(),
        summary: "Caption on 1 photo".into(),
        steps: vec![SharedStep::Photo {
            photo: hash.into(),
            field: Attribute::Field(Field::Caption).name().into(),
            old: Value::Null,
            new: Value::from(text),
        }],
    }
}

#[test]
fn an_operation_that_fails_to_merge_is_refused_alone_and_the_others_merge() {
    let mut cat = catalogue_of(&["h1", "h2", "h3"]);
    // Writing this caption fails, as a full disk or a damaged page would.
    cat.conn
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON edit_change
             WHEN new.new_value = '\"boom\"' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;",
        )
        .unwrap();
    let before = caption_of(&cat, 2);
    let ops = [
        (1, caption_op(1, "h1", "Milovice")),
        (2, caption_op(2, "h2", "boom")),
        (3, caption_op(3, "h3", "Olomouc")),
    ];
    let merged = cat.merge_pulled(&ops, 3).unwrap();
    assert_eq!(merged.operations, 2);
    assert_eq!(merged.refused.len(), 1, "{:?}", merged.refused);
    assert!(
        merged.refused[0].starts_with(&format!("operation 2 of replica {}: ", "ab".repeat(16))),
        "{:?}",
        merged.refused
    );
    assert!(
        merged.refused[0].contains("the disk is full"),
        "{:?}",
        merged.refused
    );
    assert_eq!(caption_of(&cat, 1).as_deref(), Some("Milovice"));
    assert_eq!(caption_of(&cat, 2), before);
    assert_eq!(caption_of(&cat, 3).as_deref(), Some("Olomouc"));
    assert_eq!(cat.pulled().unwrap(), Some(3));
    // Nothing of the refused one is kept: not its operation, not a step.
    let held: i64 = cat
        .conn
        .query_row(
            "SELECT count(*) FROM edit_operation WHERE seq = 2 AND replica = ?1",
            ["ab".repeat(16)],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(held, 0);
}

#[test]
fn merged_captions_are_found_by_search() {
    let mut cat = catalogue_of(&["h1", "h2"]);
    let ops = [
        (5, caption_op(1, "h1", "Poslední vlak z Milovic")),
        (9, caption_op(2, "h2", "Olomouc")),
    ];
    let merged = cat.merge_pulled(&ops, 9).unwrap();
    assert_eq!((merged.operations, merged.refused.len()), (2, 0));
    assert_eq!(caption_of(&cat, 2).as_deref(), Some("Olomouc"));
    assert_eq!(cat.pulled().unwrap(), Some(9));
    let found = cat
        .search_text("posledni vlak", SortKey::Imported, None)
        .unwrap();
    assert_eq!(found.iter().map(|h| h.id.0).collect::<Vec<_>>(), [1]);
}

#[test]
fn two_changes_timed_alike_end_the_same_whichever_comes_first() {
    let at = (clock::wall_clock_millis() as i64) << 16;
    let from = |replica: &str, text: &str| Shared {
        replica: replica.repeat(16),
        hlc: at,
        ..caption_op(1, "h1", text)
    };
    let mut captions = Vec::new();
    for order in [["aa", "bb"], ["bb", "aa"]] {
        let mut cat = catalogue_of(&["h1"]);
        let ops: Vec<(i64, Shared)> = order
            .iter()
            .enumerate()
            .map(|(i, r)| (i as i64 + 1, from(r, &format!("by {r}"))))
            .collect();
        let merged = cat.merge_pulled(&ops, 2).unwrap();
        assert_eq!(merged.conflicts, 1);
        captions.push(caption_of(&cat, 1));
    }
    assert_eq!(
        captions,
        [Some("by bb".to_string()), Some("by bb".to_string())]
    );
}

/// A photo whose flat "Milovice" is the leaf of two paths.
fn milovice_twice() -> Catalogue {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let mut photo = record("/archive/0.jpg", "h1");
    photo.description.keywords = vec!["Milovice".into()];
    photo.description.hierarchical_keywords = vec![
        "Places|Czechoslovakia|Milovice".into(),
        "Témata|Milovice".into(),
    ];
    cat.store(&photo).unwrap();
    cat.start_sync(i64::MAX).unwrap();
    cat
}

fn keyword_lists_of(cat: &Catalogue, photo: i64) -> (Vec<String>, Vec<String>) {
    let d = cat.photo(PhotoId(photo)).unwrap().unwrap().description;
    (d.keywords, d.hierarchical_keywords)
}

#[test]
fn keyword_lists_travel_as_a_pair_and_merge_alike_in_either_order() {
    // One replica adds a keyword (both lists change); another, later,
    // removes a path whose leaf another path keeps (only the hierarchical
    // list changes, yet its operation carries the flat list too).
    let mut x = milovice_twice();
    x.edit(
        &[PhotoId(1)],
        &[Edit::AddKeyword("Témata|Dubček".into())],
        "edit",
        false,
    )
    .unwrap();
    let mut y = milovice_twice();
    y.edit(
        &[PhotoId(1)],
        &[Edit::RemoveKeyword("Témata|Milovice".into())],
        "edit",
        false,
    )
    .unwrap();
    let (added, removed) = (x.unsent(10).unwrap(), y.unsent(10).unwrap());
    let fields = |op: &Shared| -> Vec<String> {
        op.steps
            .iter()
            .filter_map(|s| match s {
                SharedStep::Photo { field, .. } => Some(field.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(fields(&removed[0]), ["keywords", "hierarchical_keywords"]);
    // So does deleting the keyword from the tree.
    let mut z = milovice_twice();
    z.delete_keyword("Témata|Milovice").unwrap();
    let deleted = z.unsent(10).unwrap();
    let mut deleted_fields = fields(&deleted[0]);
    deleted_fields.sort();
    assert_eq!(deleted_fields, ["hierarchical_keywords", "keywords"]);
    assert!(added[0].hlc < removed[0].hlc);

    let mut ends = Vec::new();
    for ops in [
        [(1, added[0].clone()), (2, removed[0].clone())],
        [(1, removed[0].clone()), (2, added[0].clone())],
    ] {
        let mut cat = milovice_twice();
        cat.merge_pulled(&ops, 2).unwrap();
        ends.push(keyword_lists_of(&cat, 1));
    }
    assert_eq!(ends[0], ends[1]);
    // The later pair stands whole.
    assert_eq!(
        ends[0],
        (
            vec!["Milovice".to_string()],
            vec!["Places|Czechoslovakia|Milovice".to_string()],
        )
    );
}

#[test]
fn undoing_a_keywords_creation_leaves_it_to_a_photo_a_colleague_gave_it_since() {
    let mut cat = catalogue_of(&["h1", "h2"]);
    // Made here: the keyword comes into the tree with the second photo.
    cat.edit(
        &[PhotoId(2)],
        &[Edit::AddKeyword("Témata|Dubček".into())],
        "edit",
        false,
    )
    .unwrap();
    // A colleague gives it to the first photo, later.
    let (flat, hierarchical) = keyword_lists_of(&cat, 1);
    let with = |list: &[String], more: &str| Value::from([list, &[more.to_string()]].concat());
    let given = Shared {
        hlc: ((clock::wall_clock_millis() as i64 + 1000) << 16),
        summary: "Keyword Témata|Dubček on 1 photo".into(),
        steps: vec![
            SharedStep::Photo {
                photo: "h1".into(),
                field: "keywords".into(),
                old: Value::from(flat.clone()),
                new: with(&flat, "Dubček"),
            },
            SharedStep::Photo {
                photo: "h1".into(),
                field: "hierarchical_keywords".into(),
                old: Value::from(hierarchical.clone()),
                new: with(&hierarchical, "Témata|Dubček"),
            },
        ],
        ..caption_op(1, "h1", "")
    };
    cat.merge_pulled(&[(1, given)], 1).unwrap();
    // Undo takes the keyword from the second photo, and would take back
    // its creation: the first photo keeps it.
    cat.undo().unwrap().unwrap();
    assert!(
        !keyword_lists_of(&cat, 2)
            .1
            .contains(&"Témata|Dubček".to_string())
    );
    let (flat, hierarchical) = keyword_lists_of(&cat, 1);
    assert!(flat.contains(&"Dubček".to_string()), "{flat:?}");
    assert!(
        hierarchical.contains(&"Témata|Dubček".to_string()),
        "{hierarchical:?}"
    );
}

#[test]
fn a_conflicts_claim_chosen_as_the_value_stays_as_it_was_when_the_field_is_edited() {
    let mut cat = catalogue_of(&["h1"]);
    let apart = |replica: &str, seq: i64, text: &str| Shared {
        replica: replica.repeat(16),
        ..caption_op(seq, "h1", text)
    };
    let merged = cat
        .merge_pulled(
            &[
                (1, apart("aa", 1, "Milovice")),
                (2, apart("bb", 2, "Olomouc")),
            ],
            2,
        )
        .unwrap();
    assert_eq!(merged.conflicts, 1);
    let kept: Vec<Claim> = cat.claims(PhotoId(1)).unwrap();
    let milovice = kept.iter().find(|c| c.value == "Milovice").unwrap();
    // The archivist decides for the first value, then edits the caption.
    cat.prefer_claim(milovice.id).unwrap();
    cat.edit(
        &[PhotoId(1)],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from("Milovice, 1991"),
        )],
        "edit",
        false,
    )
    .unwrap();
    assert_eq!(caption_of(&cat, 1).as_deref(), Some("Milovice, 1991"));
    let claims = cat.claims(PhotoId(1)).unwrap();
    let was = claims.iter().find(|c| c.id == milovice.id).unwrap();
    assert_eq!(was.value, "Milovice");
    assert!(!was.preferred);
    let preferred: Vec<&Claim> = claims.iter().filter(|c| c.preferred).collect();
    assert_eq!(preferred.len(), 1);
    assert_eq!(preferred[0].value, "Milovice, 1991");
}

/// What a server does: gives each replica's new operations the next
/// places in one order.
fn sent(cat: &mut Catalogue, pos: &mut i64) -> Vec<(i64, Shared)> {
    let ops = cat.unsent(100).unwrap();
    let placed: Vec<(i64, i64)> = ops
        .iter()
        .map(|op| {
            *pos += 1;
            (op.seq, *pos)
        })
        .collect();
    cat.mark_sent(&placed).unwrap();
    placed
        .iter()
        .zip(ops)
        .map(|(&(_, at), op)| (at, op))
        .collect()
}

fn merge(cat: &mut Catalogue, ops: &[(i64, Shared)]) -> Merged {
    let through = ops.iter().map(|(at, _)| *at).max().unwrap_or(0);
    cat.merge_pulled(ops, through).unwrap()
}

fn radio() -> SourceRecord {
    SourceRecord {
        citation: "Czech Radio, 2020-02-26".into(),
        date: Some("2020-02-26".into()),
        ..SourceRecord::default()
    }
}

/// Each claim of the photo's caption: value, source cited, locator,
/// whether preferred.
fn caption_claims(cat: &Catalogue) -> Vec<(Value, Option<String>, Option<String>, bool)> {
    let mut claims: Vec<_> = cat
        .claims(PhotoId(1))
        .unwrap()
        .into_iter()
        .filter(|c| c.field == "caption")
        .map(|c| {
            (
                c.value,
                c.source.map(|s| s.record.citation),
                c.locator,
                c.preferred,
            )
        })
        .collect();
    claims.sort_by_key(|c| c.0.to_string());
    claims
}

#[test]
fn a_claim_citing_a_new_source_reaches_another_replica_whole() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    let source = x.add_source(radio()).unwrap();
    let attribution = Attribution {
        source: Some(source),
        locator: Some("03:12".into()),
        certainty: Some(Certainty::Probable),
        note: None,
    };
    x.add_claims(
        &[PhotoId(1)],
        "caption",
        &Value::from("Milovice, 1991"),
        &attribution,
        true,
        false,
    )
    .unwrap();
    let ops = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    let merged = merge(&mut y, &ops);
    assert_eq!((merged.operations, merged.invalid), (2, 0), "{merged:?}");
    assert_eq!(caption_of(&y, 1).as_deref(), Some("Milovice, 1991"));
    assert_eq!(caption_claims(&y), caption_claims(&x));
    assert_eq!(
        caption_claims(&y)
            .iter()
            .filter(|c| c.1.as_deref() == Some("Czech Radio, 2020-02-26"))
            .count(),
        1
    );
    // Removing the claim there removes it here.
    let claim = y
        .claims(PhotoId(1))
        .unwrap()
        .into_iter()
        .find(|c| c.source.is_some())
        .unwrap();
    y.remove_claim(claim.id).unwrap();
    let ops = sent(&mut y, &mut pos);
    merge(&mut x, &ops);
    assert_eq!(caption_claims(&x), caption_claims(&y));
    assert!(caption_claims(&x).iter().all(|c| c.1.is_none()));
}

#[test]
fn a_source_removed_while_another_replica_came_to_cite_it_ends_alike_everywhere() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    x.add_source(radio()).unwrap();
    let first = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    merge(&mut y, &first);
    let at_y = y.sources().unwrap()[0].id;
    // Apart: X removes the source; Y has a claim cite it, then notes
    // something on the source, later.
    let at_x = x.sources().unwrap()[0].id;
    x.remove_source(at_x, true).unwrap();
    let removed = sent(&mut x, &mut pos);
    std::thread::sleep(std::time::Duration::from_millis(3));
    let attribution = Attribution {
        source: Some(at_y),
        locator: Some("03:12".into()),
        ..Attribution::default()
    };
    y.add_claims(
        &[PhotoId(1)],
        "caption",
        &Value::from("Milovice"),
        &attribution,
        false,
        false,
    )
    .unwrap();
    y.edit_source(at_y, &[("note".into(), "recorded 1991".into())])
        .unwrap();
    let cited = sent(&mut y, &mut pos);
    // A third replica takes them in the other order.
    let mut z = catalogue_of(&["h1"]);
    merge(&mut z, &first);
    merge(&mut z, &cited);
    merge(&mut z, &removed);
    merge(&mut x, &cited);
    merge(&mut y, &removed);
    // The later note brought the source back, and the claim cites it.
    for cat in [&x, &y, &z] {
        let sources = cat.sources().unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].record.note.as_deref(), Some("recorded 1991"));
        assert_eq!(caption_claims(cat), caption_claims(&x));
    }
    assert!(
        caption_claims(&x)
            .iter()
            .any(|c| c.1.as_deref() == Some("Czech Radio, 2020-02-26"))
    );
}

#[test]
fn undoing_a_claims_removal_after_a_colleague_removed_its_source_brings_it_back_citing_nothing() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    let source = x.add_source(radio()).unwrap();
    let attribution = Attribution {
        source: Some(source),
        ..Attribution::default()
    };
    x.add_claims(
        &[PhotoId(1)],
        "caption",
        &Value::from("Milovice"),
        &attribution,
        false,
        false,
    )
    .unwrap();
    let first = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    merge(&mut y, &first);
    let claim = |cat: &Catalogue| {
        cat.claims(PhotoId(1))
            .unwrap()
            .into_iter()
            .find(|c| c.value == "Milovice")
    };
    x.remove_claim(claim(&x).unwrap().id).unwrap();
    let at_y = y.sources().unwrap()[0].id;
    y.remove_source(at_y, true).unwrap();
    let removed = sent(&mut y, &mut pos);
    merge(&mut x, &removed);
    // The claim comes back; its source is gone.
    x.undo().unwrap().unwrap();
    let back = claim(&x).unwrap();
    assert!(back.source.is_none());
    let ops = sent(&mut x, &mut pos);
    merge(&mut y, &ops);
    assert_eq!(caption_claims(&y), caption_claims(&x));
}

#[test]
fn undoing_a_sources_addition_that_a_colleagues_claim_cites_leaves_the_claim_citing_nothing() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    x.add_source(radio()).unwrap();
    let added = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    merge(&mut y, &added);
    let attribution = Attribution {
        source: Some(y.sources().unwrap()[0].id),
        ..Attribution::default()
    };
    y.add_claims(
        &[PhotoId(1)],
        "caption",
        &Value::from("Milovice"),
        &attribution,
        false,
        false,
    )
    .unwrap();
    let cited = sent(&mut y, &mut pos);
    merge(&mut x, &cited);
    x.undo().unwrap().unwrap();
    assert!(x.sources().unwrap().is_empty());
    let undone = sent(&mut x, &mut pos);
    merge(&mut y, &undone);
    assert!(y.sources().unwrap().is_empty());
    assert_eq!(caption_claims(&y), caption_claims(&x));
    assert!(caption_claims(&x).iter().all(|c| c.1.is_none()));
}

#[test]
fn undoing_a_preference_after_a_colleague_preferred_another_claim_keeps_one_preferred() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    for (value, prefer) in [
        ("Milovice", true),
        ("Olomouc", false),
        ("Vysoké Mýto", false),
    ] {
        x.add_claims(
            &[PhotoId(1)],
            "caption",
            &Value::from(value),
            &Attribution::default(),
            prefer,
            false,
        )
        .unwrap();
    }
    let base = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    merge(&mut y, &base);
    let id_of = |cat: &Catalogue, value: &str| {
        cat.claims(PhotoId(1))
            .unwrap()
            .into_iter()
            .find(|c| c.value == value)
            .unwrap()
            .id
    };
    x.prefer_claim(id_of(&x, "Olomouc")).unwrap();
    let at_x = sent(&mut x, &mut pos);
    std::thread::sleep(std::time::Duration::from_millis(3));
    y.prefer_claim(id_of(&y, "Vysoké Mýto")).unwrap();
    let at_y = sent(&mut y, &mut pos);
    merge(&mut x, &at_y);
    merge(&mut y, &at_x);
    assert_eq!(caption_claims(&x), caption_claims(&y));
    // X takes back its preference: Milovice is preferred again, alone.
    x.undo().unwrap().unwrap();
    let undone = sent(&mut x, &mut pos);
    merge(&mut y, &undone);
    for cat in [&x, &y] {
        let preferred: Vec<_> = caption_claims(cat).into_iter().filter(|c| c.3).collect();
        assert_eq!(preferred.len(), 1, "{preferred:?}");
        assert_eq!(preferred[0].0, "Milovice");
    }
    assert_eq!(caption_claims(&x), caption_claims(&y));
}

#[test]
fn undoing_an_edit_whose_claim_a_colleague_unpreferred_since_keeps_one_preferred() {
    let mut pos = 0;
    let mut x = catalogue_of(&["h1"]);
    x.add_claims(
        &[PhotoId(1)],
        "caption",
        &Value::from("Milovice"),
        &Attribution::default(),
        true,
        false,
    )
    .unwrap();
    let base = sent(&mut x, &mut pos);
    let mut y = catalogue_of(&["h1"]);
    merge(&mut y, &base);
    // X edits the caption: its preferred claim, citing nothing, follows.
    x.edit(
        &[PhotoId(1)],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from("Milovice, 1991"),
        )],
        "edit",
        false,
    )
    .unwrap();
    let edited = sent(&mut x, &mut pos);
    std::thread::sleep(std::time::Duration::from_millis(3));
    // Y prefers the photo's first caption again, later.
    let first = y
        .claims(PhotoId(1))
        .unwrap()
        .into_iter()
        .find(|c| c.value == "Rows of identical metal beds")
        .unwrap();
    y.prefer_claim(first.id).unwrap();
    let preferred = sent(&mut y, &mut pos);
    merge(&mut x, &preferred);
    merge(&mut y, &edited);
    x.undo().unwrap().unwrap();
    let undone = sent(&mut x, &mut pos);
    merge(&mut y, &undone);
    for cat in [&x, &y] {
        assert_eq!(caption_claims(cat).iter().filter(|c| c.3).count(), 1);
    }
    assert_eq!(caption_claims(&x), caption_claims(&y));
}
