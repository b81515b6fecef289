//! Catalogue behaviour on an in-memory database.

use std::path::PathBuf;

use super::*;
use crate::photo::{
    Description, FieldValue, FileInfo, ImageFormat, PhotoRecord, RawTag, Technical,
};

pub(super) fn record(path: &str, hash: &str) -> PhotoRecord {
    PhotoRecord {
        file: FileInfo {
            path: PathBuf::from(path),
            size: 100,
            mtime_ns: 1,
            hash: hash.to_owned(),
            format: ImageFormat::Jpeg,
            sidecar: None,
        },
        technical: Technical {
            width: Some(640),
            height: Some(480),
            ..Technical::default()
        },
        description: Description {
            title: Some("Dormitory, soldier sewing".into()),
            caption: Some("Rows of identical metal beds".into()),
            creators: vec!["Dana Kyndrová".into()],
            keywords: vec!["Soviet troops".into(), "kasárna".into(), "Barracks".into()],
            hierarchical_keywords: vec![
                "Places|Czechoslovakia|Milovice".into(),
                "Subjects|Military|Barracks".into(),
            ],
            date_created: Some("1991".into()),
            ..Description::default()
        },
        tags: vec![RawTag::new("IPTC", "By-line", "Dana Kyndrová")],
        warnings: vec![],
        claims: vec![],
    }
}

#[test]
fn stores_and_reads_back_a_whole_record() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let rec = record("/archive/a.jpg", "h1");
    let outcome = cat.store(&rec).unwrap();
    let StoreOutcome::Added(id) = outcome else {
        panic!("{outcome:?}")
    };
    let photo = cat.photo(id).unwrap().unwrap();
    assert_eq!(photo.file, rec.file);
    assert_eq!(photo.technical, rec.technical);
    assert_eq!(photo.description, rec.description);
    assert_eq!(cat.raw_tags(id).unwrap(), rec.tags);
    assert_eq!(cat.photos().unwrap()[0].description, rec.description);
}

#[test]
fn import_warnings_read_back_as_values_and_an_older_catalogues_as_text() {
    use crate::ingest::warning::Warning;
    use crate::photo::Field;
    let mut cat = Catalogue::open_in_memory().unwrap();
    let mut rec = record("/archive/a.jpg", "h1");
    rec.warnings = vec![
        Warning::PngWithoutEnd,
        Warning::FieldCut {
            field: Field::Caption,
            size: 70_000,
            limit: 64 << 10,
        },
    ];
    let StoreOutcome::Added(id) = cat.store(&rec).unwrap() else {
        panic!("not added")
    };
    assert_eq!(cat.photo(id).unwrap().unwrap().warnings, rec.warnings);
    let b = cat.store(&record("/archive/b.jpg", "h2")).unwrap();
    let StoreOutcome::Added(b) = b else {
        panic!("{b:?}")
    };
    assert_eq!(cat.photo(b).unwrap().unwrap().warnings, []);
    // No warnings is NULL, which `status:warning` searches for.
    let with_warnings: i64 = cat
        .conn
        .query_row(
            "SELECT count(*) FROM photo WHERE warnings IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(with_warnings, 1);
    // A catalogue written before warnings were values holds English lines.
    cat.conn
        .execute(
            "UPDATE photo SET warnings = ?1 WHERE id = ?2",
            rusqlite::params![
                "no preview: the file embeds no JPEG preview\nPNG profile \"x\" is not valid hex text",
                id.0
            ],
        )
        .unwrap();
    let photo = cat.photo(id).unwrap().unwrap();
    assert_eq!(
        photo.warnings,
        [
            Warning::Legacy {
                text: "no preview: the file embeds no JPEG preview".into()
            },
            Warning::Legacy {
                text: "PNG profile \"x\" is not valid hex text".into()
            },
        ]
    );
}

#[test]
fn flat_keyword_matching_a_leaf_is_that_leaf() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    cat.store(&record("/archive/a.jpg", "h1")).unwrap();
    // "Barracks" is the leaf of Subjects|Military|Barracks, not a new top-level keyword.
    let tree = KeywordTree::load(&cat.conn).unwrap();
    let top: Vec<String> = cat
        .conn
        .prepare("SELECT name FROM keyword WHERE parent_id IS NULL ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(top, ["Places", "Soviet troops", "Subjects", "kasárna"]);
    drop(tree);
}

#[test]
fn reread_keeps_edited_fields() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    cat.set_field(
        id,
        Field::Caption,
        FieldValue::Text(Some("Corrected caption".into())),
    )
    .unwrap();
    cat.set_field(id, Field::Keywords, FieldValue::List(vec!["odsun".into()]))
        .unwrap();

    let mut changed = record("/archive/a.jpg", "h2");
    changed.description.caption = Some("Caption from the changed file".into());
    changed.description.title = Some("New title from the file".into());
    changed.technical.width = Some(1024);
    assert_eq!(cat.store(&changed).unwrap(), StoreOutcome::Updated(id));

    let photo = cat.photo(id).unwrap().unwrap();
    assert_eq!(
        photo.description.caption.as_deref(),
        Some("Corrected caption")
    );
    assert_eq!(photo.description.keywords, ["odsun"]);
    assert_eq!(
        photo.description.title.as_deref(),
        Some("New title from the file")
    );
    assert_eq!(photo.technical.width, Some(1024));
    assert_eq!(photo.file.hash, "h2");
}

#[test]
fn same_content_elsewhere_is_a_duplicate_when_the_original_exists() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("a.jpg");
    std::fs::write(&original, b"x").unwrap();
    let mut cat = Catalogue::open_in_memory().unwrap();
    let first = cat
        .store(&record(original.to_str().unwrap(), "same"))
        .unwrap()
        .id();
    let outcome = cat.store(&record("/elsewhere/copy.jpg", "same")).unwrap();
    assert!(
        matches!(outcome, StoreOutcome::Duplicate { of, .. } if of == first),
        "{outcome:?}"
    );
    assert_eq!(cat.photo_count().unwrap(), 2);
    assert_eq!(cat.stats().unwrap().duplicates, 2);
}

#[test]
fn moved_file_keeps_its_id_and_edits() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat
        .store(&record("/mnt/old-drive/a.jpg", "h1"))
        .unwrap()
        .id();
    cat.set_field(id, Field::Credit, FieldValue::Text(Some("ČTK".into())))
        .unwrap();
    let outcome = cat.store(&record("/mnt/new-drive/a.jpg", "h1")).unwrap();
    assert_eq!(
        outcome,
        StoreOutcome::Relinked {
            id,
            from: PathBuf::from("/mnt/old-drive/a.jpg")
        }
    );
    let photo = cat.photo(id).unwrap().unwrap();
    assert_eq!(photo.file.path, PathBuf::from("/mnt/new-drive/a.jpg"));
    assert_eq!(photo.description.credit.as_deref(), Some("ČTK"));
    assert_eq!(cat.photo_count().unwrap(), 1);
}

#[test]
fn a_failed_batch_leaves_nothing_behind() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let good = record("/archive/a.jpg", "h1");
    let mut bad = record("/archive/b.jpg", "h2");
    bad.technical.orientation = Some(9); // violates the CHECK constraint
    assert!(cat.store_batch(&[good, bad]).is_err());
    assert_eq!(cat.photo_count().unwrap(), 0);
}

#[test]
fn depicted_date_edits_must_be_dates() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    let err = cat
        .set_field(
            id,
            Field::DateCreated,
            FieldValue::Text(Some("June 1991".into())),
        )
        .unwrap_err();
    assert!(err.to_string().contains("June 1991"), "{err}");
    cat.set_field(
        id,
        Field::DateCreated,
        FieldValue::Text(Some("1991-06".into())),
    )
    .unwrap();
    assert_eq!(
        cat.photo(id)
            .unwrap()
            .unwrap()
            .description
            .date_created
            .as_deref(),
        Some("1991-06")
    );
}

#[test]
fn values_past_the_field_limits_are_refused_naming_the_field() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    let long = "Ř".repeat(crate::limits::MAX_FIELD_BYTES / 2 + 1);
    let err = cat
        .set_field(id, Field::Caption, FieldValue::Text(Some(long)))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("caption: longer than the 64 KiB"),
        "{err}"
    );
    let many: Vec<String> = (0..200)
        .map(|n| format!("{n} {}", "Dubček, Alexander".repeat(100)))
        .collect();
    let err = cat
        .set_field(id, Field::People, FieldValue::List(many))
        .unwrap_err();
    assert!(
        err.to_string().contains("people: longer than the 256 KiB"),
        "{err}"
    );
    let fits = "Ř".repeat(crate::limits::MAX_FIELD_BYTES / 2);
    cat.set_field(id, Field::Caption, FieldValue::Text(Some(fits)))
        .unwrap();
}

#[test]
fn a_file_that_is_not_a_catalogue_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT)")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let err = Catalogue::open(&other).err().unwrap();
    assert!(matches!(err, CatalogError::NotACatalogue { .. }), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database at all, just some text that is long enough",
    )
    .unwrap();
    let err = Catalogue::open(&text).err().unwrap();
    assert!(matches!(err, CatalogError::NotACatalogue { .. }), "{err}");
}

#[test]
fn a_newer_catalogue_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.kartoteka");
    drop(Catalogue::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", migrations::LATEST_VERSION + 5)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Catalogue::open(&path).err().unwrap();
    assert!(err.to_string().contains("newer Kartoteka"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Search answers from columns held in memory and kept in step by noting
/// what changed; after every kind of change they must find what a fresh
/// load of the same file finds, in every order.
#[test]
fn search_keeps_up_with_changes_without_reloading() {
    use crate::photo::Attribute;
    use serde_json::Value;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.kartoteka");
    let mut cat = Catalogue::open(&path).unwrap();
    let dates = [
        None,
        Some("1991"),
        Some("1991-06"),
        Some("1991-06-21"),
        Some("1990-02"),
    ];
    let batch = |from: usize, to: usize| -> Vec<PhotoRecord> {
        (from..to)
            .map(|i| {
                let mut r = record(&format!("/archive/{i:03}.jpg"), &format!("h{i}"));
                r.description.date_created = dates[i % dates.len()].map(str::to_owned);
                r.description.title = (i % 4 != 0).then(|| format!("Photo {}", 2000 - i));
                r.description.city = Some(["Milovice", "Olomouc", "Zvolen"][i % 3].into());
                r.technical.taken_at = Some(format!("2019-03-{:02}T10:00:00", 1 + i % 28));
                if i % 6 == 0 {
                    r.description.hierarchical_keywords =
                        vec!["Places|Czechoslovakia|Milovice".into()];
                    r.description.keywords = vec!["Milovice".into()];
                }
                r
            })
            .collect()
    };
    // Enough photos that broad results walk the ready sort orders while
    // narrow ones are sorted on their own.
    cat.store_batch(&batch(0, 1100)).unwrap();

    let queries = [
        "",
        "kyndrova",
        "date:1991",
        "date:1991-06",
        "date:..1990",
        "rating:>=3",
        "flag:pick",
        "label:red OR -rating:0",
        "keyword:military",
        "keyword:milovice",
        "has:title",
        "missing:caption",
        "has:keywords",
        "city:olomouc date:1991-06-21",
    ];
    let sorts = [
        SortKey::Depicted,
        SortKey::Taken,
        SortKey::Imported,
        SortKey::Title,
        SortKey::Rating,
        SortKey::FileName,
    ];
    let same_as_fresh = |cat: &Catalogue, when: &str| {
        // Read whole, not from the columns saved beside the catalogue.
        let _ = std::fs::remove_file(columns::saved::path_beside(&path));
        let fresh = Catalogue::open(&path).unwrap();
        for q in queries {
            for sort in sorts {
                assert_eq!(
                    cat.search_text(q, sort, None).unwrap(),
                    fresh.search_text(q, sort, None).unwrap(),
                    "{q:?} sorted by {sort} after {when}"
                );
            }
            let parsed = crate::search::parse(q).unwrap();
            assert_eq!(
                cat.facets(&parsed).unwrap(),
                fresh.facets(&parsed).unwrap(),
                "facets of {q:?} after {when}"
            );
        }
    };
    same_as_fresh(&cat, "import");

    let ids = |list: &[i64]| list.iter().map(|&i| PhotoId(i)).collect::<Vec<_>>();
    cat.edit(
        &ids(&[3, 7, 21]),
        &[Edit::Set(Attribute::Rating, Value::from(4))],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids(&[2, 7]),
        &[Edit::Set(Attribute::Flag, Value::from("pick"))],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids(&[1, 9]),
        &[
            Edit::Set(Attribute::Field(Field::DateCreated), Value::from("1945-05")),
            Edit::Set(Attribute::Field(Field::Title), Value::Null),
            Edit::Set(Attribute::Field(Field::Caption), Value::Null),
        ],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids(&[4, 5]),
        &[Edit::AddKeyword("Subjects|Military|Tanks".into())],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids(&[1]),
        &[Edit::RemoveKeyword("Barracks".into())],
        "edit",
        false,
    )
    .unwrap();
    let many: Vec<i64> = (100..400).collect();
    cat.edit(
        &ids(&many),
        &[Edit::Set(Attribute::Rating, Value::from(2))],
        "edit",
        false,
    )
    .unwrap();
    same_as_fresh(&cat, "edits");

    cat.undo().unwrap();
    cat.undo().unwrap();
    same_as_fresh(&cat, "undo");

    cat.merge_keywords(
        "Subjects|Military|Barracks",
        "Places|Czechoslovakia|Milovice",
    )
    .unwrap();
    same_as_fresh(&cat, "a keyword merge");

    cat.store_batch(&batch(1100, 1150)).unwrap();
    same_as_fresh(&cat, "a second import");

    // Another connection (another Kartoteka) writes: the columns reload.
    let mut other = Catalogue::open(&path).unwrap();
    other
        .edit(
            &ids(&[10, 1120]),
            &[Edit::Set(Attribute::Label, Value::from("red"))],
            "edit",
            false,
        )
        .unwrap();
    let red = cat
        .search_text("label:red", SortKey::Imported, None)
        .unwrap();
    assert_eq!(red.iter().map(|h| h.id.0).collect::<Vec<_>>(), [10, 1120]);
    same_as_fresh(&cat, "another connection's edit");
}

/// A catalogue whose full-text index still keeps a copy of the text
/// (schema version 2) gets the contentless index, filled from its photos.
#[test]
fn an_older_search_index_is_made_anew_from_the_photos() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.kartoteka");
    Catalogue::open(&path)
        .unwrap()
        .store(&record("/archive/a.jpg", "h1"))
        .unwrap();
    // Back to version 2 as an older Kartoteka left it, with its index empty
    // so that only the migration can fill it.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE team_root;
         DROP TABLE photo_unsent;
         DROP TABLE team_photos;
         DROP TABLE shared_id;
         DROP TABLE team_server;
         DROP TRIGGER photo_fts_delete;
         DROP TABLE photo_fts;
         CREATE VIRTUAL TABLE photo_fts USING fts5 (
             title, headline, caption, creators, credit, copyright, source, instructions, job_id,
             sublocation, city, state, country, event, people, keywords, file_name, note,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
         CREATE TRIGGER photo_fts_delete AFTER DELETE ON photo BEGIN
             DELETE FROM photo_fts WHERE rowid = old.id;
         END;
         ALTER TABLE edit_change DROP COLUMN subject;
         DROP TABLE team_sync;
         DROP TABLE merge_value;
         DROP INDEX edit_operation_unsent;
         ALTER TABLE edit_operation DROP COLUMN seen;
         ALTER TABLE edit_operation DROP COLUMN server_pos;
         DROP INDEX edit_operation_replica_seq;
         DROP INDEX edit_operation_hlc;
         ALTER TABLE edit_operation DROP COLUMN author;
         ALTER TABLE edit_operation DROP COLUMN hlc;
         ALTER TABLE edit_operation DROP COLUMN seq;
         ALTER TABLE edit_operation DROP COLUMN replica;
         DROP TABLE local_replica;
         ALTER TABLE edit_operation DROP COLUMN deed;
         ALTER TABLE edit_operation DROP COLUMN reverts;
         DROP TABLE claim;
         DROP TABLE source;
         DROP TABLE source_fts;
         DROP TABLE claim_mark;
         DROP TRIGGER photo_change_insert;
         DROP TRIGGER photo_change_update;
         DROP TRIGGER photo_change_delete;
         DROP TRIGGER photo_change_keyword_insert;
         DROP TRIGGER photo_change_keyword_update;
         DROP TRIGGER photo_change_keyword_delete;
         DROP TABLE photo_change;
         ALTER TABLE photo DROP COLUMN pages;
         ALTER TABLE photo ADD COLUMN date_from TEXT GENERATED ALWAYS AS (date_created) VIRTUAL;
         ALTER TABLE photo ADD COLUMN date_to TEXT GENERATED ALWAYS AS (date_created) VIRTUAL;
         CREATE INDEX photo_date ON photo (date_from, date_to);
         PRAGMA user_version = 2;",
    )
    .unwrap();
    drop(conn);

    let cat = Catalogue::open(&path).unwrap();
    assert_eq!(
        migrations::user_version(&cat.conn).unwrap(),
        migrations::LATEST_VERSION
    );
    let found = cat
        .search_text("kyndrova", SortKey::Imported, None)
        .unwrap();
    assert_eq!(found.len(), 1);
    let found = cat.search_text("\"identical metal\" kasar*", SortKey::Imported, None);
    assert_eq!(found.unwrap().len(), 1);
}

/// Every edit adds to the full-text index; optimizing merges it back into
/// one piece, and every search finds what it found before.
#[test]
fn optimizing_merges_the_search_index_and_finds_the_same() {
    use crate::photo::Attribute;
    use serde_json::Value;

    let mut cat = Catalogue::open_in_memory().unwrap();
    let records: Vec<PhotoRecord> = (0..50)
        .map(|i| record(&format!("/archive/{i:02}.jpg"), &format!("h{i}")))
        .collect();
    cat.store_batch(&records).unwrap();
    // Segments pile up over months of edits in a large archive; with FTS5's
    // own merging off (Kartoteka merges between changes) and nothing tidying
    // here, they do so within thirty edits.
    for i in 0..30 {
        let caption = format!("Odchod vojsk z Milovic, revize {i}, kasárna");
        cat.edit(
            &[PhotoId(1 + i % 50)],
            &[Edit::Set(
                Attribute::Field(Field::Caption),
                Value::from(caption),
            )],
            "edit",
            false,
        )
        .unwrap();
    }
    let queries = [
        "kyndrova",
        "kasar*",
        "\"revize 7\"",
        "milovic",
        "caption:identical",
    ];
    let found = |cat: &Catalogue| -> Vec<Vec<Hit>> {
        queries
            .iter()
            .map(|q| cat.search_text(q, SortKey::Imported, None).unwrap())
            .collect()
    };
    let index_bytes = |cat: &Catalogue| -> i64 {
        cat.conn
            .query_row("SELECT sum(length(block)) FROM photo_fts_data", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let before = found(&cat);
    assert!(before.iter().all(|hits| !hits.is_empty()), "{before:?}");
    let bytes = index_bytes(&cat);

    cat.optimize().unwrap();
    assert_eq!(found(&cat), before);
    let after = index_bytes(&cat);
    assert!(after < bytes, "{after} bytes of index, before {bytes}");
}

/// Every token of the full-text index with the photo, column and place it
/// stands at, read through FTS5's own vocabulary table once the index is
/// merged into one piece (merging drops deleted entries).
fn index_tokens(cat: &mut Catalogue) -> Vec<(String, i64, String, i64)> {
    cat.optimize().unwrap();
    cat.conn
        .execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.tokens
                 USING fts5vocab(main, photo_fts, 'instance')",
        )
        .unwrap();
    cat.conn
        .prepare("SELECT term, doc, col, offset FROM temp.tokens ORDER BY 1, 2, 3, 4")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// An edit indexes its photos from what it holds in memory, not by reading
/// them back: the index must come out exactly as one built anew from the
/// catalogue, token by token, whatever the edit changed.
#[test]
fn an_edit_indexes_its_photos_as_the_catalogue_holds_them() {
    use crate::photo::Attribute;
    use serde_json::{Value, json};

    let mut cat = Catalogue::open_in_memory().unwrap();
    let vocabulary = crate::vocabulary::parse(
        "Places\n\tCzechoslovakia\n\t\tMilovice\n\t\t\t{Milowitz}\nSubjects\n\tMilitary\n\t\tTanks\n\t\t\t{T-72}\n",
    )
    .unwrap();
    cat.import_vocabulary(&vocabulary).unwrap();
    let records: Vec<PhotoRecord> = (0..6)
        .map(|i| {
            record(
                &format!("/archive/Odsun {i}/Snímek č. {i}.jpg"),
                &format!("h{i}"),
            )
        })
        .collect();
    cat.store_batch(&records).unwrap();
    let ids: Vec<PhotoId> = (1..=6).map(PhotoId).collect();
    let set = |a: Attribute, v: Value| vec![Edit::Set(a, v)];
    let edits: Vec<Vec<Edit>> = vec![
        set(
            Attribute::Field(Field::Caption),
            json!("Odchod sovětských vojsk, Гарнизон Миловице, 1991"),
        ),
        set(
            Attribute::Field(Field::People),
            json!(["Alexander Dubček", "Šedivý"]),
        ),
        set(
            Attribute::Field(Field::Creators),
            json!(["Dana Kyndrová", "ČTK"]),
        ),
        set(
            Attribute::Note,
            json!("Zdroje se rozcházejí: 73 500 nebo 75 000"),
        ),
        vec![Edit::AddKeyword("Subjects|Military|Tanks".into())],
        vec![Edit::RemoveKeyword("Barracks".into())],
        set(Attribute::Field(Field::Title), Value::Null),
        set(Attribute::Rating, json!(3)),
    ];
    // Each edit on some photos in descending order, then all at once.
    for (i, edit) in edits.iter().enumerate() {
        let some: Vec<PhotoId> = ids.iter().rev().skip(i % 3).step_by(2).copied().collect();
        cat.edit(&some, edit, "edit", false).unwrap();
    }
    let each: Vec<(PhotoId, Vec<Edit>)> = ids
        .iter()
        .zip(edits.iter().cycle().skip(2))
        .map(|(id, edit)| (*id, edit.clone()))
        .collect();
    cat.edit_each(&each, None, "edit", false, |n, _| format!("{n}").into())
        .unwrap();
    let edited = index_tokens(&mut cat);
    assert!(
        edited.iter().any(|t| t.0 == "milowitz"),
        "a synonym is indexed"
    );
    assert!(
        edited.iter().any(|t| t.0 == "tanks"),
        "an added keyword is indexed"
    );
    assert!(edited.iter().any(|t| t.0 == "dubcek"));

    search_index::rebuild(&cat.conn).unwrap();
    assert_eq!(index_tokens(&mut cat), edited);
}

/// FTS5 no longer merges the index inside each change's commit: the
/// catalogue does it between changes, a bounded step at a time, and every
/// catalogue that changed anything finishes it when it closes.
#[test]
fn the_search_index_is_merged_between_changes_and_when_the_catalogue_closes() {
    use crate::photo::Attribute;
    use serde_json::Value;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.kartoteka");
    let segments = |cat: &Catalogue| -> i64 {
        cat.conn
            .query_row("SELECT count(*) FROM photo_fts_data", [], |r| r.get(0))
            .unwrap()
    };
    let caption = |i: usize| {
        [Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from(format!("Odchod vojsk z Milovic, revize {i}")),
        )]
    };
    let mut cat = twenty_photos_merged(&path);
    for i in 0..12 {
        cat.edit(&[PhotoId(1 + i as i64)], &caption(i), "edit", false)
            .unwrap();
    }
    let found = cat.search_text("revize", SortKey::Imported, None).unwrap();
    assert_eq!(found.len(), 12);
    let untidy = segments(&cat);
    assert_eq!(cat.tidy_search_index().unwrap(), Tidy::MoreToDo);
    let mut steps = 1;
    while cat.tidy_search_index().unwrap() == Tidy::MoreToDo {
        steps += 1;
        assert!(steps < 100, "merging never ends");
    }
    assert!(
        segments(&cat) < untidy,
        "{} rows of index, untidy {untidy}",
        segments(&cat)
    );
    assert_eq!(
        cat.search_text("revize", SortKey::Imported, None).unwrap(),
        found
    );

    // Another writer holds the catalogue: the step waits for nobody.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let asked = std::time::Instant::now();
    assert_eq!(cat.tidy_search_index().unwrap(), Tidy::Busy);
    assert!(asked.elapsed() < std::time::Duration::from_secs(1));
    other.execute_batch("ROLLBACK").unwrap();

    // Changes left untidy are merged when the catalogue closes.
    for i in 12..20 {
        cat.edit(&[PhotoId(1 + i as i64)], &caption(i), "edit", false)
            .unwrap();
    }
    drop(cat);
    let mut cat = Catalogue::open(&path).unwrap();
    assert_eq!(cat.tidy_search_index().unwrap(), Tidy::Done);
    assert_eq!(
        cat.search_text("revize", SortKey::Imported, None)
            .unwrap()
            .len(),
        20
    );
}

/// A rating, flag, colour label or depicted date is not in the full-text
/// index, so changing one (and undoing it) leaves the index as it was; a
/// caption is indexed again at once.
#[test]
fn only_changes_of_text_search_reads_write_the_search_index() {
    use crate::photo::Attribute;
    use serde_json::Value;

    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat
        .store(&record("/archive/dormitory.jpg", "h1"))
        .unwrap()
        .id();
    let index = |cat: &Catalogue| -> (i64, i64) {
        cat.conn
            .query_row(
                "SELECT count(*), sum(length(block)) FROM photo_fts_data",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let before = index(&cat);
    for (attribute, value) in [
        (Attribute::Rating, Value::from(4)),
        (Attribute::Flag, Value::from("pick")),
        (Attribute::Label, Value::from("red")),
        (Attribute::Field(Field::DateCreated), Value::from("1991-06")),
    ] {
        cat.edit(&[id], &[Edit::Set(attribute, value)], "edit", false)
            .unwrap();
        assert_eq!(index(&cat), before, "{attribute:?} wrote the search index");
    }
    cat.undo().unwrap();
    assert_eq!(index(&cat), before, "undoing a date wrote the search index");
    assert_eq!(
        cat.search_text("rating:4 flag:pick", SortKey::Imported, None)
            .unwrap()
            .len(),
        1
    );

    cat.edit(
        &[id],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from("Ložnice v kasárnách"),
        )],
        "edit",
        false,
    )
    .unwrap();
    assert_ne!(index(&cat), before);
    assert_eq!(
        cat.search_text("loznice", SortKey::Imported, None)
            .unwrap()
            .len(),
        1
    );
}

/// Every keyword's photo count as SQL counts it: the distinct photos linked
/// to the keyword or to any keyword below it.
fn keyword_counts_in_sql(cat: &Catalogue) -> HashMap<i64, u64> {
    let mut stmt = cat
        .conn
        .prepare(
            "WITH RECURSIVE under (top, id) AS (
                 SELECT id, id FROM keyword
                 UNION SELECT under.top, k.id FROM under JOIN keyword k ON k.parent_id = under.id)
             SELECT under.top, count(DISTINCT l.photo_id)
             FROM under JOIN photo_keyword l ON l.keyword_id = under.id
             GROUP BY under.top",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The keyword tree's counts are SQL's, for every keyword in the catalogue.
fn keyword_counts_agree(cat: &Catalogue, after: &str) {
    let entries = cat.keywords().unwrap();
    let keywords: i64 = cat
        .conn
        .query_row("SELECT count(*) FROM keyword", [], |r| r.get(0))
        .unwrap();
    assert_eq!(entries.len() as i64, keywords, "after {after}");
    let sql = keyword_counts_in_sql(cat);
    for e in &entries {
        let expected = sql.get(&e.id).copied().unwrap_or(0);
        assert_eq!(e.photos, expected, "{} after {after}", e.path);
    }
}

#[test]
fn keyword_counts_from_the_search_columns_are_the_links_counted_in_sql() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    // Photos with two keywords under one parent, a keyword with its own
    // parent, keywords in other branches, and none: each counts once under
    // every keyword above its own.
    let lists: [&[&str]; 6] = [
        &[
            "Places|Czechoslovakia|Milovice",
            "Places|Czechoslovakia|Olomouc",
        ],
        &["Places|Czechoslovakia", "Places|Czechoslovakia|Milovice"],
        &["Places|Slovakia|Zvolen", "Subjects|Military|Tanks"],
        &["Subjects|Military|Barracks", "Subjects|Military|Tanks"],
        &["Subjects|Military|Tanks|T-72", "Places|Slovakia|Zvolen"],
        &[],
    ];
    let records: Vec<PhotoRecord> = (0..60)
        .map(|i| {
            let mut r = record(&format!("/archive/{i:02}.jpg"), &format!("h{i}"));
            r.description.keywords = if i % 4 == 0 {
                vec!["Barracks".into(), "kasárna".into()]
            } else {
                vec![]
            };
            r.description.hierarchical_keywords = lists[i % lists.len()]
                .iter()
                .map(|k| (*k).to_owned())
                .collect();
            r
        })
        .collect();
    cat.store_batch(&records).unwrap();
    keyword_counts_agree(&cat, "an import");
    let count = |cat: &Catalogue, path: &str| {
        cat.keywords()
            .unwrap()
            .into_iter()
            .find(|e| e.path == path)
            .map(|e| e.photos)
    };
    assert_eq!(count(&cat, "Places"), Some(40));
    assert_eq!(count(&cat, "Places|Czechoslovakia"), Some(20));
    assert_eq!(count(&cat, "Subjects|Military"), Some(30));

    // Changes after the columns were read, which they catch up with.
    cat.merge_keywords("Subjects|Military|Tanks", "Subjects|Military|Barracks")
        .unwrap();
    keyword_counts_agree(&cat, "a merge");
    cat.rename_keyword("Places|Slovakia|Zvolen", "Places|Czechoslovakia|Zvolen")
        .unwrap();
    keyword_counts_agree(&cat, "a move to another parent");
    cat.edit(
        &[PhotoId(6), PhotoId(7)],
        &[Edit::AddKeyword("Places|Czechoslovakia|Olomouc".into())],
        "edit",
        false,
    )
    .unwrap();
    keyword_counts_agree(&cat, "keywords added");
    cat.conn
        .execute("DELETE FROM photo WHERE id IN (1, 2, 9, 33)", [])
        .unwrap();
    keyword_counts_agree(&cat, "photos deleted");
    cat.delete_keyword("Places|Czechoslovakia|Milovice")
        .unwrap();
    keyword_counts_agree(&cat, "a keyword deleted");
    assert_eq!(count(&cat, "Places|Czechoslovakia"), Some(37));
}

#[test]
fn a_keyword_thousands_of_levels_deep_keeps_every_level_and_walks_without_recursion() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let path: Vec<String> = (0..5_000).map(|i| format!("L{i}")).collect();
    let mut deep = record("/a/deep.jpg", "deep");
    deep.description.keywords = vec![];
    deep.description.hierarchical_keywords = vec![path.join("|")];
    cat.store(&deep).unwrap();
    let entries = cat.keywords().unwrap();
    assert_eq!(entries.len(), 5_000);
    let last = entries.last().unwrap();
    assert_eq!(last.depth, 4_999);
    assert_eq!(last.path, path.join("|"));
    assert!(entries.iter().all(|e| e.photos == 1));
    let photo = cat.photo(PhotoId(1)).unwrap().unwrap();
    assert_eq!(photo.description.hierarchical_keywords, [path.join("|")]);
    // The vocabulary of such a tree is built, written, read and dropped on
    // a small stack: no walk recurses by depth.
    let vocabulary = cat.vocabulary().unwrap();
    let mut other = Catalogue::open_in_memory().unwrap();
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || {
            let text = crate::vocabulary::write(&vocabulary);
            let terms = crate::vocabulary::parse(&text).unwrap();
            assert_eq!(crate::vocabulary::write(&terms), text);
            assert_eq!(other.import_vocabulary(&terms).unwrap(), (5_000, 0));
            drop(terms);
            drop(vocabulary);
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn titles_sort_in_the_language_order_once_told_one() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let titles = ["chata", "hrad", "Cesta", "Čech", "ivan"];
    for (i, title) in titles.iter().enumerate() {
        let mut rec = record(&format!("/archive/{i}.jpg"), &format!("h{i}"));
        rec.description.title = Some((*title).to_owned());
        cat.store(&rec).unwrap();
    }
    let sorted = |cat: &Catalogue| -> Vec<String> {
        let ids: Vec<PhotoId> = cat
            .search_text("", SortKey::Title, None)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect();
        ids.iter()
            .map(|id| cat.photo(*id).unwrap().unwrap().description.title.unwrap())
            .collect()
    };
    // The command line's order: accent-blind code points.
    assert_eq!(sorted(&cat), ["Čech", "Cesta", "chata", "hrad", "ivan"]);
    cat.set_collation(Some(std::sync::Arc::new(crate::collation::Collation::new(
        "cs",
    ))));
    assert_eq!(sorted(&cat), ["Cesta", "Čech", "hrad", "chata", "ivan"]);
    cat.set_collation(None);
    assert_eq!(sorted(&cat), ["Čech", "Cesta", "chata", "hrad", "ivan"]);
}

/// Several programs opening a new catalogue at the same moment (two imports
/// started together) all open it: none fails at once because another holds
/// the lock for the moment it takes to switch the file to its write-ahead
/// log.
#[test]
fn a_new_catalogue_opened_by_several_at_once_opens_for_all() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.kartoteka");
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let openers: Vec<_> = (0..4)
            .map(|n| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::Builder::new()
                    .name(format!("opener {n}"))
                    .spawn(move || {
                        start.wait();
                        Catalogue::open(&path).map(drop).map_err(|e| e.to_string())
                    })
                    .unwrap()
            })
            .collect();
        for opener in openers {
            assert_eq!(opener.join().unwrap(), Ok(()), "round {round}");
        }
    }
}

#[test]
fn folders_count_the_photos_each_holds_directly() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let paths = [
        "/a/m.jpg",
        "/a/n/q.jpg",
        "/a/x.jpg",
        "/a/n/r.jpg",
        "/a/n/s/t.jpg",
        "/c.jpg",
        "/a b/u.jpg",
        "/a-b/v.jpg",
    ];
    let records: Vec<_> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| record(p, &format!("h{i}")))
        .collect();
    cat.store_batch(&records).unwrap();
    let folders: Vec<(String, u64)> = cat
        .folders()
        .unwrap()
        .into_iter()
        .map(|(f, n)| (f.display().to_string(), n))
        .collect();
    let want = [
        ("/", 1),
        ("/a", 2),
        ("/a b", 1),
        ("/a-b", 1),
        ("/a/n", 2),
        ("/a/n/s", 1),
    ];
    let mut want: Vec<(String, u64)> = want.iter().map(|(f, n)| ((*f).to_owned(), *n)).collect();
    want.sort_by(|a, b| std::path::Path::new(&a.0).cmp(std::path::Path::new(&b.0)));
    assert_eq!(folders, want);
}

/// A step with nothing to merge writes nothing: two windows open on one
/// catalogue would otherwise wake each other, each step of one looking to
/// the other like another program's change that sets it merging in turn.
#[test]
fn a_merge_step_with_nothing_to_merge_is_no_change_to_other_connections() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.kartoteka");
    let mut cat = twenty_photos_merged(&path);
    let other = Catalogue::open(&path).unwrap();
    let before = other.data_version().unwrap();
    for _ in 0..5 {
        assert_eq!(cat.tidy_search_index().unwrap(), Tidy::Done);
    }
    assert_eq!(
        other.data_version().unwrap(),
        before,
        "a step with nothing to merge looked like a change"
    );
}

/// A catalogue at `path` of twenty photos, its search index merged.
fn twenty_photos_merged(path: &std::path::Path) -> Catalogue {
    let mut cat = Catalogue::open(path).unwrap();
    let records: Vec<PhotoRecord> = (0..20)
        .map(|i| record(&format!("/archive/{i:02}.jpg"), &format!("h{i}")))
        .collect();
    cat.store_batch(&records).unwrap();
    while cat.tidy_search_index().unwrap() == Tidy::MoreToDo {}
    cat
}
