//! The status bar (result count, import or job under way, what just
//! happened, errors), the first screen of an empty catalogue, the window
//! listing files an import could not read, and the spinner shown while
//! something loads.

use std::time::{Duration, Instant};

use super::{Action, App};
use crate::tr;

/// Steps a second the loading spinner turns.
const SPINNER_STEPS: f64 = 8.0;

/// A spinner that moves a few times a second. egui's own asks for a new
/// frame at once, every frame: drawn in software (a virtual machine, a
/// remote desktop, no GPU driver), that takes both cores of a small
/// machine away from the catalogue it is waiting for.
pub fn spinner(ui: &mut egui::Ui) -> egui::Response {
    let size = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::Role::ProgressIndicator));
    if ui.is_rect_visible(rect) {
        let step = (ui.input(|i| i.time) * SPINNER_STEPS).floor();
        let start = step / SPINNER_STEPS * std::f64::consts::TAU;
        let radius = rect.height().min(rect.width()) * 0.5 - 2.0;
        let points: Vec<egui::Pos2> = (0..=24)
            .map(|i| {
                let angle = start + f64::from(i) / 24.0 * 240f64.to_radians();
                let (sin, cos) = angle.sin_cos();
                rect.center() + radius * egui::vec2(cos as f32, sin as f32)
            })
            .collect();
        ui.painter().add(egui::Shape::line(
            points,
            egui::Stroke::new(3.0, ui.visuals().strong_text_color()),
        ));
        ui.ctx()
            .request_repaint_after(Duration::from_secs_f64(1.0 / SPINNER_STEPS));
    }
    response
}

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

/// How many photos the result holds ("3 photos of 5"), or why none yet.
pub fn result_count(app: &App) -> String {
    let total = app.sidebar.photos as usize;
    if app.without_catalogue() {
        tr!("status-no-catalogue")
    } else if !app.searched {
        tr!("status-loading")
    } else if app.query.trim().is_empty() || total == app.results.len() {
        tr!("photo-count", count = app.results.len())
    } else {
        tr!("status-found-of", count = app.results.len(), total = total)
    }
}

pub fn bar(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let shown = result_count(app);
        // The count is a live region: a screen reader reads the new count
        // out when a search has settled, without the user going there.
        let count = if app.without_catalogue() {
            ui.label(shown)
        } else {
            ui.label(tr!(
                "status-selected",
                shown = shown,
                count = app.selection.len()
            ))
        };
        super::access::live(ui.ctx(), count.id);
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
                    .text(tr!(
                        "status-importing",
                        done = import.done,
                        total = import.total,
                        file = import.file.as_str()
                    )),
            );
            if ui.button(tr!("status-cancel-import")).clicked() {
                actions.push(Action::CancelImport);
            }
            ui.separator();
        }
        if let Some(job) = &app.interop.job {
            if job.total == 0 {
                spinner(ui);
                ui.label(&job.what);
            } else {
                ui.add(
                    egui::ProgressBar::new(job.done as f32 / job.total as f32)
                        .desired_width(220.0)
                        .text(tr!(
                            "status-job-progress",
                            what = job.what.as_str(),
                            done = job.done,
                            total = job.total
                        )),
                );
            }
            if ui.button(tr!("status-cancel-job")).clicked() {
                actions.push(Action::CancelJob);
            }
            ui.separator();
        }
        if !app.import_errors.is_empty()
            && ui
                .button(tr!(
                    "status-unreadable-files",
                    count = app.import_errors.len()
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
                        let text = tr!("status-error", error = error);
                        let label = ui.colored_label(colour, &text);
                        label.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &text)
                        });
                        super::access::live(ui.ctx(), label.id);
                        let dismiss_text = tr!("status-dismiss-error");
                        let button = ui.small_button("✕").on_hover_text(&dismiss_text);
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &dismiss_text)
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
            let label = ui.label(message);
            super::access::live(ui.ctx(), label.id);
        }
        if let Some(team) = &app.team {
            team_status(ui, team, actions);
        }
        if let Some(left) = app.status.remaining() {
            ui.ctx().request_repaint_after(left);
        }
    });
}

/// The team catalogue at the right end of the status bar: synced, changes
/// waiting or offline (with why on hover), and the conflicts to decide, a
/// button that finds their photos.
fn team_status(ui: &mut egui::Ui, team: &super::team::TeamStatus, actions: &mut Vec<Action>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if team.conflicts > 0 {
            let text = tr!("team-conflicts", count = team.conflicts);
            let button = ui
                .button(egui::RichText::new(&text).color(ui.visuals().warn_fg_color))
                .on_hover_text(tr!("team-conflicts-hint"));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
            if button.clicked() {
                actions.push(Action::Search("disputed:any".into(), None));
            }
        }
        let (text, why) = match (&team.offline, &team.refused) {
            (Some(why), _) => (
                tr!("team-offline", count = team.waiting),
                Some(tr!("team-offline-why", why = why.as_str())),
            ),
            (None, Some(why)) => (tr!("team-waiting", count = team.waiting), Some(why.clone())),
            (None, None) if team.waiting > 0 => (tr!("team-waiting", count = team.waiting), None),
            (None, None) => (tr!("team-synced"), None),
        };
        let label = ui.label(&text);
        label.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
        if let Some(why) = why {
            label.on_hover_text(why);
        }
    });
}

pub fn first_screen(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading(tr!("empty-heading"));
        ui.add_space(8.0);
        ui.label(tr!("empty-explanation"));
        ui.add_space(12.0);
        if ui
            .add(
                egui::Button::new(egui::RichText::new(tr!("empty-import")).size(18.0))
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
    egui::Window::new(tr!("import-errors-title"))
        .open(&mut open)
        .default_size([640.0, 360.0])
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("import-errors")
                    .striped(true)
                    .show(ui, |ui| {
                        for f in &app.import_errors {
                            ui.label(crate::ui::errors::not_imported(&f.reason));
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

    #[test]
    fn the_loading_spinner_asks_for_a_few_frames_a_second_not_every_frame() {
        let mut h = egui_kittest::Harness::new_ui(|ui| {
            spinner(ui);
        });
        h.step();
        h.step();
        let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert!(
            delay >= Duration::from_millis(100),
            "the spinner asks for the next frame after {delay:?}"
        );
    }
}
