//! The bar at the top: the menus (every item with its shortcut), the search
//! field, the order of results, grid or table, and thumbnail size.

use std::time::Instant;

use egui::text::{CCursor, CCursorRange};
use egui::{Button, Key};

use super::i18n::Language;
use super::keys::{Shortcut, shortcut_text};
use super::theme::Theme;
use super::{Action, App, View, words};
use crate::catalog::{Sort, SortKey};
use crate::tr;

/// A menu item with its shortcut shown beside it.
pub(super) fn item(
    ui: &mut egui::Ui,
    enabled: bool,
    text: &str,
    shortcut: Option<Shortcut>,
) -> bool {
    let mut button = Button::new(text);
    if let Some(s) = shortcut {
        button = button.shortcut_text(shortcut_text(ui.ctx(), s));
    }
    let clicked = ui.add_enabled(enabled, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        file_menu(app, ui, actions);
        edit_menu(app, ui, actions);
        photo_menu(app, ui, actions);
        view_menu(app, ui, actions);
        ui.menu_button(tr!("menu-help"), |ui| {
            if item(
                ui,
                true,
                &tr!("menu-keyboard-reference"),
                Some(Shortcut::KeyboardReference),
            ) {
                actions.push(Action::KeyboardReference);
            }
            if item(ui, true, &tr!("menu-about"), None) {
                actions.push(Action::About);
            }
        });
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        // The search takes the width the controls after it leave, as they
        // measured last frame.
        let controls = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(controls_id()))
            .unwrap_or(330.0);
        search_field(app, ui, (ui.available_width() - controls).max(160.0));
        let start = ui.cursor().left();
        sort_box(app, ui, actions);
        ui.selectable_value(&mut app.settings.view, View::Grid, tr!("view-grid"))
            .on_hover_text(tr!(
                "view-grid-hint",
                shortcut = shortcut_text(ui.ctx(), Shortcut::GridView)
            ));
        ui.selectable_value(&mut app.settings.view, View::Table, tr!("view-table"))
            .on_hover_text(tr!(
                "view-table-hint",
                shortcut = shortcut_text(ui.ctx(), Shortcut::TableView)
            ));
        if app.settings.view == View::Grid {
            ui.add(
                egui::Slider::new(&mut app.settings.thumbnail_size, 96.0..=320.0).show_value(false),
            )
            .on_hover_text(tr!("thumbnail-size"))
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Slider, true, tr!("thumbnail-size"))
            });
        }
        let used = ui.min_rect().right() - start + ui.spacing().item_spacing.x;
        ui.ctx().data_mut(|d| d.insert_temp(controls_id(), used));
    });
    if let Some(error) = &app.search_error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("search-error", error = error.as_str()),
        );
    }
}

fn file_menu(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr!("menu-file"), |ui| {
        let selected = !app.selection.is_empty() && app.opened;
        let idle = app.interop.job.is_none() && app.opened;
        super::catalogues::file_menu_items(app, ui, actions);
        ui.separator();
        if item(
            ui,
            app.opened,
            &tr!("menu-import-folder"),
            Some(Shortcut::Import),
        ) {
            actions.push(Action::ChooseImport);
        }
        ui.separator();
        if item(
            ui,
            app.opened,
            &tr!("menu-export-csv"),
            Some(Shortcut::ExportCsv),
        ) {
            actions.push(Action::OpenExportCsv);
        }
        if item(ui, app.opened, &tr!("menu-import-csv"), None) {
            actions.push(Action::ChooseCsvImport);
        }
        ui.separator();
        if item(ui, selected && idle, &tr!("menu-write-sidecars"), None) {
            actions.push(Action::WriteSidecars);
        }
        if item(
            ui,
            selected && idle,
            &tr!("menu-copies-with-metadata"),
            None,
        ) {
            actions.push(Action::ChooseCopiesFolder);
        }
        if item(ui, selected && idle, &tr!("menu-embed-metadata"), None) {
            actions.push(Action::ConfirmEmbed);
        }
        if let Some((set, _)) = &app.set_items {
            ui.separator();
            if item(ui, idle, &tr!("menu-export-set", set = set.as_str()), None) {
                actions.push(Action::OpenSetExport(set.clone()));
            }
        }
        ui.separator();
        if item(ui, idle, &tr!("menu-optimize"), None) {
            actions.push(Action::Optimize);
        }
        ui.separator();
        if item(ui, true, &tr!("menu-quit"), Some(Shortcut::Quit)) {
            actions.push(Action::Quit);
        }
    });
}

fn edit_menu(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr!("menu-edit"), |ui| {
        let (undo, redo) = &app.undo_redo;
        let undo_text = undo.as_ref().map_or_else(
            || tr!("menu-undo"),
            |u| tr!("menu-undo-what", what = crate::text::shorten(u, 50)),
        );
        if item(ui, undo.is_some(), &undo_text, Some(Shortcut::Undo)) {
            actions.push(Action::Undo);
        }
        let redo_text = redo.as_ref().map_or_else(
            || tr!("menu-redo"),
            |r| tr!("menu-redo-what", what = crate::text::shorten(r, 50)),
        );
        if item(ui, redo.is_some(), &redo_text, Some(Shortcut::Redo)) {
            actions.push(Action::Redo);
        }
        ui.separator();
        if item(ui, true, &tr!("menu-select-all"), Some(Shortcut::SelectAll)) {
            actions.push(Action::SelectAll);
        }
        if item(
            ui,
            !app.selection.is_empty(),
            &tr!("menu-select-none"),
            Some(Shortcut::SelectNone),
        ) {
            actions.push(Action::SelectNone);
        }
        ui.separator();
        if item(ui, true, &tr!("menu-find"), Some(Shortcut::Find)) {
            actions.push(Action::Key(Shortcut::Find));
        }
    });
}

fn photo_menu(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr!("menu-photo"), |ui| {
        let selected = !app.selection.is_empty();
        if item(
            ui,
            selected,
            &tr!("menu-open-full-size"),
            Some(Shortcut::OpenFullSize),
        ) {
            actions.push(Action::Key(Shortcut::OpenFullSize));
        }
        ui.separator();
        for (text, shortcut) in [
            (tr!("menu-write-caption"), Shortcut::WriteCaption),
            (tr!("menu-add-keyword"), Shortcut::AddKeyword),
            (tr!("menu-add-to-set"), Shortcut::AddToSet),
        ] {
            if item(ui, selected, &text, Some(shortcut)) {
                actions.push(Action::Key(shortcut));
            }
        }
        ui.separator();
        for n in 0..=5u8 {
            let text = if n == 0 {
                tr!("menu-no-stars")
            } else {
                tr!("menu-stars", stars = "★".repeat(n as usize), count = n)
            };
            if item(ui, selected, &text, Some(Shortcut::Rate(n))) {
                actions.push(Action::Key(Shortcut::Rate(n)));
            }
        }
        ui.separator();
        for (text, shortcut) in [
            (tr!("menu-pick"), Shortcut::Pick),
            (tr!("menu-reject"), Shortcut::Reject),
            (tr!("menu-unflag"), Shortcut::Unflag),
        ] {
            if item(ui, selected, &text, Some(shortcut)) {
                actions.push(Action::Key(shortcut));
            }
        }
        ui.separator();
        for label in crate::photo::Label::ALL {
            let shortcut = Shortcut::Label(label);
            let known = super::keys::binding_of(shortcut).is_some();
            let text = tr!("colour-label", label = words::label(label));
            if item(ui, selected, &text, known.then_some(shortcut)) {
                actions.push(Action::Edit(
                    vec![crate::catalog::Edit::Set(
                        crate::photo::Attribute::Label,
                        serde_json::Value::from(label.name()),
                    )],
                    tr!("edit-label", label = label.name()),
                ));
            }
        }
        if item(ui, selected, &tr!("menu-no-label"), Some(Shortcut::NoLabel)) {
            actions.push(Action::Key(Shortcut::NoLabel));
        }
        if let Some((set, _)) = &app.set_items {
            ui.separator();
            if item(
                ui,
                selected,
                &tr!("menu-remove-from-set", set = set.as_str()),
                Some(Shortcut::RemoveFromSet),
            ) {
                actions.push(Action::Key(Shortcut::RemoveFromSet));
            }
        }
    });
}

fn view_menu(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr!("menu-view"), |ui| {
        if item(ui, true, &tr!("view-grid"), Some(Shortcut::GridView)) {
            actions.push(Action::View(View::Grid));
        }
        if item(ui, true, &tr!("view-table"), Some(Shortcut::TableView)) {
            actions.push(Action::View(View::Table));
        }
        ui.separator();
        ui.checkbox(&mut app.settings.show_inspector, tr!("menu-inspector"));
        ui.checkbox(
            &mut app.settings.keyword_counts_follow_result,
            tr!("menu-keyword-counts-follow"),
        )
        .on_hover_text(tr!("menu-keyword-counts-follow-hint"));
        ui.separator();
        zoom_items(ui);
        ui.separator();
        for (theme, text) in [
            (Theme::Dark, tr!("menu-theme-dark")),
            (Theme::Light, tr!("menu-theme-light")),
        ] {
            if ui.radio(app.settings.theme == theme, text).clicked() {
                actions.push(Action::Theme(theme));
                ui.close();
            }
        }
        ui.separator();
        language_menu(app, ui, actions);
    });
}

/// egui's zoom of the whole interface, with its keys (Ctrl+plus,
/// Ctrl+minus, Ctrl+0, which egui reads itself).
fn zoom_items(ui: &mut egui::Ui) {
    use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_OUT, ZOOM_RESET};
    let ctx = ui.ctx().clone();
    let percent = (ctx.zoom_factor() * 100.0).round();
    for (text, keys) in [
        (tr!("menu-zoom-in"), ZOOM_IN),
        (tr!("menu-zoom-out"), ZOOM_OUT),
        (tr!("menu-zoom-reset", percent = percent), ZOOM_RESET),
    ] {
        let button = Button::new(text).shortcut_text(ctx.format_shortcut(&keys));
        if ui.add(button).clicked() {
            if keys == ZOOM_IN {
                egui::gui_zoom::zoom_in(&ctx);
            } else if keys == ZOOM_OUT {
                egui::gui_zoom::zoom_out(&ctx);
            } else {
                ctx.set_zoom_factor(1.0);
            }
        }
    }
}

/// The window's language: the system's, or one chosen, in its own name.
fn language_menu(app: &App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.menu_button(tr!("menu-language"), |ui| {
        let chosen = app.settings.language;
        let system = tr!(
            "language-system",
            language = language_name(Language::of_system())
        );
        if ui.radio(chosen.is_none(), system).clicked() {
            actions.push(Action::Language(None));
            ui.close();
        }
        for language in Language::CHOSEN {
            if ui
                .radio(chosen == Some(language), language_name(language))
                .clicked()
            {
                actions.push(Action::Language(Some(language)));
                ui.close();
            }
        }
    });
}

/// A language by its own name (the same in every language, so that a user
/// lost in a foreign one finds theirs).
pub fn language_name(language: Language) -> String {
    match language {
        Language::English | Language::Pseudo => tr!("language-english"),
        Language::Czech => tr!("language-czech"),
        Language::Slovak => tr!("language-slovak"),
    }
}

fn controls_id() -> egui::Id {
    egui::Id::unique("top-bar-controls")
}

pub fn search_id() -> egui::Id {
    egui::Id::unique("search-field")
}

/// Ctrl+F: the search field takes the keyboard with its query selected, so
/// that typing replaces it. Done before the field reads this frame's keys,
/// so a letter typed straight after Ctrl+F is not lost.
pub fn find(ctx: &egui::Context, query: &str) {
    let id = search_id();
    ctx.memory_mut(|m| m.request_focus(id));
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let end = query.chars().count();
    state
        .cursor
        .set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(end))));
    state.store(ctx, id);
}

fn search_field(app: &mut App, ui: &mut egui::Ui, width: f32) {
    let search = ui.add(
        egui::TextEdit::singleline(&mut app.query)
            .id(search_id())
            .hint_text(tr!("search-hint"))
            .desired_width(width),
    );
    search
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("search-name")));
    // Once a search has settled, the field says how many photos it found.
    if app.query_edited.is_none() && app.search_settled() {
        let count = super::status::result_count(app);
        super::access::describe(ui.ctx(), search.id, count);
    }
    if search.changed() {
        app.query_edited = Some(Instant::now());
    }
    if search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        app.search_now();
    }
}

fn sort_box(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let current = app.sort();
    let in_set = app.shown_set().is_some();
    let mut chosen = current.key;
    egui::ComboBox::from_id_salt("sort")
        .selected_text(words::sort(current.key))
        .width(130.0)
        .show_ui(ui, |ui| {
            for (_, key) in SortKey::NAMES {
                if *key == SortKey::SetOrder && !in_set {
                    continue;
                }
                ui.selectable_value(&mut chosen, *key, words::sort(*key));
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr!("sort-by")));
    let arrow = if current.descending { "▼" } else { "▲" };
    let flip = ui.button(arrow).on_hover_text(if current.descending {
        tr!("sort-descending-hint")
    } else {
        tr!("sort-ascending-hint")
    });
    flip.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("sort-reverse")));
    if chosen != current.key {
        actions.push(Action::Sort(Sort {
            key: chosen,
            descending: false,
        }));
    } else if flip.clicked() {
        actions.push(Action::Sort(Sort {
            key: current.key,
            descending: !current.descending,
        }));
    }
}
