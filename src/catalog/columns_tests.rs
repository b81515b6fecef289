//! The search columns saved beside the catalogue and kept in step through
//! its change log: every kind of change is caught up with by re-reading only
//! the photos it changed, and a copy that cannot be trusted is never used.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::edit::Edit;
use super::query::SortKey;
use super::tests::record;
use super::*;
use crate::photo::{Attribute, Field, PhotoRecord};

const PHOTOS: usize = 300;

fn batch(from: usize, to: usize) -> Vec<PhotoRecord> {
    (from..to)
        .map(|i| {
            let mut r = record(&format!("/archive/{i:04}.jpg"), &format!("h{i}"));
            r.description.date_created = Some(format!("19{:02}", 50 + i % 40));
            r.description.city = Some(["Milovice", "Olomouc", "Zvolen"][i % 3].into());
            r
        })
        .collect()
}

fn ids(list: impl IntoIterator<Item = i64>) -> Vec<PhotoId> {
    list.into_iter().map(PhotoId).collect()
}

/// A catalogue of [`PHOTOS`] photos at `dir`/c.kartoteka, closed.
fn catalogue(dir: &Path) -> PathBuf {
    let path = dir.join("c.kartoteka");
    let mut cat = Catalogue::open(&path).unwrap();
    cat.store_batch(&batch(0, PHOTOS)).unwrap();
    path
}

fn saved_copy(path: &Path) -> PathBuf {
    columns::saved::path_beside(path)
}

const QUERIES: &[&str] = &[
    "",
    "rating:>=3",
    "flag:pick",
    "date:1960..1969",
    "city:olomouc",
    "keyword:military",
    "has:title",
];

/// What the queries find, sorted three ways, with their facets.
fn answers(cat: &Catalogue) -> Vec<String> {
    let mut out = Vec::new();
    for q in QUERIES {
        for sort in [SortKey::Depicted, SortKey::Rating, SortKey::Imported] {
            out.push(format!(
                "{q} {sort}: {:?}",
                cat.search_text(q, sort, None).unwrap()
            ));
        }
        let facets = cat.facets(&crate::search::parse(q).unwrap()).unwrap();
        out.push(format!("{q} facets: {facets:?}"));
    }
    out
}

/// What a catalogue read whole, without the saved copy, answers.
fn answers_read_whole(path: &Path) -> Vec<String> {
    let _ = std::fs::remove_file(saved_copy(path));
    let cat = Catalogue::open(path).unwrap();
    assert_eq!(
        cat.search_rows_read().unwrap(),
        cat.stats().unwrap().photos,
        "read whole"
    );
    answers(&cat)
}

/// Opens the catalogue from its saved copy and checks that it re-read
/// exactly `rows` photos to catch up, and answers as one read whole.
fn reopened_catches_up(path: &Path, rows: u64, when: &str) {
    assert!(saved_copy(path).is_file(), "a copy is saved before {when}");
    let cat = Catalogue::open(path).unwrap();
    assert_eq!(
        cat.search_rows_read().unwrap(),
        rows,
        "rows re-read after {when}"
    );
    let caught_up = answers(&cat);
    drop(cat);
    assert_eq!(caught_up, answers_read_whole(path), "after {when}");
}

#[test]
fn the_next_catalogue_starts_from_the_saved_columns_and_catches_up_with_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalogue(dir.path());
    let whole = answers_read_whole(&path);
    // Read whole, then saved: the next one reads no row at all.
    let cat = Catalogue::open(&path).unwrap();
    assert_eq!(cat.search_rows_read().unwrap(), 0);
    assert_eq!(answers(&cat), whole);
    drop(cat);

    // Edits made by a catalogue that never searched.
    let mut cat = Catalogue::open(&path).unwrap();
    cat.edit(
        &ids([3, 7, 21]),
        &[Edit::Set(Attribute::Rating, Value::from(4))],
        "edit",
        false,
    )
    .unwrap();
    cat.edit(
        &ids([7, 8]),
        &[
            Edit::Set(Attribute::Flag, Value::from("pick")),
            Edit::Set(Attribute::Field(Field::Title), Value::Null),
        ],
        "edit",
        false,
    )
    .unwrap();
    drop(cat);
    reopened_catches_up(&path, 4, "edits");

    let mut cat = Catalogue::open(&path).unwrap();
    cat.edit(
        &ids([5, 6]),
        &[Edit::AddKeyword("Subjects|Military|Tanks".into())],
        "edit",
        false,
    )
    .unwrap();
    drop(cat);
    reopened_catches_up(&path, 2, "a keyword added");

    let mut cat = Catalogue::open(&path).unwrap();
    cat.undo().unwrap();
    cat.undo().unwrap();
    drop(cat);
    reopened_catches_up(&path, 4, "two undos");

    let mut cat = Catalogue::open(&path).unwrap();
    cat.redo().unwrap();
    cat.redo().unwrap();
    drop(cat);
    reopened_catches_up(&path, 4, "two redos");

    let mut cat = Catalogue::open(&path).unwrap();
    cat.store_batch(&batch(PHOTOS, PHOTOS + 5)).unwrap();
    drop(cat);
    reopened_catches_up(&path, 5, "an import");

    let mut cat = Catalogue::open(&path).unwrap();
    cat.merge_keywords("Subjects|Military|Tanks", "Subjects|Military|Barracks")
        .unwrap();
    drop(cat);
    reopened_catches_up(&path, 2, "a keyword merged");
}

#[test]
fn another_connections_change_is_caught_up_by_reading_only_the_changed_photos() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalogue(dir.path());
    let open = Catalogue::open(&path).unwrap();
    let before = open.search_rows_read().unwrap();
    assert_eq!(before, PHOTOS as u64);

    let mut other = Catalogue::open(&path).unwrap();
    other
        .edit(
            &ids([10, 11, 12]),
            &[Edit::Set(Attribute::Rating, Value::from(5))],
            "edit",
            false,
        )
        .unwrap();
    let found = open
        .search_text("rating:5", SortKey::Imported, None)
        .unwrap();
    assert_eq!(
        found.iter().map(|h| h.id).collect::<Vec<_>>(),
        ids([10, 11, 12])
    );
    assert_eq!(open.search_rows_read().unwrap(), before + 3);

    // Its own change the same way.
    let mut open = open;
    open.edit(
        &ids([1]),
        &[Edit::Set(Attribute::Rating, Value::from(5))],
        "edit",
        false,
    )
    .unwrap();
    assert_eq!(
        open.search_text("rating:5", SortKey::Imported, None)
            .unwrap()
            .len(),
        4
    );
    assert_eq!(open.search_rows_read().unwrap(), before + 4);
    drop(other);
    drop(open);
    assert_eq!(
        answers(&Catalogue::open(&path).unwrap()),
        answers_read_whole(&path)
    );
}

#[test]
fn columns_saved_for_another_copy_of_the_catalogue_are_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalogue(dir.path());
    let older = dir.path().join("older.kartoteka");
    std::fs::copy(&path, &older).unwrap();

    // The columns are saved after an edit of the first copy ...
    let mut cat = Catalogue::open(&path).unwrap();
    cat.edit(
        &ids(1..=40),
        &[Edit::Set(Attribute::Rating, Value::from(3))],
        "edit",
        false,
    )
    .unwrap();
    drop(cat);
    let _ = answers_read_whole(&path);
    let saved = std::fs::read(saved_copy(&path)).unwrap();

    // ... then the older copy is restored in its place and edited
    // otherwise, further than the first: the log's numbers pass the copy's
    // place, with other changes.
    for end in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{end}", path.display()));
    }
    std::fs::copy(&older, &path).unwrap();
    let mut cat = Catalogue::open(&path).unwrap();
    cat.edit(
        &ids(100..=160),
        &[Edit::Set(Attribute::Flag, Value::from("reject"))],
        "edit",
        false,
    )
    .unwrap();
    drop(cat);
    std::fs::write(saved_copy(&path), saved).unwrap();
    let cat = Catalogue::open(&path).unwrap();
    assert_eq!(cat.search_rows_read().unwrap(), PHOTOS as u64, "read whole");
    assert!(
        cat.search_text("rating:3", SortKey::Imported, None)
            .unwrap()
            .is_empty()
    );
    let answered = answers(&cat);
    drop(cat);
    assert_eq!(answered, answers_read_whole(&path));
}

#[test]
fn columns_further_behind_than_the_log_remembers_are_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalogue(dir.path());
    let _ = answers_read_whole(&path);
    let mut cat = Catalogue::open(&path).unwrap();
    cat.edit(
        &ids([2]),
        &[Edit::Set(Attribute::Rating, Value::from(1))],
        "edit",
        false,
    )
    .unwrap();
    // The log forgets everything up to the change before the newest.
    cat.conn
        .execute(
            "DELETE FROM photo_change WHERE seq < (SELECT max(seq) FROM photo_change)",
            [],
        )
        .unwrap();
    drop(cat);
    let cat = Catalogue::open(&path).unwrap();
    assert_eq!(cat.search_rows_read().unwrap(), PHOTOS as u64);
    assert_eq!(
        cat.search_text("rating:1", SortKey::Imported, None)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_log_forgets_its_oldest_changes_and_keeps_counting() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    cat.store_batch(&batch(0, 3)).unwrap();
    // Numbers are taken up to just before a multiple of 65,536, as if
    // millions of changes had been made.
    let jump = 40 * 65536 - 1;
    cat.conn
        .execute(
            "INSERT INTO photo_change (seq, photo_id) VALUES (?1, 1)",
            [jump],
        )
        .unwrap();
    cat.edit(
        &ids([1, 2, 3]),
        &[Edit::Set(Attribute::Rating, Value::from(2))],
        "edit",
        false,
    )
    .unwrap();
    let (oldest, newest, count): (i64, i64, i64) = cat
        .conn
        .query_row(
            "SELECT min(seq), max(seq), count(*) FROM photo_change",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // Reaching 40 × 65,536 forgot everything 2,097,152 changes older: here,
    // all that came before the jump. The numbers go on from there.
    assert_eq!(oldest, jump);
    assert!(newest >= jump + 3, "{newest}");
    assert_eq!(count, newest - jump + 1);
}

#[test]
fn nothing_is_saved_onto_the_catalogue_or_a_photo_it_catalogues() {
    let dir = tempfile::tempdir().unwrap();
    // A catalogue whose copy's name would be its own.
    let own = dir.path().join("x.search-columns");
    let mut cat = Catalogue::open(&own).unwrap();
    cat.store_batch(&batch(0, 5)).unwrap();
    assert_eq!(
        cat.search_text("", SortKey::Imported, None).unwrap().len(),
        5
    );
    drop(cat);
    assert_eq!(
        Catalogue::open(&own).unwrap().stats().unwrap().photos,
        5,
        "the catalogue is whole"
    );

    // A photo catalogued where the copy would go.
    let path = dir.path().join("c.kartoteka");
    let photo = saved_copy(&path);
    std::fs::write(&photo, b"a photo").unwrap();
    let mut cat = Catalogue::open(&path).unwrap();
    let mut r = record(photo.to_str().unwrap(), "hp");
    r.file.path = photo.clone();
    cat.store_batch(&[r]).unwrap();
    assert_eq!(
        cat.search_text("", SortKey::Imported, None).unwrap().len(),
        1
    );
    drop(cat);
    assert_eq!(std::fs::read(&photo).unwrap(), b"a photo");

    // The same photo, the catalogue opened through a linked folder.
    let linked = dir.path().join("linked");
    std::os::unix::fs::symlink(dir.path(), &linked).unwrap();
    let cat = Catalogue::open(&linked.join("c.kartoteka")).unwrap();
    assert_eq!(
        cat.search_text("", SortKey::Imported, None).unwrap().len(),
        1
    );
    drop(cat);
    assert_eq!(std::fs::read(&photo).unwrap(), b"a photo");
}

#[test]
fn a_link_where_the_copy_goes_is_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalogue(dir.path());
    let elsewhere = dir.path().join("someone-elses.jpg");
    std::fs::write(&elsewhere, b"not ours").unwrap();
    std::os::unix::fs::symlink(&elsewhere, saved_copy(&path)).unwrap();
    let _ = Catalogue::open(&path)
        .unwrap()
        .search_text("", SortKey::Imported, None)
        .unwrap();
    assert_eq!(std::fs::read(&elsewhere).unwrap(), b"not ours");
    let copy = std::fs::symlink_metadata(saved_copy(&path)).unwrap();
    assert!(copy.is_file(), "the link was replaced by the copy");
    assert_eq!(
        Catalogue::open(&path).unwrap().search_rows_read().unwrap(),
        0
    );
}

/// A large catalogue's searches are split among the processor's cores; the
/// parts must find together exactly what one whole search does.
#[test]
fn a_search_split_in_parts_finds_what_a_whole_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&catalogue(dir.path())).unwrap();
    let end = PHOTOS + 1;
    for expression in [
        "\"milovice\"",
        "\"zvolen\" OR \"olomouc\"",
        "\"no-such-word\"",
    ] {
        let whole: Vec<i64> = cat.full_text(expression, end, 1).unwrap().concat();
        for parts in [2, 3, 4] {
            let split = cat.full_text(expression, end, parts).unwrap();
            assert_eq!(split.len(), parts, "{expression}");
            assert_eq!(split.concat(), whole, "{expression} in {parts} parts");
        }
        if expression != "\"no-such-word\"" {
            assert!(whole.len() >= PHOTOS / 3, "{expression}: {}", whole.len());
        }
    }
    // Ids past the end are found too: the last part has no upper bound.
    let milovice = cat.full_text("\"milovice\"", end, 1).unwrap().concat();
    assert_eq!(
        cat.full_text("\"milovice\"", 10, 3).unwrap().concat(),
        milovice
    );

    let columns = cat.columns().unwrap();
    let some = columns.select_in_parts(&columns.all(), |id| !id.is_multiple_of(5), 1);
    for parts in [1, 2, 3, 7] {
        let keep = |id: usize| id.is_multiple_of(3);
        let whole = columns.select_in_parts(&columns.all(), keep, 1);
        assert_eq!(whole.count_ones(..), PHOTOS / 3);
        assert_eq!(columns.select_in_parts(&columns.all(), keep, parts), whole);
        // Within a set that leaves out some photos of each word.
        let mut within_some = whole.clone();
        within_some.intersect_with(&some);
        assert_eq!(columns.select_in_parts(&some, keep, parts), within_some);
    }
}
