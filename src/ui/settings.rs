//! What the window remembers between runs (its size and place are eframe's),
//! and how settings from an earlier run are checked against the catalogue
//! opened now.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::i18n::Language;
use super::theme::Theme;
use crate::catalog::{Sort, SortKey};
use crate::tr;

/// Grid of thumbnails or table of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    Grid,
    Table,
}

/// When the catalogue is backed up by itself, on quitting (as Lightroom
/// Classic offers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BackupSchedule {
    Never,
    Daily,
    Weekly,
}

impl BackupSchedule {
    pub const ALL: [BackupSchedule; 3] = [
        BackupSchedule::Never,
        BackupSchedule::Daily,
        BackupSchedule::Weekly,
    ];

    pub fn label(self) -> String {
        match self {
            BackupSchedule::Never => tr!("backup-schedule-never"),
            BackupSchedule::Daily => tr!("backup-schedule-daily"),
            BackupSchedule::Weekly => tr!("backup-schedule-weekly"),
        }
    }

    /// How old the latest backup may be before quitting makes another.
    pub fn interval(self) -> Option<Duration> {
        match self {
            BackupSchedule::Never => None,
            // A little under the period, so that quitting at about the same
            // time each day or week does not skip one.
            BackupSchedule::Daily => Some(Duration::from_secs(20 * 3600)),
            BackupSchedule::Weekly => Some(Duration::from_secs(6 * 24 * 3600 + 20 * 3600)),
        }
    }
}

/// How many catalogues File > Open recent remembers.
pub const RECENT_KEPT: usize = 10;

/// A column the table can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TableColumn {
    File,
    Title,
    Headline,
    Caption,
    Creators,
    Credit,
    Copyright,
    Source,
    Depicted,
    Taken,
    Rating,
    Event,
    People,
    Sublocation,
    City,
    State,
    Country,
    Keywords,
    Camera,
    Note,
}

impl TableColumn {
    pub const ALL: [TableColumn; 20] = [
        TableColumn::File,
        TableColumn::Title,
        TableColumn::Headline,
        TableColumn::Caption,
        TableColumn::Creators,
        TableColumn::Credit,
        TableColumn::Copyright,
        TableColumn::Source,
        TableColumn::Depicted,
        TableColumn::Taken,
        TableColumn::Rating,
        TableColumn::Event,
        TableColumn::People,
        TableColumn::Sublocation,
        TableColumn::City,
        TableColumn::State,
        TableColumn::Country,
        TableColumn::Keywords,
        TableColumn::Camera,
        TableColumn::Note,
    ];

    /// The columns a new table shows.
    pub const DEFAULT: [TableColumn; 7] = [
        TableColumn::File,
        TableColumn::Title,
        TableColumn::Caption,
        TableColumn::Creators,
        TableColumn::Depicted,
        TableColumn::Rating,
        TableColumn::City,
    ];

    pub fn title(self) -> String {
        match self {
            TableColumn::File => tr!("column-file"),
            TableColumn::Title => tr!("column-title"),
            TableColumn::Headline => tr!("column-headline"),
            TableColumn::Caption => tr!("column-caption"),
            TableColumn::Creators => tr!("column-creators"),
            TableColumn::Credit => tr!("column-credit"),
            TableColumn::Copyright => tr!("column-copyright"),
            TableColumn::Source => tr!("column-source"),
            TableColumn::Depicted => tr!("column-depicted"),
            TableColumn::Taken => tr!("column-taken"),
            TableColumn::Rating => tr!("column-rating"),
            TableColumn::Event => tr!("column-event"),
            TableColumn::People => tr!("column-people"),
            TableColumn::Sublocation => tr!("column-sublocation"),
            TableColumn::City => tr!("column-city"),
            TableColumn::State => tr!("column-state"),
            TableColumn::Country => tr!("column-country"),
            TableColumn::Keywords => tr!("column-keywords"),
            TableColumn::Camera => tr!("column-camera"),
            TableColumn::Note => tr!("column-note"),
        }
    }

    /// The order a click on the column's heading sorts by.
    pub fn sort_key(self) -> SortKey {
        use crate::photo::Field;
        match self {
            TableColumn::File => SortKey::FileName,
            TableColumn::Title => SortKey::Title,
            TableColumn::Headline => SortKey::Text(Field::Headline),
            TableColumn::Caption => SortKey::Text(Field::Caption),
            TableColumn::Creators => SortKey::Text(Field::Creators),
            TableColumn::Credit => SortKey::Text(Field::Credit),
            TableColumn::Copyright => SortKey::Text(Field::Copyright),
            TableColumn::Source => SortKey::Text(Field::Source),
            TableColumn::Depicted => SortKey::Depicted,
            TableColumn::Taken => SortKey::Taken,
            TableColumn::Rating => SortKey::Rating,
            TableColumn::Event => SortKey::Text(Field::Event),
            TableColumn::People => SortKey::Text(Field::People),
            TableColumn::Sublocation => SortKey::Text(Field::Sublocation),
            TableColumn::City => SortKey::Text(Field::City),
            TableColumn::State => SortKey::Text(Field::State),
            TableColumn::Country => SortKey::Text(Field::Country),
            TableColumn::Keywords => SortKey::Keywords,
            TableColumn::Camera => SortKey::Camera,
            TableColumn::Note => SortKey::Note,
        }
    }

    /// A starting width in points.
    pub fn width(self) -> f32 {
        match self {
            TableColumn::Caption => 320.0,
            TableColumn::Title | TableColumn::Headline | TableColumn::Keywords => 200.0,
            TableColumn::File | TableColumn::Creators | TableColumn::Credit => 150.0,
            TableColumn::Rating => 80.0,
            TableColumn::Depicted => 100.0,
            TableColumn::Taken => 140.0,
            _ => 120.0,
        }
    }
}

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view: View,
    /// Thumbnail cell size in points.
    pub thumbnail_size: f32,
    /// The order results are shown in (never a set's order: that belongs to
    /// the set shown, not to the window).
    pub sort: String,
    pub descending: bool,
    pub show_inspector: bool,
    /// The template applied to imports (empty for none).
    pub import_template: String,
    /// The table's columns, in order.
    pub columns: Vec<TableColumn>,
    /// Sidebar and inspector sections the user folded away.
    pub collapsed: BTreeSet<String>,
    /// The keyword tree counts the photos of the current result, not of
    /// the whole catalogue.
    pub keyword_counts_follow_result: bool,
    /// Catalogues opened, the last one first.
    pub recent: Vec<PathBuf>,
    /// Where backups go; `None` for `Backups` beside the catalogue.
    pub backup_folder: Option<PathBuf>,
    /// How many backups of a catalogue to keep in the backup folder.
    pub backups_kept: usize,
    pub backup_on_quit: BackupSchedule,
    /// The language chosen in the View menu; `None` follows the system's.
    pub language: Option<Language>,
    /// The interface's zoom (egui's zoom factor; Ctrl+plus and Ctrl+minus).
    pub zoom: f32,
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: View::Grid,
            thumbnail_size: 160.0,
            sort: SortKey::Depicted.name().to_owned(),
            descending: false,
            show_inspector: true,
            import_template: String::new(),
            columns: TableColumn::DEFAULT.to_vec(),
            collapsed: BTreeSet::new(),
            keyword_counts_follow_result: false,
            recent: Vec::new(),
            backup_folder: None,
            backups_kept: 10,
            backup_on_quit: BackupSchedule::Weekly,
            language: None,
            zoom: 1.0,
            theme: Theme::Dark,
        }
    }
}

impl Settings {
    /// The sort to show results in.
    pub fn sort(&self) -> Sort {
        Sort {
            key: SortKey::from_name(&self.sort).unwrap_or_default(),
            descending: self.descending,
        }
    }

    pub fn set_sort(&mut self, sort: Sort) {
        self.sort = sort.key.name().to_owned();
        self.descending = sort.descending;
    }

    /// Settings saved by an earlier run, made sensible for any catalogue:
    /// a set's order is only meaningful while that set is shown, so a
    /// window never starts in it (it would show "no photos" for a library
    /// that has thousands); sizes are kept in range; unknown columns go.
    pub fn checked(mut self) -> Self {
        let defaults = Settings::default();
        match SortKey::from_name(&self.sort) {
            None | Some(SortKey::SetOrder) => {
                self.sort = defaults.sort;
                self.descending = false;
            }
            Some(_) => {}
        }
        if !(96.0..=320.0).contains(&self.thumbnail_size) {
            self.thumbnail_size = defaults.thumbnail_size;
        }
        let mut seen = BTreeSet::new();
        self.columns
            .retain(|c| seen.insert(TableColumn::ALL.iter().position(|a| a == c)));
        if self.columns.is_empty() {
            self.columns = defaults.columns;
        }
        self.backups_kept = self.backups_kept.clamp(1, 1000);
        if !(0.5..=3.0).contains(&self.zoom) {
            self.zoom = defaults.zoom;
        }
        self.recent.truncate(RECENT_KEPT);
        self
    }

    /// Puts a catalogue first among the recent ones.
    pub fn opened(&mut self, catalogue: &Path) {
        self.recent.retain(|p| p != catalogue);
        self.recent.insert(0, catalogue.to_owned());
        self.recent.truncate(RECENT_KEPT);
    }

    /// The language the window speaks: the one chosen, else the system's.
    pub fn language(&self) -> Language {
        self.language.unwrap_or_else(Language::of_system)
    }

    pub fn is_collapsed(&self, section: &str) -> bool {
        self.collapsed.contains(section)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_set_order_is_dropped_at_start() {
        let saved = Settings {
            sort: "set".into(),
            descending: true,
            thumbnail_size: 4000.0,
            columns: vec![TableColumn::Caption, TableColumn::Caption],
            ..Settings::default()
        };
        let checked = saved.checked();
        assert_eq!(checked.sort(), Sort::default());
        assert_eq!(checked.thumbnail_size, 160.0);
        assert_eq!(checked.columns, [TableColumn::Caption]);
    }

    #[test]
    fn the_ten_catalogues_opened_last_are_remembered_newest_first() {
        let mut settings = Settings::default();
        for n in 0..12 {
            settings.opened(Path::new(&format!("/archive/{n}.kartoteka")));
        }
        settings.opened(Path::new("/archive/5.kartoteka"));
        assert_eq!(settings.recent.len(), RECENT_KEPT);
        assert_eq!(settings.recent[0], Path::new("/archive/5.kartoteka"));
        assert_eq!(settings.recent[1], Path::new("/archive/11.kartoteka"));
        assert!(
            !settings
                .recent
                .contains(&PathBuf::from("/archive/1.kartoteka"))
        );
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("5.kartoteka"))
                .count(),
            1
        );
    }

    /// Settings as eframe keeps them, in memory.
    #[derive(Default)]
    struct Stored(std::collections::HashMap<String, String>);

    impl eframe::Storage for Stored {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn settings_of_an_older_version_load_with_defaults_for_what_is_new() {
        use eframe::Storage as _;
        let mut stored = Stored::default();
        // What the first desktop release saved.
        stored.set_string(
            "kartoteka-settings",
            r#"(view: Table, thumbnail_size: 200.0, sort: "title", show_inspector: true, import_template: "")"#.into(),
        );
        let settings: Settings = eframe::get_value(&stored, "kartoteka-settings").unwrap();
        assert_eq!(settings.view, View::Table);
        assert_eq!(settings.sort().key, SortKey::Title);
        assert_eq!(settings.columns, TableColumn::DEFAULT);

        let mut changed = settings.clone();
        changed.collapsed.insert("keywords".into());
        eframe::set_value(&mut stored, "kartoteka-settings", &changed);
        let again: Settings = eframe::get_value(&stored, "kartoteka-settings").unwrap();
        assert_eq!(again, changed);
    }
}
