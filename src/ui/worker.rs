//! The catalogue worker: a named thread that owns the catalogue and answers
//! the window's commands through channels, so that the UI thread never
//! waits on SQLite. After every event it sends, it asks egui to repaint.
//!
//! Imports run on a thread of their own with their own connection (SQLite's
//! WAL lets the worker keep answering searches meanwhile).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossbeam_channel::{Receiver, Sender, unbounded};

use crate::catalog::{
    Catalogue, Change, Edit, Facets, HistoryEntry, KeywordEntry, PhotoSummary, SetInfo, SetItem,
    SortKey, Template, ThumbnailStore,
};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::ingest::import::{ImportOptions, ImportSummary, Progress, import};
use crate::interop::{self, CsvImport, LabelChange, Source, Target};
use crate::photo::{Photo, PhotoId, RawTag};

use super::count;

/// What the window asks of the catalogue.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run a search. Only the newest search in the queue runs.
    Search {
        generation: u64,
        query: String,
        sort: SortKey,
    },
    /// Everything the inspector shows for these photos (the first is the
    /// one in focus).
    Inspect {
        generation: u64,
        photos: Vec<PhotoId>,
    },
    /// Counts, folders, keywords, sets, templates for the sidebar.
    Sidebar,
    Edit {
        photos: Vec<PhotoId>,
        edits: Vec<Edit>,
        what: String,
    },
    Undo,
    CreateSet(String),
    AddToSet {
        set: String,
        photos: Vec<PhotoId>,
    },
    RemoveFromSet {
        set: String,
        photos: Vec<PhotoId>,
    },
    MoveInSet {
        set: String,
        photo: PhotoId,
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
    pub history: Vec<HistoryEntry>,
    /// The focused photo's wall labels, by set.
    pub wall_labels: Vec<(String, Option<String>)>,
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
        facets: Facets,
        /// The set's order and wall labels when the query is one set.
        set_items: Option<(String, Vec<SetItem>)>,
    },
    SearchError {
        generation: u64,
        message: String,
    },
    Details(Box<Details>),
    Sidebar(Box<Sidebar>),
    /// Something changed; the message is for the status bar.
    Changed(String),
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
    /// A job on its own thread (writing metadata, exporting a set) began.
    JobStarted(String),
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
                };
                while let Ok(first) = command_rx.recv() {
                    // Of the searches waiting, only the newest matters.
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
}

impl State {
    fn send(&self, event: Event) {
        let _ = self.events.send(event);
        (self.repaint)();
    }

    fn handle(&mut self, command: Command) {
        let result: Result<(), String> = match command {
            Command::Search {
                generation,
                query,
                sort,
            } => {
                self.search(generation, &query, sort);
                Ok(())
            }
            Command::Inspect { generation, photos } => {
                self.inspect(generation, &photos).map_err(|e| e.to_string())
            }
            Command::Sidebar => self.sidebar().map_err(|e| e.to_string()),
            Command::Edit {
                photos,
                edits,
                what,
            } => match self.catalogue.edit(&photos, &edits, "edit", false) {
                Ok(report) => {
                    self.send(Event::Changed(format!(
                        "{what}: {} photos changed",
                        report.photos
                    )));
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            },
            Command::Undo => match self.catalogue.undo() {
                Ok(Some((summary, n))) => {
                    self.send(Event::Changed(format!("Undid {summary} ({n} values)")));
                    Ok(())
                }
                Ok(None) => {
                    self.send(Event::Changed("Nothing to undo".into()));
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            },
            Command::CreateSet(name) => self
                .catalogue
                .create_set(&name)
                .map(|()| self.send(Event::Changed(format!("Created set \"{name}\""))))
                .map_err(|e| e.to_string()),
            Command::AddToSet { set, photos } => self
                .catalogue
                .add_to_set(&set, &photos)
                .map(|n| self.send(Event::Changed(format!("Added {n} photos to \"{set}\""))))
                .map_err(|e| e.to_string()),
            Command::RemoveFromSet { set, photos } => self
                .catalogue
                .remove_from_set(&set, &photos)
                .map(|n| self.send(Event::Changed(format!("Removed {n} photos from \"{set}\""))))
                .map_err(|e| e.to_string()),
            Command::MoveInSet {
                set,
                photo,
                position,
            } => self
                .catalogue
                .move_in_set(&set, photo, position)
                .map(|()| {
                    self.send(Event::Changed(format!(
                        "Moved to position {position} in \"{set}\""
                    )))
                })
                .map_err(|e| e.to_string()),
            Command::SetNote { set, photo, note } => self
                .catalogue
                .set_note(&set, photo, &note)
                .map(|()| self.send(Event::Changed(format!("Wall label saved in \"{set}\""))))
                .map_err(|e| e.to_string()),
            Command::DeleteSet(name) => self
                .catalogue
                .delete_set(&name)
                .map(|()| self.send(Event::Changed(format!("Deleted \"{name}\""))))
                .map_err(|e| e.to_string()),
            Command::SaveSearch { name, query } => self
                .catalogue
                .save_search(&name, &query)
                .map(|()| self.send(Event::Changed(format!("Saved search \"{name}\""))))
                .map_err(|e| e.to_string()),
            Command::RenameKeyword { old, new } => self
                .catalogue
                .rename_keyword(&old, &new)
                .map(|n| {
                    self.send(Event::Changed(format!(
                        "Renamed {old} to {new}: {n} photos follow"
                    )))
                })
                .map_err(|e| e.to_string()),
            Command::MergeKeywords { from, into } => self
                .catalogue
                .merge_keywords(&from, &into)
                .map(|n| {
                    self.send(Event::Changed(format!(
                        "Merged {from} into {into}: {n} photos changed"
                    )))
                })
                .map_err(|e| e.to_string()),
            Command::ApplyTemplate { name, photos } => self
                .catalogue
                .apply_template(&name, &photos, false, false)
                .map(|r| {
                    self.send(Event::Changed(format!(
                        "Template \"{name}\": {} photos changed",
                        r.photos
                    )))
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
                self.start_job(what.to_owned(), move |catalogue, progress| {
                    write_metadata(catalogue, &photos, &target, progress)
                });
                Ok(())
            }
            Command::ExportSet { name, dir, options } => {
                self.start_job(format!("Exporting \"{name}\""), move |catalogue, _| {
                    export_set(catalogue, &name, &dir, &options)
                });
                Ok(())
            }
            Command::Optimize => {
                self.start_job("Optimizing the catalogue".to_owned(), |catalogue, _| {
                    let started = std::time::Instant::now();
                    match catalogue.optimize() {
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
        };
        if let Err(message) = result {
            self.send(Event::Error(message));
        }
    }

    fn search(&mut self, generation: u64, query: &str, sort: SortKey) {
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
            Ok(Event::Results {
                generation,
                photos,
                possible: hits.iter().filter(|h| h.possible).map(|h| h.id).collect(),
                facets,
                set_items,
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
        let wall_labels = sets
            .iter()
            .map(|s| {
                let note = self
                    .catalogue
                    .set_items(s)
                    .ok()
                    .and_then(|items| items.into_iter().find(|i| i.photo == focus))
                    .and_then(|i| i.note);
                (s.clone(), note)
            })
            .collect();
        self.send(Event::Details(Box::new(Details {
            generation,
            photos: all,
            tags: self.catalogue.raw_tags(focus)?,
            sets,
            history: self.catalogue.history(Some(focus), 50)?,
            wall_labels,
        })));
        Ok(())
    }

    fn sidebar(&mut self) -> crate::catalog::Result<()> {
        let count = |q: &str| {
            self.catalogue
                .search_text(q, SortKey::Imported, None)
                .map(|h| h.len() as u64)
                .unwrap_or(0)
        };
        let sidebar = Sidebar {
            photos: self.catalogue.photo_count()?,
            missing: count("status:missing"),
            without_caption: count("missing:caption"),
            folders: self.catalogue.folders()?,
            keywords: self.catalogue.keywords()?,
            sets: self.catalogue.sets()?,
            templates: self.catalogue.templates()?,
        };
        self.send(Event::Sidebar(Box::new(sidebar)));
        Ok(())
    }

    fn export_csv(&mut self, source: &Source, profile: Profile, path: &Path) -> Result<(), String> {
        let columns = crate::export::csv::choose_columns(profile, None)?;
        let (data, photos) = interop::csv_catalogue(&self.catalogue, source, profile, &columns)
            .map_err(|e| e.to_string())?;
        crate::export::write_atomically(path, &data)
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
        ids.sort();
        ids.dedup();
        let names = self
            .catalogue
            .summaries(&ids)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|s| (s.id, s.file_name))
            .collect();
        self.send(Event::CsvPreview(Box::new(CsvPreview {
            names,
            digest: import.digest,
            photos: outcome.report.photos,
            changes: outcome.report.changes,
            labels: outcome.labels,
            has_labels: !import.labels.is_empty(),
            problems: import
                .problems
                .iter()
                .map(|p| format!("{file}: {p}"))
                .collect(),
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
        self.send(Event::Changed(format!(
            "CSV import: {} changed ({}, {})",
            count(outcome.report.photos, "photo", "photos"),
            count(outcome.changes().len(), "value", "values"),
            count(outcome.labels.len(), "wall label", "wall labels")
        )));
        Ok(())
    }

    /// Runs a job that writes files on a thread of its own with its own
    /// connection, so searches go on meanwhile.
    fn start_job<F>(&mut self, what: String, job: F)
    where
        F: FnOnce(&mut Catalogue, &dyn Fn(usize, usize)) -> JobOutcome + Send + 'static,
    {
        self.send(Event::JobStarted(what.clone()));
        let started = what.clone();
        let events = self.events.clone();
        let repaint = self.repaint.clone();
        let path = self.path.clone();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-job".into())
            .spawn(move || {
                let send = |e: Event| {
                    let _ = events.send(e);
                    repaint();
                };
                let outcome = match Catalogue::open(&path) {
                    Ok(mut catalogue) => job(&mut catalogue, &|done, total| {
                        send(Event::JobProgress { done, total })
                    }),
                    Err(e) => JobOutcome::failed(format!("{what}: {e}")),
                };
                send(Event::JobFinished {
                    message: outcome.message,
                    problems: outcome.problems,
                    changed: outcome.changed,
                });
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
    progress: &dyn Fn(usize, usize),
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
    for (i, photo) in photos.iter().enumerate() {
        if let Err(e) = interop::write_metadata(catalogue, thumbs.as_ref(), photo, target) {
            problems.push(e);
        }
        progress(i + 1, photos.len());
    }
    let written = photos.len() - problems.len();
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
    JobOutcome {
        message: if problems.is_empty() {
            message
        } else {
            format!("{message}; {} failed", problems.len())
        },
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
