//! The desktop app: one window on one catalogue.
//!
//! The window never runs SQL and never decodes an image. A worker thread
//! owns the catalogue ([`worker`]); thumbnails decode on their own threads
//! ([`thumbnails`]); the full-size view loads in the background
//! ([`viewer`]). Panels draw from the app's state and return [`Action`]s;
//! the app carries them out, mostly by sending commands to the worker.

mod grid;
mod inspector;
pub mod interop;
mod selection;
mod sidebar;
mod status;
mod table;
pub mod thumbnails;
mod viewer;
mod worker;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers};
use serde_json::Value;

use crate::catalog::{Edit, Facets, PhotoSummary, SetItem, SortKey};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::ingest::import::{Failure, ImportSummary};
use crate::interop::{Source, Target};
use crate::photo::{Attribute, PhotoId};
pub use selection::{Order, Selection};
use thumbnails::Thumbnails;
pub use worker::{Command, CsvPreview, CsvRequest, Details, Event, Sidebar, Worker};

/// How long typing must pause before the search runs.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(150);
/// Memory for thumbnail textures: some 700 grid thumbnails, several screens'
/// worth, so scrolling back finds them still there.
const THUMBNAIL_BUDGET: usize = 128 << 20;

/// Opens the window on a catalogue; returns when it closes. `started` is
/// when the process started, for the time-to-first-frame figure.
pub fn run(catalogue: PathBuf, started: Instant) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kartoteka")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Kartoteka",
        options,
        Box::new(move |cc| {
            let mut app = App::new(cc, catalogue);
            app.started = started;
            Ok(Box::new(app))
        }),
    )
}

/// Grid of thumbnails or table of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    Grid,
    Table,
}

/// What is remembered between runs (window layout is eframe's).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view: View,
    /// Thumbnail cell size in points.
    pub thumbnail_size: f32,
    pub sort: String,
    pub show_inspector: bool,
    /// The template applied to imports (empty for none).
    pub import_template: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: View::Grid,
            thumbnail_size: 160.0,
            sort: SortKey::Depicted.name().to_owned(),
            show_inspector: true,
            import_template: String::new(),
        }
    }
}

const SETTINGS_KEY: &str = "kartoteka-settings";

/// What a panel asks the app to do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Replace the search (and optionally the sort).
    Search(String, Option<SortKey>),
    /// Keep the search, change the sort.
    Sort(SortKey),
    /// A click on the photo at a result index.
    Click {
        index: usize,
        shift: bool,
        toggle: bool,
    },
    /// Open the full-size view at a result index.
    Open(usize),
    /// Edit the selected photos.
    Edit(Vec<Edit>, String),
    /// Edit given photos (the ones an inspector field was loaded from).
    EditPhotos {
        photos: Vec<PhotoId>,
        edits: Vec<Edit>,
        what: String,
    },
    /// Move the focus by this many photos.
    Step(isize),
    Undo,
    /// Tidy the catalogue after much editing (on a thread of its own).
    Optimize,
    ChooseImport,
    Import(Vec<PathBuf>),
    CancelImport,
    ShowErrors,
    AddKeywordTo {
        keyword: String,
        photos: Vec<PhotoId>,
    },
    /// A change the worker makes as asked (sets, keywords).
    Worker(Command),
    SaveSearch(String),
    ApplyTemplate(String),
    SelectAll,
    /// Show the Export CSV form for what is on screen.
    OpenExportCsv,
    /// Ask where to save a CSV export (`name` is offered).
    ChooseCsvExport {
        source: Source,
        profile: Profile,
        name: String,
    },
    ExportCsv {
        source: Source,
        profile: Profile,
        path: PathBuf,
    },
    /// Ask for an edited CSV to read back.
    ChooseCsvImport,
    /// Show what an edited CSV would change.
    PreviewCsv(CsvRequest),
    /// Apply the CSV previewed (if the file is still what was previewed).
    ApplyCsv {
        request: CsvRequest,
        digest: String,
    },
    /// XMP sidecars for the selected photos.
    WriteSidecars,
    /// Ask for a folder for copies of the selected photos with metadata.
    ChooseCopiesFolder,
    /// Ask before embedding metadata in the selected photos' files.
    ConfirmEmbed,
    WriteMetadata {
        photos: Vec<PhotoId>,
        target: Target,
    },
    /// Show the export form of a set.
    OpenSetExport(String),
    ChooseSetFolder {
        name: String,
        options: SetOptions,
    },
    ExportSet {
        name: String,
        dir: PathBuf,
        options: SetOptions,
    },
}

/// What a file dialog was opened for; its answer becomes an action.
#[derive(Debug, Clone)]
enum Pending {
    ImportFolder,
    ExportCsv { source: Source, profile: Profile },
    ImportCsv,
    CopiesFolder(Vec<PhotoId>),
    SetFolder { name: String, options: SetOptions },
}

impl Pending {
    fn into_action(self, path: PathBuf) -> Action {
        match self {
            Pending::ImportFolder => Action::Import(vec![path]),
            Pending::ExportCsv { source, profile } => Action::ExportCsv {
                source,
                profile,
                path,
            },
            Pending::ImportCsv => Action::PreviewCsv(interop::first_request(path)),
            Pending::CopiesFolder(photos) => Action::WriteMetadata {
                photos,
                target: Target::Copies(path),
            },
            Pending::SetFolder { name, options } => Action::ExportSet {
                name,
                dir: path,
                options,
            },
        }
    }
}

/// Which native dialog to show.
enum Dialog {
    Folder(&'static str),
    OpenCsv,
    SaveCsv(String),
}

/// An import under way.
pub struct ImportState {
    pub done: usize,
    pub total: usize,
    pub file: String,
    pub cancel: Arc<AtomicBool>,
}

pub struct App {
    pub settings: Settings,
    worker: Worker,
    pub thumbnails: Thumbnails,
    /// The catalogue is open (or why it is not).
    pub opened: bool,
    pub failed: Option<String>,

    pub query: String,
    query_edited: Option<Instant>,
    generation: u64,
    /// The generation of the results shown.
    shown_generation: u64,
    /// Changing commands sent and not yet answered.
    outstanding: usize,
    /// The sidebar was asked for and has not come back yet.
    sidebar_pending: bool,
    pub search_error: Option<String>,
    pub results: Vec<PhotoSummary>,
    pub order: Order,
    pub possible: HashSet<PhotoId>,
    pub facets: Facets,
    /// Order and wall labels when the result is one exhibition set.
    pub set_items: Option<(String, Vec<SetItem>)>,
    /// Results have arrived at least once.
    pub searched: bool,

    pub selection: Selection,
    /// Scroll the grid or table to this result index on the next frame.
    pub scroll_to: Option<usize>,
    /// Columns of the grid in the last frame (arrows move by a row).
    pub grid_columns: usize,
    /// Result indices the grid showed in the last frame.
    pub grid_visible: std::ops::Range<usize>,

    inspect_generation: u64,
    /// The generation of the details last received.
    details_generation: u64,
    inspected: Vec<PhotoId>,
    pub details: Option<Box<Details>>,
    pub inspector: inspector::InspectorState,

    pub sidebar: Sidebar,
    pub sidebar_state: sidebar::SidebarState,
    pub viewer: Option<viewer::Viewer>,

    pub import: Option<ImportState>,
    /// Forms, the CSV preview and the job under way.
    pub interop: interop::InteropState,
    pub import_errors: Vec<Failure>,
    pub last_import: Option<ImportSummary>,
    pub show_errors: bool,
    pub status: String,
    focus_search: bool,
    /// Thumbnails the panels asked for this frame, most wanted first.
    pub wanted: Vec<thumbnails::Request>,
    /// A file dialog is open; its answer arrives here.
    dialog: Option<(Pending, crossbeam_channel::Receiver<Option<PathBuf>>)>,
    ctx: egui::Context,
    /// When the window was created, for the time-to-first-frame figure.
    started: Instant,
    frames: u64,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, catalogue: PathBuf) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, catalogue, settings)
    }

    /// The app on a catalogue with given settings (tests start it this way).
    pub fn with_settings(ctx: &egui::Context, catalogue: PathBuf, settings: Settings) -> Self {
        install_fonts(ctx);
        let repaint_ctx = ctx.clone();
        let worker = Worker::start(catalogue.clone(), move || repaint_ctx.request_repaint());
        let thumbs_path = crate::catalog::thumbnails::path_beside(&catalogue);
        let repaint_ctx = ctx.clone();
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 4);
        let thumbnails = Thumbnails::start(&thumbs_path, threads, THUMBNAIL_BUDGET, move || {
            repaint_ctx.request_repaint()
        });
        Self {
            settings,
            worker,
            thumbnails,
            opened: false,
            failed: None,
            query: String::new(),
            query_edited: None,
            generation: 0,
            shown_generation: u64::MAX,
            outstanding: 0,
            sidebar_pending: false,
            search_error: None,
            results: Vec::new(),
            order: Order::default(),
            possible: HashSet::new(),
            facets: Facets::default(),
            set_items: None,
            searched: false,
            selection: Selection::default(),
            scroll_to: None,
            grid_columns: 1,
            grid_visible: 0..0,
            inspect_generation: 0,
            details_generation: 0,
            inspected: Vec::new(),
            details: None,
            inspector: inspector::InspectorState::default(),
            sidebar: Sidebar::default(),
            sidebar_state: sidebar::SidebarState::default(),
            viewer: None,
            import: None,
            interop: interop::InteropState::default(),
            import_errors: Vec::new(),
            last_import: None,
            show_errors: false,
            status: "Opening the catalogue…".to_owned(),
            focus_search: false,
            wanted: Vec::new(),
            dialog: None,
            ctx: ctx.clone(),
            started: Instant::now(),
            frames: 0,
        }
    }

    pub fn sort(&self) -> SortKey {
        SortKey::from_name(&self.settings.sort).unwrap_or_default()
    }

    /// Sends a command that changes the catalogue; its answer (Changed or
    /// Error) is awaited before the app counts as settled.
    fn command(&mut self, command: Command) {
        self.outstanding += 1;
        self.worker.send(command);
    }

    /// Runs the current query now.
    pub fn search_now(&mut self) {
        self.generation += 1;
        self.query_edited = None;
        self.worker.send(Command::Search {
            generation: self.generation,
            query: self.query.clone(),
            sort: self.sort(),
        });
    }

    /// Nothing is on its way: no search, inspection, import or thumbnail.
    /// Tests and benchmarks wait for this.
    pub fn is_settled(&self) -> bool {
        self.opened
            && self.searched
            && self.shown_generation == self.generation
            && self.outstanding == 0
            && !self.sidebar_pending
            && self.worker.events.is_empty()
            && self.query_edited.is_none()
            && self.import.is_none()
            && self.interop.job.is_none()
            && self.dialog.is_none()
            && self.inspected == self.selection.in_order(&self.order)
            && self.details_generation == self.inspect_generation
            && self.thumbnails.is_idle()
    }

    /// The result index of a photo.
    pub fn index_of(&self, id: PhotoId) -> Option<usize> {
        self.order.position(id)
    }

    fn refresh(&mut self) {
        self.search_now();
        self.sidebar_pending = true;
        self.worker.send(Command::Sidebar);
        self.inspected.clear(); // ask again for what the inspector shows
    }

    fn handle_events(&mut self, ctx: &egui::Context) {
        while let Ok(event) = self.worker.events.try_recv() {
            match event {
                Event::Opened { path } => {
                    self.opened = true;
                    self.status = format!(
                        "Catalogue {}",
                        path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned()
                        )
                    );
                    self.refresh();
                }
                Event::Failed(message) => {
                    self.failed = Some(message.clone());
                    self.status = message;
                }
                Event::Results {
                    generation,
                    photos,
                    possible,
                    facets,
                    set_items,
                } => {
                    if generation != self.generation {
                        continue; // overtaken by a newer search
                    }
                    self.search_error = None;
                    self.shown_generation = generation;
                    self.order = Order::new(photos.iter().map(|p| p.id).collect());
                    self.results = photos;
                    self.possible = possible.into_iter().collect();
                    self.facets = facets;
                    self.set_items = set_items;
                    self.selection.retain(&self.order);
                    if !self.searched && std::env::var_os("KARTOTEKA_REPORT_FIRST_FRAME").is_some()
                    {
                        eprintln!(
                            "first results after {:.3} s ({} photos)",
                            self.started.elapsed().as_secs_f64(),
                            self.results.len()
                        );
                    }
                    self.searched = true;
                }
                Event::SearchError {
                    generation,
                    message,
                } => {
                    if generation == self.generation {
                        self.search_error = Some(message);
                        self.shown_generation = generation;
                        self.searched = true;
                    }
                }
                Event::Details(details) => {
                    if details.generation == self.inspect_generation {
                        self.details_generation = details.generation;
                        self.inspector.load(&details);
                        self.details = Some(details);
                    }
                }
                Event::Sidebar(sidebar) => {
                    self.sidebar = *sidebar;
                    self.sidebar_pending = false;
                }
                Event::Changed(message) => {
                    self.outstanding = self.outstanding.saturating_sub(1);
                    self.status = message;
                    self.refresh();
                }
                Event::Error(message) => {
                    self.outstanding = self.outstanding.saturating_sub(1);
                    self.status = format!("Error: {message}");
                    self.refresh();
                }
                Event::ImportStarted { total, cancel } => {
                    self.import = Some(ImportState {
                        done: 0,
                        total,
                        file: String::new(),
                        cancel,
                    });
                }
                Event::ImportProgress { done, total, file } => {
                    if let Some(i) = &mut self.import {
                        i.done = done;
                        i.total = total;
                        i.file = file;
                    }
                    // Show photos as they arrive, every so often.
                    if done % 200 == 0 {
                        self.search_now();
                    }
                }
                Event::Done(message) => {
                    self.outstanding = self.outstanding.saturating_sub(1);
                    self.status = message;
                }
                Event::CsvPreview(preview) => {
                    self.outstanding = self.outstanding.saturating_sub(1);
                    self.status = format!(
                        "Read {}: nothing changes until the changes are applied",
                        preview.request.path.display()
                    );
                    self.interop.preview = Some(preview);
                }
                Event::JobStarted(what) => {
                    self.status = format!("{what}…");
                    self.interop.job = Some(interop::Job {
                        what,
                        done: 0,
                        total: 0,
                    });
                }
                Event::JobProgress { done, total } => {
                    if let Some(job) = &mut self.interop.job {
                        job.done = done;
                        job.total = total;
                    }
                }
                Event::JobFinished {
                    message,
                    problems,
                    changed,
                } => {
                    self.outstanding = self.outstanding.saturating_sub(1);
                    self.interop.job = None;
                    if !problems.is_empty() {
                        self.interop.problems = Some((message.clone(), problems));
                    }
                    self.status = message;
                    if changed {
                        self.refresh();
                    }
                }
                Event::ImportFinished(summary) => {
                    self.import = None;
                    self.status = format!(
                        "Imported {} photos ({} new), {} unchanged, {} failed{}",
                        summary.stored(),
                        summary.added.len(),
                        summary.unchanged,
                        summary.failed.len(),
                        if summary.cancelled { ", cancelled" } else { "" }
                    );
                    self.import_errors = summary.failed.clone();
                    self.last_import = Some(*summary);
                    self.thumbnails.forget_missing();
                    self.refresh();
                }
            }
        }
        self.thumbnails.receive(ctx);
    }

    /// Asks the worker for the inspector's data when the selection changed.
    fn inspect_selection(&mut self) {
        let wanted = self.selection.in_order(&self.order);
        if wanted != self.inspected {
            self.inspect_generation += 1;
            self.inspected = wanted.clone();
            self.inspector.clear_pending();
            self.worker.send(Command::Inspect {
                generation: self.inspect_generation,
                photos: wanted,
            });
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Search(query, sort) => {
                self.query = query;
                if let Some(s) = sort {
                    self.settings.sort = s.name().to_owned();
                }
                self.search_now();
            }
            Action::Sort(key) => {
                self.settings.sort = key.name().to_owned();
                self.search_now();
            }
            Action::Click {
                index,
                shift,
                toggle,
            } => {
                self.selection.click(&self.order, index, shift, toggle);
            }
            Action::Open(index) => {
                if let Some(id) = self.order.get(index) {
                    self.selection.only(id);
                    self.open_viewer(index);
                }
            }
            Action::Edit(edits, what) => self.apply(Action::EditPhotos {
                photos: self.selection.in_order(&self.order),
                edits,
                what,
            }),
            Action::EditPhotos {
                photos,
                edits,
                what,
            } => {
                if !photos.is_empty() {
                    self.command(Command::Edit {
                        photos,
                        edits,
                        what,
                    });
                }
            }
            Action::Step(delta) => {
                if let Some(index) = self.selection.step(&self.order, delta, false) {
                    self.scroll_to = Some(index);
                }
            }
            Action::Undo => self.command(Command::Undo),
            Action::Optimize => {
                if !self.job_running() {
                    self.command(Command::Optimize);
                }
            }
            Action::ChooseImport => {
                self.open_dialog(Pending::ImportFolder, Dialog::Folder("Import a folder"))
            }
            Action::Import(paths) => {
                let template =
                    Some(self.settings.import_template.clone()).filter(|t| !t.is_empty());
                self.worker.send(Command::Import { paths, template });
            }
            Action::CancelImport => {
                if let Some(i) = &self.import {
                    i.cancel.store(true, Ordering::Relaxed);
                    self.status = "Cancelling the import…".into();
                }
            }
            Action::ShowErrors => self.show_errors = true,
            Action::AddKeywordTo { keyword, photos } => self.command(Command::Edit {
                photos,
                edits: vec![Edit::AddKeyword(keyword.clone())],
                what: format!("Keyword {keyword}"),
            }),
            Action::Worker(command) => self.command(command),
            Action::SaveSearch(name) => self.command(Command::SaveSearch {
                name,
                query: self.query.clone(),
            }),
            Action::ApplyTemplate(name) => {
                let photos = self.selection.in_order(&self.order);
                self.command(Command::ApplyTemplate { name, photos });
            }
            Action::SelectAll => self.selection.select_all(&self.order),
            Action::OpenExportCsv => {
                self.interop.export_csv = Some(interop::export_csv_form(self));
            }
            Action::ChooseCsvExport {
                source,
                profile,
                name,
            } => self.open_dialog(
                Pending::ExportCsv { source, profile },
                Dialog::SaveCsv(name),
            ),
            Action::ExportCsv {
                source,
                profile,
                path,
            } => self.command(Command::ExportCsv {
                source,
                profile,
                path,
            }),
            Action::ChooseCsvImport => self.open_dialog(Pending::ImportCsv, Dialog::OpenCsv),
            Action::PreviewCsv(request) => self.command(Command::PreviewCsv(request)),
            Action::ApplyCsv { request, digest } => {
                self.command(Command::ApplyCsv { request, digest })
            }
            Action::WriteSidecars => {
                let photos = self.selection.in_order(&self.order);
                self.apply(Action::WriteMetadata {
                    photos,
                    target: Target::Sidecar,
                });
            }
            Action::ChooseCopiesFolder => {
                let photos = self.selection.in_order(&self.order);
                self.open_dialog(
                    Pending::CopiesFolder(photos),
                    Dialog::Folder("A folder for the copies"),
                );
            }
            Action::ConfirmEmbed => {
                self.interop.embed = Some(interop::EmbedForm {
                    photos: self.selection.in_order(&self.order),
                    backup: true,
                });
            }
            Action::WriteMetadata { photos, target } => {
                if self.job_running() {
                    return;
                }
                if photos.is_empty() {
                    self.status = "Select the photos to write first".into();
                    return;
                }
                self.command(Command::WriteMetadata { photos, target });
            }
            Action::OpenSetExport(name) => {
                self.interop.set_export = Some(interop::SetExportForm::new(name));
            }
            Action::ChooseSetFolder { name, options } => self.open_dialog(
                Pending::SetFolder { name, options },
                Dialog::Folder("A folder for the exhibition"),
            ),
            Action::ExportSet { name, dir, options } => {
                if !self.job_running() {
                    self.command(Command::ExportSet { name, dir, options });
                }
            }
        }
    }

    /// One file-writing job at a time; says so when one is under way.
    fn job_running(&mut self) -> bool {
        match &self.interop.job {
            Some(job) => {
                self.status = format!("{} is still under way", job.what);
                true
            }
            None => false,
        }
    }

    /// Opens a native file dialog without blocking the window: it runs on
    /// its own thread and the answer comes back through a channel. No
    /// dialog service (no portal, headless) answers None at once: a cancel.
    fn open_dialog(&mut self, pending: Pending, dialog: Dialog) {
        if self.dialog.is_some() {
            return;
        }
        let (tx, rx) = crossbeam_channel::bounded(1);
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-dialog".into())
            .spawn(move || {
                let csv = || rfd::AsyncFileDialog::new().add_filter("CSV", &["csv"]);
                let chosen = pollster::block_on(async {
                    match dialog {
                        Dialog::Folder(title) => {
                            rfd::AsyncFileDialog::new()
                                .set_title(title)
                                .pick_folder()
                                .await
                        }
                        Dialog::OpenCsv => csv().set_title("Import CSV").pick_file().await,
                        Dialog::SaveCsv(name) => {
                            csv()
                                .set_title("Export CSV")
                                .set_file_name(name)
                                .save_file()
                                .await
                        }
                    }
                });
                let _ = tx.send(chosen.map(|f| f.path().to_owned()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some((pending, rx)),
            Err(e) => self.status = format!("The file dialog could not open: {e}"),
        }
    }

    fn open_viewer(&mut self, index: usize) {
        if let Some(photo) = self.results.get(index) {
            self.viewer = Some(viewer::Viewer::open(photo, index, &self.ctx));
        }
    }

    /// The keyboard, as Lightroom and Photo Mechanic users expect it. Keys
    /// go to text fields first: typing a caption never rates the photo.
    fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        if ctx.input_mut(|i| i.consume_shortcut(&command(Key::F))) {
            self.focus_search = true;
        }
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&command(Key::Z))) {
            self.apply(Action::Undo);
        }
        if typing {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&command(Key::A))) {
            self.apply(Action::SelectAll);
        }
        let shift = ctx.input(|i| i.modifiers.shift);
        let mut moved = None;
        let columns = if self.settings.view == View::Grid {
            self.grid_columns.max(1) as isize
        } else {
            1
        };
        for (key, delta) in [
            (Key::ArrowRight, 1),
            (Key::ArrowLeft, -1),
            (Key::ArrowDown, columns),
            (Key::ArrowUp, -columns),
        ] {
            if ctx.input_mut(|i| {
                i.consume_key(Modifiers::NONE, key) || i.consume_key(Modifiers::SHIFT, key)
            }) {
                moved = self.selection.step(&self.order, delta, shift);
            }
        }
        if let Some(index) = moved {
            self.scroll_to = Some(index);
        }
        let edit = |attribute: Attribute, value: Value, what: &str| {
            Some((vec![Edit::Set(attribute, value)], what.to_owned()))
        };
        let mut wanted = None;
        ctx.input_mut(|i| {
            for (key, n) in [
                (Key::Num0, 0),
                (Key::Num1, 1),
                (Key::Num2, 2),
                (Key::Num3, 3),
                (Key::Num4, 4),
                (Key::Num5, 5),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    wanted = edit(Attribute::Rating, Value::from(n), &format!("Rating {n}"));
                }
            }
            for (key, flag, what) in [
                (Key::P, "pick", "Pick"),
                (Key::X, "reject", "Reject"),
                (Key::U, "none", "Unflag"),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    wanted = edit(Attribute::Flag, Value::from(flag), what);
                }
            }
            for (key, label) in [
                (Key::Num6, "red"),
                (Key::Num7, "yellow"),
                (Key::Num8, "green"),
                (Key::Num9, "blue"),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    wanted = edit(
                        Attribute::Label,
                        Value::from(label),
                        &format!("Label {label}"),
                    );
                }
            }
        });
        if let Some((edits, what)) = wanted {
            self.apply(Action::Edit(edits, what));
        }
        let open = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space));
        if open && let Some(index) = self.selection.focus().and_then(|f| self.order.position(f)) {
            self.open_viewer(index);
        }
        if ctx.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::Delete)
                || i.consume_key(Modifiers::NONE, Key::Backspace)
        }) && let Some((set, _)) = &self.set_items
        {
            let set = set.clone();
            let photos = self.selection.in_order(&self.order);
            if !photos.is_empty() {
                self.apply(Action::Worker(Command::RemoveFromSet { set, photos }));
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.menu_button("File", |ui| {
                let mut item = |ui: &mut egui::Ui, enabled: bool, text: &str, action: Action| {
                    if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                        actions.push(action);
                        ui.close();
                    }
                };
                let selected = !self.selection.is_empty();
                let idle = self.interop.job.is_none();
                item(ui, true, "Import a folder…", Action::ChooseImport);
                ui.separator();
                item(ui, true, "Export CSV…", Action::OpenExportCsv);
                item(ui, true, "Import CSV…", Action::ChooseCsvImport);
                ui.separator();
                item(
                    ui,
                    selected && idle,
                    "Write XMP sidecars for the selection",
                    Action::WriteSidecars,
                );
                item(
                    ui,
                    selected && idle,
                    "Copies of the selection with metadata…",
                    Action::ChooseCopiesFolder,
                );
                item(
                    ui,
                    selected && idle,
                    "Embed metadata in the selected originals…",
                    Action::ConfirmEmbed,
                );
                if let Some((set, _)) = &self.set_items {
                    ui.separator();
                    item(
                        ui,
                        idle,
                        &format!("Export the set \"{set}\"…"),
                        Action::OpenSetExport(set.clone()),
                    );
                }
                ui.separator();
                item(ui, true, "Undo", Action::Undo);
                item(ui, idle, "Optimize the catalogue", Action::Optimize);
            });
            ui.add_space(8.0);
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Search: kyndrova date:1991 keyword:military …")
                    .desired_width(ui.available_width() - 430.0),
            );
            search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search"));
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if search.changed() {
                self.query_edited = Some(Instant::now());
            }
            if search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.search_now();
            }
            let mut sort = self.sort();
            egui::ComboBox::from_id_salt("sort")
                .selected_text(sort_label(sort))
                .show_ui(ui, |ui| {
                    for (_, key) in SortKey::NAMES {
                        ui.selectable_value(&mut sort, *key, sort_label(*key));
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Sort by"));
            if sort != self.sort() {
                self.settings.sort = sort.name().to_owned();
                self.search_now();
            }
            ui.selectable_value(&mut self.settings.view, View::Grid, "Grid");
            ui.selectable_value(&mut self.settings.view, View::Table, "Table");
            ui.add(
                egui::Slider::new(&mut self.settings.thumbnail_size, 96.0..=320.0)
                    .show_value(false),
            )
            .on_hover_text("Thumbnail size");
            if ui.button("Import…").clicked() {
                actions.push(Action::ChooseImport);
            }
        });
        if let Some(error) = &self.search_error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    }

    /// Files and folders dropped on the window are imported.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.apply(Action::Import(dropped));
        }
    }
}

/// egui's own font covers Latin (Czech and Slovak included) and Cyrillic;
/// DejaVu Sans, shipped in assets/, backs it up for the symbols the app uses
/// (stars, flags, arrows) and for any letter an archive might hold that the
/// first font lacks.
fn install_fonts(ctx: &egui::Context) {
    static DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(DEJAVU),
        families,
    ));
}

/// "1 photo", "5 photos".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn sort_label(key: SortKey) -> &'static str {
    match key {
        SortKey::Depicted => "Date depicted",
        SortKey::Taken => "Date taken",
        SortKey::Imported => "Import order",
        SortKey::Title => "Title",
        SortKey::Rating => "Rating",
        SortKey::FileName => "File name",
        SortKey::SetOrder => "Set order",
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if self.frames == 1 && std::env::var_os("KARTOTEKA_REPORT_FIRST_FRAME").is_some() {
            // Printed when the first frame is laid out (the bench reads it).
            eprintln!(
                "first frame after {:.3} s",
                self.started.elapsed().as_secs_f64()
            );
        }
        self.handle_events(&ctx);
        if let Some(edited) = self.query_edited {
            let waited = edited.elapsed();
            if waited >= SEARCH_DEBOUNCE {
                self.search_now();
            } else {
                ctx.request_repaint_after(SEARCH_DEBOUNCE - waited);
            }
        }
        self.dropped_files(&ctx);
        if let Some((_, rx)) = &self.dialog
            && let Ok(answer) = rx.try_recv()
            && let Some((pending, _)) = self.dialog.take()
            && let Some(path) = answer
        {
            self.apply(pending.into_action(path));
        }

        let mut actions = Vec::new();
        if let Some(viewer) = &mut self.viewer {
            match viewer.ui(ui, &self.results) {
                viewer::Outcome::Stay => {}
                viewer::Outcome::Close => self.viewer = None,
                viewer::Outcome::Go(index) => {
                    if let Some(id) = self.order.get(index) {
                        self.selection.only(id);
                        self.scroll_to = Some(index);
                        self.open_viewer(index);
                    }
                }
            }
            self.inspect_selection();
            return;
        }

        self.keyboard(&ctx);

        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui, &mut actions);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| status::bar(self, ui, &mut actions));
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(240.0)
            .size_range(180.0..=480.0)
            .show(ui, |ui| sidebar::ui(self, ui, &mut actions));
        if self.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(340.0)
                .size_range(260.0..=640.0)
                .show(ui, |ui| inspector::ui(self, ui, &mut actions));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(message) = &self.failed {
                status::failed(ui, message);
            } else if self.opened
                && self.searched
                && self.sidebar.photos == 0
                && self.import.is_none()
            {
                status::first_screen(ui, &mut actions);
            } else {
                match self.settings.view {
                    View::Grid => grid::ui(self, ui, &mut actions),
                    View::Table => table::ui(self, ui, &mut actions),
                }
            }
        });
        if self.show_errors {
            status::errors_window(self, &ctx);
        }
        interop::windows(self, &ctx, &mut actions);
        for action in actions {
            self.apply(action);
        }
        self.inspect_selection();
        let wanted = std::mem::take(&mut self.wanted);
        self.thumbnails.want(wanted);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
