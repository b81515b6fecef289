//! The full-size view (Space or double-click): the photo loads in the
//! background with its orientation applied and is shown fitted to the
//! window; a click toggles 1:1. Arrows go to the next and previous photo,
//! Esc goes back to the grid.

use std::path::PathBuf;

use crossbeam_channel::{Receiver, bounded};
use egui::{Color32, ColorImage, Key, Rect, Sense, TextureHandle, TextureOptions, pos2};

use crate::catalog::PhotoSummary;
use crate::ingest::thumbnail::decode_scaled;
use crate::photo::ImageFormat;

/// The longest edge decoded for the full-size view.
const MAX_EDGE: u32 = 4096;

pub enum Outcome {
    Stay,
    Close,
    /// Show the photo at this result index instead.
    Go(usize),
}

pub struct Viewer {
    index: usize,
    title: String,
    loading: Option<Receiver<Result<ColorImage, String>>>,
    texture: Option<TextureHandle>,
    error: Option<String>,
    actual_size: bool,
}

impl Viewer {
    pub fn open(photo: &PhotoSummary, index: usize, ctx: &egui::Context) -> Self {
        let (tx, rx) = bounded(1);
        let path: PathBuf = photo.path.clone();
        let orientation = photo.orientation;
        let format = photo.format;
        let repaint = ctx.clone();
        let edge = {
            let size = ctx.content_rect().size() * ctx.pixels_per_point();
            (size.x.max(size.y) as u32).clamp(512, MAX_EDGE)
        };
        let spawned = std::thread::Builder::new()
            .name("kartoteka-viewer".into())
            .spawn(move || {
                let _ = tx.send(load(&path, format, edge, orientation));
                repaint.request_repaint();
            });
        let title = photo
            .title
            .clone()
            .unwrap_or_else(|| photo.file_name.clone());
        match spawned {
            Ok(_) => Self {
                index,
                title,
                loading: Some(rx),
                texture: None,
                error: None,
                actual_size: false,
            },
            Err(e) => Self {
                index,
                title,
                loading: None,
                texture: None,
                error: Some(e.to_string()),
                actual_size: false,
            },
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, results: &[PhotoSummary]) -> Outcome {
        if let Some(rx) = &self.loading
            && let Ok(result) = rx.try_recv()
        {
            self.loading = None;
            match result {
                Ok(image) => {
                    self.texture = Some(ui.ctx().load_texture(
                        "full-size",
                        image,
                        TextureOptions::LINEAR,
                    ));
                }
                Err(e) => self.error = Some(e),
            }
        }
        let outcome = ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, Key::Escape)
                || i.consume_key(egui::Modifiers::NONE, Key::Space)
            {
                Outcome::Close
            } else if i.consume_key(egui::Modifiers::NONE, Key::ArrowRight)
                && self.index + 1 < results.len()
            {
                Outcome::Go(self.index + 1)
            } else if i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft) && self.index > 0 {
                Outcome::Go(self.index - 1)
            } else {
                Outcome::Stay
            }
        });
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(Color32::from_gray(18)))
            .show(ui, |ui| {
                let area = ui.max_rect();
                let response = ui.allocate_rect(area, Sense::click());
                if response.clicked() {
                    self.actual_size = !self.actual_size;
                }
                let painter = ui.painter_at(area);
                match (&self.texture, &self.error) {
                    (Some(texture), _) => {
                        let size = texture.size_vec2() / ui.ctx().pixels_per_point();
                        let scale = if self.actual_size {
                            1.0
                        } else {
                            (area.width() / size.x)
                                .min(area.height() / size.y)
                                .min(1.0 * ui.ctx().pixels_per_point())
                        };
                        let rect = Rect::from_center_size(area.center(), size * scale);
                        painter.image(
                            texture.id(),
                            rect,
                            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                            Color32::WHITE,
                        );
                    }
                    (None, Some(error)) => {
                        painter.text(
                            area.center(),
                            egui::Align2::CENTER_CENTER,
                            format!("This photo could not be shown: {error}"),
                            egui::FontId::proportional(16.0),
                            Color32::LIGHT_RED,
                        );
                    }
                    (None, None) => {
                        painter.text(
                            area.center(),
                            egui::Align2::CENTER_CENTER,
                            "Loading…",
                            egui::FontId::proportional(16.0),
                            Color32::GRAY,
                        );
                    }
                }
                painter.text(
                    area.left_bottom() + egui::vec2(12.0, -12.0),
                    egui::Align2::LEFT_BOTTOM,
                    format!(
                        "{}   {} of {}   ←/→ next · click 1:1 · Esc back",
                        self.title,
                        self.index + 1,
                        results.len()
                    ),
                    egui::FontId::proportional(14.0),
                    Color32::from_gray(200),
                );
            });
        outcome
    }
}

fn load(
    path: &std::path::Path,
    format: ImageFormat,
    edge: u32,
    orientation: Option<u16>,
) -> Result<ColorImage, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let decoded = decode_scaled(format, &bytes, edge, orientation).map_err(|e| e.to_string())?;
    let rgba = decoded.image.to_rgba8();
    Ok(ColorImage::from_rgba_unmultiplied(
        [rgba.width() as usize, rgba.height() as usize],
        rgba.as_raw(),
    ))
}
