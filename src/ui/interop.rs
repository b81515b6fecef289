//! Windows for moving the catalogue out and back in: CSV export, the
//! changes an edited CSV would make (shown before anything is applied),
//! embedding metadata in the original files (asked for by name), exhibition
//! set export, and the problems a job ran into.

use egui_extras::{Column, TableBuilder};
use serde_json::Value;

use super::worker::{CsvPreview, CsvRequest};
use super::{Action, App};
use crate::export::csv::Profile;
use crate::export::set::Options as SetOptions;
use crate::interop::{Source, Target};
use crate::photo::PhotoId;
use crate::text::count;

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
        _ if app.query.trim().is_empty() => "catalogue".to_owned(),
        _ => crate::export::set::safe_name(&app.query),
    };
    let stem = if stem.is_empty() { "catalogue" } else { &stem };
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
    centred(ctx, egui::Window::new("Export CSV"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.strong("Photos");
            ui.radio_value(
                &mut form.photos,
                Photos::Result,
                format!(
                    "The result on screen ({})",
                    count(app.results.len(), "photo", "photos")
                ),
            );
            ui.add_enabled_ui(!app.selection.is_empty(), |ui| {
                ui.radio_value(
                    &mut form.photos,
                    Photos::Selection,
                    format!(
                        "The selected photos ({})",
                        count(app.selection.len(), "photo", "photos")
                    ),
                );
            });
            if let Some((name, items)) = &app.set_items {
                ui.radio_value(
                    &mut form.photos,
                    Photos::Set,
                    format!(
                        "The set \"{name}\" in its order, with wall labels ({})",
                        count(items.len(), "photo", "photos")
                    ),
                );
            }
            ui.add_space(6.0);
            ui.strong("Format");
            ui.radio_value(
                &mut form.profile,
                Profile::Catalogue,
                "Catalogue, for spreadsheets",
            )
            .on_hover_text(
                "Friendly headers. A cell starting with = + - @ gets a leading ' so that \
                 a spreadsheet shows it instead of running it; Import CSV takes it off again.",
            );
            ui.radio_value(
                &mut form.profile,
                Profile::Exiftool,
                "exiftool (exiftool -csv=FILE -sep \"; \")",
            )
            .on_hover_text("Tag-named columns and exact values, for writing into the files.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save as…").clicked() {
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
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if open && !close {
        app.interop.export_csv = Some(form);
    }
}

fn show_value(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A cell of the changes table: one line, the whole value on hover.
fn cell(ui: &mut egui::Ui, text: &str, faint: bool) {
    let line = text.replace(['\n', '\r'], " ⏎ ");
    let shown = if line.is_empty() { "(empty)" } else { &line };
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
    centred(ctx, egui::Window::new(format!("Import CSV: {file}")))
        .id(egui::Id::unique("import-csv"))
        .open(&mut open)
        .default_size([760.0, 460.0])
        .show(ctx, |ui| {
            let total = preview.changes.len() + preview.labels.len() + preview.claims.len();
            let values = if preview.claims.is_empty() {
                count(preview.changes.len(), "value", "values")
            } else {
                count(preview.claims.len(), "claim", "claims")
            };
            ui.label(format!(
                "Would change {} ({}{}). Nothing has changed yet.",
                count(preview.photos, "photo", "photos"),
                values,
                if preview.labels.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", {}",
                        count(preview.labels.len(), "wall label", "wall labels")
                    )
                }
            ));
            ui.horizontal(|ui| {
                ui.checkbox(&mut request.blank_clears, "Empty cells clear fields");
                if preview.has_labels {
                    ui.separator();
                    ui.label("Wall labels into");
                    egui::ComboBox::from_id_salt("csv-labels-set")
                        .selected_text(request.set.as_deref().unwrap_or("no set"))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut request.set, None, "no set");
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
                egui::CollapsingHeader::new(format!(
                    "{} (those rows and cells are left unchanged)",
                    count(preview.problems.len(), "problem", "problems")
                ))
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
                        for title in ["Photo", "Field", "Now", "After"] {
                            header.col(|ui| {
                                ui.strong(title);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(ROW_HEIGHT, total, |mut row| {
                            let i = row.index();
                            let (photo, field, old, new) = match preview.changes.get(i) {
                                Some(c) => (
                                    c.photo,
                                    c.attribute.clone(),
                                    show_value(&c.old),
                                    show_value(&c.new),
                                ),
                                None if i < preview.changes.len() + preview.labels.len() => {
                                    let l = &preview.labels[i - preview.changes.len()];
                                    (l.photo, "wall label".into(), l.old.clone(), l.new.clone())
                                }
                                None => {
                                    let (row, photo, words) = &preview.claims
                                        [i - preview.changes.len() - preview.labels.len()];
                                    (
                                        *photo,
                                        format!("claim, row {row}"),
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
                    egui::Button::new(format!("Apply {}", count(total, "change", "changes"))),
                );
                if apply
                    .on_hover_text("One operation in the history: a single undo takes it back")
                    .clicked()
                {
                    actions.push(Action::ApplyCsv {
                        request: preview.request.clone(),
                        digest: preview.digest.clone(),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
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
        egui::Window::new("Embed metadata in the original files"),
    )
    .open(&mut open)
    .collapsible(false)
    .resizable(false)
    .show(ctx, |ui| {
        ui.label(format!(
            "Kartoteka will write the catalogue's descriptions (XMP, and IPTC in JPEG and \
                 TIFF) into {}. The image data stays exactly as it is; each \
                 file is replaced in one step, so an interruption leaves the old file or the \
                 new one.",
            count(n, "original file", "original files")
        ));
        ui.checkbox(
            &mut form.backup,
            "Keep a copy of each original beside it (.NAME.kartoteka-backup)",
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    n > 0,
                    egui::Button::new(format!("Embed in {}", count(n, "file", "files"))),
                )
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
            if ui.button("Cancel").clicked() {
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
    centred(ctx, egui::Window::new(format!("Export \"{}\"", form.name)))
        .id(egui::Id::unique("export-set"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(
                "Numbered JPEG copies in set order with their descriptions embedded, a \
                 checklist (CSV) and a printable contact sheet (HTML) go into the folder \
                 you choose.",
            );
            ui.horizontal(|ui| {
                ui.checkbox(&mut form.scale, "Scale down to a long edge of");
                ui.add_enabled(
                    form.scale,
                    egui::DragValue::new(&mut form.long_edge)
                        .range(64..=20_000)
                        .suffix(" px"),
                );
            });
            ui.checkbox(&mut form.strip_gps, "Leave out GPS positions");
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Choose a folder and export…").clicked() {
                    actions.push(Action::ChooseSetFolder {
                        name: form.name.clone(),
                        options: form.options(),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
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
    centred(ctx, egui::Window::new(format!("Problems: {what}")))
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
