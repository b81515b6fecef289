//! The archive's vocabulary in the window's language: field names, colour
//! labels, flags, source kinds, sort orders. The catalogue names these in
//! English for files and scripts (`Field::label`, `SourceKind::label`); the
//! window names them here, from the message files.

use crate::catalog::{Certainty, SortKey, SourceKind};
use crate::files::FileKind;
use crate::photo::{Attribute, Field, Flag, Label};
use crate::tr;
use crate::ui::i18n;
use serde_json::Value;

/// A descriptive field's name, as the inspector labels it (the IPTC
/// names archivists know).
pub fn field(field: Field) -> String {
    match field {
        Field::Title => tr!("field-title"),
        Field::Headline => tr!("field-headline"),
        Field::Caption => tr!("field-caption"),
        Field::Creators => tr!("field-creators"),
        Field::Credit => tr!("field-credit"),
        Field::Copyright => tr!("field-copyright"),
        Field::Source => tr!("field-source"),
        Field::Instructions => tr!("field-instructions"),
        Field::JobId => tr!("field-job-id"),
        Field::Sublocation => tr!("field-sublocation"),
        Field::City => tr!("field-city"),
        Field::State => tr!("field-state"),
        Field::Country => tr!("field-country"),
        Field::CountryCode => tr!("field-country-code"),
        Field::Keywords => tr!("field-keywords"),
        Field::HierarchicalKeywords => tr!("field-hierarchical-keywords"),
        Field::People => tr!("field-people"),
        Field::Event => tr!("field-event"),
        Field::DateCreated => tr!("field-date-created"),
        Field::DigitalSourceType => tr!("field-digital-source-type"),
    }
}

/// Anything an edit can change, by its name for people.
pub fn attribute(attribute: Attribute) -> String {
    match attribute {
        Attribute::Field(f) => field(f),
        Attribute::Note => tr!("attribute-note"),
        Attribute::Rating => tr!("attribute-rating"),
        Attribute::Flag => tr!("attribute-flag"),
        Attribute::Label => tr!("attribute-label"),
    }
}

/// A colour label's name.
pub fn label(label: Label) -> String {
    match label {
        Label::Red => tr!("label-red"),
        Label::Yellow => tr!("label-yellow"),
        Label::Green => tr!("label-green"),
        Label::Blue => tr!("label-blue"),
        Label::Purple => tr!("label-purple"),
    }
}

/// A flag's name, as the history and the CSV preview say it.
pub fn flag(flag: Flag) -> String {
    match flag {
        Flag::Pick => tr!("access-picked"),
        Flag::Reject => tr!("access-rejected"),
    }
}

/// A photo's value as a cell shows it, without quotes: flags and colour
/// labels by their names in the window's language (the catalogue stores
/// them by their English ones), text as it is, list items joined, numbers
/// in the language's form. A name the catalogue does not know stays as
/// it was written.
pub fn value(attribute: Option<Attribute>, value: &Value) -> String {
    match (attribute, value) {
        (_, Value::Null) => String::new(),
        (Some(Attribute::Flag), Value::String(f)) => {
            Flag::from_name(f).map_or_else(|| f.clone(), flag)
        }
        (Some(Attribute::Label), Value::String(l)) => {
            Label::from_name(l).map_or_else(|| l.clone(), label)
        }
        (_, Value::String(s)) => s.clone(),
        (_, Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::Number(n)) => n.as_u64().map_or_else(|| n.to_string(), i18n::number),
        (_, other) => other.to_string(),
    }
}

/// A source's kind in words.
pub fn source_kind(kind: SourceKind) -> String {
    match kind {
        SourceKind::Article => tr!("source-kind-article"),
        SourceKind::Book => tr!("source-kind-book"),
        SourceKind::Archival => tr!("source-kind-archival"),
        SourceKind::Sleeve => tr!("source-kind-sleeve"),
        SourceKind::Oral => tr!("source-kind-oral"),
        SourceKind::Website => tr!("source-kind-website"),
        SourceKind::Other => tr!("source-kind-other"),
    }
}

/// How sure a claim is, in words.
pub fn certainty(certainty: Certainty) -> String {
    match certainty {
        Certainty::Certain => tr!("certainty-certain"),
        Certainty::Probable => tr!("certainty-probable"),
        Certainty::Possible => tr!("certainty-possible"),
    }
}

/// An order of results, by its name in the Sort menu.
pub fn sort(key: SortKey) -> String {
    match key {
        SortKey::Depicted => tr!("sort-depicted"),
        SortKey::Taken => tr!("sort-taken"),
        SortKey::Imported => tr!("sort-imported"),
        SortKey::Title => tr!("sort-title"),
        SortKey::Rating => tr!("sort-rating"),
        SortKey::FileName => tr!("sort-file-name"),
        SortKey::SetOrder => tr!("sort-set-order"),
        SortKey::Text(f) => field(f),
        SortKey::Keywords => tr!("sort-keywords"),
        SortKey::Camera => tr!("sort-camera"),
        SortKey::Note => tr!("sort-note"),
    }
}

/// What a path is when it is not a regular file.
pub fn file_kind(kind: FileKind) -> String {
    match kind {
        FileKind::Folder => tr!("file-kind-folder"),
        FileKind::Fifo => tr!("file-kind-fifo"),
        FileKind::CharDevice => tr!("file-kind-char-device"),
        FileKind::BlockDevice => tr!("file-kind-block-device"),
        FileKind::Socket => tr!("file-kind-socket"),
        FileKind::Other => tr!("file-kind-other"),
    }
}
