//! The right panel: everything about the selection. Descriptive fields edit
//! every selected photo at once and say "(mixed)" where they differ; Enter
//! in the caption saves it and moves to the next photo, as in Photo
//! Mechanic. Keywords are chips with autocomplete from the keyword tree.

use std::collections::BTreeMap;

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde_json::Value;

use super::grid::label_color;
use super::thumbnails::{Key as ThumbKey, Request};
use super::worker::Command;
use super::{Action, App, Details};
use crate::catalog::Edit;
use crate::photo::{Attribute, Field, Flag, Label, Photo, PhotoId};
use crate::text::fold;

/// The editable fields, in the order archivists fill them in.
const FIELDS: &[(Attribute, &str)] = &[
    (Attribute::Field(Field::Title), "Title"),
    (Attribute::Field(Field::Headline), "Headline"),
    (Attribute::Field(Field::Caption), "Caption"),
    (Attribute::Field(Field::Creators), "Creators"),
    (Attribute::Field(Field::Credit), "Credit"),
    (Attribute::Field(Field::Copyright), "Copyright"),
    (Attribute::Field(Field::Source), "Source"),
    (Attribute::Field(Field::DateCreated), "Date depicted"),
    (Attribute::Field(Field::Event), "Event"),
    (Attribute::Field(Field::People), "People"),
    (Attribute::Field(Field::Sublocation), "Sublocation"),
    (Attribute::Field(Field::City), "City"),
    (Attribute::Field(Field::State), "State/province"),
    (Attribute::Field(Field::Country), "Country"),
    (Attribute::Field(Field::CountryCode), "Country code"),
    (Attribute::Field(Field::JobId), "Job id"),
    (Attribute::Field(Field::Instructions), "Instructions"),
    (Attribute::Note, "Catalogue note"),
];

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
    wall_labels: Vec<(String, String, String)>,
    /// Waiting for details of a new selection.
    pending: bool,
}

fn text_of(photo: &Photo, attribute: Attribute) -> String {
    match crate::catalog::attribute_value(photo, attribute) {
        Value::String(s) => s,
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

impl InspectorState {
    pub fn load(&mut self, details: &Details) {
        self.pending = false;
        self.photos = details.photos.iter().map(|p| p.id).collect();
        self.buffers.clear();
        for (attribute, _) in FIELDS {
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
            self.buffers.insert(
                attribute.name(),
                Buffer {
                    text: original.clone(),
                    original,
                    mixed,
                },
            );
        }
        self.wall_labels = details
            .wall_labels
            .iter()
            .map(|(set, note)| {
                let n = note.clone().unwrap_or_default();
                (set.clone(), n.clone(), n)
            })
            .collect();
    }

    pub fn clear_pending(&mut self) {
        self.pending = true;
    }

    /// The field differs between the selected photos and shows "(mixed)".
    pub fn is_mixed(&self, field: &str) -> bool {
        self.buffers.get(field).is_some_and(|b| b.mixed)
    }
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let Some(details) = app.details.clone() else {
        ui.add_space(12.0);
        ui.label(RichText::new("Select a photo to see and edit its description.").weak());
        return;
    };
    if details.photos.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("Select a photo to see and edit its description.").weak());
        return;
    }
    let focus = &details.photos[0];
    let count = details.photos.len();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(6.0);
            preview(app, ui, focus);
            if count > 1 {
                ui.strong(format!("{count} photos selected; edits change all of them"));
            } else {
                ui.strong(
                    focus
                        .file
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
            curation(app, ui, &details, actions);
            ui.separator();
            fields(app, ui, actions);
            ui.separator();
            keywords(app, ui, &details, actions);
            if !app.inspector.wall_labels.is_empty() {
                ui.separator();
                wall_labels(app, ui, focus.id, actions);
            }
            ui.separator();
            technical(ui, focus);
            egui::CollapsingHeader::new(format!("All tags ({})", details.tags.len()))
                .default_open(false)
                .show(ui, |ui| {
                    egui::Grid::new("tags")
                        .striped(true)
                        .num_columns(3)
                        .show(ui, |ui| {
                            for t in &details.tags {
                                ui.label(RichText::new(&t.group).weak());
                                ui.label(&t.name);
                                ui.add(egui::Label::new(&t.value).wrap());
                                ui.end_row();
                            }
                        });
                });
            egui::CollapsingHeader::new(format!("History ({})", details.history.len()))
                .default_open(false)
                .show(ui, |ui| {
                    for h in &details.history {
                        ui.label(format!(
                            "{} {}: {} → {}{}",
                            h.at.replace('T', " ").trim_end_matches('Z'),
                            h.field,
                            short(&h.old),
                            short(&h.new),
                            if h.undone { " (undone)" } else { "" }
                        ));
                    }
                });
        });
}

fn short(v: &Value) -> String {
    let text = match v {
        Value::Null => "—".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

fn preview(app: &mut App, ui: &mut egui::Ui, photo: &Photo) {
    let width = ui.available_width().min(320.0);
    let bucket = super::thumbnails::bucket_for(width * ui.ctx().pixels_per_point());
    match app.thumbnails.get(photo.id, bucket) {
        Some(texture) => {
            let size = texture.size_vec2();
            let scale = (width / size.x).min(240.0 / size.y);
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
            ui.allocate_space(egui::vec2(width, 120.0));
        }
    }
}

fn curation(app: &App, ui: &mut egui::Ui, details: &Details, actions: &mut Vec<Action>) {
    let photos = &details.photos;
    let common = |f: &dyn Fn(&Photo) -> String| -> Option<String> {
        let first = f(&photos[0]);
        photos.iter().all(|p| f(p) == first).then_some(first)
    };
    let rating = common(&|p| p.curation.rating.to_string()).and_then(|r| r.parse::<u8>().ok());
    ui.horizontal_wrapped(|ui| {
        for n in 0..=5u8 {
            let text = if n == 0 {
                "☆".to_owned()
            } else {
                "★".repeat(n as usize)
            };
            let on = rating == Some(n);
            if ui
                .selectable_label(on, text)
                .on_hover_text(format!("Rating {n} (key {n})"))
                .clicked()
            {
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Rating, Value::from(n))],
                    format!("Rating {n}"),
                ));
            }
        }
    });
    let flag = common(&|p| p.curation.flag.map_or("none", Flag::name).to_owned());
    let label = common(&|p| p.curation.label.map_or("none", Label::name).to_owned());
    ui.horizontal_wrapped(|ui| {
        for (value, text, key) in [
            ("pick", "⚑ Pick", "P"),
            ("reject", "✖ Reject", "X"),
            ("none", "Unflag", "U"),
        ] {
            if ui
                .selectable_label(flag.as_deref() == Some(value), text)
                .on_hover_text(format!("key {key}"))
                .clicked()
            {
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Flag, Value::from(value))],
                    text.to_owned(),
                ));
            }
        }
        ui.separator();
        for l in Label::ALL {
            let on = label.as_deref() == Some(l.name());
            let dot = RichText::new(if on { "◉" } else { "●" })
                .color(label_color(l))
                .size(16.0);
            if ui
                .selectable_label(on, dot)
                .on_hover_text(l.name())
                .clicked()
            {
                let value = if on { "none" } else { l.name() };
                actions.push(Action::Edit(
                    vec![Edit::Set(Attribute::Label, Value::from(value))],
                    format!("Label {value}"),
                ));
            }
        }
    });
    let _ = app;
}

fn fields(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let state = &mut app.inspector;
    let mut next = false;
    let label_width = 96.0;
    for (attribute, label) in FIELDS {
        let Some(buffer) = state.buffers.get_mut(attribute.name()) else {
            continue;
        };
        ui.horizontal(|ui| {
            let label_response =
                ui.add_sized([label_width, 18.0], egui::Label::new(*label).truncate());
            let hint = if buffer.mixed { "(mixed)" } else { "" };
            let caption = *attribute == Attribute::Field(Field::Caption);
            let editor = if caption || *attribute == Attribute::Note {
                egui::TextEdit::multiline(&mut buffer.text)
                    .desired_rows(3)
                    // Enter saves; Shift+Enter starts a new line.
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
            } else {
                egui::TextEdit::singleline(&mut buffer.text)
            };
            let response = ui
                .add(editor.hint_text(hint).desired_width(ui.available_width()))
                .labelled_by(label_response.id);
            let enter = ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
            if response.lost_focus() || (response.has_focus() && enter && caption) {
                let changed =
                    buffer.text != buffer.original && !(buffer.mixed && buffer.text.is_empty());
                if changed && !state.photos.is_empty() {
                    actions.push(Action::EditPhotos {
                        photos: state.photos.clone(),
                        edits: vec![Edit::Set(*attribute, Value::String(buffer.text.clone()))],
                        what: (*label).to_owned(),
                    });
                    buffer.original = buffer.text.clone();
                    buffer.mixed = false;
                }
                if enter && caption {
                    response.surrender_focus();
                    next = true;
                }
            }
        });
    }
    if next {
        actions.push(Action::Step(1));
    }
}

fn keywords(app: &mut App, ui: &mut egui::Ui, details: &Details, actions: &mut Vec<Action>) {
    ui.strong("Keywords");
    let photos = &details.photos;
    // Chips: hierarchical paths, then flat keywords not already shown by a path.
    let mut chips: BTreeMap<String, usize> = BTreeMap::new();
    for p in photos {
        let d = &p.description;
        let leaves: Vec<&str> = d
            .hierarchical_keywords
            .iter()
            .map(|h| h.rsplit('|').next().unwrap_or(h))
            .collect();
        let mut mine: Vec<String> = d.hierarchical_keywords.clone();
        mine.extend(
            d.keywords
                .iter()
                .filter(|k| !leaves.contains(&k.as_str()))
                .cloned(),
        );
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
                format!("{keyword} ({n}) ✕")
            } else {
                format!("{keyword} ✕")
            };
            let chip = egui::Button::new(RichText::new(text).small()).corner_radius(8.0);
            if ui
                .add(chip)
                .on_hover_text(if some {
                    "On some of the selected photos. Click to remove."
                } else {
                    "Click to remove"
                })
                .clicked()
            {
                actions.push(Action::EditPhotos {
                    photos: app.inspector.photos.clone(),
                    edits: vec![Edit::RemoveKeyword(keyword.clone())],
                    what: format!("Remove keyword {keyword}"),
                });
            }
        }
    });
    let input = ui.add(
        egui::TextEdit::singleline(&mut app.inspector.keyword_input)
            .hint_text("Add keyword (Enter)")
            .desired_width(ui.available_width()),
    );
    input.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Add keyword"));
    let typed = app.inspector.keyword_input.trim().to_owned();
    let mut chosen = None;
    if !typed.is_empty() {
        let wanted = fold(&typed);
        let matches: Vec<&str> = app
            .sidebar
            .keywords
            .iter()
            .filter(|e| {
                fold(&e.name).starts_with(&wanted)
                    || e.synonyms.iter().any(|s| fold(s).starts_with(&wanted))
            })
            .map(|e| e.path.as_str())
            .take(8)
            .collect();
        if input.has_focus() || input.lost_focus() {
            for m in &matches {
                if ui
                    .selectable_label(false, RichText::new(*m).small())
                    .clicked()
                {
                    chosen = Some((*m).to_owned());
                }
            }
        }
        if input.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            // Enter takes the first suggestion that is exactly the word typed,
            // else the text as typed.
            chosen = Some(
                matches
                    .iter()
                    .find(|m| fold(m.rsplit('|').next().unwrap_or(m)) == wanted)
                    .map_or(typed.clone(), |m| (*m).to_owned()),
            );
        }
    }
    if let Some(keyword) = chosen {
        actions.push(Action::EditPhotos {
            photos: app.inspector.photos.clone(),
            edits: vec![Edit::AddKeyword(keyword.clone())],
            what: format!("Keyword {keyword}"),
        });
        app.inspector.keyword_input.clear();
    }
}

fn wall_labels(app: &mut App, ui: &mut egui::Ui, photo: PhotoId, actions: &mut Vec<Action>) {
    ui.strong("In exhibition sets");
    for (set, text, original) in &mut app.inspector.wall_labels {
        ui.label(RichText::new(format!("Wall label in \"{set}\"")).weak());
        let response = ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(2)
                .desired_width(ui.available_width()),
        );
        if response.lost_focus() && text != original {
            actions.push(Action::Worker(Command::SetNote {
                set: set.clone(),
                photo,
                note: text.clone(),
            }));
            original.clone_from(text);
        }
    }
}

fn technical(ui: &mut egui::Ui, p: &Photo) {
    let t = &p.technical;
    {
        let mut line = |name: &str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(name).weak());
                    ui.add(egui::Label::new(v).wrap());
                });
            }
        };
        line("File", Some(p.file.path.display().to_string()));
        line(
            "Size",
            t.width.zip(t.height).map(|(w, h)| {
                format!(
                    "{w} × {h} {}, {:.1} MB",
                    p.file.format,
                    p.file.size as f64 / 1e6
                )
            }),
        );
        line(
            "Camera",
            Some(
                [t.camera_make.as_deref(), t.camera_model.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        );
        line("Lens", t.lens.clone());
        line("Taken", t.taken_at.as_ref().map(|d| d.replace('T', " ")));
        line(
            "Digitised",
            t.digitized_at.as_ref().map(|d| d.replace('T', " ")),
        );
        let exposure = [
            t.exposure_time.map(|e| {
                if e < 1.0 {
                    format!("1/{:.0} s", 1.0 / e)
                } else {
                    format!("{e} s")
                }
            }),
            t.f_number.map(|f| format!("f/{f:.1}")),
            t.iso.map(|i| format!("ISO {i}")),
            t.focal_length.map(|f| format!("{f:.0} mm")),
        ];
        line(
            "Exposure",
            Some(
                exposure
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("  "),
            ),
        );
        line(
            "GPS",
            t.gps.map(|g| {
                format!(
                    "{:.6}, {:.6}{}",
                    g.lat,
                    g.lon,
                    g.alt.map_or(String::new(), |a| format!(", {a:.0} m"))
                )
            }),
        );
        for w in &p.warnings {
            line("Warning", Some(w.clone()));
        }
    }
}
