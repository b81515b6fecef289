//! The desktop app, driven as a user would drive it (egui_kittest), on a
//! temporary catalogue imported from the archive fixtures.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kartoteka::catalog::{Catalogue, SortKey, ThumbnailStore};
use kartoteka::export::csv::Profile;
use kartoteka::export::set::Options as SetOptions;
use kartoteka::ingest::import::{ImportOptions, import};
use kartoteka::interop::{Source, Target};
use kartoteka::photo::PhotoId;
use kartoteka::ui::{Action, App, Settings, interop};

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/sidecar-only.jpg",
    "archive/sidecar-only.xmp",
    "archive/treaty-signing.jpg",
];

struct Fixture {
    env: common::Env,
    catalogue: PathBuf,
}

fn fixture() -> Fixture {
    let env = common::Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    let catalogue = env.catalog.clone();
    let mut cat = Catalogue::open(&catalogue).unwrap();
    let mut thumbs = ThumbnailStore::open(&cat.thumbnails_path().unwrap()).unwrap();
    import(
        &mut cat,
        Some(&mut thumbs),
        &[dir],
        &ImportOptions::default(),
        &|_| {},
    )
    .unwrap();
    Fixture { env, catalogue }
}

fn harness(f: &Fixture) -> Harness<'static, App> {
    let path = f.catalogue.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, Settings::default()));
    settle(&mut h);
    h
}

/// Steps the app until nothing is on its way (searches, edits, thumbnails).
/// Input queued by the test takes a few frames to be delivered (a click is
/// a press and a release), so those run first.
fn settle(h: &mut Harness<'static, App>) {
    h.run_steps(4);
    wait_for(h, "the app to settle", |app| app.is_settled());
}

fn wait_for(h: &mut Harness<'static, App>, what: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    loop {
        h.step();
        if done(h.state()) {
            // A few more frames, so what arrived is laid out and drawn.
            h.run_steps(3);
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Reads the catalogue the way a second program would, beside the app.
fn read(f: &Fixture) -> Catalogue {
    Catalogue::open(&f.catalogue).unwrap()
}

fn id_of(f: &Fixture, name: &str) -> PhotoId {
    read(f)
        .photos()
        .unwrap()
        .into_iter()
        .find(|p| p.file.path.ends_with(name))
        .unwrap()
        .id
}

#[test]
fn typing_a_query_shows_the_matching_count() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label_contains("5 photos").hover();
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("kyndrova -milovice");
    wait_for(&mut h, "the search", |app| {
        app.results.len() == 3 && app.is_settled()
    });
    h.get_by_label_contains("3 photos").hover();
    // A query that cannot be read says where.
    h.get_by_label("Search").type_text(" rating:>=9");
    settle(&mut h);
    h.get_by_label_contains("position").hover();
    assert_eq!(
        h.state().results.len(),
        3,
        "a bad query keeps the last results"
    );
    drop(f.env);
}

#[test]
fn clicking_and_rating_persists_to_the_catalogue() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("Dormitory, soldier sewing").click();
    settle(&mut h);
    h.key_press(Key::Num4);
    h.key_press(Key::P);
    h.key_press(Key::Num8);
    settle(&mut h);
    let photo = read(&f)
        .photo(id_of(&f, "dormitory-sewing.jpg"))
        .unwrap()
        .unwrap();
    assert_eq!(photo.curation.rating, 4);
    assert_eq!(photo.curation.flag, Some(kartoteka::photo::Flag::Pick));
    assert_eq!(photo.curation.label, Some(kartoteka::photo::Label::Green));
    // Only that photo.
    let others = read(&f)
        .search_text("rating:>0", SortKey::Imported, None)
        .unwrap();
    assert_eq!(others.len(), 1);
}

#[test]
fn editing_a_caption_of_many_changes_all_and_one_undo_reverts_all() {
    let f = fixture();
    let mut h = harness(&f);
    let before = read(&f).photos().unwrap();
    h.get_by_label("Dormitory, soldier sewing").click();
    h.run_steps(2);
    h.get_by_label("Last troops leave Slovakia")
        .click_modifiers(Modifiers::SHIFT);
    settle(&mut h);
    assert_eq!(h.state().selection.len(), 3);
    assert!(
        h.state().inspector.is_mixed("caption"),
        "captions differ: the field says (mixed)"
    );
    assert!(
        !h.state().inspector.is_mixed("creators"),
        "all three are Dana Kyndrová's"
    );
    let caption = h.get_by_label("Caption");
    caption.focus();
    caption.type_text("Soviet garrison, spring 1991.");
    h.key_press(Key::Enter);
    settle(&mut h);
    let captioned = read(&f)
        .search_text("caption:\"soviet garrison\"", SortKey::Imported, None)
        .unwrap();
    assert_eq!(captioned.len(), 3);
    // Enter moved on to the next photo, as in Photo Mechanic.
    assert_eq!(h.state().selection.len(), 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(
        read(&f).photos().unwrap(),
        before,
        "one undo restores all three"
    );
}

#[test]
fn a_set_is_created_filled_and_reordered() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("New set name").click();
    h.get_by_label("New set name").type_text("Odchod 1991");
    h.get_by_label("Create").click();
    settle(&mut h);
    h.get_by_label("Havel and Gorbachev sign the withdrawal agreement")
        .click();
    h.run_steps(2);
    h.get_by_label("Convoy at the border")
        .click_modifiers(Modifiers::COMMAND);
    h.run_steps(2);
    h.get_by_label("Last troops leave Slovakia")
        .click_modifiers(Modifiers::COMMAND);
    settle(&mut h);
    assert_eq!(h.state().selection.len(), 3);
    h.get_by_label("Odchod 1991  0").click_secondary();
    h.run_steps(2);
    h.get_by_label("Add the selected photos").click();
    settle(&mut h);
    let items = read(&f).set_items("Odchod 1991").unwrap();
    assert_eq!(items.len(), 3);

    // Open the set: it shows in set order. Drag its last photo to the front.
    h.get_by_label("Odchod 1991  3").click();
    wait_for(&mut h, "the set view", |app| {
        app.results.len() == 3 && app.is_settled()
    });
    let first = h
        .get_by_label("Havel and Gorbachev sign the withdrawal agreement")
        .rect();
    let last = h.get_by_label("Last troops leave Slovakia").rect();
    h.drag_at(last.center());
    h.run_steps(2);
    h.hover_at(last.center() + egui::vec2(0.0, -30.0));
    h.run_steps(2);
    h.hover_at(first.center());
    h.run_steps(2);
    h.drop_at(first.center());
    settle(&mut h);
    let order: Vec<PhotoId> = read(&f)
        .set_items("Odchod 1991")
        .unwrap()
        .iter()
        .map(|i| i.photo)
        .collect();
    assert_eq!(
        order[0],
        id_of(&f, "shopping-bags-formation.jpg"),
        "{order:?}"
    );
    assert_eq!(order.len(), 3);
}

#[test]
fn arrow_keys_move_the_selection() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("Havel and Gorbachev sign the withdrawal agreement")
        .click();
    settle(&mut h);
    let start = h.state().selection.focus().unwrap();
    let index = h.state().index_of(start).unwrap();
    h.key_press(Key::ArrowRight);
    settle(&mut h);
    let next = h.state().selection.focus().unwrap();
    assert_eq!(h.state().index_of(next), Some(index + 1));
    h.key_press(Key::ArrowLeft);
    settle(&mut h);
    assert_eq!(h.state().selection.focus(), Some(start));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    assert_eq!(h.state().selection.len(), 5);
}

#[test]
fn the_main_window_with_photos() {
    let f = fixture();
    let path = f.catalogue.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, Settings::default()));
    settle(&mut h);
    h.get_by_label("Dormitory, soldier sewing").click();
    settle(&mut h);
    h.remove_cursor();
    h.run_steps(2);
    h.snapshot("main_window");
}

#[test]
fn an_empty_catalogue_offers_to_import_and_a_missing_dialog_is_a_cancel() {
    let env = common::Env::new();
    let path = env.catalog.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, Settings::default()));
    settle(&mut h);
    h.get_by_label("This catalogue is empty").hover();
    // With no desktop portal here, the dialog answers "nothing chosen" and
    // the window carries on.
    h.get_by_label("Import a folder").click();
    settle(&mut h);
    assert!(h.state().import.is_none());
    h.get_by_label("Import a folder").hover();
}

/// A folder dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
struct DroppedFolder(PathBuf);

impl egui::DroppedFile for DroppedFolder {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder has no bytes".into())
    }
}

#[test]
fn dropping_a_folder_on_the_window_imports_it() {
    let env = common::Env::new();
    let dir = env.copy_fixtures(
        "dropped",
        &[
            "archive/treaty-signing.jpg",
            "archive/portraits-stacked.jpg",
        ],
    );
    let path = env.catalog.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, Settings::default()));
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedFolder(dir)));
    wait_for(&mut h, "the import", |app| {
        app.results.len() == 2 && app.is_settled()
    });
    h.get_by_label_contains("Imported 2 photos").hover();
}

/// Clicks a File menu item and waits for what it does (a window takes a
/// few frames to size itself and appear).
fn menu(h: &mut Harness<'static, App>, item: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, "File")
        .click();
    h.run_steps(2);
    h.get_by_label(item).click();
    settle(h);
}

fn rows(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

#[test]
fn a_csv_exported_edited_and_imported_is_shown_before_it_is_applied() {
    let f = fixture();
    let mut h = harness(&f);
    menu(&mut h, "Export CSV…");
    h.get_by_label("The result on screen (5 photos)").hover();
    // No desktop portal here: the save dialog is a cancel, nothing is written.
    h.get_by_label("Save as…").click();
    settle(&mut h);
    assert!(h.state().interop.export_csv.is_none());

    // What the dialog hands over when a file is chosen.
    let csv_path = f.env.path("katalog.csv");
    let ids = h.state().order.ids().to_vec();
    h.state_mut().apply(Action::ExportCsv {
        source: Source::Photos(ids),
        profile: Profile::Catalogue,
        path: csv_path.clone(),
    });
    settle(&mut h);
    h.get_by_label_contains("Exported 5 photos").hover();
    let (headers, mut data) = rows(&csv_path);
    assert_eq!(data.len(), 5);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let dormitory = data
        .iter()
        .position(|r| r[col("File")].ends_with("dormitory-sewing.jpg"))
        .unwrap();
    let credited = data
        .iter()
        .position(|r| {
            !r[col("Credit")].is_empty() && r[col("Title")] != data[dormitory][col("Title")]
        })
        .unwrap();
    // A spreadsheet user's edits: a two-line caption, a blanked credit.
    data[dormitory][col("Caption")] = "Šicí dílna, posádka Milovice\n— jaro 1991".into();
    data[credited][col("Credit")] = String::new();
    let mut w = csv::Writer::from_path(&csv_path).unwrap();
    w.write_record(&headers).unwrap();
    for r in &data {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    drop(w);

    let before = read(&f).photos().unwrap();
    h.state_mut()
        .apply(Action::PreviewCsv(interop::first_request(csv_path.clone())));
    settle(&mut h);
    h.get_by_label_contains("Would change 1 photo (1 value)")
        .hover();
    h.get_by_label("Šicí dílna, posádka Milovice ⏎ — jaro 1991")
        .hover();
    assert_eq!(
        read(&f).photos().unwrap(),
        before,
        "a preview changes nothing"
    );

    // Blank cells clearing is a choice; the preview follows it.
    h.get_by_label("Empty cells clear fields").click();
    settle(&mut h);
    h.get_by_label_contains("Would change 2 photos (2 values)")
        .hover();
    h.get_by_label("Apply 2 changes").click();
    settle(&mut h);
    assert!(h.state().interop.preview.is_none());
    let photo = read(&f)
        .photo(id_of(&f, "dormitory-sewing.jpg"))
        .unwrap()
        .unwrap();
    assert_eq!(
        photo.description.caption.as_deref(),
        Some("Šicí dílna, posádka Milovice\n— jaro 1991")
    );
    let cleared = read(&f)
        .search_text("has:credit", SortKey::Imported, None)
        .unwrap()
        .len();
    let had = before
        .iter()
        .filter(|p| p.description.credit.is_some())
        .count();
    assert_eq!(cleared, had - 1);

    // One import, one undo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(read(&f).photos().unwrap(), before);
}

#[test]
fn sidecars_copies_and_embedding_from_the_file_menu() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("Dormitory, soldier sewing").click();
    settle(&mut h);
    let photo = read(&f)
        .photo(id_of(&f, "dormitory-sewing.jpg"))
        .unwrap()
        .unwrap();
    let original = std::fs::read(&photo.file.path).unwrap();

    menu(&mut h, "Write XMP sidecars for the selection");
    settle(&mut h);
    h.get_by_label_contains("Wrote 1 XMP sidecar").hover();
    let sidecar = photo.file.path.with_extension("xmp");
    let xmp = std::fs::read_to_string(&sidecar).unwrap();
    assert!(xmp.contains("Dana Kyndrová"), "{xmp}");
    assert_eq!(std::fs::read(&photo.file.path).unwrap(), original);

    let copies = f.env.path("copies");
    let ids = h.state().selection.in_order(&h.state().order);
    h.state_mut().apply(Action::WriteMetadata {
        photos: ids,
        target: Target::Copies(copies.clone()),
    });
    settle(&mut h);
    assert!(copies.join("dormitory-sewing.jpg").is_file());

    // The originals only after asking, and then with a backup.
    menu(&mut h, "Embed metadata in the selected originals…");
    h.get_by_label_contains("into 1 original file.").hover();
    h.get_by_label("Embed in 1 file").click();
    settle(&mut h);
    let rewritten = std::fs::read(&photo.file.path).unwrap();
    assert_ne!(rewritten, original);
    let backup = photo
        .file
        .path
        .with_file_name(".dormitory-sewing.jpg.kartoteka-backup");
    assert_eq!(std::fs::read(backup).unwrap(), original);
    let after = read(&f).photo(photo.id).unwrap().unwrap();
    assert_eq!(
        after.file.hash,
        blake3::hash(&rewritten).to_hex().to_string(),
        "the catalogue knows the file it wrote"
    );
}

#[test]
fn a_set_exports_from_its_menu_in_the_sidebar() {
    let f = fixture();
    {
        let mut cat = read(&f);
        cat.create_set("Odchod 1991").unwrap();
        let ids = [
            id_of(&f, "shopping-bags-formation.jpg"),
            id_of(&f, "treaty-signing.jpg"),
        ];
        cat.add_to_set("Odchod 1991", &ids).unwrap();
    }
    let mut h = harness(&f);
    h.get_by_label("Odchod 1991  2").click_secondary();
    h.run_steps(2);
    h.get_by_label("Export the set…").click();
    settle(&mut h);
    h.get_by_label("Leave out GPS positions").click();
    h.run_steps(2);
    // No portal: the folder dialog is a cancel.
    h.get_by_label("Choose a folder and export…").click();
    settle(&mut h);
    assert!(h.state().interop.set_export.is_none());

    let out = f.env.path("exhibition");
    h.state_mut().apply(Action::ExportSet {
        name: "Odchod 1991".into(),
        dir: out.clone(),
        options: SetOptions {
            long_edge: Some(400),
            strip_gps: true,
        },
    });
    settle(&mut h);
    h.get_by_label_contains("Exported 2 of 2 photos").hover();
    assert_eq!(
        common::file_names(&out),
        [
            "01-last-troops-leave-slovakia.jpg",
            "02-havel-and-gorbachev-sign-the-withdrawal-agreement.jpg",
            "checklist.csv",
            "contact-sheet.html"
        ]
    );
}

#[test]
fn the_catalogue_optimizes_from_the_file_menu_and_still_searches() {
    let f = fixture();
    let mut h = harness(&f);
    settle(&mut h);
    menu(&mut h, "Optimize the catalogue");
    settle(&mut h);
    h.get_by_label_contains("Optimized the catalogue in")
        .hover();
    h.state_mut().apply(Action::Search("kyndrova".into(), None));
    settle(&mut h);
    assert!(!h.state().order.is_empty());
}
