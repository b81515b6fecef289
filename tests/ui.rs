//! The desktop app, driven as a user would drive it (egui_kittest), on a
//! temporary catalogue imported from the archive fixtures. What the tests
//! check is read back from the catalogue the way a second program would,
//! never from the window's own state alone.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kartoteka::catalog::{Catalogue, SortKey, ThumbnailStore};
use kartoteka::ingest::import::{ImportOptions, import};
use kartoteka::interop::Target;
use kartoteka::photo::{Flag, Photo, PhotoId};
use kartoteka::ui::i18n::Language;
use kartoteka::ui::theme::Theme;
use kartoteka::ui::{Action, App, Settings, interop};

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/sidecar-only.jpg",
    "archive/sidecar-only.xmp",
    "archive/treaty-signing.jpg",
];

/// The titles in the grid's first order (depicted date, undated last).
const TREATY: &str = "Havel and Gorbachev sign the withdrawal agreement";
const DORMITORY: &str = "Dormitory, soldier sewing";
const CONVOY: &str = "Convoy at the border";
const LAST_TROOPS: &str = "Last troops leave Slovakia";
const PORTRAITS: &str = "Portraits by the door";

const SHIFT_COMMAND: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

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

/// Settings as a new window has them, in English whatever the machine's
/// locale (the tests read English labels).
fn english() -> Settings {
    Settings {
        language: Some(Language::English),
        ..Settings::default()
    }
}

fn harness(f: &Fixture) -> Harness<'static, App> {
    harness_with(f, [1280.0, 800.0], english())
}

fn harness_with(f: &Fixture, size: [f32; 2], settings: Settings) -> Harness<'static, App> {
    let path = f.catalogue.clone();
    let mut h = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, settings));
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
    wait_up_to(h, Duration::from_secs(30), what, done);
}

fn wait_up_to(
    h: &mut Harness<'static, App>,
    limit: Duration,
    what: &str,
    done: impl Fn(&App) -> bool,
) {
    let started = Instant::now();
    loop {
        h.step();
        if done(h.state()) {
            // A few more frames, so what arrived is laid out and drawn.
            h.run_steps(3);
            return;
        }
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Reads the catalogue the way a second program would, beside the app.
fn read(f: &Fixture) -> Catalogue {
    Catalogue::open(&f.catalogue).unwrap()
}

fn id_of(f: &Fixture, name: &str) -> PhotoId {
    photo(f, name).id
}

fn photo(f: &Fixture, name: &str) -> Photo {
    read(f)
        .photos()
        .unwrap()
        .into_iter()
        .find(|p| p.file.path.ends_with(name))
        .unwrap()
}

fn set_order(f: &Fixture, set: &str) -> Vec<PhotoId> {
    read(f)
        .set_items(set)
        .unwrap()
        .iter()
        .map(|i| i.photo)
        .collect()
}

/// Clicks an item of one of the menus at the top and waits for what it does.
fn menu(h: &mut Harness<'static, App>, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run_steps(2);
    h.get_by_label_contains(item).click();
    settle(h);
}

/// Puts the keyboard in a field of the inspector.
fn focus(h: &mut Harness<'static, App>, field: &str) {
    h.get_by_label(field).focus();
    h.run_steps(2);
}

/// A catalogue with one exhibition set holding three photos, in this order.
fn with_set(f: &Fixture) -> [PhotoId; 3] {
    let ids = [
        id_of(f, "treaty-signing.jpg"),
        id_of(f, "sidecar-only.jpg"),
        id_of(f, "shopping-bags-formation.jpg"),
    ];
    let mut cat = read(f);
    cat.create_set("Odchod 1991").unwrap();
    cat.add_to_set("Odchod 1991", &ids).unwrap();
    ids
}

/// Presses at a point and lets go, as a mouse click.
fn click_at(h: &mut Harness<'static, App>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(2);
}

/// Types as a keyboard does: for each character a key press and the
/// character, so that a key that is also a shortcut is seen as both.
fn keyboard_type(h: &Harness<'static, App>, text: &str) {
    for c in text.chars() {
        let name = match c {
            ' ' => "Space".to_owned(),
            c => c.to_uppercase().to_string(),
        };
        let key = Key::from_name(&name);
        if let Some(key) = key {
            h.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
        h.event(egui::Event::Text(c.to_string()));
        if let Some(key) = key {
            h.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: false,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
    }
}

#[test]
fn typing_a_query_shows_the_matching_count() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label_contains("5 photos").hover();
    h.get_by_label("Search").click();
    h.get_by_label("Search").type_text("kyndrova -milovice");
    wait_for(&mut h, "the search", |app| {
        app.results().len() == 3 && app.is_settled()
    });
    h.get_by_label_contains("3 photos").hover();
    // A query that cannot be read says where.
    h.get_by_label("Search").type_text(" rating:>=9");
    settle(&mut h);
    h.get_by_label_contains("position").hover();
    assert_eq!(
        h.state().results().len(),
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
    assert_eq!(h.state().selection().len(), 3);
    assert!(
        h.state().inspector().is_mixed("caption"),
        "captions differ: the field says (mixed)"
    );
    assert!(
        !h.state().inspector().is_mixed("creators"),
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
    assert_eq!(h.state().selection().len(), 1);

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
    assert_eq!(h.state().selection().len(), 3);
    h.get_by_label("Odchod 1991  0").click_secondary();
    h.run_steps(2);
    h.get_by_label("Add the selected photos").click();
    settle(&mut h);
    let items = read(&f).set_items("Odchod 1991").unwrap();
    assert_eq!(items.len(), 3);

    // Open the set: it shows in set order. Drag its last photo to the front.
    h.get_by_label("Odchod 1991  3").click();
    wait_for(&mut h, "the set view", |app| {
        app.results().len() == 3 && app.is_settled()
    });
    let first = h
        .get_by_label("Havel and Gorbachev sign the withdrawal agreement")
        .rect();
    let last = h.get_by_label("Last troops leave Slovakia").rect();
    h.get_by_label("Last troops leave Slovakia").click();
    settle(&mut h);
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
    let start = h.state().selection().focus().unwrap();
    let index = h.state().index_of(start).unwrap();
    h.key_press(Key::ArrowRight);
    settle(&mut h);
    let next = h.state().selection().focus().unwrap();
    assert_eq!(h.state().index_of(next), Some(index + 1));
    h.key_press(Key::ArrowLeft);
    settle(&mut h);
    assert_eq!(h.state().selection().focus(), Some(start));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    assert_eq!(h.state().selection().len(), 5);
}

#[test]
fn the_main_window_with_photos() {
    let f = fixture();
    let path = f.catalogue.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, english()));
    settle(&mut h);
    h.get_by_label("Dormitory, soldier sewing").click();
    settle(&mut h);
    h.remove_cursor();
    h.run_steps(2);
    h.snapshot("main_window");
}

#[test]
fn an_empty_catalogue_offers_to_import_and_without_a_file_chooser_asks_for_a_path() {
    let env = common::Env::new();
    let photos = env.copy_fixtures("photos", &["archive/treaty-signing.jpg"]);
    let path = env.catalog.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, english()));
    settle(&mut h);
    h.get_by_label("This catalogue is empty").hover();
    // No desktop portal and no zenity here: the system chooser cannot open.
    // The window says so and asks for the path itself; nothing is silent.
    h.get_by_label("Import a folder").click();
    wait_for(&mut h, "the path field", |app| app.dialog_open());
    h.get_by_label_contains("The system file chooser did not open")
        .hover();
    let field = h.get_by_label("Path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field.type_text(&photos.display().to_string());
    h.run_steps(2);
    h.key_press(Key::Enter);
    wait_for(&mut h, "the import", |app| {
        app.results().len() == 1 && app.is_settled()
    });
    // The next time, the path field comes at once.
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run_steps(2);
    h.get_by_label_contains("Import a folder…").click();
    h.run_steps(4);
    assert!(h.state().dialog_open());
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(!h.state().dialog_open(), "Esc cancels the path field");
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
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, english()));
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedFolder(dir)));
    wait_for(&mut h, "the import", |app| {
        app.results().len() == 2 && app.is_settled()
    });
    h.get_by_label_contains("Imported 2 photos").hover();
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
    menu(&mut h, "File", "Export CSV…");
    h.get_by_label("The result on screen (5 photos)").hover();
    // No file chooser here: the path field asks where, with a name offered.
    h.get_by_label("Save as…").click();
    wait_for(&mut h, "the path field", |app| app.dialog_open());
    assert!(h.state().interop().export_csv.is_none());
    let csv_path = f.env.path("katalog.csv");
    let field = h.get_by_label("Path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field.type_text(&csv_path.display().to_string());
    h.run_steps(2);
    h.get_by_label("OK").click();
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
    assert!(h.state().interop().preview.is_none());
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

    // The Edit menu names the import as the command line's history does.
    let english = read(&f).undo_redo().unwrap().0.expect("the import to undo");
    assert!(english.starts_with("CSV import of "), "{english}");
    undo_as_the_command_line_says(&mut h, &f);

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

    menu(&mut h, "File", "Write XMP sidecars for the selection");
    settle(&mut h);
    h.get_by_label_contains("Wrote 1 XMP sidecar").hover();
    let sidecar = photo.file.path.with_extension("xmp");
    let xmp = std::fs::read_to_string(&sidecar).unwrap();
    assert!(xmp.contains("Dana Kyndrová"), "{xmp}");
    assert_eq!(std::fs::read(&photo.file.path).unwrap(), original);

    let copies = f.env.path("copies");
    let ids = h.state().selection().in_order(h.state().order());
    h.state_mut().apply(Action::WriteMetadata {
        photos: ids,
        target: Target::Copies(copies.clone()),
    });
    settle(&mut h);
    assert!(copies.join("dormitory-sewing.jpg").is_file());

    // The originals only after asking, and then with a backup.
    menu(&mut h, "File", "Embed metadata in the selected originals…");
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
    // No file chooser: the folder is typed, and made if it is new.
    h.get_by_label("Choose a folder and export…").click();
    wait_for(&mut h, "the path field", |app| app.dialog_open());
    assert!(h.state().interop().set_export.is_none());
    let out = f.env.path("exhibition");
    let field = h.get_by_label("Path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field.type_text(&out.display().to_string());
    h.run_steps(2);
    h.key_press(Key::Enter);
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
    menu(&mut h, "File", "Optimize the catalogue");
    settle(&mut h);
    h.get_by_label_contains("Optimized the catalogue in")
        .hover();
    h.state_mut().apply(Action::Search("kyndrova".into(), None));
    settle(&mut h);
    assert!(!h.state().order().is_empty());
}

// ---------------------------------------------------------------------------
// The cataloguer's desk: each of these once went wrong.

#[test]
fn the_keyword_form_confirms_with_enter_cancels_with_escape_and_lets_go_of_the_keyboard() {
    let f = fixture();
    // Tall enough for the whole keyword list.
    let mut h = harness_with(&f, [1280.0, 1600.0], english());
    h.get_by_label("Barracks  1").click_secondary();
    h.run_steps(2);
    h.get_by_label("Rename or move…").click();
    wait_for(&mut h, "the form", |app| app.dialog_open());
    // The field has the keyboard at once and takes what is typed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("New name or path").type_text("Kasárna");
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(&mut h);
    assert!(!h.state().dialog_open());
    let paths: Vec<String> = read(&f)
        .keywords()
        .unwrap()
        .into_iter()
        .map(|k| k.path)
        .collect();
    assert!(
        paths.contains(&"Subjects|Military|Kasárna".to_owned()),
        "{paths:?}"
    );

    // Esc abandons; the keys after it reach the photos again.
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    h.get_by_label("Kasárna  1").click_secondary();
    h.run_steps(2);
    h.get_by_label("Merge into…").click();
    wait_for(&mut h, "the form", |app| app.dialog_open());
    h.get_by_label("Merge into").type_text("convoy");
    h.run_steps(2);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(!h.state().dialog_open());
    h.key_press(Key::Num3);
    settle(&mut h);
    assert_eq!(photo(&f, "dormitory-sewing.jpg").curation.rating, 3);
    assert!(
        read(&f)
            .keywords()
            .unwrap()
            .iter()
            .any(|k| k.path == "Subjects|Military|Kasárna"),
        "nothing merged"
    );

    // A click outside the form cancels it too.
    h.get_by_label("Kasárna  1").click_secondary();
    h.run_steps(2);
    h.get_by_label("Merge into…").click();
    wait_for(&mut h, "the form", |app| app.dialog_open());
    h.get_by_label("Merge into").type_text("x");
    click_at(&mut h, egui::pos2(20.0, 1500.0));
    settle(&mut h);
    assert!(!h.state().dialog_open());
}

#[test]
fn enter_in_the_caption_puts_the_caret_in_the_next_photos_caption() {
    let f = fixture();
    let mut h = harness(&f);
    let second = photo(&f, "dormitory-sewing.jpg");
    h.get_by_label(TREATY).click();
    settle(&mut h);
    focus(&mut h, "Caption");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Caption")
        .type_text("Podpis dohody o odchodu vojsk");
    h.key_press(Key::Enter);
    // Straight on, before anything has settled: keys that would be
    // shortcuts in the grid (x rejects, 4 rates, space opens the viewer,
    // p picks) go into the next caption.
    h.run_steps(1);
    keyboard_type(&h, " x4 p");
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    let first = photo(&f, "treaty-signing.jpg");
    assert_eq!(
        first.description.caption.as_deref(),
        Some("Podpis dohody o odchodu vojsk")
    );
    // The next caption was selected, as a field entered with Tab is: what
    // was typed replaced it.
    let after = photo(&f, "dormitory-sewing.jpg");
    assert_eq!(after.description.caption.as_deref(), Some(" x4 p"));
    assert_eq!(after.curation, second.curation, "no shortcut fired");
    assert!(h.state().viewer().is_none());
    // And on to the third: the caret is in its caption.
    assert_eq!(
        h.state().selection().focus(),
        Some(id_of(&f, "sidecar-only.jpg"))
    );
    assert!(h.ctx.egui_wants_keyboard_input());
}

#[test]
fn leaving_a_set_brings_back_the_order_and_a_saved_set_order_never_starts_a_window() {
    let f = fixture();
    with_set(&f);
    let mut h = harness(&f);
    h.state_mut().apply(Action::Sort(SortKey::Title.into()));
    settle(&mut h);
    h.get_by_label("Odchod 1991  3").click();
    settle(&mut h);
    assert_eq!(h.state().sort().key, SortKey::SetOrder);
    h.get_by_label_contains("All photographs").click();
    settle(&mut h);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(
        h.state().sort().key,
        SortKey::Title,
        "the order before the set"
    );
    // A search typed while a set is shown leaves it the same way.
    h.get_by_label("Odchod 1991  3").click();
    settle(&mut h);
    h.get_by_label("Search").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Search").type_text("kyndrova");
    settle(&mut h);
    assert_eq!(h.state().results().len(), 4);
    assert_eq!(h.state().sort().key, SortKey::Title);
    assert!(h.query_by_label_contains("needs a set").is_none());

    // Settings saved while a set was shown (by an older version) open on
    // the library, never on "No photos match".
    let saved = Settings {
        sort: "set".into(),
        ..english()
    };
    let mut h = harness_with(&f, [1280.0, 800.0], saved);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(h.state().settings().sort().key, SortKey::Depicted);
    assert!(h.query_by_label("No photos match.").is_none());
    h.run_steps(1);
}

#[test]
fn set_changes_are_undone_and_redone_in_their_order() {
    let f = fixture();
    let ids = with_set(&f);
    let mut h = harness(&f);
    h.get_by_label("Odchod 1991  3").click();
    settle(&mut h);
    // A wall label, then a photo removed with Delete: immediate, and undoable.
    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.state_mut()
        .apply(Action::Worker(kartoteka::ui::Command::SetNote {
            set: "Odchod 1991".into(),
            photo: ids[1],
            note: "Hranice, únor 1991".into(),
        }));
    settle(&mut h);
    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.key_press(Key::Delete);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), [ids[0], ids[2]]);
    h.get_by_label_contains("Ctrl+Z puts it back").hover();
    // An unrelated caption edit earlier must not be what undo takes back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), ids);
    let items = read(&f).set_items("Odchod 1991").unwrap();
    assert_eq!(items[1].note.as_deref(), Some("Hranice, únor 1991"));
    h.get_by_label_contains("Undid: Removed 1 photo").hover();
    // Redo with Ctrl+Shift+Z removes it again; it never undoes twice.
    h.key_press_modifiers(SHIFT_COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), [ids[0], ids[2]]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), ids);
    // Ctrl+Y is redo too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), [ids[0], ids[2]]);
    h.get_by_label_contains("Redid: Removed 1 photo").hover();
}

#[test]
fn escape_leaves_a_field_without_saving() {
    let f = fixture();
    let mut h = harness(&f);
    let before = photo(&f, "dormitory-sewing.jpg");
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    focus(&mut h, "Title");
    h.get_by_label("Title").type_text(" (draft)");
    h.run_steps(2);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert_eq!(photo(&f, "dormitory-sewing.jpg"), before);
    assert_eq!(
        h.state().inspector().text("title"),
        before.description.title.as_deref(),
        "the field shows what the photo holds again"
    );
    assert!(!h.ctx.egui_wants_keyboard_input(), "Esc left the field");
    // A second Esc, with no field, selects none.
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.state().selection().is_empty());
}

#[test]
fn a_depicted_date_that_cannot_be_read_stays_in_its_field_marked() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    focus(&mut h, "Date depicted");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Date depicted").type_text("June 1991");
    h.run_steps(2);
    h.key_press(Key::Tab);
    settle(&mut h);
    assert_eq!(
        photo(&f, "dormitory-sewing.jpg")
            .description
            .date_created
            .as_deref(),
        Some("1991"),
        "nothing saved"
    );
    assert_eq!(
        h.state().inspector().text("date_created"),
        Some("June 1991")
    );
    h.get_by_label_contains("Accepted: 1991, 1991-06, 1991-06-21")
        .hover();
    // Corrected, it saves.
    focus(&mut h, "Date depicted");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Date depicted").type_text("1991-06");
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(
        photo(&f, "dormitory-sewing.jpg")
            .description
            .date_created
            .as_deref(),
        Some("1991-06")
    );
    assert!(h.query_by_label_contains("Accepted:").is_none());
}

#[test]
fn all_tags_reads_at_full_width_and_never_widens_the_inspector() {
    let f = fixture();
    // Tall enough to see the tags without scrolling the inspector.
    let mut h = harness_with(&f, [1280.0, 2000.0], english());
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    let title = h.get_by_label("Title").rect();
    let grid = h.state().grid_layout().0;
    h.get_by_label_contains("All tags").click();
    settle(&mut h);
    assert_eq!(
        h.get_by_label("Title").rect(),
        title,
        "the inspector kept its width"
    );
    assert_eq!(h.state().grid_layout().0, grid, "the grid kept its columns");
    // A long value reads on lines as wide as the panel, not a syllable a line.
    let value = h.get_by_label_contains("The Russians: The Withdrawal");
    assert!(
        value.rect().width() > title.width() * 0.8,
        "{:?} against {:?}",
        value.rect(),
        title
    );
}

#[test]
fn the_full_size_view_is_a_loupe() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.key_press(Key::Space);
    settle(&mut h);
    let area = egui::vec2(1280.0, 800.0);
    let viewer = h.state().viewer().expect("open");
    let fitted = viewer.scale(area).unwrap();
    assert!(fitted < 1.0, "1296 x 968 fits 1280 x 800 smaller: {fitted}");
    // The caption and credit show on the band.
    h.get_by_label_contains("A convoy of BMP carriers").hover();
    // Z is 100 %: decoded at full resolution.
    h.key_press(Key::Z);
    settle(&mut h);
    let viewer = h.state().viewer().unwrap();
    assert_eq!(viewer.scale(area), Some(1.0));
    assert_eq!(viewer.full_resolution(), Some(egui::vec2(1296.0, 968.0)));
    // The wheel zooms in further.
    h.hover_at(egui::pos2(640.0, 300.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(6);
    assert!(h.state().viewer().unwrap().scale(area).unwrap() > 1.0);
    // Rating, flag and label keys work here as in the grid.
    h.key_press(Key::Num5);
    h.key_press(Key::P);
    h.key_press(Key::Num7);
    settle(&mut h);
    let convoy = photo(&f, "sidecar-only.jpg");
    assert_eq!(convoy.curation.rating, 5);
    assert_eq!(convoy.curation.flag, Some(Flag::Pick));
    assert_eq!(convoy.curation.label, Some(kartoteka::photo::Label::Yellow));
    // Z again fits; Esc goes back.
    h.key_press(Key::Z);
    h.run_steps(2);
    assert!(h.state().viewer().unwrap().scale(area).unwrap() < 1.0);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.state().viewer().is_none());
}

#[test]
fn the_table_sorts_both_ways_chooses_columns_and_scrolls_sideways() {
    let f = fixture();
    let mut h = harness(&f);
    h.key_press(Key::T);
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Title").click();
    settle(&mut h);
    let titles = |h: &Harness<'static, App>| -> Vec<String> {
        h.state()
            .results()
            .iter()
            .map(|p| p.title.clone().unwrap_or_default())
            .collect()
    };
    let ascending = titles(&h);
    let mut sorted = ascending.clone();
    sorted.sort();
    assert_eq!(ascending, sorted);
    h.get_by_label("Title ▲").click();
    settle(&mut h);
    let descending = titles(&h);
    sorted.reverse();
    assert_eq!(descending, sorted, "a second click reverses");
    h.get_by_label("Title ▼").hover();
    // Columns: the Credit column is chosen from a heading's menu.
    assert!(h.query_by_label("Credit").is_none());
    h.get_by_label("Title ▼").click_secondary();
    h.run_steps(2);
    h.get_by_role_and_label(Role::CheckBox, "Credit").click();
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);
    // Eight columns are wider than the space between the panels: the last
    // one is out to the right, and the table scrolls sideways to it.
    let credit = h.get_by_label("Credit");
    let caption = h.get_by_label_contains("Caption").rect();
    assert!(credit.rect().left() > caption.right());
    credit.scroll_to_me();
    h.run_steps(3);
    h.get_by_label("Credit").click();
    settle(&mut h);
    assert_eq!(
        h.state().sort().key,
        SortKey::Text(kartoteka::photo::Field::Credit)
    );
    h.get_by_label("ČT24").hover();
}

#[test]
fn ctrl_f_selects_the_query_so_typing_replaces_it() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("Search").focus();
    h.get_by_label("Search").type_text("kyndrova");
    settle(&mut h);
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("Search").type_text("havel");
    settle(&mut h);
    assert_eq!(h.state().query(), "havel");
    assert_eq!(h.state().results().len(), 1);
}

#[test]
fn counts_are_in_words_with_the_right_number() {
    let f = fixture();
    with_set(&f);
    let mut h = harness(&f);
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    h.get_by_label_contains("5 photos · 1 selected").hover();
    h.key_press(Key::Num4);
    settle(&mut h);
    h.get_by_label("Rating 4 on dormitory-sewing.jpg").hover();
    h.get_by_label("Odchod 1991  3").click();
    settle(&mut h);
    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.key_press(Key::Backspace);
    settle(&mut h);
    h.get_by_label_contains("Removed 1 photo from “Odchod 1991”")
        .hover();
    assert!(h.query_by_label_contains("1 photos").is_none());
}

#[test]
fn errors_look_like_errors_and_messages_name_the_photo_they_are_about() {
    let f = fixture();
    with_set(&f);
    let mut h = harness(&f);
    h.get_by_label(TREATY).click();
    settle(&mut h);
    h.key_press(Key::Num2);
    settle(&mut h);
    // The message names the photo changed, whatever is selected after.
    h.get_by_label("Rating 2 on treaty-signing.jpg").hover();
    h.key_press(Key::ArrowRight);
    settle(&mut h);
    h.get_by_label("Rating 2 on treaty-signing.jpg").hover();
    // A set name taken already: an error, marked and dismissable.
    h.get_by_label("New set name").focus();
    h.get_by_label("New set name").type_text("Odchod 1991");
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("already exists").hover();
    assert!(h.state().status().error_text().is_some());
    h.get_by_label("Dismiss this error").click();
    settle(&mut h);
    assert!(h.state().status().error_text().is_none());
}

/// A refusal from the catalogue is said in the window's language with the
/// name it concerns: in Czech word for word, and in the pseudo-language
/// wrapped like every message, with nothing of it left unwrapped.
#[test]
fn an_error_from_the_catalogue_is_said_in_the_windows_language() {
    let f = fixture();
    with_set(&f);
    // The set's name first: the photos' words include its year.
    let mut data = vec!["Odchod 1991".to_owned()];
    data.extend(catalogue_words(&f));
    for language in [Language::Czech, Language::Pseudo] {
        let strings = kartoteka::ui::i18n::Strings::of(language);
        let settings = Settings {
            language: Some(language),
            ..Settings::default()
        };
        let mut h = harness_with(&f, [1280.0, 800.0], settings);
        let field = strings.format("set-new-name", None);
        h.get_by_label(&field).focus();
        h.get_by_label(&field).type_text("Odchod 1991");
        h.key_press(Key::Enter);
        settle(&mut h);
        let error = h.state().status().error_text().map(str::to_owned);
        match language {
            Language::Czech => assert_eq!(
                error.as_deref(),
                Some("sada nebo uložené hledání „Odchod 1991“ už existuje")
            ),
            _ => {
                let error = error.expect("the status bar shows an error");
                assert_eq!(
                    error,
                    "⟦a set or saved search named “Odchod 1991” already exists⟧"
                );
                h.get_by_label_contains(&error).hover();
                let mut seen = 0;
                let unwrapped = unwrapped_texts(&h, &data, &mut seen);
                assert!(unwrapped.is_empty(), "{unwrapped:#?}");
            }
        }
    }
}

#[test]
fn photos_dropped_on_a_set_arrive_in_the_order_of_the_grid() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label("New set name").focus();
    h.get_by_label("New set name").type_text("Výstava");
    h.key_press(Key::Enter);
    settle(&mut h);
    // Chosen last to first; the last clicked is the one in focus.
    h.get_by_label(LAST_TROOPS).click();
    h.run_steps(2);
    h.get_by_label(DORMITORY)
        .click_modifiers(Modifiers::COMMAND);
    h.run_steps(2);
    h.get_by_label(TREATY).click_modifiers(Modifiers::COMMAND);
    settle(&mut h);
    let from = h.get_by_label(TREATY).rect().center();
    let to = h.get_by_label("Výstava  0").rect().center();
    h.drag_at(from);
    h.run_steps(2);
    h.hover_at(from + egui::vec2(0.0, 40.0));
    h.run_steps(2);
    h.hover_at(to);
    h.run_steps(2);
    h.drop_at(to);
    settle(&mut h);
    assert_eq!(
        set_order(&f, "Výstava"),
        [
            id_of(&f, "treaty-signing.jpg"),
            id_of(&f, "dormitory-sewing.jpg"),
            id_of(&f, "shopping-bags-formation.jpg")
        ]
    );
}

#[test]
fn the_selection_can_be_cleared_three_ways() {
    let f = fixture();
    let mut h = harness(&f);
    let before = read(&f).photos().unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    assert_eq!(h.state().selection().len(), 5);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.state().selection().is_empty());
    // A stray digit now rates nothing.
    h.key_press(Key::Num3);
    settle(&mut h);
    assert_eq!(read(&f).photos().unwrap(), before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    settle(&mut h);
    assert!(h.state().selection().is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    // Empty grid space, below the last row.
    let below = h.get_by_label(PORTRAITS).rect().center() + egui::vec2(0.0, 260.0);
    click_at(&mut h, below);
    settle(&mut h);
    assert!(h.state().selection().is_empty());
}

#[test]
fn long_titles_are_cut_with_an_ellipsis_and_whole_in_a_tooltip() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label(TREATY).hover();
    // The tooltip, after a moment, shows the whole title the cell cut.
    let mut shown = false;
    for _ in 0..120 {
        h.step();
        if h.query_all_by_label(TREATY).count() >= 2 {
            shown = true;
            break;
        }
    }
    assert!(shown, "the tooltip holds the whole title");
    // A title that fits has no tooltip.
    h.get_by_label(PORTRAITS).hover();
    for _ in 0..120 {
        h.step();
    }
    assert_eq!(h.query_all_by_label(PORTRAITS).count(), 1);
}

#[test]
fn the_sidebar_fits_a_small_window_with_the_results_counts_in_sight() {
    let f = fixture();
    {
        // A long vocabulary: 300 keywords.
        let mut list = String::from("Places\n");
        for n in 0..300 {
            list.push_str(&format!("\tObec {n:03}\n"));
        }
        let terms = kartoteka::vocabulary::parse(&list).unwrap();
        read(&f).import_vocabulary(&terms).unwrap();
    }
    let mut h = harness_with(&f, [1024.0, 700.0], english());
    for heading in [
        "Exhibition sets",
        "Saved searches",
        "In this result",
        "Keyword list",
    ] {
        let rect = h.get_by_label(heading).rect();
        assert!(rect.bottom() < 700.0, "{heading} is out of sight: {rect:?}");
    }
    h.get_by_label("Undated, 1 in this result").hover();
    // Sections fold and stay folded.
    h.get_by_label("Keyword list").click();
    settle(&mut h);
    assert!(h.query_by_label("Obec 000  0").is_none());
    assert!(h.state().settings().is_collapsed("sidebar/keywords"));
    // Keyword counts can follow the result.
    h.get_by_label("Keyword list").click();
    settle(&mut h);
    // With the sections above folded, the tree has the panel.
    for heading in [
        "Library",
        "Exhibition sets",
        "Saved searches",
        "In this result",
    ] {
        h.get_by_label(heading).click();
        h.run_steps(2);
    }
    settle(&mut h);
    h.get_by_label("Collapse Places").click();
    settle(&mut h);
    h.get_by_label("Search").focus();
    h.get_by_label("Search").type_text("convoy");
    settle(&mut h);
    h.get_by_label("this result").click();
    settle(&mut h);
    h.get_by_label("Subjects  1").hover();
}

#[test]
fn another_programs_change_shows_without_a_new_search() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    let id = id_of(&f, "dormitory-sewing.jpg");
    let mut other = read(&f);
    other
        .set_field(
            id,
            kartoteka::photo::Field::Title,
            kartoteka::photo::FieldValue::Text(Some("Ložnice, voják šije".into())),
        )
        .unwrap();
    wait_for(&mut h, "the grid to follow", |app| {
        app.results()
            .iter()
            .any(|p| p.title.as_deref() == Some("Ložnice, voják šije"))
    });
    settle(&mut h);
    h.get_by_label("Ložnice, voják šije").hover();
    assert_eq!(
        h.state().inspector().text("title"),
        Some("Ložnice, voják šije")
    );
    // Typing in a field while the catalogue changes elsewhere: what is
    // typed stays, and Enter saves it.
    focus(&mut h, "Caption");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Caption")
        .type_text("Ložnice, Milovice 1991");
    h.run_steps(2);
    other
        .set_field(
            id,
            kartoteka::photo::Field::City,
            kartoteka::photo::FieldValue::Text(Some("Milovice-Mladá".into())),
        )
        .unwrap();
    wait_for(&mut h, "the city to follow", |app| {
        app.inspector().text("city") == Some("Milovice-Mladá")
    });
    assert_eq!(
        h.state().inspector().text("caption"),
        Some("Ložnice, Milovice 1991")
    );
    h.key_press(Key::Tab);
    settle(&mut h);
    assert_eq!(
        photo(&f, "dormitory-sewing.jpg")
            .description
            .caption
            .as_deref(),
        Some("Ložnice, Milovice 1991")
    );
    other.undo().unwrap(); // the city
    other.undo().unwrap(); // the caption typed here
    // The other program undoes: both follow again.
    other.undo().unwrap();
    wait_for(&mut h, "the undo to show", |app| {
        app.results()
            .iter()
            .any(|p| p.title.as_deref() == Some(DORMITORY))
    });
    settle(&mut h);
    assert_eq!(h.state().inspector().text("title"), Some(DORMITORY));
}

#[test]
fn every_menu_item_with_a_shortcut_shows_it_and_f1_opens_the_keyboard_reference() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run_steps(2);
    h.get_by_label_contains("Ctrl+Shift+Z").hover();
    h.get_by_label_contains("Ctrl+D").hover();
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press(Key::F1);
    h.run_steps(3);
    h.get_by_label("Keyboard").hover();
    h.get_by_label("Redo what was undone").hover();
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label("Redo what was undone").is_none());
}

/// The archivist's morning, from the keyboard: two captions, a rating, a
/// keyword, a set of three put in order with a wall label; then five undos
/// and two redos. The catalogue, read as another program would, holds
/// exactly what is left.
#[test]
fn a_captioning_session_from_the_keyboard() {
    let f = fixture();
    let mut h = harness(&f);
    let original = read(&f).photos().unwrap();
    let [treaty, dormitory, convoy] = [
        id_of(&f, "treaty-signing.jpg"),
        id_of(&f, "dormitory-sewing.jpg"),
        id_of(&f, "sidecar-only.jpg"),
    ];
    let caption =
        |f: &Fixture, id: PhotoId| read(f).photo(id).unwrap().unwrap().description.caption;
    // 1, 2: two captions, Enter between.
    h.get_by_label(TREATY).click();
    settle(&mut h);
    focus(&mut h, "Caption");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Caption")
        .type_text("Václav Havel a Michail Gorbačov podepisují dohodu");
    h.key_press(Key::Enter);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Caption")
        .type_text("Ložnice v kasárnách, Milovice 1991");
    h.key_press(Key::Enter);
    settle(&mut h);
    // 3: the caret went on to the convoy's caption; Esc leaves it, 4 rates.
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press(Key::Num4);
    settle(&mut h);
    // 4: a keyword.
    focus(&mut h, "Add keyword");
    h.get_by_label("Add keyword").type_text("Poslední vlak");
    h.key_press(Key::Enter);
    settle(&mut h);
    // 5, 6: a set, with three photos.
    h.get_by_label("New set name").focus();
    h.get_by_label("New set name").type_text("Odchod 1991");
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label(TREATY).click();
    h.run_steps(2);
    h.get_by_label(CONVOY).click_modifiers(Modifiers::SHIFT);
    settle(&mut h);
    h.get_by_label("Odchod 1991  0").click_secondary();
    h.run_steps(2);
    h.get_by_label("Add the selected photos").click();
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), [treaty, dormitory, convoy]);
    // 7: reorder, the convoy first.
    h.get_by_label("Odchod 1991  3").click();
    settle(&mut h);
    let first = h.get_by_label(TREATY).rect().center();
    let last = h.get_by_label(CONVOY).rect().center();
    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.drag_at(last);
    h.run_steps(2);
    h.hover_at(last + egui::vec2(0.0, -30.0));
    h.run_steps(2);
    h.hover_at(first);
    h.run_steps(2);
    h.drop_at(first);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), [convoy, treaty, dormitory]);
    // 8: a wall label for the dormitory.
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    h.get_by_label("Wall label in “Odchod 1991”").focus();
    h.get_by_label("Wall label in “Odchod 1991”")
        .type_text("Milovice, červen 1991. Poslední noc v kasárnách.");
    h.key_press(Key::Tab);
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);

    // Five undos: the wall label, the order, the three added, the set, the keyword.
    for _ in 0..5 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        settle(&mut h);
    }
    // Two redos, the last undone first: the keyword, then the set (empty:
    // the photos' adding stays undone).
    for _ in 0..2 {
        h.key_press_modifiers(SHIFT_COMMAND, Key::Z);
        settle(&mut h);
    }

    let cat = read(&f);
    assert_eq!(
        caption(&f, treaty).as_deref(),
        Some("Václav Havel a Michail Gorbačov podepisují dohodu")
    );
    assert_eq!(
        caption(&f, dormitory).as_deref(),
        Some("Ložnice v kasárnách, Milovice 1991")
    );
    let convoy_now = cat.photo(convoy).unwrap().unwrap();
    assert_eq!(convoy_now.curation.rating, 4);
    assert!(
        convoy_now
            .description
            .keywords
            .contains(&"Poslední vlak".to_owned()),
        "the keyword was redone"
    );
    assert!(
        cat.set_items("Odchod 1991").unwrap().is_empty(),
        "the set is back, its photos' adding still undone"
    );
    // Everything else is as it was.
    for p in cat.photos().unwrap() {
        if ![treaty, dormitory, convoy].contains(&p.id) {
            assert!(original.contains(&p), "{} changed", p.file.path.display());
        }
    }
    let history: Vec<String> = cat
        .history(None, 20)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(history[0], "Redo: Created set “Odchod 1991”");
    assert_eq!(history[1], "Redo: Keyword Poslední vlak on 1 photo");
    assert_eq!(history[2], "Undo: Keyword Poslední vlak on 1 photo");
}

/// The captioning scenario with the keyboard alone, no pointer at all: the
/// arrows choose a photo, F2 puts the keyboard in its caption (Tab saves
/// it), 4 rates it, Ctrl+K adds a keyword, Ctrl+B adds it to a set chosen
/// by name with the arrows, and Ctrl+Z takes that last step back.
#[test]
fn the_captioning_scenario_with_the_keyboard_alone() {
    let f = fixture();
    let in_set = with_set(&f);
    let mut h = harness(&f);
    let dormitory = id_of(&f, "dormitory-sewing.jpg");
    // The first arrow selects the first photo, the second the next one;
    // F2 at once, before its details have come, still finds its caption.
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::ArrowRight);
    h.key_press(Key::F2);
    settle(&mut h);
    assert_eq!(h.state().inspector().photos(), [dormitory]);
    keyboard_type(&h, "Ložnice v kasárnách, Milovice 1991");
    h.run_steps(2);
    // Tab saves the caption and goes on to the next field; Esc leaves it.
    h.key_press(Key::Tab);
    settle(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press(Key::Num4);
    settle(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    keyboard_type(&h, "Poslední vlak");
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run_steps(2);
    keyboard_type(&h, "odch");
    h.run_steps(2);
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    h.get_by_label("Enter adds them to “Odchod 1991”.").hover();
    h.key_press(Key::Enter);
    settle(&mut h);
    let mut grown = in_set.to_vec();
    grown.push(dormitory);
    assert_eq!(set_order(&f, "Odchod 1991"), grown);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(set_order(&f, "Odchod 1991"), in_set, "the adding is undone");
    let now = read(&f).photo(dormitory).unwrap().unwrap();
    assert_eq!(
        now.description.caption.as_deref(),
        Some("Ložnice v kasárnách, Milovice 1991")
    );
    assert_eq!(now.curation.rating, 4);
    assert!(
        now.description
            .keywords
            .contains(&"Poslední vlak".to_owned()),
        "{:?}",
        now.description.keywords
    );
}

/// While a catalogue that has photos is still loading, the window says it
/// is loading, never that the catalogue is empty or that nothing matches:
/// frame by frame from the first one until the photos are shown. (20,000
/// photos, so that loading them spans many frames.)
#[test]
fn a_catalogue_with_photos_never_looks_empty_while_it_loads() {
    use kartoteka::photo::{Description, FileInfo, ImageFormat, PhotoRecord, Technical};
    const PHOTOS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.kartoteka");
    let records: Vec<PhotoRecord> = (0..PHOTOS)
        .map(|i| PhotoRecord {
            file: FileInfo {
                path: format!("/archive/box-{:03}/{i:06}.tif", i / 1000).into(),
                size: 1_000,
                mtime_ns: i as i64,
                hash: format!("{i:064x}"),
                format: ImageFormat::Tiff,
                sidecar: None,
            },
            technical: Technical::default(),
            description: Description {
                caption: Some(format!("Odsun vojsk, snímek {i}")),
                ..Description::default()
            },
            tags: vec![],
            warnings: vec![],
            claims: vec![],
        })
        .collect();
    Catalogue::open(&path)
        .unwrap()
        .store_batch(&records)
        .unwrap();

    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, english()));
    let started = Instant::now();
    let mut loading_frames = 0;
    loop {
        h.step();
        for misleading in [
            "This catalogue is empty",
            "No photos match.",
            "All photographs  0",
            "0 photos",
        ] {
            assert!(
                h.query_by_label(misleading).is_none(),
                "frame {loading_frames} says “{misleading}” while loading"
            );
        }
        if h.state().is_settled() && !h.state().results().is_empty() {
            break;
        }
        loading_frames += 1;
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the photos never came"
        );
    }
    assert!(loading_frames > 1, "loading took {loading_frames} frames");
    h.get_by_label_contains("All photographs  20").hover();

    // The window holds the summaries of the photos near the screen, not of
    // all 20,000, and reads the others as the grid comes to them.
    assert_eq!(h.state().results().len(), PHOTOS);
    let held = h.state().results().held();
    assert!(held < PHOTOS / 2, "{held} summaries held");
    h.event(egui::Event::PointerMoved(egui::pos2(600.0, 400.0)));
    while h.state().grid_layout().1.end < PHOTOS {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -4800.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the grid never reached the end"
        );
    }
    settle(&mut h);
    let last = h.state().results().get(PHOTOS - 1).cloned();
    let last = last.expect("the last photo's summary is read once it is on screen");
    h.get_by_label(last.title.as_deref().unwrap_or(&last.file_name))
        .hover();
    let held = h.state().results().held();
    assert!(held < PHOTOS / 2, "{held} summaries held after the scroll");
}

/// A fast typist (or a window slow to draw) can have the last letters and
/// Enter arrive in one frame: the keyword added is the whole of what was
/// typed, not what the field held a frame before.
#[test]
fn a_keyword_typed_and_entered_in_one_frame_is_added_whole() {
    let f = fixture();
    let mut h = harness(&f);
    let dormitory = id_of(&f, "dormitory-sewing.jpg");
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::ArrowRight);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    keyboard_type(&h, "Odsun ");
    h.run_steps(2);
    // "vojsk" and Enter in the same frame (the harness would otherwise
    // run a frame for each event).
    let events = &mut h.input_mut().events;
    events.push(egui::Event::Text("vojsk".into()));
    for pressed in [true, false] {
        events.push(egui::Event::Key {
            key: Key::Enter,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    settle(&mut h);
    let keywords = read(&f)
        .photo(dormitory)
        .unwrap()
        .unwrap()
        .description
        .keywords;
    assert!(keywords.contains(&"Odsun vojsk".to_owned()), "{keywords:?}");
}

/// Tab moves the keyboard from control to control, Shift+Tab back, and
/// Space presses the control that has it: here the sidebar's "Without
/// caption", reached from the search field with Tab alone.
#[test]
fn tab_walks_the_controls_and_space_presses_one() {
    let f = fixture();
    let mut h = harness(&f);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert!(h.get_by_label("Search").is_focused());
    let mut reached = false;
    for _ in 0..20 {
        h.key_press(Key::Tab);
        h.run_steps(2);
        if h.get_by_label("Without caption  0").is_focused() {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the sidebar");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(2);
    assert!(h.get_by_label("Missing files  0").is_focused());
    h.key_press(Key::Tab);
    h.run_steps(2);
    h.key_press(Key::Space);
    settle(&mut h);
    assert_eq!(h.state().query(), "missing:caption");
}

// Catalogues from the window: new, open, recent, back up, quit, the first
// launch and a damaged catalogue.

/// Clicks a menu item that opens a dialog (the app is not settled until
/// the dialog is answered).
fn menu_item(h: &mut Harness<'static, App>, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run_steps(2);
    h.get_by_label_contains(item).click();
    h.run_steps(2);
}

/// Types a path into Kartoteka's own path field (there is no system file
/// chooser here) and presses Enter.
fn answer_path(h: &mut Harness<'static, App>, path: &std::path::Path) {
    wait_for(h, "the path field", |app| app.dialog_open());
    let field = h.get_by_label("Path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
}

fn wait_for_catalogue(h: &mut Harness<'static, App>, path: &std::path::Path) {
    let want = path.to_owned();
    wait_for(h, "the catalogue to open", move |app| {
        app.catalogue() == Some(want.as_path()) && app.is_settled()
    });
}

fn harness_starting(
    start: kartoteka::ui::Start,
    default: Option<PathBuf>,
    settings: Settings,
) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::starting(&cc.egui_ctx, start, default, settings));
    settle(&mut h);
    h
}

#[test]
fn new_open_and_recent_catalogues_switch_the_window_and_its_title() {
    let f = fixture();
    let mut h = harness(&f);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(h.state().title(), "test.kartoteka — Kartoteka");

    // A new catalogue: typed without its extension, which is added.
    menu_item(&mut h, "File", "New catalogue…");
    answer_path(&mut h, &f.env.path("Second"));
    let second = f.env.path("Second.kartoteka");
    wait_for_catalogue(&mut h, &second);
    assert!(second.is_file(), "the new catalogue is on disk");
    assert_eq!(h.state().title(), "Second.kartoteka — Kartoteka");
    assert!(h.state().results().is_empty());
    h.get_by_label("This catalogue is empty").hover();

    // Back to the first from Open recent.
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run_steps(2);
    h.get_by_label("Open recent").click();
    h.run_steps(2);
    h.get_by_label_contains("test.kartoteka").click();
    wait_for_catalogue(&mut h, &f.catalogue);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(h.state().title(), "test.kartoteka — Kartoteka");
    assert_eq!(
        h.state().settings().recent,
        [f.catalogue.clone(), second.clone()]
    );

    // A new catalogue never replaces a file: the path field says so.
    menu_item(&mut h, "File", "New catalogue…");
    answer_path(&mut h, &second);
    h.get_by_label_contains("a new catalogue never replaces one")
        .hover();
    assert_eq!(h.state().catalogue(), Some(f.catalogue.as_path()));
    h.key_press(Key::Escape);
    settle(&mut h);

    // Ctrl+O opens one by its path.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    answer_path(&mut h, &second);
    wait_for_catalogue(&mut h, &second);
    assert!(h.state().results().is_empty());
    assert_eq!(read(&f).photo_count().unwrap(), 5, "the first is as it was");
}

#[test]
fn backing_up_from_the_file_menu_makes_checked_copies_and_keeps_the_newest() {
    use kartoteka::catalog::backup;
    let f = fixture();
    let folder = f.env.path("Backups");
    std::fs::create_dir_all(&folder).unwrap();
    let old = folder.join("test-2025-01-05-090000.kartoteka");
    std::fs::copy(&f.catalogue, &old).unwrap();
    let settings = Settings {
        backups_kept: 2,
        ..english()
    };
    let mut h = harness_with(&f, [1280.0, 800.0], settings);
    menu(&mut h, "File", "Back up catalogue…");
    h.get_by_label_contains("2025-01-05 09:00").hover();

    for _ in 0..2 {
        h.get_by_label("Back up now").click();
        wait_for(&mut h, "the backup", |app| {
            app.is_settled()
                && app
                    .status()
                    .message()
                    .is_some_and(|m| m.starts_with("Backed up"))
        });
    }
    h.get_by_label_contains("Backed up 5 photos").hover();
    let made = backup::list(&folder, &f.catalogue).unwrap();
    assert_eq!(made.len(), 2, "kept the newest two: {made:?}");
    assert!(!old.exists(), "the oldest backup was deleted");
    for b in &made {
        assert_eq!(backup::check(&b.catalogue).unwrap(), Vec::<String>::new());
        assert_eq!(
            Catalogue::open(&b.catalogue)
                .unwrap()
                .photo_count()
                .unwrap(),
            5
        );
        assert!(b.thumbnails.is_some(), "the thumbnails are backed up too");
    }
    h.get_by_label_contains(&made[0].when()).hover();
}

/// Many files, so that an import is still under way when Quit is pressed.
fn a_large_folder(env: &common::Env) -> (PathBuf, usize) {
    let dir = env.path("many");
    for n in 0..8 {
        env.copy_fixtures(&format!("many/{n:02}"), ARCHIVE);
    }
    let files = 8 * ARCHIVE.iter().filter(|f| f.ends_with(".jpg")).count();
    (dir, files)
}

#[test]
fn quit_waits_for_the_import_then_makes_the_weekly_backup_and_closes() {
    use kartoteka::catalog::backup;
    let env = common::Env::new();
    let (dir, files) = a_large_folder(&env);
    let path = env.catalog.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, english()));
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedFolder(dir)));
    wait_for(&mut h, "the import to start", |app| app.importing());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    assert!(h.state().leaving() && !h.state().closing());
    h.get_by_label("Quitting when the work under way is done")
        .hover();
    wait_up_to(
        &mut h,
        Duration::from_secs(180),
        "the window to close",
        |app| app.closing(),
    );
    let cat = Catalogue::open(&env.catalog).unwrap();
    assert_eq!(
        cat.photo_count().unwrap() as usize,
        files,
        "the import finished"
    );
    let made = backup::list(&backup::folder_beside(&env.catalog), &env.catalog).unwrap();
    assert_eq!(made.len(), 1, "a backup was due: there was none");
    assert_eq!(
        Catalogue::open(&made[0].catalogue)
            .unwrap()
            .photo_count()
            .unwrap() as usize,
        files,
        "the backup was made after the import"
    );
}

#[test]
fn quit_can_cancel_the_import_and_leaves_a_sound_catalogue() {
    use kartoteka::catalog::backup;
    let env = common::Env::new();
    let (dir, files) = a_large_folder(&env);
    let path = env.catalog.clone();
    let settings = Settings {
        backup_on_quit: kartoteka::ui::BackupSchedule::Never,
        ..english()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, settings));
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedFolder(dir)));
    wait_for(&mut h, "the import to start", |app| app.importing());
    menu_item(&mut h, "File", "Quit");
    h.run_steps(2);
    h.get_by_label("Cancel the import").click();
    wait_for(&mut h, "the window to close", |app| app.closing());
    assert_eq!(backup::check(&env.catalog).unwrap(), Vec::<String>::new());
    let stored = Catalogue::open(&env.catalog)
        .unwrap()
        .photo_count()
        .unwrap() as usize;
    assert!(stored < files, "cancelled: {stored} of {files} stored");
    assert!(
        !backup::folder_beside(&env.catalog).exists(),
        "no backup when the schedule says never"
    );
}

#[test]
fn the_first_launch_offers_to_create_the_default_catalogue() {
    let env = common::Env::new();
    let default = env.path("data/Kartoteka/catalogue.kartoteka");
    let mut h = harness_starting(
        kartoteka::ui::Start::FirstThatExists(vec![default.clone()]),
        Some(default.clone()),
        english(),
    );
    h.get_by_label("Welcome to Kartoteka").hover();
    h.get_by_label(&default.display().to_string()).hover();
    h.get_by_label("Open a catalogue…").hover();
    h.get_by_label("Restore a backup…").hover();
    assert_eq!(h.state().title(), "Kartoteka");
    h.get_by_label("Create the catalogue").click();
    wait_for_catalogue(&mut h, &default);
    assert!(default.is_file());
    h.get_by_label("This catalogue is empty").hover();
    assert_eq!(h.state().title(), "catalogue.kartoteka — Kartoteka");
}

#[test]
fn the_first_launch_restores_a_backup_as_the_default_catalogue() {
    use kartoteka::catalog::backup;
    let f = fixture();
    let report = backup::back_up(
        &f.catalogue,
        &f.env.path("elsewhere"),
        None,
        &std::sync::atomic::AtomicBool::new(false),
        &|_, _| {},
    )
    .unwrap();
    let default = f.env.path("data/catalogue.kartoteka");
    let mut h = harness_starting(
        kartoteka::ui::Start::FirstThatExists(vec![default.clone()]),
        Some(default.clone()),
        english(),
    );
    h.get_by_label("Restore a backup…").click();
    answer_path(&mut h, &report.backup.catalogue);
    wait_for_catalogue(&mut h, &default);
    assert_eq!(h.state().results().len(), 5);
    assert!(report.backup.catalogue.is_file(), "the backup stays");
}

#[test]
fn a_damaged_catalogue_is_left_untouched_and_its_newest_backup_restores_into_a_new_one() {
    use kartoteka::catalog::backup;
    let f = fixture();
    let report = backup::back_up(
        &f.catalogue,
        &backup::folder_beside(&f.catalogue),
        None,
        &std::sync::atomic::AtomicBool::new(false),
        &|_, _| {},
    )
    .unwrap();
    // Damage: everything after the first page overwritten.
    let mut bytes = std::fs::read(&f.catalogue).unwrap();
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..] {
        *b = 0xA5;
    }
    std::fs::write(&f.catalogue, &bytes).unwrap();

    let mut h = harness(&f);
    h.get_by_label("This catalogue is damaged").hover();
    h.get_by_label_contains(&format!(
        "The newest backup of it is from {}",
        report.backup.when()
    ))
    .hover();
    assert!(h.state().results().is_empty());
    assert!(h.state().title().contains("(damaged)"));
    assert_eq!(
        std::fs::read(&f.catalogue).unwrap(),
        bytes,
        "nothing changed"
    );

    h.get_by_label("Restore this backup into a new catalogue")
        .click();
    let restored = backup::restore_target(&report.backup.catalogue, &f.catalogue);
    wait_for_catalogue(&mut h, &restored);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(
        std::fs::read(&f.catalogue).unwrap(),
        bytes,
        "the damaged catalogue stays as it was"
    );
}

#[test]
fn help_about_names_the_version_the_catalogue_its_schema_and_the_licences() {
    let f = fixture();
    let mut h = harness(&f);
    menu(&mut h, "Help", "About Kartoteka");
    h.get_by_label(&format!("Kartoteka {}", env!("CARGO_PKG_VERSION")))
        .hover();
    h.get_by_label(&f.catalogue.display().to_string()).hover();
    h.get_by_label_contains(&format!(
        "{} (the version this Kartoteka writes)",
        kartoteka::catalog::migrations::LATEST_VERSION
    ))
    .hover();
    // The libraries, each with its licence as its crate states it.
    h.get_by_label_contains("Libraries built in").click();
    h.run_steps(2);
    h.get_by_label("ab_glyph").hover();
    h.get_by_label_contains("Independent JPEG Group").hover();
    h.get_by_label_contains("Libraries built in").click();
    h.run_steps(2);
    h.get_by_label("Fonts").click();
    h.run_steps(2);
    h.get_by_label_contains("DejaVu changes are in public domain")
        .hover();
    // Esc closes it.
    h.key_press(Key::Escape);
    h.run_steps(2);
    let version = format!("Kartoteka {}", env!("CARGO_PKG_VERSION"));
    assert!(h.query_by_label(&version).is_none(), "About is still open");
}

#[test]
fn a_backup_opened_from_the_window_is_restored_not_worked_in() {
    use kartoteka::catalog::backup;
    let f = fixture();
    let folder = backup::folder_beside(&f.catalogue);
    let report = backup::back_up(
        &f.catalogue,
        &folder,
        None,
        &std::sync::atomic::AtomicBool::new(false),
        &|_, _| {},
    )
    .unwrap();
    let copy = report.backup.catalogue;
    let bytes = std::fs::read(&copy).unwrap();
    let mut h = harness(&f);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    answer_path(&mut h, &copy);
    wait_for(&mut h, "the backup's screen", |app| {
        app.without_catalogue() && app.is_settled()
    });
    h.get_by_label("This is a backup of a catalogue").hover();
    h.get_by_label("Restore it into a new catalogue").click();
    let restored = f.env.path(&format!(
        "{}-restored.kartoteka",
        copy.file_stem().unwrap().to_str().unwrap()
    ));
    wait_for_catalogue(&mut h, &restored);
    assert_eq!(h.state().results().len(), 5);
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        bytes,
        "the backup is as it was"
    );
}

/// A source for the claims tests, as the catalogue stores it.
fn add_source(f: &Fixture, citation: &str, title: &str) -> i64 {
    read(f)
        .add_source(kartoteka::catalog::SourceRecord {
            citation: citation.into(),
            title: Some(title.into()),
            ..Default::default()
        })
        .unwrap()
}

fn add_claim(f: &Fixture, photo: PhotoId, field: &str, value: &str, source: i64) {
    read(f)
        .add_claims(
            &[photo],
            field,
            &serde_json::Value::String(value.into()),
            &kartoteka::catalog::Attribution {
                source: Some(source),
                ..Default::default()
            },
            false,
            false,
        )
        .unwrap();
}

fn date_claims(f: &Fixture, photo: PhotoId) -> Vec<kartoteka::catalog::Claim> {
    read(f)
        .claims(photo)
        .unwrap()
        .into_iter()
        .filter(|c| c.field == "date_created")
        .collect()
}

#[test]
fn the_claims_panel_marks_disputes_prefers_and_adds_claims_with_a_source_picker() {
    let f = fixture();
    let dormitory = id_of(&f, "dormitory-sewing.jpg");
    let radio = add_source(&f, "Czech Radio, 2020-02-26", "Odsun sovětských vojsk");
    // The photo's own date (1991) stays as a claim beside the radio's.
    add_claim(&f, dormitory, "date_created", "1990-02-26", radio);
    let mut h = harness_with(&f, [1280.0, 1600.0], english());
    // The result's facets count disputed fields; a click narrows to them.
    h.get_by_label("Date depicted, 1 in this result").click();
    wait_for(&mut h, "the disputed photos", |app| {
        app.results().len() == 1 && app.is_settled()
    });
    assert_eq!(h.state().query(), "disputed:\"date_created\"");
    h.get_by_label(DORMITORY).click();
    settle(&mut h);

    // The disputed field is marked in words and a symbol, not only colour.
    h.get_by_label("⚠ 2 claims disagree").click();
    settle(&mut h);
    h.get_by_label_contains("☆ 1990-02-26").hover();
    h.get_by_label_contains("[1] Czech Radio, 2020-02-26")
        .hover();
    h.get_by_label_contains("★ 1991").hover();

    // Prefer the radio's date: the field shows it; undo and redo.
    h.get_by_label("Prefer").click();
    settle(&mut h);
    let date = |f: &Fixture| photo(f, "dormitory-sewing.jpg").description.date_created;
    assert_eq!(date(&f).as_deref(), Some("1990-02-26"));
    assert_eq!(
        h.state().inspector().text("date_created"),
        Some("1990-02-26")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(date(&f).as_deref(), Some("1991"));
    h.key_press_modifiers(SHIFT_COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(date(&f).as_deref(), Some("1990-02-26"));
    undo_as_the_command_line_says(&mut h, &f);

    // Add a claim from the form: the picker finds the source accent-blind
    // as one types.
    h.get_by_label("Value").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Value").type_text("1990-11-23");
    h.get_by_label("Cited source").focus();
    h.get_by_label("Cited source").type_text("sovetskych");
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "[1] Czech Radio, 2020-02-26")
        .click();
    h.run_steps(2);
    h.get_by_label("Locator").focus();
    h.get_by_label("Locator").type_text("p. 4");
    h.run_steps(2);
    h.get_by_label("Add the claim").click();
    settle(&mut h);
    let added = date_claims(&f, dormitory)
        .into_iter()
        .find(|c| c.value == "1990-11-23")
        .expect("the claim was added");
    assert_eq!(added.source.map(|s| s.id), Some(radio));
    undo_as_the_command_line_says(&mut h, &f);
    assert_eq!(added.locator.as_deref(), Some("p. 4"));
    assert!(!added.preferred);
    assert_eq!(date(&f).as_deref(), Some("1990-02-26"), "still preferred");

    // A source that is not there yet is created on the spot, and the
    // claim cites it.
    h.get_by_label("Value").focus();
    h.get_by_label("Value").type_text("1990-11");
    h.get_by_label("Cited source").focus();
    h.get_by_label("Cited source").type_text("Rudé právo 1991");
    h.run_steps(2);
    h.get_by_label("New source “Rudé právo 1991”").click();
    h.run_steps(2);
    h.get_by_label("Add the claim").click();
    settle(&mut h);
    let sources = read(&f).sources().unwrap();
    let rude = sources
        .iter()
        .find(|s| s.record.citation == "Rudé právo 1991")
        .expect("the source was created");
    let cited = date_claims(&f, dormitory)
        .into_iter()
        .find(|c| c.value == "1990-11")
        .expect("the claim was added");
    assert_eq!(cited.source.map(|s| s.id), Some(rude.id));

    // Remove a claim; Ctrl+Z brings it back.
    let before = date_claims(&f, dormitory).len();
    h.get_by_label_contains("☆ 1990-11-23").hover();
    let remove = h.get_all_by_label("Remove").next().unwrap();
    remove.click();
    settle(&mut h);
    assert_eq!(date_claims(&f, dormitory).len(), before - 1);
    undo_as_the_command_line_says(&mut h, &f);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(date_claims(&f, dormitory).len(), before);
}

#[test]
fn a_claim_added_to_many_photos_cites_the_same_source_and_locator() {
    let f = fixture();
    let radio = add_source(&f, "Czech Radio, 2020-02-26", "Odsun sovětských vojsk");
    let mut h = harness_with(&f, [1280.0, 1600.0], english());
    h.get_by_label(DORMITORY).click();
    h.run_steps(2);
    h.get_by_label(LAST_TROOPS)
        .click_modifiers(Modifiers::SHIFT);
    settle(&mut h);
    let selected = h.state().selection().len();
    assert!(selected >= 2);
    h.get_by_label_contains("Claims and sources").click();
    settle(&mut h);
    h.get_by_label_contains(&format!("Add a claim to {selected} photos"))
        .hover();
    h.get_by_label("Value").focus();
    h.get_by_label("Value")
        .type_text("Soviet troops leave, 1990–1991");
    h.get_by_label("Cited source").focus();
    h.get_by_label("Cited source").type_text("radio");
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "[1] Czech Radio, 2020-02-26")
        .click();
    h.get_by_label("Locator").focus();
    h.get_by_label("Locator").type_text("min. 3");
    h.run_steps(2);
    h.get_by_label("Add the claim").click();
    settle(&mut h);
    let cat = read(&f);
    let hits = cat
        .search_text(&format!("cites:{radio}"), SortKey::Imported, None)
        .unwrap();
    assert_eq!(hits.len(), selected);
    for hit in hits {
        let claim = cat
            .claims(hit.id)
            .unwrap()
            .into_iter()
            .find(|c| c.value == "Soviet troops leave, 1990–1991")
            .unwrap();
        assert_eq!(claim.field, "caption");
        assert_eq!(claim.locator.as_deref(), Some("min. 3"));
    }
}

#[test]
fn the_sources_section_shows_citing_photos_and_edits_and_merges_sources() {
    let f = fixture();
    let dormitory = id_of(&f, "dormitory-sewing.jpg");
    let treaty = id_of(&f, "treaty-signing.jpg");
    let radio = add_source(&f, "Czech Radio, 2020-02-26", "Odsun");
    let other = add_source(&f, "Rozhlas 2020", "Odsun sovětských vojsk");
    add_claim(&f, dormitory, "date_created", "1990-02-26", radio);
    add_claim(&f, treaty, "date_created", "1990-02-26", radio);
    add_claim(&f, treaty, "city", "Moskva", other);
    let mut h = harness_with(&f, [1280.0, 1600.0], english());

    // A click shows the photos citing it.
    h.get_by_label_contains("Czech Radio, 2020-02-26").click();
    wait_for(&mut h, "the photos citing the source", |app| {
        app.results().len() == 2 && app.is_settled()
    });
    assert_eq!(h.state().query(), format!("cites:{radio}"));

    // Edit it in its form.
    h.get_by_label_contains("Czech Radio, 2020-02-26")
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Edit or merge…").click();
    h.run_steps(2);
    h.get_by_label("Title").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Title")
        .type_text("Odsun sovětských vojsk, 30 let");
    h.run_steps(2);
    h.get_by_label("Save").click();
    settle(&mut h);
    undo_as_the_command_line_says(&mut h, &f);
    let title = |f: &Fixture, id: i64| read(f).source_record(id).unwrap().map(|r| r.title);
    assert_eq!(
        title(&f, radio),
        Some(Some("Odsun sovětských vojsk, 30 let".to_owned()))
    );

    // Merge it into the other: its claims move, it goes; undo brings it back.
    h.get_by_label_contains("Czech Radio, 2020-02-26")
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Edit or merge…").click();
    h.run_steps(2);
    h.get_by_label("Merge into source").click();
    h.run_steps(2);
    h.get_by_label(&format!("[{other}] Rozhlas 2020")).click();
    h.run_steps(2);
    h.get_by_label("Merge").click();
    settle(&mut h);
    assert_eq!(title(&f, radio), None, "merged away");
    let cat = read(&f);
    let citing = cat
        .search_text(&format!("cites:{other}"), SortKey::Imported, None)
        .unwrap();
    assert_eq!(citing.len(), 2);
    undo_as_the_command_line_says(&mut h, &f);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(title(&f, radio).is_some(), "Ctrl+Z brings it back");
}

#[test]
fn a_csv_export_never_lands_on_the_catalogue_or_a_catalogued_photo() {
    let f = fixture();
    let mut h = harness(&f);
    let photo_path = photo(&f, "dormitory-sewing.jpg").file.path;
    let photo_before = std::fs::read(&photo_path).unwrap();
    for target in [f.catalogue.clone(), photo_path.clone()] {
        h.state_mut().apply(Action::ExportCsv {
            source: kartoteka::interop::Source::Query(String::new()),
            profile: kartoteka::export::csv::Profile::Catalogue,
            path: target.clone(),
        });
        let named = target.display().to_string();
        wait_for(&mut h, "the refusal", |app| {
            app.status()
                .error_text()
                .is_some_and(|e| e.contains(&named))
        });
        let error = h.state().status().error_text().unwrap_or_default();
        assert!(error.contains("catalog"), "says why: {error}");
    }
    assert_eq!(std::fs::read(&photo_path).unwrap(), photo_before);
    // The catalogue still opens and holds its photos.
    assert_eq!(read(&f).photo_count().unwrap(), 5);
}

/// What the catalogue holds that the window shows as it is: file names,
/// folder names, the descriptions' values (each line, each list item),
/// keyword names, cameras and lenses. These are the only words the
/// pseudo-language test lets stand unwrapped; the warnings import recorded
/// are not among them (the window says them in its own words).
fn catalogue_words(f: &Fixture) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() {
                words.push(line.to_owned());
            }
        }
    };
    for p in read(f).photos().unwrap() {
        let d = &p.description;
        add(&p.file.path.display().to_string());
        for part in p.file.path.iter() {
            add(&part.to_string_lossy());
        }
        add(&p.file.format.to_string());
        for text in [
            &d.title,
            &d.headline,
            &d.caption,
            &d.credit,
            &d.copyright,
            &d.source,
            &d.instructions,
            &d.job_id,
            &d.sublocation,
            &d.city,
            &d.state,
            &d.country,
            &d.country_code,
            &d.event,
            &d.date_created,
            &d.digital_source_type,
            &p.technical.camera_make,
            &p.technical.camera_model,
            &p.technical.lens,
            &p.curation.note,
        ]
        .into_iter()
        .flatten()
        {
            add(text);
        }
        for list in [&d.creators, &d.people, &d.keywords] {
            for item in list {
                add(item);
            }
        }
        for path in &d.hierarchical_keywords {
            add(path);
            for name in path.split('|') {
                add(name);
            }
        }
    }
    // Longest first, so that a value is taken out whole before a part of it.
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
}

/// A key or chord as egui writes it ("Ctrl+Shift+Z", "F1", "Esc"): the
/// keyboard's names, not words to translate.
fn is_key_chord(token: &str) -> bool {
    const NAMES: &[&str] = &[
        "Ctrl",
        "Shift",
        "Alt",
        "Cmd",
        "Space",
        "Enter",
        "Esc",
        "Escape",
        "Delete",
        "Backspace",
        "Tab",
        "Minus",
        "Plus",
        "Equals",
        "Del",
    ];
    !token.is_empty()
        && token.split('+').all(|part| {
            part.is_empty()
                || part.chars().count() == 1
                || NAMES.contains(&part)
                || (part.starts_with('F') && part[1..].chars().all(|c| c.is_ascii_digit()))
        })
}

/// The letters of a label that come neither from the message files (⟦ ⟧
/// in the pseudo-language, nested when a message holds another) nor from
/// the catalogue, nor name keys. Empty when the label is as it should be.
fn unwrapped(label: &str, data: &[String]) -> String {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    for word in data {
        if outside.contains(word.as_str()) {
            outside = outside.replace(word.as_str(), " ");
        }
    }
    outside
        .split([' ', ',', '\t', '\n', '(', ')', '·'])
        .filter(|token| !is_key_chord(token))
        .filter(|token| token.chars().any(char::is_alphabetic))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text shown that is not wrapped: its role, the text, the letters left.
type Unwrapped = (Role, String, String);

/// Every label, description and value the screen reader would read on this
/// screen that is not wrapped: `(role, text, letters left over)`. Values of text fields
/// are what was typed or read from the catalogue, and are not looked at.
fn unwrapped_texts(h: &Harness<'static, App>, data: &[String], seen: &mut usize) -> Vec<Unwrapped> {
    let mut found = Vec::new();
    for node in h.query_all(egui_kittest::kittest::By::new().include_labels()) {
        let node = node.accesskit_node();
        let role = node.role();
        // A line of a wrapped label: the label itself is looked at whole.
        if role == Role::TextRun {
            continue;
        }
        // What it is called and what a screen reader says after the name.
        let mut texts = vec![node.label(), node.description()];
        if !matches!(role, Role::TextInput | Role::MultilineTextInput) {
            texts.push(node.value());
        }
        for text in texts.into_iter().flatten() {
            if text.trim().is_empty() {
                continue;
            }
            *seen += 1;
            let left = unwrapped(&text, data);
            if !left.is_empty() {
                found.push((role, text, left));
            }
        }
    }
    found
}

#[test]
fn the_pseudo_language_check_catches_text_not_from_the_message_files() {
    let data = vec!["Convoy at the border".to_owned()];
    assert_eq!(unwrapped("⟦File⟧", &data), "");
    assert_eq!(unwrapped("⟦⟦5 photos⟧ · 0 selected⟧", &data), "");
    assert_eq!(unwrapped("⟦Undo⟧ Ctrl+Shift+Z", &data), "");
    assert_eq!(unwrapped("Convoy at the border  ★★", &data), "");
    assert_eq!(unwrapped("File", &data), "File");
    assert_eq!(unwrapped("⟦Keyword⟧ list", &data), "list");
    assert_eq!(unwrapped("Convoy at the border 1 star", &data), "star");
}

/// Walks the screens the scenarios reach, in a language, calling `check` on
/// each: the grid, one and all photos in the inspector, every menu and the
/// language submenu, the table, the keyboard reference, the full-size view,
/// the form that adds to a set, the CSV export form, the preview of a CSV
/// import, and the first screen of an empty catalogue.
fn walk_screens(
    f: &Fixture,
    language: Language,
    check: &mut dyn FnMut(&Harness<'static, App>, &str),
) {
    let strings = kartoteka::ui::i18n::Strings::of(language);
    let say = |id: &str| strings.format(id, None);
    let count = |n: u64| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", n);
        strings.format("photo-count", Some(&args))
    };
    // The inspector's history, closed by default, is opened.
    let settings = Settings {
        language: Some(language),
        collapsed: ["inspector/history".to_owned()].into(),
        ..Settings::default()
    };
    let mut h = harness_with(f, [1280.0, 800.0], settings.clone());
    h.get_by_label_contains(&count(5)).hover();
    check(&h, "the grid");

    h.get_by_label(CONVOY).click();
    settle(&mut h);
    check(&h, "one photo in the inspector");

    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    check(&h, "all photos in the inspector");

    for id in [
        "menu-file",
        "menu-edit",
        "menu-photo",
        "menu-view",
        "menu-help",
    ] {
        h.get_by_role_and_label(Role::Button, &say(id)).click();
        h.run_steps(2);
        check(&h, &format!("the menu {id}"));
        h.key_press(Key::Escape);
        h.run_steps(2);
    }
    h.get_by_role_and_label(Role::Button, &say("menu-view"))
        .click();
    h.run_steps(2);
    h.get_by_label(&say("menu-language")).hover();
    h.run_steps(3);
    check(&h, "the language menu");
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(2);

    h.key_press(Key::T);
    settle(&mut h);
    check(&h, "the table");
    h.key_press(Key::G);
    settle(&mut h);

    h.key_press(Key::F1);
    h.run_steps(3);
    h.get_by_label(&say("keys-title")).hover();
    check(&h, "the keyboard reference");
    h.key_press(Key::Escape);
    h.run_steps(3);

    h.get_by_label(CONVOY).click();
    settle(&mut h);
    h.key_press(Key::Space);
    settle(&mut h);
    check(&h, "the full-size view");
    h.key_press(Key::Escape);
    settle(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run_steps(3);
    h.get_by_label(&say("add-to-set-field")).hover();
    check(&h, "the form that adds to a set");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label(&say("add-to-set-field")).is_none());

    h.key_press_modifiers(SHIFT_COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label(&say("csv-save-as")).hover();
    check(&h, "the CSV export form");
    h.key_press(Key::Escape);
    h.run_steps(3);

    // The preview of a CSV import that rates, rejects and labels a photo:
    // the values in the window's words, not the file's.
    let changes = f.env.dir.path().join(format!("changes-{language:?}.csv"));
    let dormitory = id_of(f, "dormitory-sewing.jpg");
    std::fs::write(
        &changes,
        format!("ID,Rating,Flag,Label\n{},2,reject,purple\n", dormitory.0),
    )
    .unwrap();
    h.state_mut()
        .apply(Action::PreviewCsv(interop::first_request(changes)));
    settle(&mut h);
    h.get_by_label(&say("csv-column-after")).hover();
    check(&h, "the preview of a CSV import");
    drop(h);

    // A new, empty catalogue: the first screen.
    let empty = f
        .env
        .dir
        .path()
        .join(format!("empty-{language:?}.kartoteka"));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, empty, settings));
    settle(&mut h);
    h.get_by_label(&say("empty-heading")).hover();
    check(&h, "an empty catalogue");
}

/// Every screen the scenarios reach, in a pseudo-language that wraps each
/// message in ⟦ ⟧: every text the window shows is wrapped, or is the
/// catalogue's own (a caption, a file name, a keyword), or names a key.
/// Gives the convoy photo import warnings of several kinds, as reading a
/// damaged file with a broken sidecar would have recorded them, and one an
/// older catalogue kept as English text, and a history of edits (rated,
/// rejected, labelled, captioned). Returns how many warnings.
fn give_the_convoy_warnings(f: &Fixture) -> usize {
    use kartoteka::ingest::Damage;
    use kartoteka::ingest::warning::{Block, Warning, XmpPacket};
    use kartoteka::ingest::xmp::XmpError;
    use kartoteka::photo::{Attribute, Field, PhotoRecord};
    let mut cat = read(f);
    let convoy = cat
        .photos()
        .unwrap()
        .into_iter()
        .find(|p| p.description.title.as_deref() == Some(CONVOY))
        .unwrap();
    let sidecar = convoy.file.path.with_extension("xmp");
    let warnings = vec![
        Warning::FieldCut {
            field: Field::Caption,
            size: 70_000,
            limit: 64 << 10,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Sidecar { file: sidecar },
            problem: XmpError::NotWellFormed {
                at: 412,
                reason: "ill-formed document: expected `</rdf:li>`".into(),
            },
        },
        Warning::PngWithoutEnd,
        Warning::Damaged {
            damage: Damage::JxlHeaderCutShort,
        },
        Warning::XmpClaimWithoutValue {
            field: Attribute::Field(Field::City),
        },
        Warning::ListCut {
            field: Field::Keywords,
            count: 5,
            limit: 1 << 20,
            kept: 2,
        },
        Warning::DepictedDateIgnored {
            block: Block::Iptc,
            value: "19911321".into(),
        },
        Warning::Legacy {
            text: "EXIF is partly damaged (Truncated IFD); read what was readable".into(),
        },
    ];
    let count = warnings.len();
    let id = convoy.id;
    let record = PhotoRecord {
        tags: cat.raw_tags(convoy.id).unwrap(),
        file: convoy.file,
        technical: convoy.technical,
        description: convoy.description,
        warnings,
        claims: Vec::new(),
    };
    cat.store(&record).unwrap();
    // Edits the history says: a rating, a flag, a colour label, a caption.
    use kartoteka::catalog::Edit;
    use serde_json::json;
    let edits = [
        Edit::Set(Attribute::Rating, json!(4)),
        Edit::Set(Attribute::Flag, json!("reject")),
        Edit::Set(Attribute::Label, json!("purple")),
        Edit::Set(
            Attribute::Field(Field::Caption),
            json!("Convoy at the border, Č. Budějovice"),
        ),
    ];
    cat.edit(&[id], &edits, "edit", false).unwrap();
    count
}

#[test]
fn every_text_the_window_shows_comes_from_the_message_files() {
    let f = fixture();
    let planted = give_the_convoy_warnings(&f);
    let data = catalogue_words(&f);
    let mut seen = 0;
    let mut warnings_shown = 0;
    let mut problems: Vec<(String, Vec<Unwrapped>)> = Vec::new();
    let warning = kartoteka::ui::i18n::Strings::of(Language::Pseudo).format("tech-warning", None);
    walk_screens(&f, Language::Pseudo, &mut |h, screen| {
        let found = unwrapped_texts(h, &data, &mut seen);
        if !found.is_empty() {
            problems.push((screen.to_owned(), found));
        }
        if screen == "one photo in the inspector" {
            warnings_shown = h.query_all_by_label(&warning).count();
        }
    });
    assert!(seen > 300, "only {seen} texts were looked at");
    assert_eq!(
        warnings_shown, planted,
        "the inspector does not show the photo's warnings"
    );
    assert!(
        problems.is_empty(),
        "texts not from the message files:\n{problems:#?}"
    );
}

/// What a screen reader can act on: a node of one of these roles.
fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::Link
            | Role::Slider
            | Role::SpinButton
            | Role::ComboBox
            | Role::MenuItem
            | Role::Tab
    )
}

/// Every interactive element of every screen the scenarios reach has a
/// name a screen reader can say (its own label, or the label it is
/// labelled by).
#[test]
fn every_interactive_element_has_an_accessible_name() {
    let f = fixture();
    let mut nameless: Vec<String> = Vec::new();
    let mut interactive_seen = 0;
    walk_screens(&f, Language::English, &mut |h, screen| {
        for node in h.query_all(egui_kittest::kittest::By::new().include_labels()) {
            let node = node.accesskit_node();
            if !interactive(node.role()) || node.is_hidden() {
                continue;
            }
            interactive_seen += 1;
            let named = node.label().is_some_and(|l| !l.trim().is_empty());
            if !named {
                nameless.push(format!(
                    "{screen}: a {:?} without a name (value {:?})",
                    node.role(),
                    node.value()
                ));
            }
        }
    });
    assert!(
        interactive_seen > 200,
        "only {interactive_seen} interactive elements"
    );
    assert!(
        nameless.is_empty(),
        "elements a screen reader cannot name:\n{}",
        nameless.join("\n")
    );
}

/// Whether the keyword tree's row of a keyword (its name and count) is
/// open, and its description; `None` when the tree has no such row.
fn keyword_row(h: &Harness<'static, App>, name: &str) -> Option<(Option<bool>, Option<String>)> {
    let prefix = format!("{name}  ");
    h.query_all(egui_kittest::kittest::By::new().role(Role::Button))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(&prefix))
        })
        .map(|n| {
            (
                n.accesskit_node().data().is_expanded(),
                n.accesskit_node().description(),
            )
        })
}

/// A screen reader hears more than names: a thumbnail says its stars, flag,
/// colour label and whether it is selected, and in a set its place; a set
/// in the sidebar its place among the sets; a keyword with keywords below
/// it whether it is open, and how many photos it has.
#[test]
fn thumbnails_sets_and_keywords_tell_a_screen_reader_their_state() {
    let f = fixture();
    with_set(&f);
    let mut h = harness(&f);
    let description = |h: &Harness<'static, App>, label: &str| {
        h.get_by_role_and_label(Role::Button, label)
            .accesskit_node()
            .description()
            .unwrap_or_default()
    };
    assert!(
        description(&h, TREATY).contains("No stars"),
        "{}",
        description(&h, TREATY)
    );
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::Num4);
    h.key_press(Key::P);
    h.key_press(Key::Num6);
    settle(&mut h);
    let treaty = h.get_by_role_and_label(Role::Button, TREATY);
    assert_eq!(treaty.accesskit_node().is_selected(), Some(true));
    assert_eq!(
        treaty.accesskit_node().description().as_deref(),
        Some("4 stars, picked, Red label")
    );
    assert_eq!(
        h.get_by_role_and_label(Role::Button, DORMITORY)
            .accesskit_node()
            .is_selected(),
        Some(false)
    );
    // The inspector's flag and stars say which is on, by name alone.
    let pressed = |h: &Harness<'static, App>, label: &str| {
        h.get_by_role_and_label(Role::Button, label)
            .accesskit_node()
            .data()
            .toggled()
    };
    assert_eq!(pressed(&h, "Pick"), Some(egui::accesskit::Toggled::True));
    assert_eq!(pressed(&h, "Reject"), Some(egui::accesskit::Toggled::False));
    assert_eq!(pressed(&h, "4 stars"), Some(egui::accesskit::Toggled::True));
    assert_eq!(
        pressed(&h, "Red label"),
        Some(egui::accesskit::Toggled::True)
    );
    // Colour is not the only sign of the label: the thumbnail's tooltip
    // names it.
    let named = h.query_all_by_label("Red label").count();
    h.get_by_label(TREATY).hover();
    let mut shown = false;
    for _ in 0..120 {
        h.step();
        if h.query_all_by_label("Red label").count() > named {
            shown = true;
            break;
        }
    }
    assert!(shown, "the thumbnail's tooltip names its colour label");

    // The set, shown in its order: each photo says its place.
    let set = h.get_by_role_and_label(Role::Button, "Odchod 1991  3");
    assert_eq!(
        set.accesskit_node().description().as_deref(),
        Some("3 photos, 1 of 1")
    );
    set.click();
    settle(&mut h);
    assert!(
        description(&h, CONVOY).ends_with(", 2 of 3"),
        "{}",
        description(&h, CONVOY)
    );
    assert_eq!(
        h.get_by_role_and_label(Role::Button, CONVOY)
            .accesskit_node()
            .position_in_set(),
        Some(2)
    );

    // A keyword with keywords below it: open, then folded.
    h.key_press(Key::Escape);
    h.run_steps(2);
    let (open, count) = keyword_row(&h, "Places").expect("the keyword Places in the tree");
    assert_eq!(open, Some(true));
    assert!(count.is_some_and(|c| c.ends_with(" photo") || c.ends_with(" photos")));
    h.get_by_role_and_label(Role::Button, "Collapse Places")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "Expand Places")
            .accesskit_node()
            .data()
            .is_expanded(),
        Some(false)
    );
    assert_eq!(
        keyword_row(&h, "Places").map(|(open, _)| open),
        Some(Some(false))
    );
}

/// The status bar's count is a polite live region, so that a screen reader
/// reads the new count out when a search settles; the search field
/// describes itself with the count too.
#[test]
fn the_result_count_is_announced_when_a_search_settles() {
    let f = fixture();
    let mut h = harness(&f);
    let live_texts = |h: &Harness<'static, App>| -> Vec<String> {
        h.query_all(egui_kittest::kittest::By::new().include_labels())
            .filter(|n| n.accesskit_node().data().live() == Some(egui::accesskit::Live::Polite))
            .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
            .collect()
    };
    assert!(
        live_texts(&h).iter().any(|t| t.starts_with("5 photos")),
        "{:?}",
        live_texts(&h)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    keyboard_type(&h, "kyndrova -milovice");
    wait_for(&mut h, "the search", |app| {
        app.results().len() == 3 && app.is_settled()
    });
    let live = live_texts(&h);
    assert!(
        live.iter().any(|t| t.starts_with("3 photos of 5")),
        "{live:?}"
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Search")
            .accesskit_node()
            .description()
            .as_deref(),
        Some("3 photos of 5")
    );
}

/// Ctrl+plus zooms the interface and the window keeps the zoom; the View
/// menu's light theme changes the colours at once and is kept too.
#[test]
fn zoom_and_the_light_theme_are_kept_in_the_settings() {
    let f = fixture();
    let mut h = harness(&f);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(3);
    assert!((h.state().settings().zoom - 1.1).abs() < 1e-4);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run_steps(3);
    assert!((h.state().settings().zoom - 1.0).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run_steps(3);
    assert!((h.state().settings().zoom - 0.9).abs() < 1e-4);

    h.get_by_role_and_label(Role::Button, "View").click();
    h.run_steps(2);
    h.get_by_label("Light theme").click();
    h.run_steps(3);
    assert_eq!(h.state().settings().theme, Theme::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    let saved = h.state().settings().clone();
    drop(h);

    // A new window with the settings saved keeps both.
    let mut h = harness_with(&f, [1280.0, 800.0], saved);
    h.run_steps(2);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert!((h.ctx.zoom_factor() - 0.9).abs() < 1e-4);
}

/// View > Language: the window speaks Czech at once, counts in Czech,
/// remembers the choice, and goes back to the system's language.
#[test]
fn the_language_is_chosen_in_the_view_menu_and_switches_at_once() {
    let f = fixture();
    let mut h = harness(&f);
    h.get_by_role_and_label(Role::Button, "View").click();
    h.run_steps(2);
    h.get_by_label("Language").hover();
    h.run_steps(3);
    h.get_by_label("Čeština").click();
    settle(&mut h);
    assert_eq!(h.state().settings().language, Some(Language::Czech));
    h.get_by_role_and_label(Role::Button, "Soubor").hover();
    h.get_by_label_contains("5 fotografií").hover();
    h.get_by_label("Seznam klíčových slov").hover();
    assert!(h.query_by_role_and_label(Role::Button, "File").is_none());

    h.get_by_role_and_label(Role::Button, "Zobrazení").click();
    h.run_steps(2);
    h.get_by_label("Jazyk").hover();
    h.run_steps(3);
    h.get_by_label("Slovenčina").click();
    settle(&mut h);
    h.get_by_label_contains("5 fotografií").hover();
    h.get_by_role_and_label(Role::Button, "Súbor").hover();
    assert_eq!(h.state().settings().language, Some(Language::Slovak));

    h.get_by_role_and_label(Role::Button, "Zobrazenie").click();
    h.run_steps(2);
    h.get_by_label("Jazyk").hover();
    h.run_steps(3);
    h.get_by_label("English").click();
    settle(&mut h);
    h.get_by_label_contains("5 photos").hover();
    assert_eq!(h.state().settings().language, Some(Language::English));
}

/// In Czech, the Edit menu's undo and redo and the inspector's history say
/// the catalogue's changes in Czech, with Czech plurals, and the history
/// names who made each; the catalogue's own words, which the command
/// line's `history` prints, stay English.
#[test]
fn the_edit_history_is_shown_in_the_windows_language() {
    let f = fixture();
    // Operations made from now on name their author in the history.
    read(&f).set_author(Some("Jana Nováková")).unwrap();
    let settings = Settings {
        language: Some(Language::Czech),
        ..Settings::default()
    };
    let mut h = harness_with(&f, [1280.0, 800.0], settings);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::Num4);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    keyboard_type(&h, "Poslední vlak");
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(2);

    h.get_by_role_and_label(Role::Button, "Úpravy").click();
    h.run_steps(2);
    h.get_by_label_contains("Zpět: Klíčové slovo Poslední vlak u 1 fotografie")
        .hover();
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.get_by_label_contains("Historie (").click_accesskit();
    settle(&mut h);
    let rated = h.get_by_label_contains("Hodnocení 4 u 1 fotografie");
    let node = rated.accesskit_node();
    let said = node.label().or(node.value()).unwrap_or_default();
    assert!(
        said.starts_with("Jana Nováková, "),
        "the history names who rated the photo: {said:?}"
    );
    rated.hover();
    h.get_by_label_contains("Hodnocení: 0 → 4").hover();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Úpravy").click();
    h.run_steps(2);
    h.get_by_label_contains("Znovu: Klíčové slovo Poslední vlak u 1 fotografie")
        .hover();
    h.get_by_label_contains("Zpět: Hodnocení 4 u 1 fotografie")
        .hover();
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.get_by_label_contains("Zpět: Klíčové slovo Poslední vlak u 1 fotografie")
        .hover();

    let summaries: Vec<String> = read(&f)
        .history(None, 3)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(
        summaries[..3],
        [
            "Undo: Keyword Poslední vlak on 1 photo",
            "Keyword Poslední vlak on 1 photo",
            "Rating 4 on 1 photo"
        ]
    );
}

/// The Edit menu of a window in English names what Ctrl+Z would undo as the
/// catalogue's own words (the command line's `history`) do.
fn undo_as_the_command_line_says(h: &mut Harness<'static, App>, f: &Fixture) {
    let english = read(f).undo_redo().unwrap().0.expect("something to undo");
    // The menu bar's Edit comes first (the claims panel has Edit buttons too).
    h.get_all_by_role_and_label(Role::Button, "Edit")
        .next()
        .expect("the Edit menu")
        .click();
    h.run_steps(2);
    h.get_by_label_contains(&format!(
        "Undo: {} ",
        kartoteka::text::shorten(&english, 50)
    ))
    .hover();
    h.key_press(Key::Escape);
    h.run_steps(2);
}

/// In English the window says each operation as the catalogue's own words
/// (the command line's `history`) say it, though it makes its words from
/// the operation's steps.
#[test]
fn in_english_the_window_says_the_history_as_the_command_line_does() {
    let f = fixture();
    let mut h = harness(&f);
    let undo_says = |h: &mut Harness<'static, App>| undo_as_the_command_line_says(h, &f);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::Num3);
    settle(&mut h);
    undo_says(&mut h);
    h.key_press(Key::X);
    settle(&mut h);
    undo_says(&mut h);
    h.key_press(Key::Num7);
    settle(&mut h);
    undo_says(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    keyboard_type(&h, "vlak");
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(2);
    undo_says(&mut h);
    // A new set, made and filled from the keyboard: one operation.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run_steps(2);
    keyboard_type(&h, "Odsun");
    h.run_steps(2);
    h.get_by_label("Enter makes the new set “Odsun” and adds them to it.")
        .hover();
    h.key_press(Key::Enter);
    settle(&mut h);
    undo_says(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    undo_says(&mut h);
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run_steps(2);
    h.get_by_label_contains("Redo: Created set “Odsun” with 1 photo")
        .hover();
}

/// The main window at 150 % zoom in the light theme on a 1280 x 800
/// screen (853 x 533 points), one photo chosen: the snapshots beside this
/// test are how it should look, in Czech and in English (nothing cut or
/// overlapping).
fn snapshot_at_150_percent_in_the_light_theme(language: Language, name: &str) {
    let f = fixture();
    let path = f.catalogue.clone();
    let settings = Settings {
        language: Some(language),
        zoom: 1.5,
        theme: Theme::Light,
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, settings));
    settle(&mut h);
    assert!((h.ctx.zoom_factor() - 1.5).abs() < 1e-4);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.get_by_label("Dormitory, soldier sewing").click();
    settle(&mut h);
    h.remove_cursor();
    h.run_steps(2);
    h.snapshot(name);
}

#[test]
fn the_main_window_in_czech_at_150_percent_in_the_light_theme() {
    snapshot_at_150_percent_in_the_light_theme(Language::Czech, "main_window_cs_150_light");
}

#[test]
fn the_main_window_in_english_at_150_percent_in_the_light_theme() {
    snapshot_at_150_percent_in_the_light_theme(Language::English, "main_window_en_150_light");
}

/// A team catalogue whose server cannot be reached: nothing listens on
/// port 1. Everything made here so far counts as sent.
fn team_fixture() -> Fixture {
    let f = fixture();
    let mut cat = read(&f);
    cat.keep_team_server("postgres://kartoteka@127.0.0.1:1/kartoteka?sslmode=disable")
        .unwrap();
    cat.start_sync(i64::MAX).unwrap();
    f
}

#[test]
fn the_status_bar_says_the_team_is_offline_and_counts_the_changes_waiting() {
    let f = team_fixture();
    let mut h = harness(&f);
    wait_for(&mut h, "the team's state", |app| {
        app.team_status().is_some()
    });
    assert_eq!(h.state().team_status(), Some((0, 0, true)));
    h.get_by_label("Team: offline");
    // Work goes on: a caption typed here waits to be sent.
    h.get_by_label(DORMITORY).click();
    settle(&mut h);
    focus(&mut h, "Caption");
    h.get_by_label("Caption")
        .type_text("Ložnice, Milovice 1991");
    h.key_press(Key::Enter);
    settle(&mut h);
    wait_for(&mut h, "the change to wait", |app| {
        app.team_status() == Some((1, 0, true))
    });
    h.get_by_label("Team: offline, 1 change waiting");
}

#[test]
fn a_conflict_merged_while_the_window_is_open_shows_and_finds_its_photo() {
    use kartoteka::catalog::sync::{Shared, SharedStep};
    let f = team_fixture();
    let mut h = harness(&f);
    wait_for(&mut h, "the team's state", |app| {
        app.team_status().is_some()
    });
    // A caption made here, not sent yet...
    let dormitory = photo(&f, "dormitory-sewing.jpg");
    let mut other = read(&f);
    other
        .set_field(
            dormitory.id,
            kartoteka::photo::Field::Caption,
            kartoteka::photo::FieldValue::Text(Some("Ložnice v Milovicích".into())),
        )
        .unwrap();
    // ...and a colleague's, made apart, merged by a sync.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let theirs = Shared {
        replica: "ab".repeat(16),
        seq: 1,
        hlc: (now + 1_000) << 16,
        seen: 0,
        author: Some("Jana Nováková".into()),
        source: "edit".into(),
        summary: "Caption on 1 photo".into(),
        steps: vec![SharedStep::Photo {
            photo: dormitory.file.hash.clone(),
            field: "caption".into(),
            old: serde_json::Value::Null,
            new: "Ložnice, voják šije".into(),
        }],
    };
    let merged = other.merge_pulled(&[(1, theirs)], 1).unwrap();
    assert_eq!(merged.conflicts, 1);
    wait_for(&mut h, "the conflict to show", |app| {
        app.team_status()
            .is_some_and(|(_, conflicts, _)| conflicts == 1)
    });
    h.get_by_role_and_label(Role::Button, "1 conflict").click();
    settle(&mut h);
    let shown: Vec<Option<String>> = h
        .state()
        .results()
        .iter()
        .map(|p| p.title.clone())
        .collect();
    assert_eq!(h.state().query(), "disputed:any");
    assert_eq!(shown.len(), 1, "{shown:?}");
}
