//! The left panel: the library, folders, the keyword tree, exhibition sets
//! and saved searches. A click searches; photos dragged from the grid onto
//! a keyword get that keyword, onto a set join the set.

use std::collections::HashSet;

use super::grid::DraggedPhotos;
use super::worker::Command;
use super::{Action, App};
use crate::catalog::SortKey;

#[derive(Default)]
pub struct SidebarState {
    collapsed: HashSet<String>,
    new_set: String,
    save_search: String,
    /// A keyword being renamed or merged: (path, what is typed, merge?).
    keyword_edit: Option<(String, String, bool)>,
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', ""))
}

/// A clickable sidebar row that also takes dropped photos.
fn row(ui: &mut egui::Ui, text: String, selected: bool) -> egui::Response {
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

pub fn ui(app: &mut App, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.strong("Library");
            let query = app.query.trim().to_owned();
            if row(
                ui,
                format!("All photographs  {}", app.sidebar.photos),
                query.is_empty(),
            )
            .clicked()
            {
                actions.push(Action::Search(String::new(), None));
            }
            if row(
                ui,
                format!("Missing files  {}", app.sidebar.missing),
                query == "status:missing",
            )
            .clicked()
            {
                actions.push(Action::Search("status:missing".into(), None));
            }
            if row(
                ui,
                format!("Without caption  {}", app.sidebar.without_caption),
                query == "missing:caption",
            )
            .clicked()
            {
                actions.push(Action::Search("missing:caption".into(), None));
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
                        ui.selectable_value(
                            &mut app.settings.import_template,
                            String::new(),
                            "none",
                        );
                        for t in &app.sidebar.templates {
                            ui.selectable_value(
                                &mut app.settings.import_template,
                                t.name.clone(),
                                &t.name,
                            );
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Import template")
                    });
            });

            ui.add_space(8.0);
            egui::CollapsingHeader::new("Folders")
                .default_open(false)
                .show(ui, |ui| {
                    for (folder, count) in &app.sidebar.folders {
                        let shown: Vec<String> = folder
                            .components()
                            .rev()
                            .take(2)
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect();
                        let name = shown.into_iter().rev().collect::<Vec<_>>().join("/");
                        let filter = format!("path:{}", quoted(&format!("{}/", folder.display())));
                        let response = row(ui, format!("{name}  {count}"), query == filter)
                            .on_hover_text(folder.display().to_string());
                        if response.clicked() {
                            actions.push(Action::Search(filter, None));
                        }
                    }
                });

            egui::CollapsingHeader::new("Keywords")
                .default_open(true)
                .show(ui, |ui| {
                    keyword_tree(app, ui, &query, actions);
                });

            egui::CollapsingHeader::new("Exhibition sets")
                .default_open(true)
                .show(ui, |ui| {
                    for set in app.sidebar.sets.iter().filter(|s| s.query.is_none()) {
                        let filter = format!("set:{}", quoted(&set.name));
                        let response =
                            row(ui, format!("{}  {}", set.name, set.photos), query == filter);
                        if response.clicked() {
                            actions.push(Action::Search(filter, Some(SortKey::SetOrder)));
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
                                    photos: app.selection.in_order(&app.order),
                                }));
                                ui.close();
                            }
                            if ui.button("Export the set…").clicked() {
                                actions.push(Action::OpenSetExport(set.name.clone()));
                                ui.close();
                            }
                            if ui.button("Delete this set").clicked() {
                                actions.push(Action::Worker(Command::DeleteSet(set.name.clone())));
                                ui.close();
                            }
                        });
                    }
                    ui.horizontal(|ui| {
                        let field = ui.add(
                            egui::TextEdit::singleline(&mut app.sidebar_state.new_set)
                                .hint_text("New set")
                                .desired_width(140.0),
                        );
                        field.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New set name")
                        });
                        let enter =
                            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button("Create").clicked() || enter)
                            && !app.sidebar_state.new_set.trim().is_empty()
                        {
                            actions.push(Action::Worker(Command::CreateSet(
                                app.sidebar_state.new_set.trim().to_owned(),
                            )));
                            app.sidebar_state.new_set.clear();
                        }
                    });
                });

            egui::CollapsingHeader::new("Saved searches")
                .default_open(true)
                .show(ui, |ui| {
                    for set in app.sidebar.sets.iter().filter(|s| s.query.is_some()) {
                        let filter = format!("set:{}", quoted(&set.name));
                        let response = row(ui, set.name.clone(), query == filter)
                            .on_hover_text(set.query.clone().unwrap_or_default());
                        if response.clicked() {
                            actions.push(Action::Search(filter, None));
                        }
                        response.context_menu(|ui| {
                            if ui.button("Delete this saved search").clicked() {
                                actions.push(Action::Worker(Command::DeleteSet(set.name.clone())));
                                ui.close();
                            }
                        });
                    }
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut app.sidebar_state.save_search)
                                .hint_text("Name")
                                .desired_width(120.0),
                        );
                        if ui.button("Save search").clicked()
                            && !app.sidebar_state.save_search.trim().is_empty()
                        {
                            actions.push(Action::SaveSearch(
                                app.sidebar_state.save_search.trim().to_owned(),
                            ));
                            app.sidebar_state.save_search.clear();
                        }
                    });
                });

            egui::CollapsingHeader::new("In this result")
                .default_open(false)
                .show(ui, |ui| {
                    for (title, counts, field) in [
                        ("Years", &app.facets.years, "date"),
                        ("Places", &app.facets.cities, "city"),
                        ("Creators", &app.facets.creators, "creator"),
                        ("Cameras", &app.facets.cameras, "camera"),
                    ] {
                        if counts.is_empty() {
                            continue;
                        }
                        ui.label(egui::RichText::new(title).weak());
                        for (value, n) in counts.iter().take(12) {
                            if ui
                                .selectable_label(false, format!("{value}  {n}"))
                                .clicked()
                            {
                                let refined =
                                    format!("{} {field}:{}", app.query.trim(), quoted(value))
                                        .trim()
                                        .to_owned();
                                actions.push(Action::Search(refined, None));
                            }
                        }
                    }
                });
        });
}

fn keyword_tree(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    let entries = &app.sidebar.keywords;
    if entries.is_empty() {
        ui.label(egui::RichText::new("No keywords yet").weak());
        return;
    }
    let state = &mut app.sidebar_state;
    let mut hidden_below: Option<usize> = None;
    for (i, entry) in entries.iter().enumerate() {
        if let Some(depth) = hidden_below {
            if entry.depth > depth {
                continue;
            }
            hidden_below = None;
        }
        let has_children = entries
            .get(i + 1)
            .is_some_and(|next| next.depth > entry.depth);
        let collapsed = state.collapsed.contains(&entry.path);
        if collapsed {
            hidden_below = Some(entry.depth);
        }
        ui.horizontal(|ui| {
            ui.add_space(entry.depth as f32 * 12.0);
            if has_children {
                let arrow = if collapsed { "▸" } else { "▾" };
                if ui.small_button(arrow).clicked() {
                    if collapsed {
                        state.collapsed.remove(&entry.path);
                    } else {
                        state.collapsed.insert(entry.path.clone());
                    }
                }
            } else {
                ui.add_space(18.0);
            }
            let name = if entry.category {
                format!("[{}]", entry.name)
            } else {
                entry.name.clone()
            };
            let filter = format!("keyword:{}", quoted(&entry.path));
            let response = row(ui, format!("{name}  {}", entry.photos), query == filter);
            let response = if entry.synonyms.is_empty() {
                response
            } else {
                response.on_hover_text(format!("Also: {}", entry.synonyms.join(", ")))
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
                        photos: app.selection.in_order(&app.order),
                    });
                    ui.close();
                }
                if ui.button("Rename or move…").clicked() {
                    state.keyword_edit = Some((entry.path.clone(), entry.path.clone(), false));
                    ui.close();
                }
                if ui.button("Merge into…").clicked() {
                    state.keyword_edit = Some((entry.path.clone(), String::new(), true));
                    ui.close();
                }
            });
        });
        let editing_here = state
            .keyword_edit
            .as_ref()
            .is_some_and(|(p, _, _)| *p == entry.path);
        if editing_here {
            let mut finished = false;
            ui.horizontal(|ui| {
                let Some((path, text, merge)) = &mut state.keyword_edit else {
                    return;
                };
                ui.add_space(entry.depth as f32 * 12.0 + 18.0);
                let hint = if *merge {
                    "merge into keyword (path)"
                } else {
                    "new name or path"
                };
                let field = ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(150.0),
                );
                field.request_focus();
                if field.lost_focus() {
                    if ui.input(|i| i.key_pressed(egui::Key::Enter)) && !text.trim().is_empty() {
                        actions.push(if *merge {
                            Action::Worker(Command::MergeKeywords {
                                from: path.clone(),
                                into: text.trim().to_owned(),
                            })
                        } else {
                            Action::Worker(Command::RenameKeyword {
                                old: path.clone(),
                                new: text.trim().to_owned(),
                            })
                        });
                    }
                    finished = true;
                }
            });
            if finished {
                state.keyword_edit = None;
            }
        }
    }
}
