//! Dialogs: the system's file chooser (on a thread of its own, so the
//! window never waits for it) with a path field of Kartoteka's own when the
//! system has no chooser to offer; the form that renames keywords and sets
//! and merges keywords (Enter confirms, Esc or a click outside cancels); and
//! the keyboard reference.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use egui::{Key, RichText};

use super::keys::{self, Group};
use super::{Action, Command};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::interop::{Source, Target};
use crate::photo::PhotoId;
use crate::text::fold;
use crate::tr;

/// A system file chooser that answers "nothing chosen" quicker than this
/// was never shown: no person cancels a dialog that fast. Kartoteka then
/// offers its own path field instead of silently doing nothing.
const TOO_QUICK: Duration = Duration::from_millis(500);

/// What a chosen file or folder is for.
#[derive(Debug, Clone)]
pub enum Pending {
    ExportCsv { source: Source, profile: Profile },
}

/// A file or folder to ask the user for, and what it is for.
#[derive(Debug, Clone)]
pub enum FileRequest {
    ImportFolder,
    SaveCsv {
        pending: Pending,
        name: String,
    },
    OpenCsv,
    /// Sources exported by a reference manager.
    OpenCsl,
    CopiesFolder(Vec<PhotoId>),
    SetFolder {
        name: String,
        options: SetOptions,
    },
    NewCatalogue,
    OpenCatalogue,
    RestoreBackup,
    BackupFolder,
}

/// The kind of thing asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// A folder that exists.
    ExistingFolder,
    /// A folder, created if it does not exist.
    NewOrExistingFolder,
    OpenFile,
    SaveFile,
    /// A file to create: there must be none there yet.
    NewFile,
}

impl FileRequest {
    fn title(&self) -> String {
        match self {
            FileRequest::ImportFolder => tr!("file-import-folder"),
            FileRequest::SaveCsv { .. } => tr!("file-export-csv"),
            FileRequest::OpenCsv => tr!("file-import-csv"),
            FileRequest::OpenCsl => tr!("file-import-sources"),
            FileRequest::CopiesFolder(_) => tr!("file-copies-folder"),
            FileRequest::SetFolder { .. } => tr!("file-set-folder"),
            FileRequest::NewCatalogue => tr!("file-new-catalogue"),
            FileRequest::OpenCatalogue => tr!("file-open-catalogue"),
            FileRequest::RestoreBackup => tr!("file-restore-backup"),
            FileRequest::BackupFolder => tr!("file-backup-folder"),
        }
    }

    /// The kind of file offered in the system chooser: a name and extensions.
    fn filter(&self) -> Option<(String, &'static [&'static str])> {
        match self {
            FileRequest::SaveCsv { .. } | FileRequest::OpenCsv => {
                Some((tr!("file-filter-csv"), &["csv"]))
            }
            FileRequest::OpenCsl => Some((tr!("file-filter-csl"), &["json"])),
            FileRequest::NewCatalogue | FileRequest::OpenCatalogue | FileRequest::RestoreBackup => {
                Some((tr!("file-filter-catalogue"), &["kartoteka"]))
            }
            _ => None,
        }
    }

    /// The file name offered when saving.
    fn file_name(&self) -> Option<String> {
        match self {
            FileRequest::SaveCsv { name, .. } => Some(name.clone()),
            FileRequest::NewCatalogue => Some(tr!("file-new-catalogue-name")),
            _ => None,
        }
    }

    fn wanted(&self) -> Wanted {
        match self {
            FileRequest::ImportFolder => Wanted::ExistingFolder,
            FileRequest::SaveCsv { .. } => Wanted::SaveFile,
            FileRequest::OpenCsv | FileRequest::OpenCsl => Wanted::OpenFile,
            FileRequest::CopiesFolder(_)
            | FileRequest::SetFolder { .. }
            | FileRequest::BackupFolder => Wanted::NewOrExistingFolder,
            FileRequest::NewCatalogue => Wanted::NewFile,
            FileRequest::OpenCatalogue | FileRequest::RestoreBackup => Wanted::OpenFile,
        }
    }

    fn into_action(self, path: PathBuf) -> Action {
        match self {
            FileRequest::ImportFolder => Action::Import(vec![path]),
            FileRequest::SaveCsv {
                pending: Pending::ExportCsv { source, profile },
                ..
            } => Action::ExportCsv {
                source,
                profile,
                path,
            },
            FileRequest::OpenCsv => Action::PreviewCsv(super::interop::first_request(path)),
            FileRequest::OpenCsl => Action::Worker(Command::ImportSources(path)),
            FileRequest::CopiesFolder(photos) => Action::WriteMetadata {
                photos,
                target: Target::Copies(path),
            },
            FileRequest::SetFolder { name, options } => Action::ExportSet {
                name,
                dir: path,
                options,
            },
            FileRequest::NewCatalogue => Action::CreateCatalogue(path),
            FileRequest::OpenCatalogue => Action::OpenCatalogue(path),
            FileRequest::RestoreBackup => Action::RestoreBackup(path),
            FileRequest::BackupFolder => Action::SetBackupFolder(Some(path)),
        }
    }

    /// What the path field starts with: the home folder, and the file name
    /// offered when saving.
    fn starting_text(&self) -> String {
        let home = directories::UserDirs::new()
            .map(|d| d.home_dir().to_owned())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        match self.file_name() {
            Some(name) => home.join(name).display().to_string(),
            None => format!("{}{}", home.display(), std::path::MAIN_SEPARATOR),
        }
    }
}

/// Why a typed path cannot be used, or `None` when it can.
/// A form's OK and Cancel, below its field: `Some(true)` when OK is
/// pressed, or Enter in the field, while the form is `ready`;
/// `Some(false)` when Cancel is.
fn ok_or_cancel(
    ui: &mut egui::Ui,
    field: &egui::Response,
    ok: String,
    ready: bool,
) -> Option<bool> {
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let confirmed = ui.add_enabled(ready, egui::Button::new(ok)).clicked() || (enter && ready);
        let cancelled = ui.button(tr!("dialog-cancel")).clicked();
        if cancelled {
            Some(false)
        } else if confirmed {
            Some(true)
        } else {
            None
        }
    })
    .inner
}

/// What a form's modal was answered: its OK or Cancel, or a cancel when
/// closed another way (Esc, a click beside it).
fn answer(modal: &egui::ModalResponse<Option<bool>>) -> Option<bool> {
    modal.inner.or(modal.should_close().then_some(false))
}

fn problem_with(path: &Path, wanted: Wanted) -> Option<String> {
    if path.as_os_str().is_empty() {
        return Some(tr!("path-type"));
    }
    if path.is_relative() {
        return Some(tr!("path-whole"));
    }
    match wanted {
        Wanted::ExistingFolder if !path.is_dir() => Some(tr!("path-no-folder")),
        Wanted::NewOrExistingFolder if path.exists() && !path.is_dir() => Some(tr!("path-is-file")),
        Wanted::OpenFile if !path.is_file() => Some(tr!("path-no-file")),
        Wanted::SaveFile | Wanted::NewFile if path.is_dir() => Some(tr!("path-is-folder")),
        Wanted::SaveFile if !path.parent().is_some_and(Path::is_dir) => Some(tr!("path-no-parent")),
        Wanted::NewFile if path.exists() || with_catalogue_extension(path).exists() => {
            Some(tr!("path-exists"))
        }
        _ => None,
    }
}

/// The path a new catalogue gets: `.kartoteka` added when no extension
/// was typed.
fn with_catalogue_extension(path: &Path) -> PathBuf {
    super::catalogues::with_extension(path.to_owned())
}

/// Kartoteka's own path field.
struct TypedPath {
    request: FileRequest,
    text: String,
    /// Why the field is shown (the system chooser did not open).
    why: Option<String>,
    focused: bool,
}

/// What a name form renames (or merges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// Rename or move a keyword (a whole path moves it).
    Keyword,
    /// Merge a keyword into another.
    Merge,
    /// Rename a set or saved search.
    Set,
}

/// The form that renames a keyword or set, or merges a keyword.
pub struct NameForm {
    kind: NameKind,
    /// The keyword's path or the set's name.
    subject: String,
    text: String,
    focused: bool,
}

/// The form that adds photos to a set named from the keyboard: the sets
/// whose names hold what is typed are offered, the arrows choose one, and a
/// name no set has makes a new set.
pub struct SetForm {
    photos: Vec<PhotoId>,
    /// The exhibition sets, in the sidebar's order.
    sets: Vec<String>,
    text: String,
    /// The set chosen with the arrows, if any.
    choice: Option<usize>,
    focused: bool,
}

impl SetForm {
    /// The sets offered for what is typed.
    fn offered(&self) -> Vec<String> {
        let typed = fold(self.text.trim());
        self.sets
            .iter()
            .filter(|s| fold(s).contains(&typed))
            .take(8)
            .cloned()
            .collect()
    }

    /// The set Enter adds to, and whether it is a new one.
    fn target(&self, offered: &[String]) -> Option<(String, bool)> {
        if let Some(chosen) = self.choice.and_then(|i| offered.get(i)) {
            return Some((chosen.clone(), false));
        }
        let typed = self.text.trim();
        if typed.is_empty() {
            return None;
        }
        match self.sets.iter().find(|s| fold(s) == fold(typed)) {
            Some(set) => Some((set.clone(), false)),
            None => Some((typed.to_owned(), true)),
        }
    }
}

#[derive(Default)]
pub struct Dialogs {
    /// The system chooser is open: what for, since when, and its answer.
    native: Option<(FileRequest, Instant, Receiver<Option<PathBuf>>)>,
    typed: Option<TypedPath>,
    /// The system has no file chooser: ask with the path field at once.
    no_chooser: bool,
    name: Option<NameForm>,
    set: Option<SetForm>,
    pub keyboard_reference: bool,
}

impl Dialogs {
    /// Nothing is being asked.
    pub fn idle(&self) -> bool {
        self.native.is_none() && self.typed.is_none() && self.name.is_none() && self.set.is_none()
    }

    /// Whether a dialog of Kartoteka's own is open (it has the keyboard).
    pub fn modal_open(&self) -> bool {
        self.typed.is_some() || self.name.is_some() || self.set.is_some()
    }

    /// Asks for a file or folder: the system's chooser on a thread of its
    /// own, or the path field when the system has none.
    pub fn ask(&mut self, request: FileRequest, ctx: &egui::Context) {
        if self.native.is_some() || self.typed.is_some() {
            return;
        }
        if self.no_chooser {
            self.type_path(request, None);
            return;
        }
        let (tx, rx) = crossbeam_channel::bounded(1);
        let ctx = ctx.clone();
        let title = request.title();
        let wanted = request.wanted();
        let name = request.file_name();
        let filter = request.filter();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
                if let Some((what, extensions)) = filter {
                    dialog = dialog.add_filter(&what, extensions);
                }
                let chosen = pollster::block_on(async {
                    match wanted {
                        Wanted::ExistingFolder | Wanted::NewOrExistingFolder => {
                            dialog.pick_folder().await
                        }
                        Wanted::OpenFile => dialog.pick_file().await,
                        Wanted::SaveFile | Wanted::NewFile => {
                            dialog
                                .set_file_name(name.unwrap_or_default())
                                .save_file()
                                .await
                        }
                    }
                });
                let _ = tx.send(chosen.map(|f| f.path().to_owned()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.native = Some((request, Instant::now(), rx)),
            Err(e) => self.type_path(
                request,
                Some(tr!("chooser-not-started", error = super::errors::other(&e))),
            ),
        }
    }

    fn type_path(&mut self, request: FileRequest, why: Option<String>) {
        self.typed = Some(TypedPath {
            text: request.starting_text(),
            request,
            why,
            focused: false,
        });
    }

    pub fn rename(&mut self, kind: NameKind, subject: String) {
        self.name = Some(NameForm {
            text: if kind == NameKind::Merge {
                String::new()
            } else {
                subject.clone()
            },
            subject,
            kind,
            focused: false,
        });
    }

    /// Asks which set the photos go to.
    pub fn add_to_set(&mut self, photos: Vec<PhotoId>, sets: Vec<String>) {
        self.set = Some(SetForm {
            photos,
            sets,
            text: String::new(),
            choice: None,
            focused: false,
        });
    }

    /// The system chooser's answer, once it has come.
    pub fn poll(&mut self) -> Option<Action> {
        let (_, asked, rx) = self.native.as_ref()?;
        let answer = rx.try_recv().ok()?;
        let quick = asked.elapsed() < TOO_QUICK;
        let (request, _, _) = self.native.take()?;
        match answer {
            Some(path) => Some(request.into_action(path)),
            None if quick => {
                self.no_chooser = true;
                self.type_path(request, Some(tr!("chooser-missing")));
                None
            }
            None => None, // cancelled by the user
        }
    }

    /// Draws the open dialogs; returns what they ask for.
    pub fn show(&mut self, ctx: &egui::Context, keywords: &[String], actions: &mut Vec<Action>) {
        self.path_field(ctx, actions);
        self.name_form(ctx, keywords, actions);
        self.set_form(ctx, actions);
        self.reference(ctx);
    }

    fn set_form(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(form) = &mut self.set else {
            return;
        };
        let field_id = egui::Id::unique("set-form-field");
        let modal = egui::Modal::new(egui::Id::unique("set-form")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(tr!("add-to-set-heading", count = form.photos.len()));
            ui.label(RichText::new(tr!("add-to-set-explanation")).weak());
            let offered = form.offered();
            if ui.memory(|m| m.has_focus(field_id)) && !offered.is_empty() {
                let (down, up) = ui.input_mut(|i| {
                    (
                        i.count_and_consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                        i.count_and_consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                    )
                });
                let last = offered.len() - 1;
                for _ in 0..down {
                    form.choice = Some(form.choice.map_or(0, |c| (c + 1).min(last)));
                }
                for _ in 0..up {
                    form.choice = form.choice.and_then(|c| c.checked_sub(1));
                }
            }
            let field_name = tr!("add-to-set-field");
            let before = form.text.clone();
            let field = ui.add(
                egui::TextEdit::singleline(&mut form.text)
                    .id(field_id)
                    .desired_width(f32::INFINITY)
                    .hint_text(&field_name),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, &field_name)
            });
            if form.text != before {
                form.choice = None;
            }
            if !form.focused {
                field.request_focus();
                form.focused = true;
            }
            let offered = form.offered();
            if form.choice.is_some_and(|c| c >= offered.len()) {
                form.choice = None;
            }
            for (i, set) in offered.iter().enumerate() {
                let response = ui.selectable_label(form.choice == Some(i), set.as_str());
                if response.clicked() {
                    form.choice = Some(i);
                }
            }
            let target = form.target(&offered);
            let what = match &target {
                Some((set, false)) => tr!("add-to-set-existing", set = set.as_str()),
                Some((set, true)) => tr!("add-to-set-new", set = set.as_str()),
                None => " ".to_owned(),
            };
            ui.label(RichText::new(what).small());
            ok_or_cancel(ui, &field, tr!("add-to-set-ok"), target.is_some())
        });
        let done = answer(&modal);
        match done {
            Some(true) => {
                if let Some(form) = self.set.take() {
                    let offered = form.offered();
                    if let Some((set, new)) = form.target(&offered) {
                        actions.push(Action::Worker(if new {
                            Command::CreateSetWith {
                                set,
                                photos: form.photos,
                            }
                        } else {
                            Command::AddToSet {
                                set,
                                photos: form.photos,
                            }
                        }));
                    }
                }
            }
            Some(false) => self.set = None,
            None => {}
        }
    }

    fn path_field(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(typed) = &mut self.typed else {
            return;
        };
        let wanted = typed.request.wanted();
        let modal = egui::Modal::new(egui::Id::unique("typed-path")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(typed.request.title());
            if let Some(why) = &typed.why {
                ui.label(why);
            }
            ui.add_space(6.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut typed.text)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr!("path-hint")),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("path-name"))
            });
            if !typed.focused {
                field.request_focus();
                typed.focused = true;
            }
            let path = PathBuf::from(typed.text.trim());
            let problem = problem_with(&path, wanted);
            match &problem {
                Some(p) => ui.colored_label(ui.visuals().warn_fg_color, p),
                None => ui.label(RichText::new(" ").small()),
            };
            ok_or_cancel(ui, &field, tr!("dialog-ok"), problem.is_none())
        });
        let done = answer(&modal);
        match done {
            Some(true) => {
                if let Some(typed) = self.typed.take() {
                    let path = PathBuf::from(typed.text.trim());
                    actions.push(typed.request.into_action(path));
                }
            }
            Some(false) => self.typed = None,
            None => {}
        }
    }

    fn name_form(&mut self, ctx: &egui::Context, keywords: &[String], actions: &mut Vec<Action>) {
        let Some(form) = &mut self.name else {
            return;
        };
        let (heading, explanation, field_name, ok) = match form.kind {
            NameKind::Keyword => (
                tr!("rename-keyword-heading"),
                tr!("rename-keyword-explanation"),
                tr!("rename-keyword-field"),
                tr!("rename-ok"),
            ),
            NameKind::Merge => (
                tr!("merge-keyword-heading"),
                tr!("merge-keyword-explanation"),
                tr!("merge-keyword-field"),
                tr!("merge-ok"),
            ),
            NameKind::Set => (
                tr!("rename-set-heading"),
                tr!("rename-set-explanation"),
                tr!("rename-set-field"),
                tr!("rename-ok"),
            ),
        };
        let modal = egui::Modal::new(egui::Id::unique("name-form")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(heading);
            ui.label(RichText::new(&form.subject).strong());
            ui.label(RichText::new(explanation).weak());
            let field = ui.add(
                egui::TextEdit::singleline(&mut form.text)
                    .desired_width(f32::INFINITY)
                    .hint_text(&field_name),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, &field_name)
            });
            if !form.focused {
                field.request_focus();
                form.focused = true;
            }
            if form.kind == NameKind::Merge && !form.text.trim().is_empty() {
                let typed = fold(form.text.trim());
                for path in keywords
                    .iter()
                    .filter(|p| **p != form.subject && fold(p).contains(&typed))
                    .take(8)
                {
                    if ui
                        .selectable_label(false, RichText::new(path).small())
                        .clicked()
                    {
                        form.text = path.clone();
                    }
                }
            }
            let ready = !form.text.trim().is_empty() && form.text.trim() != form.subject;
            ok_or_cancel(ui, &field, ok, ready)
        });
        let done = answer(&modal);
        match done {
            Some(true) => {
                if let Some(form) = self.name.take() {
                    let text = form.text.trim().to_owned();
                    actions.push(Action::Worker(match form.kind {
                        NameKind::Keyword => Command::RenameKeyword {
                            old: form.subject,
                            new: text,
                        },
                        NameKind::Merge => Command::MergeKeywords {
                            from: form.subject,
                            into: text,
                        },
                        NameKind::Set => Command::RenameSet {
                            old: form.subject,
                            new: text,
                        },
                    }));
                }
            }
            Some(false) => self.name = None,
            None => {}
        }
    }

    fn reference(&mut self, ctx: &egui::Context) {
        if !self.keyboard_reference {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("keys-title"))
            .open(&mut open)
            .default_size([560.0, 520.0])
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for group in Group::ALL {
                        ui.strong(group.title());
                        egui::Grid::new(group.title())
                            .num_columns(2)
                            .striped(true)
                            .show(ui, |ui| {
                                for b in keys::BINDINGS.iter().filter(|b| b.group == group) {
                                    ui.monospace(keys::keys_text(ctx, b));
                                    ui.label(crate::ui::i18n::t(b.what));
                                    ui.end_row();
                                }
                            });
                        ui.add_space(8.0);
                    }
                    ui.strong(tr!("keys-typing"));
                    egui::Grid::new("typing")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (keys, what) in keys::TYPING {
                                ui.monospace(crate::ui::i18n::t(keys));
                                ui.label(crate::ui::i18n::t(what));
                                ui.end_row();
                            }
                        });
                });
            });
        self.keyboard_reference = open;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_form_offers_sets_accent_blind_and_makes_a_new_one_for_a_new_name() {
        let mut form = SetForm {
            photos: vec![PhotoId(1)],
            sets: vec!["Odchod 1991".to_owned(), "Čeští vojáci".to_owned()],
            text: String::new(),
            choice: None,
            focused: true,
        };
        assert_eq!(form.offered().len(), 2, "all sets before anything is typed");
        assert_eq!(form.target(&form.offered()), None);
        form.text = "cesti".to_owned();
        assert_eq!(form.offered(), ["Čeští vojáci"]);
        form.choice = Some(0);
        assert_eq!(
            form.target(&form.offered()),
            Some(("Čeští vojáci".to_owned(), false))
        );
        form.choice = None;
        form.text = " odchod 1991 ".to_owned();
        assert_eq!(
            form.target(&form.offered()),
            Some(("Odchod 1991".to_owned(), false)),
            "a set's own name, whatever its case, is that set"
        );
        form.text = "Odsun 1991".to_owned();
        assert_eq!(
            form.target(&form.offered()),
            Some(("Odsun 1991".to_owned(), true))
        );
    }

    #[test]
    fn a_typed_path_must_fit_what_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, "x").unwrap();
        assert!(problem_with(dir.path(), Wanted::ExistingFolder).is_none());
        assert!(problem_with(&file, Wanted::ExistingFolder).is_some());
        assert!(problem_with(&dir.path().join("new"), Wanted::NewOrExistingFolder).is_none());
        assert!(problem_with(&file, Wanted::OpenFile).is_none());
        assert!(problem_with(&dir.path().join("b.csv"), Wanted::SaveFile).is_none());
        assert!(problem_with(&dir.path().join("no/b.csv"), Wanted::SaveFile).is_some());
        assert!(problem_with(Path::new("relative.csv"), Wanted::SaveFile).is_some());
    }
}
