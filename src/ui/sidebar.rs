//! The left panel: the library, exhibition sets, saved searches, what the
//! current result holds, the keyword tree and folders. A click searches;
//! photos dragged from the grid onto a keyword get that keyword, onto a set
//! join the set. Sections fold and remember it; the keyword tree scrolls on
//! its own, so that a long vocabulary never pushes the rest out of sight.

use std::collections::HashSet;

use egui::RichText;

use super::access;
use super::dialogs::NameKind;
use super::grid::DraggedPhotos;
use super::worker::Command;
use super::{Action, App};
use crate::catalog::{KeywordEntry, SortKey};
use crate::text::shorten;
use crate::tr;
use crate::ui::i18n;

/// Values a facet shows before "more…".
const FACET_VALUES: usize = 5;
/// The keyword tree's share of the panel's height at most.
const TREE_SHARE: f32 = 0.45;
pub(super) const ROW_HEIGHT: f32 = 20.0;
/// The share of the panel's height a long list (folders, sources) takes at
/// most: it scrolls on its own, and only the rows in sight are laid out.
const LIST_SHARE: f32 = 0.35;

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

/// A name in the widget's text colour and a count in `weak`, the theme's
/// dimmed text.
pub(super) fn counted(name: &str, n: u64, weak: egui::Color32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    job.append(
        name,
        0.0,
        egui::TextFormat {
            color: egui::Color32::PLACEHOLDER,
            ..Default::default()
        },
    );
    job.append(
        &format!("  {}", i18n::number(n)),
        0.0,
        egui::TextFormat {
            color: weak,
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
            section(app, ui, "library", &tr!("sidebar-library"), |app, ui| {
                library(app, ui, &query, actions)
            });
            section(app, ui, "sets", &tr!("sidebar-sets"), |app, ui| {
                sets(app, ui, &query, actions)
            });
            section(app, ui, "saved", &tr!("sidebar-saved"), |app, ui| {
                saved_searches(app, ui, &query, actions)
            });
            section(app, ui, "result", &tr!("sidebar-result"), |app, ui| {
                facets(app, ui, actions)
            });
            section(app, ui, "keywords", &tr!("sidebar-keywords"), |app, ui| {
                keyword_tree(app, ui, &query, height * TREE_SHARE, actions)
            });
            section(app, ui, "sources", &tr!("sidebar-sources"), |app, ui| {
                super::claims::sidebar(app, ui, &query, height * LIST_SHARE, actions)
            });
            section(app, ui, "folders", &tr!("sidebar-folders"), |app, ui| {
                folders(app, ui, &query, height * LIST_SHARE, actions)
            });
        });
}

fn library(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    let loading = !app.opened || app.sidebar_pending && app.sidebar.photos == 0;
    let all = if loading {
        egui::text::LayoutJob::single_section(
            format!("{}  …", tr!("sidebar-all-photos")),
            Default::default(),
        )
    } else {
        counted(
            &tr!("sidebar-all-photos"),
            app.sidebar.photos,
            ui.visuals().weak_text_color(),
        )
    };
    if row(ui, all, query.is_empty()).clicked() {
        actions.push(Action::Search(String::new(), None));
    }
    for (name, filter, n) in [
        (
            tr!("sidebar-missing"),
            "status:missing",
            app.sidebar.missing,
        ),
        (
            tr!("sidebar-without-caption"),
            "missing:caption",
            app.sidebar.without_caption,
        ),
    ] {
        let job = counted(&name, n, ui.visuals().weak_text_color());
        if row(ui, job, query == filter).clicked() {
            actions.push(Action::Search(filter.into(), None));
        }
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(tr!("sidebar-import-template"));
        egui::ComboBox::from_id_salt("import-template")
            .selected_text(if app.settings.import_template.is_empty() {
                tr!("sidebar-no-template")
            } else {
                app.settings.import_template.clone()
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut app.settings.import_template,
                    String::new(),
                    tr!("sidebar-no-template"),
                );
                for t in &app.sidebar.templates {
                    ui.selectable_value(&mut app.settings.import_template, t.name.clone(), &t.name);
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ComboBox,
                    true,
                    tr!("sidebar-import-template"),
                )
            });
    });
}

fn sets(app: &mut App, ui: &mut egui::Ui, query: &str, actions: &mut Vec<Action>) {
    let count = app
        .sidebar
        .sets
        .iter()
        .filter(|s| s.query.is_none())
        .count();
    for (i, set) in app
        .sidebar
        .sets
        .iter()
        .filter(|s| s.query.is_none())
        .enumerate()
    {
        let filter = format!("set:{}", quoted(&set.name));
        let job = counted(&set.name, set.photos, ui.visuals().weak_text_color());
        let response = row(ui, job, query == filter);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                query == filter,
                format!("{}  {}", set.name, i18n::number(set.photos)),
            )
        });
        access::place(ui.ctx(), response.id, i + 1, count);
        access::describe(
            ui.ctx(),
            response.id,
            format!(
                "{}, {}",
                tr!("photo-count", count = set.photos),
                access::position_words(i + 1, count)
            ),
        );
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
            if ui.button(tr!("set-add-selected")).clicked() {
                actions.push(Action::Worker(Command::AddToSet {
                    set: set.name.clone(),
                    photos: app.selection.in_result_order(&app.order),
                }));
                ui.close();
            }
            if ui.button(tr!("set-rename")).clicked() {
                actions.push(Action::Rename(NameKind::Set, set.name.clone()));
                ui.close();
            }
            if ui.button(tr!("set-export")).clicked() {
                actions.push(Action::OpenSetExport(set.name.clone()));
                ui.close();
            }
            if ui
                .button(tr!("set-delete"))
                .on_hover_text(tr!("set-delete-hint"))
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
                .hint_text(tr!("set-new-hint"))
                .desired_width((ui.available_width() - 80.0).max(60.0)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("set-new-name"))
        });
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!("set-create")).clicked() || enter)
            && !app.sidebar_state.new_set.trim().is_empty()
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
            if ui.button(tr!("set-rename")).clicked() {
                actions.push(Action::Rename(NameKind::Set, set.name.clone()));
                ui.close();
            }
            if ui.button(tr!("saved-delete")).clicked() {
                actions.push(Action::Worker(Command::DeleteSet(set.name.clone())));
                ui.close();
            }
        });
    }
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut app.sidebar_state.save_search)
                .hint_text(tr!("saved-name-hint"))
                .desired_width((ui.available_width() - 120.0).max(60.0)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("saved-name"))
        });
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let name = app.sidebar_state.save_search.trim().to_owned();
        if (ui
            .add_enabled(!query.is_empty(), egui::Button::new(tr!("saved-save")))
            .on_disabled_hover_text(tr!("saved-save-disabled"))
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
    type Group<'a> = (String, &'a [(String, u64)], &'static str);
    let groups: [Group; 6] = [
        (tr!("facet-disputed"), &f.disputed, "disputed"),
        (tr!("facet-years"), &f.years, "date"),
        (tr!("facet-places"), &f.cities, "city"),
        (tr!("facet-creators"), &f.creators, "creator"),
        (tr!("facet-keywords"), &f.keywords, "keyword"),
        (tr!("facet-cameras"), &f.cameras, "camera"),
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
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                tr!("facet-name", facet = title.as_str()),
            )
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
                    .selectable_label(
                        false,
                        counted(&shorten(name, 26), n, ui.visuals().weak_text_color()),
                    )
                    .on_hover_text(whole_value);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        tr!("facet-value-name", value = name, count = n),
                    )
                });
                response.clicked()
            };
            for (value, n) in counts.iter().take(shown) {
                let name = match field {
                    "keyword" => value.rsplit('|').next().unwrap_or(value).to_owned(),
                    "disputed" => crate::catalog::claimable(value)
                        .map_or_else(|| value.clone(), super::words::attribute),
                    _ => value.clone(),
                };
                if chip(ui, &name, *n, value) {
                    refine = Some(format!("{field}:{}", quoted(value)));
                }
            }
            if field == "date"
                && f.undated > 0
                && chip(
                    ui,
                    &tr!("facet-undated"),
                    f.undated,
                    &tr!("facet-undated-hint"),
                )
            {
                refine = Some("missing:date".to_owned());
            }
            if counts.len() > FACET_VALUES {
                let more = if whole {
                    tr!("facet-fewer")
                } else {
                    tr!("facet-more", count = counts.len() - FACET_VALUES)
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
        ui.label(RichText::new(tr!("facet-nothing")).weak());
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
        ui.label(RichText::new(tr!("keywords-none")).weak());
        return;
    }
    let follows = app.settings.keyword_counts_follow_result;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("keywords-counts")).weak().small());
        ui.selectable_value(
            &mut app.settings.keyword_counts_follow_result,
            false,
            RichText::new(tr!("keywords-counts-catalogue")).small(),
        );
        ui.selectable_value(
            &mut app.settings.keyword_counts_follow_result,
            true,
            RichText::new(tr!("keywords-counts-result")).small(),
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
                                if collapsed {
                                    tr!("keyword-expand", keyword = entry.name.as_str())
                                } else {
                                    tr!("keyword-collapse", keyword = entry.name.as_str())
                                },
                            )
                        });
                        access::expanded(ui.ctx(), button.id, !collapsed);
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
                    let job = counted(&name, n, ui.visuals().weak_text_color());
                    let response = row(ui, job, query == filter);
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            query == filter,
                            format!("{name}  {}", i18n::number(n)),
                        )
                    });
                    // The count in words, and whether what is below shows.
                    access::describe(ui.ctx(), response.id, tr!("photo-count", count = n));
                    if has_children {
                        access::expanded(ui.ctx(), response.id, !collapsed);
                    }
                    let response = if entry.synonyms.is_empty() {
                        response.on_hover_text(&entry.path)
                    } else {
                        response.on_hover_text(tr!(
                            "keyword-synonyms",
                            path = entry.path.as_str(),
                            synonyms = entry.synonyms.join(", ")
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
                        if ui.button(tr!("keyword-add-selected")).clicked() {
                            actions.push(Action::AddKeywordTo {
                                keyword: entry.path.clone(),
                                photos: app.selection.in_result_order(&app.order),
                            });
                            ui.close();
                        }
                        if ui.button(tr!("keyword-rename")).clicked() {
                            actions.push(Action::Rename(NameKind::Keyword, entry.path.clone()));
                            ui.close();
                        }
                        if ui.button(tr!("keyword-merge")).clicked() {
                            actions.push(Action::Rename(NameKind::Merge, entry.path.clone()));
                            ui.close();
                        }
                        let delete = if has_children {
                            tr!("keyword-delete-with-children")
                        } else {
                            tr!("keyword-delete")
                        };
                        if ui
                            .button(delete)
                            .on_hover_text(tr!("keyword-delete-hint", count = entry.photos))
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

fn folders(
    app: &mut App,
    ui: &mut egui::Ui,
    query: &str,
    max_height: f32,
    actions: &mut Vec<Action>,
) {
    let folders = &app.sidebar.folders;
    egui::ScrollArea::vertical()
        .id_salt("folders")
        .max_height(max_height.max(120.0))
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, folders.len(), |ui, range| {
            for (folder, n) in &folders[range] {
                let shown: Vec<String> = folder
                    .components()
                    .rev()
                    .take(2)
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                let name = shown.into_iter().rev().collect::<Vec<_>>().join("/");
                let filter = format!("path:{}", quoted(&format!("{}/", folder.display())));
                let job = counted(&name, *n, ui.visuals().weak_text_color());
                let response =
                    row(ui, job, query == filter).on_hover_text(folder.display().to_string());
                if response.clicked() {
                    actions.push(Action::Search(filter, None));
                }
            }
        });
}

/// Puts what the sidebar lists in the order of the window's language
/// (Czech reads "ch" after "h" and "Č" after "C"): exhibition sets and
/// saved searches, each level of the keyword tree, folders and sources.
/// The catalogue sorts by code point; a person reads by collation.
pub fn in_reading_order(sidebar: &mut super::Sidebar) {
    sidebar.sets.sort_by(|a, b| i18n::compare(&a.name, &b.name));
    sidebar
        .templates
        .sort_by(|a, b| i18n::compare(&a.name, &b.name));
    sidebar.keywords = keywords_in_reading_order(std::mem::take(&mut sidebar.keywords));
    sidebar.folders.sort_by(|(a, _), (b, _)| {
        a.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .zip(b.components().map(|c| c.as_os_str().to_string_lossy()))
            .map(|(x, y)| i18n::compare(&x, &y))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| a.components().count().cmp(&b.components().count()))
    });
    sidebar
        .sources
        .sort_by(|a, b| i18n::compare(&a.record.citation, &b.record.citation));
}

/// The keyword tree (depth-first, each entry with its depth) with each
/// keyword's children in collation order, every child still below its
/// parent.
fn keywords_in_reading_order(entries: Vec<KeywordEntry>) -> Vec<KeywordEntry> {
    // Each entry's names from the root down, from the depths.
    let mut chain: Vec<&str> = Vec::new();
    let mut chains: Vec<Vec<&str>> = Vec::with_capacity(entries.len());
    for entry in &entries {
        chain.truncate(entry.depth);
        chain.push(&entry.name);
        chains.push(chain.clone());
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&chains[a], &chains[b]);
        a.iter()
            .zip(b.iter())
            .map(|(x, y)| i18n::compare(x, y).then_with(|| x.cmp(y)))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| a.len().cmp(&b.len()))
    });
    drop(chains);
    let mut slots: Vec<Option<KeywordEntry>> = entries.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{Language, Shared};

    fn entry(name: &str, path: &str, depth: usize) -> KeywordEntry {
        KeywordEntry {
            id: 0,
            name: name.to_owned(),
            path: path.to_owned(),
            depth,
            category: false,
            synonyms: Vec::new(),
            photos: 1,
        }
    }

    #[test]
    fn the_keyword_tree_reads_in_czech_order_with_children_under_their_parents() {
        Shared::new(Language::Czech).use_here();
        // As the catalogue gives it: by code point.
        let tree = vec![
            entry("Cesta", "Cesta", 0),
            entry("chata", "chata", 0),
            entry("ivan", "ivan", 0),
            entry("hrad", "hrad", 0),
            entry("Žofín", "hrad|Žofín", 1),
            entry("Zbiroh", "hrad|Zbiroh", 1),
            entry("Čech", "Čech", 0),
            entry("Chodov", "Čech|Chodov", 1),
        ];
        let sorted: Vec<String> = keywords_in_reading_order(tree)
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(
            sorted,
            [
                "Cesta",
                "Čech",
                "Čech|Chodov",
                "hrad",
                "hrad|Zbiroh",
                "hrad|Žofín",
                "chata",
                "ivan"
            ]
        );
        Shared::new(Language::English).use_here();
    }
}
