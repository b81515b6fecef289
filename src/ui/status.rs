//! The status bar (result count, import or job under way, what just
//! happened, errors), the first screen of an empty catalogue, and the
//! window listing files an import could not read.

use std::time::{Duration, Instant};

use super::{Action, App};
use crate::text::count;

/// How long a message about what just happened stays.
const MESSAGE_STAYS: Duration = Duration::from_secs(8);

/// What the status bar says: the last thing that happened (for a while),
/// and the last error (until dismissed).
#[derive(Debug, Default)]
pub struct Status {
    message: Option<(String, Instant)>,
    error: Option<String>,
}

impl Status {
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Instant::now()));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.error = Some(text.into());
    }

    /// The message shown now, if any.
    pub fn message(&self) -> Option<&str> {
        self.message
            .as_ref()
            .filter(|(_, at)| at.elapsed() < MESSAGE_STAYS)
            .map(|(text, _)| text.as_str())
    }

    pub fn error_text(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn dismiss_error(&mut self) {
        self.error = None;
    }

    /// How long until the message goes, for the next repaint.
    fn remaining(&self) -> Option<Duration> {
        self.message
            .as_ref()
            .and_then(|(_, at)| MESSAGE_STAYS.checked_sub(at.elapsed()))
    }
}

pub fn bar(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let total = app.sidebar.photos as usize;
        let shown = if app.without_catalogue() {
            "No catalogue open".to_owned()
        } else if !app.searched {
            "Loading…".to_owned()
        } else if app.query.trim().is_empty() || total == app.results.len() {
            count(app.results.len(), "photo", "photos")
        } else {
            format!("{} of {total}", count(app.results.len(), "photo", "photos"))
        };
        if app.without_catalogue() {
            ui.label(shown);
        } else {
            ui.label(format!("{shown} · {} selected", app.selection.len()));
        }
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
            if ui.button("Cancel import").clicked() {
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
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelJob);
            }
            ui.separator();
        }
        if !app.import_errors.is_empty()
            && ui
                .button(format!(
                    "{} could not be read",
                    count(app.import_errors.len(), "file", "files")
                ))
                .clicked()
        {
            actions.push(Action::ShowErrors);
        }
        let mut dismiss = false;
        if let Some(error) = app.status.error_text() {
            let colour = ui.visuals().error_fg_color;
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, colour))
                .corner_radius(3)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.colored_label(colour, format!("⚠ {error}"))
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Label, true, error)
                            });
                        let button = ui.small_button("✕").on_hover_text("Dismiss this error");
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                "Dismiss this error",
                            )
                        });
                        if button.clicked() {
                            dismiss = true;
                        }
                    });
                });
        }
        if dismiss {
            app.status.dismiss_error();
        }
        if let Some(message) = app.status.message() {
            ui.label(message);
        }
        if let Some(left) = app.status.remaining() {
            ui.ctx().request_repaint_after(left);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_go_after_a_while_and_errors_stay_until_dismissed() {
        let mut status = Status::default();
        status.info("Caption on dormitory-sewing.jpg");
        status.error("a set named \"Odchod 1991\" already exists");
        assert_eq!(status.message(), Some("Caption on dormitory-sewing.jpg"));
        // The same message, said long enough ago.
        let then = Instant::now() - MESSAGE_STAYS - Duration::from_millis(1);
        status.message = Some(("Caption on dormitory-sewing.jpg".into(), then));
        assert_eq!(status.message(), None);
        assert!(status.remaining().is_none());
        assert!(status.error_text().is_some(), "an error waits to be read");
        status.dismiss_error();
        assert!(status.error_text().is_none());
    }
}
