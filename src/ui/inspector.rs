//! The right panel: everything about the selection. Descriptive fields edit
//! every selected photo at once and say "(mixed)" where they differ.
//!
//! The keyboard works as a cataloguer expects: Tab and Shift+Tab go from
//! field to field and save the one left; Enter saves a one-line field; Enter
//! in the caption saves it and puts the caret in the next photo's caption,
//! its text selected (what is typed meanwhile stays in the field, never
//! becomes a shortcut);
//! Esc leaves a field and forgets what was typed. A depicted date that
//! cannot be read stays in its field, marked, with the forms it accepts.

use std::collections::BTreeMap;

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde_json::Value;

use super::grid::label_colour;
use super::thumbnails::{Key as ThumbKey, Request};
use super::words;
use super::worker::Command;
use super::{Action, App, Details};
use crate::catalog::{Edit, HistoryEntry};
use crate::date::Depicted;
use crate::photo::{Attribute, Field, Flag, Label, Photo, PhotoId};
use crate::text::fold;
use crate::tr;
use crate::ui::i18n;

/// The editable fields, in the order archivists fill them in.
const FIELDS: &[Attribute] = &[
    Attribute::Field(Field::Title),
    Attribute::Field(Field::Headline),
    Attribute::Field(Field::Caption),
    Attribute::Field(Field::Creators),
    Attribute::Field(Field::Credit),
    Attribute::Field(Field::Copyright),
    Attribute::Field(Field::Source),
    Attribute::Field(Field::DateCreated),
    Attribute::Field(Field::Event),
    Attribute::Field(Field::People),
    Attribute::Field(Field::Sublocation),
    Attribute::Field(Field::City),
    Attribute::Field(Field::State),
    Attribute::Field(Field::Country),
    Attribute::Field(Field::CountryCode),
    Attribute::Field(Field::JobId),
    Attribute::Field(Field::Instructions),
    Attribute::Note,
];

const CAPTION: Attribute = Attribute::Field(Field::Caption);
const DEPICTED: Attribute = Attribute::Field(Field::DateCreated);

/// The preview's height at most: the fields below must fit 1280 x 800.
const PREVIEW_HEIGHT: f32 = 150.0;
/// The width of the names in the left column.
const LABEL_WIDTH: f32 = 96.0;
/// The share of the panel the field names may take at most, when a
/// language's names are longer than [`LABEL_WIDTH`] (Czech "Datum
/// zobrazeného děje").
const LABEL_SHARE: f32 = 0.5;

/// The width the longest of these names needs, within the bounds above,
/// so that a language's long field names are read whole.
fn label_width(ui: &egui::Ui, names: impl IntoIterator<Item = String>) -> f32 {
    let widest = names
        .into_iter()
        .map(|name| {
            egui::WidgetText::from(name)
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    // A little room so that the name never touches its field.
    (widest + 4.0).clamp(
        LABEL_WIDTH,
        (ui.available_width() * LABEL_SHARE).max(LABEL_WIDTH),
    )
}

struct Buffer {
    text: String,
    /// What the photos hold (empty when mixed).
    original: String,
    mixed: bool,
}

#[derive(Default)]
pub struct InspectorState {
    /// The photos the buffers were loaded from: edits go to them even if the
    /// selection has moved on meanwhile.
    photos: Vec<PhotoId>,
    buffers: BTreeMap<&'static str, Buffer>,
    keyword_input: String,
    /// The suggestion chosen with the arrows, if any.
    keyword_choice: Option<usize>,
    wall_labels: Vec<(String, String, String)>,
    /// Waiting for details of a new selection.
    pending: bool,
    /// Enter in the caption moved on: the caption keeps the keyboard, and
    /// what is typed before the next photo's details arrive is kept.
    advancing: bool,
    /// New photos were loaded: the fields' own undo must forget what was
    /// typed for the photos before.
    forget_typing: bool,
    /// The caption's text is selected (Enter moved on to it).
    select_caption: bool,
    /// F2 or Ctrl+K asked for the caption or the keyword field of these
    /// photos: it takes the keyboard once it shows them (their details may
    /// still be on their way).
    wants_keyboard: Option<(Wanted, Vec<PhotoId>)>,
}

/// An inspector field a shortcut puts the keyboard in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Caption,
    Keyword,
}

/// A field's name, for the buffers and the widget ids.
fn key_of(attribute: Attribute) -> &'static str {
    attribute.name()
}

fn field_id(attribute: Attribute) -> egui::Id {
    egui::Id::unique(("inspector-field", attribute.name()))
}

fn text_of(photo: &Photo, attribute: Attribute) -> String {
    super::claims::value_text(&crate::catalog::attribute_value(photo, attribute))
}

impl InspectorState {
    /// Takes in the details of the photos inspected. What is being typed
    /// is never thrown away: when the details are of the same photos (the
    /// catalogue changed and was read again, or the photo Enter moved on to
    /// arrived), a field with unsaved typing keeps it.
    pub fn load(&mut self, details: &Details) {
        self.pending = false;
        let photos: Vec<PhotoId> = details.photos.iter().map(|p| p.id).collect();
        let same = photos == self.photos;
        // Only new photos make the fields' own undo forget: its history
        // belongs to the photos it was typed for.
        self.forget_typing |= !same;
        self.photos = photos;
        let advancing = std::mem::take(&mut self.advancing);
        for attribute in FIELDS {
            let values: Vec<String> = details
                .photos
                .iter()
                .map(|p| text_of(p, *attribute))
                .collect();
            let mixed = values.windows(2).any(|w| w[0] != w[1]);
            let original = if mixed {
                String::new()
            } else {
                values.first().cloned().unwrap_or_default()
            };
            let name = key_of(*attribute);
            let typed = self
                .buffers
                .get(name)
                .filter(|b| same && b.text != b.original)
                .map(|b| b.text.clone());
            if advancing && *attribute == CAPTION && typed.is_none() {
                self.select_caption = true;
            }
            self.buffers.insert(
                name,
                Buffer {
                    text: typed.unwrap_or_else(|| original.clone()),
                    original,
                    mixed,
                },
            );
        }
        let typed_labels: Vec<(String, String)> = self
            .wall_labels
            .iter()
            .filter(|(_, text, original)| same && text != original)
            .map(|(set, text, _)| (set.clone(), text.clone()))
            .collect();
        self.wall_labels = details
            .wall_labels
            .iter()
            .map(|(set, note)| {
                let n = note.clone().unwrap_or_default();
                let text = typed_labels
                    .iter()
                    .find(|(s, _)| s == set)
                    .map_or_else(|| n.clone(), |(_, t)| t.clone());
                (set.clone(), text, n)
            })
            .collect();
    }

    pub fn clear_pending(&mut self) {
        self.pending = true;
    }

    /// Whether the text field with the keyboard is one of the inspector's
    /// and holds nothing unsaved: then Ctrl+Z undoes the catalogue's last
    /// change (the field's own undo would only bring back another photo's
    /// text).
    pub fn is_clean(&self, focused: egui::Id) -> bool {
        FIELDS.iter().any(|a| {
            field_id(*a) == focused
                && self
                    .buffers
                    .get(key_of(*a))
                    .is_some_and(|b| b.text == b.original)
        }) || (focused == keyword_id() && self.keyword_input.is_empty())
    }

    /// Enter in the caption moved on to `photo`: until its details come,
    /// the caption shows its caption as the result knows it, and edits go
    /// to it (never to the photo just left).
    pub fn advance_to(&mut self, photo: PhotoId, caption: String) {
        self.advancing = true;
        self.select_caption = true;
        self.forget_typing = true;
        self.photos = vec![photo];
        self.buffers.insert(
            key_of(CAPTION),
            Buffer {
                text: caption.clone(),
                original: caption,
                mixed: false,
            },
        );
    }

    /// F2: the caption takes the keyboard with its text selected, as when
    /// Tab enters it, so that typing replaces it.
    pub fn write_caption(&mut self, photos: Vec<PhotoId>) {
        self.wants_keyboard = Some((Wanted::Caption, photos));
    }

    /// Ctrl+K: the field that adds a keyword takes the keyboard.
    pub fn add_keyword(&mut self, photos: Vec<PhotoId>) {
        self.wants_keyboard = Some((Wanted::Keyword, photos));
    }

    /// Whether a field a shortcut asked for takes the keyboard now: once
    /// the fields hold the values of the photos it was asked for, not the
    /// last ones'.
    fn takes_keyboard(&self, field: Wanted) -> bool {
        self.wants_keyboard
            .as_ref()
            .is_some_and(|(f, photos)| *f == field && *photos == self.photos && !self.pending)
    }

    /// The field differs between the selected photos and shows "(mixed)".
    pub fn is_mixed(&self, field: &str) -> bool {
        self.buffers.get(field).is_some_and(|b| b.mixed)
    }

    /// The photos the fields edit.
    pub fn photos(&self) -> &[PhotoId] {
        &self.photos
    }

    /// What a field shows now (typed, or as catalogued).
    pub fn text(&self, field: &str) -> Option<&str> {
        self.buffers.get(field).map(|b| b.text.as_str())
    }
}

/// A section heading that folds, remembering whether it is folded.
fn section<R>(
    app: &mut App,
    ui: &mut egui::Ui,
    key: &str,
    title: impl Into<egui::WidgetText>,
    open_by_default: bool,
    body: impl FnOnce(&mut App, &mut egui::Ui) -> R,
) {
    let memory_key = format!("inspector/{key}");
    // The settings remember what differs from the default.
    let open = app.settings.is_collapsed(&memory_key) != open_by_default;
    let response = egui::CollapsingHeader::new(title)
        .id_salt(&memory_key)
        .open(Some(open))
        .show(ui, |ui| body(app, ui));
    if response.header_response.clicked() && !app.settings.collapsed.remove(&memory_key) {
        app.settings.collapsed.insert(memory_key);
    }
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    // The panel is as wide as it was made, whatever it shows: the grid
    // beside it never jumps.
    ui.set_min_width(ui.available_width());
    let Some(details) = app.details.clone().filter(|d| !d.photos.is_empty()) else {
        // Nothing to write in: a field asked for is not wanted later,
        // unless the details of the photos it was asked for are on their
        // way (F2 on a photo chosen before any details have come: under
        // load, what was typed next went to the grid as shortcuts).
        if !app.inspector.pending {
            app.inspector.wants_keyboard = None;
        }
        ui.add_space(12.0);
        ui.label(RichText::new(tr!("inspector-nothing-selected")).weak());
        return;
    };
    let focus = &details.photos[0];
    let many = details.photos.len() > 1;
    let name = focus
        .file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            // Nothing here may widen the panel: long values wrap or are cut.
            ui.set_max_width(ui.available_width());
            ui.add_space(6.0);
            preview(app, ui, focus);
            if many {
                ui.strong(tr!("inspector-many", count = details.photos.len()));
            } else {
                ui.add(egui::Label::new(RichText::new(&name).strong()).truncate());
            }
            curation(ui, &details, actions);
            ui.separator();
            fields(app, ui, actions);
            ui.separator();
            keywords(app, ui, &details, actions);
            ui.separator();
            let claims = details.claims.len();
            let disputed = super::claims::disputed_fields(&details.claims);
            section(
                app,
                ui,
                "claims",
                super::claims::section_title(claims, disputed),
                claims > 0,
                |app, ui| super::claims::section(app, ui, actions),
            );
            if !app.inspector.wall_labels.is_empty() {
                ui.separator();
                wall_labels(app, ui, focus.id, actions);
            }
            ui.separator();
            // With several photos selected, these describe one of them: say which.
            let (file, tags, history_title) = if many {
                (
                    tr!("inspector-file-section-of", of = name.as_str()),
                    tr!(
                        "inspector-tags-section-of",
                        of = name.as_str(),
                        count = details.tags.len()
                    ),
                    tr!(
                        "inspector-history-section-of",
                        of = name.as_str(),
                        count = details.history.len()
                    ),
                )
            } else {
                (
                    tr!("inspector-file-section"),
                    tr!("inspector-tags-section", count = details.tags.len()),
                    tr!("inspector-history-section", count = details.history.len()),
                )
            };
            section(app, ui, "file", file, true, |_, ui| technical(ui, focus));
            section(app, ui, "tags", tags, false, |_, ui| all_tags(ui, &details));
            section(app, ui, "history", history_title, false, |_, ui| {
                history(ui, &details.history)
            });
        });
}

fn preview(app: &mut App, ui: &mut egui::Ui, photo: &Photo) {
    let width = ui.available_width().min(320.0);
    let bucket = super::thumbnails::bucket_for(width * ui.ctx().pixels_per_point());
    match app.thumbnails.get(photo.id, bucket) {
        Some(texture) => {
            let size = texture.size_vec2();
            let scale = (width / size.x).min(PREVIEW_HEIGHT / size.y);
            ui.add(egui::Image::new(&texture).fit_to_exact_size(size * scale));
        }
        None => {
            app.wanted.push(Request {
                key: ThumbKey {
                    photo: photo.id,
                    bucket,
                },
                hash: photo.file.hash.clone(),
            });
            ui.allocate_space(egui::vec2(width, PREVIEW_HEIGHT));
        }
    }
}

fn curation(ui: &mut egui::Ui, details: &Details, actions: &mut Vec<Action>) {
    let photos = &details.photos;
    let common = |f: &dyn Fn(&Photo) -> String| -> Option<String> {
        let first = f(&photos[0]);
        photos.iter().all(|p| f(p) == first).then_some(first)
    };
    let rating = common(&|p| p.curation.rating.to_string()).and_then(|r| r.parse::<u8>().ok());
    // Five stars, as in Lightroom: a click on the nth gives n stars, a
    // click on the rating it has takes the stars away.
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for n in 1..=5u8 {
            let lit = rating.is_some_and(|r| r >= n);
            let star = RichText::new(if lit { "★" } else { "☆" })
                .size(18.0)
                .color(ui.visuals().warn_fg_color);
            let response = ui
                .add(egui::Button::new(star).frame(false))
                .on_hover_text(tr!("inspector-star-hint", count = n));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    rating == Some(n),
                    tr!("inspector-stars", count = n),
                )
            });
            if response.clicked() {
                let value = if rating == Some(n) { 0 } else { n };
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Rating, Value::from(value))],
                    tr!("edit-rating", stars = value),
                ));
            }
        }
        if rating.is_none() {
            ui.label(RichText::new(tr!("inspector-mixed")).weak().small());
        }
    });
    let flag = common(&|p| p.curation.flag.map_or("none", Flag::name).to_owned());
    let label = common(&|p| p.curation.label.map_or("none", Label::name).to_owned());
    ui.horizontal_wrapped(|ui| {
        for (value, symbol, what, key) in [
            ("pick", "⚑ ", tr!("edit-pick"), "P"),
            ("reject", "✖ ", tr!("edit-reject"), "X"),
            ("none", "", tr!("edit-unflag"), "U"),
        ] {
            let on = flag.as_deref() == Some(value);
            let response = ui
                .selectable_label(on, format!("{symbol}{what}"))
                .on_hover_text(tr!("inspector-key-hint", key = key));
            // Named without the symbol, which a screen reader would spell.
            response
                .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, &what));
            if response.clicked() {
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Flag, Value::from(value))],
                    what,
                ));
            }
        }
    });
    // Colour labels on a line of their own, so that the row never wraps
    // half-way.
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for l in Label::ALL {
            let on = label.as_deref() == Some(l.name());
            let dot = RichText::new(if on { "◉" } else { "●" })
                .color(label_colour(l))
                .size(16.0);
            let response = ui
                .selectable_label(on, dot)
                .on_hover_text(tr!("colour-label", label = words::label(l)));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    on,
                    tr!("colour-label", label = words::label(l)),
                )
            });
            if response.clicked() {
                let value = if on {
                    Value::Null
                } else {
                    Value::from(l.name())
                };
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Label, value)],
                    if on {
                        tr!("edit-no-label")
                    } else {
                        tr!("edit-label", label = l.name())
                    },
                ));
            }
        }
    });
}

/// Why a depicted date cannot be used, or `None`.
fn date_problem(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Depicted::parse(text)
        .err()
        .map(|_| tr!("inspector-bad-date", forms = tr!("date-forms")))
}

fn keyword_id() -> egui::Id {
    egui::Id::unique("inspector-keyword")
}

fn fields(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let claims = app
        .details
        .as_ref()
        .map(|d| d.claims.clone())
        .unwrap_or_default();
    let mut open_claims = None;
    let state = &mut app.inspector;
    if std::mem::take(&mut state.forget_typing) {
        for attribute in FIELDS {
            let id = field_id(*attribute);
            if let Some(mut text) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
                text.clear_undoer();
                text.store(ui.ctx(), id);
            }
        }
    }
    let mut advance = false;
    let width = label_width(ui, FIELDS.iter().map(|a| words::attribute(*a)));
    for attribute in FIELDS {
        let wanted = *attribute == CAPTION && state.takes_keyboard(Wanted::Caption);
        let Some(buffer) = state.buffers.get_mut(key_of(*attribute)) else {
            continue;
        };
        let caption = *attribute == CAPTION;
        let invalid = if *attribute == DEPICTED {
            date_problem(&buffer.text)
        } else {
            None
        };
        let mut saved = None;
        ui.horizontal(|ui| {
            let label_response = ui.add_sized(
                [width, 18.0],
                egui::Label::new(words::attribute(*attribute)).truncate(),
            );
            if wanted {
                // Before the field is drawn: a field drawn without the
                // keyboard lets go of its selection.
                state.wants_keyboard = None;
                ui.memory_mut(|m| m.request_focus(field_id(*attribute)));
            }
            if caption && (std::mem::take(&mut state.select_caption) || wanted) {
                // As when Tab enters a field: the caption is selected, so
                // typing replaces it and End or an arrow keeps it.
                let id = field_id(*attribute);
                let mut text =
                    egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
                let end = egui::text::CCursor::new(buffer.text.chars().count());
                text.cursor
                    .set_char_range(Some(egui::text::CCursorRange::two(
                        egui::text::CCursor::new(0),
                        end,
                    )));
                text.store(ui.ctx(), id);
            }
            let hint = if buffer.mixed {
                tr!("inspector-mixed")
            } else {
                String::new()
            };
            let editor = if caption || *attribute == Attribute::Note {
                egui::TextEdit::multiline(&mut buffer.text)
                    .desired_rows(3)
                    // Enter saves; Shift+Enter starts a new line.
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
            } else {
                egui::TextEdit::singleline(&mut buffer.text)
            };
            let mut editor = editor
                .id(field_id(*attribute))
                .hint_text(hint)
                .desired_width(ui.available_width());
            if invalid.is_some() {
                editor = editor.text_color(ui.visuals().error_fg_color);
            }
            let response = ui.add(editor).labelled_by(label_response.id);

            if invalid.is_some() {
                ui.painter().rect_stroke(
                    response.rect.expand(1.0),
                    egui::CornerRadius::same(2),
                    egui::Stroke::new(1.5, ui.visuals().error_fg_color),
                    egui::StrokeKind::Outside,
                );
            }
            let (enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter) && !i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            let caption_enter = caption && response.has_focus() && enter;
            if response.lost_focus() && escape {
                // Esc leaves without saving.
                buffer.text = buffer.original.clone();
            } else if response.lost_focus() || caption_enter {
                let changed =
                    buffer.text != buffer.original && !(buffer.mixed && buffer.text.is_empty());
                if changed && invalid.is_none() && !state.photos.is_empty() {
                    saved = Some(buffer.text.clone());
                    buffer.original = buffer.text.clone();
                    buffer.mixed = false;
                }
                if caption_enter {
                    advance = true;
                }
            }
        });
        if let Some(problem) = &invalid {
            ui.horizontal(|ui| {
                ui.add_space(width + ui.spacing().item_spacing.x);
                ui.add(
                    egui::Label::new(
                        RichText::new(tr!("inspector-problem", problem = problem.as_str()))
                            .small()
                            .color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            });
        }
        if let Some(t) = super::claims::tally(&claims, *attribute) {
            ui.horizontal(|ui| {
                ui.add_space(width + ui.spacing().item_spacing.x);
                let text = RichText::new(super::claims::mark_text(t)).small();
                let text = if t.disputed {
                    text.strong().color(ui.visuals().warn_fg_color)
                } else {
                    text
                };
                let mark = ui
                    .add(egui::Button::new(text).small())
                    .on_hover_text(tr!("inspector-claims-hint"));
                if mark.clicked() {
                    open_claims = Some((*attribute, buffer.text.clone()));
                }
            });
        }
        if let Some(text) = saved {
            actions.push(Action::EditPhotos {
                photos: state.photos.clone(),
                edits: vec![Edit::Set(*attribute, Value::String(text))],
                what: words::attribute(*attribute),
            });
        }
    }
    if advance {
        actions.push(Action::NextCaption);
    }
    if let Some((attribute, text)) = open_claims {
        app.claims.open_field(attribute, &text);
        // The claims section opens, whether folded or not.
        let key = "inspector/claims".to_owned();
        if claims.is_empty() {
            app.settings.collapsed.insert(key);
        } else {
            app.settings.collapsed.remove(&key);
        }
    }
}

fn keywords(app: &mut App, ui: &mut egui::Ui, details: &Details, actions: &mut Vec<Action>) {
    ui.strong(tr!("field-keywords"));
    let photos = &details.photos;
    // Chips: hierarchical paths, then flat keywords not already shown by a path.
    let mut chips: BTreeMap<String, usize> = BTreeMap::new();
    for p in photos {
        let mut mine = p.description.keyword_list();
        mine.sort();
        mine.dedup();
        for k in mine {
            *chips.entry(k).or_default() += 1;
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (keyword, n) in &chips {
            let some = *n < photos.len();
            let text = if some {
                format!("{keyword} ({}) ✕", i18n::number(*n))
            } else {
                format!("{keyword} ✕")
            };
            let chip = egui::Button::new(RichText::new(text).small()).corner_radius(8.0);
            let hint = if some {
                tr!("chip-some-hint")
            } else {
                tr!("chip-hint")
            };
            let response = ui.add(chip).on_hover_text(&hint);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    tr!("chip-remove", keyword = keyword.as_str()),
                )
            });
            super::access::describe(ui.ctx(), response.id, hint);
            if response.clicked() {
                actions.push(Action::EditPhotos {
                    photos: app.inspector.photos.clone(),
                    edits: vec![Edit::RemoveKeyword(keyword.clone())],
                    what: tr!("edit-keyword-removed", keyword = keyword.as_str()),
                });
            }
        }
    });
    // Suggestions from the keyword tree: by name or synonym, accent-blind.
    let typed = app.inspector.keyword_input.trim().to_owned();
    let wanted = fold(&typed);
    let suggestions: Vec<String> = if wanted.is_empty() {
        Vec::new()
    } else {
        app.sidebar
            .keywords
            .iter()
            .filter(|e| {
                fold(&e.name).starts_with(&wanted)
                    || e.synonyms.iter().any(|s| fold(s).starts_with(&wanted))
            })
            .map(|e| e.path.clone())
            .take(8)
            .collect()
    };
    let id = keyword_id();
    let focused = ui.memory(|m| m.has_focus(id));
    // Up and down choose among the suggestions; Enter takes the one chosen,
    // else what was typed (an existing keyword of that name, if there is one).
    if focused && !suggestions.is_empty() {
        let (down, up) = ui.input_mut(|i| {
            (
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        let last = suggestions.len() - 1;
        let chosen = &mut app.inspector.keyword_choice;
        for _ in 0..down {
            *chosen = Some(chosen.map_or(0, |c| (c + 1).min(last)));
        }
        for _ in 0..up {
            *chosen = chosen.and_then(|c| c.checked_sub(1));
        }
    }
    if app
        .inspector
        .keyword_choice
        .is_some_and(|c| c >= suggestions.len())
    {
        app.inspector.keyword_choice = None;
    }
    let before = app.inspector.keyword_input.clone();
    let input = ui.add(
        egui::TextEdit::singleline(&mut app.inspector.keyword_input)
            .id(id)
            .hint_text(tr!("keyword-add-hint"))
            .desired_width(ui.available_width()),
    );
    input
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("keyword-add")));
    if app.inspector.takes_keyboard(Wanted::Keyword) {
        app.inspector.wants_keyboard = None;
        input.request_focus();
    }
    if app.inspector.keyword_input != before {
        app.inspector.keyword_choice = None;
    }
    let mut chosen = None;
    if focused || input.has_focus() || input.lost_focus() {
        for (i, path) in suggestions.iter().enumerate() {
            let on = app.inspector.keyword_choice == Some(i);
            if ui
                .selectable_label(on, RichText::new(path).small())
                .clicked()
            {
                chosen = Some(path.clone());
            }
        }
    }
    let escaped = ui.input(|i| i.key_pressed(Key::Escape));
    if input.lost_focus() && escaped {
        app.inspector.keyword_input.clear();
        app.inspector.keyword_choice = None;
    } else if input.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        // What the field holds now: the last letters may have come in the
        // same frame as Enter, after the suggestions were made.
        let typed = app.inspector.keyword_input.trim().to_owned();
        let wanted = fold(&typed);
        chosen = match app.inspector.keyword_choice {
            Some(i) => Some(suggestions[i].clone()),
            None if typed.is_empty() => None,
            None => Some(
                app.sidebar
                    .keywords
                    .iter()
                    .find(|e| fold(&e.name) == wanted)
                    .map_or(typed, |e| e.path.clone()),
            ),
        };
    }
    if let Some(keyword) = chosen {
        actions.push(Action::EditPhotos {
            photos: app.inspector.photos.clone(),
            edits: vec![Edit::AddKeyword(keyword.clone())],
            what: tr!("edit-keyword", keyword = keyword.as_str()),
        });
        app.inspector.keyword_input.clear();
        app.inspector.keyword_choice = None;
        // Stay in the field for the next keyword.
        input.request_focus();
    }
}

fn wall_labels(app: &mut App, ui: &mut egui::Ui, photo: PhotoId, actions: &mut Vec<Action>) {
    ui.strong(tr!("inspector-in-sets"));
    for (set, text, original) in &mut app.inspector.wall_labels {
        let label = ui.label(RichText::new(tr!("inspector-wall-label", set = set.as_str())).weak());
        let response = ui
            .add(
                egui::TextEdit::multiline(text)
                    .id(egui::Id::unique(("wall-label", set.as_str())))
                    .desired_rows(2)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label.id);
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                text.clone_from(original);
            } else if text != original {
                actions.push(Action::Worker(Command::SetNote {
                    set: set.clone(),
                    photo,
                    note: text.clone(),
                }));
                original.clone_from(text);
            }
        }
    }
}

/// A name and a value that wraps within the panel.
fn line(ui: &mut egui::Ui, width: f32, name: &str, value: &str) {
    ui.horizontal_top(|ui| {
        ui.add_sized(
            [width, 16.0],
            egui::Label::new(RichText::new(name).weak()).truncate(),
        );
        ui.add(egui::Label::new(value).wrap());
    });
}

fn technical(ui: &mut egui::Ui, p: &Photo) {
    let t = &p.technical;
    let width = label_width(
        ui,
        [
            "tech-file",
            "tech-size",
            "tech-camera",
            "tech-lens",
            "tech-taken",
            "tech-digitised",
            "tech-exposure",
            "tech-gps",
            "tech-warning",
        ]
        .map(i18n::t),
    );
    let mut show = |name: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            line(ui, width, name, &v);
        }
    };
    show(&tr!("tech-file"), Some(p.file.path.display().to_string()));
    show(
        &tr!("tech-size"),
        t.width.zip(t.height).map(|(w, h)| {
            tr!(
                "tech-size-value",
                width = w,
                height = h,
                format = p.file.format.to_string(),
                megabytes = i18n::decimal(p.file.size as f64 / 1e6)
            )
        }),
    );
    show(
        &tr!("tech-camera"),
        Some(
            [t.camera_make.as_deref(), t.camera_model.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        ),
    );
    show(&tr!("tech-lens"), t.lens.clone());
    show(
        &tr!("tech-taken"),
        t.taken_at.as_deref().map(i18n::timestamp),
    );
    show(
        &tr!("tech-digitised"),
        t.digitized_at.as_deref().map(i18n::timestamp),
    );
    let exposure = [
        t.exposure_time.map(|e| {
            if e < 1.0 {
                tr!(
                    "tech-shutter-fraction",
                    denominator = format!("{:.0}", 1.0 / e)
                )
            } else {
                tr!("tech-shutter", seconds = e)
            }
        }),
        t.f_number
            .map(|f| tr!("tech-aperture", f = i18n::decimal(f))),
        t.iso.map(|i| tr!("tech-iso", iso = i.to_string())),
        t.focal_length
            .map(|f| tr!("tech-focal-length", mm = f.round())),
    ];
    show(
        &tr!("tech-exposure"),
        Some(
            exposure
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("  "),
        ),
    );
    show(
        &tr!("tech-gps"),
        t.gps.map(|g| {
            let place = format!("{:.6}, {:.6}", g.lat, g.lon);
            match g.alt {
                Some(a) => tr!("tech-gps-altitude", place = place, metres = a.round()),
                None => place,
            }
        }),
    );
    for w in &p.warnings {
        show(&tr!("tech-warning"), Some(crate::ui::errors::warning(w)));
    }
}

/// Every raw tag: the group and name above, the value below at full width,
/// so that long values read as text and never widen the panel.
fn all_tags(ui: &mut egui::Ui, details: &Details) {
    for t in &details.tags {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{} · {}", t.group, t.name))
                    .weak()
                    .small(),
            )
            .truncate(),
        );
        ui.add(egui::Label::new(&t.value).wrap());
        ui.add_space(2.0);
    }
}

fn history(ui: &mut egui::Ui, entries: &[HistoryEntry]) {
    if entries.is_empty() {
        ui.label(RichText::new(tr!("history-none")).weak());
    }
    for h in entries {
        let stamp = i18n::timestamp(h.at.trim_end_matches('Z'));
        // Who made it, where the catalogue had an author then: in a team
        // catalogue the history is everyone's.
        let when = match &h.author {
            Some(who) => tr!("history-by", who = who.as_str(), when = stamp.as_str()),
            None => stamp,
        };
        let when = when.as_str();
        let mut text = RichText::new(if h.undone {
            tr!("history-undone", when = when, what = h.summary.as_str())
        } else {
            tr!("history-entry", when = when, what = h.summary.as_str())
        });
        if h.undone {
            text = text.weak().strikethrough();
        }
        ui.add(egui::Label::new(text).wrap());
        for c in &h.changes {
            ui.horizontal_top(|ui| {
                ui.add_space(12.0);
                ui.add(egui::Label::new(RichText::new(&c.words).small()).wrap());
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{Language, Strings};

    /// The forms the message lists when a date is rejected, in every
    /// language, are forms the catalogue reads.
    #[test]
    fn every_date_form_offered_is_one_the_catalogue_reads() {
        for language in Language::CHOSEN {
            let forms = Strings::of(language).plain("date-forms");
            let examples: Vec<&str> = forms
                .split([',', ';'])
                .filter_map(|f| f.split_whitespace().next())
                .collect();
            assert!(examples.len() >= 9, "{language:?}: {forms}");
            for example in examples {
                assert!(
                    Depicted::parse(example).is_ok(),
                    "{language:?} offers {example:?}, which does not parse"
                );
            }
        }
    }
}
