//! Windows for moving the catalogue out and back in: CSV export, the
//! changes an edited CSV would make (shown before anything is applied),
//! embedding metadata in the original files (asked for by name), exhibition
//! set export, and the problems a job ran into.

use egui_extras::{Column, TableBuilder};

use super::worker::{CsvPreview, CsvRequest};
use super::{Action, App};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::interop::{Source, Target};
use crate::photo::PhotoId;
use crate::tr;
use crate::ui::words;

/// The long edge offered for exhibition copies: enough for a print of
/// 30 cm at 170 dpi, small enough to mail.
const DEFAULT_LONG_EDGE: u32 = 2048;
const ROW_HEIGHT: f32 = 20.0;
/// The changes table of the CSV preview: some fifteen rows, then it scrolls.
const TABLE_HEIGHT: f32 = 320.0;

/// Which photos a CSV export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Photos {
    /// The result on screen, in its order.
    Result,
    Selection,
    /// The set on screen, in set order, with positions and wall labels.
    Set,
}

pub struct ExportCsvForm {
    pub photos: Photos,
    pub profile: Profile,
}

pub struct SetExportForm {
    pub name: String,
    pub scale: bool,
    pub long_edge: u32,
    pub strip_gps: bool,
}

impl SetExportForm {
    pub fn new(name: String) -> Self {
        Self {
            name,
            scale: true,
            long_edge: DEFAULT_LONG_EDGE,
            strip_gps: false,
        }
    }

    fn options(&self) -> SetOptions {
        SetOptions {
            long_edge: self.scale.then_some(self.long_edge),
            strip_gps: self.strip_gps,
        }
    }
}

pub struct EmbedForm {
    pub photos: Vec<PhotoId>,
    pub backup: bool,
}

/// A job that runs on its own thread (writing metadata, exporting a set).
pub struct Job {
    pub what: String,
    pub done: usize,
    pub total: usize,
    /// Setting it stops the job.
    pub cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

#[derive(Default)]
pub struct InteropState {
    pub export_csv: Option<ExportCsvForm>,
    pub preview: Option<Box<CsvPreview>>,
    pub set_export: Option<SetExportForm>,
    pub embed: Option<EmbedForm>,
    /// Problems the last job reported: what it was, and each problem.
    pub problems: Option<(String, Vec<String>)>,
    pub job: Option<Job>,
}

/// The Export CSV form for what is on screen: the set when a set is shown.
pub fn export_csv_form(app: &App) -> ExportCsvForm {
    ExportCsvForm {
        photos: if app.set_items.is_some() {
            Photos::Set
        } else {
            Photos::Result
        },
        profile: Profile::Catalogue,
    }
}

/// A file name to offer: the set's or the search's, made safe.
fn suggested_name(app: &App, photos: Photos, profile: Profile) -> String {
    let stem = match (photos, &app.set_items) {
        (Photos::Set, Some((name, _))) => crate::export::set::safe_name(name),
        _ if app.query.trim().is_empty() => tr!("csv-file-stem"),
        _ => crate::export::set::safe_name(&app.query),
    };
    let stem = if stem.is_empty() {
        tr!("csv-file-stem")
    } else {
        stem
    };
    match profile {
        Profile::Catalogue => format!("{stem}.csv"),
        Profile::Exiftool => format!("{stem}-exiftool.csv"),
    }
}

/// A window that first appears in the middle of the app, where the eye is.
fn centred<'a>(ctx: &egui::Context, window: egui::Window<'a>) -> egui::Window<'a> {
    window
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}

pub fn windows(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    export_csv_window(app, ctx, actions);
    preview_window(app, ctx, actions);
    embed_window(app, ctx, actions);
    set_export_window(app, ctx, actions);
    problems_window(app, ctx);
}

fn export_csv_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(mut form) = app.interop.export_csv.take() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    centred(ctx, egui::Window::new(tr!("file-export-csv")))
        .id(egui::Id::unique("export-csv"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.strong(tr!("csv-photos"));
            ui.radio_value(
                &mut form.photos,
                Photos::Result,
                tr!("csv-result", count = app.results.len()),
            );
            ui.add_enabled_ui(!app.selection.is_empty(), |ui| {
                ui.radio_value(
                    &mut form.photos,
                    Photos::Selection,
                    tr!("csv-selection", count = app.selection.len()),
                );
            });
            if let Some((name, items)) = &app.set_items {
                ui.radio_value(
                    &mut form.photos,
                    Photos::Set,
                    tr!("csv-set", set = name.as_str(), count = items.len()),
                );
            }
            ui.add_space(6.0);
            ui.strong(tr!("csv-format"));
            ui.radio_value(
                &mut form.profile,
                Profile::Catalogue,
                tr!("csv-format-catalogue"),
            )
            .on_hover_text(tr!("csv-format-catalogue-hint"));
            ui.radio_value(
                &mut form.profile,
                Profile::Exiftool,
                tr!("csv-format-exiftool"),
            )
            .on_hover_text(tr!("csv-format-exiftool-hint"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr!("csv-save-as")).clicked() {
                    let source = match (form.photos, &app.set_items) {
                        (Photos::Set, Some((name, _))) => Source::Set(name.clone()),
                        (Photos::Selection, _) => {
                            Source::Photos(app.selection.in_order(&app.order))
                        }
                        _ => Source::Photos(app.order.ids().to_vec()),
                    };
                    actions.push(Action::ChooseCsvExport {
                        source,
                        profile: form.profile,
                        name: suggested_name(app, form.photos, form.profile),
                    });
                    close = true;
                }
                if ui.button(tr!("dialog-cancel")).clicked() {
                    close = true;
                }
            });
        });
    if open && !close {
        app.interop.export_csv = Some(form);
    }
}

/// A cell of the changes table: one line, the whole value on hover.
fn cell(ui: &mut egui::Ui, text: &str, faint: bool) {
    let line = text.replace(['\n', '\r'], " ⏎ ");
    let shown = if line.is_empty() {
        tr!("csv-empty")
    } else {
        line.clone()
    };
    let mut label = egui::RichText::new(shown);
    if faint || line.is_empty() {
        label = label.weak();
    }
    let response = ui.add(egui::Label::new(label).truncate());
    if !text.is_empty() {
        response.on_hover_text(text);
    }
}

fn preview_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(preview) = app.interop.preview.take() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    let file = preview
        .request
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut request = preview.request.clone();
    centred(
        ctx,
        egui::Window::new(tr!("csv-import-title", file = file.as_str())),
    )
    .id(egui::Id::unique("import-csv"))
    .open(&mut open)
    .default_size([760.0, 460.0])
    .show(ctx, |ui| {
        let total = preview.changes.len() + preview.labels.len() + preview.claims.len();
        let values = if preview.claims.is_empty() {
            tr!("csv-values", count = preview.changes.len())
        } else {
            tr!("csv-claims", count = preview.claims.len())
        };
        let what = if preview.labels.is_empty() {
            values
        } else {
            tr!(
                "csv-values-and-labels",
                values = values,
                count = preview.labels.len()
            )
        };
        ui.label(tr!("csv-would-change", count = preview.photos, what = what));
        ui.horizontal(|ui| {
            ui.checkbox(&mut request.blank_clears, tr!("csv-blank-clears"));
            if preview.has_labels {
                ui.separator();
                ui.label(tr!("csv-labels-into"));
                egui::ComboBox::from_id_salt("csv-labels-set")
                    .selected_text(request.set.clone().unwrap_or_else(|| tr!("csv-no-set")))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut request.set, None, tr!("csv-no-set"));
                        for set in app.sidebar.sets.iter().filter(|s| s.query.is_none()) {
                            ui.selectable_value(
                                &mut request.set,
                                Some(set.name.clone()),
                                &set.name,
                            );
                        }
                    });
            }
        });
        if !preview.problems.is_empty() {
            egui::CollapsingHeader::new(tr!("csv-problems", count = preview.problems.len()))
                .id_salt("csv-problems")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for p in &preview.problems {
                                ui.colored_label(ui.visuals().warn_fg_color, p);
                            }
                        });
                });
        }
        ui.separator();
        {
            TableBuilder::new(ui)
                .striped(true)
                .resizable(true)
                .min_scrolled_height(TABLE_HEIGHT)
                .max_scroll_height(TABLE_HEIGHT)
                .column(Column::initial(170.0).clip(true))
                .column(Column::initial(110.0).clip(true))
                .column(Column::initial(210.0).clip(true))
                .column(Column::remainder().clip(true))
                .header(ROW_HEIGHT, |mut header| {
                    for title in [
                        tr!("csv-column-photo"),
                        tr!("csv-column-field"),
                        tr!("csv-column-now"),
                        tr!("csv-column-after"),
                    ] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, total, |mut row| {
                        let i = row.index();
                        let (photo, field, old, new) = match preview.changes.get(i) {
                            Some(c) => {
                                let attribute = crate::photo::Attribute::from_name(&c.attribute);
                                (
                                    c.photo,
                                    attribute.map_or_else(|| c.attribute.clone(), words::attribute),
                                    words::value(attribute, &c.old),
                                    words::value(attribute, &c.new),
                                )
                            }
                            None if i < preview.changes.len() + preview.labels.len() => {
                                let l = &preview.labels[i - preview.changes.len()];
                                (l.photo, tr!("csv-wall-label"), l.old.clone(), l.new.clone())
                            }
                            None => {
                                let (row, photo, words) = &preview.claims
                                    [i - preview.changes.len() - preview.labels.len()];
                                (
                                    *photo,
                                    tr!("csv-claim-row", row = *row),
                                    String::new(),
                                    words.clone(),
                                )
                            }
                        };
                        let name = preview
                            .names
                            .get(&photo)
                            .cloned()
                            .unwrap_or_else(|| photo.to_string());
                        row.col(|ui| cell(ui, &name, false));
                        row.col(|ui| cell(ui, &field, false));
                        row.col(|ui| cell(ui, &old, true));
                        row.col(|ui| cell(ui, &new, false));
                    });
                });
        }
        ui.separator();
        ui.horizontal(|ui| {
            let apply = ui.add_enabled(
                total > 0,
                egui::Button::new(tr!("csv-apply", count = total)),
            );
            if apply.on_hover_text(tr!("csv-apply-hint")).clicked() {
                actions.push(Action::ApplyCsv {
                    request: preview.request.clone(),
                    digest: preview.digest.clone(),
                });
                close = true;
            }
            if ui.button(tr!("dialog-cancel")).clicked() {
                close = true;
            }
        });
    });
    if request != preview.request {
        // A choice changed what the file would do: ask again.
        actions.push(Action::PreviewCsv(request));
    } else if open && !close {
        app.interop.preview = Some(preview);
    }
}

fn embed_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(mut form) = app.interop.embed.take() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    let n = form.photos.len();
    centred(
        ctx,
        egui::Window::new(tr!("embed-title")).id(egui::Id::unique("embed")),
    )
    .open(&mut open)
    .collapsible(false)
    .resizable(false)
    .show(ctx, |ui| {
        ui.label(tr!("embed-explanation", count = n));
        ui.checkbox(&mut form.backup, tr!("embed-keep-copy"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(n > 0, egui::Button::new(tr!("embed-ok", count = n)))
                .clicked()
            {
                actions.push(Action::WriteMetadata {
                    photos: form.photos.clone(),
                    target: Target::InPlace {
                        backup: form.backup,
                    },
                });
                close = true;
            }
            if ui.button(tr!("dialog-cancel")).clicked() {
                close = true;
            }
        });
    });
    if open && !close {
        app.interop.embed = Some(form);
    }
}

fn set_export_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(mut form) = app.interop.set_export.take() else {
        return;
    };
    let mut open = true;
    let mut close = false;
    centred(
        ctx,
        egui::Window::new(tr!("set-export-title", set = form.name.as_str())),
    )
    .id(egui::Id::unique("export-set"))
    .open(&mut open)
    .collapsible(false)
    .resizable(false)
    .show(ctx, |ui| {
        ui.label(tr!("set-export-explanation"));
        ui.horizontal(|ui| {
            ui.checkbox(&mut form.scale, tr!("set-export-scale"));
            ui.add_enabled(
                form.scale,
                egui::DragValue::new(&mut form.long_edge)
                    .range(64..=20_000)
                    .suffix(tr!("set-export-pixels")),
            );
        });
        ui.checkbox(&mut form.strip_gps, tr!("set-export-strip-gps"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(tr!("set-export-ok")).clicked() {
                actions.push(Action::ChooseSetFolder {
                    name: form.name.clone(),
                    options: form.options(),
                });
                close = true;
            }
            if ui.button(tr!("dialog-cancel")).clicked() {
                close = true;
            }
        });
    });
    if open && !close {
        app.interop.set_export = Some(form);
    }
}

fn problems_window(app: &mut App, ctx: &egui::Context) {
    let Some((what, problems)) = &app.interop.problems else {
        return;
    };
    let mut open = true;
    centred(
        ctx,
        egui::Window::new(tr!("problems-title", what = what.as_str())),
    )
    .id(egui::Id::unique("job-problems"))
    .open(&mut open)
    .default_size([640.0, 300.0])
    .show(ctx, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for p in problems {
                ui.label(p);
            }
        });
    });
    if !open {
        app.interop.problems = None;
    }
}

/// The request to preview a CSV file chosen in the dialog.
pub fn first_request(path: std::path::PathBuf) -> CsvRequest {
    CsvRequest {
        path,
        blank_clears: false,
        set: None,
    }
}
