//! The operation log's identity and clock: which replica made each
//! operation, its number among that replica's, its time, and its author.

use rusqlite::Connection;
use serde_json::Value;

use super::clock::{Hlc, MAX_DRIFT_MILLIS};
use super::history::record_operation_at;
use super::replica::{AuthorError, MAX_AUTHOR_CHARS, checked_author};
use super::tests::record;
use super::*;
use crate::photo::{Attribute, Field};

/// Replica, number and packed time of every operation, oldest first.
fn log(cat: &Catalogue) -> Vec<(String, i64, i64)> {
    cat.conn
        .prepare("SELECT replica, seq, hlc FROM edit_operation ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn caption(cat: &mut Catalogue, photo: PhotoId, text: &str) {
    cat.edit(
        &[photo],
        &[Edit::Set(
            Attribute::Field(Field::Caption),
            Value::from(text),
        )],
        "edit",
        false,
    )
    .unwrap();
}

fn assert_strictly_increasing(times: &[i64]) {
    for pair in times.windows(2) {
        assert!(
            pair[0] < pair[1],
            "{} then {} in {times:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn the_replica_id_stays_across_reopening_and_differs_between_catalogues() {
    let dir = tempfile::tempdir().unwrap();
    let first = Catalogue::open(&dir.path().join("a.kartoteka"))
        .unwrap()
        .replica_id()
        .unwrap();
    assert_eq!(first.len(), 32, "{first}");
    assert!(
        first
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    let again = Catalogue::open(&dir.path().join("a.kartoteka"))
        .unwrap()
        .replica_id()
        .unwrap();
    assert_eq!(again, first);
    let other = Catalogue::open(&dir.path().join("b.kartoteka"))
        .unwrap()
        .replica_id()
        .unwrap();
    assert_ne!(other, first);
}

#[test]
fn operations_are_numbered_without_gaps_through_edits_undo_and_redo() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let photo = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    caption(&mut cat, photo, "Milovice, 1991");
    caption(&mut cat, photo, "Milovice, červen 1991");
    cat.undo().unwrap().unwrap();
    cat.undo().unwrap().unwrap();
    cat.redo().unwrap().unwrap();
    // Nothing to undo or redo makes no operation and takes no number.
    caption(&mut cat, photo, "Odsun vojsk");
    assert!(cat.redo().unwrap().is_none());
    cat.undo().unwrap().unwrap();

    let replica = cat.replica_id().unwrap();
    let log = log(&cat);
    assert_eq!(log.len(), 7);
    for (n, (made_by, seq, _)) in log.iter().enumerate() {
        assert_eq!(made_by, &replica);
        assert_eq!(*seq, n as i64 + 1, "{log:?}");
    }
    assert_strictly_increasing(&log.iter().map(|l| l.2).collect::<Vec<_>>());
    // One replica's number is never given twice.
    let twice = cat.conn.execute(
        "INSERT INTO edit_operation (at, source, summary, replica, seq, hlc)
         VALUES ('2026-11-30T14:02:00Z', 'edit', 'x', ?1, 3, 1)",
        [&replica],
    );
    assert!(twice.is_err(), "a second operation 3 of {replica}");
}

/// The wall clock is set back by an hour, stands, creeps back and jumps
/// ahead: `at` says what it read, while the operations' times only go up.
#[test]
fn operation_times_go_up_when_the_wall_clock_goes_back() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    // Ahead of the machine's clock, so that the edit made last at the real
    // time has to follow them.
    let start: u64 = 4_102_444_800_000; // 2100-01-01T00:00:00Z
    let walls = [
        start,
        start,
        start - MAX_DRIFT_MILLIS,
        start - MAX_DRIFT_MILLIS,
        start - 1,
        start + 250,
        0,
    ];
    for (n, wall) in walls.iter().enumerate() {
        let tx = cat.conn.transaction().unwrap();
        record_operation_at(&tx, "edit", &format!("operation {n}").into(), None, *wall).unwrap();
        tx.commit().unwrap();
    }
    let photo = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    caption(&mut cat, photo, "Milovice, 1991");

    let times: Vec<i64> = log(&cat).iter().map(|l| l.2).collect();
    assert_strictly_increasing(&times);
    let times: Vec<Hlc> = times
        .into_iter()
        .map(|t| Hlc::from_packed(t).unwrap())
        .collect();
    assert_eq!(
        times[0],
        Hlc {
            millis: start,
            counter: 0
        }
    );
    assert_eq!(
        times[1],
        Hlc {
            millis: start,
            counter: 1
        }
    );
    assert_eq!(
        times[4],
        Hlc {
            millis: start,
            counter: 4
        }
    );
    assert_eq!(
        times[5],
        Hlc {
            millis: start + 250,
            counter: 0
        }
    );
    assert_eq!(
        times[7],
        Hlc {
            millis: start + 250,
            counter: 2
        }
    );
    let at: Vec<String> = cat
        .conn
        .prepare("SELECT at FROM edit_operation ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(at[0], "2100-01-01T00:00:00Z");
    assert_eq!(at[2], "2099-12-31T23:00:00Z");
    assert_eq!(at[6], "1970-01-01T00:00:00Z");
}

/// A catalogue made by a Kartoteka of schema version 12, with operations
/// whose `at` stands still and goes back, is upgraded: its operations are
/// this replica's, numbered in order, timed by `at` and always later.
#[test]
fn an_upgraded_catalogue_numbers_and_times_its_operations_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.kartoteka");
    let mut conn = Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, 12).unwrap();
    conn.execute_batch(
        "INSERT INTO edit_operation (id, at, source, summary) VALUES
             (3, '2026-11-30T14:02:03Z', 'edit', 'Caption on 3 photos'),
             (4, '2026-11-30T14:02:03Z', 'edit', 'Rating 4 on 1 photo'),
             (7, '2026-11-30T14:01:59Z', 'undo', 'Undo: Rating 4 on 1 photo'),
             (8, '2026-11-30T14:05:00Z', 'edit', 'Flag pick on 2 photos');
         UPDATE edit_operation SET undone_by = 7 WHERE id = 4;
         UPDATE edit_operation SET reverts = 4 WHERE id = 7;",
    )
    .unwrap();
    drop(conn);

    let mut cat = Catalogue::open(&path).unwrap();
    assert_eq!(
        migrations::user_version(&cat.conn).unwrap(),
        migrations::LATEST_VERSION
    );
    let second = |hms: &str| -> u64 {
        let t: jiff::Timestamp = format!("2026-11-30T{hms}Z").parse().unwrap();
        t.as_millisecond() as u64
    };
    let at = |hms: &str, counter: u16| {
        Hlc {
            millis: second(hms),
            counter,
        }
        .packed()
    };
    let replica = cat.replica_id().unwrap();
    assert_eq!(
        log(&cat),
        [
            (replica.clone(), 1, at("14:02:03", 0)),
            (replica.clone(), 2, at("14:02:03", 1)),
            (replica.clone(), 3, at("14:02:03", 2)),
            (replica.clone(), 4, at("14:05:00", 0)),
        ]
    );
    // The history reads as before, with no author.
    let history = cat.history(None, 10).unwrap();
    assert_eq!(history.len(), 4);
    assert!(history.iter().all(|e| e.author.is_none()));
    assert_eq!(history[2].summary, "Rating 4 on 1 photo");
    assert!(history[2].undone);

    // The next operation goes on from there.
    let photo = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    caption(&mut cat, photo, "Milovice, 1991");
    let log = log(&cat);
    assert_eq!(log[4].0, replica);
    assert_eq!(log[4].1, 5);
    assert!(log[4].2 > log[3].2);
}

#[test]
fn an_empty_catalogue_upgraded_makes_its_replica_id() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrations::migrate_to(&mut conn, 12).unwrap();
    migrations::migrate(&mut conn).unwrap();
    let id: String = conn
        .query_row("SELECT id FROM local_replica", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id.len(), 32);
}

#[test]
fn operations_record_the_author_set_when_they_were_made() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let photo = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    assert_eq!(cat.author().unwrap(), None);
    caption(&mut cat, photo, "před");
    cat.set_author(Some("  Jana Nováková ")).unwrap();
    assert_eq!(cat.author().unwrap().as_deref(), Some("Jana Nováková"));
    caption(&mut cat, photo, "Milovice, 1991");
    cat.set_author(Some("Алексей")).unwrap();
    cat.undo().unwrap().unwrap();
    cat.set_author(None).unwrap();
    caption(&mut cat, photo, "po");

    let authors: Vec<(Option<String>, String)> = cat
        .history(None, 10)
        .unwrap()
        .into_iter()
        .map(|e| (e.author, e.summary))
        .collect();
    assert_eq!(
        authors,
        [
            (None, "Caption on 1 photo".to_owned()),
            (
                Some("Алексей".to_owned()),
                "Undo: Caption on 1 photo".to_owned()
            ),
            (
                Some("Jana Nováková".to_owned()),
                "Caption on 1 photo".to_owned()
            ),
            (None, "Caption on 1 photo".to_owned()),
        ]
    );
}

#[test]
fn an_author_is_one_line_of_a_name() {
    // Typed with combining accents, kept composed.
    assert_eq!(
        checked_author("Jana Nova\u{301}kova\u{301}").unwrap(),
        "Jana Nováková"
    );
    assert!(matches!(checked_author(" \t"), Err(AuthorError::Empty)));
    assert!(matches!(
        checked_author("Jana\nNováková"),
        Err(AuthorError::ControlCharacter)
    ));
    assert!(matches!(
        checked_author("Jana \u{1b}[31mNováková"),
        Err(AuthorError::ControlCharacter)
    ));
    let longest = "ж".repeat(MAX_AUTHOR_CHARS);
    assert_eq!(checked_author(&longest).unwrap(), longest);
    assert!(matches!(
        checked_author(&format!("{longest}ж")),
        Err(AuthorError::TooLong)
    ));
    let mut cat = Catalogue::open_in_memory().unwrap();
    cat.set_author(Some("Jana Nováková")).unwrap();
    assert!(cat.set_author(Some("")).is_err());
    assert_eq!(cat.author().unwrap().as_deref(), Some("Jana Nováková"));
}

/// A member who joined a team undoes and redoes their own operations only:
/// the creator's edits, which came with the snapshot, stay as they are.
#[test]
fn undo_and_redo_take_back_only_this_replicas_own_operations() {
    let dir = tempfile::tempdir().unwrap();
    let mut creator = Catalogue::open(&dir.path().join("creator.kartoteka")).unwrap();
    let photo = creator
        .store(&record("/archive/milovice.jpg", "h1"))
        .unwrap()
        .id();
    let imported = creator.photo(photo).unwrap().unwrap().description.caption;
    caption(&mut creator, photo, "Milovice, 1991");
    let copy = dir.path().join("member.kartoteka");
    creator.snapshot_into(&copy).unwrap();

    let mut member = Catalogue::open(&copy).unwrap();
    let caption_of = |cat: &Catalogue| cat.photo(photo).unwrap().unwrap().description.caption;
    // A copy of the file is the same replica and may undo what it holds.
    assert!(member.undo_redo().unwrap().0.is_some());
    member
        .become_new_replica("Jana Nováková", |_| None)
        .unwrap();
    assert_eq!(member.undo_redo().unwrap(), (None, None));
    assert!(member.undo().unwrap().is_none());
    assert_eq!(caption_of(&member).as_deref(), Some("Milovice, 1991"));

    caption(&mut member, photo, "Milovice, červen 1991");
    let undone = member.undo().unwrap().unwrap();
    assert_eq!(undone.summary, "Caption on 1 photo");
    assert_eq!(caption_of(&member).as_deref(), Some("Milovice, 1991"));
    // The undo reached its own operation and stops there.
    assert!(member.undo().unwrap().is_none());
    assert_eq!(caption_of(&member).as_deref(), Some("Milovice, 1991"));
    member.redo().unwrap().unwrap();
    assert_eq!(
        caption_of(&member).as_deref(),
        Some("Milovice, červen 1991")
    );
    assert!(member.redo().unwrap().is_none());
    member.undo().unwrap().unwrap();
    assert_eq!(member.undo_redo().unwrap().0, None);

    // The creator's own catalogue still undoes the creator's edit.
    creator.undo().unwrap().unwrap();
    assert_eq!(caption_of(&creator), imported);
}
