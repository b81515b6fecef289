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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, unbounded};

use crate::catalog::{
    Attribution, Catalogue, Certainty, Change, Claim, Edit, Facets, HistoryEntry, KeywordEntry,
    PhotoSummary, SetInfo, SetItem, Sort, SortKey, Source as CitedSource, SourceRecord, Template,
    ThumbnailStore,
};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::ingest::import::{ImportOptions, ImportSummary, Progress, import};
use crate::interop::{self, CsvImport, LabelChange, Source, Target};
use crate::photo::{Photo, PhotoId, RawTag};

use crate::text::count;

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
    Results {
        generation: u64,
        photos: Vec<PhotoSummary>,
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
    },
}

/// The window's handle on the worker.
pub struct Worker {
    commands: Sender<Command>,
    pub events: Receiver<Event>,
}

/// How often an idle worker looks whether another program changed the
/// catalogue.
const LOOK_ELSEWHERE: Duration = Duration::from_millis(200);

impl Worker {
    /// Starts the worker on the catalogue at `path`. `repaint` is called
    /// after every event (egui's `request_repaint`).
    pub fn start(path: PathBuf, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let (commands, command_rx) = unbounded::<Command>();
        let (event_tx, events) = unbounded::<Event>();
        let repaint = Arc::new(repaint);
        let spawned = std::thread::Builder::new()
            .name("kartoteka-catalogue".into())
            .spawn(move || {
                let send = |e: Event| {
                    let _ = event_tx.send(e);
                    repaint();
                };
                let catalogue = match Catalogue::open(&path) {
                    Ok(c) => c,
                    Err(e) => {
                        send(Event::Failed(format!("{}: {e}", path.display())));
                        return;
                    }
                };
                send(Event::Opened { path: path.clone() });
                let mut state = State {
                    catalogue,
                    path,
                    events: event_tx.clone(),
                    repaint: repaint.clone(),
                    data_version: None,
                };
                state.send_history();
                loop {
                    let first = match command_rx.recv_timeout(LOOK_ELSEWHERE) {
                        Ok(command) => command,
                        Err(RecvTimeoutError::Timeout) => {
                            state.look_elsewhere();
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
                        if !stale {
                            state.handle(command);
                        }
                    }
                }
            });
        if let Err(e) = spawned {
            // Without a worker there is no catalogue; the window will say so.
            let (tx, rx) = unbounded();
            let _ = tx.send(Event::Failed(format!(
                "could not start the catalogue thread: {e}"
            )));
            return Self {
                commands: unbounded().0,
                events: rx,
            };
        }
        Self { commands, events }
    }

    pub fn send(&self, command: Command) {
        let _ = self.commands.send(command);
    }
}

struct State {
    catalogue: Catalogue,
    path: PathBuf,
    events: Sender<Event>,
    repaint: Arc<dyn Fn() + Send + Sync>,
    /// `PRAGMA data_version` when last looked at: it changes when another
    /// connection commits.
    data_version: Option<i64>,
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
    count(changed, "photo", "photos")
}

impl State {
    fn send(&self, event: Event) {
        let _ = self.events.send(event);
        (self.repaint)();
    }

    /// Tells the window what undo and redo would do now.
    fn send_history(&mut self) {
        match self.catalogue.undo_redo() {
            Ok((undo, redo)) => self.send(Event::History { undo, redo }),
            Err(e) => self.send(Event::ReadFailed(format!("the edit history: {e}"))),
        }
        self.data_version = self.catalogue.data_version().ok();
    }

    /// Says so when another connection (another Kartoteka, a command-line
    /// edit, a job of this window's) changed the catalogue.
    fn look_elsewhere(&mut self) {
        let Ok(now) = self.catalogue.data_version() else {
            return;
        };
        if self.data_version.is_some_and(|seen| seen != now) {
            self.data_version = Some(now);
            self.send(Event::ChangedElsewhere);
            self.send_history();
        }
        self.data_version = Some(now);
    }

    /// A change went through: the status bar says so, the window looks again.
    fn changed(&mut self, message: String) {
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
                    self.send(Event::ReadFailed(format!("the photos' details: {e}")));
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
                    self.send(Event::ReadFailed(format!("the table's rows: {e}")));
                }
                Ok(())
            }
            Command::Sidebar => {
                if let Err(e) = self.sidebar() {
                    self.send(Event::ReadFailed(format!("the sidebar: {e}")));
                }
                Ok(())
            }
            Command::Edit {
                photos,
                edits,
                what,
            } => match self.catalogue.edit(&photos, &edits, "edit", false) {
                Ok(report) if report.photos == 0 => {
                    self.changed(format!("{what}: nothing to change"));
                    Ok(())
                }
                Ok(report) => {
                    let whom = on_whom(&self.catalogue, &photos, report.photos);
                    self.changed(format!("{what} on {whom}"));
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            },
            Command::Undo => match self.catalogue.undo() {
                Ok(Some(r)) => {
                    self.changed(format!("Undid: {}", r.summary));
                    Ok(())
                }
                Ok(None) => {
                    self.changed("Nothing to undo".into());
                    Ok(())
                }
                Err(e) => Err(format!("undo failed: {e}")),
            },
            Command::Redo => match self.catalogue.redo() {
                Ok(Some(r)) => {
                    self.changed(format!("Redid: {}", r.summary));
                    Ok(())
                }
                Ok(None) => {
                    self.changed("Nothing to redo".into());
                    Ok(())
                }
                Err(e) => Err(format!("redo failed: {e}")),
            },
            Command::CreateSet(name) => self
                .catalogue
                .create_set(&name)
                .map(|()| self.changed(format!("Created set “{name}”")))
                .map_err(|e| e.to_string()),
            Command::RenameSet { old, new } => self
                .catalogue
                .rename_set(&old, &new)
                .map(|()| self.changed(format!("Renamed “{old}” to “{}”", new.trim())))
                .map_err(|e| e.to_string()),
            Command::AddToSet { set, photos } => self
                .catalogue
                .add_to_set(&set, &photos)
                .map(|n| self.changed(format!("Added {} to “{set}”", count(n, "photo", "photos"))))
                .map_err(|e| e.to_string()),
            Command::RemoveFromSet { set, photos } => self
                .catalogue
                .remove_from_set(&set, &photos)
                .map(|n| {
                    self.changed(format!(
                        "Removed {} from “{set}” (Ctrl+Z puts {} back)",
                        count(n, "photo", "photos"),
                        if n == 1 { "it" } else { "them" }
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::MoveInSet {
                set,
                photos,
                position,
            } => self
                .catalogue
                .move_photos_in_set(&set, &photos, position)
                .map(|()| {
                    self.changed(format!(
                        "Moved {} to position {position} in “{set}”",
                        count(photos.len(), "photo", "photos")
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::SetNote { set, photo, note } => self
                .catalogue
                .set_note(&set, photo, &note)
                .map(|()| self.changed(format!("Wall label saved in “{set}”")))
                .map_err(|e| e.to_string()),
            Command::DeleteSet(name) => self
                .catalogue
                .delete_set(&name)
                .map(|()| self.changed(format!("Deleted “{name}” (Ctrl+Z brings it back)")))
                .map_err(|e| e.to_string()),
            Command::SaveSearch { name, query } => self
                .catalogue
                .save_search(&name, &query)
                .map(|()| self.changed(format!("Saved the search as “{name}”")))
                .map_err(|e| e.to_string()),
            Command::RenameKeyword { old, new } => self
                .catalogue
                .rename_keyword(&old, &new)
                .map(|n| {
                    self.changed(format!(
                        "Renamed {old} to {new}: {} follow",
                        count(n, "photo", "photos")
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::MergeKeywords { from, into } => self
                .catalogue
                .merge_keywords(&from, &into)
                .map(|n| {
                    self.changed(format!(
                        "Merged {from} into {into}: {} changed",
                        count(n, "photo", "photos")
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::DeleteKeyword(keyword) => self
                .catalogue
                .delete_keyword(&keyword)
                .map(|n| {
                    self.changed(format!(
                        "Deleted keyword {keyword} from {} (Ctrl+Z brings it back)",
                        count(n, "photo", "photos")
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::ApplyTemplate { name, photos } => self
                .catalogue
                .apply_template(&name, &photos, false, false)
                .map(|r| {
                    let whom = on_whom(&self.catalogue, &photos, r.photos);
                    self.changed(format!("Template “{name}” on {whom}"))
                })
                .map_err(|e| e.to_string()),
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
                    Target::Sidecar => "Writing XMP sidecars",
                    Target::Copies(_) => "Writing copies with metadata",
                    Target::InPlace { .. } => "Embedding metadata in the originals",
                };
                self.start_job(what.to_owned(), move |catalogue, job| {
                    write_metadata(catalogue, &photos, &target, job)
                });
                Ok(())
            }
            Command::ExportSet { name, dir, options } => {
                self.start_job(format!("Exporting “{name}”"), move |catalogue, _| {
                    export_set(catalogue, &name, &dir, &options)
                });
                Ok(())
            }
            Command::Optimize => {
                self.start_job("Optimizing the catalogue".to_owned(), |catalogue, job| {
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
                            message: "Optimizing was cancelled; the catalogue is as it was"
                                .to_owned(),
                            problems: Vec::new(),
                            changed: false,
                        },
                        Ok(()) => JobOutcome {
                            message: format!(
                                "Optimized the catalogue in {:.1} s",
                                started.elapsed().as_secs_f64()
                            ),
                            problems: Vec::new(),
                            changed: false,
                        },
                        Err(e) => JobOutcome::failed(e.to_string()),
                    }
                });
                Ok(())
            }
            Command::AddClaim(request) => self.add_claim(&request),
            Command::PreferClaim(claim) => self
                .catalogue
                .prefer_claim(claim)
                .map(|()| self.changed("Preferred the claim".into()))
                .map_err(|e| e.to_string()),
            Command::RemoveClaim(claim) => self
                .catalogue
                .remove_claim(claim)
                .map(|()| self.changed("Removed the claim (Ctrl+Z brings it back)".into()))
                .map_err(|e| e.to_string()),
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
                    .map_err(|e| e.to_string())?;
                self.changed("Changed the claim".into());
                Ok(())
            })(),
            Command::EditSource { id, changes } => self
                .catalogue
                .edit_source(id, &changes)
                .map(|()| self.changed("Changed the source".into()))
                .map_err(|e| e.to_string()),
            Command::MergeSources { from, into } => self
                .catalogue
                .merge_sources(from, into)
                .map(|moved| {
                    self.changed(format!(
                        "Merged the source; {} moved",
                        count(moved, "claim", "claims")
                    ))
                })
                .map_err(|e| e.to_string()),
            Command::ImportSources(path) => self.import_sources(&path),
        };
        if let Err(message) = result {
            self.send(Event::Error(message));
            self.send_history();
        }
    }

    fn search(&mut self, generation: u64, query: &str, sort: Sort, keyword_counts: bool) {
        let run = || -> Result<Event, crate::catalog::SearchError> {
            let parsed = crate::search::parse(query)?;
            let hits = self.catalogue.search(&parsed, sort, None)?;
            let ids: Vec<PhotoId> = hits.iter().map(|h| h.id).collect();
            let photos = self.catalogue.summaries(&ids)?;
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
                photos,
                possible: hits.iter().filter(|h| h.possible).map(|h| h.id).collect(),
                facets: Box::new(facets),
                set_items,
                keyword_counts,
            })
        };
        let event = run().unwrap_or_else(|e| Event::SearchError {
            generation,
            message: e.to_string(),
        });
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
        self.send(Event::Details(Box::new(Details {
            generation,
            photos: all,
            tags: self.catalogue.raw_tags(focus)?,
            sets,
            history: self.catalogue.history(Some(focus), 50)?,
            wall_labels,
            claims: self.catalogue.claims(focus)?,
        })));
        Ok(())
    }

    fn sidebar(&mut self) -> crate::catalog::Result<()> {
        let count = |q: &str| -> crate::catalog::Result<u64> {
            match self.catalogue.search_text(q, SortKey::Imported, None) {
                Ok(hits) => Ok(hits.len() as u64),
                Err(crate::catalog::SearchError::Catalogue(e)) => Err(e),
                Err(e) => Err(crate::catalog::CatalogError::Invalid(e.to_string())),
            }
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
            .map_err(|e| e.to_string())?;
        // The save dialog asked before replacing a file; the catalogue, its
        // thumbnails and catalogued photos are refused all the same.
        interop::write_output(&self.catalogue, path, &data, true)
            .map_err(|e| format!("{} could not be written: {e}", path.display()))?;
        self.send(Event::Done(format!(
            "Exported {} to {}",
            count(photos, "photo", "photos"),
            path.display()
        )));
        Ok(())
    }

    fn preview_csv(&mut self, request: CsvRequest) -> Result<(), String> {
        let import = CsvImport::read(&self.catalogue, &request.path, request.blank_clears)
            .map_err(|e| e.to_string())?;
        let outcome = import
            .apply(&mut self.catalogue, true, request.set.as_deref())
            .map_err(|e| e.to_string())?;
        let file = request.path.display().to_string();
        let mut ids: Vec<PhotoId> = outcome.report.changes.iter().map(|c| c.photo).collect();
        ids.extend(outcome.labels.iter().map(|l| l.photo));
        ids.extend(outcome.claims.changes.iter().map(|(_, photo, _)| *photo));
        ids.sort();
        ids.dedup();
        let names = self
            .catalogue
            .summaries(&ids)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|s| (s.id, s.file_name))
            .collect();
        let mut problems: Vec<String> = import
            .problems
            .iter()
            .map(|p| format!("{file}: {p}"))
            .collect();
        problems.extend(
            outcome
                .claims
                .refused
                .iter()
                .map(|(row, why)| format!("{file}: row {row}: {why}")),
        );
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
            .map_err(|e| e.to_string())?;
        if import.digest != digest {
            return Err(format!(
                "{} changed after it was previewed; nothing was applied (preview it again)",
                request.path.display()
            ));
        }
        let outcome = import
            .apply(&mut self.catalogue, false, request.set.as_deref())
            .map_err(|e| e.to_string())?;
        let message = if outcome.claims.changes.is_empty() {
            format!(
                "CSV import: {} changed ({}, {})",
                count(outcome.report.photos, "photo", "photos"),
                count(outcome.changes().len(), "value", "values"),
                count(outcome.labels.len(), "wall label", "wall labels")
            )
        } else {
            format!(
                "CSV import: {} changed",
                count(outcome.claims.changes.len(), "claim", "claims")
            )
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
            .map_err(|e| e.to_string())
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
            .map_err(|e| e.to_string())?;
        let whom = on_whom(&self.catalogue, &request.photos, report.photos);
        let message = if report.photos == 0 {
            "The claim was there already: nothing to add".to_owned()
        } else {
            format!("Added a claim to {whom}")
        };
        self.changed(message);
        Ok(())
    }

    fn import_sources(&mut self, path: &Path) -> Result<(), String> {
        let records = crate::export::csl::read_file(path).map_err(|e| e.to_string())?;
        let (ids, added) = self
            .catalogue
            .import_sources(&records)
            .map_err(|e| e.to_string())?;
        self.changed(format!(
            "Read {} from {}: {added} new, {} already in the catalogue",
            count(ids.len(), "source", "sources"),
            path.display(),
            ids.len() - added
        ));
        Ok(())
    }

    /// Runs a job that writes files on a thread of its own with its own
    /// connection, so searches go on meanwhile.
    fn start_job<F>(&mut self, what: String, job: F)
    where
        F: FnOnce(&mut Catalogue, &JobHandle) -> JobOutcome + Send + 'static,
    {
        let cancel = Arc::new(AtomicBool::new(false));
        self.send(Event::JobStarted {
            what: what.clone(),
            cancel: cancel.clone(),
        });
        let started = what.clone();
        let events = self.events.clone();
        let repaint = self.repaint.clone();
        let path = self.path.clone();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-job".into())
            .spawn(move || {
                let handle = JobHandle {
                    cancel,
                    events: events.clone(),
                    repaint: repaint.clone(),
                };
                let outcome = match Catalogue::open(&path) {
                    Ok(mut catalogue) => job(&mut catalogue, &handle),
                    Err(e) => JobOutcome::failed(format!("{what}: {e}")),
                };
                drop(handle);
                let _ = events.send(Event::JobFinished {
                    message: outcome.message,
                    problems: outcome.problems,
                    changed: outcome.changed,
                });
                repaint();
            });
        if let Err(e) = spawned {
            self.send(Event::JobFinished {
                message: format!("{started} could not start: {e}"),
                problems: Vec::new(),
                changed: false,
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
        let spawned = std::thread::Builder::new()
            .name("kartoteka-import".into())
            .spawn(move || run_import(&path, &paths, template.as_deref(), cancel, events, repaint));
        if let Err(e) = spawned {
            self.send(Event::Error(format!("could not start the import: {e}")));
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
            send(Event::Error(format!(
                "import could not open the catalogue: {e}"
            )));
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
                send(Event::Error(format!("template \"{name}\": {e}")));
            }
            send(Event::ImportFinished(Box::new(summary)));
        }
        Err(e) => {
            send(Event::Error(format!("import stopped: {e}")));
            send(Event::ImportFinished(Box::default()));
        }
    }
    cancel.store(false, Ordering::Relaxed);
}

/// How a job ended.
struct JobOutcome {
    message: String,
    problems: Vec<String>,
    changed: bool,
}

impl JobOutcome {
    fn failed(message: String) -> Self {
        Self {
            message: format!("Error: {message}"),
            problems: Vec::new(),
            changed: false,
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
        Err(e) => return JobOutcome::failed(e.to_string()),
    };
    let thumbs = match (target, catalogue.thumbnails_path()) {
        (Target::InPlace { .. }, Some(p)) => match ThumbnailStore::open(&p) {
            Ok(t) => Some(t),
            Err(e) => return JobOutcome::failed(e.to_string()),
        },
        _ => None,
    };
    let mut problems = Vec::new();
    let mut written = 0;
    for (i, photo) in photos.iter().enumerate() {
        if job.cancelled() {
            break;
        }
        match interop::write_metadata(catalogue, thumbs.as_ref(), photo, target) {
            Ok(_) => written += 1,
            Err(e) => problems.push(e),
        }
        job.progress(i + 1, photos.len());
    }
    let message = match target {
        Target::Sidecar => format!("Wrote {}", count(written, "XMP sidecar", "XMP sidecars")),
        Target::Copies(dir) => format!(
            "Wrote {} to {}",
            count(written, "copy", "copies"),
            dir.display()
        ),
        Target::InPlace { backup: true } => format!(
            "Embedded metadata in {} (backups kept beside them)",
            count(written, "original", "originals")
        ),
        Target::InPlace { backup: false } => format!(
            "Embedded metadata in {}",
            count(written, "original", "originals")
        ),
    };
    let mut message = if problems.is_empty() {
        message
    } else {
        format!("{message}; {} failed", problems.len())
    };
    if job.cancelled() {
        message.push_str(&format!(
            "; cancelled with {} left",
            photos.len() - written - problems.len()
        ));
    }
    JobOutcome {
        message,
        problems,
        changed: !matches!(target, Target::Copies(_)),
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
            message: format!(
                "Exported {} of {total} photos of \"{name}\" to {}",
                exported.files.len(),
                dir.display()
            ),
            problems: exported.problems,
            changed: false,
        },
        Err(e) => JobOutcome::failed(e.to_string()),
    }
}
