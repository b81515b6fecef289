//! The catalogue worker: a named thread that owns the catalogue and answers
//! the window's commands through channels, so that the UI thread never
//! waits on SQLite. After every event it sends, it asks egui to repaint.
//!
//! Imports and jobs that write files run on threads of their own with their
//! own connections (SQLite's WAL lets the worker keep answering searches
//! meanwhile), and can be cancelled. When idle, the worker looks every
//! 200 ms whether another program changed the catalogue, and says so.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, unbounded};

use super::errors::{self, Said};
use crate::catalog::backup::{self, Backup};
use crate::catalog::{
    Attribution, CatalogError, Catalogue, Certainty, Change, Claim, Edit, Facets, HistoryEntry,
    KeywordEntry, PhotoSummary, SearchError, SetInfo, SetItem, Sort, SortKey,
    Source as CitedSource, SourceRecord, Template, ThumbnailStore, Tidy,
};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::ingest::import::{ImportOptions, ImportSummary, Progress, import};
use crate::interop::{self, CsvImport, LabelChange, Source, Target};
use crate::photo::{Photo, PhotoId, RawTag};

use crate::tr;
use crate::ui::i18n;

/// What the window asks of the catalogue.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run a search. Only the newest search in the queue runs.
    Search {
        generation: u64,
        query: String,
        sort: Sort,
        /// Also count, for every keyword, the result's photos under it.
        keyword_counts: bool,
    },
    /// Everything the inspector shows for these photos (the first is the
    /// one in focus).
    Inspect {
        generation: u64,
        photos: Vec<PhotoId>,
    },
    /// Counts, folders, keywords, sets, templates for the sidebar.
    Sidebar,
    /// Summaries of a page of the result shown (the grid, the table and
    /// the viewer come to it): `first` is its place in the result.
    Summaries {
        generation: u64,
        first: usize,
        photos: Vec<PhotoId>,
    },
    /// Whole records of photos the table shows.
    Rows {
        generation: u64,
        photos: Vec<PhotoId>,
    },
    Edit {
        photos: Vec<PhotoId>,
        edits: Vec<Edit>,
        what: String,
    },
    Undo,
    Redo,
    CreateSet(String),
    /// A new exhibition set holding these photos, as one operation.
    CreateSetWith {
        set: String,
        photos: Vec<PhotoId>,
    },
    RenameSet {
        old: String,
        new: String,
    },
    AddToSet {
        set: String,
        photos: Vec<PhotoId>,
    },
    RemoveFromSet {
        set: String,
        photos: Vec<PhotoId>,
    },
    /// Move photos (in this order) to a 1-based position of the set.
    MoveInSet {
        set: String,
        photos: Vec<PhotoId>,
        position: u32,
    },
    SetNote {
        set: String,
        photo: PhotoId,
        note: String,
    },
    DeleteSet(String),
    SaveSearch {
        name: String,
        query: String,
    },
    RenameKeyword {
        old: String,
        new: String,
    },
    MergeKeywords {
        from: String,
        into: String,
    },
    DeleteKeyword(String),
    ApplyTemplate {
        name: String,
        photos: Vec<PhotoId>,
    },
    /// Import files and folders, optionally applying a template to new photos.
    Import {
        paths: Vec<PathBuf>,
        template: Option<String>,
    },
    /// Write a CSV catalogue of these photos to a file.
    ExportCsv {
        source: Source,
        profile: Profile,
        path: PathBuf,
    },
    /// Read an edited CSV and say what it would change (a dry run).
    PreviewCsv(CsvRequest),
    /// Apply an edited CSV, if it is still the file that was previewed.
    ApplyCsv {
        request: CsvRequest,
        digest: String,
    },
    /// Write photos' metadata to sidecars or files (on a thread of its own).
    WriteMetadata {
        photos: Vec<PhotoId>,
        target: Target,
    },
    /// Export an exhibition set into a folder (on a thread of its own).
    ExportSet {
        name: String,
        dir: PathBuf,
        options: SetOptions,
    },
    /// Tidy the catalogue after much editing (on a thread of its own).
    Optimize,
    /// Add a claim to photos (creating its source first when asked).
    AddClaim(Box<ClaimRequest>),
    PreferClaim(i64),
    RemoveClaim(i64),
    /// Change a claim's source, locator, certainty or note.
    EditClaim {
        claim: i64,
        attribution: Attribution,
        /// A source to create first and cite instead: its citation.
        new_source: Option<String>,
    },
    /// Change a source's fields (`citation`, `author`, `title`, ...).
    EditSource {
        id: i64,
        changes: Vec<(String, String)>,
    },
    /// Move every claim citing `from` to `into`, and remove `from`.
    MergeSources {
        from: i64,
        into: i64,
    },
    /// Read sources from a CSL-JSON file (a reference manager's export).
    ImportSources(PathBuf),
    /// Back up the catalogue and its thumbnails into `folder` (or the
    /// folder beside the catalogue), keeping the newest `keep`; with
    /// `unless_newer_than`, only when the latest backup is older than that.
    Backup {
        folder: Option<PathBuf>,
        keep: usize,
        unless_newer_than: Option<Duration>,
    },
    /// Say which is the newest backup of the catalogue.
    LatestBackup {
        folder: Option<PathBuf>,
    },
}

/// A claim to add to photos, as the inspector's form holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRequest {
    pub photos: Vec<PhotoId>,
    /// The field's name, as `--set` takes it.
    pub field: String,
    pub value: String,
    pub source: Option<i64>,
    /// A source to create first and cite: its citation.
    pub new_source: Option<String>,
    pub locator: Option<String>,
    pub certainty: Option<Certainty>,
    pub note: Option<String>,
    pub prefer: bool,
}

/// What a new worker does first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// Open the catalogue, creating it if there is none (the command line's
    /// `--catalog FILE`, as every command does).
    OpenOrCreate(PathBuf),
    /// Open an existing catalogue (File > Open catalogue…, a recent one).
    Open(PathBuf),
    /// Make a new catalogue; never an existing file.
    Create(PathBuf),
    /// The first existing of these catalogues (the last one used, then the
    /// default); if none exists, say so and wait for the user's choice.
    FirstThatExists(Vec<PathBuf>),
    /// Restore a backup into a new catalogue and open it.
    Restore { backup: PathBuf, into: RestoreInto },
}

/// Where a backup is restored to; never over an existing file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreInto {
    /// This new file (the default catalogue, at the first launch).
    File(PathBuf),
    /// A new file beside this catalogue, which is in use.
    Beside(PathBuf),
}

impl Start {
    /// The catalogue this start is about, for messages.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Start::OpenOrCreate(p) | Start::Open(p) | Start::Create(p) => Some(p),
            Start::FirstThatExists(paths) => paths.first().map(PathBuf::as_path),
            Start::Restore {
                into: RestoreInto::File(p) | RestoreInto::Beside(p),
                ..
            } => Some(p),
        }
    }
}

impl Command {
    /// Whether the command changes the catalogue: the window waits for its
    /// answer before it counts as settled.
    pub fn changes(&self) -> bool {
        !matches!(
            self,
            Command::Search { .. }
                | Command::Inspect { .. }
                | Command::Sidebar
                | Command::Rows { .. }
                | Command::Summaries { .. }
                | Command::LatestBackup { .. }
        )
    }
}

/// An edited CSV to read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRequest {
    pub path: PathBuf,
    /// An empty cell clears the field.
    pub blank_clears: bool,
    /// The exhibition set its Wall label column goes into.
    pub set: Option<String>,
}

/// What an edited CSV would change, for the window to show before asking.
#[derive(Debug, Clone)]
pub struct CsvPreview {
    pub request: CsvRequest,
    /// BLAKE3 of the file previewed.
    pub digest: String,
    pub changes: Vec<Change>,
    pub labels: Vec<LabelChange>,
    /// A claims CSV's changes: row, photo, what changes in words.
    pub claims: Vec<(usize, PhotoId, String)>,
    /// Photos with at least one change.
    pub photos: usize,
    /// File names of the photos changed, for the window to show.
    pub names: std::collections::HashMap<PhotoId, String>,
    /// The file has a Wall label column.
    pub has_labels: bool,
    /// Rows and cells left alone, with their places.
    pub problems: Vec<String>,
}

/// The inspector's view of its photos.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub generation: u64,
    /// Every inspected photo (the focused one first).
    pub photos: Vec<Photo>,
    /// Raw tags of the focused photo.
    pub tags: Vec<RawTag>,
    /// Exhibition sets the focused photo is in.
    pub sets: Vec<String>,
    /// The focused photo's history, newest first.
    pub history: Vec<HistoryEntry>,
    /// The focused photo's wall labels, by set.
    pub wall_labels: Vec<(String, Option<String>)>,
    /// The focused photo's claims, by field.
    pub claims: Vec<Claim>,
}

/// The sidebar's contents.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub photos: u64,
    pub missing: u64,
    pub without_caption: u64,
    pub folders: Vec<(PathBuf, u64)>,
    pub keywords: Vec<KeywordEntry>,
    pub sets: Vec<SetInfo>,
    pub templates: Vec<Template>,
    /// Every source, by citation, with how many photos cite it.
    pub sources: Vec<CitedSource>,
}

/// What the catalogue tells the window.
#[derive(Debug)]
pub enum Event {
    Opened {
        path: PathBuf,
    },
    /// The catalogue could not be opened; the window says why.
    Failed(String),
    /// The catalogue is damaged (or is no catalogue): nothing was written to
    /// it. The newest backup of it, if one was found, is offered.
    Damaged {
        path: PathBuf,
        message: String,
        latest: Option<Backup>,
    },
    /// The file asked to be opened is a backup: it is not worked in, so it
    /// stays as it was; the window offers to restore it instead.
    IsBackup {
        path: PathBuf,
        taken: String,
    },
    /// No catalogue exists yet at any of the places looked at: the window
    /// offers to create one, open one, or restore a backup.
    NoCatalogue,
    /// The newest backup of the open catalogue, and the folder looked in.
    LatestBackup {
        folder: PathBuf,
        latest: Option<Backup>,
    },
    Results {
        generation: u64,
        /// Every photo of the result, in order.
        photos: Vec<PhotoId>,
        /// The summaries of the first page; the window asks for others as
        /// it comes to them.
        first: Vec<PhotoSummary>,
        possible: Vec<PhotoId>,
        facets: Box<Facets>,
        /// The set's order and wall labels when the query is one set.
        set_items: Option<(String, Vec<SetItem>)>,
        /// Photos of the result under each keyword, when asked for.
        keyword_counts: Option<HashMap<i64, u64>>,
    },
    SearchError {
        generation: u64,
        message: String,
    },
    Details(Box<Details>),
    Sidebar(Box<Sidebar>),
    Summaries {
        generation: u64,
        first: usize,
        photos: Vec<PhotoSummary>,
    },
    Rows {
        generation: u64,
        asked: Vec<PhotoId>,
        photos: Vec<Photo>,
    },
    /// Reading what a panel shows failed; said once, not asked again.
    ReadFailed(String),
    /// What undo and redo would do now, in words.
    History {
        undo: Option<String>,
        redo: Option<String>,
    },
    /// Something changed; the message is for the status bar.
    Changed(String),
    /// Another program (or a job of this window's) changed the catalogue.
    ChangedElsewhere,
    /// How the team catalogue stands: told by the thread that syncs it,
    /// when anything changed.
    Team(super::team::TeamStatus),
    /// A change could not be made; the message says why.
    Error(String),
    ImportStarted {
        total: usize,
        cancel: Arc<AtomicBool>,
    },
    ImportProgress {
        done: usize,
        total: usize,
        file: String,
    },
    ImportFinished(Box<ImportSummary>),
    /// A command that changes nothing in the catalogue finished.
    Done(String),
    CsvPreview(Box<CsvPreview>),
    /// A job on its own thread (writing metadata, exporting a set) began;
    /// setting `cancel` stops it.
    JobStarted {
        what: String,
        cancel: Arc<AtomicBool>,
    },
    JobProgress {
        done: usize,
        total: usize,
    },
    JobFinished {
        message: String,
        problems: Vec<String>,
        /// The catalogue changed (sidecars or rewritten files recorded).
        changed: bool,
        /// The job failed as a whole.
        failed: bool,
    },
}

/// The window's handle on the worker.
pub struct Worker {
    commands: Sender<Command>,
    pub events: Receiver<Event>,
}

/// How often an idle worker looks whether another program changed the
/// catalogue: often enough that the change shows within a tenth of a
/// second (the look is one read of shared memory).
const LOOK_ELSEWHERE: Duration = Duration::from_millis(50);

/// The catalogue threads started and not yet waited for. A catalogue
/// closing saves its search columns beside it; the process ending while a
/// thread is still closing would cut that short.
static CATALOGUE_THREADS: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// Waits, at most `limit`, for every catalogue thread whose window has let
/// go of it to close its catalogue. Called once the window is gone, before
/// the process ends.
pub fn wait_for_catalogues(limit: Duration) {
    let threads = std::mem::take(&mut *CATALOGUE_THREADS.lock().unwrap_or_else(|e| e.into_inner()));
    let deadline = Instant::now() + limit;
    for thread in threads {
        while !thread.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        if thread.is_finished() {
            let _ = thread.join();
        }
    }
}

impl Worker {
    /// Starts the worker: it opens (or creates, or restores) a catalogue as
    /// `start` says, then answers commands. `backups` is the folder chosen
    /// for backups (`None`: the one beside the catalogue). `repaint` is
    /// called after every event (egui's `request_repaint`).
    pub fn start(
        start: Start,
        backups: Option<PathBuf>,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (commands, command_rx) = unbounded::<Command>();
        let (event_tx, events) = unbounded::<Event>();
        let repaint = Arc::new(repaint);
        let language = i18n::current();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-catalogue".into())
            .spawn(move || {
                language.use_here();
                let send = |e: Event| {
                    let _ = event_tx.send(e);
                    repaint();
                };
                let Some((catalogue, path)) = open(start, backups.as_deref(), &send) else {
                    return;
                };
                send(Event::Opened { path: path.clone() });
                // A team catalogue syncs on a thread of its own for as long
                // as this one runs.
                let (_stop_team, stop_team) = super::team::stopper();
                if let Ok(Some(url)) = catalogue.team_server() {
                    let events = event_tx.clone();
                    let repaint = repaint.clone();
                    let tell = move |e: Event| {
                        let _ = events.send(e);
                        repaint();
                    };
                    if let Some(thread) = super::team::start(path.clone(), url, tell, stop_team) {
                        CATALOGUE_THREADS
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(thread);
                    }
                }
                // Read before anything else is: what another connection
                // commits from here on is looked for.
                let data_version = catalogue.data_version().ok();
                let mut state = State {
                    catalogue,
                    path,
                    backups,
                    events: event_tx.clone(),
                    repaint: repaint.clone(),
                    data_version,
                    untidy: true,
                    damaged: false,
                    collated: None,
                    said: std::collections::HashMap::new(),
                };
                state.send_history();
                loop {
                    if state.damaged {
                        // Nothing more is read from or written to it.
                        break;
                    }
                    // While the index has merging to do, it is done a step
                    // at a time between commands.
                    let wait = if state.untidy {
                        Duration::ZERO
                    } else {
                        LOOK_ELSEWHERE
                    };
                    let first = match command_rx.recv_timeout(wait) {
                        Ok(command) => command,
                        Err(RecvTimeoutError::Timeout) => {
                            state.look_elsewhere();
                            state.tidy_search_index();
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => break,
                    };
                    // Of the searches and inspections waiting, only the
                    // newest matters.
                    let mut batch = vec![first];
                    batch.extend(command_rx.try_iter());
                    let newest_search = batch
                        .iter()
                        .rposition(|c| matches!(c, Command::Search { .. }));
                    let newest_inspect = batch
                        .iter()
                        .rposition(|c| matches!(c, Command::Inspect { .. }));
                    for (i, command) in batch.into_iter().enumerate() {
                        let stale = match command {
                            Command::Search { .. } => Some(i) != newest_search,
                            Command::Inspect { .. } => Some(i) != newest_inspect,
                            _ => false,
                        };
                        if !stale && !state.damaged {
                            state.handle(command);
                        }
                    }
                }
            });
        let spawned = spawned.map(|thread| {
            CATALOGUE_THREADS
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(thread);
        });
        if let Err(e) = spawned {
            // Without a worker there is no catalogue; the window will say so.
            let (tx, rx) = unbounded();
            let _ = tx.send(Event::Failed(tr!(
                "worker-not-started",
                error = errors::other(&e)
            )));
            return Self {
                commands: unbounded().0,
                events: rx,
            };
        }
        Self { commands, events }
    }

    /// No catalogue and no thread: what the window holds while it offers to
    /// create, open or restore one.
    pub fn none() -> Self {
        Self {
            commands: unbounded().0,
            events: unbounded().1,
        }
    }

    pub fn send(&self, command: Command) {
        let _ = self.commands.send(command);
    }
}

/// Carries out a worker's start: returns the open catalogue, or `None`
/// once it has said why there is none.
fn open(
    start: Start,
    backups: Option<&Path>,
    send: &dyn Fn(Event),
) -> Option<(Catalogue, PathBuf)> {
    // Remembered among the recent catalogues, so a whole path: a relative
    // one would mean another file when started from another folder.
    let whole = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    let start = match start {
        Start::OpenOrCreate(p) => Start::OpenOrCreate(whole(p)),
        Start::Open(p) => Start::Open(whole(p)),
        Start::Create(p) => Start::Create(whole(p)),
        Start::FirstThatExists(paths) => {
            Start::FirstThatExists(paths.into_iter().map(whole).collect())
        }
        Start::Restore { backup, into } => Start::Restore {
            backup,
            into: match into {
                RestoreInto::File(p) => RestoreInto::File(whole(p)),
                RestoreInto::Beside(p) => RestoreInto::Beside(whole(p)),
            },
        },
    };
    let path = match start {
        Start::OpenOrCreate(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                send(Event::Failed(tr!(
                    "worker-no-folder",
                    path = path.display().to_string(),
                    error = e.said(parent)
                )));
                return None;
            }
            path
        }
        Start::Open(path) => {
            if !path.is_file() {
                send(Event::Failed(tr!(
                    "worker-no-catalogue",
                    path = path.display().to_string()
                )));
                return None;
            }
            path
        }
        Start::Create(path) => {
            if path.exists() {
                send(Event::Failed(tr!(
                    "worker-exists",
                    path = path.display().to_string()
                )));
                return None;
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                send(Event::Failed(tr!(
                    "worker-no-folder",
                    path = path.display().to_string(),
                    error = e.said(parent)
                )));
                return None;
            }
            path
        }
        Start::FirstThatExists(paths) => match paths.into_iter().find(|p| p.is_file()) {
            Some(path) => path,
            None => {
                send(Event::NoCatalogue);
                return None;
            }
        },
        Start::Restore { backup, into } => {
            let restored = match into {
                RestoreInto::File(into) => backup::restore(&backup, &into, None),
                RestoreInto::Beside(in_use) => {
                    let into = backup::restore_target(&backup, &in_use);
                    backup::restore(&backup, &into, Some(&in_use))
                }
            };
            match restored {
                Ok(restored) => restored.catalogue,
                Err(e) => {
                    send(Event::Failed(tr!(
                        "worker-not-restored",
                        error = e.said(&backup)
                    )));
                    return None;
                }
            }
        }
    };
    if let Some(taken) = backup::backup_time(&path)
        && path.is_file()
    {
        send(Event::IsBackup {
            path,
            taken: i18n::date_time(taken),
        });
        return None;
    }
    match Catalogue::open(&path) {
        Ok(catalogue) => Some((catalogue, path)),
        Err(e) if backup::is_damage(&e) => {
            let folder = backups_folder(backups, &path);
            send(Event::Damaged {
                latest: backup::latest(&folder, &path),
                message: e.said(&path),
                path,
            });
            None
        }
        Err(e) => {
            send(Event::Failed(tr!(
                "worker-open-failed",
                path = path.display().to_string(),
                error = e.said(&path)
            )));
            None
        }
    }
}

/// The folder backups go to: the one chosen, or `Backups` beside the
/// catalogue.
fn backups_folder(chosen: Option<&Path>, catalogue: &Path) -> PathBuf {
    chosen.map_or_else(|| backup::folder_beside(catalogue), Path::to_owned)
}

/// Operations' words kept at most, between two changes.
const SAID_KEPT: usize = 10_000;

struct State {
    catalogue: Catalogue,
    path: PathBuf,
    /// The folder chosen for backups, if not the one beside the catalogue.
    backups: Option<PathBuf>,
    /// Reading showed the catalogue is damaged: the worker stops.
    damaged: bool,
    events: Sender<Event>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    /// `PRAGMA data_version` when the window was last told of another
    /// connection's change: it changes when another connection commits.
    /// Only telling the window moves it on, so that a commit between a
    /// search and anything after it is never taken as seen.
    data_version: Option<i64>,
    /// The full-text index may have segments to merge (see
    /// [`Catalogue::tidy_search_index`]): after opening and after changes.
    untidy: bool,
    /// The language whose order text sorts in.
    collated: Option<String>,
    /// Operations of the history already put in words, by operation and
    /// language: a photo's history is read again at every click, and an
    /// operation of thousands of changes is read once. Forgotten at every
    /// change (a source's citation may have changed).
    said: std::collections::HashMap<(i64, super::i18n::Language), String>,
}

/// Who a change was made on, for the status bar: the photo's file name, or
/// how many photos.
fn on_whom(catalogue: &Catalogue, photos: &[PhotoId], changed: usize) -> String {
    if changed == 1
        && let [one] = photos
        && let Ok(summaries) = catalogue.summaries(&[*one])
        && let Some(s) = summaries.first()
    {
        return s.file_name.clone();
    }
    tr!("photo-count", count = changed)
}

impl State {
    fn send(&self, event: Event) {
        let _ = self.events.send(event);
        (self.repaint)();
    }

    /// Tells the window what undo and redo would do now.
    fn send_history(&mut self) {
        let said = self
            .catalogue
            .undo_redo_operations()
            .map(|(undo, redo)| (undo.map(|op| self.said(&op)), redo.map(|op| self.said(&op))));
        match said {
            Ok((undo, redo)) => self.send(Event::History { undo, redo }),
            Err(e) => self.send(Event::ReadFailed(tr!(
                "read-history",
                error = e.said(&self.path)
            ))),
        }
    }

    /// An operation of the history in the window's language (an undo or
    /// redo with the operation it reverted).
    fn said(&self, op: &crate::catalog::Operation) -> String {
        let reverted = op
            .reverts
            .and_then(|id| self.catalogue.operation_record(id).ok().flatten());
        super::history::operation(op, reverted.as_ref(), &|id| self.citation(id))
    }

    /// A source's citation, as the catalogue has it now.
    fn citation(&self, source: i64) -> Option<String> {
        self.catalogue
            .source_record(source)
            .ok()
            .flatten()
            .map(|r| r.citation)
    }

    /// The operation undone or redone, in the window's language.
    fn said_by_id(&self, id: i64, english: String) -> String {
        match self.catalogue.operation_record(id) {
            Ok(Some(op)) => self.said(&op),
            _ => english,
        }
    }

    /// A photo's history in the window's language.
    fn history_said(&mut self, photo: PhotoId) -> crate::catalog::Result<Vec<HistoryEntry>> {
        let mut entries = self.catalogue.history(Some(photo), 50)?;
        let language = super::i18n::current().language();
        for entry in &mut entries {
            let key = (entry.operation, language);
            if let Some(said) = self.said.get(&key) {
                entry.summary = said.clone();
            } else if let Some(op) = self.catalogue.operation_record(entry.operation)? {
                entry.summary = self.said(&op);
                if self.said.len() >= SAID_KEPT {
                    self.said.clear();
                }
                self.said.insert(key, entry.summary.clone());
            }
            for change in &mut entry.changes {
                change.words =
                    super::history::change(&change.step, &change.words, &|id| self.citation(id));
            }
        }
        Ok(entries)
    }

    /// Says so when another connection (another Kartoteka, a command-line
    /// edit, a job of this window's) changed the catalogue.
    fn look_elsewhere(&mut self) {
        let Ok(now) = self.catalogue.data_version() else {
            return;
        };
        if self.data_version.is_some_and(|seen| seen != now) {
            self.data_version = Some(now);
            self.untidy = true;
            self.said.clear();
            self.send(Event::ChangedElsewhere);
            self.send_history();
        }
        self.data_version = Some(now);
    }

    /// One step of merging the full-text index, while nothing else is
    /// asked. Another writer at work or an error leaves it to the next
    /// change: every catalogue also merges what it wrote when it closes.
    fn tidy_search_index(&mut self) {
        if self.untidy {
            self.untidy = matches!(self.catalogue.tidy_search_index(), Ok(Tidy::MoreToDo));
        }
    }

    /// When an error means the catalogue is damaged, says so once and stops
    /// the worker, so that nothing more touches the file.
    fn check_damage(&mut self, error: &CatalogError) -> bool {
        if !self.damaged && backup::is_damage(error) {
            self.damaged = true;
            let folder = backups_folder(self.backups.as_deref(), &self.path);
            self.send(Event::Damaged {
                path: self.path.clone(),
                message: error.said(&self.path),
                latest: backup::latest(&folder, &self.path),
            });
        }
        self.damaged
    }

    /// A change went through: the status bar says so, the window looks again.
    fn changed(&mut self, message: String) {
        self.untidy = true;
        self.said.clear();
        self.send(Event::Changed(message));
        self.send_history();
    }

    fn handle(&mut self, command: Command) {
        let result: Result<(), String> = match command {
            Command::Search {
                generation,
                query,
                sort,
                keyword_counts,
            } => {
                self.search(generation, &query, sort, keyword_counts);
                Ok(())
            }
            Command::Inspect { generation, photos } => {
                if let Err(e) = self.inspect(generation, &photos) {
                    self.send(Event::ReadFailed(tr!(
                        "read-details",
                        error = e.said(&self.path)
                    )));
                }
                Ok(())
            }
            Command::Summaries {
                generation,
                first,
                photos,
            } => {
                // Answered even when reading fails, so the window stops
                // waiting for the page (and says why once).
                let (found, failed) = match self.catalogue.summaries(&photos) {
                    Ok(found) => (found, None),
                    Err(e) => (Vec::new(), Some(e)),
                };
                self.send(Event::Summaries {
                    generation,
                    first,
                    photos: found,
                });
                if let Some(e) = failed {
                    self.send(Event::ReadFailed(tr!(
                        "read-rows",
                        error = e.said(&self.path)
                    )));
                }
                Ok(())
            }
            Command::Rows { generation, photos } => {
                let (found, failed) = match self.catalogue.photos_by_ids(&photos) {
                    Ok(found) => (found, None),
                    Err(e) => (Vec::new(), Some(e)),
                };
                self.send(Event::Rows {
                    generation,
                    asked: photos,
                    photos: found,
                });
                if let Some(e) = failed {
                    self.send(Event::ReadFailed(tr!(
                        "read-rows",
                        error = e.said(&self.path)
                    )));
                }
                Ok(())
            }
            Command::Sidebar => {
                if let Err(e) = self.sidebar()
                    && !matches!(&e, SearchError::Catalogue(c) if self.check_damage(c))
                {
                    self.send(Event::ReadFailed(tr!(
                        "read-sidebar",
                        error = e.said(&self.path)
                    )));
                }
                // Undo and redo are named again too, in the language the
                // window may just have switched to.
                self.send_history();
                Ok(())
            }
            Command::Edit {
                photos,
                edits,
                what,
            } => match self.catalogue.edit(&photos, &edits, "edit", false) {
                Ok(report) if report.photos == 0 => {
                    self.changed(tr!("edit-nothing", what = what));
                    Ok(())
                }
                Ok(report) => {
                    let whom = on_whom(&self.catalogue, &photos, report.photos);
                    self.changed(tr!("edit-done", what = what, whom = whom));
                    Ok(())
                }
                Err(e) => Err(e.said(&self.path)),
            },
            Command::Undo => match self.catalogue.undo() {
                Ok(Some(r)) => {
                    let what = self.said_by_id(r.operation, r.summary);
                    self.changed(tr!("undid", what = what));
                    Ok(())
                }
                Ok(None) => {
                    self.changed(tr!("nothing-to-undo"));
                    Ok(())
                }
                Err(e) => Err(tr!("undo-failed", error = e.said(&self.path))),
            },
            Command::Redo => match self.catalogue.redo() {
                Ok(Some(r)) => {
                    let what = self.said_by_id(r.operation, r.summary);
                    self.changed(tr!("redid", what = what));
                    Ok(())
                }
                Ok(None) => {
                    self.changed(tr!("nothing-to-redo"));
                    Ok(())
                }
                Err(e) => Err(tr!("redo-failed", error = e.said(&self.path))),
            },
            Command::CreateSet(name) => self
                .catalogue
                .create_set(&name)
                .map(|()| self.changed(tr!("set-created", set = name.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::CreateSetWith { set, photos } => self
                .catalogue
                .create_set_with(&set, &photos)
                .map(|()| {
                    self.changed(tr!(
                        "set-created-with",
                        set = set.as_str(),
                        count = photos.len()
                    ))
                })
                .map_err(|e| e.said(&self.path)),
            Command::RenameSet { old, new } => self
                .catalogue
                .rename_set(&old, &new)
                .map(|()| self.changed(tr!("set-renamed", old = old.as_str(), new = new.trim())))
                .map_err(|e| e.said(&self.path)),
            Command::AddToSet { set, photos } => self
                .catalogue
                .add_to_set(&set, &photos)
                .map(|n| self.changed(tr!("set-added", count = n, set = set.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::RemoveFromSet { set, photos } => self
                .catalogue
                .remove_from_set(&set, &photos)
                .map(|n| self.changed(tr!("set-removed", count = n, set = set.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::MoveInSet {
                set,
                photos,
                position,
            } => self
                .catalogue
                .move_photos_in_set(&set, &photos, position)
                .map(|()| {
                    self.changed(tr!(
                        "set-moved",
                        count = photos.len(),
                        position = position,
                        set = set.as_str()
                    ))
                })
                .map_err(|e| e.said(&self.path)),
            Command::SetNote { set, photo, note } => self
                .catalogue
                .set_note(&set, photo, &note)
                .map(|()| self.changed(tr!("wall-label-saved", set = set.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::DeleteSet(name) => self
                .catalogue
                .delete_set(&name)
                .map(|()| self.changed(tr!("set-deleted", set = name.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::SaveSearch { name, query } => self
                .catalogue
                .save_search(&name, &query)
                .map(|()| self.changed(tr!("search-saved", name = name.as_str())))
                .map_err(|e| e.said(&self.path)),
            Command::RenameKeyword { old, new } => self
                .catalogue
                .rename_keyword(&old, &new)
                .map(|n| {
                    self.changed(tr!(
                        "keyword-renamed",
                        old = old.as_str(),
                        new = new.as_str(),
                        count = n
                    ))
                })
                .map_err(|e| e.said(&self.path)),
            Command::MergeKeywords { from, into } => self
                .catalogue
                .merge_keywords(&from, &into)
                .map(|n| {
                    self.changed(tr!(
                        "keyword-merged",
                        from = from.as_str(),
                        into = into.as_str(),
                        count = n
                    ))
                })
                .map_err(|e| e.said(&self.path)),
            Command::DeleteKeyword(keyword) => self
                .catalogue
                .delete_keyword(&keyword)
                .map(|n| {
                    self.changed(tr!(
                        "keyword-deleted",
                        keyword = keyword.as_str(),
                        count = n
                    ))
                })
                .map_err(|e| e.said(&self.path)),
            Command::ApplyTemplate { name, photos } => self
                .catalogue
                .apply_template(&name, &photos, false, false)
                .map(|r| {
                    let whom = on_whom(&self.catalogue, &photos, r.photos);
                    self.changed(tr!("template-applied", name = name.as_str(), whom = whom))
                })
                .map_err(|e| e.said(&self.path)),
            Command::Import { paths, template } => {
                self.start_import(paths, template);
                Ok(())
            }
            Command::ExportCsv {
                source,
                profile,
                path,
            } => self.export_csv(&source, profile, &path),
            Command::PreviewCsv(request) => self.preview_csv(request),
            Command::ApplyCsv { request, digest } => self.apply_csv(&request, &digest),
            Command::WriteMetadata { photos, target } => {
                let what = match &target {
                    Target::Sidecar => tr!("job-sidecars"),
                    Target::Copies(_) => tr!("job-copies"),
                    Target::InPlace { .. } => tr!("job-embed"),
                };
                self.start_job(what, move |catalogue, job| {
                    write_metadata(catalogue, &photos, &target, job)
                });
                Ok(())
            }
            Command::ExportSet { name, dir, options } => {
                self.start_job(
                    tr!("job-export-set", set = name.as_str()),
                    move |catalogue, _| export_set(catalogue, &name, &dir, &options),
                );
                Ok(())
            }
            Command::Optimize => {
                self.start_job(tr!("job-optimize"), |catalogue, job| {
                    let started = std::time::Instant::now();
                    // Cancelling interrupts SQLite, which rolls the work back.
                    let interrupt = catalogue.interrupt_handle();
                    let cancel = job.cancel.clone();
                    let finished = Arc::new(AtomicBool::new(false));
                    let watching = finished.clone();
                    let watch = std::thread::Builder::new()
                        .name("kartoteka-optimize-cancel".into())
                        .spawn(move || {
                            while !watching.load(Ordering::Relaxed) {
                                if cancel.load(Ordering::Relaxed) {
                                    interrupt.interrupt();
                                    return;
                                }
                                std::thread::sleep(Duration::from_millis(50));
                            }
                        });
                    let result = catalogue.optimize();
                    finished.store(true, Ordering::Relaxed);
                    if let Ok(watch) = watch {
                        let _ = watch.join();
                    }
                    let cancelled = job.cancelled();
                    match result {
                        _ if cancelled => JobOutcome {
                            message: tr!("optimize-cancelled"),
                            problems: Vec::new(),
                            changed: false,
                            failed: false,
                        },
                        Ok(()) => JobOutcome {
                            message: tr!(
                                "optimize-done",
                                seconds = i18n::decimal(started.elapsed().as_secs_f64())
                            ),
                            problems: Vec::new(),
                            changed: false,
                            failed: false,
                        },
                        Err(e) => JobOutcome::failed(e.said(file_of(catalogue))),
                    }
                });
                Ok(())
            }
            Command::Backup {
                folder,
                keep,
                unless_newer_than,
            } => {
                let folder = backups_folder(folder.as_deref(), &self.path);
                if let Some(age) = unless_newer_than
                    && let Some(latest) = backup::latest(&folder, &self.path)
                    && backup::age(&latest) < age
                {
                    self.send(Event::Done(tr!(
                        "backup-recent-enough",
                        when = i18n::date_time(latest.taken)
                    )));
                    return;
                }
                self.start_file_job(tr!("job-backup"), move |path, job| {
                    back_up(path, &folder, keep, job)
                });
                Ok(())
            }
            Command::LatestBackup { folder } => {
                let folder = backups_folder(folder.as_deref(), &self.path);
                self.send(Event::LatestBackup {
                    latest: backup::latest(&folder, &self.path),
                    folder,
                });
                Ok(())
            }
            Command::AddClaim(request) => self.add_claim(&request),
            Command::PreferClaim(claim) => self
                .catalogue
                .prefer_claim(claim)
                .map(|()| self.changed(tr!("claim-preferred")))
                .map_err(|e| e.said(&self.path)),
            Command::RemoveClaim(claim) => self
                .catalogue
                .remove_claim(claim)
                .map(|()| self.changed(tr!("claim-removed")))
                .map_err(|e| e.said(&self.path)),
            Command::EditClaim {
                claim,
                mut attribution,
                new_source,
            } => (|| {
                if let Some(citation) = &new_source {
                    attribution.source = Some(self.new_source(citation)?);
                }
                self.catalogue
                    .edit_claim(claim, &attribution)
                    .map_err(|e| e.said(&self.path))?;
                self.changed(tr!("claim-changed"));
                Ok(())
            })(),
            Command::EditSource { id, changes } => self
                .catalogue
                .edit_source(id, &changes)
                .map(|()| self.changed(tr!("source-changed")))
                .map_err(|e| e.said(&self.path)),
            Command::MergeSources { from, into } => self
                .catalogue
                .merge_sources(from, into)
                .map(|moved| self.changed(tr!("source-merged", count = moved)))
                .map_err(|e| e.said(&self.path)),
            Command::ImportSources(path) => self.import_sources(&path),
        };
        if let Err(message) = result {
            self.send(Event::Error(message));
            self.send_history();
        }
    }

    fn search(&mut self, generation: u64, query: &str, sort: Sort, keyword_counts: bool) {
        // Text sorts in the window's language, as the sidebar reads.
        let collation = i18n::current().strings().collation();
        if self.collated.as_deref() != Some(collation.tag()) {
            self.collated = Some(collation.tag().to_owned());
            self.catalogue.set_collation(Some(collation));
        }
        let run = || -> Result<Event, crate::catalog::SearchError> {
            let parsed = crate::search::parse(query)?;
            let hits = self.catalogue.search(&parsed, sort, None)?;
            let ids: Vec<PhotoId> = hits.iter().map(|h| h.id).collect();
            // Only the first page: a million summaries would take seconds
            // and hundreds of megabytes, for photos nobody has scrolled to.
            let first = self
                .catalogue
                .summaries(&ids[..ids.len().min(super::results::PAGE)])?;
            let facets = self.catalogue.facets(&parsed)?;
            let set_items = match &parsed {
                crate::search::Query::Set(name) => self
                    .catalogue
                    .set_items(name)
                    .ok()
                    .map(|items| (name.clone(), items)),
                _ => None,
            };
            let keyword_counts = if keyword_counts {
                Some(self.catalogue.keyword_counts(&parsed)?)
            } else {
                None
            };
            Ok(Event::Results {
                generation,
                photos: ids,
                first,
                possible: hits.iter().filter(|h| h.possible).map(|h| h.id).collect(),
                facets: Box::new(facets),
                set_items,
                keyword_counts,
            })
        };
        let event = match run() {
            Ok(event) => event,
            Err(crate::catalog::SearchError::Catalogue(e)) if self.check_damage(&e) => return,
            Err(e) => Event::SearchError {
                generation,
                message: e.said(&self.path),
            },
        };
        self.send(event);
    }

    fn inspect(&mut self, generation: u64, photos: &[PhotoId]) -> crate::catalog::Result<()> {
        let Some(&focus) = photos.first() else {
            self.send(Event::Details(Box::new(Details {
                generation,
                ..Details::default()
            })));
            return Ok(());
        };
        let all = self.catalogue.photos_by_ids(photos)?;
        let sets = self.catalogue.sets_of(focus)?;
        let mut wall_labels = Vec::new();
        for set in &sets {
            let note = self
                .catalogue
                .set_items(set)?
                .into_iter()
                .find(|i| i.photo == focus)
                .and_then(|i| i.note);
            wall_labels.push((set.clone(), note));
        }
        let history = self.history_said(focus)?;
        self.send(Event::Details(Box::new(Details {
            generation,
            photos: all,
            tags: self.catalogue.raw_tags(focus)?,
            sets,
            history,
            wall_labels,
            claims: self.catalogue.claims(focus)?,
        })));
        Ok(())
    }

    fn sidebar(&mut self) -> Result<(), SearchError> {
        let count = |q: &str| -> Result<u64, SearchError> {
            Ok(self
                .catalogue
                .search_text(q, SortKey::Imported, None)?
                .len() as u64)
        };
        let sidebar = Sidebar {
            photos: self.catalogue.photo_count()?,
            missing: count("status:missing")?,
            without_caption: count("missing:caption")?,
            folders: self.catalogue.folders()?,
            keywords: self.catalogue.keywords()?,
            sets: self.catalogue.sets()?,
            templates: self.catalogue.templates()?,
            sources: self.catalogue.sources()?,
        };
        self.send(Event::Sidebar(Box::new(sidebar)));
        Ok(())
    }

    fn export_csv(&mut self, source: &Source, profile: Profile, path: &Path) -> Result<(), String> {
        let columns = crate::export::csv::choose_columns(profile, None)?;
        let (data, photos) = interop::csv_catalogue(&self.catalogue, source, profile, &columns)
            .map_err(|e| e.said(&self.path))?;
        // The save dialog asked before replacing a file; the catalogue, its
        // thumbnails and catalogued photos are refused all the same.
        interop::write_output(&self.catalogue, path, &data, true).map_err(|e| {
            tr!(
                "csv-not-written",
                path = path.display().to_string(),
                error = e.said(path)
            )
        })?;
        self.send(Event::Done(tr!(
            "csv-exported",
            count = photos,
            path = path.display().to_string()
        )));
        Ok(())
    }

    fn preview_csv(&mut self, request: CsvRequest) -> Result<(), String> {
        let import = CsvImport::read(&self.catalogue, &request.path, request.blank_clears)
            .map_err(|e| e.said(&self.path))?;
        let outcome = import
            .apply(&mut self.catalogue, true, request.set.as_deref())
            .map_err(|e| e.said(&self.path))?;
        let file = request.path.display().to_string();
        let mut ids: Vec<PhotoId> = outcome.report.changes.iter().map(|c| c.photo).collect();
        ids.extend(outcome.labels.iter().map(|l| l.photo));
        ids.extend(outcome.claims.changes.iter().map(|(_, photo, _)| *photo));
        ids.sort();
        ids.dedup();
        let names = self
            .catalogue
            .summaries(&ids)
            .map_err(|e| e.said(&self.path))?
            .into_iter()
            .map(|s| (s.id, s.file_name))
            .collect();
        let mut problems: Vec<String> = import
            .problems
            .iter()
            .map(|p| {
                tr!(
                    "csv-problem",
                    file = file.as_str(),
                    problem = crate::ui::errors::csv_problem(p)
                )
            })
            .collect();
        problems.extend(outcome.claims.refused.iter().map(|(row, why)| {
            tr!(
                "csv-row-problem",
                file = file.as_str(),
                row = *row,
                problem = crate::ui::errors::row_refused(why)
            )
        }));
        let claim_photos: std::collections::HashSet<PhotoId> = outcome
            .claims
            .changes
            .iter()
            .map(|(_, photo, _)| *photo)
            .collect();
        self.send(Event::CsvPreview(Box::new(CsvPreview {
            names,
            digest: import.digest,
            photos: outcome.report.photos.max(claim_photos.len()),
            claims: outcome.claims.changes,
            changes: outcome.report.changes,
            labels: outcome.labels,
            has_labels: !import.labels.is_empty(),
            problems,
            request,
        })));
        Ok(())
    }

    fn apply_csv(&mut self, request: &CsvRequest, digest: &str) -> Result<(), String> {
        let import = CsvImport::read(&self.catalogue, &request.path, request.blank_clears)
            .map_err(|e| e.said(&self.path))?;
        if import.digest != digest {
            return Err(tr!(
                "csv-changed-since-preview",
                path = request.path.display().to_string()
            ));
        }
        let outcome = import
            .apply(&mut self.catalogue, false, request.set.as_deref())
            .map_err(|e| e.said(&self.path))?;
        let message = if outcome.claims.changes.is_empty() {
            tr!(
                "csv-imported",
                photos = outcome.report.photos,
                values = outcome.changes().len(),
                labels = outcome.labels.len()
            )
        } else {
            tr!("csv-imported-claims", count = outcome.claims.changes.len())
        };
        self.changed(message);
        Ok(())
    }

    /// Creates a source typed in the claim form's picker; returns its id.
    fn new_source(&mut self, citation: &str) -> Result<i64, String> {
        self.catalogue
            .add_source(SourceRecord {
                citation: citation.trim().to_owned(),
                title: Some(citation.trim().to_owned()),
                ..SourceRecord::default()
            })
            .map_err(|e| e.said(&self.path))
    }

    fn add_claim(&mut self, request: &ClaimRequest) -> Result<(), String> {
        let source = match &request.new_source {
            Some(citation) => Some(self.new_source(citation)?),
            None => request.source,
        };
        let attribution = Attribution {
            source,
            locator: request.locator.clone(),
            certainty: request.certainty,
            note: request.note.clone(),
        };
        let report = self
            .catalogue
            .add_claims(
                &request.photos,
                &request.field,
                &serde_json::Value::String(request.value.clone()),
                &attribution,
                request.prefer,
                false,
            )
            .map_err(|e| e.said(&self.path))?;
        let whom = on_whom(&self.catalogue, &request.photos, report.photos);
        let message = if report.photos == 0 {
            tr!("claim-there-already")
        } else {
            tr!("claim-added", whom = whom)
        };
        self.changed(message);
        Ok(())
    }

    fn import_sources(&mut self, path: &Path) -> Result<(), String> {
        let records = crate::export::csl::read_file(path).map_err(|e| e.said(path))?;
        let (ids, added) = self
            .catalogue
            .import_sources(&records)
            .map_err(|e| e.said(&self.path))?;
        self.changed(tr!(
            "sources-read",
            count = ids.len(),
            path = path.display().to_string(),
            added = added,
            known = ids.len() - added
        ));
        Ok(())
    }

    /// Runs a job that writes files on a thread of its own with its own
    /// connection, so searches go on meanwhile.
    fn start_job<F>(&mut self, what: String, job: F)
    where
        F: FnOnce(&mut Catalogue, &JobHandle) -> JobOutcome + Send + 'static,
    {
        let failed = what.clone();
        self.start_file_job(what, move |path, handle| match Catalogue::open(path) {
            Ok(mut catalogue) => job(&mut catalogue, handle),
            Err(e) => JobOutcome::failed(tr!(
                "job-failed",
                what = failed.as_str(),
                error = e.said(path)
            )),
        });
    }

    /// Runs a job on the catalogue's file on a thread of its own; the job
    /// opens what it needs.
    fn start_file_job<F>(&mut self, what: String, job: F)
    where
        F: FnOnce(&Path, &JobHandle) -> JobOutcome + Send + 'static,
    {
        let cancel = Arc::new(AtomicBool::new(false));
        self.send(Event::JobStarted {
            what: what.clone(),
            cancel: cancel.clone(),
        });
        let started = what;
        let events = self.events.clone();
        let repaint = self.repaint.clone();
        let path = self.path.clone();
        let language = i18n::current();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-job".into())
            .spawn(move || {
                language.use_here();
                let handle = JobHandle {
                    cancel,
                    events: events.clone(),
                    repaint: repaint.clone(),
                };
                let outcome = job(&path, &handle);
                drop(handle);
                let _ = events.send(Event::JobFinished {
                    message: outcome.message,
                    problems: outcome.problems,
                    changed: outcome.changed,
                    failed: outcome.failed,
                });
                repaint();
            });
        if let Err(e) = spawned {
            self.send(Event::JobFinished {
                message: tr!("job-not-started", what = started, error = errors::other(&e)),
                problems: Vec::new(),
                changed: false,
                failed: true,
            });
        }
    }

    fn start_import(&mut self, paths: Vec<PathBuf>, template: Option<String>) {
        let cancel = Arc::new(AtomicBool::new(false));
        self.send(Event::ImportStarted {
            total: 0,
            cancel: cancel.clone(),
        });
        let events = self.events.clone();
        let repaint = self.repaint.clone();
        let path = self.path.clone();
        let language = i18n::current();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-import".into())
            .spawn(move || {
                language.use_here();
                run_import(&path, &paths, template.as_deref(), cancel, events, repaint)
            });
        if let Err(e) = spawned {
            self.send(Event::Error(tr!(
                "import-not-started",
                error = errors::other(&e)
            )));
        }
    }
}

/// What a job running on its own thread has to hand: whether it was
/// cancelled, and a way to report progress.
struct JobHandle {
    cancel: Arc<AtomicBool>,
    events: Sender<Event>,
    repaint: Arc<dyn Fn() + Send + Sync>,
}

impl JobHandle {
    fn progress(&self, done: usize, total: usize) {
        let _ = self.events.send(Event::JobProgress { done, total });
        (self.repaint)();
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

fn run_import(
    path: &Path,
    paths: &[PathBuf],
    template: Option<&str>,
    cancel: Arc<AtomicBool>,
    events: Sender<Event>,
    repaint: Arc<dyn Fn() + Send + Sync>,
) {
    let send = |e: Event| {
        let _ = events.send(e);
        repaint();
    };
    let opened = Catalogue::open(path).and_then(|c| {
        let thumbs = match c.thumbnails_path() {
            Some(p) => ThumbnailStore::open(&p)?,
            None => ThumbnailStore::open_in_memory()?,
        };
        Ok((c, thumbs))
    });
    let (mut catalogue, mut thumbs) = match opened {
        Ok(pair) => pair,
        Err(e) => {
            send(Event::Error(tr!("import-not-opened", error = e.said(path))));
            send(Event::ImportFinished(Box::default()));
            return;
        }
    };
    let options = ImportOptions {
        threads: 0,
        cancel: cancel.clone(),
    };
    // Progress is sent at most every 50 ms, so a fast import does not flood the window.
    let last = std::sync::Mutex::new(std::time::Instant::now() - std::time::Duration::from_secs(1));
    let on_progress = |p: Progress| {
        if let Progress::File { done, total, path } = p {
            let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
            if last.elapsed() >= std::time::Duration::from_millis(50) || done == total {
                *last = std::time::Instant::now();
                send(Event::ImportProgress {
                    done,
                    total,
                    file: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                });
            }
        }
    };
    match import(
        &mut catalogue,
        Some(&mut thumbs),
        paths,
        &options,
        &on_progress,
    ) {
        Ok(summary) => {
            if let Some(name) = template
                && !summary.added.is_empty()
                && let Err(e) = catalogue.apply_template(name, &summary.added, false, false)
            {
                send(Event::Error(tr!(
                    "import-template-failed",
                    name = name,
                    error = e.said(path)
                )));
            }
            send(Event::ImportFinished(Box::new(summary)));
        }
        Err(e) => {
            send(Event::Error(tr!("import-stopped", error = e.said(path))));
            send(Event::ImportFinished(Box::default()));
        }
    }
    cancel.store(false, Ordering::Relaxed);
}

/// The catalogue's file, for errors that name none (none for one in memory).
fn file_of(catalogue: &Catalogue) -> &Path {
    catalogue.path().unwrap_or(Path::new(""))
}

/// How a job ended.
struct JobOutcome {
    message: String,
    problems: Vec<String>,
    changed: bool,
    /// The job failed as a whole: the status bar shows it as an error.
    failed: bool,
}

impl JobOutcome {
    fn failed(message: String) -> Self {
        Self {
            message: tr!("job-error", error = message),
            problems: Vec::new(),
            changed: false,
            failed: true,
        }
    }
}

fn write_metadata(
    catalogue: &mut Catalogue,
    photos: &[PhotoId],
    target: &Target,
    job: &JobHandle,
) -> JobOutcome {
    let photos = match catalogue.photos_by_ids(photos) {
        Ok(p) => p,
        Err(e) => return JobOutcome::failed(e.said(file_of(catalogue))),
    };
    let thumbs = match (target, catalogue.thumbnails_path()) {
        (Target::InPlace { .. }, Some(p)) => match ThumbnailStore::open(&p) {
            Ok(t) => Some(t),
            Err(e) => return JobOutcome::failed(e.said(&p)),
        },
        _ => None,
    };
    let mut problems = Vec::new();
    let mut written = 0;
    for (i, photo) in photos.iter().enumerate() {
        if job.cancelled() {
            break;
        }
        match interop::write_photo_metadata(catalogue, thumbs.as_ref(), photo, target) {
            Ok(_) => written += 1,
            Err(e) => problems.push(e.said(&photo.file.path)),
        }
        job.progress(i + 1, photos.len());
    }
    let message = match target {
        Target::Sidecar => tr!("wrote-sidecars", count = written),
        Target::Copies(dir) => tr!(
            "wrote-copies",
            count = written,
            folder = dir.display().to_string()
        ),
        Target::InPlace { backup: true } => tr!("embedded-with-backups", count = written),
        Target::InPlace { backup: false } => tr!("embedded", count = written),
    };
    let mut message = if problems.is_empty() {
        message
    } else {
        tr!("job-some-failed", message = message, count = problems.len())
    };
    if job.cancelled() {
        message = tr!(
            "job-cancelled-left",
            message = message,
            count = photos.len() - written - problems.len()
        );
    }
    JobOutcome {
        message,
        problems,
        changed: !matches!(target, Target::Copies(_)),
        failed: false,
    }
}

fn back_up(path: &Path, folder: &Path, keep: usize, job: &JobHandle) -> JobOutcome {
    let progress = |done: u64, total: u64| job.progress(done as usize, total as usize);
    match backup::back_up(path, folder, Some(keep), &job.cancel, &progress) {
        Ok(report) => JobOutcome {
            message: {
                let done = tr!(
                    "backed-up",
                    count = report.photos,
                    path = report.backup.catalogue.display().to_string()
                );
                match report.pruned.len() {
                    0 => done,
                    _ => tr!(
                        "backed-up-pruned",
                        message = done,
                        count = report
                            .pruned
                            .iter()
                            .filter(|p| p.extension().is_some_and(|e| e == backup::EXTENSION))
                            .count()
                    ),
                }
            },
            problems: Vec::new(),
            changed: false,
            failed: false,
        },
        Err(backup::BackupError::Cancelled) => JobOutcome {
            message: tr!("backup-cancelled"),
            problems: Vec::new(),
            changed: false,
            failed: false,
        },
        Err(e) => JobOutcome::failed(tr!("backup-failed", error = e.said(path))),
    }
}

fn export_set(
    catalogue: &mut Catalogue,
    name: &str,
    dir: &Path,
    options: &SetOptions,
) -> JobOutcome {
    match interop::export_set(catalogue, name, dir, options) {
        Ok((exported, total)) => JobOutcome {
            message: tr!(
                "set-exported",
                count = exported.files.len(),
                total = total,
                set = name,
                folder = dir.display().to_string()
            ),
            problems: exported.problems,
            changed: false,
            failed: false,
        },
        Err(e) => JobOutcome::failed(e.said(file_of(catalogue))),
    }
}
