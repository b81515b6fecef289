//! Merging operations pulled from a team's server.

use serde_json::Value;

use super::sync::{Shared, SharedStep};
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
