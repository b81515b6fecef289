//! The thumbnail grid. Virtualised: only the rows on screen are laid out and
//! only their thumbnails are asked for, so 100,000 photos scroll like 100.

use egui::{
    Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use super::thumbnails::{Request, bucket_for};
use super::worker::Command;
use super::{Action, App};
use crate::catalog::PhotoSummary;
use crate::photo::{Flag, Label, PhotoId};
use crate::tr;

const SPACING: f32 = 8.0;
const CAPTION_HEIGHT: f32 = 36.0;

/// Photos dragged out of the grid (onto a keyword, a set, or another place
/// in a set).
#[derive(Debug, Clone)]
pub struct DraggedPhotos(pub Vec<PhotoId>);

pub fn label_colour(label: Label) -> Color32 {
    match label {
        Label::Red => Color32::from_rgb(0xd9, 0x3f, 0x3f),
        Label::Yellow => Color32::from_rgb(0xe8, 0xc5, 0x2a),
        Label::Green => Color32::from_rgb(0x3f, 0xa8, 0x4f),
        Label::Blue => Color32::from_rgb(0x3f, 0x7f, 0xd9),
        Label::Purple => Color32::from_rgb(0x95, 0x4f, 0xc8),
    }
}

/// What the grid shows under a thumbnail: the title, else the file name.
pub fn display_name(p: &PhotoSummary) -> &str {
    p.title
        .as_deref()
        .filter(|t| !t.is_empty())
        .unwrap_or(&p.file_name)
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
    let cell = app.settings.thumbnail_size;
    let step = vec2(cell + SPACING, cell + CAPTION_HEIGHT + SPACING);
    let columns = (((ui.available_width() - SPACING) / step.x).floor() as usize).max(1);
    app.grid_columns = columns;
    let rows = app.results.len().div_ceil(columns);
    let bucket = bucket_for(cell * ui.ctx().pixels_per_point());
    let in_set = app
        .set_items
        .as_ref()
        .map(|(name, _)| name.clone())
        .filter(|_| app.sort().key == crate::catalog::SortKey::SetOrder);

    let mut scroll = egui::ScrollArea::vertical().auto_shrink(false);
    if let Some(index) = app.scroll_to.take() {
        let top = (index / columns) as f32 * step.y;
        let state = ui
            .ctx()
            .data(|d| d.get_temp::<(f32, f32)>(ui.scope_id().with("grid-view")))
            .unwrap_or((0.0, 0.0));
        let (offset, height) = state;
        if top < offset {
            scroll = scroll.vertical_scroll_offset(top);
        } else if top + step.y > offset + height && height > 0.0 {
            scroll = scroll.vertical_scroll_offset(top + step.y - height);
        }
    }
    let mut wanted: Vec<Request> = Vec::new();
    let output = scroll.show_viewport(ui, |ui, viewport| {
        // At least the height shown, so that a click below the last row
        // lands on the grid's background.
        ui.set_height((rows as f32 * step.y + SPACING).max(viewport.height()));
        ui.set_width(ui.available_width());
        // A click between photos selects none, as in every file browser.
        let background = ui.interact(
            ui.max_rect(),
            ui.scope_id().with("grid-background"),
            Sense::click(),
        );
        if background.clicked() {
            actions.push(Action::SelectNone);
        }
        let origin = ui.max_rect().min + vec2(SPACING, SPACING);
        let first_row = (viewport.min.y / step.y).floor().max(0.0) as usize;
        let last_row = ((viewport.max.y / step.y).ceil() as usize).min(rows);
        app.grid_visible = (first_row * columns)..(last_row * columns).min(app.results.len());
        app.results.want_around(app.grid_visible.clone());
        for row in first_row..last_row {
            for col in 0..columns {
                let index = row * columns + col;
                if index >= app.results.len() {
                    break;
                }
                let rect = Rect::from_min_size(
                    origin + vec2(col as f32 * step.x, row as f32 * step.y),
                    vec2(cell, cell + CAPTION_HEIGHT),
                );
                let Some(photo) = app.results.get(index) else {
                    // Its page is being read: an empty cell for a frame.
                    ui.painter().rect_filled(
                        Rect::from_min_size(rect.min, vec2(cell, cell)),
                        CornerRadius::same(4),
                        ui.visuals().faint_bg_color,
                    );
                    continue;
                };
                cell_ui(
                    app,
                    ui,
                    rect,
                    index,
                    photo.id,
                    bucket,
                    in_set.as_deref(),
                    actions,
                    &mut wanted,
                );
            }
        }
        // Ask a row ahead and behind, so a slow scroll finds them ready.
        let ahead = (last_row * columns..((last_row + 1) * columns).min(app.results.len()))
            .chain(first_row.saturating_sub(1) * columns..first_row * columns);
        for index in ahead {
            if let Some(p) = app.results.get(index)
                && app.thumbnails.get(p.id, bucket).is_none()
            {
                wanted.push(Request {
                    key: super::thumbnails::Key {
                        photo: p.id,
                        bucket,
                    },
                    hash: p.hash.clone(),
                });
            }
        }
    });
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            ui.scope_id().with("grid-view"),
            (output.state.clamped_offset().y, output.inner_rect.height()),
        )
    });
    app.wanted.extend(wanted);
}

#[allow(clippy::too_many_arguments)]
fn cell_ui(
    app: &mut App,
    ui: &mut egui::Ui,
    rect: Rect,
    index: usize,
    id: PhotoId,
    bucket: u32,
    in_set: Option<&str>,
    actions: &mut Vec<Action>,
    wanted: &mut Vec<Request>,
) {
    let Some(photo) = app.results.get(index) else {
        return;
    };
    let response = ui.interact(
        rect,
        ui.scope_id().with(("cell", id.0)),
        Sense::click_and_drag(),
    );
    let name = display_name(photo).to_owned();
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            app.selection.is_selected(id),
            &name,
        )
    });
    // After the name, its state, and in a set shown its place there.
    let mut state =
        super::access::photo_state(photo.rating, photo.flag, photo.label, photo.missing);
    if in_set.is_some()
        && let Some((_, items)) = &app.set_items
        && let Some(item) = items.iter().find(|i| i.photo == id)
    {
        let position = item.position as usize;
        super::access::place(ui.ctx(), response.id, position, items.len());
        state = format!(
            "{state}, {}",
            super::access::position_words(position, items.len())
        );
    }
    super::access::describe(ui.ctx(), response.id, state);
    let selected = app.selection.is_selected(id);
    super::access::selected(ui.ctx(), response.id, selected);
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect.expand(4.0));
    if app.selection.focus() == Some(id) && !ui.ctx().egui_wants_keyboard_input() {
        // Where the keys act: the photo in focus, ringed.
        painter.rect_stroke(
            rect.expand(4.0),
            CornerRadius::same(5),
            Stroke::new(2.0, super::focus_colour(ui.ctx())),
            StrokeKind::Inside,
        );
    }
    if selected {
        painter.rect(
            rect.expand(3.0),
            CornerRadius::same(4),
            visuals.selection.bg_fill.gamma_multiply(0.5),
            Stroke::new(2.0, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
    } else if response.hovered() {
        painter.rect_filled(
            rect.expand(3.0),
            CornerRadius::same(4),
            visuals.widgets.hovered.weak_bg_fill,
        );
    }
    let image_rect = Rect::from_min_size(rect.min, Vec2::splat(rect.width()));
    match app.thumbnails.get(id, bucket) {
        Some(texture) => {
            let size = texture.size_vec2();
            let scale = (image_rect.width() / size.x).min(image_rect.height() / size.y);
            let shown = Rect::from_center_size(image_rect.center(), size * scale);
            painter.image(
                texture.id(),
                shown,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
        None => {
            painter.rect_filled(
                image_rect.shrink(4.0),
                CornerRadius::same(2),
                visuals.faint_bg_color,
            );
            if app.thumbnails.is_missing(id, bucket) {
                painter.text(
                    image_rect.center(),
                    Align2::CENTER_CENTER,
                    tr!("thumbnail-no-preview", format = photo.format.to_string()),
                    FontId::proportional(12.0),
                    visuals.weak_text_color(),
                );
            } else {
                wanted.push(Request {
                    key: super::thumbnails::Key { photo: id, bucket },
                    hash: photo.hash.clone(),
                });
            }
        }
    }
    if photo.missing {
        painter.text(
            image_rect.left_top() + vec2(4.0, 4.0),
            Align2::LEFT_TOP,
            tr!("thumbnail-file-missing"),
            FontId::proportional(11.0),
            visuals.error_fg_color,
        );
    }
    if app.possible.contains(&id) {
        painter.text(
            image_rect.right_top() + vec2(-4.0, 4.0),
            Align2::RIGHT_TOP,
            tr!("thumbnail-date-possible"),
            FontId::proportional(11.0),
            visuals.warn_fg_color,
        );
    }
    // Caption area: the name on one line (cut with an ellipsis, whole in
    // the tooltip), then stars, flag and label.
    let text_color = visuals.text_color();
    let mut job = egui::text::LayoutJob::simple_singleline(
        name.clone(),
        FontId::proportional(12.0),
        text_color,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(rect.width());
    let name_galley = ui.painter().layout_job(job);
    let cut = name_galley.elided;
    let name_pos = pos2(rect.left(), image_rect.bottom() + 2.0);
    painter.galley(name_pos, name_galley, text_color);
    let mut marks = "★".repeat(photo.rating as usize);
    match photo.flag {
        Some(Flag::Pick) => marks.push_str("  ⚑"),
        Some(Flag::Reject) => marks.push_str("  ✖"),
        None => {}
    }
    painter.text(
        pos2(rect.left(), image_rect.bottom() + 18.0),
        Align2::LEFT_TOP,
        marks,
        FontId::proportional(12.0),
        visuals.warn_fg_color,
    );
    if let Some(label) = photo.label {
        painter.circle_filled(
            pos2(rect.right() - 6.0, image_rect.bottom() + 25.0),
            5.0,
            label_colour(label),
        );
    }

    // The tooltip: the whole title when the cell cut it, and the colour
    // label by name, so that colour is never the only sign of it.
    let label_name = photo
        .label
        .map(|l| tr!("colour-label", label = super::words::label(l)));
    let response = if cut || label_name.is_some() {
        response.on_hover_ui(|ui| {
            if cut {
                ui.label(&name);
            }
            if let Some(label_name) = &label_name {
                ui.label(label_name);
            }
        })
    } else {
        response
    };
    if response.clicked() {
        let m = ui.input(|i| i.modifiers);
        actions.push(Action::Click {
            index,
            shift: m.shift,
            toggle: m.command,
        });
    }
    // egui counts a double click anywhere; only one on the photo already
    // in focus opens it (a quick click then Shift-click must not).
    if response.double_clicked() && app.selection.focus() == Some(id) {
        actions.push(Action::Open(index));
    }
    if response.drag_started() {
        // Dragged photos arrive in the order the grid shows them.
        let photos = if selected {
            app.selection.in_result_order(&app.order)
        } else {
            vec![id]
        };
        response.dnd_set_drag_payload(DraggedPhotos(photos));
    }
    // In a set shown in its order, dropping photos here moves them here.
    if let Some(set) = in_set {
        if let Some(payload) = response.dnd_hover_payload::<DraggedPhotos>()
            && !payload.0.contains(&id)
        {
            painter.vline(
                rect.left() - SPACING / 2.0,
                rect.y_range(),
                Stroke::new(3.0, visuals.selection.stroke.color),
            );
        }
        if let Some(payload) = response.dnd_release_payload::<DraggedPhotos>()
            && !payload.0.contains(&id)
        {
            let position = app
                .set_items
                .as_ref()
                .and_then(|(_, items)| items.iter().find(|i| i.photo == id))
                .map_or(index as u32 + 1, |i| i.position);
            // Where the target stands once the moved photos are taken out.
            let before = app.set_items.as_ref().map_or(0, |(_, items)| {
                items
                    .iter()
                    .filter(|i| i.position < position && payload.0.contains(&i.photo))
                    .count() as u32
            });
            actions.push(Action::Worker(Command::MoveInSet {
                set: set.to_owned(),
                photos: payload.0.clone(),
                position: position - before,
            }));
        }
    }
    response.context_menu(|ui| {
        if !selected {
            app.selection.only(id);
        }
        if ui.button(tr!("menu-open-full-size")).clicked() {
            actions.push(Action::Open(index));
            ui.close();
        }
        if let Some(set) = in_set
            && ui.button(tr!("menu-remove-from-set", set = set)).clicked()
        {
            actions.push(Action::Worker(Command::RemoveFromSet {
                set: set.to_owned(),
                photos: app.selection.in_order(&app.order),
            }));
            ui.close();
        }
    });
}
