//! The desktop app: one window on one catalogue.
//!
//! The window never runs SQL and never decodes an image. A worker thread
//! owns the catalogue ([`worker`]); thumbnails decode on their own threads
//! ([`thumbnails`]); the full-size view loads through one long-lived loader
//! ([`viewer`]). Panels draw from the app's state and return [`Action`]s;
//! [`actions`] carries them out, mostly by sending commands to the worker;
//! [`events`] takes in what the worker answers. What a key does is in
//! [`keys`], the menus and the search field in [`top_bar`], dialogs in
//! [`dialogs`].

mod access;
mod actions;
mod catalogues;
mod claims;
mod dialogs;
mod errors;
mod events;
mod grid;
mod history;
pub mod i18n;
mod inspector;
pub mod interop;
mod keys;
pub mod results;
mod selection;
mod settings;
mod sidebar;
mod status;
mod table;
mod team;
pub mod theme;
pub mod thumbnails;
mod top_bar;
mod viewer;
mod words;
mod worker;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

pub use actions::Action;
pub use inspector::InspectorState;
pub use interop::InteropState;
pub use selection::{Order, Selection};
pub use settings::{BackupSchedule, Settings, TableColumn, View};
pub use status::Status;
pub use viewer::Viewer;
pub use worker::{
    Command, CsvPreview, CsvRequest, Details, Event, RestoreInto, Sidebar, Start, Worker,
};

use crate::catalog::{Facets, SetItem, Sort, SortKey};
use crate::ingest::import::{Failure, ImportSummary};
use crate::photo::PhotoId;
use crate::tr;
use thumbnails::Thumbnails;

/// How long typing must pause before the search runs.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(150);
/// Memory for thumbnail textures: some 700 grid thumbnails, several screens'
/// worth, so scrolling back finds them still there.
const THUMBNAIL_BUDGET: usize = 128 << 20;
const SETTINGS_KEY: &str = "kartoteka-settings";
/// A folder for the window's settings instead of the platform's (the
/// benchmark and the smoke test run with their own, so a user's settings
/// never change what they measure).
pub const SETTINGS_DIR_VARIABLE: &str = "KARTOTEKA_SETTINGS_DIR";

/// Which catalogue the window opens on.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Named on the command line (or double-clicked): opened, or created
    /// when there is none, as every command does.
    pub catalogue: Option<PathBuf>,
    /// The platform's default catalogue. With none named, the window opens
    /// the catalogue used last, else this one; when neither exists it
    /// offers to create it, open another, or restore a backup.
    pub default: Option<PathBuf>,
}

/// The desktop entry's and the window's application id, so that a desktop
/// shows the installed icon for the window.
pub const APP_ID: &str = "org.kartoteka.Kartoteka";

/// Opens the window; returns when it closes. `started` is when the process
/// started, for the time-to-first-frame figure.
pub fn run(launch: Launch, started: Instant) -> eframe::Result {
    // The title before the settings are read: in the system's language.
    i18n::Shared::new(i18n::Language::of_system()).use_here();
    let title = launch.catalogue.as_deref().map_or_else(
        || tr!("title"),
        |c| tr!("title-catalogue", catalogue = display_name(c)),
    );
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) =
        eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/kartoteka-256.png"))
    {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: std::env::var_os(SETTINGS_DIR_VARIABLE).map(PathBuf::from),
        ..Default::default()
    };
    let ran = eframe::run_native(
        "Kartoteka",
        options,
        Box::new(move |cc| {
            let mut app = App::new(cc, launch);
            app.started = started;
            Ok(Box::new(app))
        }),
    );
    // A catalogue of a million photos saves its search columns in about
    // half a second; a minute is past anything but a stuck disk.
    worker::wait_for_catalogues(Duration::from_secs(60));
    ran
}

fn display_name(path: &std::path::Path) -> String {
    catalogues::display_name(path)
}

/// An import under way.
pub struct ImportState {
    pub done: usize,
    pub total: usize,
    pub file: String,
    pub cancel: Arc<AtomicBool>,
}

pub struct App {
    settings: Settings,
    /// The language the window speaks, shared with the worker's threads.
    language: i18n::Shared,
    worker: Worker,
    thumbnails: Thumbnails,
    /// The catalogue is open (or why it is not).
    opened: bool,
    failed: Option<String>,

    query: String,
    query_edited: Option<Instant>,
    generation: u64,
    /// The generation of the results shown.
    shown_generation: u64,
    /// Changing commands sent and not yet answered.
    outstanding: usize,
    /// The sidebar was asked for and has not come back yet.
    sidebar_pending: bool,
    search_error: Option<String>,
    results: results::Results,
    order: Order,
    possible: HashSet<PhotoId>,
    facets: Facets,
    /// Photos of the result under each keyword, when the tree counts them.
    keyword_counts: Option<HashMap<i64, u64>>,
    /// Order and wall labels when the result is one exhibition set.
    set_items: Option<(String, Vec<SetItem>)>,
    /// Results have arrived at least once.
    searched: bool,
    /// Showing a set in its own order (descending or not). The window's
    /// order in `settings` stays as it was, for when the set is left.
    set_order: Option<bool>,

    selection: Selection,
    /// Scroll the grid or table to this result index on the next frame.
    scroll_to: Option<usize>,
    /// Columns of the grid in the last frame (arrows move by a row).
    grid_columns: usize,
    /// Result indices the grid showed in the last frame.
    grid_visible: std::ops::Range<usize>,
    /// Whole records of the photos the table showed, with the generation
    /// they were read at (older ones are shown until the new ones come).
    rows: HashMap<PhotoId, (u64, crate::photo::Photo)>,
    rows_generation: u64,
    /// Rows asked for in this generation and not yet come.
    rows_asked: HashSet<PhotoId>,

    inspect_generation: u64,
    /// The generation of the details last received.
    details_generation: u64,
    inspected: Vec<PhotoId>,
    details: Option<Box<Details>>,
    inspector: InspectorState,
    claims: claims::ClaimsState,

    sidebar: Sidebar,
    sidebar_state: sidebar::SidebarState,
    viewer: Option<Viewer>,
    loader: viewer::Loader,

    import: Option<ImportState>,
    /// Forms, the CSV preview and the job under way.
    interop: InteropState,
    import_errors: Vec<Failure>,
    /// How the team catalogue stands, once its syncing thread has told.
    team: Option<team::TeamStatus>,
    last_import: Option<ImportSummary>,
    show_errors: bool,
    status: Status,
    /// What undo and redo would do now, in words.
    undo_redo: (Option<String>, Option<String>),
    dialogs: dialogs::Dialogs,
    /// A text field had the keyboard at the end of the last frame.
    typing: bool,
    /// Thumbnails the panels asked for this frame, most wanted first.
    wanted: Vec<thumbnails::Request>,
    ctx: egui::Context,
    /// When the window was created, for the time-to-first-frame figure.
    started: Instant,
    frames: u64,
    /// The sidebar's counts have all been on screen (said once, for the
    /// benchmark).
    sidebar_reported: bool,

    /// The catalogue shown (also a damaged one), once the worker has it.
    catalogue: Option<PathBuf>,
    /// The platform's default catalogue, offered at the first launch.
    default_catalogue: Option<PathBuf>,
    /// No catalogue exists yet: the first launch.
    no_catalogue: bool,
    damaged: Option<catalogues::Damaged>,
    /// A backup was asked to be opened (its path, and when it was taken).
    backup_file: Option<(PathBuf, String)>,
    /// Quitting or switching catalogues, once the work under way is done.
    leaving: Option<catalogues::Leaving>,
    /// The window was told to close.
    closing: bool,
    /// The thumbnails file the decoders read.
    thumbnails_for: PathBuf,
    title: String,
    windows: catalogues::Windows,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let start = match launch.catalogue {
            Some(path) => Start::OpenOrCreate(path),
            None => Start::FirstThatExists(
                settings
                    .recent
                    .first()
                    .into_iter()
                    .chain(&launch.default)
                    .cloned()
                    .collect(),
            ),
        };
        Self::starting(&cc.egui_ctx, start, launch.default, settings)
    }

    /// The app on a catalogue with given settings (tests start it this way).
    pub fn with_settings(ctx: &egui::Context, catalogue: PathBuf, settings: Settings) -> Self {
        Self::starting(ctx, Start::OpenOrCreate(catalogue), None, settings)
    }

    /// The app starting as `start` says, with `default` as the catalogue
    /// the first launch offers to create.
    pub fn starting(
        ctx: &egui::Context,
        start: Start,
        default: Option<PathBuf>,
        settings: Settings,
    ) -> Self {
        install_fonts(ctx);
        style(ctx);
        ctx.add_plugin(access::OwnControlNames);
        Self::fresh(ctx, start, default, settings)
    }

    /// Everything but the fonts and style: also what switching catalogues
    /// starts anew.
    fn fresh(
        ctx: &egui::Context,
        start: Start,
        default: Option<PathBuf>,
        settings: Settings,
    ) -> Self {
        let settings = settings.checked();
        let language = i18n::Shared::new(settings.language());
        language.use_here();
        let thumbnails_for = start
            .path()
            .map(crate::catalog::thumbnails::path_beside)
            .unwrap_or_default();
        let thumbnails = start_thumbnails(ctx, &thumbnails_for);
        let repaint_ctx = ctx.clone();
        let worker = Worker::start(start, settings.backup_folder.clone(), move || {
            repaint_ctx.request_repaint()
        });
        let mut status = Status::default();
        status.info(tr!("status-opening"));
        Self {
            settings,
            language,
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
            results: results::Results::default(),
            order: Order::default(),
            possible: HashSet::new(),
            facets: Facets::default(),
            keyword_counts: None,
            set_items: None,
            searched: false,
            set_order: None,
            selection: Selection::default(),
            scroll_to: None,
            grid_columns: 1,
            grid_visible: 0..0,
            rows: HashMap::new(),
            rows_generation: 0,
            rows_asked: HashSet::new(),
            inspect_generation: 0,
            details_generation: 0,
            inspected: Vec::new(),
            details: None,
            inspector: InspectorState::default(),
            claims: claims::ClaimsState::default(),
            sidebar: Sidebar::default(),
            sidebar_state: sidebar::SidebarState::default(),
            viewer: None,
            loader: viewer::Loader::start(ctx),
            import: None,
            interop: InteropState::default(),
            import_errors: Vec::new(),
            team: None,
            last_import: None,
            show_errors: false,
            status,
            undo_redo: (None, None),
            dialogs: dialogs::Dialogs::default(),
            typing: false,
            wanted: Vec::new(),
            ctx: ctx.clone(),
            started: Instant::now(),
            frames: 0,
            sidebar_reported: false,
            catalogue: None,
            default_catalogue: default,
            no_catalogue: false,
            damaged: None,
            backup_file: None,
            leaving: None,
            closing: false,
            thumbnails_for,
            title: String::new(),
            windows: catalogues::Windows::default(),
        }
    }

    /// The decoders on the thumbnails file beside the catalogue opened,
    /// when it is not the one they were started on.
    fn thumbnails_beside(&mut self, catalogue: &std::path::Path) {
        let path = crate::catalog::thumbnails::path_beside(catalogue);
        if path != self.thumbnails_for {
            self.thumbnails = start_thumbnails(&self.ctx, &path);
            self.thumbnails_for = path;
        }
    }

    // What tests and benchmarks look at.

    /// The catalogue the window shows (or found damaged).
    pub fn catalogue(&self) -> Option<&std::path::Path> {
        self.catalogue.as_deref()
    }

    /// The window's title, as last sent to it.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// How the team catalogue stands, as the status bar shows it: `None`
    /// for a catalogue of no team (or before its first word).
    pub fn team_status(&self) -> Option<(u64, u64, bool)> {
        self.team
            .as_ref()
            .map(|t| (t.waiting, t.conflicts, t.offline.is_some()))
    }

    /// The window was told to close (Quit, once the work was done).
    pub fn closing(&self) -> bool {
        self.closing
    }

    /// The window shows no catalogue: the first launch, or one that could
    /// not be opened.
    pub fn without_catalogue(&self) -> bool {
        !self.opened
            && (self.no_catalogue
                || self.damaged.is_some()
                || self.failed.is_some()
                || self.backup_file.is_some())
    }

    /// Quitting or switching waits for the work under way.
    pub fn leaving(&self) -> bool {
        self.leaving.is_some()
    }

    pub fn results(&self) -> &results::Results {
        &self.results
    }

    pub fn order(&self) -> &Order {
        &self.order
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn inspector(&self) -> &InspectorState {
        &self.inspector
    }

    pub fn interop(&self) -> &InteropState {
        &self.interop
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn viewer(&self) -> Option<&Viewer> {
        self.viewer.as_ref()
    }

    pub fn thumbnails(&self) -> &Thumbnails {
        &self.thumbnails
    }

    pub fn importing(&self) -> bool {
        self.import.is_some()
    }

    /// Columns of the grid and the result indices it showed, last frame.
    pub fn grid_layout(&self) -> (usize, std::ops::Range<usize>) {
        (self.grid_columns, self.grid_visible.clone())
    }

    /// The result index of a photo.
    pub fn index_of(&self, id: PhotoId) -> Option<usize> {
        self.order.position(id)
    }

    /// Whether a dialog of Kartoteka's own (a path field, the keyword form)
    /// is open.
    pub fn dialog_open(&self) -> bool {
        self.dialogs.modal_open()
    }

    /// The order results are shown in: the set's own while a set is shown
    /// in it, else the window's.
    pub fn sort(&self) -> Sort {
        match self.set_order {
            Some(descending) if self.shown_set().is_some() => Sort {
                key: SortKey::SetOrder,
                descending,
            },
            _ => self.settings.sort(),
        }
    }

    /// The exhibition set the query names, when the query is just that.
    fn shown_set(&self) -> Option<String> {
        match crate::search::parse(&self.query) {
            Ok(crate::search::Query::Set(name))
                if self
                    .sidebar
                    .sets
                    .iter()
                    .any(|s| s.name == name && s.query.is_none()) =>
            {
                Some(name)
            }
            _ => None,
        }
    }

    /// The results shown are those of the last search asked for.
    fn search_settled(&self) -> bool {
        self.searched && self.shown_generation == self.generation
    }

    /// Nothing is on its way: no search, inspection, import or thumbnail.
    /// Tests and benchmarks wait for this.
    pub fn is_settled(&self) -> bool {
        if self.without_catalogue() {
            // A screen that offers what to do, with no catalogue open.
            return self.worker.events.is_empty() && self.dialogs.idle() && self.leaving.is_none();
        }
        self.opened
            && self.leaving.is_none()
            && self.searched
            && self.shown_generation == self.generation
            && self.outstanding == 0
            && !self.sidebar_pending
            && self.worker.events.is_empty()
            && self.query_edited.is_none()
            && self.import.is_none()
            && self.interop.job.is_none()
            && self.dialogs.idle()
            && self.inspected == self.selection.in_order(&self.order)
            && self.details_generation == self.inspect_generation
            && self.thumbnails.is_idle()
            && self.viewer.as_ref().is_none_or(Viewer::is_loaded)
            && self.rows_asked.is_empty()
            && self.results.is_complete()
    }

    /// Sends a command; one that changes the catalogue is awaited (its
    /// answer, Changed or Error) before the app counts as settled.
    fn command(&mut self, command: Command) {
        if command.changes() {
            self.outstanding += 1;
        }
        self.worker.send(command);
    }

    /// Runs the current query now.
    fn search_now(&mut self) {
        // Leaving a set leaves its order: the window's own comes back.
        if self.set_order.is_some() && self.shown_set().is_none() {
            self.set_order = None;
        }
        self.generation += 1;
        self.query_edited = None;
        self.worker.send(Command::Search {
            generation: self.generation,
            query: self.query.clone(),
            sort: self.sort(),
            keyword_counts: self.settings.keyword_counts_follow_result,
        });
    }

    /// Asks again for everything shown: results, sidebar, inspector, the
    /// table's rows.
    fn refresh(&mut self) {
        self.search_now();
        self.sidebar_pending = true;
        self.worker.send(Command::Sidebar);
        self.inspected.clear();
        self.rows_generation += 1;
        self.rows_asked.clear();
    }

    /// Asks for the whole records of table rows not read in this generation.
    fn want_rows(&mut self, photos: Vec<PhotoId>) {
        let photos: Vec<PhotoId> = photos
            .into_iter()
            .filter(|id| self.rows_asked.insert(*id))
            .collect();
        if photos.is_empty() {
            return;
        }
        // Rows scrolled past long ago are read again when they come back.
        if self.rows.len() > 4000 {
            let current = self.rows_generation;
            self.rows
                .retain(|_, (generation, _)| *generation == current);
        }
        self.worker.send(Command::Rows {
            generation: self.rows_generation,
            photos,
        });
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

    fn open_viewer(&mut self, index: usize) {
        if let Some(photo) = self.results.get(index) {
            self.viewer = Some(Viewer::open(photo, index, &self.loader, &self.ctx));
        }
    }

    /// Files and folders dropped on the window are imported; a catalogue
    /// is opened.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // A catalogue dropped on the window is opened; anything else is
        // imported.
        match dropped.as_slice() {
            [] => {}
            [one]
                if one
                    .extension()
                    .is_some_and(|e| e == crate::catalog::backup::EXTENSION) =>
            {
                self.apply(Action::OpenCatalogue(one.clone()));
            }
            _ => self.apply(Action::Import(dropped)),
        }
    }

    /// The keyboard: shortcuts pressed this frame, as actions. Keys go to
    /// text fields first, so typing a caption never rates a photo.
    fn keyboard(&mut self, ctx: &egui::Context) {
        // A field that had the keyboard last frame still has it for this
        // frame's keys: egui lets go of it on Esc before the keys are read,
        // and that Esc is the field's (leave without saving), not a
        // shortcut's. An open menu keeps Esc and the arrows for itself.
        let typing = self.typing
            || ctx.egui_wants_keyboard_input()
            || self.dialogs.modal_open()
            || egui::Popup::is_any_open(ctx);
        let clean = typing
            && !self.dialogs.modal_open()
            && ctx
                .memory(|m| m.focused())
                .is_some_and(|id| self.inspector.is_clean(id));
        for shortcut in keys::pressed(ctx, typing, clean, self.viewer.is_some()) {
            if shortcut == keys::Shortcut::Back && self.dialogs.keyboard_reference {
                self.dialogs.keyboard_reference = false;
                continue;
            }
            self.apply(Action::Key(shortcut));
        }
    }

    /// A ring around whatever has the keyboard, so that there is always
    /// one visible focus, whichever widget it is.
    fn focus_ring(&self, ctx: &egui::Context) {
        let Some(id) = ctx.memory(|m| m.focused()) else {
            return;
        };
        let Some(response) = ctx.read_response(id) else {
            return;
        };
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("focus-ring"),
        ));
        painter.rect_stroke(
            response.rect.expand(2.0),
            egui::CornerRadius::same(4),
            egui::Stroke::new(2.0, focus_colour(ctx)),
            egui::StrokeKind::Outside,
        );
    }
}

fn start_thumbnails(ctx: &egui::Context, store: &std::path::Path) -> Thumbnails {
    let repaint_ctx = ctx.clone();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    Thumbnails::start(store, threads, THUMBNAIL_BUDGET, move || {
        repaint_ctx.request_repaint()
    })
}

/// The colour of the keyboard focus: the selection colour, made strong.
pub fn focus_colour(ctx: &egui::Context) -> egui::Color32 {
    theme::focus_colour(ctx.theme())
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

/// A text field with the keyboard shows it with a strong outline.
fn style(ctx: &egui::Context) {
    theme::install(ctx);
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.language.use_here();
        // The zoom and theme remembered, put back once the window is up
        // (eframe sets its own while it starts); after that Ctrl+plus,
        // Ctrl+minus and Ctrl+0 are egui's, and the window keeps what they
        // leave.
        if self.frames == 0 {
            ctx.set_zoom_factor(self.settings.zoom);
        }
        self.settings.zoom = ctx.zoom_factor();
        let theme = self.settings.theme.egui();
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        self.frames += 1;
        if self.frames == 1 && std::env::var_os("KARTOTEKA_REPORT_FIRST_FRAME").is_some() {
            // Printed when the first frame is laid out (the bench reads it).
            eprintln!(
                "first frame after {:.3} s",
                self.started.elapsed().as_secs_f64()
            );
        }
        self.handle_events(&ctx);
        // The window's close button is Quit: the work under way is waited
        // for, and a due backup made, before the window goes.
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Action::Quit);
        }
        self.carry_on_leaving();
        if let Some(edited) = self.query_edited {
            let waited = edited.elapsed();
            if waited >= SEARCH_DEBOUNCE {
                self.search_now();
            } else {
                ctx.request_repaint_after(SEARCH_DEBOUNCE - waited);
            }
        }
        self.dropped_files(&ctx);
        if let Some(action) = self.dialogs.poll() {
            self.apply(action);
        }
        self.keyboard(&ctx);

        let mut actions = Vec::new();
        if self.viewer.is_some() {
            viewer::ui(self, ui, &mut actions);
        } else {
            egui::Panel::top("top").show(ui, |ui| {
                ui.add_space(4.0);
                top_bar::ui(self, ui, &mut actions);
                ui.add_space(2.0);
            });
            egui::Panel::bottom("status").show(ui, |ui| status::bar(self, ui, &mut actions));
            let without_catalogue = self.without_catalogue();
            if !without_catalogue {
                egui::Panel::left("sidebar")
                    .resizable(true)
                    .default_size(250.0)
                    .size_range(200.0..=420.0)
                    .show(ui, |ui| sidebar::ui(self, ui, &mut actions));
            }
            if self.settings.show_inspector && !without_catalogue {
                egui::Panel::right("inspector")
                    .resizable(true)
                    .default_size(340.0)
                    .size_range(280.0..=560.0)
                    .show(ui, |ui| inspector::ui(self, ui, &mut actions));
            }
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(damaged) = &self.damaged {
                    catalogues::damaged(damaged, ui, &mut actions);
                } else if let Some((path, taken)) = &self.backup_file {
                    catalogues::backup_file(path, taken, ui, &mut actions);
                } else if self.no_catalogue {
                    catalogues::welcome(self, ui, &mut actions);
                } else if let Some(message) = &self.failed {
                    catalogues::failed(message, ui, &mut actions);
                } else if self.opened
                    && self.searched
                    && self.results.is_empty()
                    && !self.sidebar_pending
                    && self.sidebar.photos == 0
                    && self.import.is_none()
                {
                    // Only when the catalogue's own count says so: results
                    // may arrive before the sidebar's counts do.
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
            claims::source_window(self, &ctx, &mut actions);
        }
        catalogues::windows(self, &ctx, &mut actions);
        let keyword_paths: Vec<String> = self
            .sidebar
            .keywords
            .iter()
            .map(|k| k.path.clone())
            .collect();
        self.dialogs.show(&ctx, &keyword_paths, &mut actions);
        for action in actions {
            self.apply(action);
        }
        self.inspect_selection();
        let wanted = std::mem::take(&mut self.wanted);
        self.thumbnails.want(wanted);
        for (first, photos) in self.results.to_ask() {
            self.worker.send(Command::Summaries {
                generation: self.results.generation(),
                first,
                photos,
            });
        }
        self.focus_ring(&ctx);
        self.typing = ctx.egui_wants_keyboard_input();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
