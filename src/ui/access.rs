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
