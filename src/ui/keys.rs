//! The keyboard: every shortcut the window knows, in one table that the key
//! handler, the menus and the keyboard reference (F1) all read, so that what
//! a key does is written in one place.
//!
//! Keys go to text fields first: while a field has the keyboard, no
//! shortcut fires except Ctrl+F, F1 and the menu commands with Ctrl (a
//! field's own Ctrl+Z undoes typing). Modifiers must match exactly, so
//! Ctrl+Shift+Z (redo) is never taken for Ctrl+Z (undo).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::photo::Label;
use crate::tr;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Undo,
    Redo,
    Find,
    SelectAll,
    SelectNone,
    Import,
    ExportCsv,
    OpenCatalogue,
    Quit,
    KeyboardReference,
    Rate(u8),
    Pick,
    Reject,
    Unflag,
    Label(Label),
    NoLabel,
    /// Move the focus by this many places (across; a row for up and down).
    Move(Direction),
    /// The same, extending the selection.
    Extend(Direction),
    OpenFullSize,
    RemoveFromSet,
    /// The keyboard to the caption of the selected photos.
    WriteCaption,
    /// The keyboard to the field that adds a keyword.
    AddKeyword,
    /// The form that adds the selected photos to a set.
    AddToSet,
    GridView,
    TableView,
    /// In the full-size view: 100 % and back to fitting the window.
    ToggleZoom,
    ZoomIn,
    ZoomOut,
    /// Esc: leave the full-size view, or clear the selection.
    Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// Where a shortcut works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also while typing in a field.
    Always,
    /// When no text field has the keyboard: the grid, the table, the
    /// full-size view.
    Photos,
    /// In the full-size view only.
    Viewer,
    /// In the grid and the table, not the full-size view.
    Browsing,
}

/// A group of the keyboard reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Catalogue,
    Selection,
    Describing,
    Viewing,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Catalogue,
        Group::Selection,
        Group::Describing,
        Group::Viewing,
    ];

    pub fn title(self) -> String {
        match self {
            Group::Catalogue => tr!("keys-group-catalogue"),
            Group::Selection => tr!("keys-group-selection"),
            Group::Describing => tr!("keys-group-describing"),
            Group::Viewing => tr!("keys-group-viewing"),
        }
    }
}

/// One row of the table: the keys (the first is the one menus show), what
/// it does, where and in which group.
pub struct Binding {
    pub shortcut: Shortcut,
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
    pub group: Group,
    /// The message saying what it does.
    pub what: &'static str,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}
const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn binding(
    shortcut: Shortcut,
    keys: &'static [KeyboardShortcut],
    scope: Scope,
    group: Group,
    what: &'static str,
) -> Binding {
    Binding {
        shortcut,
        keys,
        scope,
        group,
        what,
    }
}

use Group::{Catalogue, Describing, Selection, Viewing};
use Scope::{Always, Browsing, Photos, Viewer};

/// Every shortcut. Order matters only for reading: matching is exact.
pub const BINDINGS: &[Binding] = &[
    binding(
        Shortcut::Undo,
        &[command(Key::Z)],
        Photos,
        Catalogue,
        "key-undo",
    ),
    binding(
        Shortcut::Redo,
        &[command_shift(Key::Z), command(Key::Y)],
        Photos,
        Catalogue,
        "key-redo",
    ),
    binding(
        Shortcut::Find,
        &[command(Key::F)],
        Always,
        Catalogue,
        "key-find",
    ),
    binding(
        Shortcut::Import,
        &[command_shift(Key::I)],
        Always,
        Catalogue,
        "key-import",
    ),
    binding(
        Shortcut::ExportCsv,
        &[command_shift(Key::E)],
        Always,
        Catalogue,
        "key-export-csv",
    ),
    binding(
        Shortcut::OpenCatalogue,
        &[command(Key::O)],
        Always,
        Catalogue,
        "key-open-catalogue",
    ),
    binding(
        Shortcut::Quit,
        &[command(Key::Q)],
        Always,
        Catalogue,
        "key-quit",
    ),
    binding(
        Shortcut::KeyboardReference,
        &[key(Key::F1)],
        Always,
        Catalogue,
        "key-keyboard-reference",
    ),
    binding(
        Shortcut::KeyboardReference,
        &[key(Key::Questionmark)],
        Photos,
        Catalogue,
        "key-keyboard-reference-typing",
    ),
    binding(
        Shortcut::Move(Direction::Right),
        &[key(Key::ArrowRight)],
        Photos,
        Selection,
        "key-move-right",
    ),
    binding(
        Shortcut::Move(Direction::Left),
        &[key(Key::ArrowLeft)],
        Photos,
        Selection,
        "key-move-left",
    ),
    binding(
        Shortcut::Move(Direction::Down),
        &[key(Key::ArrowDown)],
        Browsing,
        Selection,
        "key-move-down",
    ),
    binding(
        Shortcut::Move(Direction::Up),
        &[key(Key::ArrowUp)],
        Browsing,
        Selection,
        "key-move-up",
    ),
    binding(
        Shortcut::Extend(Direction::Right),
        &[shift(Key::ArrowRight)],
        Browsing,
        Selection,
        "key-extend-right",
    ),
    binding(
        Shortcut::Extend(Direction::Left),
        &[shift(Key::ArrowLeft)],
        Browsing,
        Selection,
        "key-extend-left",
    ),
    binding(
        Shortcut::Extend(Direction::Down),
        &[shift(Key::ArrowDown)],
        Browsing,
        Selection,
        "key-extend-down",
    ),
    binding(
        Shortcut::Extend(Direction::Up),
        &[shift(Key::ArrowUp)],
        Browsing,
        Selection,
        "key-extend-up",
    ),
    binding(
        Shortcut::SelectAll,
        &[command(Key::A)],
        Browsing,
        Selection,
        "key-select-all",
    ),
    binding(
        Shortcut::SelectNone,
        &[command(Key::D)],
        Browsing,
        Selection,
        "key-select-none",
    ),
    binding(
        Shortcut::Back,
        &[key(Key::Escape)],
        Photos,
        Selection,
        "key-back",
    ),
    binding(
        Shortcut::Rate(0),
        &[key(Key::Num0)],
        Photos,
        Describing,
        "key-rate-0",
    ),
    binding(
        Shortcut::Rate(1),
        &[key(Key::Num1)],
        Photos,
        Describing,
        "key-rate-1",
    ),
    binding(
        Shortcut::Rate(2),
        &[key(Key::Num2)],
        Photos,
        Describing,
        "key-rate-2",
    ),
    binding(
        Shortcut::Rate(3),
        &[key(Key::Num3)],
        Photos,
        Describing,
        "key-rate-3",
    ),
    binding(
        Shortcut::Rate(4),
        &[key(Key::Num4)],
        Photos,
        Describing,
        "key-rate-4",
    ),
    binding(
        Shortcut::Rate(5),
        &[key(Key::Num5)],
        Photos,
        Describing,
        "key-rate-5",
    ),
    binding(
        Shortcut::Pick,
        &[key(Key::P)],
        Photos,
        Describing,
        "key-pick",
    ),
    binding(
        Shortcut::Reject,
        &[key(Key::X)],
        Photos,
        Describing,
        "key-reject",
    ),
    binding(
        Shortcut::Unflag,
        &[key(Key::U)],
        Photos,
        Describing,
        "key-unflag",
    ),
    binding(
        Shortcut::Label(Label::Red),
        &[key(Key::Num6)],
        Photos,
        Describing,
        "key-label-red",
    ),
    binding(
        Shortcut::Label(Label::Yellow),
        &[key(Key::Num7)],
        Photos,
        Describing,
        "key-label-yellow",
    ),
    binding(
        Shortcut::Label(Label::Green),
        &[key(Key::Num8)],
        Photos,
        Describing,
        "key-label-green",
    ),
    binding(
        Shortcut::Label(Label::Blue),
        &[key(Key::Num9)],
        Photos,
        Describing,
        "key-label-blue",
    ),
    binding(
        Shortcut::NoLabel,
        &[key(Key::Minus)],
        Browsing,
        Describing,
        "key-no-label",
    ),
    binding(
        Shortcut::WriteCaption,
        &[key(Key::F2)],
        Browsing,
        Describing,
        "key-write-caption",
    ),
    binding(
        Shortcut::AddKeyword,
        &[command(Key::K)],
        Browsing,
        Describing,
        "key-add-keyword",
    ),
    binding(
        Shortcut::AddToSet,
        &[command(Key::B)],
        Browsing,
        Describing,
        "key-add-to-set",
    ),
    binding(
        Shortcut::RemoveFromSet,
        &[key(Key::Delete), key(Key::Backspace)],
        Browsing,
        Describing,
        "key-remove-from-set",
    ),
    binding(
        Shortcut::OpenFullSize,
        &[key(Key::Space), key(Key::Enter)],
        Browsing,
        Viewing,
        "key-open-full-size",
    ),
    binding(
        Shortcut::GridView,
        &[key(Key::G)],
        Browsing,
        Viewing,
        "key-grid-view",
    ),
    binding(
        Shortcut::TableView,
        &[key(Key::T)],
        Browsing,
        Viewing,
        "key-table-view",
    ),
    binding(
        Shortcut::ToggleZoom,
        &[key(Key::Z)],
        Viewer,
        Viewing,
        "key-toggle-zoom",
    ),
    binding(
        Shortcut::ZoomIn,
        &[key(Key::Plus), key(Key::Equals)],
        Viewer,
        Viewing,
        "key-zoom-in",
    ),
    binding(
        Shortcut::ZoomOut,
        &[key(Key::Minus)],
        Viewer,
        Viewing,
        "key-zoom-out",
    ),
];

/// Keys that are not shortcuts but belong in the reference.
pub const TYPING: &[(&str, &str)] = &[
    ("key-tab-keys", "key-tab-what"),
    ("key-enter-keys", "key-enter-what"),
    ("key-shift-enter-keys", "key-shift-enter-what"),
    ("key-esc-keys", "key-esc-what"),
    ("key-click-keys", "key-click-what"),
    ("key-zoom-keys", "key-zoom-what"),
    ("key-drag-keys", "key-drag-what"),
];

pub fn binding_of(shortcut: Shortcut) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| b.shortcut == shortcut)
}

/// The keys of a shortcut as menus show them ("Ctrl+Shift+Z").
pub fn shortcut_text(ctx: &egui::Context, shortcut: Shortcut) -> String {
    binding_of(shortcut)
        .and_then(|b| b.keys.first())
        .map_or_else(String::new, |k| chord_text(ctx, k))
}

/// A chord as egui writes it, with arrows and the question mark as the
/// keys show them rather than by their English names.
fn chord_text(ctx: &egui::Context, chord: &KeyboardShortcut) -> String {
    ctx.format_shortcut(chord)
        .split('+')
        .map(|part| match part {
            "Right" => "→",
            "Left" => "←",
            "Up" => "↑",
            "Down" => "↓",
            "Questionmark" => "?",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// Every key of a binding, for the reference: "Ctrl+Shift+Z, Ctrl+Y".
pub fn keys_text(ctx: &egui::Context, binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| chord_text(ctx, k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a key event is this shortcut: the key, and exactly its
/// modifiers (a `?` typed with Shift is still `?`).
fn matches(event: &egui::Event, shortcut: &KeyboardShortcut) -> bool {
    let egui::Event::Key {
        key,
        modifiers,
        pressed: true,
        ..
    } = event
    else {
        return false;
    };
    if *key != shortcut.logical_key {
        return false;
    }
    let symbol = matches!(key, Key::Questionmark | Key::Plus);
    if symbol && !modifiers.command && !modifiers.alt {
        return true;
    }
    modifiers.matches_exact(shortcut.modifiers)
}

/// The shortcuts pressed this frame that work in `context`, taken out of
/// the input so that nothing else acts on them too. `typing` is true while
/// a text field has the keyboard; `clean` when that field holds nothing
/// unsaved, so that undo and redo are the catalogue's, not the field's.
pub fn pressed(ctx: &egui::Context, typing: bool, clean: bool, in_viewer: bool) -> Vec<Shortcut> {
    let works = |binding: &Binding| match binding.scope {
        Scope::Always => true,
        Scope::Photos => {
            !typing || (clean && matches!(binding.shortcut, Shortcut::Undo | Shortcut::Redo))
        }
        Scope::Viewer => !typing && in_viewer,
        Scope::Browsing => !typing && !in_viewer,
    };
    let mut found = Vec::new();
    ctx.input_mut(|i| {
        i.events.retain(|event| {
            let hit = BINDINGS
                .iter()
                .find(|b| works(b) && b.keys.iter().any(|k| matches(event, k)));
            match hit {
                Some(b) => {
                    found.push(b.shortcut);
                    false
                }
                None => true,
            }
        });
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_shortcuts_share_a_key_in_one_place() {
        let overlaps = |a: Scope, b: Scope| {
            let in_viewer = |s: Scope| matches!(s, Scope::Always | Scope::Photos | Scope::Viewer);
            let browsing = |s: Scope| matches!(s, Scope::Always | Scope::Photos | Scope::Browsing);
            (in_viewer(a) && in_viewer(b)) || (browsing(a) && browsing(b))
        };
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                for k in a.keys {
                    assert!(
                        !(b.keys.contains(k) && overlaps(a.scope, b.scope)),
                        "{:?} and {:?} both use {k:?}",
                        a.shortcut,
                        b.shortcut
                    );
                }
            }
        }
    }
}
