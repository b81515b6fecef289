//! Errors in the window's language. The library's errors are values that
//! carry what they concern (the set, the source, the file); their English
//! `Display` is the command line's. Here each becomes a message from the
//! message files with those values as arguments, so that a Czech archivist
//! reads Czech all through. SQLite's and the system's errors are said by
//! their kind, naming the file; only what no kind covers keeps the library's
//! English, inside a sentence that says so.

use std::io::ErrorKind;
use std::path::Path;

use rusqlite::ErrorCode;

use crate::catalog::backup::BackupError;
use crate::catalog::{CatalogError, IdOf, Invalid, QueryRefused, RowRefused, SearchError};
use crate::export::ExportError;
use crate::export::csl::{CslFileError, CslFileReason};
use crate::export::csv::{CsvProblem, Problem};
use crate::export::embed::EmbedError;
use crate::files::{ReadFileError, WriteError};
use crate::ingest::fault::Fault;
use crate::ingest::import::NotImported;
use crate::ingest::iptc::IimError;
use crate::ingest::scan::ScanProblem;
use crate::ingest::thumbnail::{NoPreview, Unsupported};
use crate::ingest::warning::{Block, Refused, Warning};
use crate::ingest::xmp::XmpError;
use crate::ingest::{Damage, ReadError, Refusal, SystemError};
use crate::interop::InteropError;
use crate::photo::Attribute;
use crate::search::QueryProblem;
use crate::tr;
use crate::ui::i18n;
use crate::ui::words;

/// An error the window can show.
pub trait Said {
    /// The error in the window's language. `file` is the file it concerns
    /// where the error names none itself: the catalogue, for the
    /// catalogue's own errors.
    fn said(&self, file: &Path) -> String;
}

/// What no kind covers: the library's words, marked as English.
pub fn other(error: &impl std::fmt::Display) -> String {
    tr!("error-other", error = error.to_string())
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// SQLite's result codes the window says in words, by message. A code not
/// here is said as [`other`].
const SQLITE_WORDS: &[(&[ErrorCode], &str)] = &[
    (
        &[ErrorCode::DatabaseBusy, ErrorCode::DatabaseLocked],
        "error-catalogue-locked",
    ),
    (&[ErrorCode::ReadOnly], "error-catalogue-read-only"),
    (&[ErrorCode::DiskFull], "error-disk-full"),
    (
        &[ErrorCode::DatabaseCorrupt, ErrorCode::NotADatabase],
        "error-catalogue-damaged",
    ),
    (&[ErrorCode::CannotOpen], "error-catalogue-cannot-open"),
    (&[ErrorCode::PermissionDenied], "error-permission-denied"),
    (&[ErrorCode::SystemIoFailure], "error-disk-failed"),
];

/// The system's error kinds the window says in words, by message.
const IO_WORDS: &[(ErrorKind, &str)] = &[
    (ErrorKind::NotFound, "error-not-found"),
    (ErrorKind::PermissionDenied, "error-permission-denied"),
    (ErrorKind::AlreadyExists, "error-already-exists"),
    (ErrorKind::StorageFull, "error-disk-full"),
    (ErrorKind::QuotaExceeded, "error-quota-exceeded"),
    (ErrorKind::ReadOnlyFilesystem, "error-read-only-disk"),
    (ErrorKind::IsADirectory, "error-is-a-folder"),
    (ErrorKind::NotADirectory, "error-not-a-folder"),
    (ErrorKind::DirectoryNotEmpty, "error-folder-not-empty"),
    (ErrorKind::FileTooLarge, "error-file-too-large"),
    (ErrorKind::InvalidFilename, "error-bad-file-name"),
    (ErrorKind::UnexpectedEof, "error-file-cut-short"),
    (ErrorKind::OutOfMemory, "error-out-of-memory"),
];

/// A message naming one file.
fn about_file(id: &str, file: &Path) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("file", shown(file));
    i18n::t_args(id, &args)
}

impl Said for rusqlite::Error {
    fn said(&self, file: &Path) -> String {
        let code = self.sqlite_error_code();
        match SQLITE_WORDS
            .iter()
            .find(|(codes, _)| code.is_some_and(|c| codes.contains(&c)))
        {
            Some((_, id)) => about_file(id, file),
            None => other(&crate::catalog::sqlite_message(self)),
        }
    }
}

impl Said for std::io::Error {
    fn said(&self, file: &Path) -> String {
        match IO_WORDS.iter().find(|(kind, _)| *kind == self.kind()) {
            Some((_, id)) => about_file(id, file),
            None => tr!(
                "error-io-other",
                file = shown(file),
                error = self.to_string()
            ),
        }
    }
}

impl Said for CatalogError {
    fn said(&self, file: &Path) -> String {
        match self {
            CatalogError::NewerVersion { found, known } => {
                tr!("error-newer-version", found = *found, known = *known)
            }
            CatalogError::NotACatalogue { path } => {
                tr!("error-not-a-catalogue", file = path.as_str())
            }
            CatalogError::Migration { version, reason } => {
                tr!(
                    "error-migration",
                    version = *version,
                    reason = reason.as_str()
                )
            }
            CatalogError::ReadOnlyUpgrade { found, known } => {
                tr!("error-read-only-upgrade", found = *found, known = *known)
            }
            CatalogError::ReadOnlyJournal { wal } => {
                tr!("error-read-only-journal", file = wal.as_str())
            }
            CatalogError::NoSuchPhoto(photo) => tr!("error-no-such-photo", photo = photo.as_str()),
            CatalogError::Invalid(invalid) => invalid.said(file),
            CatalogError::Sqlite(e) => e.said(file),
            CatalogError::Json(e) => tr!("error-catalogue-data-damaged", reason = e.to_string()),
        }
    }
}

/// A field's name in the window's language.
fn attribute(a: Attribute) -> String {
    words::attribute(a)
}

impl Said for Invalid {
    fn said(&self, _: &Path) -> String {
        use crate::catalog::{DateOf, Expected, Named, Record, Threads};
        match self {
            Invalid::NameNeeded(what) => tr!(
                "error-name-needed",
                what = match what {
                    Named::Set => "set",
                    Named::Template => "template",
                }
            ),
            Invalid::QueryDoesNotParse(e) => tr!(
                "error-query-does-not-parse",
                position = e.position,
                reason = query_problem(&e.problem)
            ),
            Invalid::NoSuchSet { name } => tr!("error-no-such-set", set = name.as_str()),
            Invalid::NoSuchSetOrSearch { name } => {
                tr!("error-no-such-set-or-search", set = name.as_str())
            }
            Invalid::SearchNotSet { name } => tr!("error-search-not-set", set = name.as_str()),
            Invalid::SetNameTaken { name } => tr!("error-set-name-taken", set = name.as_str()),
            Invalid::NotInSet { photo, set } => {
                tr!(
                    "error-not-in-set",
                    photo = photo.0.to_string(),
                    set = set.as_str()
                )
            }
            Invalid::NoSuchTemplate { name } => {
                tr!("error-no-such-template", name = name.as_str())
            }
            Invalid::NotForTemplate { field } => {
                tr!("error-not-for-template", field = field_named(field))
            }
            Invalid::BadValue {
                attribute: a,
                value,
                expected,
            } => tr!(
                "error-bad-value",
                field = attribute(*a),
                value = given(value),
                expected = match expected {
                    Expected::Rating => "rating",
                    Expected::Flag => "flag",
                    Expected::Label => "label",
                    Expected::ListOfTexts => "list",
                }
            ),
            Invalid::BadDate { of, error } => tr!(
                "error-bad-date",
                of = match of {
                    DateOf::DateCreated => "photo",
                    DateOf::Source => "source",
                },
                value = error.value.as_str()
            ),
            Invalid::FieldTooLong {
                attribute: a,
                limit,
            } => tr!(
                "error-field-too-long",
                field = attribute(*a),
                limit = bytes(*limit)
            ),
            Invalid::PartTooLong {
                record,
                part,
                limit,
            } => tr!(
                "error-part-too-long",
                record = match record {
                    Record::Source => "source",
                    Record::Claim => "claim",
                },
                part = *part,
                limit = bytes(*limit)
            ),
            Invalid::NoSuchKeyword { term } => {
                tr!("error-no-such-keyword", keyword = term.as_str())
            }
            Invalid::NoSuchKeywordPath { path } => {
                tr!("error-no-such-keyword", keyword = path.as_str())
            }
            Invalid::AmbiguousKeyword { term, paths } => tr!(
                "error-ambiguous-keyword",
                keyword = term.as_str(),
                paths = paths.join(", ")
            ),
            Invalid::KeywordNotCreated { name } => {
                tr!("error-keyword-not-created", keyword = name.as_str())
            }
            Invalid::NotAKeywordPath { path } => {
                tr!("error-not-a-keyword-path", keyword = path.as_str())
            }
            Invalid::NotAKeywordName { name } => {
                tr!("error-not-a-keyword-name", keyword = name.as_str())
            }
            Invalid::KeywordUnderItself { path } => {
                tr!("error-keyword-under-itself", keyword = path.as_str())
            }
            Invalid::KeywordIntoItself { path } => {
                tr!("error-keyword-into-itself", keyword = path.as_str())
            }
            Invalid::KeywordExists { path } => tr!("error-keyword-exists", keyword = path.as_str()),
            Invalid::KeywordListTooDeep => tr!(
                "error-keywords-too-deep",
                limit = crate::limits::MAX_KEYWORD_LEVELS
            ),
            Invalid::KeywordPathTooDeep { levels } => tr!(
                "error-keyword-path-too-deep",
                levels = *levels,
                limit = crate::limits::MAX_KEYWORD_LEVELS
            ),
            Invalid::NotClaimable { name } => tr!(
                "error-not-claimable",
                field = field_named(name),
                fields = crate::catalog::CLAIMABLE
                    .iter()
                    .map(|a| attribute(*a))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Invalid::ClaimNeedsValue { field } => {
                tr!("error-claim-needs-value", field = attribute(*field))
            }
            Invalid::NoSuchClaim(id) => tr!("error-no-such-claim", id = id.to_string()),
            Invalid::NoSuchSource(id) => tr!("error-no-such-source", id = id.to_string()),
            Invalid::SourceNotAdded => tr!("error-source-not-added"),
            Invalid::SourceNeedsCitation => tr!("error-source-needs-citation"),
            Invalid::NoSuchSourceKind { value } => tr!(
                "error-no-such-source-kind",
                value = value.as_str(),
                kinds = crate::catalog::SourceKind::ALL
                    .map(words::source_kind)
                    .join(", ")
            ),
            Invalid::NoSuchSourceField { field } => {
                tr!("error-no-such-source-field", field = field.as_str())
            }
            Invalid::SourceInUse(id) => tr!("error-source-in-use", id = id.to_string()),
            Invalid::SourceStillCited {
                id,
                citation,
                claims,
                photos,
            } => tr!(
                "error-source-still-cited",
                id = id.to_string(),
                citation = citation.as_str(),
                claims = *claims,
                photos = *photos
            ),
            Invalid::SourceIntoItself(id) => tr!("error-source-into-itself", id = id.to_string()),
            Invalid::DamagedHistory { field, .. } => {
                tr!("error-history-damaged", field = field.as_str())
            }
            Invalid::NotACatalogueFile { path, kind } => tr!(
                "error-not-a-catalogue-file",
                file = shown(path),
                kind = words::file_kind(*kind)
            ),
            Invalid::ThreadNotStarted { which, reason } => tr!(
                "error-thread-not-started",
                which = match which {
                    Threads::Readers => "readers",
                    Threads::Import => "import",
                },
                reason = other(reason)
            ),
        }
    }
}

/// A value as the user or a file gave it, without JSON's quotes: text as
/// it is, a number as a number, list items joined.
fn given(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_u64().map_or_else(|| n.to_string(), i18n::number),
        Value::Array(items) => items.iter().map(given).collect::<Vec<_>>().join("; "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A field named by the user or a file: in the window's words when it is
/// one the catalogue knows, else as given.
fn field_named(name: &str) -> String {
    Attribute::from_name(name).map_or_else(|| name.to_owned(), attribute)
}

/// A size as the catalogue writes it: binary units read alike in every
/// language; plain bytes are counted in words.
fn bytes(n: usize) -> String {
    let n = n as u64;
    match crate::limits::describe_bytes(n) {
        text if text.ends_with(" bytes") => tr!("error-size-bytes", count = n),
        text => text,
    }
}

/// Why a query does not parse, in the window's language. The query
/// language's own words (`OR`, `pick`, `caption:`) stay as typed.
fn query_problem(problem: &QueryProblem) -> String {
    match problem {
        QueryProblem::QuoteNotClosed => tr!("error-query-quote-not-closed"),
        QueryProblem::EmptyQuotes => tr!("error-query-empty-quotes"),
        QueryProblem::UnmatchedClose => tr!("error-query-unmatched-close"),
        QueryProblem::OpenNotClosed => tr!("error-query-open-not-closed"),
        QueryProblem::UnexpectedText => tr!("error-query-unexpected-text"),
        QueryProblem::OrNeedsAfter => tr!("error-query-or-needs-after"),
        QueryProblem::OrNeedsBefore => tr!("error-query-or-needs-before"),
        QueryProblem::OrOr => tr!("error-query-or-or"),
        QueryProblem::NothingToExclude => tr!("error-query-nothing-to-exclude"),
        QueryProblem::EndsTooEarly => tr!("error-query-ends-too-early"),
        QueryProblem::TooDeep { limit } => tr!("error-query-too-deep", limit = *limit),
        QueryProblem::NoWords { term } => tr!("error-query-no-words", term = term.as_str()),
        QueryProblem::NeedsValue { field } => {
            tr!("error-query-needs-value", field = field.as_str())
        }
        QueryProblem::UnknownField { field } => tr!(
            "error-query-unknown-field",
            field = field.as_str(),
            fields = crate::search::FIELDS.join(", ")
        ),
        QueryProblem::NotADate(e) => tr!("error-query-not-a-date", value = e.value.as_str()),
        QueryProblem::RangeWithoutEnds => tr!("error-query-range-without-ends"),
        QueryProblem::RangeBackwards { range } => {
            tr!("error-query-range-backwards", range = range.as_str())
        }
        QueryProblem::BadRating { value } => tr!("error-query-bad-rating", value = value.as_str()),
        QueryProblem::BadFlag { value } => tr!("error-query-bad-flag", value = value.as_str()),
        QueryProblem::BadLabel { value } => tr!("error-query-bad-label", value = value.as_str()),
        QueryProblem::BadProperty { field, value } => tr!(
            "error-query-bad-property",
            field = field.as_str(),
            names = crate::search::Property::names(),
            value = value.as_str()
        ),
        QueryProblem::NotDescriptive { field, value } => tr!(
            "error-query-not-descriptive",
            field = field.as_str(),
            value = value.as_str()
        ),
        QueryProblem::BadCertainty { value } => {
            tr!("error-query-bad-certainty", value = value.as_str())
        }
        QueryProblem::BadStatus { value } => tr!("error-query-bad-status", value = value.as_str()),
    }
}

/// Why a query that parses cannot run, in the window's language.
fn query_refused(refused: &QueryRefused) -> String {
    match refused {
        QueryRefused::NoSuchSort { name } => tr!(
            "error-sort-unknown",
            name = name.as_str(),
            names = crate::catalog::SortKey::names()
        ),
        QueryRefused::NoWords { term } => tr!("error-search-no-words", term = term.as_str()),
        QueryRefused::CitesNoWords { words } => tr!("error-cites-no-words", words = words.as_str()),
        QueryRefused::NoSuchSetOrSearch { name } => {
            tr!("error-no-such-set-or-search", set = name.as_str())
        }
        QueryRefused::SavedSearchLoop { name } => {
            tr!("error-saved-search-loop", name = name.as_str())
        }
        QueryRefused::SavedSearchDoesNotParse { name, error } => tr!(
            "error-saved-search-does-not-parse",
            name = name.as_str(),
            position = error.position,
            reason = query_problem(&error.problem)
        ),
        QueryRefused::SetOrderNeedsSet => tr!("error-set-order-needs-set"),
    }
}

impl Said for SearchError {
    fn said(&self, file: &Path) -> String {
        match self {
            SearchError::Parse(e) => Invalid::QueryDoesNotParse(e.clone()).said(file),
            SearchError::Query(refused) => query_refused(refused),
            SearchError::Catalogue(e) => e.said(file),
        }
    }
}

/// Why a file was not imported, in the window's language and without the
/// file, which the import-errors window shows beside it. What the container
/// readers and decoders say of the damage stays theirs, marked as English.
pub fn not_imported(reason: &NotImported) -> String {
    match reason {
        NotImported::Scan(ScanProblem::NotReached(e)) => system(e),
        NotImported::Scan(ScanProblem::LinkLoop(folder)) => {
            tr!("error-import-link-loop", folder = shown(folder))
        }
        NotImported::Scan(ScanProblem::NotAPhotoFile(kind)) => tr!(
            "error-import-not-a-photo-file",
            kind = words::file_kind(*kind)
        ),
        NotImported::Scan(ScanProblem::Walk(detail)) => other(detail),
        NotImported::Read(e) => match e {
            ReadError::Io(e) => tr!("error-import-unreadable", reason = system(e)),
            ReadError::NotAFile(kind) => {
                tr!("error-import-not-a-file", kind = words::file_kind(*kind))
            }
            ReadError::Empty => tr!("error-import-empty"),
            ReadError::NotAnImage => tr!("error-import-not-an-image"),
            ReadError::Unsupported(format) => tr!("error-import-unsupported", format = *format),
            ReadError::Damaged(damage) => {
                tr!("error-import-damaged", damage = damaged(damage))
            }
            ReadError::Refused(Refusal::FileTooLarge { size, limit }) => tr!(
                "error-import-too-large",
                size = bytes(*size as usize),
                limit = bytes(*limit as usize)
            ),
            ReadError::Refused(Refusal::TooManyPixels {
                width,
                height,
                limit,
            }) => tr!(
                "error-import-too-many-pixels",
                width = *width,
                height = *height,
                limit = *limit
            ),
            ReadError::Refused(Refusal::TooManyScans) => tr!(
                "error-import-too-many-scans",
                limit = crate::limits::MAX_JPEG_SCANS
            ),
        },
    }
}

/// A system error met while importing, by its kind; what no kind covers
/// keeps the system's words, marked as English.
fn system(e: &SystemError) -> String {
    let kind = match e.kind {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::IsADirectory => "is-a-folder",
        ErrorKind::UnexpectedEof => "cut-short",
        ErrorKind::OutOfMemory => "out-of-memory",
        _ => "other",
    };
    tr!(
        "error-import-system",
        kind = kind,
        detail = other(&e.message)
    )
}

fn damaged(damage: &Damage) -> String {
    match damage {
        Damage::Broken { format, fault: f } => tr!(
            "error-damage-structure",
            format = format.as_ref(),
            detail = fault(f)
        ),
        Damage::TiffBroken { fault: f } => tr!("error-damage-tiff", detail = fault(f)),
        Damage::Structure { format, detail } => tr!(
            "error-damage-structure",
            format = format.as_ref(),
            detail = other(detail)
        ),
        Damage::TiffStructure { detail } => tr!("error-damage-tiff", detail = other(detail)),
        Damage::PngWithoutHeader => tr!("error-damage-png-without-header"),
        Damage::PngCutShort => tr!("error-damage-png-cut-short"),
        Damage::JxlHeader { detail } => tr!("error-damage-jxl-header", detail = other(detail)),
        Damage::JxlHeaderCutShort => tr!("error-damage-jxl-cut-short"),
        Damage::NoImageSize => tr!("error-damage-no-image-size"),
        Damage::Pixels { detail } => tr!("error-damage-pixels", detail = other(detail)),
        Damage::ThumbnailNotEncoded { detail } => {
            tr!("error-damage-thumbnail", detail = other(detail))
        }
    }
}

/// A problem in a CSV file, with its row and column, in the window's
/// language.
pub fn csv_problem(problem: &Problem) -> String {
    let what = csv_what(&problem.what);
    match (problem.row, problem.column) {
        (Some(row), Some(column)) => {
            tr!("error-csv-cell", row = row, column = column, problem = what)
        }
        (Some(row), None) => tr!("error-csv-row", row = row, problem = what),
        (None, Some(column)) => tr!("error-csv-column", column = column, problem = what),
        (None, None) => what,
    }
}

fn csv_what(what: &CsvProblem) -> String {
    match what {
        CsvProblem::QuoteNotClosed => tr!("error-csv-quote-not-closed"),
        CsvProblem::TextAfterQuote => tr!("error-csv-text-after-quote"),
        CsvProblem::Utf16OddLength => tr!("error-csv-utf16-odd"),
        CsvProblem::Utf16Broken => tr!("error-csv-utf16-broken"),
        CsvProblem::HeaderUnreadable(inner) => {
            tr!("error-csv-header-unreadable", problem = csv_what(inner))
        }
        CsvProblem::Empty => tr!("error-csv-empty"),
        CsvProblem::UnknownColumn { name } => {
            tr!("error-csv-unknown-column", name = name.as_str())
        }
        CsvProblem::ColumnTwice { name, columns } => tr!(
            "error-csv-column-twice",
            name = name.as_str(),
            count = columns.len(),
            columns = listed(columns)
        ),
        CsvProblem::NoPhotoColumn => tr!("error-csv-no-photo-column"),
        CsvProblem::NoClaimColumn(column) => tr!("error-csv-no-claim-column", column = *column),
        CsvProblem::NoClaimPhotoColumn => tr!("error-csv-no-claim-photo-column"),
        CsvProblem::CellCount { cells, header } => {
            tr!("error-csv-cell-count", cells = *cells, header = *header)
        }
        CsvProblem::NoPhotoKey => tr!("error-csv-no-photo-key"),
        CsvProblem::NamedByRows { photo, rows } => tr!(
            "error-csv-named-by-rows",
            photo = photo.0.to_string(),
            rows = listed(rows)
        ),
        CsvProblem::Row(refused) => tr!("error-csv-row-left", reason = row_refused(refused)),
    }
}

/// Row or column numbers, as a list.
fn listed(numbers: &[usize]) -> String {
    numbers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a row of a CSV file was left unchanged, in the window's language.
pub fn row_refused(refused: &RowRefused) -> String {
    let field = |name: &str| crate::catalog::claimable(name).map_or(name.to_owned(), attribute);
    match refused {
        RowRefused::CellTooLong { size } => tr!(
            "error-row-cell-too-long",
            size = bytes(*size as usize),
            limit = bytes(crate::limits::MAX_FIELD_BYTES)
        ),
        RowRefused::NotUtf8 => tr!("error-row-not-utf8"),
        RowRefused::NotAnId { of, text } => tr!(
            "error-row-not-an-id",
            of = match of {
                IdOf::Photo => "photo",
                IdOf::Claim => "claim",
                IdOf::Source => "source",
            },
            text = text.as_str()
        ),
        RowRefused::NotYesOrNo { value } => {
            tr!("error-row-not-yes-or-no", value = value.as_str())
        }
        RowRefused::NoSuchCertainty { value } => {
            tr!("error-query-bad-certainty", value = value.as_str())
        }
        RowRefused::Value(invalid) => invalid.said(Path::new("")),
        RowRefused::NoSuchPhoto(photo) => {
            tr!("error-row-no-such-photo", photo = photo.0.to_string())
        }
        RowRefused::NoPhotoAt(file) => tr!(
            "error-row-no-photo-at",
            file = crate::text::printable_path(file)
        ),
        RowRefused::IdAndFileDiffer { id, file, other } => tr!(
            "error-row-id-and-file-differ",
            id = id.0.to_string(),
            file = crate::text::printable_path(file),
            other = other.0.to_string()
        ),
        RowRefused::PhotoAndFileDiffer { photo, file } => tr!(
            "error-row-photo-and-file-differ",
            photo = photo.0.to_string(),
            file = crate::text::printable_path(file)
        ),
        RowRefused::NoSuchSource(id) => tr!("error-no-such-source", id = id.to_string()),
        RowRefused::SourceIsAnother { id, citation, cell } => tr!(
            "error-row-source-is-another",
            id = id.to_string(),
            citation = citation.as_str(),
            cell = cell.as_str()
        ),
        RowRefused::NoSourceCited { citation } => {
            tr!("error-row-no-source-cited", citation = citation.as_str())
        }
        RowRefused::SourcesCited { sources, citation } => tr!(
            "error-row-sources-cited",
            sources = *sources,
            citation = citation.as_str()
        ),
        RowRefused::NotClaimable { field } => {
            tr!("error-row-not-claimable", field = field.as_str())
        }
        RowRefused::ClaimNeedsValue(a) => tr!("error-claim-needs-value", field = attribute(*a)),
        RowRefused::RivalsPreferred {
            rows,
            attribute: a,
            photo,
        } => tr!(
            "error-row-rivals-preferred",
            rows = listed(rows),
            field = attribute(*a),
            photo = photo.0.to_string()
        ),
        RowRefused::NoSuchClaimOnPhoto { id, photo } => tr!(
            "error-row-no-such-claim-on-photo",
            id = id.to_string(),
            photo = photo.0.to_string()
        ),
        RowRefused::ClaimOfAnotherField {
            id,
            field: was,
            attribute: a,
        } => tr!(
            "error-row-claim-of-another-field",
            id = id.to_string(),
            was = field(was),
            field = attribute(*a)
        ),
        RowRefused::LastPreferred { id } => {
            tr!("error-row-last-preferred", id = id.to_string())
        }
        RowRefused::Other(detail) => other(detail),
    }
}

impl Said for ReadFileError {
    fn said(&self, file: &Path) -> String {
        match self {
            ReadFileError::Io(e) => e.said(file),
            ReadFileError::NotRegular(kind) => tr!(
                "error-not-a-regular-file",
                file = shown(file),
                kind = words::file_kind(*kind)
            ),
            ReadFileError::TooLarge { size, limit } => tr!(
                "error-file-larger-than-read",
                file = shown(file),
                size = bytes(*size as usize),
                limit = bytes(*limit as usize)
            ),
        }
    }
}

impl Said for WriteError {
    fn said(&self, _: &Path) -> String {
        match self {
            WriteError::Io { path, source } => source.said(path),
            WriteError::NotRegular { path, kind } => tr!(
                "error-not-written-over",
                file = shown(path),
                kind = words::file_kind(*kind)
            ),
            WriteError::Exists { path } => tr!("error-left-unchanged-exists", file = shown(path)),
            WriteError::Database { path } => tr!("error-is-a-database", file = shown(path)),
            WriteError::Protected { path, .. } => tr!("error-protected", file = shown(path)),
            WriteError::Owner { path } => tr!("error-other-owner", file = shown(path)),
            WriteError::NoFolder { path } => tr!("error-no-folder", file = shown(path)),
        }
    }
}

impl Said for ExportError {
    fn said(&self, file: &Path) -> String {
        match self {
            ExportError::Read { path, reason } => reason.said(path),
            ExportError::Write(e) => e.said(file),
            ExportError::Changed { path } => tr!("error-changed-on-disk", file = shown(path)),
            ExportError::BadSidecar { path, reason } => tr!(
                "error-bad-sidecar",
                file = shown(path),
                reason = xmp_problem(reason)
            ),
            ExportError::NoFileName { path } => tr!("error-no-file-name", file = shown(path)),
            ExportError::NotEmpty { dir } => tr!("error-folder-holds-files", file = shown(dir)),
            ExportError::NotDecoded { path, reason } => tr!(
                "error-not-decoded",
                file = shown(path),
                reason = other(reason)
            ),
            ExportError::ChecklistNotWritten(reason) => {
                tr!("error-checklist-not-written", reason = other(reason))
            }
            ExportError::Embed {
                path,
                reason: EmbedError::Io(e),
            } => e.said(path),
            ExportError::Embed { path, reason } => tr!(
                "error-not-embedded",
                file = shown(path),
                reason = not_embedded(reason)
            ),
        }
    }
}

impl Said for InteropError {
    fn said(&self, file: &Path) -> String {
        match self {
            InteropError::Catalogue(e) => e.said(file),
            InteropError::Search(e) => e.said(file),
            InteropError::Export(e) => e.said(file),
            InteropError::Write(e) => e.said(file),
            InteropError::Read { path, reason } => reason.said(path),
            InteropError::CsvNotWritten(reason) => {
                tr!("error-csv-not-written", reason = other(reason))
            }
            InteropError::NothingToExport { name } => {
                tr!("error-nothing-to-export", set = name.as_str())
            }
        }
    }
}

impl Said for CslFileError {
    fn said(&self, _: &Path) -> String {
        let file = &self.path;
        match &self.reason {
            CslFileReason::Read(e) => e.said(file),
            CslFileReason::NotUtf8 => tr!("error-not-utf8", file = shown(file)),
            CslFileReason::Csl(e) => {
                tr!("error-not-csl-json", file = shown(file), reason = other(e))
            }
        }
    }
}

impl Said for BackupError {
    fn said(&self, _: &Path) -> String {
        match self {
            BackupError::Missing(path) => tr!("error-no-catalogue-at", file = shown(path)),
            BackupError::NotACatalogue(path) => {
                tr!("error-not-a-catalogue", file = shown(path))
            }
            BackupError::NewerVersion { path, found, known } => tr!(
                "error-backup-newer",
                file = shown(path),
                found = *found,
                known = *known
            ),
            BackupError::Damaged { path, problems } => tr!(
                "error-backup-damaged",
                file = shown(path),
                problems = problems.as_str()
            ),
            BackupError::InUse(path) => tr!("error-backup-in-use", file = shown(path)),
            BackupError::Exists(path) => tr!("error-left-unchanged-exists", file = shown(path)),
            BackupError::Unreadable { path, reason } => tr!(
                "error-unreadable",
                file = shown(path),
                reason = reason.as_str()
            ),
            BackupError::Cancelled => tr!("error-backup-cancelled"),
            BackupError::Io { path, source } => source.said(path),
            BackupError::Sqlite { path, source } => source.said(path),
        }
    }
}

/// A warning import recorded, in the window's language. What a decoder or
/// parser said stays its own words, marked as English; a warning an older
/// catalogue kept as English text is shown as it is, marked so.
pub fn warning(w: &Warning) -> String {
    use crate::ingest::warning::XmpPacket;
    let block = |b: &Block| match b {
        Block::Exif => "EXIF",
        Block::Xmp => "XMP",
        Block::Iptc => "IPTC",
    };
    let size = |n: u64| bytes(n as usize);
    match w {
        Warning::Legacy { text } => other(text),
        Warning::MetadataPastBudget { limit } => {
            tr!("warning-metadata-past-budget", limit = size(*limit))
        }
        Warning::PngTextPastBudget { limit } => {
            tr!("warning-png-text-past-budget", limit = size(*limit))
        }
        Warning::ExifPartlyDamaged { detail } => {
            tr!("warning-exif-partly-damaged", detail = other(detail))
        }
        Warning::ExifUnreadable { detail } => {
            tr!("warning-exif-unreadable", detail = other(detail))
        }
        Warning::XmpUnreadable { packet, problem } => {
            let (packet, file) = match packet {
                XmpPacket::Embedded => ("embedded", String::new()),
                XmpPacket::Extended => ("extended", String::new()),
                XmpPacket::Sidecar { file } => ("sidecar", shown(file)),
            };
            let id = if problem.is_limit() {
                "warning-xmp-refused"
            } else {
                "warning-xmp-unreadable"
            };
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("packet", packet);
            args.set("file", file);
            args.set("problem", xmp_problem(problem));
            i18n::t_args(id, &args)
        }
        Warning::IptcUnreadable { problem } => {
            tr!("warning-iptc-unreadable", problem = iim_problem(problem))
        }
        Warning::JpegCutShortInSegment { at } => {
            tr!("warning-jpeg-cut-short-in-segment", at = *at)
        }
        Warning::JpegCutShortInImage => tr!("warning-jpeg-cut-short-in-image"),
        Warning::WebpChunkUnreadable { block: b, detail } => tr!(
            "warning-webp-chunk-unreadable",
            block = block(b),
            detail = other(detail)
        ),
        Warning::JxlHeaderCutShort => tr!("warning-jxl-header-cut-short"),
        Warning::Damaged { damage } => damaged(damage),
        Warning::JxlBoxNotInflated { block: b, detail } => tr!(
            "warning-jxl-box-not-inflated",
            block = block(b),
            detail = other(detail)
        ),
        Warning::JxlExifBoxDamaged => tr!("warning-jxl-exif-box-damaged"),
        Warning::HeifExifItemDamaged => tr!("warning-heif-exif-item-damaged"),
        Warning::HeifItemUnreadable { block: b, detail } => tr!(
            "warning-heif-item-unreadable",
            block = block(b),
            detail = other(detail)
        ),
        Warning::Cr3ExifUnreadable => tr!("warning-cr3-exif-unreadable"),
        Warning::PngChunkCutShort { chunk, at } => tr!(
            "warning-png-chunk-cut-short",
            chunk = chunk.as_str(),
            at = *at
        ),
        Warning::PngWithoutEnd => tr!("warning-png-without-end"),
        Warning::PngTextNotInflated { keyword, detail } => tr!(
            "warning-png-text-not-inflated",
            keyword = keyword.as_str(),
            detail = other(detail)
        ),
        Warning::PngProfileNotHex { keyword } => {
            tr!("warning-png-profile-not-hex", keyword = keyword.as_str())
        }
        Warning::XmpSourceWithoutKey => tr!("warning-xmp-source-without-key"),
        Warning::XmpSourceIgnored { key, reason } => tr!(
            "warning-xmp-source-ignored",
            key = key.as_str(),
            reason = refused(reason)
        ),
        Warning::XmpTooManyClaims { count, limit } => tr!(
            "warning-xmp-too-many-claims",
            count = *count,
            limit = *limit
        ),
        Warning::XmpClaimNotDescriptive { name } => {
            tr!("warning-xmp-claim-not-descriptive", name = name.as_str())
        }
        Warning::XmpClaimWithoutValue { field } => {
            tr!("warning-xmp-claim-without-value", field = attribute(*field))
        }
        Warning::XmpClaimIgnored { reason } => {
            tr!("warning-xmp-claim-ignored", reason = refused(reason))
        }
        Warning::XmpClaimUnknownSource { field, key } => tr!(
            "warning-xmp-claim-unknown-source",
            field = attribute(*field),
            key = key.as_str()
        ),
        Warning::XmpClaimPartTooLong { field, limit } => tr!(
            "warning-xmp-claim-part-too-long",
            field = attribute(*field),
            limit = bytes(*limit)
        ),
        Warning::MoreXmpClaimsIgnored { count } => {
            tr!("warning-more-xmp-claims-ignored", count = *count)
        }
        Warning::DepictedDateIgnored { block: b, value } => tr!(
            "warning-depicted-date-ignored",
            block = block(b),
            value = value.as_str()
        ),
        Warning::FieldCut {
            field,
            size: s,
            limit,
        } => tr!(
            "warning-field-cut",
            field = words::field(*field),
            size = size(*s),
            limit = size(*limit)
        ),
        Warning::KeywordLevelsCut { levels, limit } => tr!(
            "warning-keyword-levels-cut",
            levels = *levels,
            limit = *limit
        ),
        Warning::ListItemCut { field, limit } => tr!(
            "warning-list-item-cut",
            field = words::field(*field),
            limit = size(*limit)
        ),
        Warning::ListCut {
            field,
            count,
            limit,
            kept,
        } => tr!(
            "warning-list-cut",
            field = words::field(*field),
            count = *count,
            limit = size(*limit),
            kept = *kept
        ),
        Warning::RawTagValuesCut { limit } => {
            tr!("warning-raw-tag-values-cut", limit = size(*limit))
        }
        Warning::RawTagsLeftOut { limit, count } => tr!(
            "warning-raw-tags-left-out",
            limit = size(*limit),
            count = *count
        ),
        Warning::SidecarNotRead { file, detail } => tr!(
            "warning-sidecar-not-read",
            file = shown(file),
            detail = other(detail)
        ),
        Warning::SidecarNotAFile { file, what } => tr!(
            "warning-sidecar-not-a-file",
            file = shown(file),
            kind = words::file_kind(*what)
        ),
        Warning::SidecarTooLarge {
            file,
            size: s,
            limit,
        } => tr!(
            "warning-sidecar-too-large",
            file = shown(file),
            size = size(*s),
            limit = size(*limit)
        ),
        Warning::CutShortBeforeSize => tr!("warning-cut-short-before-size"),
        Warning::NoThumbnail { why } => tr!("warning-no-thumbnail", why = unsupported(why)),
        Warning::NoPreview { why } => tr!("warning-no-preview", why = no_preview(why)),
        Warning::ImageDataCutShort { detail } => {
            tr!("warning-image-data-cut-short", detail = other(detail))
        }
        Warning::PixelsDamaged { detail } => tr!("warning-pixels-damaged", detail = other(detail)),
        Warning::PixelsCutShort {
            detail,
            rows,
            height,
        } => tr!(
            "warning-pixels-cut-short",
            detail = other(detail),
            rows = *rows,
            height = *height
        ),
    }
}

/// Why the catalogue refused what an XMP packet carries, as it says so
/// when a person enters it.
fn refused(reason: &Refused) -> String {
    match reason.invalid() {
        Some(invalid) => invalid.said(Path::new("")),
        None => other(reason),
    }
}

/// Why no decoder here takes a picture; what a decoder said stays its own
/// words.
fn unsupported(why: &Unsupported) -> String {
    match why {
        Unsupported::Decoder { detail } => {
            tr!("unsupported-by-decoder", detail = other(detail))
        }
        Unsupported::NotDecodedHere { format } => {
            tr!("unsupported-format", format = format.as_str())
        }
        Unsupported::JpegTiffLayout => tr!("unsupported-jpeg-tiff-layout"),
    }
}

/// What Kartoteka's own reader found broken in a file's structure.
fn fault(fault: &Fault) -> String {
    let kind = |kind: &String| kind.escape_debug().to_string();
    match fault {
        Fault::EndsInStructure => tr!("fault-ends-in-structure"),
        Fault::EndsInMetadata => tr!("fault-ends-in-metadata"),
        Fault::EndsBeforeCopied => tr!("fault-ends-before-copied"),
        Fault::PartPastEnd => tr!("fault-part-past-end"),
        Fault::NoJpegStart => tr!("fault-no-jpeg-start"),
        Fault::TooManySegments { limit } => tr!("fault-too-many-segments", limit = *limit),
        Fault::SegmentTooShort => tr!("fault-segment-too-short"),
        Fault::SegmentPastEnd => tr!("fault-segment-past-end"),
        Fault::NoPngSignature => tr!("fault-no-png-signature"),
        Fault::NoPngHeader => tr!("fault-no-png-header"),
        Fault::ChunkCutShort { kind: k, at } => {
            tr!("fault-chunk-cut-short", kind = kind(k), at = *at)
        }
        Fault::NotTiff => tr!("fault-not-tiff"),
        Fault::TiffHeaderCutShort => tr!("fault-tiff-header-cut-short"),
        Fault::BigTiffHeader => tr!("fault-bigtiff-header"),
        Fault::TiffCutShort => tr!("fault-tiff-cut-short"),
        Fault::TiffMetadataTooLarge => tr!("fault-tiff-metadata-too-large"),
        Fault::TiffLoop => tr!("fault-tiff-loop"),
        Fault::TiffPastBudget => tr!(
            "fault-tiff-past-budget",
            limit = bytes(crate::limits::MAX_METADATA_BYTES as usize)
        ),
        Fault::TooManyTiffDirectories { limit } => {
            tr!("fault-too-many-tiff-directories", limit = *limit)
        }
        Fault::TiffEntries { count } => tr!("fault-tiff-entries", count = *count),
        Fault::TiffValuePastEnd => tr!("fault-tiff-value-past-end"),
        Fault::EndsInTiffValue => tr!("fault-ends-in-tiff-value"),
        Fault::EndsInBox => tr!("fault-ends-in-box"),
        Fault::TooManyBoxes { limit } => tr!("fault-too-many-boxes", limit = *limit),
        Fault::BoxPastContainer { kind: k, at } => {
            tr!("fault-box-past-container", kind = kind(k), at = *at)
        }
        Fault::UuidBoxTooShort => tr!("fault-uuid-box-too-short"),
        Fault::BoxCutShort => tr!("fault-box-cut-short"),
        Fault::BadFieldSize => tr!("fault-bad-field-size"),
        Fault::BoxesTooDeep => tr!(
            "fault-boxes-too-deep",
            limit = crate::ingest::bmff::MAX_DEPTH
        ),
        Fault::NoMetaBox => tr!("fault-no-meta-box"),
        Fault::HeifItemTableTooLarge => tr!("fault-heif-item-table-too-large"),
        Fault::HeifItemPastEnd => tr!("fault-heif-item-past-end"),
        Fault::RafHeaderPastEnd => tr!("fault-raf-header-past-end"),
    }
}

/// Why metadata could not be embedded in a file.
fn not_embedded(reason: &EmbedError) -> String {
    match reason {
        EmbedError::Broken { format, fault: f } => tr!(
            "error-damage-structure",
            format = *format,
            detail = fault(f)
        ),
        EmbedError::XmpTooLarge(size) => tr!("embed-xmp-too-large", size = bytes(*size)),
        EmbedError::ExifTooLarge => tr!("embed-exif-too-large"),
        EmbedError::MetadataTooLarge => tr!(
            "embed-metadata-too-large",
            limit = bytes(crate::limits::MAX_METADATA_BYTES as usize)
        ),
        EmbedError::NoImageData => tr!("embed-no-image-data"),
        EmbedError::BigTiff => tr!("embed-bigtiff"),
        EmbedError::Raw(format) => tr!("embed-raw", format = *format),
        EmbedError::NotWritable(format) => tr!("embed-not-writable", format = *format),
        EmbedError::NotTiff => tr!("fault-not-tiff"),
        EmbedError::TiffTooLarge => tr!("embed-tiff-too-large"),
        EmbedError::Io(e) => system(&SystemError::from(e)),
    }
}

/// Why a camera raw file or a HEIF has no preview; what the container
/// reader or the decoder said stays its own words.
fn no_preview(why: &NoPreview) -> String {
    match why {
        NoPreview::Broken { fault: f } => {
            tr!("no-preview-structure-damaged", detail = fault(f))
        }
        NoPreview::StructureDamaged { detail } => {
            tr!("no-preview-structure-damaged", detail = other(detail))
        }
        NoPreview::NoneEmbedded => tr!("no-preview-none-embedded"),
        NoPreview::Unreachable { detail } => other(detail),
        NoPreview::NotDecoded {
            width,
            height,
            detail,
        } => tr!(
            "no-preview-not-decoded",
            width = *width,
            height = *height,
            detail = other(detail)
        ),
        NoPreview::HeifTooLarge { limit } => {
            tr!("no-preview-heif-too-large", limit = bytes(*limit as usize))
        }
        NoPreview::HevcUnavailable { detail } => {
            tr!("no-preview-hevc-unavailable", detail = other(detail))
        }
        NoPreview::HevcFailed { detail } => tr!("no-preview-hevc-failed", detail = other(detail)),
        NoPreview::HevcTooFewPixels => tr!("no-preview-hevc-too-few-pixels"),
    }
}

/// Why an XMP packet could not be read; what the XML parser said stays
/// its own words.
fn xmp_problem(problem: &XmpError) -> String {
    match problem {
        XmpError::NoXml => tr!("xmp-no-xml"),
        XmpError::NotWellFormed { at, reason } => {
            tr!("xmp-not-well-formed", at = *at, detail = other(reason))
        }
        XmpError::BadAttribute(detail) => tr!("xmp-bad-attribute", detail = other(detail)),
        XmpError::UnknownEntity(entity) => tr!("xmp-unknown-entity", entity = entity.as_str()),
        XmpError::BadCharacterReference(reference) => tr!(
            "xmp-bad-character-reference",
            reference = reference.as_str()
        ),
        XmpError::Unclosed => tr!("xmp-unclosed"),
        XmpError::TooManyClosingTags => tr!("xmp-too-many-closing-tags"),
        XmpError::TooDeep => tr!("xmp-too-deep", limit = crate::limits::MAX_XMP_DEPTH),
        XmpError::TooManyElements => {
            tr!(
                "xmp-too-many-elements",
                limit = crate::limits::MAX_XMP_ELEMENTS
            )
        }
        XmpError::NoRdf => tr!("xmp-no-rdf"),
        XmpError::Rewrite(detail) => tr!("xmp-rewrite", detail = other(detail)),
    }
}

/// Why an IPTC IIM block could not be read.
fn iim_problem(problem: &IimError) -> String {
    let dataset = |record: &u8, number: &u8| format!("{record}:{number}");
    match problem {
        IimError::HeaderCutShort(at) => tr!("iim-header-cut-short", at = *at),
        IimError::BadExtendedLength { record, number } => {
            tr!("iim-bad-extended-length", dataset = dataset(record, number))
        }
        IimError::LengthCutShort { record, number } => {
            tr!("iim-length-cut-short", dataset = dataset(record, number))
        }
        IimError::DataCutShort {
            record,
            number,
            len,
        } => tr!(
            "iim-data-cut-short",
            dataset = dataset(record, number),
            size = bytes(*len)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalogue, DateOf, Expected, Named, Record, SortKey, Threads};
    use crate::files::FileKind;
    use crate::photo::{Field, PhotoId};
    use crate::ui::i18n::{Language, Shared};

    fn in_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
        Shared::new(language).use_here();
        let said = f();
        Shared::new(Language::English).use_here();
        said
    }

    fn sqlite(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    /// One of every refusal the catalogue makes.
    fn every_refusal() -> Vec<Invalid> {
        let text = |s: &str| s.to_owned();
        vec![
            Invalid::NameNeeded(Named::Set),
            Invalid::NameNeeded(Named::Template),
            Invalid::QueryDoesNotParse(crate::search::parse("caption:(").unwrap_err()),
            Invalid::NoSuchSet {
                name: text("Výstava"),
            },
            Invalid::NoSuchSetOrSearch {
                name: text("Výstava"),
            },
            Invalid::SearchNotSet {
                name: text("Bez popisku"),
            },
            Invalid::SetNameTaken {
                name: text("Odsun"),
            },
            Invalid::NotInSet {
                photo: PhotoId(4),
                set: text("Odsun"),
            },
            Invalid::NoSuchTemplate { name: text("ČTK") },
            Invalid::NotForTemplate {
                field: text("hierarchical_keywords"),
            },
            Invalid::BadValue {
                attribute: Attribute::Rating,
                value: 7.into(),
                expected: Expected::Rating,
            },
            Invalid::BadValue {
                attribute: Attribute::Flag,
                value: "maybe".into(),
                expected: Expected::Flag,
            },
            Invalid::BadValue {
                attribute: Attribute::Label,
                value: "pink".into(),
                expected: Expected::Label,
            },
            Invalid::BadValue {
                attribute: Attribute::Field(Field::People),
                value: 3.into(),
                expected: Expected::ListOfTexts,
            },
            Invalid::BadDate {
                of: DateOf::DateCreated,
                error: crate::date::Depicted::parse("léto 91").unwrap_err(),
            },
            Invalid::BadDate {
                of: DateOf::Source,
                error: crate::date::Depicted::parse("jaro").unwrap_err(),
            },
            Invalid::FieldTooLong {
                attribute: Attribute::Field(Field::Caption),
                limit: 64 << 10,
            },
            Invalid::PartTooLong {
                record: Record::Source,
                part: "authors",
                limit: 1 << 20,
            },
            Invalid::PartTooLong {
                record: Record::Claim,
                part: "locator",
                limit: 1000,
            },
            Invalid::NoSuchKeyword {
                term: text("odsun"),
            },
            Invalid::NoSuchKeywordPath {
                path: text("Místa|Praha"),
            },
            Invalid::AmbiguousKeyword {
                term: text("Praha"),
                paths: vec![text("Místa|Praha"), text("Lodě|Praha")],
            },
            Invalid::KeywordNotCreated { name: text("Brno") },
            Invalid::NotAKeywordPath { path: text("|") },
            Invalid::NotAKeywordName { name: text("a|b") },
            Invalid::KeywordUnderItself {
                path: text("Místa"),
            },
            Invalid::KeywordIntoItself {
                path: text("Místa"),
            },
            Invalid::KeywordExists {
                path: text("Místa|Brno"),
            },
            Invalid::KeywordListTooDeep,
            Invalid::KeywordPathTooDeep { levels: 40 },
            Invalid::NotClaimable {
                name: text("rating"),
            },
            Invalid::ClaimNeedsValue {
                field: Attribute::Field(Field::City),
            },
            Invalid::NoSuchClaim(8),
            Invalid::NoSuchSource(12),
            Invalid::SourceNotAdded,
            Invalid::SourceNeedsCitation,
            Invalid::NoSuchSourceKind {
                value: text("kniha"),
            },
            Invalid::NoSuchSourceField { field: text("rok") },
            Invalid::SourceInUse(12),
            Invalid::SourceStillCited {
                id: 12,
                citation: text("Rudé právo"),
                claims: 3,
                photos: 2,
            },
            Invalid::SourceIntoItself(12),
            Invalid::DamagedHistory {
                what: "no subject",
                field: text("caption"),
            },
            Invalid::NotACatalogueFile {
                path: "/dev/null".into(),
                kind: FileKind::CharDevice,
            },
            Invalid::ThreadNotStarted {
                which: Threads::Readers,
                reason: text("Resource temporarily unavailable"),
            },
            Invalid::ThreadNotStarted {
                which: Threads::Import,
                reason: text("Resource temporarily unavailable"),
            },
        ]
    }

    /// Queries the parser refuses, one for each reason it has, and the
    /// reasons no query reaches (kept for queries built in code).
    fn every_query_problem() -> Vec<crate::search::QueryError> {
        let mut problems: Vec<_> = [
            "Kyndrová \"poslední vlak",
            "vojáci \"\"",
            "milovice)",
            "(milovice",
            "vojáci OR",
            "OR vojáci",
            "vojáci OR OR sovětští",
            "-OR vojáci",
            &format!("{}x", "(".repeat(100)),
            "—",
            "title:",
            "captoin:odsun",
            "date:1991-13",
            "date:..",
            "date:1992..1990",
            "rating:7",
            "flag:maybe",
            "label:pink",
            "has:colour",
            "disputed:rating",
            "certainty:sure",
            "status:gone",
        ]
        .iter()
        .map(|q| crate::search::parse(q).unwrap_err())
        .collect();
        for problem in [QueryProblem::UnexpectedText, QueryProblem::EndsTooEarly] {
            problems.push(crate::search::QueryError {
                position: 1,
                problem,
            });
        }
        // Adding a reason fails to compile here until it is listed above.
        let mut seen = [false; 24];
        for e in &problems {
            seen[match e.problem {
                QueryProblem::QuoteNotClosed => 0,
                QueryProblem::EmptyQuotes => 1,
                QueryProblem::UnmatchedClose => 2,
                QueryProblem::OpenNotClosed => 3,
                QueryProblem::UnexpectedText => 4,
                QueryProblem::OrNeedsAfter => 5,
                QueryProblem::OrNeedsBefore => 6,
                QueryProblem::OrOr => 7,
                QueryProblem::NothingToExclude => 8,
                QueryProblem::EndsTooEarly => 9,
                QueryProblem::TooDeep { .. } => 10,
                QueryProblem::NoWords { .. } => 11,
                QueryProblem::NeedsValue { .. } => 12,
                QueryProblem::UnknownField { .. } => 13,
                QueryProblem::NotADate(_) => 14,
                QueryProblem::RangeWithoutEnds => 15,
                QueryProblem::RangeBackwards { .. } => 16,
                QueryProblem::BadRating { .. } => 17,
                QueryProblem::BadFlag { .. } => 18,
                QueryProblem::BadLabel { .. } => 19,
                QueryProblem::BadProperty { .. } => 20,
                QueryProblem::NotDescriptive { .. } => 21,
                QueryProblem::BadCertainty { .. } => 22,
                QueryProblem::BadStatus { .. } => 23,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        problems
    }

    /// Every reason a query that parses does not run: from the catalogue
    /// where a search reaches it, built here where only code can.
    fn every_query_refusal() -> Vec<QueryRefused> {
        let catalogue = Catalogue::open_in_memory().unwrap();
        let refused = |e: SearchError| match e {
            SearchError::Query(r) => r,
            other => panic!("{other}"),
        };
        let refusals = vec![
            refused(crate::catalog::Sort::parse("barva").unwrap_err()),
            QueryRefused::NoWords { term: "—".into() },
            refused(
                catalogue
                    .search_text("cites:…", SortKey::FileName, None)
                    .unwrap_err(),
            ),
            refused(
                catalogue
                    .search_text("set:Odsun", SortKey::FileName, None)
                    .unwrap_err(),
            ),
            QueryRefused::SavedSearchLoop {
                name: "Bez popisku".into(),
            },
            QueryRefused::SavedSearchDoesNotParse {
                name: "Bez popisku".into(),
                error: crate::search::parse("(milovice").unwrap_err(),
            },
            refused(
                catalogue
                    .search_text(
                        "milovice",
                        crate::catalog::Sort::parse("set").unwrap(),
                        None,
                    )
                    .unwrap_err(),
            ),
        ];
        // Adding a reason fails to compile here until it is listed above.
        let mut seen = [false; 7];
        for r in &refusals {
            seen[match r {
                QueryRefused::NoSuchSort { .. } => 0,
                QueryRefused::NoWords { .. } => 1,
                QueryRefused::CitesNoWords { .. } => 2,
                QueryRefused::NoSuchSetOrSearch { .. } => 3,
                QueryRefused::SavedSearchLoop { .. } => 4,
                QueryRefused::SavedSearchDoesNotParse { .. } => 5,
                QueryRefused::SetOrderNeedsSet => 6,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        refusals
    }

    /// Every reason a file is not imported: the real import of broken
    /// files where one gives it, built here where only a rare file does.
    fn every_import_failure() -> Vec<NotImported> {
        let system = |kind| SystemError {
            kind,
            message: "Input/output error (os error 5)".into(),
        };
        let detail = || "Memory limit exceeded".to_owned();
        let mut reasons: Vec<NotImported> = imported_badly()
            .into_iter()
            .map(|(_, reason)| reason)
            .collect();
        reasons.extend([
            ScanProblem::LinkLoop("/archiv".into()).into(),
            ScanProblem::NotAPhotoFile(FileKind::Fifo).into(),
            ScanProblem::Walk("walk stopped".into()).into(),
            ScanProblem::NotReached(system(ErrorKind::PermissionDenied)).into(),
            ReadError::Io(system(ErrorKind::Other)).into(),
            ReadError::Io(system(ErrorKind::NotFound)).into(),
            ReadError::Io(system(ErrorKind::IsADirectory)).into(),
            ReadError::Io(system(ErrorKind::UnexpectedEof)).into(),
            ReadError::Io(system(ErrorKind::OutOfMemory)).into(),
            ReadError::NotAFile(FileKind::CharDevice).into(),
        ]);
        let damage = [
            Damage::Broken {
                format: "JPEG XL".into(),
                fault: Fault::BoxPastContainer {
                    kind: "jxlc".into(),
                    at: 40,
                },
            },
            Damage::TiffBroken {
                fault: Fault::TiffLoop,
            },
            Damage::Structure {
                format: "WebP".into(),
                detail: "Invalid Chunk header: [82, 73, 70, 70]".into(),
            },
            Damage::TiffStructure {
                detail: "offset past the end".into(),
            },
            Damage::PngWithoutHeader,
            Damage::JxlHeader { detail: detail() },
            Damage::JxlHeaderCutShort,
            Damage::NoImageSize,
            Damage::ThumbnailNotEncoded { detail: detail() },
        ];
        reasons.extend(damage.map(|d| ReadError::Damaged(d).into()));
        let refused = [
            Refusal::FileTooLarge {
                size: 3 << 30,
                limit: 1 << 30,
            },
            Refusal::TooManyPixels {
                width: 60_000,
                height: 60_000,
                limit: 250,
            },
            Refusal::TooManyScans,
        ];
        reasons.extend(refused.map(|r| ReadError::Refused(r).into()));
        // Adding a reason fails to compile here until it is listed above.
        let mut seen = [false; 21];
        for reason in &reasons {
            seen[match reason {
                NotImported::Scan(ScanProblem::NotReached(_)) => 0,
                NotImported::Scan(ScanProblem::LinkLoop(_)) => 1,
                NotImported::Scan(ScanProblem::NotAPhotoFile(_)) => 2,
                NotImported::Scan(ScanProblem::Walk(_)) => 3,
                NotImported::Read(ReadError::Io(_)) => 4,
                NotImported::Read(ReadError::NotAFile(_)) => 5,
                NotImported::Read(ReadError::Empty) => 6,
                NotImported::Read(ReadError::NotAnImage) => 7,
                NotImported::Read(ReadError::Unsupported(_)) => 8,
                NotImported::Read(ReadError::Damaged(d)) => match d {
                    Damage::Broken { .. } => 19,
                    Damage::TiffBroken { .. } => 20,
                    Damage::Structure { .. } => 9,
                    Damage::TiffStructure { .. } => 10,
                    Damage::PngWithoutHeader => 11,
                    Damage::PngCutShort => 12,
                    Damage::JxlHeader { .. } => 13,
                    Damage::JxlHeaderCutShort => 14,
                    Damage::NoImageSize => 15,
                    Damage::Pixels { .. } => 16,
                    Damage::ThumbnailNotEncoded { .. } => 17,
                },
                NotImported::Read(ReadError::Refused(_)) => 18,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        reasons
    }

    /// What the real import says of broken files: an empty JPEG, a PNG cut
    /// short, a TIFF whose pixels do not decode, a GIF, a text file named
    /// like a photo, and a folder that is not there. By file name.
    fn imported_badly() -> Vec<(String, NotImported)> {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corrupt");
        let dir = tempfile::tempdir().unwrap();
        for name in ["zero-byte.jpg", "broken.png", "crash-2020-10-test.tif"] {
            std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
        }
        std::fs::write(dir.path().join("seznam.jpg"), "Milovice 1991\n").unwrap();
        // A GIF in a folder is passed by as not a photo; named, it is read.
        let elsewhere = tempfile::tempdir().unwrap();
        let gif = elsewhere.path().join("odsun.gif");
        std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00").unwrap();
        let paths = [dir.path().to_owned(), dir.path().join("chybí"), gif];
        let mut catalogue = Catalogue::open_in_memory().unwrap();
        let summary = crate::ingest::import::import(
            &mut catalogue,
            None,
            &paths,
            &Default::default(),
            &|_| {},
        )
        .unwrap();
        let mut failed: Vec<(String, NotImported)> = summary
            .failed
            .into_iter()
            .map(|f| {
                (
                    f.path.file_name().unwrap().to_string_lossy().into(),
                    f.reason,
                )
            })
            .collect();
        failed.sort_by(|a, b| a.0.cmp(&b.0));
        failed
    }

    /// Every reason a CSV row is left unchanged.
    fn every_row_refusal() -> Vec<RowRefused> {
        let file = || std::path::PathBuf::from("/výstava/01.jpg");
        let refusals = vec![
            RowRefused::CellTooLong { size: 3 << 20 },
            RowRefused::NotUtf8,
            RowRefused::NotAnId {
                of: IdOf::Photo,
                text: "čtyři".into(),
            },
            RowRefused::NotAnId {
                of: IdOf::Claim,
                text: "x".into(),
            },
            RowRefused::NotAnId {
                of: IdOf::Source,
                text: "x".into(),
            },
            RowRefused::NotYesOrNo {
                value: "ano".into(),
            },
            RowRefused::NoSuchCertainty {
                value: "jistě".into(),
            },
            RowRefused::Value(Invalid::BadValue {
                attribute: Attribute::Rating,
                value: "7".into(),
                expected: Expected::Rating,
            }),
            RowRefused::NoSuchPhoto(PhotoId(99)),
            RowRefused::NoPhotoAt(file()),
            RowRefused::IdAndFileDiffer {
                id: PhotoId(4),
                file: file(),
                other: PhotoId(5),
            },
            RowRefused::PhotoAndFileDiffer {
                photo: PhotoId(4),
                file: file(),
            },
            RowRefused::NoSuchSource(12),
            RowRefused::SourceIsAnother {
                id: 12,
                citation: "Rudé právo".into(),
                cell: "Mladá fronta".into(),
            },
            RowRefused::NoSourceCited {
                citation: "Lidové noviny".into(),
            },
            RowRefused::SourcesCited {
                sources: 3,
                citation: "ČTK".into(),
            },
            RowRefused::NotClaimable {
                field: "rating".into(),
            },
            RowRefused::ClaimNeedsValue(Attribute::Field(Field::City)),
            RowRefused::RivalsPreferred {
                rows: vec![3, 5],
                attribute: Attribute::Field(Field::Caption),
                photo: PhotoId(4),
            },
            RowRefused::NoSuchClaimOnPhoto {
                id: 8,
                photo: PhotoId(4),
            },
            RowRefused::ClaimOfAnotherField {
                id: 8,
                field: "city".into(),
                attribute: Attribute::Field(Field::Caption),
            },
            RowRefused::LastPreferred { id: 8 },
            RowRefused::Other("disk I/O error".into()),
        ];
        // Adding a reason fails to compile here until it is listed above.
        let mut seen = [false; 21];
        for r in &refusals {
            seen[match r {
                RowRefused::CellTooLong { .. } => 0,
                RowRefused::NotUtf8 => 1,
                RowRefused::NotAnId { .. } => 2,
                RowRefused::NotYesOrNo { .. } => 3,
                RowRefused::NoSuchCertainty { .. } => 4,
                RowRefused::Value(_) => 5,
                RowRefused::NoSuchPhoto(_) => 6,
                RowRefused::NoPhotoAt(_) => 7,
                RowRefused::IdAndFileDiffer { .. } => 8,
                RowRefused::PhotoAndFileDiffer { .. } => 9,
                RowRefused::NoSuchSource(_) => 10,
                RowRefused::SourceIsAnother { .. } => 11,
                RowRefused::NoSourceCited { .. } => 12,
                RowRefused::SourcesCited { .. } => 13,
                RowRefused::NotClaimable { .. } => 14,
                RowRefused::ClaimNeedsValue(_) => 15,
                RowRefused::RivalsPreferred { .. } => 16,
                RowRefused::NoSuchClaimOnPhoto { .. } => 17,
                RowRefused::ClaimOfAnotherField { .. } => 18,
                RowRefused::LastPreferred { .. } => 19,
                RowRefused::Other(_) => 20,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        refusals
    }

    /// Every problem a CSV file can have, at every kind of place.
    fn every_csv_problem() -> Vec<Problem> {
        let mut what = vec![
            CsvProblem::QuoteNotClosed,
            CsvProblem::TextAfterQuote,
            CsvProblem::Utf16OddLength,
            CsvProblem::Utf16Broken,
            CsvProblem::HeaderUnreadable(Box::new(CsvProblem::QuoteNotClosed)),
            CsvProblem::Empty,
            CsvProblem::UnknownColumn {
                name: "Barva".into(),
            },
            CsvProblem::ColumnTwice {
                name: "Caption".into(),
                columns: vec![2, 5],
            },
            CsvProblem::NoPhotoColumn,
            CsvProblem::NoClaimColumn("Field"),
            CsvProblem::NoClaimPhotoColumn,
            CsvProblem::CellCount {
                cells: 3,
                header: 5,
            },
            CsvProblem::NoPhotoKey,
            CsvProblem::NamedByRows {
                photo: PhotoId(4),
                rows: vec![2, 7],
            },
        ];
        what.extend(every_row_refusal().into_iter().map(CsvProblem::Row));
        // Adding a problem fails to compile here until it is listed above.
        let mut seen = [false; 15];
        for w in &what {
            seen[match w {
                CsvProblem::QuoteNotClosed => 0,
                CsvProblem::TextAfterQuote => 1,
                CsvProblem::Utf16OddLength => 2,
                CsvProblem::Utf16Broken => 3,
                CsvProblem::HeaderUnreadable(_) => 4,
                CsvProblem::Empty => 5,
                CsvProblem::UnknownColumn { .. } => 6,
                CsvProblem::ColumnTwice { .. } => 7,
                CsvProblem::NoPhotoColumn => 8,
                CsvProblem::NoClaimColumn(_) => 9,
                CsvProblem::NoClaimPhotoColumn => 10,
                CsvProblem::CellCount { .. } => 11,
                CsvProblem::NoPhotoKey => 12,
                CsvProblem::NamedByRows { .. } => 13,
                CsvProblem::Row(_) => 14,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        let places = [
            (Some(2), Some(3)),
            (Some(2), None),
            (None, Some(3)),
            (None, None),
        ];
        what.into_iter()
            .enumerate()
            .map(|(i, what)| {
                let (row, column) = places[i % places.len()];
                Problem { row, column, what }
            })
            .collect()
    }

    /// One of every fault Kartoteka's container readers find.
    fn every_fault() -> Vec<Fault> {
        let faults = vec![
            Fault::EndsInStructure,
            Fault::EndsInMetadata,
            Fault::EndsBeforeCopied,
            Fault::PartPastEnd,
            Fault::NoJpegStart,
            Fault::TooManySegments { limit: 1000 },
            Fault::SegmentTooShort,
            Fault::SegmentPastEnd,
            Fault::NoPngSignature,
            Fault::NoPngHeader,
            Fault::ChunkCutShort {
                kind: "tEXt".into(),
                at: 1_048_576,
            },
            Fault::NotTiff,
            Fault::TiffHeaderCutShort,
            Fault::BigTiffHeader,
            Fault::TiffCutShort,
            Fault::TiffMetadataTooLarge,
            Fault::TiffLoop,
            Fault::TiffPastBudget,
            Fault::TooManyTiffDirectories { limit: 64 },
            Fault::TiffEntries { count: 65_535 },
            Fault::TiffValuePastEnd,
            Fault::EndsInTiffValue,
            Fault::EndsInBox,
            Fault::TooManyBoxes { limit: 10_000 },
            Fault::BoxPastContainer {
                kind: "iloc".into(),
                at: 812,
            },
            Fault::UuidBoxTooShort,
            Fault::BoxCutShort,
            Fault::BadFieldSize,
            Fault::BoxesTooDeep,
            Fault::NoMetaBox,
            Fault::HeifItemTableTooLarge,
            Fault::HeifItemPastEnd,
            Fault::RafHeaderPastEnd,
        ];
        // Adding a fault fails to compile here until it is listed above.
        let mut seen = [false; 33];
        for f in &faults {
            seen[match f {
                Fault::EndsInStructure => 0,
                Fault::EndsInMetadata => 1,
                Fault::EndsBeforeCopied => 2,
                Fault::PartPastEnd => 3,
                Fault::NoJpegStart => 4,
                Fault::TooManySegments { .. } => 5,
                Fault::SegmentTooShort => 6,
                Fault::SegmentPastEnd => 7,
                Fault::NoPngSignature => 8,
                Fault::NoPngHeader => 9,
                Fault::ChunkCutShort { .. } => 10,
                Fault::NotTiff => 11,
                Fault::TiffHeaderCutShort => 12,
                Fault::BigTiffHeader => 13,
                Fault::TiffCutShort => 14,
                Fault::TiffMetadataTooLarge => 15,
                Fault::TiffLoop => 16,
                Fault::TiffPastBudget => 17,
                Fault::TooManyTiffDirectories { .. } => 18,
                Fault::TiffEntries { .. } => 19,
                Fault::TiffValuePastEnd => 20,
                Fault::EndsInTiffValue => 21,
                Fault::EndsInBox => 22,
                Fault::TooManyBoxes { .. } => 23,
                Fault::BoxPastContainer { .. } => 24,
                Fault::UuidBoxTooShort => 25,
                Fault::BoxCutShort => 26,
                Fault::BadFieldSize => 27,
                Fault::BoxesTooDeep => 28,
                Fault::NoMetaBox => 29,
                Fault::HeifItemTableTooLarge => 30,
                Fault::HeifItemPastEnd => 31,
                Fault::RafHeaderPastEnd => 32,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        faults
    }

    /// One of every reason metadata is not embedded but a failed read or
    /// write, which the system's words say.
    fn every_embed_refusal() -> Vec<EmbedError> {
        let reasons = vec![
            EmbedError::Broken {
                format: "PNG",
                fault: Fault::NoPngHeader,
            },
            EmbedError::XmpTooLarge(70_000),
            EmbedError::ExifTooLarge,
            EmbedError::MetadataTooLarge,
            EmbedError::NoImageData,
            EmbedError::BigTiff,
            EmbedError::Raw("CR3"),
            EmbedError::NotWritable("HEIF"),
            EmbedError::NotTiff,
            EmbedError::TiffTooLarge,
        ];
        // Adding a reason fails to compile here until it is listed above.
        let mut seen = [false; 11];
        for r in &reasons {
            seen[match r {
                EmbedError::Broken { .. } => 0,
                EmbedError::XmpTooLarge(_) => 1,
                EmbedError::ExifTooLarge => 2,
                EmbedError::MetadataTooLarge => 3,
                EmbedError::NoImageData => 4,
                EmbedError::BigTiff => 5,
                EmbedError::Raw(_) => 6,
                EmbedError::NotWritable(_) => 7,
                EmbedError::NotTiff => 8,
                EmbedError::TiffTooLarge => 9,
                EmbedError::Io(_) => 10,
            }] = true;
        }
        seen[10] = true;
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        reasons
    }

    /// What Kartoteka's own readers and writers found wrong in a file: every
    /// fault (inside the damage import reports, the warning a raw file's
    /// missing preview gives, and an embedding refused), and every other
    /// reason embedding is refused, said in this thread's language. Each
    /// with the English the command line says for it.
    fn kartoteka_own_words() -> Vec<(String, String)> {
        let path = std::path::PathBuf::from("/výstava/01.tif");
        let mut said = Vec::new();
        for f in every_fault() {
            let damage = Damage::Broken {
                format: "TIFF".into(),
                fault: f.clone(),
            };
            said.push((
                not_imported(&ReadError::Damaged(damage).into()),
                f.to_string(),
            ));
            let tiff = Damage::TiffBroken { fault: f.clone() };
            said.push((
                not_imported(&ReadError::Damaged(tiff).into()),
                f.to_string(),
            ));
            let preview = Warning::NoPreview {
                why: NoPreview::Broken { fault: f.clone() },
            };
            said.push((warning(&preview), f.to_string()));
        }
        for reason in every_embed_refusal() {
            let english = reason.to_string();
            let e = ExportError::Embed {
                path: path.clone(),
                reason,
            };
            said.push((e.said(&path), english));
        }
        said
    }

    #[test]
    fn kartoteka_says_what_its_own_readers_found_in_every_language() {
        let english = in_language(Language::English, kartoteka_own_words);
        for (text, _) in &english {
            assert!(!text.contains("fault-") && !text.contains('{'), "{text}");
        }
        for language in [Language::Czech, Language::Slovak] {
            let marked = in_language(language, || other(&"x").replace('x', ""));
            let said = in_language(language, kartoteka_own_words);
            assert_eq!(said.len(), english.len());
            for ((text, command), (english, _)) in said.iter().zip(&english) {
                assert!(
                    !text.contains("fault-") && !text.contains("embed-") && !text.contains('{'),
                    "{language:?}: {text}"
                );
                assert_ne!(text, english, "{language:?} says it in English");
                assert!(
                    !text.contains(command.as_str()),
                    "{language:?} says it in English: {text}"
                );
                assert!(
                    !text.contains(marked.trim()),
                    "{language:?} marks it as English: {text}"
                );
            }
        }
    }

    /// Every error the window can show, said in this thread's language.
    fn everything_said() -> Vec<String> {
        let file = Path::new("/archiv/odsun.kartoteka");
        let mut said: Vec<String> = every_refusal().iter().map(|e| e.said(file)).collect();
        said.extend(
            every_query_problem()
                .into_iter()
                .map(|e| SearchError::Parse(e).said(file)),
        );
        said.extend(every_import_failure().iter().map(not_imported));
        said.extend(every_csv_problem().iter().map(csv_problem));
        said.extend(
            every_query_refusal()
                .into_iter()
                .map(|r| SearchError::Query(r).said(file)),
        );
        let catalogue = [
            CatalogError::NewerVersion { found: 9, known: 8 },
            CatalogError::NotACatalogue {
                path: "/archiv/seznam.db".into(),
            },
            CatalogError::Migration {
                version: 8,
                reason: "no such table: claim".into(),
            },
            CatalogError::ReadOnlyUpgrade { found: 7, known: 8 },
            CatalogError::ReadOnlyJournal {
                wal: "/archiv/odsun.kartoteka-wal".into(),
            },
            CatalogError::NoSuchPhoto("41".into()),
            CatalogError::Json(serde_json::from_str::<u8>("x").unwrap_err()),
        ];
        said.extend(catalogue.iter().map(|e| e.said(file)));
        for (codes, _) in SQLITE_WORDS {
            said.extend(codes.iter().map(|c| {
                let code = rusqlite::ffi::Error {
                    code: *c,
                    extended_code: 0,
                };
                rusqlite::Error::SqliteFailure(code, None).said(file)
            }));
        }
        for (kind, _) in IO_WORDS {
            said.push(std::io::Error::from(*kind).said(file));
        }
        for kind in [
            FileKind::Folder,
            FileKind::Fifo,
            FileKind::CharDevice,
            FileKind::BlockDevice,
            FileKind::Socket,
            FileKind::Other,
        ] {
            said.push(ReadFileError::NotRegular(kind).said(file));
        }
        let path = || std::path::PathBuf::from("/výstava/01.jpg");
        let written = [
            WriteError::Exists { path: path() },
            WriteError::Database { path: path() },
            WriteError::Protected {
                path: path(),
                what: "the catalogue".into(),
            },
            WriteError::Owner { path: path() },
            WriteError::NoFolder { path: path() },
            WriteError::NotRegular {
                path: path(),
                kind: FileKind::Fifo,
            },
        ];
        said.extend(written.iter().map(|e| e.said(file)));
        said.push(
            ReadFileError::TooLarge {
                size: 3 << 30,
                limit: 1 << 30,
            }
            .said(file),
        );
        let exported = [
            ExportError::BadSidecar {
                path: path(),
                reason: XmpError::NoRdf,
            },
            ExportError::NotDecoded {
                path: path(),
                reason: "truncated JPEG".into(),
            },
            ExportError::ChecklistNotWritten("broken pipe".into()),
            ExportError::Embed {
                path: path(),
                reason: EmbedError::NoImageData,
            },
            ExportError::Changed { path: path() },
            ExportError::NoFileName { path: path() },
            ExportError::NotEmpty { dir: path() },
        ];
        said.extend(exported.iter().map(|e| e.said(file)));
        let interop = [
            InteropError::CsvNotWritten("broken pipe".into()),
            InteropError::NothingToExport {
                name: "Odsun".into(),
            },
        ];
        said.extend(interop.iter().map(|e| e.said(file)));
        let csl = [
            CslFileReason::NotUtf8,
            CslFileReason::Csl(crate::export::csl::read("[1]").unwrap_err()),
        ];
        said.extend(csl.into_iter().map(|reason| {
            CslFileError {
                path: path(),
                reason,
            }
            .said(file)
        }));
        let backups = [
            BackupError::Missing(path()),
            BackupError::NotACatalogue(path()),
            BackupError::NewerVersion {
                path: path(),
                found: 9,
                known: 8,
            },
            BackupError::Damaged {
                path: path(),
                problems: "page 4".into(),
            },
            BackupError::InUse(path()),
            BackupError::Exists(path()),
            BackupError::Unreadable {
                path: path(),
                reason: "gone".into(),
            },
            BackupError::Cancelled,
        ];
        said.extend(backups.iter().map(|e| e.said(file)));
        said
    }

    #[test]
    fn every_error_the_window_shows_is_said_in_every_language() {
        let english = in_language(Language::English, everything_said);
        for language in [Language::Czech, Language::Slovak] {
            let said = in_language(language, everything_said);
            assert_eq!(said.len(), english.len());
            for (text, english) in said.iter().zip(&english) {
                // A missing message comes back as its id, a missing
                // argument as its name in braces.
                assert!(
                    !text.contains("error-") && !text.contains("file-kind-") && !text.contains('{'),
                    "{language:?}: {text}"
                );
                assert_ne!(text, english, "{language:?} says it in English");
            }
        }
        for text in &english {
            assert!(!text.contains("error-") && !text.contains('{'), "{text}");
        }
        let pseudo = in_language(Language::Pseudo, everything_said);
        for text in &pseudo {
            assert!(text.starts_with('⟦') && text.ends_with('⟧'), "{text}");
        }
    }

    /// Every kind of warning import records, said in this thread's language.
    fn every_warning_said() -> Vec<String> {
        crate::ingest::warning::one_of_each()
            .iter()
            .map(warning)
            .collect()
    }

    #[test]
    fn every_import_warning_is_said_in_every_language() {
        let english = in_language(Language::English, every_warning_said);
        let leftover = |text: &str| {
            [
                "warning-",
                "xmp-",
                "iim-",
                "error-",
                "file-kind-",
                "field-",
                "{",
            ]
            .iter()
            .any(|id| text.contains(id))
        };
        for text in &english {
            assert!(!leftover(text), "{text}");
        }
        // The command line's English sentence, which only a warning an
        // older catalogue kept as text may show.
        let commands: Vec<Option<String>> = crate::ingest::warning::one_of_each()
            .iter()
            .map(|w| match w {
                Warning::Legacy { .. } => None,
                w => Some(w.to_string()),
            })
            .collect();
        for language in [Language::Czech, Language::Slovak] {
            let said = in_language(language, every_warning_said);
            assert_eq!(said.len(), english.len());
            for ((text, english), command) in said.iter().zip(&english).zip(&commands) {
                assert!(!leftover(text), "{language:?}: {text}");
                assert_ne!(text, english, "{language:?} says it in English");
                if let Some(command) = command {
                    assert!(
                        !text.contains(command),
                        "{language:?} says it in English: {text}"
                    );
                }
            }
        }
        let pseudo = in_language(Language::Pseudo, every_warning_said);
        for text in &pseudo {
            assert!(text.starts_with('⟦') && text.ends_with('⟧'), "{text}");
        }
    }

    #[test]
    fn czech_says_import_warnings_with_their_values_in_czech() {
        use crate::ingest::warning::XmpPacket;
        use crate::photo::Field;
        let czech = in_language(Language::Czech, || {
            [
                Warning::FieldCut {
                    field: Field::Caption,
                    size: 70 << 10,
                    limit: 64 << 10,
                },
                Warning::XmpUnreadable {
                    packet: XmpPacket::Sidecar {
                        file: "/archiv/01.xmp".into(),
                    },
                    problem: XmpError::NotWellFormed {
                        at: 412,
                        reason: "ill-formed document".into(),
                    },
                },
                Warning::ListCut {
                    field: Field::Keywords,
                    count: 3,
                    limit: 1 << 20,
                    kept: 2,
                },
                Warning::Legacy {
                    text: "EXIF is partly damaged".into(),
                },
                Warning::XmpClaimIgnored {
                    reason: Refused::BadValue {
                        field: Attribute::Field(Field::People),
                        value: 3.into(),
                        expected: crate::catalog::Expected::ListOfTexts,
                    },
                },
            ]
            .iter()
            .map(warning)
            .collect::<Vec<_>>()
        });
        assert_eq!(
            czech,
            [
                "pole Popisek má 70 KiB, víc než 64 KiB, které Kartoteka uchová; bylo zkráceno",
                "postranní soubor /archiv/01.xmp nelze přečíst: XMP není správně utvořené XML \
                 (bajt 412): ill-formed document (podrobnosti jsou jen v angličtině)",
                "pole Klíčová slova obsahuje 3 položky, víc, než se vejde do 1 MiB; \
                 ponechaných položek: 2",
                "EXIF is partly damaged (podrobnosti jsou jen v angličtině)",
                "tvrzení v XMP se vynechalo: Osoby: je třeba seznam textů, ne „3“",
            ]
        );
    }

    #[test]
    fn czech_says_what_the_catalogue_refused() {
        let file = Path::new("/archiv/odsun.kartoteka");
        let mut catalogue = Catalogue::open_in_memory().unwrap();
        let missing = catalogue.add_to_set("Výstava", &[]).unwrap_err();
        let source = |claims, photos| Invalid::SourceStillCited {
            id: 12,
            citation: "Rudé právo, 21. 6. 1991".into(),
            claims,
            photos,
        };
        let czech = in_language(Language::Czech, || {
            [
                missing.said(file),
                source(3, 2).said(file),
                source(5, 5).said(file),
                source(1, 1).said(file),
                CatalogError::Sqlite(sqlite(rusqlite::ffi::SQLITE_FULL)).said(file),
                std::io::Error::from(ErrorKind::StorageFull).said(Path::new("/výstava/01.jpg")),
            ]
        });
        assert_eq!(
            czech,
            [
                "výstavní sada „Výstava“ neexistuje",
                "na pramen 12 („Rudé právo, 21. 6. 1991“) se odvolávají 3 tvrzení u 2 fotografií; \
                 nejdřív je odeberte, nebo pramen odeberte přesto (tvrzení zůstanou, jen bez pramene)",
                "na pramen 12 („Rudé právo, 21. 6. 1991“) se odvolává 5 tvrzení u 5 fotografií; \
                 nejdřív je odeberte, nebo pramen odeberte přesto (tvrzení zůstanou, jen bez pramene)",
                "na pramen 12 („Rudé právo, 21. 6. 1991“) se odvolává 1 tvrzení u 1 fotografie; \
                 nejdřív je odeberte, nebo pramen odeberte přesto (tvrzení zůstanou, jen bez pramene)",
                "disk se souborem /archiv/odsun.kartoteka je plný; nic se nezměnilo: \
                 uvolněte místo a zkuste to znovu",
                "disk se souborem /výstava/01.jpg je plný; nic se nezměnilo: \
                 uvolněte místo a zkuste to znovu",
            ]
        );
        let slovak = in_language(Language::Slovak, || {
            [source(3, 2).said(file), source(22, 1).said(file)]
        });
        assert!(
            slovak[0].contains("sa odvolávajú 3 tvrdenia pri 2 fotografiách"),
            "{}",
            slovak[0]
        );
        assert!(
            slovak[1].contains("sa odvoláva 22 tvrdení pri 1 fotografii"),
            "{}",
            slovak[1]
        );
        // The command line keeps the catalogue's English.
        assert_eq!(missing.to_string(), "no exhibition set named \"Výstava\"");
    }

    #[test]
    fn czech_says_why_a_query_does_not_parse_or_run() {
        let file = Path::new("/archiv/odsun.kartoteka");
        let catalogue = Catalogue::open_in_memory().unwrap();
        let searched = |q: &str| {
            catalogue
                .search_text(q, SortKey::FileName, None)
                .unwrap_err()
                .said(file)
        };
        let czech = in_language(Language::Czech, || {
            [
                searched("(milovice"),
                searched("vojáci OR"),
                searched("Kyndrová rating:7"),
                searched("date:1992..1990"),
                searched("set:Odsun"),
            ]
        });
        assert_eq!(
            czech,
            [
                "dotazu nelze porozumět na pozici 1: „(“ se nikde neuzavírá",
                "dotazu nelze porozumět na pozici 8: za OR musí něco následovat",
                "dotazu nelze porozumět na pozici 17: hodnocení je 0 až 5, případně za >=, >, <=, < \
                 nebo =; ne „7“",
                "dotazu nelze porozumět na pozici 6: rozmezí 1992..1990 končí dřív, než začíná",
                "sada ani uložené hledání „Odsun“ neexistuje",
            ]
        );
        let deep = format!("{}x", "(".repeat(100));
        let slovak = in_language(Language::Slovak, || searched(&deep));
        assert_eq!(
            slovak,
            "dopytu nemožno porozumieť na pozícii 65: zátvorky a „-“ sú vnorené hlbšie, než \
             dovoľuje hranica 64 úrovní"
        );
        // The command line keeps the parser's English.
        assert_eq!(
            crate::search::parse("(milovice").unwrap_err().to_string(),
            "position 1: '(' is never closed"
        );
    }

    #[test]
    fn czech_says_why_a_file_was_not_imported() {
        let failed = imported_badly();
        let czech = in_language(Language::Czech, || {
            failed
                .iter()
                .map(|(name, reason)| format!("{name}: {}", not_imported(reason)))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            czech,
            [
                "broken.png: je poškozený: PNG je useknutý ještě před hlavičkou",
                "chybí: soubor ani složka neexistuje",
                "crash-2020-10-test.tif: je poškozený: obrazová data nelze dekódovat: \
                 Memory limit exceeded (podrobnosti jsou jen v angličtině)",
                "odsun.gif: je ve formátu GIF, který Kartoteka nečte",
                "seznam.jpg: není v obrazovém formátu, který Kartoteka čte (JPEG, TIFF, PNG, WebP, \
                 JPEG XL, HEIF, raw z fotoaparátu)",
                "zero-byte.jpg: je prázdný (0 bajtů)",
            ]
        );
        // The command line keeps the importer's English.
        assert_eq!(
            failed[0].1.to_string(),
            "is damaged: PNG is cut short before its header"
        );
    }

    #[test]
    fn czech_says_what_is_wrong_in_a_csv_file_and_its_claim_rows() {
        let (_, problems) =
            crate::export::csv::read("ID,Rating,Barva\n4,7,modrá\n5,3\n".as_bytes(), false);
        let mut catalogue = Catalogue::open_in_memory().unwrap();
        let claim = |number, field: &str, photo| crate::catalog::ClaimRow {
            number,
            claim: None,
            record: crate::catalog::ClaimRecord {
                photo: PhotoId(photo),
                field: field.into(),
                value: "Milovice".into(),
                source: None,
                locator: None,
                certainty: None,
                note: None,
                preferred: false,
                kept_from: None,
            },
        };
        let report = catalogue
            .apply_claim_rows(&[claim(2, "rating", 1), claim(3, "city", 99)], true)
            .unwrap();
        let czech = in_language(Language::Czech, || {
            let mut said: Vec<String> = problems.iter().map(csv_problem).collect();
            said.extend(report.refused.iter().map(|(_, why)| row_refused(why)));
            said
        });
        assert_eq!(
            czech,
            [
                "řádek 1, sloupec 3: neznámý sloupec „Barva“; nebere se v úvahu",
                "řádek 2, sloupec 2: Hodnocení: hodnocení je 0 až 5, ne „7“; řádek zůstal beze změny",
                "řádek 3: má 2 buňky, ale záhlaví 3; řádek zůstal beze změny",
                "„rating“ není pole, o kterém se vedou tvrzení",
                "fotografie s ID 99 neexistuje",
            ]
        );
        // The command line keeps the reader's English.
        assert_eq!(
            problems[1].to_string(),
            "row 2, column 2: rating: a rating is 0 to 5, not \"7\"; this row was left unchanged"
        );
    }

    #[test]
    fn what_no_kind_covers_keeps_its_words_and_says_they_are_english() {
        let odd = sqlite(rusqlite::ffi::SQLITE_MISMATCH);
        let czech = in_language(Language::Czech, || odd.said(Path::new("k.kartoteka")));
        assert_eq!(
            czech,
            format!(
                "{} (podrobnosti jsou jen v angličtině)",
                crate::catalog::sqlite_message(&odd)
            )
        );
    }
}
