//! The catalogue itself, as the window deals with it: opening another one,
//! creating one, restoring a backup, switching without a restart, backing
//! up (now, and on quitting when one is due), quitting without cutting off
//! the work under way, and Help > About. Also the screens shown when no
//! catalogue is open: the first launch, and a catalogue that is damaged.
//!
//! Nothing here reads or writes a file: the worker does, as
//! [`super::Command`]s and [`Start`]s say.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use egui::RichText;

use super::worker::{RestoreInto, Start, Worker};
use super::{Action, App, BackupSchedule, Command};
use crate::catalog::backup::Backup;
use crate::tr;

/// What waits for the work under way to end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Quit,
    Switch(Start),
}

/// Quitting or switching, once the work under way allows.
#[derive(Debug)]
pub struct Leaving {
    pub then: Then,
    /// The backup due on quitting was asked for.
    backup_asked: bool,
}

/// A catalogue that could not be read.
#[derive(Debug, Clone)]
pub struct Damaged {
    pub path: PathBuf,
    pub message: String,
    pub latest: Option<Backup>,
}

/// The windows of this module that are open.
#[derive(Debug, Default)]
pub struct Windows {
    pub about: bool,
    pub backup: bool,
    /// The newest backup of the catalogue and the folder looked in, as the
    /// worker last said.
    pub latest_backup: Option<(PathBuf, Option<Backup>)>,
}

/// The licences of the crates built into Kartoteka (name, version,
/// licence), written by the build script from Cargo's metadata.
const DEPENDENCIES: &str = include_str!(concat!(env!("OUT_DIR"), "/dependency-licences.tsv"));
const DEJAVU_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-DejaVu.txt");

/// The text a catalogue goes by in the title bar and menus.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `Archive` becomes `Archive.kartoteka`; another extension stays.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(crate::catalog::backup::EXTENSION)
    }
}

impl App {
    /// Opens, creates or restores a catalogue in place of the one shown,
    /// once the work under way is done.
    pub(super) fn switch_catalogue(&mut self, start: Start) {
        self.leave(Then::Switch(start));
    }

    pub(super) fn leave(&mut self, then: Then) {
        if self.leaving.is_some() {
            return;
        }
        self.leaving = Some(Leaving {
            then,
            backup_asked: false,
        });
        self.carry_on_leaving();
    }

    /// What is under way that leaving waits for, in words.
    pub fn work_under_way(&self) -> Option<String> {
        if let Some(import) = &self.import {
            return Some(if import.total == 0 {
                tr!("work-import")
            } else {
                tr!(
                    "work-import-progress",
                    done = import.done,
                    total = import.total
                )
            });
        }
        self.interop.job.as_ref().map(|job| {
            if job.total == 0 {
                job.what.clone()
            } else {
                tr!(
                    "work-job-progress",
                    what = job.what.as_str(),
                    percent = job.done * 100 / job.total.max(1)
                )
            }
        })
    }

    /// Quits or switches once nothing is under way any more; on quitting,
    /// first makes the backup the schedule says is due.
    pub(super) fn carry_on_leaving(&mut self) {
        let Some(leaving) = &mut self.leaving else {
            return;
        };
        // The photo count decides whether there is anything to back up:
        // wait for the one an import's end asked for.
        let counting = self.opened && self.sidebar_pending;
        if self.import.is_some() || self.interop.job.is_some() || self.outstanding > 0 || counting {
            return;
        }
        // An empty catalogue (just created) has nothing to lose yet.
        if leaving.then == Then::Quit
            && !leaving.backup_asked
            && self.opened
            && self.sidebar.photos > 0
            && let Some(interval) = self.settings.backup_on_quit.interval()
        {
            leaving.backup_asked = true;
            let command = Command::Backup {
                folder: self.settings.backup_folder.clone(),
                keep: self.settings.backups_kept,
                unless_newer_than: Some(interval),
            };
            self.command(command);
            return;
        }
        let Some(leaving) = self.leaving.take() else {
            return;
        };
        match leaving.then {
            Then::Quit => {
                self.closing = true;
                // Let go of the catalogue: its thread closes it (saving the
                // search columns) while the window goes, and the process
                // waits for it before it ends.
                self.worker = Worker::none();
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::Switch(start) => self.restart(start),
        }
    }

    /// Stops the import and the job under way (leaving then goes on).
    pub(super) fn cancel_work(&mut self) {
        if let Some(import) = &self.import {
            import.cancel.store(true, Ordering::Relaxed);
        }
        if let Some(job) = &self.interop.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// A new worker on another catalogue, with everything shown of the
    /// old one gone; what the window remembers stays.
    fn restart(&mut self, start: Start) {
        let ctx = self.ctx.clone();
        let settings = std::mem::take(&mut self.settings);
        let dialogs = std::mem::take(&mut self.dialogs);
        let default = self.default_catalogue.take();
        let (started, frames) = (self.started, self.frames);
        *self = App::fresh(&ctx, start, default, settings);
        self.dialogs = dialogs;
        self.started = started;
        self.frames = frames;
    }

    /// The title bar names the catalogue.
    pub(super) fn set_title(&mut self, title: String) {
        if self.title != title {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Where a backup chosen by the user is restored: beside the catalogue
    /// in use (or the damaged one); with none, as the default catalogue.
    pub(super) fn restore_into(&self) -> Option<RestoreInto> {
        if let Some((backup, _)) = &self.backup_file {
            // Beside the catalogue the backup belongs to, when it is in
            // the Backups folder beside it; else beside the backup.
            let folder = backup.parent().unwrap_or_else(|| Path::new(""));
            let home = match folder.file_name() {
                Some(name) if name == crate::catalog::backup::FOLDER_NAME => {
                    folder.parent().unwrap_or(folder)
                }
                _ => folder,
            };
            return Some(RestoreInto::Beside(home.join(display_name(backup))));
        }
        match (&self.catalogue, &self.default_catalogue) {
            (Some(current), _) => Some(RestoreInto::Beside(current.clone())),
            (None, Some(default)) => Some(RestoreInto::File(default.clone())),
            (None, None) => None,
        }
    }
}

/// The first launch: no catalogue yet.
pub fn welcome(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 5.0);
        ui.heading(tr!("welcome-heading"));
        ui.add_space(8.0);
        ui.label(tr!("welcome-explanation"));
        ui.add_space(16.0);
        let big = |text: String| {
            egui::Button::new(RichText::new(text).size(17.0)).min_size(egui::vec2(280.0, 38.0))
        };
        if let Some(default) = &app.default_catalogue {
            if ui.add(big(tr!("welcome-create"))).clicked() {
                actions.push(Action::CreateDefaultCatalogue);
            }
            ui.label(RichText::new(default.display().to_string()).weak());
            ui.add_space(10.0);
        }
        if ui.add(big(tr!("welcome-open"))).clicked() {
            actions.push(Action::ChooseOpenCatalogue);
        }
        ui.label(RichText::new(tr!("welcome-open-hint")).weak());
        ui.add_space(10.0);
        if ui.add(big(tr!("welcome-restore"))).clicked() {
            actions.push(Action::ChooseRestoreBackup);
        }
        ui.label(RichText::new(tr!("welcome-restore-hint")).weak());
        if !app.settings.recent.is_empty() {
            ui.add_space(16.0);
            ui.label(tr!("welcome-recent"));
            for path in app.settings.recent.iter().take(5) {
                if ui
                    .link(path.display().to_string())
                    .on_hover_text(tr!("welcome-recent-hint"))
                    .clicked()
                {
                    actions.push(Action::OpenCatalogue(path.clone()));
                }
            }
        }
    });
}

/// A catalogue that is damaged: says so, offers the newest backup.
pub fn damaged(damaged: &Damaged, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 5.0);
        ui.heading(tr!("damaged-heading"));
        ui.add_space(6.0);
        ui.label(RichText::new(damaged.path.display().to_string()).strong());
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("damaged-message", error = damaged.message.as_str()),
        );
        ui.add_space(6.0);
        ui.label(tr!("damaged-explanation"));
        ui.add_space(14.0);
        match &damaged.latest {
            Some(backup) => {
                ui.label(tr!(
                    "damaged-newest-backup",
                    when = crate::ui::i18n::date_time(backup.taken)
                ));
                ui.label(RichText::new(backup.catalogue.display().to_string()).weak());
                ui.add_space(6.0);
                if ui
                    .add(
                        egui::Button::new(RichText::new(tr!("damaged-restore")).size(17.0))
                            .min_size(egui::vec2(320.0, 38.0)),
                    )
                    .clicked()
                {
                    actions.push(Action::RestoreBackup(backup.catalogue.clone()));
                }
                ui.label(RichText::new(tr!("damaged-restore-hint")).weak());
            }
            None => {
                ui.label(tr!("damaged-no-backup"));
            }
        }
        ui.add_space(14.0);
        ui.horizontal(|ui| {
            let width = 3.0 * 170.0;
            ui.add_space((ui.available_width() - width).max(0.0) / 2.0);
            if ui.button(tr!("restore-another")).clicked() {
                actions.push(Action::ChooseRestoreBackup);
            }
            if ui.button(tr!("open-another")).clicked() {
                actions.push(Action::ChooseOpenCatalogue);
            }
            if ui.button(tr!("menu-new-catalogue")).clicked() {
                actions.push(Action::ChooseNewCatalogue);
            }
        });
    });
}

/// A backup was opened: offer to restore it rather than work in it.
pub fn backup_file(path: &Path, taken: &str, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 4.0);
        ui.heading(tr!("backup-file-heading"));
        ui.add_space(6.0);
        ui.label(RichText::new(path.display().to_string()).strong());
        ui.label(tr!("backup-file-taken", when = taken));
        ui.add_space(6.0);
        ui.label(tr!("backup-file-explanation"));
        ui.add_space(14.0);
        if ui
            .add(
                egui::Button::new(RichText::new(tr!("backup-file-restore")).size(17.0))
                    .min_size(egui::vec2(320.0, 38.0)),
            )
            .clicked()
        {
            actions.push(Action::RestoreBackup(path.to_owned()));
        }
        ui.add_space(10.0);
        if ui.button(tr!("open-another")).clicked() {
            actions.push(Action::ChooseOpenCatalogue);
        }
    });
}

/// A catalogue that could not be opened for another reason (missing,
/// newer version, no permission): says why and offers the way on.
pub fn failed(message: &str, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading(tr!("status-not-opened"));
        ui.add_space(8.0);
        ui.colored_label(ui.visuals().error_fg_color, message);
        ui.add_space(14.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 330.0).max(0.0) / 2.0);
            if ui.button(tr!("open-another")).clicked() {
                actions.push(Action::ChooseOpenCatalogue);
            }
            if ui.button(tr!("menu-new-catalogue")).clicked() {
                actions.push(Action::ChooseNewCatalogue);
            }
        });
    });
}

/// The File menu's catalogue items: New, Open, Open recent, Back up.
pub fn file_menu_items(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    use super::keys::Shortcut;
    use super::top_bar::item;
    if item(ui, true, &tr!("menu-new-catalogue"), None) {
        actions.push(Action::ChooseNewCatalogue);
    }
    if item(
        ui,
        true,
        &tr!("menu-open-catalogue"),
        Some(Shortcut::OpenCatalogue),
    ) {
        actions.push(Action::ChooseOpenCatalogue);
    }
    let recent: Vec<&PathBuf> = app
        .settings
        .recent
        .iter()
        .filter(|p| Some(*p) != app.catalogue.as_ref())
        .collect();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(tr!("menu-open-recent"), |ui| {
            for path in recent {
                let folder = path
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let text = format!("{}    {folder}", display_name(path));
                if ui
                    .button(text)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    ui.close();
                    actions.push(Action::OpenCatalogue(path.clone()));
                }
            }
        });
    });
    if item(ui, app.opened, &tr!("menu-back-up"), None) {
        actions.push(Action::ShowBackup);
    }
}

/// The windows: About, Back up, and the one that says what quitting or
/// switching waits for.
pub fn windows(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    about_window(app, ctx);
    backup_window(app, ctx, actions);
    leaving_window(app, ctx, actions);
}

fn about_window(app: &mut App, ctx: &egui::Context) {
    if !app.windows.about {
        return;
    }
    let mut open = true;
    egui::Window::new(tr!("menu-about"))
        .open(&mut open)
        .collapsible(false)
        .default_size([560.0, 520.0])
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.heading(tr!("about-heading", version = env!("CARGO_PKG_VERSION")));
            ui.label(tr!("about-description"));
            ui.label(tr!("about-licence", licence = env!("CARGO_PKG_LICENSE")));
            ui.add_space(8.0);
            egui::Grid::new("about-catalogue")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(tr!("about-catalogue"));
                    match &app.catalogue {
                        Some(path) => ui.label(path.display().to_string()),
                        None => ui.label(tr!("about-none-open")),
                    };
                    ui.end_row();
                    ui.label(tr!("about-schema"));
                    if app.opened {
                        ui.label(tr!(
                            "about-schema-current",
                            version = crate::catalog::migrations::LATEST_VERSION
                        ));
                    } else {
                        ui.label(tr!(
                            "about-schema-writes",
                            version = crate::catalog::migrations::LATEST_VERSION
                        ));
                    }
                    ui.end_row();
                    ui.label(tr!("about-backups"));
                    ui.label(match &app.windows.latest_backup {
                        Some((folder, _)) => folder.display().to_string(),
                        None => match (&app.settings.backup_folder, &app.catalogue) {
                            (Some(folder), _) => folder.display().to_string(),
                            (None, Some(c)) => crate::catalog::backup::folder_beside(c)
                                .display()
                                .to_string(),
                            (None, None) => tr!("about-backups-beside"),
                        },
                    });
                    ui.end_row();
                });
            ui.add_space(8.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::CollapsingHeader::new(tr!("about-fonts")).show(ui, |ui| {
                    ui.label(tr!("about-fonts-egui"));
                    ui.label(tr!("about-fonts-dejavu"));
                    ui.label(RichText::new(DEJAVU_LICENCE).monospace().small());
                });
                let lines: Vec<(&str, &str, &str)> = DEPENDENCIES
                    .lines()
                    .filter_map(|l| {
                        let mut parts = l.split('\t');
                        Some((parts.next()?, parts.next()?, parts.next()?))
                    })
                    .collect();
                egui::CollapsingHeader::new(tr!("about-libraries", count = lines.len())).show(
                    ui,
                    |ui| {
                        ui.label(tr!("about-libraries-notice"));
                        egui::Grid::new("about-libraries")
                            .num_columns(3)
                            .striped(true)
                            .show(ui, |ui| {
                                for (name, version, licence) in lines {
                                    ui.label(name);
                                    ui.label(version);
                                    ui.label(licence);
                                    ui.end_row();
                                }
                            });
                    },
                );
            });
        });
    app.windows.about = open;
}

fn backup_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    if !app.windows.backup || !app.opened {
        return;
    }
    let mut open = true;
    let running = app.interop.job.is_some();
    egui::Window::new(tr!("backup-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_width(520.0);
            ui.label(tr!("backup-explanation"));
            ui.add_space(6.0);
            egui::Grid::new("backup-form")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label(tr!("about-catalogue"));
                    if let Some(path) = &app.catalogue {
                        ui.label(path.display().to_string());
                    }
                    ui.end_row();

                    ui.label(tr!("backup-folder"));
                    ui.vertical(|ui| {
                        let folder = match (&app.windows.latest_backup, &app.catalogue) {
                            (Some((folder, _)), _) => folder.display().to_string(),
                            (None, Some(c)) => crate::catalog::backup::folder_beside(c)
                                .display()
                                .to_string(),
                            (None, None) => String::new(),
                        };
                        ui.label(folder);
                        ui.horizontal(|ui| {
                            if ui.button(tr!("backup-choose-folder")).clicked() {
                                actions.push(Action::ChooseBackupFolder);
                            }
                            if app.settings.backup_folder.is_some()
                                && ui.button(tr!("backup-beside")).clicked()
                            {
                                actions.push(Action::SetBackupFolder(None));
                            }
                        });
                    });
                    ui.end_row();

                    ui.label(tr!("backup-keep"));
                    ui.horizontal(|ui| {
                        ui.label(tr!("backup-keep-newest"));
                        ui.add(
                            egui::DragValue::new(&mut app.settings.backups_kept)
                                .range(1..=1000)
                                .speed(0.2),
                        )
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::SpinButton,
                                true,
                                tr!("backup-kept-name"),
                            )
                        });
                        ui.label(tr!("backup-keep-rest", count = app.settings.backups_kept));
                    });
                    ui.end_row();

                    ui.label(tr!("backup-automatically"));
                    ui.vertical(|ui| {
                        for schedule in BackupSchedule::ALL {
                            ui.radio_value(
                                &mut app.settings.backup_on_quit,
                                schedule,
                                schedule.label(),
                            );
                        }
                    });
                    ui.end_row();

                    ui.label(tr!("backup-newest"));
                    match &app.windows.latest_backup {
                        Some((_, Some(latest))) => ui.label(tr!(
                            "backup-newest-value",
                            when = crate::ui::i18n::date_time(latest.taken),
                            file = display_name(&latest.catalogue)
                        )),
                        Some((_, None)) => ui.label(tr!("backup-none-yet")),
                        None => ui.spinner(),
                    };
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let button = ui.add_enabled(!running, egui::Button::new(tr!("backup-now")));
                if button.clicked() {
                    actions.push(Action::BackUpNow);
                }
                if running {
                    ui.spinner();
                    ui.label(app.work_under_way().unwrap_or_default());
                }
            });
        });
    app.windows.backup = open;
}

fn leaving_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(leaving) = &app.leaving else {
        return;
    };
    let Some(work) = app.work_under_way() else {
        return;
    };
    let quitting = leaving.then == Then::Quit;
    let backing_up = quitting && leaving.backup_asked && app.import.is_none();
    let modal = egui::Modal::new(egui::Id::unique("leaving")).show(ctx, |ui| {
        ui.set_width(460.0);
        let heading = match (&leaving.then, backing_up) {
            (_, true) => tr!("leaving-backing-up"),
            (Then::Quit, false) => tr!("leaving-quitting"),
            (Then::Switch(start), false) => tr!(
                "leaving-switching",
                catalogue = start.path().map(display_name).unwrap_or_default()
            ),
        };
        ui.heading(heading);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("status-job-started", what = work.as_str()));
        });
        ui.add_space(6.0);
        ui.label(
            RichText::new(if backing_up {
                tr!("leaving-backup-hint")
            } else {
                tr!("leaving-cancel-hint")
            })
            .weak(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let cancel = if backing_up {
                tr!("leaving-skip-backup")
            } else if app.import.is_some() {
                tr!("leaving-cancel-import")
            } else {
                tr!("leaving-cancel-job")
            };
            if ui.button(cancel).clicked() {
                actions.push(Action::CancelWork);
            }
            let stay = if quitting {
                tr!("leaving-dont-quit")
            } else {
                tr!("leaving-stay")
            };
            if ui.button(stay).clicked() {
                actions.push(Action::StayHere);
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::StayHere);
    }
}
