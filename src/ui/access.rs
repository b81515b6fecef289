//! What a screen reader hears beyond a widget's name: a photo's stars, flag
//! and colour label, its place in the set shown, a keyword's fold and
//! count, and the status line as a live region that is read out when it
//! changes. Only the AccessKit nodes egui builds for the widgets are
//! touched; nothing is drawn here.

use egui::accesskit::Live;

use crate::photo::{Flag, Label};
use crate::tr;

/// A photo's curation in words: "4 stars, picked, Red label"; what it lacks
/// is said too ("no stars"), so that silence never stands for a state.
pub fn photo_state(rating: u8, flag: Option<Flag>, label: Option<Label>, missing: bool) -> String {
    let mut words = vec![if rating == 0 {
        tr!("menu-no-stars")
    } else {
        tr!("inspector-stars", count = rating)
    }];
    match flag {
        Some(Flag::Pick) => words.push(tr!("access-picked")),
        Some(Flag::Reject) => words.push(tr!("access-rejected")),
        None => {}
    }
    if let Some(label) = label {
        words.push(tr!("colour-label", label = super::words::label(label)));
    }
    if missing {
        words.push(tr!("thumbnail-file-missing"));
    }
    words.join(", ")
}

/// A place in a list: "3 of 12".
pub fn position_words(position: usize, size: usize) -> String {
    tr!("access-position", position = position, size = size)
}

/// Gives a widget's node a description, read after its name.
pub fn describe(ctx: &egui::Context, id: egui::Id, description: String) {
    ctx.accesskit_node_builder(id, |node| node.set_description(description));
}

/// Says whether a photo's node is among the selected ones (egui tells only
/// that its button is pressed).
pub fn selected(ctx: &egui::Context, id: egui::Id, selected: bool) {
    ctx.accesskit_node_builder(id, |node| node.set_selected(selected));
}

/// Gives a widget's node its place in a list (1-based) and the list's size.
pub fn place(ctx: &egui::Context, id: egui::Id, position: usize, size: usize) {
    ctx.accesskit_node_builder(id, |node| {
        node.set_position_in_set(position);
        node.set_size_of_set(size);
    });
}

/// Says whether a widget's node, a tree row or its fold button, is open.
pub fn expanded(ctx: &egui::Context, id: egui::Id, open: bool) {
    ctx.accesskit_node_builder(id, |node| node.set_expanded(open));
}

/// Makes a widget's node a polite live region: a screen reader reads out
/// its new text when it changes, once the user pauses.
pub fn live(ctx: &egui::Context, id: egui::Id) {
    ctx.accesskit_node_builder(id, |node| node.set_live(Live::Polite));
}

/// Names egui gives the controls it draws itself (a window's close and fold
/// buttons and its resize edges, a panel's resize handle), in English
/// whatever the window's language. This plugin says them again in the
/// window's language as each frame's accessibility tree leaves egui.
pub struct OwnControlNames;

impl egui::Plugin for OwnControlNames {
    fn debug_name(&self) -> &'static str {
        "Kartoteka: egui's own controls in the window's language"
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = output.platform_output.accesskit_update.as_mut() else {
            return;
        };
        for (_, node) in &mut update.nodes {
            if let Some(name) = node.label().and_then(|label| own_name(node.role(), label)) {
                node.set_label(name);
            }
        }
    }
}

/// A control's name in the window's language, if egui named it.
fn own_name(role: egui::accesskit::Role, english: &str) -> Option<String> {
    use egui::accesskit::Role;
    Some(match (role, english) {
        (Role::Button, "Close window") => tr!("access-close-window"),
        (Role::Button, "Hide") => tr!("access-fold-window"),
        (Role::Button, "Show") => tr!("access-unfold-window"),
        (Role::Splitter, "Resize panel") => tr!("access-resize-panel"),
        (Role::Splitter, resize) => {
            let edge = resize.strip_prefix("Resize window ")?;
            let edge = match edge {
                "left edge" => "left",
                "right edge" => "right",
                "top edge" => "top",
                "bottom edge" => "bottom",
                "top-left corner" => "top-left",
                "top-right corner" => "top-right",
                "bottom-left corner" => "bottom-left",
                "bottom-right corner" => "bottom-right",
                _ => return None,
            };
            tr!("access-resize-window", edge = edge)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;

    use super::*;
    use crate::ui::i18n::{Language, Shared};

    #[test]
    fn egui_s_own_controls_are_named_in_the_window_s_language() {
        Shared::new(Language::Czech).use_here();
        for (role, english, czech) in [
            (Role::Button, "Close window", "Zavřít okno"),
            (Role::Button, "Hide", "Sbalit okno"),
            (Role::Button, "Show", "Rozbalit okno"),
            (Role::Splitter, "Resize panel", "Změnit velikost panelu"),
            (
                Role::Splitter,
                "Resize window left edge",
                "Změnit velikost okna levým okrajem",
            ),
            (
                Role::Splitter,
                "Resize window bottom-right corner",
                "Změnit velikost okna pravým dolním rohem",
            ),
        ] {
            assert_eq!(own_name(role, english).as_deref(), Some(czech), "{english}");
        }
        // Only egui's controls: a caption or button of the archive's own
        // that happens to say the same is left as it is.
        assert_eq!(own_name(Role::Label, "Hide"), None);
        assert_eq!(own_name(Role::Splitter, "Resize window sideways"), None);
    }
}
