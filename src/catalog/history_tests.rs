//! The history: every change undone and redone exactly, in words.

use serde_json::Value;

use super::history::STEPS_READ;
use super::tests::record;
use super::*;
use crate::photo::{Attribute, Field, FieldValue};

/// Everything a user can change, as it stands: photos' descriptions and
/// curation, the keyword tree with synonyms and categories, sets with their
/// order and wall labels, saved searches and templates.
#[derive(Debug, PartialEq)]
struct State {
    photos: Vec<(crate::photo::Description, crate::photo::Curation)>,
    keywords: Vec<KeywordEntry>,
    sets: Vec<(SetInfo, Vec<SetItem>)>,
    templates: Vec<Template>,
}

fn state(cat: &Catalogue) -> State {
    let sets = cat
        .sets()
        .unwrap()
        .into_iter()
        .map(|s| {
            let items = if s.query.is_none() {
                cat.set_items(&s.name).unwrap()
            } else {
                Vec::new()
            };
            (s, items)
        })
        .collect();
    State {
        photos: cat
            .photos()
            .unwrap()
            .into_iter()
            .map(|p| (p.description, p.curation))
            .collect(),
        keywords: cat
            .keywords()
            .unwrap()
            .into_iter()
            .map(|k| KeywordEntry { id: 0, ..k })
            .collect(),
        sets,
        templates: cat.templates().unwrap(),
    }
}

fn catalogue() -> (Catalogue, Vec<PhotoId>) {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let ids = (1..=4)
        .map(|n| {
            cat.store(&record(&format!("/archive/{n}.jpg"), &format!("h{n}")))
                .unwrap()
                .id()
        })
        .collect();
    (cat, ids)
}

/// Runs a change, then checks that undo brings back exactly the state
/// before and redo exactly the state after, twice over.
fn undoable(cat: &mut Catalogue, what: &str, change: impl FnOnce(&mut Catalogue)) {
    let before = state(cat);
    change(cat);
    let after = state(cat);
    assert_ne!(before, after, "{what} changed nothing");
    for round in 0..2 {
        let undone = cat
            .undo()
            .unwrap()
            .unwrap_or_else(|| panic!("{what}: nothing to undo"));
        assert_eq!(
            state(cat),
            before,
            "{what}: undo {round} ({})",
            undone.summary
        );
        cat.redo()
            .unwrap()
            .unwrap_or_else(|| panic!("{what}: nothing to redo"));
        assert_eq!(state(cat), after, "{what}: redo {round}");
    }
}

#[test]
fn field_edits_undo_and_redo() {
    let (mut cat, ids) = catalogue();
    undoable(&mut cat, "a caption on three photos", |cat| {
        cat.edit(
            &ids[..3],
            &[Edit::Set(
                Attribute::Field(Field::Caption),
                Value::from("Odchod sovětských vojsk, Milovice 1991"),
            )],
            "edit",
            false,
        )
        .unwrap();
    });
    undoable(&mut cat, "a rating, flag and label", |cat| {
        cat.edit(
            &ids,
            &[
                Edit::Set(Attribute::Rating, Value::from(4)),
                Edit::Set(Attribute::Flag, Value::from("pick")),
                Edit::Set(Attribute::Label, Value::from("green")),
            ],
            "edit",
            false,
        )
        .unwrap();
    });
}

#[test]
fn keyword_changes_undo_and_redo_with_the_tree() {
    let (mut cat, ids) = catalogue();
    undoable(&mut cat, "a new keyword on two photos", |cat| {
        cat.edit(
            &ids[..2],
            &[Edit::AddKeyword("Events|Odchod vojsk".into())],
            "edit",
            false,
        )
        .unwrap();
    });
    assert!(
        !state(&cat).keywords.is_empty(),
        "the keyword came back with redo"
    );
    undoable(&mut cat, "a keyword removed", |cat| {
        cat.edit(
            &ids[1..],
            &[Edit::RemoveKeyword("Barracks".into())],
            "edit",
            false,
        )
        .unwrap();
    });
    undoable(&mut cat, "a rename", |cat| {
        cat.rename_keyword("Barracks", "Kasárna").unwrap();
    });
    undoable(&mut cat, "a move", |cat| {
        cat.rename_keyword("Subjects|Military", "Themes|Armed forces|Military")
            .unwrap();
    });
    cat.import_vocabulary(
        &crate::vocabulary::parse("Places\n\tCzechoslovakia\n\t\tMilovice\n\t\t\t{Mlada}\n")
            .unwrap(),
    )
    .unwrap();
    undoable(&mut cat, "a merge with synonyms", |cat| {
        cat.merge_keywords("Places|Czechoslovakia|Milovice", "kasárna")
            .unwrap();
    });
    undoable(
        &mut cat,
        "a keyword deleted with the keywords below it",
        |cat| {
            cat.delete_keyword("Places").unwrap();
        },
    );
    undoable(&mut cat, "a keyword list", |cat| {
        let list =
            "[People]\n\tKyndrová, Dana\n\t\t{Dana Kyndrova}\nSoviet troops\n\t{sovětská vojska}\n";
        cat.import_vocabulary(&crate::vocabulary::parse(list).unwrap())
            .unwrap();
    });
}

#[test]
fn set_changes_undo_and_redo_with_order_and_wall_labels() {
    let (mut cat, ids) = catalogue();
    undoable(&mut cat, "a set created", |cat| {
        cat.create_set("Odchod 1991").unwrap();
    });
    undoable(&mut cat, "photos added", |cat| {
        cat.add_to_set("Odchod 1991", &ids[..3]).unwrap();
    });
    undoable(&mut cat, "a photo moved", |cat| {
        cat.move_in_set("Odchod 1991", ids[2], 1).unwrap();
    });
    undoable(&mut cat, "two photos moved at once", |cat| {
        cat.move_photos_in_set("Odchod 1991", &[ids[0], ids[1]], 1)
            .unwrap();
    });
    undoable(&mut cat, "a wall label", |cat| {
        cat.set_note(
            "Odchod 1991",
            ids[1],
            "Milovice, June 1991. The last train.",
        )
        .unwrap();
    });
    undoable(&mut cat, "a photo removed with its wall label", |cat| {
        cat.remove_from_set("Odchod 1991", &[ids[1]]).unwrap();
    });
    undoable(&mut cat, "a rename", |cat| {
        cat.rename_set("Odchod 1991", "Odchod vojsk 1991").unwrap();
    });
    undoable(&mut cat, "the set deleted", |cat| {
        cat.delete_set("Odchod vojsk 1991").unwrap();
    });
    undoable(&mut cat, "a saved search", |cat| {
        cat.save_search("Needs credit", "missing:credit").unwrap();
    });
    undoable(&mut cat, "a saved search deleted", |cat| {
        cat.delete_set("Needs credit").unwrap();
    });
    undoable(&mut cat, "a set made with its photos", |cat| {
        cat.create_set_with("Výstava", &[ids[2], ids[0], ids[2]])
            .unwrap();
        let items: Vec<PhotoId> = cat
            .set_items("Výstava")
            .unwrap()
            .iter()
            .map(|i| i.photo)
            .collect();
        assert_eq!(items, [ids[2], ids[0]], "in the order given, each once");
    });
    assert!(
        cat.create_set_with("Další", &[PhotoId(999_999)]).is_err(),
        "a photo not in the catalogue"
    );
    assert!(!cat.sets().unwrap().iter().any(|s| s.name == "Další"));
}

#[test]
fn templates_and_their_use_undo_and_redo() {
    let (mut cat, ids) = catalogue();
    undoable(&mut cat, "a template saved", |cat| {
        cat.save_template(
            "Kyndrová 1991",
            &[
                ("credit".into(), Value::from("Dana Kyndrová")),
                ("copyright".into(), Value::from("© Dana Kyndrová")),
            ],
        )
        .unwrap();
    });
    undoable(&mut cat, "a template applied", |cat| {
        cat.apply_template("Kyndrová 1991", &ids, false, false)
            .unwrap();
    });
    undoable(&mut cat, "a template changed", |cat| {
        cat.save_template("Kyndrová 1991", &[("credit".into(), Value::from("ČTK"))])
            .unwrap();
    });
    undoable(&mut cat, "a template deleted", |cat| {
        cat.delete_template("Kyndrová 1991").unwrap();
    });
}

#[test]
fn redo_follows_undo_and_a_new_change_ends_it() {
    let (mut cat, ids) = catalogue();
    let caption = |cat: &Catalogue| cat.photo(ids[0]).unwrap().unwrap().description.caption;
    for text in ["A", "B", "C"] {
        cat.set_field(ids[0], Field::Caption, FieldValue::Text(Some(text.into())))
            .unwrap();
    }
    assert!(cat.redo().unwrap().is_none(), "nothing undone yet");
    cat.undo().unwrap();
    cat.undo().unwrap();
    assert_eq!(caption(&cat).as_deref(), Some("A"));
    // Redo goes forward in the order things were undone, last undone first.
    cat.redo().unwrap();
    assert_eq!(caption(&cat).as_deref(), Some("B"));
    cat.undo().unwrap();
    cat.undo().unwrap();
    assert_eq!(
        caption(&cat).as_deref(),
        Some("Rows of identical metal beds")
    );
    cat.redo().unwrap();
    cat.redo().unwrap();
    cat.redo().unwrap();
    assert_eq!(caption(&cat).as_deref(), Some("C"));
    assert!(cat.redo().unwrap().is_none());
    // Something new after an undo: what was undone can no longer be redone.
    cat.undo().unwrap();
    cat.edit(
        &[ids[1]],
        &[Edit::Set(Attribute::Rating, Value::from(3))],
        "edit",
        false,
    )
    .unwrap();
    assert!(cat.redo().unwrap().is_none(), "a new change ends redo");
    assert_eq!(caption(&cat).as_deref(), Some("B"));
    let (undo, redo) = cat.undo_redo().unwrap();
    assert_eq!(undo.as_deref(), Some("Rating 3 on 1 photo"));
    assert_eq!(redo, None);
}

#[test]
fn the_history_speaks_in_words() {
    let (mut cat, ids) = catalogue();
    cat.edit(
        &ids[..3],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from("Milovice"),
        )],
        "edit",
        false,
    )
    .unwrap();
    cat.create_set("Odchod 1991").unwrap();
    cat.add_to_set("Odchod 1991", &ids[..2]).unwrap();
    cat.move_in_set("Odchod 1991", ids[1], 1).unwrap();
    cat.undo().unwrap();
    let summaries: Vec<String> = cat
        .history(None, 10)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(
        summaries,
        [
            "Undo: Moved 1 photo in set “Odchod 1991”",
            "Moved 1 photo in set “Odchod 1991”",
            "Added 2 photos to set “Odchod 1991”",
            "Created set “Odchod 1991”",
            "Caption on 3 photos",
        ]
    );
    let one = cat.history(Some(ids[0]), 10).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(
        one[0].changes[0].words,
        "Caption: “Rows of identical metal beds” → “Milovice”"
    );
    for entry in cat.history(None, 10).unwrap() {
        for change in entry.changes {
            assert!(
                !change.words.contains('{') && !change.words.contains('['),
                "no JSON in the history: {}",
                change.words
            );
        }
    }
}

#[test]
fn a_damaged_history_is_an_error_not_a_cleared_field() {
    let (mut cat, ids) = catalogue();
    cat.set_field(
        ids[0],
        Field::Caption,
        FieldValue::Text(Some("Milovice".into())),
    )
    .unwrap();
    cat.conn
        .execute("UPDATE edit_change SET old_value = '{not json'", [])
        .unwrap();
    assert!(cat.undo().is_err());
    assert_eq!(
        cat.photo(ids[0])
            .unwrap()
            .unwrap()
            .description
            .caption
            .as_deref(),
        Some("Milovice"),
        "the failed undo changed nothing"
    );
}

/// An operation read back for a face to put in words: its steps, how many
/// changes and photos; undo and redo name the operation they revert, and
/// what undo and redo would do now are those operations.
#[test]
fn operations_are_read_back_with_their_steps_and_counts() {
    let (mut cat, ids) = catalogue();
    cat.edit(
        &ids[..3],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from("Milovice 1991"),
        )],
        "edit",
        false,
    )
    .unwrap();
    let (undo, redo) = cat.undo_redo_operations().unwrap();
    let edit = undo.expect("the edit to undo");
    assert!(redo.is_none());
    assert_eq!(edit.source, "edit");
    assert_eq!(edit.summary, "Caption on 3 photos");
    assert_eq!((edit.changes, edit.photos), (3, 3));
    assert!(edit.is_whole());
    assert!(edit.steps.iter().all(|s| matches!(
        s,
        Step::Photo {
            attribute: Attribute::Field(Field::Caption),
            ..
        }
    )));

    let undone = cat.undo().unwrap().unwrap();
    assert_eq!(undone.operation, edit.id);
    let (_, redo) = cat.undo_redo_operations().unwrap();
    assert_eq!(redo.map(|r| r.id), Some(edit.id));
    let newest = cat.history(None, 1).unwrap().remove(0);
    let undo_op = cat.operation_record(newest.operation).unwrap().unwrap();
    assert_eq!(undo_op.source, "undo");
    assert_eq!(undo_op.reverts, Some(edit.id));
    assert!(cat.operation_record(i64::MAX).unwrap().is_none());
}

/// An operation of more changes than are read to say it is counted whole
/// and read in part.
#[test]
fn a_large_operation_is_read_in_part_and_counted_whole() {
    let (mut cat, _) = catalogue();
    let terms: Vec<crate::vocabulary::Term> = (0..=STEPS_READ)
        .map(|n| crate::vocabulary::Term {
            name: format!("Tag {n}"),
            exported: true,
            synonyms: Vec::new(),
            children: Vec::new(),
        })
        .collect();
    cat.import_vocabulary(&terms).unwrap();
    let (undo, _) = cat.undo_redo_operations().unwrap();
    let op = undo.unwrap();
    assert_eq!(op.changes, STEPS_READ + 1);
    assert_eq!(op.photos, 0);
    assert_eq!(op.steps.len(), STEPS_READ);
    assert!(!op.is_whole());
    assert_eq!(
        op.deed,
        Some(Deed::KeywordList {
            keywords: STEPS_READ + 1,
            synonyms: 0
        }),
        "what it did is known whole"
    );
}

/// The operations whose words need more than their steps record what they
/// did as data, exactly; the others record nothing beside their steps.
#[test]
fn operations_record_their_deeds() {
    let (mut cat, ids) = catalogue();
    let deed = |cat: &Catalogue| cat.undo_redo_operations().unwrap().0.unwrap().deed;
    let source = |citation: &str| SourceRecord {
        citation: citation.into(),
        ..SourceRecord::default()
    };
    let radio = cat.add_source(source("Český rozhlas, 2020")).unwrap();
    assert_eq!(deed(&cat), None, "a source added is said from its step");
    let cited = Attribution {
        source: Some(radio),
        ..Attribution::default()
    };
    cat.add_claims(
        &ids[..3],
        "city",
        &Value::from("Milovice"),
        &cited,
        false,
        false,
    )
    .unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::ClaimsAdded {
            field: "city".into(),
            photos: 3,
            source: Some(radio)
        })
    );
    cat.add_claims(
        &ids[..1],
        "city",
        &Value::from("Vysoké Mýto"),
        &cited,
        false,
        false,
    )
    .unwrap();
    let claim = cat
        .claims(ids[0])
        .unwrap()
        .into_iter()
        .find(|c| !c.preferred)
        .unwrap()
        .id;
    cat.prefer_claim(claim).unwrap();
    assert_eq!(deed(&cat), Some(Deed::ClaimPreferred));
    cat.edit_claim(claim, &Attribution::default()).unwrap();
    assert_eq!(deed(&cat), Some(Deed::ClaimChanged));
    cat.remove_claim(claim).unwrap();
    assert_eq!(deed(&cat), Some(Deed::ClaimRemoved));

    cat.save_template("Kyndrová 1991", &[("city".into(), Value::from("Milovice"))])
        .unwrap();
    assert_eq!(deed(&cat), None, "a template saved is said from its step");
    cat.apply_template("Kyndrová 1991", &ids, true, false)
        .unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::TemplateApplied {
            template: "Kyndrová 1991".into(),
            photos: 1
        }),
        "three of the photos had the city already"
    );

    cat.edit(
        &ids[..2],
        &[Edit::AddKeyword("Události|Odchod vojsk".into())],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids[2..],
        &[Edit::AddKeyword("Události|Odsun".into())],
        "edit",
        false,
    )
    .unwrap();
    cat.merge_keywords("Události|Odsun", "Události|Odchod vojsk")
        .unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::KeywordMerged {
            keyword: "Události|Odsun".into(),
            into: "Události|Odchod vojsk".into(),
            photos: 2
        })
    );
    cat.delete_keyword("Události").unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::KeywordDeleted {
            keyword: "Události".into(),
            photos: 4
        })
    );

    let (_, added) = cat
        .import_sources(&[source("Rudé právo, 1991"), source("ČTK, 1991")])
        .unwrap();
    assert_eq!(added, 2);
    assert_eq!(deed(&cat), Some(Deed::SourcesImported { sources: 2 }));
    cat.merge_sources(radio, radio + 1).unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::SourceMerged {
            source: "Český rozhlas, 2020".into(),
            into: "Rudé právo, 1991".into()
        })
    );
    cat.remove_source(radio + 1, true).unwrap();
    assert_eq!(
        deed(&cat),
        Some(Deed::SourceRemoved {
            source: "Rudé právo, 1991".into()
        })
    );
    // Undo and redo are said from the operation they revert.
    cat.undo().unwrap();
    let newest = cat.history(None, 1).unwrap().remove(0);
    assert_eq!(
        cat.operation_record(newest.operation)
            .unwrap()
            .unwrap()
            .deed,
        None
    );
}

/// A deed the catalogue file holds is read as data that may be damaged or
/// come from a later version: nested past any depth, of an unknown kind, or
/// not of the shape its kind has, it is no deed, and the operation is said
/// from its steps; it never stops the history from being read.
#[test]
fn a_damaged_or_unknown_deed_is_no_deed() {
    let (mut cat, ids) = catalogue();
    cat.edit(
        &ids[..1],
        &[Edit::Set(Attribute::Rating, Value::from(3))],
        "edit",
        false,
    )
    .unwrap();
    let id = cat.undo_redo_operations().unwrap().0.unwrap().id;
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for deed in [
        deep.as_str(),
        r#"{"kind": "a_kind_of_a_later_version", "photos": 3}"#,
        r#"{"kind": "claims_added", "field": 7}"#,
        r#"{"kind": "sources_imported", "sources": -1}"#,
    ] {
        // Written past the column's check, as a damaged file would hold it.
        cat.conn
            .execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        cat.conn
            .execute(
                "UPDATE edit_operation SET deed = ?2 WHERE id = ?1",
                rusqlite::params![id, deed],
            )
            .unwrap();
        let op = cat.operation_record(id).unwrap().unwrap();
        assert_eq!(op.deed, None, "{}", &deed[..deed.len().min(60)]);
        assert_eq!(op.summary, "Rating 3 on 1 photo");
    }
}
