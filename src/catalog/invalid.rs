//! What the catalogue refuses to do, and why, as values: the set, source,
//! keyword or field concerned rides along, so that the window can say it in
//! its own language. `Display` is the catalogue's English, which the command
//! line prints and scripts read; it must not change.

use crate::date::DepictedError;
use crate::files::FileKind;
use crate::limits::describe_bytes;
use crate::photo::{Attribute, PhotoId};
use crate::search::QueryError;
use crate::text::count;

/// A request the catalogue refused: a name, id or value that does not fit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("{0} needs a name")]
    NameNeeded(Named),
    #[error("the query does not parse: {0}")]
    QueryDoesNotParse(QueryError),
    #[error("no exhibition set named \"{name}\"")]
    NoSuchSet { name: String },
    #[error("no set or saved search named \"{name}\"")]
    NoSuchSetOrSearch { name: String },
    #[error("\"{name}\" is a saved search, not an exhibition set")]
    SearchNotSet { name: String },
    #[error("a set or saved search named \"{name}\" already exists")]
    SetNameTaken { name: String },
    #[error("photo {photo} is not in \"{set}\"")]
    NotInSet { photo: PhotoId, set: String },
    #[error("no template named \"{name}\"")]
    NoSuchTemplate { name: String },
    #[error("a template cannot hold {field:?} (use keywords for keywords)")]
    NotForTemplate { field: String },
    /// A value that is not of the attribute's kind, as it was given (the
    /// command line writes it as JSON: `"7"` for text, `7` for a number).
    #[error("{attribute}: {expected}, not {value}")]
    BadValue {
        attribute: Attribute,
        value: serde_json::Value,
        expected: Expected,
    },
    #[error("{of}: {error}")]
    BadDate { of: DateOf, error: DepictedError },
    /// A field edited to more than it may hold.
    #[error("{attribute}: longer than the {} a field may hold", describe_bytes(*.limit as u64))]
    FieldTooLong { attribute: Attribute, limit: usize },
    /// A part of a source or a claim longer than it may hold.
    #[error("a {record}'s {part} is longer than the {} a field may hold", describe_bytes(*.limit as u64))]
    PartTooLong {
        record: Record,
        part: &'static str,
        limit: usize,
    },
    #[error("no keyword {term:?}")]
    NoSuchKeyword { term: String },
    /// A keyword path an operation names that is no longer there.
    #[error("no keyword {path}")]
    NoSuchKeywordPath { path: String },
    #[error("{term:?} names several keywords; give the path: {}", .paths.join(", "))]
    AmbiguousKeyword { term: String, paths: Vec<String> },
    #[error("keyword {name:?} could not be created")]
    KeywordNotCreated { name: String },
    #[error("{path:?} is not a keyword path")]
    NotAKeywordPath { path: String },
    #[error("{name:?} is not a keyword name")]
    NotAKeywordName { name: String },
    #[error("{path} cannot go under itself")]
    KeywordUnderItself { path: String },
    #[error("{path} cannot be merged into itself or a keyword below it")]
    KeywordIntoItself { path: String },
    #[error("{path} already exists; merge the two keywords instead")]
    KeywordExists { path: String },
    #[error(
        "the keyword list nests deeper than the {} levels Kartoteka keeps",
        crate::limits::MAX_KEYWORD_LEVELS
    )]
    KeywordListTooDeep,
    #[error(
        "a keyword path of {levels} levels is deeper than the {} Kartoteka keeps",
        crate::limits::MAX_KEYWORD_LEVELS
    )]
    KeywordPathTooDeep { levels: usize },
    #[error(
        "claims are about a descriptive field ({}), not {name:?}",
        claimable_names()
    )]
    NotClaimable { name: String },
    #[error("a claim needs a value for {field}")]
    ClaimNeedsValue { field: Attribute },
    #[error("no claim {0}")]
    NoSuchClaim(i64),
    #[error("no source {0}")]
    NoSuchSource(i64),
    #[error("the source was not added")]
    SourceNotAdded,
    #[error("a source needs a citation, a title or an author")]
    SourceNeedsCitation,
    #[error(
        "a source's kind is {}, not {value:?}",
        crate::catalog::SourceKind::ALL.map(crate::catalog::SourceKind::name).join(", ")
    )]
    NoSuchSourceKind { value: String },
    #[error(
        "a source has citation, author, title, publisher, date, url, reference, kind \
         and note, not {field:?}"
    )]
    NoSuchSourceField { field: String },
    /// A source an operation would delete while claims still cite it.
    #[error("source {0} is still cited by claims")]
    SourceInUse(i64),
    /// A source the user asked to remove while claims still cite it.
    #[error(
        "source {id} (“{citation}”) is cited by {} on {}; remove those first, or force it \
         (the claims stay, citing nothing)",
        count(*.claims, "claim", "claims"),
        count(*.photos, "photo", "photos")
    )]
    SourceStillCited {
        id: i64,
        citation: String,
        claims: usize,
        photos: usize,
    },
    #[error("source {0} cannot be merged into itself")]
    SourceIntoItself(i64),
    /// A stored change that cannot be read back.
    #[error("the edit history is damaged ({what} in a change of {field}); nothing was changed")]
    DamagedHistory { what: &'static str, field: String },
    #[error("{} is {kind}, not a catalogue file", .path.display())]
    NotACatalogueFile {
        path: std::path::PathBuf,
        kind: FileKind,
    },
    #[error("could not start {which}: {reason}")]
    ThreadNotStarted { which: Threads, reason: String },
}

/// What needs a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Set,
    Template,
}

/// What a value of an attribute must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    Rating,
    Flag,
    Label,
    ListOfTexts,
}

/// Whose date did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOf {
    /// The date a photo depicts.
    DateCreated,
    /// A source's date.
    Source,
}

/// A record of the catalogue that has parts: a source, a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Record {
    Source,
    Claim,
}

/// Threads an import starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threads {
    Readers,
    Import,
}

fn claimable_names() -> String {
    super::CLAIMABLE
        .iter()
        .map(|a| a.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The English of the small enums, as the catalogue's messages put them.
macro_rules! english {
    ($($type:ty { $($variant:ident => $text:literal),+ $(,)? })+) => {$(
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(match self {
                    $(Self::$variant => $text,)+
                })
            }
        }
    )+};
}

english! {
    Named { Set => "a set", Template => "a template" }
    Expected {
        Rating => "a rating is 0 to 5",
        Flag => "a flag is pick, reject or none",
        Label => "a label is red, yellow, green, blue, purple or none",
        ListOfTexts => "a list of texts",
    }
    DateOf { DateCreated => "date_created", Source => "source date" }
    Record { Source => "source", Claim => "claim" }
    Threads { Readers => "reader threads", Import => "the import thread" }
}

/// Why one row of a CSV file (edits or claims) was left unchanged, with
/// what it names. `Display` is the command line's English, without the
/// "this row was left unchanged" that the report adds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowRefused {
    #[error(
        "the cell is {}, more than the {} Kartoteka keeps in one field",
        describe_bytes(*.size),
        describe_bytes(crate::limits::MAX_FIELD_BYTES as u64)
    )]
    CellTooLong { size: u64 },
    #[error("not valid UTF-8 text")]
    NotUtf8,
    #[error("{text:?} is not a {of} id")]
    NotAnId { of: IdOf, text: String },
    #[error("Preferred is yes or no, not {value:?}")]
    NotYesOrNo { value: String },
    #[error("certainty is certain, probable or possible, not {value:?}")]
    NoSuchCertainty { value: String },
    /// A value the field does not take (a rating of 7).
    #[error("{0}")]
    Value(Invalid),
    #[error("no photo with id {0}")]
    NoSuchPhoto(PhotoId),
    #[error("no photo at {}", crate::text::printable_path(.0))]
    NoPhotoAt(std::path::PathBuf),
    /// An edits row whose ID and File cells name two photos.
    #[error(
        "ID {id} and File {} name two different photos ({id} and {other})",
        crate::text::printable_path(.file)
    )]
    IdAndFileDiffer {
        id: PhotoId,
        file: std::path::PathBuf,
        other: PhotoId,
    },
    /// A claims row whose Photo ID and File cells name two photos.
    #[error(
        "Photo ID {photo} and File {} name two different photos",
        crate::text::printable_path(.file)
    )]
    PhotoAndFileDiffer {
        photo: PhotoId,
        file: std::path::PathBuf,
    },
    #[error("no source {0}")]
    NoSuchSource(i64),
    #[error("Source ID {id} is “{citation}”, not “{cell}” as the Source cell says")]
    SourceIsAnother {
        id: i64,
        citation: String,
        cell: String,
    },
    #[error("no source is cited as “{citation}” (add it first, or give its Source ID)")]
    NoSourceCited { citation: String },
    #[error("{sources} sources are cited as “{citation}”; give the Source ID")]
    SourcesCited { sources: usize, citation: String },
    #[error("{field:?} is not a field claims are about")]
    NotClaimable { field: String },
    #[error("a claim on {0} needs a value")]
    ClaimNeedsValue(Attribute),
    #[error(
        "rows {} all prefer a claim on {attribute} of photo {photo}",
        .rows.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    )]
    RivalsPreferred {
        rows: Vec<usize>,
        attribute: Attribute,
        photo: PhotoId,
    },
    #[error("no claim {id} about photo {photo} (a new claim has no Claim ID)")]
    NoSuchClaimOnPhoto { id: i64, photo: PhotoId },
    #[error("claim {id} is about {field}, not {attribute} (a new claim has no Claim ID)")]
    ClaimOfAnotherField {
        id: i64,
        field: String,
        attribute: Attribute,
    },
    #[error("claim {id} is the preferred one of its field; prefer another claim instead")]
    LastPreferred { id: i64 },
    /// What the catalogue said of a value, when it is no refusal of its own.
    #[error("{0}")]
    Other(String),
}

/// Whose id a cell was to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Photo,
    Claim,
    Source,
}

english! {
    IdOf { Photo => "photo", Claim => "claim", Source => "source" }
}

impl RowRefused {
    /// A value refused by the catalogue's checks.
    pub fn value(e: super::CatalogError) -> Self {
        match e {
            super::CatalogError::Invalid(invalid) => RowRefused::Value(invalid),
            other => RowRefused::Other(other.to_string()),
        }
    }
}
