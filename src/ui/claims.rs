//! Claims and sources in the window: the inspector's marks on fields that
//! hold several sourced versions, its claims section (every claim of the
//! photo with its source, locator, certainty and note; prefer, edit, remove;
//! a form that adds a claim to every selected photo, with a source picker
//! that searches as one types and can create the source on the spot), the
//! sidebar's Sources section and the form that edits a source.
//!
//! Everything here is buttons and text fields, so Tab reaches every part
//! and Enter or Space works it: no claim needs the mouse.

use egui::RichText;
use serde_json::Value;

use super::dialogs::FileRequest;
use super::worker::{ClaimRequest, Command};
use super::{Action, App};
use crate::catalog::{Attribution, CLAIMABLE, Certainty, Claim, Source, SourceKind, disagree};
use crate::photo::{Attribute, Field};
use crate::text::fold;
use crate::tr;
use crate::ui::i18n;
use crate::ui::words;

/// Sources the picker offers at most while one types.
const PICKER_ROWS: usize = 8;
/// Sources the sidebar lists before "more…".
const SIDEBAR_SOURCES: usize = 12;

/// What a field's claims amount to, for its mark in the inspector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub claims: usize,
    pub disputed: bool,
}

/// How many claims a field has on the focused photo, and whether they
/// disagree.
pub fn tally(claims: &[Claim], attribute: Attribute) -> Option<Tally> {
    let values: Vec<&Value> = claims
        .iter()
        .filter(|c| c.field == attribute.name())
        .map(|c| &c.value)
        .collect();
    (!values.is_empty()).then(|| Tally {
        claims: values.len(),
        disputed: disagree(attribute, &values),
    })
}

/// The words of a field's mark: a symbol and words, so that a disputed
/// field stands out without colour too.
pub fn mark_text(t: Tally) -> String {
    if t.disputed {
        tr!("claims-disagree", count = t.claims)
    } else {
        tr!("claims-count", count = t.claims)
    }
}

/// How many fields of the focused photo are disputed.
pub fn disputed_fields(claims: &[Claim]) -> usize {
    CLAIMABLE
        .iter()
        .filter(|a| tally(claims, **a).is_some_and(|t| t.disputed))
        .count()
}

/// The claims section's heading: how many, and how many fields disagree.
pub fn section_title(claims: usize, disputed: usize) -> String {
    match (claims, disputed) {
        (0, _) => tr!("claims-section"),
        (n, 0) => tr!("claims-section-count", count = n),
        (n, d) => tr!("claims-section-disputed", count = n, disputed = d),
    }
}

/// The form that adds a claim (or changes one's attribution).
#[derive(Debug, Clone)]
pub struct ClaimForm {
    pub field: Attribute,
    pub value: String,
    /// What is typed in the source picker.
    pub source_query: String,
    /// The source chosen: id and citation.
    pub source: Option<(i64, String)>,
    pub locator: String,
    pub certainty: Option<Certainty>,
    pub note: String,
    pub prefer: bool,
    /// Changing this claim's source, locator, certainty and note.
    pub editing: Option<i64>,
}

impl Default for ClaimForm {
    fn default() -> Self {
        Self {
            field: Attribute::Field(Field::Caption),
            value: String::new(),
            source_query: String::new(),
            source: None,
            locator: String::new(),
            certainty: None,
            note: String::new(),
            prefer: false,
            editing: None,
        }
    }
}

/// A source being edited in its form: each field's text.
#[derive(Debug, Clone)]
pub struct SourceForm {
    pub id: i64,
    pub fields: Vec<(&'static str, &'static str, String)>,
    pub kind: SourceKind,
    /// The source its claims would move to, for merging.
    pub merge_into: Option<i64>,
}

impl SourceForm {
    fn of(source: &Source) -> Self {
        let r = &source.record;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            id: source.id,
            fields: vec![
                ("citation", "source-citation", r.citation.clone()),
                ("author", "source-authors", r.authors.join("; ")),
                ("title", "source-title", text(&r.title)),
                ("publisher", "source-publisher", text(&r.publisher)),
                ("date", "source-date", text(&r.date)),
                ("url", "source-url", text(&r.url)),
                ("reference", "source-reference", text(&r.reference)),
                ("note", "source-note", text(&r.note)),
            ],
            kind: r.kind,
            merge_into: None,
        }
    }
}

#[derive(Debug, Default)]
pub struct ClaimsState {
    pub form: ClaimForm,
    /// Only this field's claims are listed (its mark was clicked).
    pub only: Option<Attribute>,
    /// The claims section was asked to open and take the keyboard.
    pub reveal: bool,
    pub source_form: Option<SourceForm>,
    /// The sidebar lists every source, not the first few.
    pub all_sources: bool,
}

impl ClaimsState {
    /// A field's mark was clicked: list its claims and offer to add one.
    pub fn open_field(&mut self, attribute: Attribute, current: &str) {
        self.only = Some(attribute);
        self.reveal = true;
        if self.form.field != attribute || self.form.value.is_empty() {
            self.form = ClaimForm {
                field: attribute,
                value: current.to_owned(),
                ..self.form.clone()
            };
            self.form.editing = None;
        }
    }
}

/// The id of the claim form's value field (it takes the keyboard when a
/// field's mark is clicked).
pub fn value_id() -> egui::Id {
    egui::Id::unique("claim-form-value")
}

/// A field's value as its text field shows it: lists joined with `; `.
pub(super) fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The line under a claim's value: source, locator, certainty, note.
pub fn attribution_line(c: &Claim) -> String {
    let mut parts = Vec::new();
    match &c.source {
        Some(s) => parts.push(format!("[{}] {}", s.id, s.record.citation)),
        None => parts.push(tr!("claim-no-source")),
    }
    if let Some(l) = &c.locator {
        parts.push(l.clone());
    }
    if let Some(k) = c.certainty {
        parts.push(words::certainty(k));
    }
    if let Some(n) = &c.note {
        parts.push(tr!("claim-note", note = n.as_str()));
    }
    if c.kept_from.is_some() {
        parts.push(tr!("claim-kept-from-team"));
    }
    parts.join(" · ")
}

/// Sources whose citation, title or authors hold every typed word,
/// accent-blind.
pub fn matching_sources<'a>(sources: &'a [Source], typed: &str) -> Vec<&'a Source> {
    let words: Vec<String> = fold(typed).split_whitespace().map(str::to_owned).collect();
    sources
        .iter()
        .filter(|s| {
            let text = fold(&format!(
                "{} {} {} {}",
                s.id,
                s.record.citation,
                s.record.title.as_deref().unwrap_or(""),
                s.record.authors.join(" ")
            ));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// The inspector's claims section: the focused photo's claims, then the
/// form.
pub fn section(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let Some(details) = app.details.clone() else {
        return;
    };
    let photos = app.inspector.photos().to_vec();
    if photos.is_empty() {
        return;
    }
    let many = photos.len() > 1;
    let only = app.claims.only;
    if let Some(field) = only {
        ui.horizontal(|ui| {
            ui.label(tr!("claims-on", field = words::attribute(field)));
            if ui.small_button(tr!("claims-every-field")).clicked() {
                app.claims.only = None;
            }
        });
    }
    let mut listed = 0;
    for attribute in CLAIMABLE {
        if only.is_some_and(|o| o != *attribute) {
            continue;
        }
        let claims: Vec<&Claim> = details
            .claims
            .iter()
            .filter(|c| c.field == attribute.name())
            .collect();
        if claims.is_empty() {
            continue;
        }
        listed += claims.len();
        let t = tally(&details.claims, *attribute).unwrap_or(Tally {
            claims: 0,
            disputed: false,
        });
        let heading = tr!(
            "claims-heading",
            field = words::attribute(*attribute),
            mark = mark_text(t)
        );
        if t.disputed {
            ui.label(
                RichText::new(heading)
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        } else {
            ui.label(RichText::new(heading).strong());
        }
        for c in claims {
            claim_row(app, ui, c, actions);
        }
        ui.add_space(4.0);
    }
    if listed == 0 {
        let text = match only {
            Some(f) => tr!("claims-none-on", field = words::attribute(f)),
            None => tr!("claims-none"),
        };
        ui.label(RichText::new(text).weak());
    }
    if many {
        ui.label(RichText::new(tr!("claims-first-photo")).weak());
    }
    ui.separator();
    form(app, ui, &photos, actions);
}

fn claim_row(app: &mut App, ui: &mut egui::Ui, c: &Claim, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let star = if c.preferred { "★" } else { "☆" };
        let value = format!("{star} {}", value_text(&c.value));
        let text = if c.preferred {
            RichText::new(value).strong()
        } else {
            RichText::new(value)
        };
        ui.add(egui::Label::new(text).wrap())
            .on_hover_text(if c.preferred {
                tr!("claim-preferred-hint")
            } else {
                tr!("claim-other-hint")
            });
    });
    ui.horizontal_wrapped(|ui| {
        ui.add_space(14.0);
        ui.label(RichText::new(attribution_line(c)).small().weak());
    });
    ui.horizontal(|ui| {
        ui.add_space(14.0);
        if !c.preferred
            && ui
                .small_button(tr!("claim-prefer"))
                .on_hover_text(tr!("claim-prefer-hint"))
                .clicked()
        {
            actions.push(Action::Worker(Command::PreferClaim(c.id)));
        }
        if ui
            .small_button(tr!("claim-edit"))
            .on_hover_text(tr!("claim-edit-hint"))
            .clicked()
        {
            app.claims.form = ClaimForm {
                field: crate::catalog::claimable(&c.field).unwrap_or(app.claims.form.field),
                value: value_text(&c.value),
                source_query: String::new(),
                source: c.source.as_ref().map(|s| (s.id, s.record.citation.clone())),
                locator: c.locator.clone().unwrap_or_default(),
                certainty: c.certainty,
                note: c.note.clone().unwrap_or_default(),
                prefer: c.preferred,
                editing: Some(c.id),
            };
        }
        if ui
            .small_button(tr!("claim-remove"))
            .on_hover_text(tr!("claim-remove-hint"))
            .clicked()
        {
            actions.push(Action::Worker(Command::RemoveClaim(c.id)));
        }
    });
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

fn form(app: &mut App, ui: &mut egui::Ui, photos: &[super::PhotoId], actions: &mut Vec<Action>) {
    let sources = app.sidebar.sources.clone();
    let reveal = std::mem::take(&mut app.claims.reveal);
    let form = &mut app.claims.form;
    let editing = form.editing;
    ui.strong(match editing {
        Some(_) => tr!("claim-form-change"),
        None if photos.len() > 1 => tr!("claim-form-add-many", count = photos.len()),
        None => tr!("claim-form-add"),
    });
    egui::Grid::new("claim-form")
        .num_columns(2)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr!("claim-form-field"));
            ui.add_enabled_ui(editing.is_none(), |ui| {
                egui::ComboBox::from_id_salt("claim-field")
                    .selected_text(words::attribute(form.field))
                    .show_ui(ui, |ui| {
                        for a in CLAIMABLE {
                            ui.selectable_value(&mut form.field, *a, words::attribute(*a));
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            tr!("claim-form-field-name"),
                        )
                    });
            });
            ui.end_row();

            let value_label = ui.label(tr!("claim-form-value"));
            let value = ui.add_enabled(
                editing.is_none(),
                egui::TextEdit::singleline(&mut form.value)
                    .id(value_id())
                    .desired_width(ui.available_width()),
            );
            let value = value.labelled_by(value_label.id);
            if reveal {
                value.request_focus();
                value.scroll_to_me(Some(egui::Align::Center));
            }
            ui.end_row();

            let source_label = ui.label(tr!("claim-form-source"));
            ui.vertical(|ui| {
                if let Some((id, citation)) = form.source.clone() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("[{id}] {citation}")).strong());
                        if ui
                            .small_button(tr!("claim-form-no-source"))
                            .on_hover_text(tr!("claim-form-no-source-hint"))
                            .clicked()
                        {
                            form.source = None;
                        }
                    });
                }
                let picker = ui.add(
                    egui::TextEdit::singleline(&mut form.source_query)
                        .id(egui::Id::unique("claim-source-picker"))
                        .hint_text(tr!("claim-form-source-hint"))
                        .desired_width(ui.available_width()),
                );
                picker.labelled_by(source_label.id);
                let typed = form.source_query.trim().to_owned();
                if !typed.is_empty() {
                    let found = matching_sources(&sources, &typed);
                    for s in found.iter().take(PICKER_ROWS) {
                        let text = format!("[{}] {}", s.id, s.record.citation);
                        if ui.selectable_label(false, text).clicked() {
                            form.source = Some((s.id, s.record.citation.clone()));
                            form.source_query.clear();
                        }
                    }
                    if found.len() > PICKER_ROWS {
                        ui.label(
                            RichText::new(tr!(
                                "claim-form-more-sources",
                                count = found.len() - PICKER_ROWS
                            ))
                            .weak(),
                        );
                    }
                    let exact = found
                        .iter()
                        .any(|s| fold(&s.record.citation) == fold(&typed));
                    if !exact
                        && ui
                            .button(tr!("claim-form-new-source", citation = typed.as_str()))
                            .on_hover_text(tr!("claim-form-new-source-hint"))
                            .clicked()
                    {
                        form.source = Some((0, typed.clone()));
                        form.source_query.clear();
                    }
                }
            });
            ui.end_row();

            let locator_label = ui.label(tr!("claim-form-locator"));
            ui.add(
                egui::TextEdit::singleline(&mut form.locator)
                    .hint_text(tr!("claim-form-locator-hint"))
                    .desired_width(ui.available_width()),
            )
            .labelled_by(locator_label.id);
            ui.end_row();

            ui.label(tr!("claim-form-certainty"));
            egui::ComboBox::from_id_salt("claim-certainty")
                .selected_text(
                    form.certainty
                        .map_or_else(|| tr!("claim-form-not-said"), words::certainty),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.certainty, None, tr!("claim-form-not-said"));
                    for k in Certainty::ALL {
                        ui.selectable_value(&mut form.certainty, Some(k), words::certainty(k));
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        tr!("claim-form-certainty"),
                    )
                });
            ui.end_row();

            let note_label = ui.label(tr!("claim-form-note"));
            ui.add(egui::TextEdit::singleline(&mut form.note).desired_width(ui.available_width()))
                .labelled_by(note_label.id);
            ui.end_row();
        });
    if editing.is_none() {
        ui.checkbox(&mut form.prefer, tr!("claim-form-prefer"));
    }
    ui.horizontal(|ui| {
        let ready = editing.is_some() || !form.value.trim().is_empty();
        let label = if editing.is_some() {
            tr!("claim-form-save")
        } else {
            tr!("claim-form-submit")
        };
        if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
            let (source, new_source) = match &form.source {
                Some((0, citation)) => (None, Some(citation.clone())),
                Some((id, _)) => (Some(*id), None),
                None => (None, None),
            };
            match editing {
                Some(claim) => actions.push(Action::Worker(Command::EditClaim {
                    claim,
                    attribution: Attribution {
                        source,
                        locator: optional(&form.locator),
                        certainty: form.certainty,
                        note: optional(&form.note),
                    },
                    new_source,
                })),
                None => actions.push(Action::Worker(Command::AddClaim(Box::new(ClaimRequest {
                    photos: photos.to_vec(),
                    field: form.field.name().to_owned(),
                    value: form.value.clone(),
                    source,
                    new_source,
                    locator: optional(&form.locator),
                    certainty: form.certainty,
                    note: optional(&form.note),
                    prefer: form.prefer,
                })))),
            }
            // The source and locator stay for the next claim (a whole
            // folder often cites one source); the value does not.
            form.value.clear();
            form.editing = None;
            form.note.clear();
            if matches!(form.source, Some((0, _))) {
                form.source = None;
            }
        }
        if editing.is_some() && ui.button(tr!("dialog-cancel")).clicked() {
            form.editing = None;
            form.value.clear();
        }
    });
}

/// The sidebar's Sources section.
pub fn sidebar(
    app: &mut App,
    ui: &mut egui::Ui,
    query: &str,
    max_height: f32,
    actions: &mut Vec<Action>,
) {
    // Taken for the frame, so that the rows may change the app's state.
    let sources = std::mem::take(&mut app.sidebar.sources);
    if sources.is_empty() {
        ui.label(RichText::new(tr!("sources-none")).weak());
    }
    let shown = if app.claims.all_sources {
        sources.len()
    } else {
        SIDEBAR_SOURCES.min(sources.len())
    };
    // Only the rows in sight are laid out: an archive may cite thousands.
    egui::ScrollArea::vertical()
        .id_salt("sources")
        .max_height(max_height.max(120.0))
        .auto_shrink([false, true])
        .show_rows(ui, super::sidebar::ROW_HEIGHT, shown, |ui, range| {
            for s in &sources[range] {
                source_row(app, ui, query, s, actions);
            }
        });
    if sources.len() > SIDEBAR_SOURCES {
        let label = if app.claims.all_sources {
            tr!("facet-fewer")
        } else {
            tr!("facet-more", count = sources.len() - SIDEBAR_SOURCES)
        };
        if ui.small_button(label).clicked() {
            app.claims.all_sources = !app.claims.all_sources;
        }
    }
    if ui
        .small_button(tr!("sources-import"))
        .on_hover_text(tr!("sources-import-hint"))
        .clicked()
    {
        actions.push(Action::AskFile(FileRequest::OpenCsl));
    } // Unless new ones arrived meanwhile (they replace the list whole).
    if app.sidebar.sources.is_empty() {
        app.sidebar.sources = sources;
    }
}

fn source_row(
    app: &mut App,
    ui: &mut egui::Ui,
    query: &str,
    s: &Source,
    actions: &mut Vec<Action>,
) {
    let filter = format!("cites:{}", s.id);
    let response = ui
        .selectable_label(
            query == filter,
            super::sidebar::counted(&s.record.citation, s.photos, ui.visuals().weak_text_color()),
        )
        .on_hover_text(tr!(
            "source-hint",
            title = s.record.title.as_deref().unwrap_or(&s.record.citation),
            count = s.photos
        ));
    if response.clicked() {
        actions.push(Action::Search(filter, None));
    }
    response.context_menu(|ui| {
        if ui.button(tr!("source-edit")).clicked() {
            app.claims.source_form = Some(SourceForm::of(s));
            ui.close();
        }
        if ui.button(tr!("source-show-photos")).clicked() {
            actions.push(Action::Search(format!("cites:{}", s.id), None));
            ui.close();
        }
    });
}

/// The form that edits (or merges) a source, while one is open.
pub fn source_window(app: &mut App, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(form) = app.claims.source_form.as_mut() else {
        return;
    };
    let others: Vec<(i64, String)> = app
        .sidebar
        .sources
        .iter()
        .filter(|s| s.id != form.id)
        .map(|s| (s.id, s.record.citation.clone()))
        .collect();
    let original = app
        .sidebar
        .sources
        .iter()
        .find(|s| s.id == form.id)
        .cloned();
    let mut close = false;
    egui::Window::new(tr!("source-window", id = form.id.to_string()))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            egui::Grid::new("source-form")
                .num_columns(2)
                .spacing([6.0, 4.0])
                .show(ui, |ui| {
                    for (_, label, text) in form.fields.iter_mut() {
                        let l = ui.label(i18n::t(label));
                        ui.add(egui::TextEdit::singleline(text).desired_width(320.0))
                            .labelled_by(l.id);
                        ui.end_row();
                    }
                    ui.label(tr!("source-kind"));
                    egui::ComboBox::from_id_salt("source-kind")
                        .selected_text(words::source_kind(form.kind))
                        .show_ui(ui, |ui| {
                            for k in SourceKind::ALL {
                                ui.selectable_value(&mut form.kind, k, words::source_kind(k));
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::ComboBox,
                                true,
                                tr!("source-kind-name"),
                            )
                        });
                    ui.end_row();
                });
            ui.horizontal(|ui| {
                if ui.button(tr!("source-save")).clicked() {
                    let mut changes: Vec<(String, String)> = form
                        .fields
                        .iter()
                        .map(|(name, _, text)| ((*name).to_owned(), text.clone()))
                        .collect();
                    changes.push(("kind".into(), form.kind.name().into()));
                    actions.push(Action::Worker(Command::EditSource {
                        id: form.id,
                        changes,
                    }));
                    close = true;
                }
                if ui.button(tr!("dialog-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    close = true;
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(tr!("merge-keyword-field"));
                let chosen = form
                    .merge_into
                    .and_then(|id| others.iter().find(|(o, _)| *o == id))
                    .map_or_else(|| tr!("source-choose"), |(id, c)| format!("[{id}] {c}"));
                egui::ComboBox::from_id_salt("source-merge")
                    .selected_text(chosen)
                    .show_ui(ui, |ui| {
                        for (id, citation) in &others {
                            ui.selectable_value(
                                &mut form.merge_into,
                                Some(*id),
                                format!("[{id}] {citation}"),
                            );
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            tr!("source-merge-name"),
                        )
                    });
                if let Some(into) = form.merge_into
                    && ui
                        .button(tr!("merge-ok"))
                        .on_hover_text(tr!("source-merge-hint"))
                        .clicked()
                {
                    actions.push(Action::Worker(Command::MergeSources {
                        from: form.id,
                        into,
                    }));
                    close = true;
                }
            });
            if let Some(s) = original {
                ui.label(
                    RichText::new(tr!("source-cited-by", claims = s.claims, photos = s.photos))
                        .weak(),
                );
            }
        });
    if close {
        app.claims.source_form = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::SourceRecord;

    fn source(id: i64, citation: &str, title: &str) -> Source {
        Source {
            id,
            record: SourceRecord {
                citation: citation.into(),
                title: Some(title.into()),
                ..SourceRecord::default()
            },
            photos: 0,
            claims: 0,
        }
    }

    #[test]
    fn the_picker_finds_sources_by_any_words_accent_blind() {
        let sources = vec![
            source(1, "Czech Radio, 2020-02-26", "Odsun sovětských vojsk"),
            source(2, "Rudé právo, 1991-06-22", "Poslední voják odešel"),
        ];
        let ids = |typed: &str| -> Vec<i64> {
            matching_sources(&sources, typed)
                .iter()
                .map(|s| s.id)
                .collect()
        };
        assert_eq!(ids("sovetskych"), vec![1]);
        assert_eq!(ids("rude 1991"), vec![2]);
        assert_eq!(ids("radio 1991"), Vec::<i64>::new());
        assert_eq!(ids(""), vec![1, 2]);
    }

    #[test]
    fn a_disputed_field_is_marked_with_a_symbol_and_words() {
        let claim = |value: &str| Claim {
            id: 1,
            field: "date_created".into(),
            value: Value::String(value.into()),
            source: None,
            locator: None,
            certainty: None,
            note: None,
            preferred: false,
            kept_from: None,
        };
        let date = Attribute::Field(Field::DateCreated);
        let agree = tally(&[claim("1990"), claim("1990-02-26")], date).unwrap();
        assert!(!agree.disputed);
        assert_eq!(mark_text(agree), "⚖ 2 claims");
        let disputed = tally(&[claim("1990-02-26"), claim("1990-11-23")], date).unwrap();
        assert_eq!(mark_text(disputed), "⚠ 2 claims disagree");
        assert_eq!(tally(&[], date), None);
    }
}
