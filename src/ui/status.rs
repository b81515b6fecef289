//! The status bar (with the import or job under way), the first screen of
//! an empty catalogue, and the window listing files an import could not read.

use super::{Action, App};

pub fn bar(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} photos · {} selected",
            app.results.len(),
            app.selection.len()
        ));
        ui.separator();
        if let Some(import) = &app.import {
            let fraction = if import.total == 0 {
                0.0
            } else {
                import.done as f32 / import.total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(220.0)
                    .text(format!(
                        "Importing {}/{} {}",
                        import.done, import.total, import.file
                    )),
            );
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelImport);
            }
            ui.separator();
        }
        if let Some(job) = &app.interop.job {
            if job.total == 0 {
                ui.spinner();
                ui.label(&job.what);
            } else {
                ui.add(
                    egui::ProgressBar::new(job.done as f32 / job.total as f32)
                        .desired_width(220.0)
                        .text(format!("{} {}/{}", job.what, job.done, job.total)),
                );
            }
            ui.separator();
        }
        if !app.import_errors.is_empty()
            && ui
                .button(format!("{} files failed", app.import_errors.len()))
                .clicked()
        {
            actions.push(Action::ShowErrors);
        }
        ui.label(&app.status);
    });
}

pub fn first_screen(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading("This catalogue is empty");
        ui.add_space(8.0);
        ui.label(
            "Import a folder of photographs (JPEG, TIFF, PNG), or drop folders on this window.",
        );
        ui.add_space(12.0);
        if ui
            .add(
                egui::Button::new(egui::RichText::new("Import a folder").size(18.0))
                    .min_size(egui::vec2(200.0, 40.0)),
            )
            .clicked()
        {
            actions.push(Action::ChooseImport);
        }
    });
}

pub fn failed(ui: &mut egui::Ui, message: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading("The catalogue could not be opened");
        ui.add_space(8.0);
        ui.colored_label(ui.visuals().error_fg_color, message);
    });
}

pub fn errors_window(app: &mut App, ctx: &egui::Context) {
    let mut open = true;
    egui::Window::new("Files that could not be imported")
        .open(&mut open)
        .default_size([640.0, 360.0])
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("import-errors")
                    .striped(true)
                    .show(ui, |ui| {
                        for f in &app.import_errors {
                            ui.label(&f.reason);
                            ui.label(f.path.display().to_string());
                            ui.end_row();
                        }
                    });
            });
        });
    app.show_errors = open;
}
