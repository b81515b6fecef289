//! The left panel: the library, exhibition sets, saved searches, what the
//! current result holds, the keyword tree and folders. A click searches;
//! photos dragged from the grid onto a keyword get that keyword, onto a set
//! join the set. Sections fold and remember it; the keyword tree scrolls on
//! its own, so that a long vocabulary never pushes the rest out of sight.

use std::collections::HashSet;

use egui::RichText;

use super::dialogs::NameKind;
use super::grid::DraggedPhotos;
use super::worker::Command;
use super::{Action, App};
use crate::catalog::{KeywordEntry, SortKey};
use crate::text::{count, shorten};

/// Values a facet shows before "more…".
const FACET_VALUES: usize = 5;
/// The keyword tree's share of the panel's height at most.
const TREE_SHARE: f32 = 0.45;
const ROW_HEIGHT: f32 = 20.0;

#[derive(Default)]
pub struct SidebarState {
    /// Keywords folded in the tree, by path.
    collapsed: HashSet<String>,
    new_set: String,
    save_search: String,
    /// Facets showing all their values, not the first few.
    whole_facets: HashSet<&'static str>,
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', ""))
}

/// A clickable sidebar row that also takes dropped photos.
fn row(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, selected: bool) -> egui::Response {
    let response = ui.selectable_label(selected, text);
    if response.dnd_hover_payload::<DraggedPhotos>().is_some() {
        ui.painter().rect_stroke(
            response.rect,
            egui::CornerRadius::same(3),
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    response
}

/// A name and a count, the count dimmed.
pub(super) fn counted(name: &str, n: u64) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    job.append(name, 0.0, egui::TextFormat::default());
    job.append(
        &format!("  {n}"),
        0.0,
        egui::TextFormat {
            color: egui::Color32::GRAY,
            ..Default::default()
        },
    );
    job
}

/// A section that folds, remembering whether it is folded.
fn section(
    app: &mut App,
    ui: &mut egui::Ui,
    key: &str,
    title: &str,
    body: impl FnOnce(&mut App, &mut egui::Ui),
) {
    let memory_key = format!("sidebar/{key}");
    let open = !app.settings.is_collapsed(&memory_key);
    let response = egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(&memory_key)
        .open(Some(open))
        .show(ui, |ui| body(app, ui));
    if response.header_response.clicked() {
        if open {
            app.settings.collapsed.insert(memory_key);
        } else {
            app.settings.collapsed.remove(&memory_key);
        }
    }
}

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let height = ui.available_height();
    egui::ScrollArea::vertical()
        .id_salt("sidebar")
        .auto_shrink(false)
        .show(ui, |ui| {
            // Nothing here may widen the panel: the grid would jump.
            ui.set_max_width(ui.available_width());
            ui.add_space(4.0);
            let query = app.query.trim().to_owned();
            section(app, ui, "library", "Library", |app, ui| {
                library(app, ui, &query, actions)
            });
            section(app, ui, "sets", "Exhibition sets", |app, ui| {
                sets(app, ui, &query, actions)
            });
            section(app, ui, "saved", "Saved searches", |app, ui| {
                saved_searches(app, ui, &query, actions)
            });
            section(app, ui, "result", "In this result", |app, ui| {
                facets(app, ui, actions)
            });
            section(app, ui, "keywords", "Keyword list", |app, ui| {
                keyword_tree(app, ui, &query, height * TREE_SHARE, actions)
            });
            section(app, ui, "sources", "Sources", |app, ui| {
                super::claims::sidebar(app, ui, &query, actions)
            });
            section(app, ui, "folders", "Folders", |app, ui| {
                folders(app, ui, &query, actions)
            });
        });
}

fn library(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    let loading = !app.opened || app.sidebar_pending && app.sidebar.photos == 0;
    let all = if loading {
        egui::text::LayoutJob::single_section("All photographs  …".into(), Default::default())
    } else {
        counted("All photographs", app.sidebar.photos)
    };
    if row(ui, all, query.is_empty()).clicked() {
        actions.push(Action::Search(String::new(), None));
    }
    for (name, filter, n) in [
        ("Missing files", "status:missing", app.sidebar.missing),
        (
            "Without caption",
            "missing:caption",
            app.sidebar.without_caption,
        ),
    ] {
        if row(ui, counted(name, n), query == filter).clicked() {
            actions.push(Action::Search(filter.into(), None));
        }
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label("Import template");
        egui::ComboBox::from_id_salt("import-template")
            .selected_text(if app.settings.import_template.is_empty() {
                "none"
            } else {
                app.settings.import_template.as_str()
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut app.settings.import_template, String::new(), "none");
                for t in &app.sidebar.templates {
                    ui.selectable_value(&mut app.settings.import_template, t.name.clone(), &t.name);
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Import template")
            });
    });
}

fn sets(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    for set in app.sidebar.sets.iter().filter(|s| s.query.is_none()) {
        let filter = format!("set:{}", quoted(&set.name));
        let response = row(ui, counted(&set.name, set.photos), query == filter);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                query == filter,
                format!("{}  {}", set.name, set.photos),
            )
        });
        if response.clicked() {
            actions.push(Action::Search(filter.clone(), Some(SortKey::SetOrder)));
        }
        if let Some(photos) = response.dnd_release_payload::<DraggedPhotos>() {
            actions.push(Action::Worker(Command::AddToSet {
                set: set.name.clone(),
                photos: photos.0.clone(),
            }));
        }
        response.context_menu(|ui| {
            if ui.button("Add the selected photos").clicked() {
                actions.push(Action::Worker(Command::AddToSet {
                    set: set.name.clone(),
                    photos: app.selection.in_result_order(&app.order),
                }));
                ui.close();
            }
            if ui.button("Rename…").clicked() {
                actions.push(Action::Rename(NameKind::Set, set.name.clone()));
                ui.close();
            }
            if ui.button("Export the set…").clicked() {
                actions.push(Action::OpenSetExport(set.name.clone()));
                ui.close();
            }
            if ui
                .button("Delete this set")
                .on_hover_text("Its photos stay in the catalogue; Ctrl+Z brings the set back")
                .clicked()
            {
                actions.push(Action::Worker(Command::DeleteSet(set.name.clone())));
                ui.close();
            }
        });
    }
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut app.sidebar_state.new_set)
                .hint_text("New set")
                .desired_width((ui.available_width() - 80.0).max(60.0)),
        );
        field
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New set name"));
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Create").clicked() || enter) && !app.sidebar_state.new_set.trim().is_empty()
        {
            actions.push(Action::Worker(Command::CreateSet(
                app.sidebar_state.new_set.trim().to_owned(),
            )));
            app.sidebar_state.new_set.clear();
        }
    });
}

fn saved_searches(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    for set in app.sidebar.sets.iter().filter(|s| s.query.is_some()) {
        let filter = format!("set:{}", quoted(&set.name));
        let response = row(ui, set.name.as_str(), query == filter)
            .on_hover_text(set.query.clone().unwrap_or_default());
        if response.clicked() {
            actions.push(Action::Search(filter, None));
        }
        response.context_menu(|ui| {
            if ui.button("Rename…").clicked() {
                actions.push(Action::Rename(NameKind::Set, set.name.clone()));
                ui.close();
            }
            if ui.button("Delete this saved search").clicked() {
                actions.push(Action::Worker(Command::DeleteSet(set.name.clone())));
                ui.close();
            }
        });
    }
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut app.sidebar_state.save_search)
                .hint_text("Name")
                .desired_width((ui.available_width() - 120.0).max(60.0)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Saved search name")
        });
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let name = app.sidebar_state.save_search.trim().to_owned();
        if (ui
            .add_enabled(!query.is_empty(), egui::Button::new("Save search"))
            .on_disabled_hover_text("Type a search first")
            .clicked()
            || enter)
            && !name.is_empty()
            && !query.is_empty()
        {
            actions.push(Action::SaveSearch(name));
            app.sidebar_state.save_search.clear();
        }
    });
}

fn facets(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let f = &app.facets;
    /// A facet's title, its counts, and the search field it refines.
    type Group<'a> = (&'static str, &'a [(String, u64)], &'static str);
    let groups: [Group; 6] = [
        ("Disputed fields", &f.disputed, "disputed"),
        ("Years", &f.years, "date"),
        ("Places", &f.cities, "city"),
        ("Creators", &f.creators, "creator"),
        ("Keywords", &f.keywords, "keyword"),
        ("Cameras", &f.cameras, "camera"),
    ];
    let mut any = false;
    // Each facet is a title and its values as chips that wrap, so that the
    // whole of it takes a few lines and the keyword list stays in sight.
    for (title, counts, field) in groups {
        if counts.is_empty() && !(field == "date" && f.undated > 0) {
            continue;
        }
        any = true;
        // Each facet folds; years and keywords are open to begin with.
        let memory_key = format!("sidebar/facet/{field}");
        let open_by_default = matches!(field, "date" | "keyword" | "disputed");
        let open = app.settings.is_collapsed(&memory_key) != open_by_default;
        let header = ui.add(
            egui::Button::new(
                RichText::new(format!("{} {title}", if open { "▾" } else { "▸" }))
                    .weak()
                    .small(),
            )
            .frame(false),
        );
        header.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{title} in this result"))
        });
        if header.clicked() && !app.settings.collapsed.remove(&memory_key) {
            app.settings.collapsed.insert(memory_key);
        }
        if !open {
            continue;
        }
        let whole = app.sidebar_state.whole_facets.contains(field);
        let shown = if whole { counts.len() } else { FACET_VALUES };
        let mut refine = None;
        let mut toggle = false;
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let chip = |ui: &mut egui::Ui, name: &str, n: u64, whole_value: &str| {
                let response = ui
                    .selectable_label(false, counted(&shorten(name, 26), n))
                    .on_hover_text(whole_value);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("{name}, {n} in this result"),
                    )
                });
                response.clicked()
            };
            for (value, n) in counts.iter().take(shown) {
                let name = match field {
                    "keyword" => value.rsplit('|').next().unwrap_or(value),
                    "disputed" => {
                        crate::catalog::claimable(value).map_or(value.as_str(), |a| a.label())
                    }
                    _ => value.as_str(),
                };
                if chip(ui, name, *n, value) {
                    refine = Some(format!("{field}:{}", quoted(value)));
                }
            }
            if field == "date"
                && f.undated > 0
                && chip(ui, "Undated", f.undated, "No depicted date")
            {
                refine = Some("missing:date".to_owned());
            }
            if counts.len() > FACET_VALUES {
                let more = if whole {
                    "fewer".to_owned()
                } else {
                    format!("{} more…", counts.len() - FACET_VALUES)
                };
                toggle = ui.small_button(more).clicked();
            }
        });
        if toggle && !app.sidebar_state.whole_facets.remove(field) {
            app.sidebar_state.whole_facets.insert(field);
        }
        if let Some(filter) = refine {
            let refined = format!("{} {filter}", app.query.trim()).trim().to_owned();
            actions.push(Action::Search(refined, None));
        }
    }
    if !any {
        ui.label(RichText::new("Nothing to count").weak());
    }
}

/// The keyword rows shown (folded keywords hide what is below them).
fn visible_keywords<'a>(
    entries: &'a [KeywordEntry],
    collapsed: &HashSet<String>,
) -> Vec<(usize, &'a KeywordEntry)> {
    let mut shown = Vec::new();
    let mut hidden_below: Option<usize> = None;
    for (i, entry) in entries.iter().enumerate() {
        if let Some(depth) = hidden_below {
            if entry.depth > depth {
                continue;
            }
            hidden_below = None;
        }
        if collapsed.contains(&entry.path) {
            hidden_below = Some(entry.depth);
        }
        shown.push((i, entry));
    }
    shown
}

fn keyword_tree(
    app: &mut App,
    ui: &mut egui::Ui,
    query: &str,
    max_height: f32,
    actions: &mut Vec<Action>,
) {
    let entries = &app.sidebar.keywords;
    if entries.is_empty() {
        ui.label(RichText::new("No keywords yet").weak());
        return;
    }
    let follows = app.settings.keyword_counts_follow_result;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Counts:").weak().small());
        ui.selectable_value(
            &mut app.settings.keyword_counts_follow_result,
            false,
            RichText::new("catalogue").small(),
        );
        ui.selectable_value(
            &mut app.settings.keyword_counts_follow_result,
            true,
            RichText::new("this result").small(),
        );
    });
    if app.settings.keyword_counts_follow_result != follows {
        actions.push(Action::Search(app.query.clone(), None));
    }
    let counts = app.keyword_counts.as_ref().filter(|_| follows);
    let shown = visible_keywords(entries, &app.sidebar_state.collapsed);
    let mut toggled: Option<String> = None;
    egui::ScrollArea::vertical()
        .id_salt("keyword-tree")
        .max_height(max_height.max(120.0))
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, shown.len(), |ui, range| {
            for &(i, entry) in &shown[range] {
                let has_children = entries
                    .get(i + 1)
                    .is_some_and(|next| next.depth > entry.depth);
                let collapsed = app.sidebar_state.collapsed.contains(&entry.path);
                ui.horizontal(|ui| {
                    ui.set_height(ROW_HEIGHT);
                    ui.add_space(entry.depth as f32 * 12.0);
                    if has_children {
                        let arrow = if collapsed { "▸" } else { "▾" };
                        let button = ui.small_button(arrow);
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!(
                                    "{} {}",
                                    if collapsed { "Expand" } else { "Collapse" },
                                    entry.name
                                ),
                            )
                        });
                        if button.clicked() {
                            toggled = Some(entry.path.clone());
                        }
                    } else {
                        ui.add_space(18.0);
                    }
                    let name = if entry.category {
                        format!("[{}]", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let n = match counts {
                        Some(c) => c.get(&entry.id).copied().unwrap_or(0),
                        None => entry.photos,
                    };
                    let filter = format!("keyword:{}", quoted(&entry.path));
                    let response = row(ui, counted(&name, n), query == filter);
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            query == filter,
                            format!("{name}  {n}"),
                        )
                    });
                    let response = if entry.synonyms.is_empty() {
                        response.on_hover_text(&entry.path)
                    } else {
                        response.on_hover_text(format!(
                            "{}\nAlso: {}",
                            entry.path,
                            entry.synonyms.join(", ")
                        ))
                    };
                    if response.clicked() {
                        actions.push(Action::Search(filter, None));
                    }
                    if let Some(photos) = response.dnd_release_payload::<DraggedPhotos>() {
                        actions.push(Action::AddKeywordTo {
                            keyword: entry.path.clone(),
                            photos: photos.0.clone(),
                        });
                    }
                    response.context_menu(|ui| {
                        if ui.button("Add to the selected photos").clicked() {
                            actions.push(Action::AddKeywordTo {
                                keyword: entry.path.clone(),
                                photos: app.selection.in_result_order(&app.order),
                            });
                            ui.close();
                        }
                        if ui.button("Rename or move…").clicked() {
                            actions.push(Action::Rename(NameKind::Keyword, entry.path.clone()));
                            ui.close();
                        }
                        if ui.button("Merge into…").clicked() {
                            actions.push(Action::Rename(NameKind::Merge, entry.path.clone()));
                            ui.close();
                        }
                        let below = if has_children {
                            " and the keywords below it"
                        } else {
                            ""
                        };
                        if ui
                            .button(format!("Delete{below}"))
                            .on_hover_text(format!(
                                "Removes it from {}; Ctrl+Z brings it back",
                                count(entry.photos as usize, "photo", "photos")
                            ))
                            .clicked()
                        {
                            actions
                                .push(Action::Worker(Command::DeleteKeyword(entry.path.clone())));
                            ui.close();
                        }
                    });
                });
            }
        });
    if let Some(path) = toggled
        && !app.sidebar_state.collapsed.remove(&path)
    {
        app.sidebar_state.collapsed.insert(path);
    }
}

fn folders(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    for (folder, n) in &app.sidebar.folders {
        let shown: Vec<String> = folder
            .components()
            .rev()
            .take(2)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = shown.into_iter().rev().collect::<Vec<_>>().join("/");
        let filter = format!("path:{}", quoted(&format!("{}/", folder.display())));
        let response = row(ui, counted(&name, *n), query == filter)
            .on_hover_text(folder.display().to_string());
        if response.clicked() {
            actions.push(Action::Search(filter, None));
        }
    }
}
