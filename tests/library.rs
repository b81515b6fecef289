//! The import API as the desktop app drives it: progress through a channel,
//! cancelling, and edits that survive a re-read.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{Env, fixtures};
use kartoteka::catalog::{Catalogue, ThumbnailStore};
use kartoteka::ingest::import::{ImportOptions, Progress, import};
use kartoteka::photo::{Field, FieldValue};

fn folder_of_copies(env: &Env, copies: usize) -> std::path::PathBuf {
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..copies {
        let mut bytes = std::fs::read(fixtures().join("archive/treaty-signing.jpg")).unwrap();
        bytes.extend_from_slice(format!("copy {n}").as_bytes());
        std::fs::write(dir.join(format!("{n:03}.jpg")), bytes).unwrap();
    }
    dir
}

#[test]
fn progress_arrives_through_a_channel_and_cancel_stops_cleanly() {
    let env = Env::new();
    let dir = folder_of_copies(&env, 40);
    let mut catalogue = Catalogue::open(&env.catalog).unwrap();
    let mut thumbs = ThumbnailStore::open_in_memory().unwrap();
    let options = ImportOptions {
        threads: 1,
        cancel: Arc::new(AtomicBool::new(false)),
    };
    let (sender, receiver) = crossbeam_channel::unbounded();
    let cancel = options.cancel.clone();
    let on_progress = move |p: Progress| {
        if let Progress::File { done: 5, .. } = p {
            cancel.store(true, Ordering::Relaxed);
        }
        sender.send(p).unwrap();
    };
    let summary = import(
        &mut catalogue,
        Some(&mut thumbs),
        std::slice::from_ref(&dir),
        &options,
        &on_progress,
    )
    .unwrap();
    assert!(summary.cancelled);
    assert!(
        summary.stored() >= 5 && summary.stored() < 40,
        "stored {}",
        summary.stored()
    );
    assert_eq!(catalogue.photo_count().unwrap() as usize, summary.stored());

    let events: Vec<Progress> = receiver.try_iter().collect();
    assert!(matches!(
        events[0],
        Progress::Started {
            total: 40,
            unchanged: 0
        }
    ));
    let files: Vec<usize> = events
        .iter()
        .filter_map(|p| match p {
            Progress::File {
                done, total: 40, ..
            } => Some(*done),
            _ => None,
        })
        .collect();
    assert_eq!(
        files,
        (1..=files.len()).collect::<Vec<_>>(),
        "done counts up by one"
    );

    // The next run picks up exactly where the cancelled one stopped.
    let again = import(
        &mut catalogue,
        Some(&mut thumbs),
        &[dir],
        &ImportOptions::default(),
        &|_| {},
    )
    .unwrap();
    assert!(!again.cancelled);
    assert_eq!(again.unchanged, summary.stored());
    assert_eq!(again.added.len(), 40 - summary.stored());
    assert_eq!(catalogue.photo_count().unwrap(), 40);
    assert_eq!(thumbs.count().unwrap(), 40);
}

#[test]
fn a_changed_file_is_reread_without_losing_catalogue_edits() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &["archive/dormitory-sewing.jpg"]);
    let file = dir.join("dormitory-sewing.jpg");
    let mut catalogue = Catalogue::open(&env.catalog).unwrap();
    let run = |catalogue: &mut Catalogue| {
        import(
            catalogue,
            None,
            std::slice::from_ref(&dir),
            &ImportOptions::default(),
            &|_| {},
        )
        .unwrap()
    };
    let first = run(&mut catalogue);
    let id = first.added[0];
    catalogue
        .set_field(
            id,
            Field::Caption,
            FieldValue::Text(Some("Milovice barracks, spring 1991.".into())),
        )
        .unwrap();
    catalogue
        .set_field(
            id,
            Field::Keywords,
            FieldValue::List(vec!["kasárna".into(), "Milovice".into()]),
        )
        .unwrap();

    // The file changes on disk (say, another tool rewrote it).
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.extend_from_slice(b"rewritten");
    std::fs::write(&file, bytes).unwrap();

    let second = run(&mut catalogue);
    assert_eq!(second.updated, [id]);
    let photo = catalogue.photo(id).unwrap().unwrap();
    assert_eq!(
        photo.description.caption.as_deref(),
        Some("Milovice barracks, spring 1991.")
    );
    assert_eq!(photo.description.keywords, ["kasárna", "Milovice"]);
    // Fields not edited still come from the file; the file facts are new.
    assert_eq!(
        photo.description.title.as_deref(),
        Some("Dormitory, soldier sewing")
    );
    assert_eq!(photo.file.size, std::fs::metadata(&file).unwrap().len());
    assert_eq!(
        catalogue.edited_fields(id).unwrap(),
        [Field::Caption, Field::Keywords].into_iter().collect()
    );
}
