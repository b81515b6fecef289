//! The full-size view (Space, Enter or a double click), a loupe: the photo
//! fits the window, and zooms to 100 % (one pixel of the photo to one of the
//! screen) with a click, Z, or the wheel, where it pans by dragging.
//!
//! One long-lived loader thread decodes what is asked for, newest request
//! first (a photo skipped past is never decoded): first at the window's size,
//! then, when zoomed past that, at full resolution, cut into tiles no larger
//! than the graphics card takes. The rating, flag and label keys work here
//! as in the grid; the caption and credit show on a dark band that stays
//! legible over bright photos.

use crossbeam_channel::{Receiver, Sender, unbounded};
use egui::{
    Color32, ColorImage, Pos2, Rect, Sense, TextureHandle, TextureOptions, Vec2, pos2, vec2,
};

use super::errors::Said;
use super::keys::Shortcut;
use super::{Action, App};
use crate::catalog::PhotoSummary;
use crate::ingest::thumbnail::decode_scaled;
use crate::photo::{Flag, ImageFormat, PhotoId};
use crate::text::shorten;
use crate::tr;

/// The most pixels decoded for the full-size view; a larger scan is shown
/// at the size that fits this (and says so).
const MAX_PIXELS: u64 = 80_000_000;
/// Tiles are at most this wide and high (graphics cards take at least 8192).
const TILE: u32 = 4096;
/// Each notch of the wheel zooms by this much.
const WHEEL_ZOOM: f32 = 1.0018;
const KEY_ZOOM: f32 = 1.25;
const MAX_ZOOM: f32 = 8.0;

/// How finely a photo is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// At about the window's size.
    Screen,
    /// At full resolution (or the most `MAX_PIXELS` allows).
    Full,
}

struct Job {
    ticket: u64,
    level: Level,
    path: std::path::PathBuf,
    format: ImageFormat,
    orientation: Option<u16>,
    /// The photo's size as catalogued (before orientation).
    size: Option<(u32, u32)>,
    screen_edge: u32,
}

/// A decoded photo, as textures: each tile with its place in the image.
struct Loaded {
    ticket: u64,
    level: Level,
    result: Result<Picture, String>,
}

struct Picture {
    /// Size of the decoded image in pixels.
    size: Vec2,
    tiles: Vec<(Rect, TextureHandle)>,
}

/// The thread that decodes photos for the full-size view.
pub struct Loader {
    jobs: Sender<Job>,
    loaded: Receiver<Loaded>,
}

impl Loader {
    pub fn start(ctx: &egui::Context) -> Self {
        let (jobs, job_rx) = unbounded::<Job>();
        let (loaded_tx, loaded) = unbounded::<Loaded>();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("kartoteka-viewer".into())
            .spawn(move || {
                while let Ok(first) = job_rx.recv() {
                    // The newest request wins: photos skipped past are not decoded.
                    let job = job_rx.try_iter().last().unwrap_or(first);
                    let result = load(&job, &ctx);
                    let _ = loaded_tx.send(Loaded {
                        ticket: job.ticket,
                        level: job.level,
                        result,
                    });
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            // Without a loader every photo says why it cannot be shown.
            let (tx, rx) = unbounded();
            let _ = tx.send(Loaded {
                ticket: 0,
                level: Level::Screen,
                result: Err(tr!("viewer-not-started", error = super::errors::other(&e))),
            });
            return Self {
                jobs: unbounded().0,
                loaded: rx,
            };
        }
        Self { jobs, loaded }
    }
}

fn load(job: &Job, ctx: &egui::Context) -> Result<Picture, String> {
    let edge = match job.level {
        Level::Screen => job.screen_edge,
        Level::Full => match job.size {
            Some((w, h)) if u64::from(w) * u64::from(h) > MAX_PIXELS => {
                let scale = (MAX_PIXELS as f64 / (f64::from(w) * f64::from(h))).sqrt();
                (f64::from(w.max(h)) * scale) as u32
            }
            Some((w, h)) => w.max(h),
            None => u32::MAX,
        },
    };
    let bytes = std::fs::read(&job.path).map_err(|e| e.said(&job.path))?;
    let decoded = decode_scaled(job.format, &bytes, edge, job.orientation)
        .map_err(|e| super::errors::other(&e))?;
    drop(bytes);
    let rgba = decoded.image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut tiles = Vec::new();
    for y in (0..h).step_by(TILE as usize) {
        for x in (0..w).step_by(TILE as usize) {
            let (tw, th) = (TILE.min(w - x), TILE.min(h - y));
            let mut pixels = Vec::with_capacity((tw * th * 4) as usize);
            for row in y..y + th {
                let start = ((row * w + x) * 4) as usize;
                pixels.extend_from_slice(&rgba.as_raw()[start..start + (tw * 4) as usize]);
            }
            let image = ColorImage::from_rgba_unmultiplied([tw as usize, th as usize], &pixels);
            let texture = ctx.load_texture(
                format!("full-size-{}-{x}-{y}", job.ticket),
                image,
                TextureOptions::LINEAR,
            );
            let place = Rect::from_min_size(pos2(x as f32, y as f32), vec2(tw as f32, th as f32));
            tiles.push((place, texture));
        }
    }
    Ok(Picture {
        size: vec2(w as f32, h as f32),
        tiles,
    })
}

/// How the photo is scaled.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Zoom {
    /// The whole photo in the window (never enlarged past 100 %).
    Fit,
    /// Screen pixels per pixel of the photo at full resolution.
    Scale(f32),
}

pub struct Viewer {
    ticket: u64,
    index: usize,
    photo: PhotoId,
    job: JobTemplate,
    screen: Option<Picture>,
    full: Option<Picture>,
    full_asked: bool,
    error: Option<String>,
    zoom: Zoom,
    /// The point of the photo (in full-resolution pixels) at the middle of
    /// the window when zoomed.
    centre: Pos2,
}

/// What the loader needs to know of a photo.
struct JobTemplate {
    path: std::path::PathBuf,
    format: ImageFormat,
    orientation: Option<u16>,
    size: Option<(u32, u32)>,
}

impl Viewer {
    pub fn open(photo: &PhotoSummary, index: usize, loader: &Loader, ctx: &egui::Context) -> Self {
        static TICKETS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let ticket = TICKETS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let viewer = Self {
            ticket,
            index,
            photo: photo.id,
            job: JobTemplate {
                path: photo.path.clone(),
                format: photo.format,
                orientation: photo.orientation,
                size: photo.width.zip(photo.height),
            },
            screen: None,
            full: None,
            full_asked: false,
            error: None,
            zoom: Zoom::Fit,
            centre: Pos2::ZERO,
        };
        let screen = ctx.content_rect().size() * ctx.pixels_per_point();
        viewer.ask(
            loader,
            Level::Screen,
            (screen.x.max(screen.y) as u32).clamp(512, 4096),
        );
        viewer
    }

    fn ask(&self, loader: &Loader, level: Level, screen_edge: u32) {
        let _ = loader.jobs.send(Job {
            ticket: self.ticket,
            level,
            path: self.job.path.clone(),
            format: self.job.format,
            orientation: self.job.orientation,
            size: self.job.size,
            screen_edge,
        });
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn photo(&self) -> PhotoId {
        self.photo
    }

    /// Everything asked for has come (or failed).
    pub fn is_loaded(&self) -> bool {
        self.error.is_some() || (self.screen.is_some() && (!self.full_asked || self.full.is_some()))
    }

    /// Pixels of the photo shown now, at full resolution, when decoded so.
    pub fn full_resolution(&self) -> Option<Vec2> {
        self.full.as_ref().map(|p| p.size)
    }

    /// Screen pixels per pixel of the photo (1.0 is 100 %), once known.
    pub fn scale(&self, area: Vec2) -> Option<f32> {
        let size = self.photo_size()?;
        Some(match self.zoom {
            Zoom::Fit => fit(size, area),
            Zoom::Scale(s) => s,
        })
    }

    /// The photo's size in pixels at full resolution (what the view calls
    /// 100 %), once something of it has been decoded.
    fn photo_size(&self) -> Option<Vec2> {
        if let Some(full) = &self.full {
            return Some(full.size);
        }
        let screen = self.screen.as_ref()?;
        let Some((w, h)) = self.job.size.filter(|(w, h)| *w > 0 && *h > 0) else {
            return Some(screen.size);
        };
        // The catalogued size, turned as the orientation turns it; a scan
        // past the pixel limit is decoded smaller, and that is its full size.
        let turned = matches!(self.job.orientation, Some(5..=8));
        let size = if turned {
            vec2(h as f32, w as f32)
        } else {
            vec2(w as f32, h as f32)
        };
        let limit = (MAX_PIXELS as f32 / (size.x * size.y)).sqrt().min(1.0);
        Some(size * limit)
    }

    fn receive(&mut self, loaded: Loaded) {
        if loaded.ticket != self.ticket {
            return;
        }
        match (loaded.level, loaded.result) {
            (Level::Screen, Ok(p)) => self.screen = Some(p),
            (Level::Full, Ok(p)) => self.full = Some(p),
            (_, Err(e)) => self.error = Some(e),
        }
    }

    /// Z, + and - in the full-size view.
    pub fn zoom_key(&mut self, key: Shortcut, ctx: &egui::Context) {
        let area = ctx.content_rect().size() * ctx.pixels_per_point();
        let Some(current) = self.scale(area) else {
            return;
        };
        let size = self.photo_size().unwrap_or(Vec2::ZERO);
        if self.zoom == Zoom::Fit {
            self.centre = (size / 2.0).to_pos2();
        }
        self.zoom = match key {
            Shortcut::ToggleZoom if self.zoom == Zoom::Fit => Zoom::Scale(1.0),
            Shortcut::ToggleZoom => Zoom::Fit,
            Shortcut::ZoomIn => Zoom::Scale((current * KEY_ZOOM).min(MAX_ZOOM)),
            _ => self.zoomed_out(current / KEY_ZOOM, size, area),
        };
    }

    /// Zooming out past the fit is the fit.
    fn zoomed_out(&self, scale: f32, size: Vec2, area: Vec2) -> Zoom {
        if scale <= fit(size, area) {
            Zoom::Fit
        } else {
            Zoom::Scale(scale)
        }
    }
}

/// The scale that shows the whole photo, never enlarging it.
fn fit(size: Vec2, area: Vec2) -> f32 {
    if size.x <= 0.0 || size.y <= 0.0 {
        return 1.0;
    }
    (area.x / size.x).min(area.y / size.y).min(1.0)
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    while let Ok(loaded) = app.loader.loaded.try_recv() {
        if let Some(viewer) = &mut app.viewer {
            viewer.receive(loaded);
        }
    }
    let Some(viewer) = &mut app.viewer else {
        return;
    };
    let summary = app.results.get(viewer.index).cloned();
    // The caption and credit, from the inspector's record when it has it.
    let record = app
        .details
        .as_ref()
        .and_then(|d| d.photos.first())
        .filter(|p| p.id == viewer.photo);
    let caption = record
        .and_then(|p| p.description.caption.clone())
        .or_else(|| summary.as_ref().and_then(|s| s.caption.clone()));
    let credit = record.and_then(|p| p.description.credit.clone());
    let total = app.results.len();
    let mut close = false;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(Color32::from_gray(18)))
        .show(ui, |ui| {
            let area = ui.max_rect();
            let ppp = ui.ctx().pixels_per_point();
            let response = ui.interact(area, ui.scope_id().with("photo"), Sense::click_and_drag());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("viewer-photo"))
            });
            let physical = area.size() * ppp;
            if let Some(size) = viewer.photo_size() {
                // The wheel zooms around the pointer; dragging pans.
                let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.zoom_delta().ln() * 400.0);
                let current = viewer.scale(physical).unwrap_or(1.0);
                if response.hovered() && scroll != 0.0 {
                    let wanted = (current * WHEEL_ZOOM.powf(scroll)).min(MAX_ZOOM);
                    let pointer = response.hover_pos().unwrap_or(area.center());
                    let before = to_photo(viewer, size, area, pointer, current, ppp);
                    viewer.zoom = viewer.zoomed_out(wanted, size, physical);
                    if let Zoom::Scale(s) = viewer.zoom {
                        // Keep the point under the pointer where it is.
                        let offset = (pointer - area.center()) * ppp / s;
                        viewer.centre = before - offset;
                    }
                }
                if response.dragged()
                    && let Zoom::Scale(s) = viewer.zoom
                {
                    viewer.centre -= response.drag_delta() * ppp / s;
                }
                if response.clicked() {
                    let pointer = response.interact_pointer_pos().unwrap_or(area.center());
                    if viewer.zoom == Zoom::Fit {
                        viewer.centre = to_photo(viewer, size, area, pointer, current, ppp);
                        viewer.zoom = Zoom::Scale(1.0);
                    } else {
                        viewer.zoom = Zoom::Fit;
                    }
                }
                if let Zoom::Scale(s) = viewer.zoom {
                    // Never pan the photo out of the window.
                    let half = physical / (2.0 * s);
                    let clamp = |c: f32, half: f32, size: f32| {
                        if half * 2.0 >= size {
                            size / 2.0
                        } else {
                            c.clamp(half, size - half)
                        }
                    };
                    viewer.centre = pos2(
                        clamp(viewer.centre.x, half.x, size.x),
                        clamp(viewer.centre.y, half.y, size.y),
                    );
                }
                let scale = viewer.scale(physical).unwrap_or(1.0);
                // Past what the screen-sized decode holds, decode it all.
                let screen_scale = viewer
                    .screen
                    .as_ref()
                    .map_or(1.0, |p| p.size.x / size.x.max(1.0));
                if scale > screen_scale + 1e-3 && !viewer.full_asked {
                    viewer.full_asked = true;
                    viewer.ask(&app.loader, Level::Full, 0);
                }
                let shown = match viewer.zoom {
                    Zoom::Fit => Rect::from_center_size(area.center(), size * scale / ppp),
                    Zoom::Scale(s) => {
                        let top_left = area.center() - viewer.centre.to_vec2() * s / ppp;
                        Rect::from_min_size(top_left, size * s / ppp)
                    }
                };
                let painter = ui.painter_at(area);
                if let Some(picture) = viewer.full.as_ref().or(viewer.screen.as_ref()) {
                    let k = shown.width() / picture.size.x;
                    for (place, texture) in &picture.tiles {
                        let rect = Rect::from_min_size(
                            shown.min + place.min.to_vec2() * k,
                            place.size() * k,
                        );
                        if rect.intersects(area) {
                            painter.image(
                                texture.id(),
                                rect,
                                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                                Color32::WHITE,
                            );
                        }
                    }
                }
                let percent = (scale * 100.0).round();
                let loading = viewer.full_asked && viewer.full.is_none() && viewer.error.is_none();
                band(
                    ui,
                    area,
                    summary.as_ref(),
                    caption.as_deref(),
                    credit.as_deref(),
                    viewer.index,
                    total,
                    &if loading {
                        tr!("viewer-zoom-loading", percent = percent)
                    } else {
                        tr!("viewer-zoom", percent = percent)
                    },
                );
            } else {
                let painter = ui.painter_at(area);
                let text = match &viewer.error {
                    Some(e) => tr!("viewer-error", error = e.as_str()),
                    None => tr!("status-loading"),
                };
                painter.text(
                    area.center(),
                    egui::Align2::CENTER_CENTER,
                    text,
                    egui::FontId::proportional(16.0),
                    if viewer.error.is_some() {
                        Color32::LIGHT_RED
                    } else {
                        Color32::GRAY
                    },
                );
                band(
                    ui,
                    area,
                    summary.as_ref(),
                    caption.as_deref(),
                    credit.as_deref(),
                    viewer.index,
                    total,
                    "",
                );
            }
            if response.double_clicked() {
                close = true;
            }
        });
    if close {
        actions.push(Action::Key(Shortcut::Back));
    }
}

/// A point of the window as a point of the photo (full-resolution pixels).
fn to_photo(viewer: &Viewer, size: Vec2, area: Rect, pointer: Pos2, scale: f32, ppp: f32) -> Pos2 {
    let centre = match viewer.zoom {
        Zoom::Fit => (size / 2.0).to_pos2(),
        Zoom::Scale(_) => viewer.centre,
    };
    centre + (pointer - area.center()) * ppp / scale
}

/// The dark band along the bottom: title, caption, credit, place in the
/// result, rating and flag, zoom, and the keys.
#[allow(clippy::too_many_arguments)]
fn band(
    ui: &mut egui::Ui,
    area: Rect,
    photo: Option<&PhotoSummary>,
    caption: Option<&str>,
    credit: Option<&str>,
    index: usize,
    total: usize,
    zoom: &str,
) {
    let painter = ui.painter_at(area).clone();
    let white = Color32::from_gray(235);
    let soft = Color32::from_gray(180);
    let mut lines: Vec<(String, f32, Color32)> = Vec::new();
    if let Some(p) = photo {
        let title = p.title.clone().unwrap_or_else(|| p.file_name.clone());
        let mut marks = "★".repeat(p.rating as usize);
        match p.flag {
            Some(Flag::Pick) => marks.push_str(&format!("  ⚑ {}", tr!("viewer-pick"))),
            Some(Flag::Reject) => marks.push_str(&format!("  ✖ {}", tr!("viewer-reject"))),
            None => {}
        }
        if let Some(l) = p.label {
            marks.push_str(&format!("  ● {}", super::words::label(l)));
        }
        lines.push((format!("{title}   {marks}"), 16.0, white));
    }
    if let Some(c) = caption.filter(|c| !c.trim().is_empty()) {
        lines.push((shorten(&c.replace('\n', " "), 220), 14.0, white));
    }
    if let Some(c) = credit.filter(|c| !c.trim().is_empty()) {
        lines.push((tr!("viewer-credit", credit = c), 13.0, soft));
    }
    lines.push((
        tr!("viewer-band", index = index + 1, total = total, zoom = zoom),
        12.0,
        soft,
    ));
    let width = area.width() - 32.0;
    let galleys: Vec<_> = lines
        .into_iter()
        .map(|(text, size, colour)| {
            painter.layout(text, egui::FontId::proportional(size), colour, width)
        })
        .collect();
    let height: f32 = galleys.iter().map(|g| g.size().y + 4.0).sum::<f32>() + 16.0;
    let backing = Rect::from_min_max(
        pos2(area.left(), area.bottom() - height),
        area.right_bottom(),
    );
    painter.rect_filled(backing, 0.0, Color32::from_black_alpha(190));
    // Labels, not painted text, so that screen readers read the band too.
    let mut y = backing.top() + 8.0;
    for galley in galleys {
        let size = galley.size();
        let place = Rect::from_min_size(pos2(area.left() + 16.0, y), size);
        ui.put(
            place,
            egui::Label::new(egui::WidgetText::Galley(galley)).selectable(false),
        );
        y += size.y + 4.0;
    }
}
