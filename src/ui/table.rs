//! The table view: one row per photo, virtualised by egui_extras, with
//! sortable columns (a click on a heading re-sorts in the catalogue).

use egui::Sense;
use egui_extras::{Column, TableBuilder};

use super::grid::label_color;
use super::{Action, App, sort_label};
use crate::catalog::SortKey;
use crate::photo::Flag;

const ROW_HEIGHT: f32 = 22.0;

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    if !app.searched {
        ui.centered_and_justified(|ui| ui.spinner());
        return;
    }
    let sort = app.sort();
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(220.0).at_least(80.0).clip(true))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(140.0).at_least(60.0))
        .column(Column::initial(70.0).at_least(40.0))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true));
    if let Some(index) = app.scroll_to.take() {
        table = table.scroll_to_row(index, None);
    }
    let heading =
        |ui: &mut egui::Ui, title: &str, key: Option<SortKey>, actions: &mut Vec<Action>| match key
        {
            Some(key) => {
                let text = if key == sort {
                    format!("{title} ⏷")
                } else {
                    title.to_owned()
                };
                if ui
                    .button(text)
                    .on_hover_text(format!("Sort by {}", sort_label(key)))
                    .clicked()
                {
                    actions.push(Action::Sort(key));
                }
            }
            None => {
                ui.strong(title);
            }
        };
    table
        .header(24.0, |mut header| {
            header.col(|ui| heading(ui, "File", Some(SortKey::FileName), actions));
            header.col(|ui| heading(ui, "Title", Some(SortKey::Title), actions));
            header.col(|ui| heading(ui, "Depicted", Some(SortKey::Depicted), actions));
            header.col(|ui| heading(ui, "Taken", Some(SortKey::Taken), actions));
            header.col(|ui| heading(ui, "Rating", Some(SortKey::Rating), actions));
            header.col(|ui| heading(ui, "Camera", None, actions));
            header.col(|ui| heading(ui, "Caption", None, actions));
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, app.results.len(), |mut row| {
                let index = row.index();
                let Some(p) = app.results.get(index) else {
                    return;
                };
                row.set_selected(app.selection.is_selected(p.id));
                row.col(|ui| {
                    ui.label(&p.file_name);
                });
                row.col(|ui| {
                    ui.label(p.title.as_deref().unwrap_or(""));
                });
                row.col(|ui| {
                    let date = p.date_created.as_deref().unwrap_or("");
                    if app.possible.contains(&p.id) {
                        ui.label(format!("{date} ?"))
                            .on_hover_text("The date only overlaps the period searched for");
                    } else {
                        ui.label(date);
                    }
                });
                row.col(|ui| {
                    ui.label(p.taken_at.as_deref().unwrap_or("").replace('T', " "));
                });
                row.col(|ui| {
                    let mut text = "★".repeat(p.rating as usize);
                    match p.flag {
                        Some(Flag::Pick) => text.push_str(" ⚑"),
                        Some(Flag::Reject) => text.push_str(" ✖"),
                        None => {}
                    }
                    ui.horizontal(|ui| {
                        if let Some(l) = p.label {
                            ui.colored_label(label_color(l), "●");
                        }
                        ui.label(text);
                    });
                });
                row.col(|ui| {
                    ui.label(p.camera.as_deref().unwrap_or(""));
                });
                row.col(|ui| {
                    ui.label(p.caption.as_deref().unwrap_or("").replace('\n', " "));
                });
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
}
