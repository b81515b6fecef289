//! The table view: one row per photo, virtualised by egui_extras. The
//! columns are the user's choice (right-click a heading, or View >
//! Columns), resizable, and scroll sideways when they are wider than the
//! window. A click on a heading sorts by that column in the catalogue; a
//! second click reverses the order. Only the rows on screen are read in
//! full, from the worker, so a result of a million photos stays small.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::grid::label_colour;
use super::settings::TableColumn;
use super::{Action, App};
use crate::catalog::{PhotoSummary, Sort};
use crate::photo::{Flag, Photo};
use crate::tr;

const ROW_HEIGHT: f32 = 22.0;

/// What a cell shows for a photo: from its whole record once the worker
/// has sent it, else from the result's summary where that has the value.
fn cell_text(s: &PhotoSummary, row: Option<&Photo>, column: TableColumn) -> Option<String> {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let list = |l: &[String]| l.join("; ");
    Some(match column {
        TableColumn::File => s.file_name.clone(),
        TableColumn::Title => text(&s.title),
        TableColumn::Depicted => text(&s.date_created),
        TableColumn::Taken => super::i18n::timestamp(&text(&s.taken_at)),
        TableColumn::Rating => String::new(),
        _ => {
            let p = row?;
            let d = &p.description;
            let t = &p.technical;
            match column {
                TableColumn::Headline => text(&d.headline),
                TableColumn::Caption => text(&d.caption).replace('\n', " "),
                TableColumn::Creators => list(&d.creators),
                TableColumn::Credit => text(&d.credit),
                TableColumn::Copyright => text(&d.copyright),
                TableColumn::Source => text(&d.source),
                TableColumn::Event => text(&d.event),
                TableColumn::People => list(&d.people),
                TableColumn::Sublocation => text(&d.sublocation),
                TableColumn::City => text(&d.city),
                TableColumn::State => text(&d.state),
                TableColumn::Country => text(&d.country),
                TableColumn::Keywords => list(&d.keywords),
                TableColumn::Camera => [t.camera_make.as_deref(), t.camera_model.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                TableColumn::Note => text(&p.curation.note).replace('\n', " "),
                _ => String::new(),
            }
        }
    })
}

/// The menu that chooses the table's columns.
pub fn columns_menu(app: &mut App, ui: &mut egui::Ui) {
    for column in TableColumn::ALL {
        let mut shown = app.settings.columns.contains(&column);
        if ui.checkbox(&mut shown, column.title()).changed() {
            if shown {
                app.settings.columns.push(column);
            } else if app.settings.columns.len() > 1 {
                app.settings.columns.retain(|c| *c != column);
            }
        }
    }
    ui.separator();
    if ui.button(tr!("table-default-columns")).clicked() {
        app.settings.columns = TableColumn::DEFAULT.to_vec();
        ui.close();
    }
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    if !app.searched {
        ui.centered_and_justified(super::status::spinner);
        return;
    }
    if app.results.is_empty() {
        ui.centered_and_justified(|ui| ui.label(tr!("no-photos-match")));
        return;
    }
    let sort = app.sort();
    let columns = app.settings.columns.clone();
    let mut wanted = Vec::new();
    egui::ScrollArea::horizontal()
        .id_salt("table-sideways")
        .auto_shrink(false)
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(("table", columns.len()))
                .striped(true)
                .resizable(true)
                .sense(Sense::click())
                .max_scroll_height(f32::INFINITY);
            for column in &columns {
                table = table.column(Column::initial(column.width()).at_least(48.0).clip(true));
            }
            if let Some(index) = app.scroll_to.take() {
                table = table.scroll_to_row(index, None);
            }
            table
                .header(24.0, |mut header| {
                    for column in &columns {
                        header.col(|ui| {
                            let key = column.sort_key();
                            let sorted = sort.key == key;
                            let text = if sorted {
                                format!(
                                    "{} {}",
                                    column.title(),
                                    if sort.descending { "▼" } else { "▲" }
                                )
                            } else {
                                column.title()
                            };
                            let button = ui
                                .add(egui::Button::new(RichText::new(text).strong()).frame(false))
                                .on_hover_text(if sorted {
                                    tr!("table-reverse-hint")
                                } else {
                                    tr!("table-sort-hint")
                                });
                            if button.clicked() {
                                actions.push(Action::Sort(Sort {
                                    key,
                                    descending: sorted && !sort.descending,
                                }));
                            }
                            button.context_menu(|ui| columns_menu(app, ui));
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, app.results.len(), |mut row| {
                        let index = row.index();
                        let Some(p) = app.results.get(index) else {
                            return;
                        };
                        row.set_selected(app.selection.is_selected(p.id));
                        let record = app.rows.get(&p.id);
                        if record.is_none_or(|(generation, _)| *generation != app.rows_generation) {
                            wanted.push(p.id);
                        }
                        let record = record.map(|(_, photo)| photo);
                        for column in &columns {
                            row.col(|ui| match (column, cell_text(p, record, *column)) {
                                (TableColumn::Rating, _) => rating_cell(ui, p),
                                (TableColumn::Depicted, Some(date))
                                    if app.possible.contains(&p.id) =>
                                {
                                    ui.label(format!("{date} ?"))
                                        .on_hover_text(tr!("table-date-possible-hint"));
                                }
                                (_, Some(text)) => {
                                    let cell = ui.add(egui::Label::new(&text).truncate());
                                    if text.chars().count() > 40 {
                                        cell.on_hover_text(&text);
                                    }
                                }
                                (_, None) => {
                                    ui.weak("…");
                                }
                            });
                        }
                        let response = row.response();
                        if response.clicked() {
                            let m = response.ctx.input(|i| i.modifiers);
                            actions.push(Action::Click {
                                index,
                                shift: m.shift,
                                toggle: m.command,
                            });
                        }
                        if response.double_clicked() && app.selection.focus() == Some(p.id) {
                            actions.push(Action::Open(index));
                        }
                    });
                });
        });
    app.want_rows(wanted);
}

fn rating_cell(ui: &mut egui::Ui, p: &PhotoSummary) {
    let mut text = "★".repeat(p.rating as usize);
    match p.flag {
        Some(Flag::Pick) => text.push_str(" ⚑"),
        Some(Flag::Reject) => text.push_str(" ✖"),
        None => {}
    }
    ui.horizontal(|ui| {
        if let Some(l) = p.label {
            ui.colored_label(label_colour(l), "●")
                .on_hover_text(tr!("colour-label", label = super::words::label(l)));
        }
        // Stars and flag are symbols; a screen reader says them in words,
        // with the colour label.
        let state = super::access::photo_state(p.rating, p.flag, p.label, p.missing);
        ui.label(text)
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &state));
    });
}
