//! What the user asks for, and how the app carries it out. Panels, menus
//! and the keyboard only produce [`Action`]s; [`App::apply`] is the one
//! place that acts on them, mostly by sending commands to the worker.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde_json::Value;

use super::dialogs::{FileRequest, NameKind, Pending};
use super::keys::{Direction, Shortcut};
use super::worker::{Command, CsvRequest, Start};
use super::{App, View, interop};
use crate::catalog::{Edit, Sort, SortKey};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::interop::{Source, Target};
use crate::photo::{Attribute, PhotoId};
use crate::tr;

/// What a panel, a menu or a key asks the app to do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Replace the search; `Some(sort)` also changes the order.
    Search(String, Option<SortKey>),
    /// Keep the search, change the order.
    Sort(Sort),
    /// A click on the photo at a result index.
    Click {
        index: usize,
        shift: bool,
        toggle: bool,
    },
    SelectAll,
    SelectNone,
    /// Move the focus by this many photos, extending the selection or not.
    Step {
        delta: isize,
        extend: bool,
    },
    /// Enter in the caption: on to the next photo's caption.
    NextCaption,
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
    Undo,
    Redo,
    /// Speak a language (`None`: the system's), at once and from now on.
    Language(Option<super::i18n::Language>),
    /// Dark or light colours, at once and from now on.
    Theme(super::theme::Theme),
    /// Tidy the catalogue after much editing (on a thread of its own).
    Optimize,
    ChooseImport,
    Import(Vec<PathBuf>),
    CancelImport,
    /// Stop the file-writing job under way.
    CancelJob,
    ShowErrors,
    AddKeywordTo {
        keyword: String,
        photos: Vec<PhotoId>,
    },
    /// Open the form that renames a keyword or set, or merges a keyword.
    Rename(NameKind, String),
    /// A change the worker makes as asked (sets, keywords).
    Worker(Command),
    SaveSearch(String),
    ApplyTemplate(String),
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
    /// Ask for a file or folder.
    AskFile(FileRequest),
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
    /// Open or close the keyboard reference.
    KeyboardReference,
    /// Help > About.
    About,
    /// Ask where to make a new catalogue.
    ChooseNewCatalogue,
    /// Make a new catalogue there and switch to it.
    CreateCatalogue(PathBuf),
    /// At the first launch: make the default catalogue.
    CreateDefaultCatalogue,
    /// Ask for a catalogue to open.
    ChooseOpenCatalogue,
    /// Switch the window to this catalogue.
    OpenCatalogue(PathBuf),
    /// Ask for a backup to restore.
    ChooseRestoreBackup,
    /// Restore a backup into a new catalogue and switch to it.
    RestoreBackup(PathBuf),
    /// Show the Back up window.
    ShowBackup,
    BackUpNow,
    ChooseBackupFolder,
    /// Back up into this folder from now on (`None`: beside the catalogue).
    SetBackupFolder(Option<PathBuf>),
    /// Quit once the work under way is done (and a due backup made).
    Quit,
    /// Cancel the import or job that quitting or switching waits for.
    CancelWork,
    /// Do not quit or switch after all.
    StayHere,
    /// Grid or table.
    View(View),
    /// A shortcut pressed.
    Key(Shortcut),
}

impl App {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Search(query, sort) => {
                self.query = query;
                match sort {
                    // A set opens in its own order; the window's order
                    // stays as it was for when the set is left.
                    Some(SortKey::SetOrder) => self.set_order = Some(false),
                    Some(key) => {
                        self.set_order = None;
                        self.settings.set_sort(key.into());
                    }
                    None => {}
                }
                self.search_now();
            }
            Action::Sort(sort) => {
                if sort.key == SortKey::SetOrder {
                    self.set_order = Some(sort.descending);
                } else {
                    self.set_order = None;
                    self.settings.set_sort(sort);
                }
                self.search_now();
            }
            Action::Click {
                index,
                shift,
                toggle,
            } => self.selection.click(&self.order, index, shift, toggle),
            Action::SelectAll => self.selection.select_all(&self.order),
            Action::SelectNone => self.selection.clear(),
            Action::Step { delta, extend } => {
                if let Some(index) = self.selection.step(&self.order, delta, extend) {
                    self.scroll_to = Some(index);
                }
            }
            Action::NextCaption => {
                let before = self.selection.focus();
                match self.selection.step(&self.order, 1, false) {
                    Some(index) if self.order.get(index) != before => {
                        self.scroll_to = Some(index);
                        if let Some(photo) = self.results.get(index) {
                            self.inspector
                                .advance_to(photo.id, photo.caption.clone().unwrap_or_default());
                        }
                    }
                    _ => self.status.info(tr!("status-last-photo")),
                }
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
                if photos.is_empty() {
                    self.status.info(tr!("status-select-to-change"));
                } else {
                    self.command(Command::Edit {
                        photos,
                        edits,
                        what,
                    });
                }
            }
            Action::Language(language) => {
                self.settings.language = language;
                self.language.set(self.settings.language());
                // The sidebar comes back in the new language's order.
                self.refresh();
            }
            Action::Theme(theme) => {
                self.settings.theme = theme;
                self.ctx.set_theme(theme.egui());
            }
            Action::Undo => self.command(Command::Undo),
            Action::Redo => self.command(Command::Redo),
            Action::Optimize => {
                if !self.job_running() {
                    self.command(Command::Optimize);
                }
            }
            Action::ChooseImport => self.dialogs.ask(FileRequest::ImportFolder, &self.ctx),
            Action::Import(paths) => {
                let template =
                    Some(self.settings.import_template.clone()).filter(|t| !t.is_empty());
                self.worker.send(Command::Import { paths, template });
            }
            Action::CancelImport => {
                if let Some(i) = &self.import {
                    i.cancel.store(true, Ordering::Relaxed);
                    self.status.info(tr!("status-cancelling-import"));
                }
            }
            Action::CancelJob => {
                if let Some(job) = &self.interop.job {
                    job.cancel.store(true, Ordering::Relaxed);
                    self.status
                        .info(tr!("status-cancelling-job", what = job.what.as_str()));
                }
            }
            Action::ShowErrors => self.show_errors = true,
            Action::AddKeywordTo { keyword, photos } => {
                if photos.is_empty() {
                    self.status.info(tr!("status-select-to-tag"));
                } else {
                    self.command(Command::Edit {
                        photos,
                        edits: vec![Edit::AddKeyword(keyword.clone())],
                        what: tr!("edit-keyword", keyword = keyword.as_str()),
                    });
                }
            }
            Action::Rename(kind, subject) => self.dialogs.rename(kind, subject),
            Action::Worker(command) => self.command(command),
            Action::SaveSearch(name) => self.command(Command::SaveSearch {
                name,
                query: self.query.clone(),
            }),
            Action::ApplyTemplate(name) => {
                let photos = self.selection.in_order(&self.order);
                if photos.is_empty() {
                    self.status.info(tr!("status-select-for-template"));
                } else {
                    self.command(Command::ApplyTemplate { name, photos });
                }
            }
            Action::OpenExportCsv => {
                self.interop.export_csv = Some(interop::export_csv_form(self));
            }
            Action::ChooseCsvExport {
                source,
                profile,
                name,
            } => self.dialogs.ask(
                FileRequest::SaveCsv {
                    pending: Pending::ExportCsv { source, profile },
                    name,
                },
                &self.ctx,
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
            Action::ChooseCsvImport => self.dialogs.ask(FileRequest::OpenCsv, &self.ctx),
            Action::AskFile(request) => self.dialogs.ask(request, &self.ctx),
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
                self.dialogs
                    .ask(FileRequest::CopiesFolder(photos), &self.ctx);
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
                    self.status.info(tr!("status-select-to-write"));
                    return;
                }
                self.command(Command::WriteMetadata { photos, target });
            }
            Action::OpenSetExport(name) => {
                self.interop.set_export = Some(interop::SetExportForm::new(name));
            }
            Action::ChooseSetFolder { name, options } => self
                .dialogs
                .ask(FileRequest::SetFolder { name, options }, &self.ctx),
            Action::ExportSet { name, dir, options } => {
                if !self.job_running() {
                    self.command(Command::ExportSet { name, dir, options });
                }
            }
            Action::KeyboardReference => {
                self.dialogs.keyboard_reference = !self.dialogs.keyboard_reference
            }
            Action::View(view) => self.settings.view = view,
            Action::Key(shortcut) => self.shortcut(shortcut),
            Action::About => self.windows.about = !self.windows.about,
            Action::ChooseNewCatalogue => self.dialogs.ask(FileRequest::NewCatalogue, &self.ctx),
            Action::CreateCatalogue(path) => {
                self.switch_catalogue(Start::Create(super::catalogues::with_extension(path)))
            }
            Action::CreateDefaultCatalogue => {
                if let Some(default) = self.default_catalogue.clone() {
                    self.switch_catalogue(Start::Create(default));
                }
            }
            Action::ChooseOpenCatalogue => self.dialogs.ask(FileRequest::OpenCatalogue, &self.ctx),
            Action::OpenCatalogue(path) => self.switch_catalogue(Start::Open(path)),
            Action::ChooseRestoreBackup => self.dialogs.ask(FileRequest::RestoreBackup, &self.ctx),
            Action::RestoreBackup(backup) => match self.restore_into() {
                Some(into) => self.switch_catalogue(Start::Restore { backup, into }),
                None => self.status.error(tr!("status-nowhere-to-restore")),
            },
            Action::ShowBackup => {
                self.windows.backup = true;
                self.windows.latest_backup = None;
                self.worker.send(Command::LatestBackup {
                    folder: self.settings.backup_folder.clone(),
                });
            }
            Action::BackUpNow => {
                if !self.job_running() {
                    self.command(Command::Backup {
                        folder: self.settings.backup_folder.clone(),
                        keep: self.settings.backups_kept,
                        unless_newer_than: None,
                    });
                }
            }
            Action::ChooseBackupFolder => self.dialogs.ask(FileRequest::BackupFolder, &self.ctx),
            Action::SetBackupFolder(folder) => {
                self.settings.backup_folder = folder;
                self.windows.latest_backup = None;
                self.worker.send(Command::LatestBackup {
                    folder: self.settings.backup_folder.clone(),
                });
            }
            Action::Quit => self.leave(super::catalogues::Then::Quit),
            Action::CancelWork => self.cancel_work(),
            Action::StayHere => self.leaving = None,
        }
    }

    /// What a shortcut does.
    fn shortcut(&mut self, shortcut: Shortcut) {
        let edit = |attribute: Attribute, value: Value, what: String| {
            Action::Edit(vec![Edit::Set(attribute, value)], what)
        };
        let action = match shortcut {
            Shortcut::Undo => Action::Undo,
            Shortcut::Redo => Action::Redo,
            Shortcut::Find => {
                super::top_bar::find(&self.ctx, &self.query);
                return;
            }
            Shortcut::SelectAll => Action::SelectAll,
            Shortcut::SelectNone => Action::SelectNone,
            Shortcut::Import => Action::ChooseImport,
            Shortcut::ExportCsv => Action::OpenExportCsv,
            Shortcut::KeyboardReference => Action::KeyboardReference,
            Shortcut::OpenCatalogue => Action::ChooseOpenCatalogue,
            Shortcut::Quit => Action::Quit,
            Shortcut::Rate(n) => edit(
                Attribute::Rating,
                Value::from(n),
                tr!("edit-rating", stars = n),
            ),
            Shortcut::Pick => edit(Attribute::Flag, Value::from("pick"), tr!("edit-pick")),
            Shortcut::Reject => edit(Attribute::Flag, Value::from("reject"), tr!("edit-reject")),
            Shortcut::Unflag => edit(Attribute::Flag, Value::Null, tr!("edit-unflag")),
            Shortcut::Label(label) => edit(
                Attribute::Label,
                Value::from(label.name()),
                tr!("edit-label", label = label.name()),
            ),
            Shortcut::NoLabel => edit(Attribute::Label, Value::Null, tr!("edit-no-label")),
            Shortcut::Move(direction) | Shortcut::Extend(direction) => {
                let columns = match self.settings.view {
                    View::Grid => self.grid_columns.max(1) as isize,
                    View::Table => 1,
                };
                let delta = match direction {
                    Direction::Right => 1,
                    Direction::Left => -1,
                    Direction::Down => columns,
                    Direction::Up => -columns,
                };
                if self.viewer.is_some() {
                    self.viewer_step(delta);
                    return;
                }
                Action::Step {
                    delta,
                    extend: matches!(shortcut, Shortcut::Extend(_)),
                }
            }
            Shortcut::OpenFullSize => {
                match self.selection.focus().and_then(|f| self.order.position(f)) {
                    Some(index) => Action::Open(index),
                    None => return,
                }
            }
            Shortcut::RemoveFromSet => {
                let Some((set, _)) = &self.set_items else {
                    self.status.info(tr!("status-no-set-shown"));
                    return;
                };
                let set = set.clone();
                let photos = self.selection.in_order(&self.order);
                if photos.is_empty() {
                    return;
                }
                Action::Worker(Command::RemoveFromSet { set, photos })
            }
            Shortcut::WriteCaption | Shortcut::AddKeyword => {
                if self.selection.is_empty() {
                    self.status.info(tr!("status-select-to-change"));
                    return;
                }
                // The fields are the inspector's: it opens if it was closed.
                self.settings.show_inspector = true;
                let photos = self.selection.in_order(&self.order);
                if shortcut == Shortcut::WriteCaption {
                    self.inspector.write_caption(photos);
                } else {
                    self.inspector.add_keyword(photos);
                }
                return;
            }
            Shortcut::AddToSet => {
                let photos = self.selection.in_result_order(&self.order);
                if photos.is_empty() {
                    self.status.info(tr!("status-select-to-change"));
                    return;
                }
                let sets = self
                    .sidebar
                    .sets
                    .iter()
                    .filter(|s| s.query.is_none())
                    .map(|s| s.name.clone())
                    .collect();
                self.dialogs.add_to_set(photos, sets);
                return;
            }
            Shortcut::GridView => Action::View(View::Grid),
            Shortcut::TableView => Action::View(View::Table),
            Shortcut::ToggleZoom | Shortcut::ZoomIn | Shortcut::ZoomOut => {
                if let Some(viewer) = &mut self.viewer {
                    viewer.zoom_key(shortcut, &self.ctx);
                }
                return;
            }
            Shortcut::Back => {
                if self.viewer.is_some() {
                    self.viewer = None;
                    return;
                }
                // Esc closes About before it touches the selection.
                if self.windows.about {
                    self.windows.about = false;
                    return;
                }
                Action::SelectNone
            }
        };
        self.apply(action);
    }

    /// In the full-size view, the arrows go to the next and previous photo.
    fn viewer_step(&mut self, delta: isize) {
        let Some(viewer) = &self.viewer else { return };
        let index = viewer.index() as isize + delta.signum();
        if index < 0 {
            return;
        }
        if let Some(id) = self.order.get(index as usize) {
            self.selection.only(id);
            self.scroll_to = Some(index as usize);
            self.open_viewer(index as usize);
        }
    }

    /// One file-writing job at a time; says so when one is under way.
    fn job_running(&mut self) -> bool {
        match &self.interop.job {
            Some(job) => {
                let message = tr!("status-job-under-way", what = job.what.as_str());
                self.status.info(message);
                true
            }
            None => false,
        }
    }
}
