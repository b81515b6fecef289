//! CSV catalogues, in two dialects.
//!
//! The **catalogue** profile is for curators and spreadsheets: friendly
//! headers, UTF-8 with a byte order mark (so that Excel reads Czech and
//! Cyrillic right), lists joined with `"; "`. Cells a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) are neutralised by a leading `'`, as are cells that start with
//! `'` themselves, so reading the file back removes exactly one `'` from any
//! cell that starts with one.
//!
//! The **exiftool** profile is exactly `exiftool -csv`: `SourceFile`, then
//! tag names, lists joined with `"; "`, nothing neutralised, so that
//! `exiftool -csv=FILE -sep "; " FILES` writes the catalogue into files.
//!
//! Both are read back for bulk editing ([`read`]), strictly: a quote that
//! is never closed, text after a closing quote, a row with more or fewer
//! cells than the header, a column named twice, a cell longer than Kartoteka
//! keeps, each is a problem with its row and column, and such a row changes
//! nothing. UTF-16 files (as some spreadsheets save "Unicode text") are read
//! as UTF-16.
//!
//! A file path that is not valid UTF-8 (a name from a legacy code page) is
//! written as a `file:///` URI with its bytes percent-encoded, so that two
//! different names never print the same and reading the file back finds
//! the one right photo; the exiftool profile writes the bytes as they are,
//! as exiftool does.
//!
//! [`Writer`] is the one CSV writer: `export csv`, `search --csv` and the
//! exhibition checklist all go through it.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::catalog::{IdOf, RowRefused, SetItem};
use crate::photo::{Attribute, Field, Photo, PhotoId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Catalogue,
    Exiftool,
}

impl Profile {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "catalogue" | "catalog" => Some(Self::Catalogue),
            "exiftool" => Some(Self::Exiftool),
            _ => None,
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The photo's id (matches rows on import).
    Id,
    /// The photo's file (matches rows on import).
    File,
    /// An editable value.
    Value(Attribute),
    /// Position in the exhibition set (read only).
    Position,
    /// The wall label in the exhibition set.
    WallLabel,
    /// Technical facts, exported for reference and ignored on import.
    Taken,
    Camera,
    Width,
    Height,
}

/// The catalogue profile's columns and headers, in order.
pub const CATALOGUE_COLUMNS: &[(&str, Column)] = &[
    ("ID", Column::Id),
    ("File", Column::File),
    ("Title", Column::Value(Attribute::Field(Field::Title))),
    ("Headline", Column::Value(Attribute::Field(Field::Headline))),
    ("Caption", Column::Value(Attribute::Field(Field::Caption))),
    ("Creator", Column::Value(Attribute::Field(Field::Creators))),
    ("Credit", Column::Value(Attribute::Field(Field::Credit))),
    (
        "Copyright",
        Column::Value(Attribute::Field(Field::Copyright)),
    ),
    ("Source", Column::Value(Attribute::Field(Field::Source))),
    (
        "Date depicted",
        Column::Value(Attribute::Field(Field::DateCreated)),
    ),
    ("Event", Column::Value(Attribute::Field(Field::Event))),
    ("People", Column::Value(Attribute::Field(Field::People))),
    (
        "Sublocation",
        Column::Value(Attribute::Field(Field::Sublocation)),
    ),
    ("City", Column::Value(Attribute::Field(Field::City))),
    ("State", Column::Value(Attribute::Field(Field::State))),
    ("Country", Column::Value(Attribute::Field(Field::Country))),
    (
        "Country code",
        Column::Value(Attribute::Field(Field::CountryCode)),
    ),
    ("Keywords", Column::Value(Attribute::Field(Field::Keywords))),
    (
        "Hierarchical keywords",
        Column::Value(Attribute::Field(Field::HierarchicalKeywords)),
    ),
    ("Job ID", Column::Value(Attribute::Field(Field::JobId))),
    (
        "Instructions",
        Column::Value(Attribute::Field(Field::Instructions)),
    ),
    (
        "Digital source type",
        Column::Value(Attribute::Field(Field::DigitalSourceType)),
    ),
    ("Rating", Column::Value(Attribute::Rating)),
    ("Flag", Column::Value(Attribute::Flag)),
    ("Label", Column::Value(Attribute::Label)),
    ("Note", Column::Value(Attribute::Note)),
    ("Taken", Column::Taken),
    ("Camera", Column::Camera),
    ("Width", Column::Width),
    ("Height", Column::Height),
];

/// The exiftool profile's columns: the tags `exiftool -csv` names.
pub const EXIFTOOL_COLUMNS: &[(&str, Column)] = &[
    ("SourceFile", Column::File),
    (
        "XMP-dc:Title",
        Column::Value(Attribute::Field(Field::Title)),
    ),
    (
        "XMP-photoshop:Headline",
        Column::Value(Attribute::Field(Field::Headline)),
    ),
    (
        "XMP-dc:Description",
        Column::Value(Attribute::Field(Field::Caption)),
    ),
    (
        "XMP-dc:Creator",
        Column::Value(Attribute::Field(Field::Creators)),
    ),
    (
        "XMP-photoshop:Credit",
        Column::Value(Attribute::Field(Field::Credit)),
    ),
    (
        "XMP-dc:Rights",
        Column::Value(Attribute::Field(Field::Copyright)),
    ),
    (
        "XMP-photoshop:Source",
        Column::Value(Attribute::Field(Field::Source)),
    ),
    (
        "XMP-photoshop:Instructions",
        Column::Value(Attribute::Field(Field::Instructions)),
    ),
    (
        "XMP-photoshop:TransmissionReference",
        Column::Value(Attribute::Field(Field::JobId)),
    ),
    (
        "XMP-iptcCore:Location",
        Column::Value(Attribute::Field(Field::Sublocation)),
    ),
    (
        "XMP-photoshop:City",
        Column::Value(Attribute::Field(Field::City)),
    ),
    (
        "XMP-photoshop:State",
        Column::Value(Attribute::Field(Field::State)),
    ),
    (
        "XMP-photoshop:Country",
        Column::Value(Attribute::Field(Field::Country)),
    ),
    (
        "XMP-iptcCore:CountryCode",
        Column::Value(Attribute::Field(Field::CountryCode)),
    ),
    (
        "XMP-dc:Subject",
        Column::Value(Attribute::Field(Field::Keywords)),
    ),
    (
        "XMP-lr:HierarchicalSubject",
        Column::Value(Attribute::Field(Field::HierarchicalKeywords)),
    ),
    (
        "XMP-iptcExt:PersonInImage",
        Column::Value(Attribute::Field(Field::People)),
    ),
    (
        "XMP-iptcExt:Event",
        Column::Value(Attribute::Field(Field::Event)),
    ),
    (
        "XMP-photoshop:DateCreated",
        Column::Value(Attribute::Field(Field::DateCreated)),
    ),
    (
        "XMP-iptcExt:DigitalSourceType",
        Column::Value(Attribute::Field(Field::DigitalSourceType)),
    ),
    ("XMP-xmp:Rating", Column::Value(Attribute::Rating)),
];

/// The list separator of both profiles (and of `exiftool -sep "; "`).
pub const SEPARATOR: &str = "; ";

fn columns_of(profile: Profile) -> &'static [(&'static str, Column)] {
    match profile {
        Profile::Catalogue => CATALOGUE_COLUMNS,
        Profile::Exiftool => EXIFTOOL_COLUMNS,
    }
}

/// A column name that is no column of the profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no column {name:?}; columns are {known}")]
pub struct UnknownColumn {
    pub name: String,
    /// The profile's headers, for the message.
    pub known: String,
}

// The desktop app collects its messages as text.
impl From<UnknownColumn> for String {
    fn from(e: UnknownColumn) -> Self {
        e.to_string()
    }
}

/// Chooses columns by name (header, case-insensitive, or field name).
pub fn choose_columns(
    profile: Profile,
    names: Option<&str>,
) -> Result<Vec<(String, Column)>, UnknownColumn> {
    let all = columns_of(profile);
    let Some(names) = names else {
        return Ok(all.iter().map(|(h, c)| ((*h).to_owned(), *c)).collect());
    };
    names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| {
            all.iter()
                .find(|(h, c)| {
                    h.eq_ignore_ascii_case(name)
                        || matches!(c, Column::Value(a) if a.name().eq_ignore_ascii_case(name))
                })
                .map(|(h, c)| ((*h).to_owned(), *c))
                .ok_or_else(|| UnknownColumn {
                    name: name.to_owned(),
                    known: all.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(", "),
                })
        })
        .collect()
}

/// A list in one cell: items joined with `"; "`. An item that would not
/// split back cleanly (holding a `;`, a `"`, or leading or trailing
/// spaces) is put in double quotes, with inner quotes doubled.
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| {
            if i.contains(';') || i.contains('"') || i.trim() != i {
                format!("\"{}\"", i.replace('"', "\"\""))
            } else {
                i.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// The inverse of [`join_list`].
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut chars = cell.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ' ') {
            chars.next();
        }
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        item.push('"');
                    } else {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
            // Skip to the separator.
            for c in chars.by_ref() {
                if c == ';' {
                    break;
                }
            }
            items.push(item);
        } else {
            let mut ended = true;
            for c in chars.by_ref() {
                if c == ';' {
                    ended = false;
                    break;
                }
                item.push(c);
            }
            let item = item.trim().to_owned();
            if !item.is_empty() {
                items.push(item);
            }
            if ended {
                break;
            }
            continue;
        }
        if chars.peek().is_none() {
            break;
        }
    }
    items
}

/// Characters that make a spreadsheet treat a cell as a formula.
fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// `'=SUM(1+1)`: what the catalogue profile writes for `=SUM(1+1)`.
pub fn neutralise(cell: String) -> String {
    if looks_like_formula(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The inverse of [`neutralise`].
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// exiftool writes and reads XMP dates with colons: `1991:06:21`.
fn exiftool_date(iso: &str) -> String {
    match iso.split_once('T') {
        Some((date, time)) => format!("{} {time}", date.replace('-', ":")),
        None => iso.replace('-', ":"),
    }
}

/// Bytes a `file:///` URI of a path percent-encodes: everything but
/// letters, digits, `/` and `-._~`.
const PATH_URI: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path as text that maps back to exactly the same path: as it is when it
/// is valid UTF-8, otherwise a `file:///` URI with its bytes
/// percent-encoded (`file:///archiv/Kyndrov%E1.jpg`). Used in CSV and JSON.
pub fn path_cell(path: &Path) -> String {
    match path.to_str() {
        Some(text) if !text.starts_with("file:///") => text.to_owned(),
        _ => {
            let bytes = crate::catalog::path_to_bytes(path);
            let rest = bytes.strip_prefix(b"/").unwrap_or(&bytes);
            format!(
                "file:///{}",
                percent_encoding::percent_encode(rest, PATH_URI)
            )
        }
    }
}

/// A problem that leaves a whole row unchanged, at its row and column
/// (1-based, as a spreadsheet counts them).
pub(crate) fn row_problem(row: usize, column: usize, refused: RowRefused) -> Problem {
    Problem {
        row: Some(row),
        column: Some(column),
        what: CsvProblem::Row(refused),
    }
}

/// Why a cell is too long for one field, if it is.
pub(crate) fn oversized(cell: &[u8]) -> Option<RowRefused> {
    (cell.len() > crate::limits::MAX_FIELD_BYTES).then_some(RowRefused::CellTooLong {
        size: cell.len() as u64,
    })
}

/// The inverse of [`path_cell`]: a `file:///` URI is decoded to its bytes;
/// anything else is the path's own bytes.
pub fn path_from_cell(cell: &[u8]) -> PathBuf {
    match cell.strip_prefix(b"file:///") {
        Some(rest) => {
            let mut bytes = b"/".to_vec();
            bytes.extend(percent_encoding::percent_decode(rest));
            crate::catalog::path_from_bytes(bytes)
        }
        None => crate::catalog::path_from_bytes(cell.to_vec()),
    }
}

/// The bytes of one cell as written: [`cell`], except that the exiftool
/// profile gives a file path as its own bytes (as exiftool does).
pub fn cell_bytes(
    profile: Profile,
    column: Column,
    photo: &Photo,
    item: Option<&SetItem>,
) -> Vec<u8> {
    match (profile, column) {
        (Profile::Exiftool, Column::File) => crate::catalog::path_to_bytes(&photo.file.path),
        _ => cell(profile, column, photo, item).into_bytes(),
    }
}

/// The text of one cell.
pub fn cell(profile: Profile, column: Column, photo: &Photo, item: Option<&SetItem>) -> String {
    let text = match column {
        Column::Id => photo.id.to_string(),
        Column::File => path_cell(&photo.file.path),
        Column::Position => item.map(|i| i.position.to_string()).unwrap_or_default(),
        Column::WallLabel => item.and_then(|i| i.note.clone()).unwrap_or_default(),
        Column::Taken => photo.technical.taken_at.clone().unwrap_or_default(),
        Column::Camera => [&photo.technical.camera_make, &photo.technical.camera_model]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        Column::Width => photo
            .technical
            .width
            .map(|w| w.to_string())
            .unwrap_or_default(),
        Column::Height => photo
            .technical
            .height
            .map(|h| h.to_string())
            .unwrap_or_default(),
        Column::Value(Attribute::Field(Field::DateCreated)) if profile == Profile::Exiftool => {
            photo
                .description
                .date_created
                .as_deref()
                .map(exiftool_date)
                .unwrap_or_default()
        }
        Column::Value(Attribute::Rating)
            if profile == Profile::Exiftool && photo.curation.rating == 0 =>
        {
            String::new()
        }
        Column::Value(a) => match crate::catalog::attribute_value(photo, a) {
            Value::Null => String::new(),
            Value::String(s) => s,
            Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
                match profile {
                    Profile::Catalogue => join_list(&items),
                    Profile::Exiftool => items.join(SEPARATOR),
                }
            }
            other => other.to_string(),
        },
    };
    match profile {
        Profile::Catalogue => neutralise(text),
        Profile::Exiftool => text,
    }
}

/// The one CSV writer of Kartoteka: RFC 4180 with CRLF line ends and, in the
/// catalogue profile, a byte order mark first (so spreadsheets read UTF-8 as
/// UTF-8) unless the caller leaves it out. Cells come from [`cell`] (or
/// [`write_table`]), which neutralise what a spreadsheet would run as a
/// formula in the catalogue profile.
pub struct Writer<W: Write> {
    inner: csv::Writer<W>,
    profile: Profile,
}

impl<W: Write> Writer<W> {
    pub fn new(mut out: W, profile: Profile, byte_order_mark: bool) -> Result<Self, csv::Error> {
        if profile == Profile::Catalogue && byte_order_mark {
            out.write_all("\u{feff}".as_bytes())?;
        }
        Ok(Self {
            inner: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out),
            profile,
        })
    }

    /// A row of cells as they are (see [`cell`]).
    pub fn row<I, C>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = C>,
        C: AsRef<[u8]>,
    {
        self.inner.write_record(cells)
    }

    pub fn profile(&self) -> Profile {
        self.profile
    }

    pub fn finish(mut self) -> Result<(), csv::Error> {
        self.inner.flush()?;
        Ok(())
    }
}

/// Writes a table of text (a header and rows) in a profile, with a byte
/// order mark for the catalogue profile.
pub fn write_table<W: Write>(
    out: W,
    profile: Profile,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<(), csv::Error> {
    let mut w = Writer::new(out, profile, true)?;
    w.row(header)?;
    for row in rows {
        w.row(row.into_iter().map(|c| match profile {
            Profile::Catalogue => neutralise(c),
            Profile::Exiftool => c,
        }))?;
    }
    w.finish()
}

/// Writes photos as CSV. A set export passes its items (in set order) and
/// gets Position and Wall label columns.
pub fn write<W: Write>(
    out: W,
    profile: Profile,
    columns: &[(String, Column)],
    photos: &[Photo],
    set: Option<&[SetItem]>,
) -> Result<(), csv::Error> {
    let mut columns = columns.to_vec();
    if profile == Profile::Catalogue && set.is_some() {
        columns.insert(0, ("Position".to_owned(), Column::Position));
        columns.push(("Wall label".to_owned(), Column::WallLabel));
    }
    let mut w = Writer::new(out, profile, true)?;
    w.row(columns.iter().map(|(h, _)| h.as_str()))?;
    for (n, photo) in photos.iter().enumerate() {
        let item = set.and_then(|items| items.get(n));
        w.row(
            columns
                .iter()
                .map(|(_, c)| cell_bytes(profile, *c, photo, item)),
        )?;
    }
    w.finish()
}

/// How a CSV row names its photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    Id(PhotoId),
    Path(std::path::PathBuf),
}

/// One row of an edited CSV, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based, counting the header as row 1 (as a spreadsheet shows it).
    pub number: usize,
    pub key: RowKey,
    /// The File cell of a row matched by ID, which must name the same photo.
    pub file: Option<std::path::PathBuf>,
    /// Values to set; `Value::Null` clears.
    pub values: Vec<(Attribute, Value)>,
    /// The wall label cell, when the file has one.
    pub wall_label: Option<String>,
}

/// A problem in the file, reported with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub what: CsvProblem,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.column) {
            (Some(r), Some(c)) => write!(f, "row {r}, column {c}: {}", self.what),
            (Some(r), None) => write!(f, "row {r}: {}", self.what),
            (None, Some(c)) => write!(f, "column {c}: {}", self.what),
            (None, None) => write!(f, "{}", self.what),
        }
    }
}

/// What is wrong in a CSV file, with what it names, so that the window can
/// say it in its language. `Display` is the command line's English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvProblem {
    #[error(
        "a quote opened here is never closed, so the rest of the file is inside this cell; \
         this row and the rest were left unchanged"
    )]
    QuoteNotClosed,
    #[error(
        "text follows the closing quote of this cell (a quote inside a quoted cell is written \
         \"\"); this row was left unchanged"
    )]
    TextAfterQuote,
    #[error(
        "the file looks like UTF-16 text but has an odd number of bytes; nothing was read \
         (save it again as UTF-8 or UTF-16)"
    )]
    Utf16OddLength,
    #[error("the file is UTF-16 text with a broken character; nothing was read")]
    Utf16Broken,
    #[error("the header row cannot be read: {0}")]
    HeaderUnreadable(Box<CsvProblem>),
    #[error("the file is empty")]
    Empty,
    #[error("unknown column {name:?}; it is ignored")]
    UnknownColumn { name: String },
    #[error(
        "column {name:?} appears {} times (columns {}); none of them is read",
        .columns.len(),
        .columns.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    )]
    ColumnTwice { name: String, columns: Vec<usize> },
    #[error("no ID, File or SourceFile column to match rows to photos")]
    NoPhotoColumn,
    /// A claims file without one of the columns it needs.
    #[error("no {0} column; nothing was read")]
    NoClaimColumn(&'static str),
    #[error("no Photo ID or File column to match rows to photos; nothing was read")]
    NoClaimPhotoColumn,
    #[error("has {cells} cells but the header has {header}; this row was left unchanged")]
    CellCount { cells: usize, header: usize },
    #[error("no photo id or file to match; this row was left unchanged")]
    NoPhotoKey,
    #[error(
        "photo {photo} is named by rows {}; none of them was applied",
        .rows.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    )]
    NamedByRows { photo: PhotoId, rows: Vec<usize> },
    #[error("{0}; this row was left unchanged")]
    Row(RowRefused),
}

/// A record of the file: its 1-based number and its cells, or why it could
/// not be read.
pub(crate) type Record = (usize, Result<Vec<Vec<u8>>, Problem>);

/// Splits CSV text into records, strictly (RFC 4180): a cell that starts
/// with a quote runs to the matching quote (`""` is a quote inside it) and
/// must be followed by a comma or the end of the line; other cells run to
/// a comma or the end of the line. Line ends are CRLF, LF or CR.
fn records(data: &[u8]) -> Vec<Record> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut number = 0;
    let end_of_line = |i: &mut usize| {
        if data.get(*i) == Some(&b'\r') {
            *i += 1;
        }
        if data.get(*i) == Some(&b'\n') {
            *i += 1;
        }
    };
    while i < data.len() {
        number += 1;
        let mut cells: Vec<Vec<u8>> = Vec::new();
        let mut cell = Vec::new();
        let mut problem = None;
        loop {
            let column = cells.len() + 1;
            if data.get(i) == Some(&b'"') {
                i += 1;
                let mut closed = false;
                while i < data.len() {
                    if data[i] == b'"' {
                        if data.get(i + 1) == Some(&b'"') {
                            cell.push(b'"');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        closed = true;
                        break;
                    }
                    cell.push(data[i]);
                    i += 1;
                }
                if !closed {
                    problem = Some(Problem {
                        row: Some(number),
                        column: Some(column),
                        what: CsvProblem::QuoteNotClosed,
                    });
                    break;
                }
                match data.get(i) {
                    None => {
                        cells.push(std::mem::take(&mut cell));
                        break;
                    }
                    Some(b',') => {
                        i += 1;
                        cells.push(std::mem::take(&mut cell));
                        continue;
                    }
                    Some(b'\r' | b'\n') => {
                        end_of_line(&mut i);
                        cells.push(std::mem::take(&mut cell));
                        break;
                    }
                    Some(_) => {
                        problem = Some(Problem {
                            row: Some(number),
                            column: Some(column),
                            what: CsvProblem::TextAfterQuote,
                        });
                        // On to the next line outside quotes.
                        while i < data.len() && !matches!(data[i], b'\r' | b'\n') {
                            i += 1;
                        }
                        end_of_line(&mut i);
                        break;
                    }
                }
            } else {
                while i < data.len() && !matches!(data[i], b',' | b'\r' | b'\n') {
                    cell.push(data[i]);
                    i += 1;
                }
                cells.push(std::mem::take(&mut cell));
                match data.get(i) {
                    Some(b',') => {
                        i += 1;
                        // A comma at the very end of the data ends an empty cell.
                        if i == data.len() {
                            cells.push(Vec::new());
                            break;
                        }
                    }
                    _ => {
                        end_of_line(&mut i);
                        break;
                    }
                }
            }
        }
        out.push((number, problem.map_or(Ok(cells), Err)));
    }
    out
}

/// The file's text as UTF-8: UTF-8 with or without a byte order mark as it
/// is, UTF-16 (with a byte order mark, or recognised by its zero bytes)
/// converted.
fn as_utf8(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Problem> {
    let utf16 = |body: &[u8], big: bool| -> Result<Cow<'_, [u8]>, Problem> {
        if body.len() % 2 == 1 {
            return Err(Problem {
                row: None,
                column: None,
                what: CsvProblem::Utf16OddLength,
            });
        }
        let units = body.chunks_exact(2).map(|c| {
            if big {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        let text: String = char::decode_utf16(units)
            .collect::<Result<_, _>>()
            .map_err(|_| Problem {
                row: None,
                column: None,
                what: CsvProblem::Utf16Broken,
            })?;
        Ok(Cow::Owned(
            text.strip_prefix('\u{feff}')
                .unwrap_or(&text)
                .as_bytes()
                .to_vec(),
        ))
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
        [0xEF, 0xBB, 0xBF, rest @ ..] => Ok(Cow::Borrowed(rest)),
        // Without a byte order mark: ASCII header letters with zero bytes
        // between them.
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => utf16(bytes, false),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => utf16(bytes, true),
        _ => Ok(Cow::Borrowed(bytes)),
    }
}

/// The column each header names (`known` tells them): an unknown header
/// is reported and its column ignored; a column named twice is ambiguous,
/// so it is reported and neither copy is read.
pub(crate) fn header_columns<C: Copy + PartialEq>(
    headers: &[Vec<u8>],
    problems: &mut Vec<Problem>,
    known: impl Fn(&str) -> Option<C>,
) -> Vec<Option<C>> {
    let mut columns: Vec<Option<C>> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let name = String::from_utf8_lossy(header).trim().to_owned();
        let found = known(&name);
        if found.is_none() {
            problems.push(Problem {
                row: Some(1),
                column: Some(i + 1),
                what: CsvProblem::UnknownColumn { name },
            });
        }
        columns.push(found);
    }
    let twice: Vec<usize> = (0..columns.len())
        .filter(|i| {
            columns[*i].is_some_and(|c| columns.iter().filter(|d| **d == Some(c)).count() > 1)
        })
        .collect();
    for &i in &twice {
        let same: Vec<usize> = twice
            .iter()
            .copied()
            .filter(|j| columns[*j] == columns[i])
            .collect();
        problems.push(Problem {
            row: Some(1),
            column: Some(i + 1),
            what: CsvProblem::ColumnTwice {
                name: String::from_utf8_lossy(&headers[i]).trim().to_owned(),
                columns: same.iter().map(|k| k + 1).collect(),
            },
        });
    }
    for i in twice {
        columns[i] = None;
    }
    columns
}

/// The header row of a CSV file and its records after it, or the problem
/// that stops it being read at all.
pub(crate) fn header_and_records(
    bytes: &[u8],
) -> Result<(Vec<Vec<u8>>, std::vec::IntoIter<Record>), Problem> {
    let text = as_utf8(bytes)?;
    let mut records = records(&text).into_iter();
    match records.next() {
        Some((_, Ok(h))) => Ok((h, records)),
        Some((_, Err(p))) => Err(Problem {
            what: CsvProblem::HeaderUnreadable(Box::new(p.what)),
            ..p
        }),
        None => Err(Problem {
            row: Some(1),
            column: None,
            what: CsvProblem::Empty,
        }),
    }
}

/// Reads an edited CSV in either profile (told apart by its headers).
/// Rows with a bad value are reported and left out whole; an empty cell
/// changes nothing unless `blank_clears`.
pub fn read(bytes: &[u8], blank_clears: bool) -> (Vec<Row>, Vec<Problem>) {
    let mut problems = Vec::new();
    let (headers, records) = match header_and_records(bytes) {
        Ok(h) => h,
        Err(p) => return (Vec::new(), vec![p]),
    };
    let profile = if headers.iter().any(|h| h == b"SourceFile") {
        Profile::Exiftool
    } else {
        Profile::Catalogue
    };
    let known = columns_of(profile);
    let columns = header_columns(&headers, &mut problems, |name| {
        known
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(name))
            .map(|(_, c)| *c)
            .or_else(|| match name.to_ascii_lowercase().as_str() {
                "position" => Some(Column::Position),
                "wall label" => Some(Column::WallLabel),
                _ => None,
            })
    });
    if !columns
        .iter()
        .any(|c| matches!(c, Some(Column::Id | Column::File)))
    {
        problems.push(Problem {
            row: Some(1),
            column: None,
            what: CsvProblem::NoPhotoColumn,
        });
        return (Vec::new(), problems);
    }
    let mut rows = Vec::new();
    for (number, record) in records {
        let record = match record {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace) {
            continue; // a blank line
        }
        if record.len() != headers.len() {
            problems.push(Problem {
                row: Some(number),
                column: None,
                what: CsvProblem::CellCount {
                    cells: record.len(),
                    header: headers.len(),
                },
            });
            continue;
        }
        match read_row(profile, &columns, number, &record, blank_clears) {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    (rows, problems)
}

fn read_row(
    profile: Profile,
    columns: &[Option<Column>],
    number: usize,
    record: &[Vec<u8>],
    blank_clears: bool,
) -> Result<Option<Row>, Problem> {
    let mut id = None;
    let mut file = None;
    let mut values = Vec::new();
    let mut wall_label = None;
    for (i, raw) in record.iter().enumerate() {
        let problem = |refused: RowRefused| row_problem(number, i + 1, refused);
        let Some(Some(column)) = columns.get(i) else {
            continue;
        };
        if let Some(refused) = oversized(raw) {
            return Err(problem(refused));
        }
        // A path is bytes: a name that is not UTF-8 comes as a `file:///`
        // URI (or, from exiftool, as its own bytes).
        if *column == Column::File {
            if !raw.trim_ascii().is_empty() {
                let cell = match (profile, raw.strip_prefix(b"'")) {
                    (Profile::Catalogue, Some(rest)) => rest,
                    _ => raw.as_slice(),
                };
                file = Some(path_from_cell(cell));
            }
            continue;
        }
        let text = std::str::from_utf8(raw).map_err(|_| problem(RowRefused::NotUtf8))?;
        let text = match profile {
            Profile::Catalogue => restore(text),
            Profile::Exiftool => text,
        };
        match column {
            Column::Id if !text.trim().is_empty() => {
                let n = text.trim().parse::<i64>().map_err(|_| {
                    problem(RowRefused::NotAnId {
                        of: IdOf::Photo,
                        text: text.to_owned(),
                    })
                })?;
                id = Some(PhotoId(n));
            }
            Column::WallLabel => wall_label = Some(text.to_owned()),
            Column::Value(attribute) => {
                if text.trim().is_empty() {
                    if blank_clears {
                        values.push((*attribute, Value::Null));
                    }
                    continue;
                }
                let value = match attribute {
                    Attribute::Field(f) if f.is_list() => {
                        let items = match profile {
                            Profile::Catalogue => split_list(text),
                            Profile::Exiftool => text.split(SEPARATOR).map(str::to_owned).collect(),
                        };
                        Value::from(items)
                    }
                    _ => Value::String(text.to_owned()),
                };
                let value = crate::catalog::normalise_value(*attribute, &value)
                    .map_err(|e| problem(RowRefused::value(e)))?;
                values.push((*attribute, value));
            }
            _ => {}
        }
    }
    let (key, file) = match (id, file) {
        (Some(id), file) => (RowKey::Id(id), file),
        (None, Some(path)) => (RowKey::Path(path), None),
        (None, None) if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) => {
            return Ok(None);
        }
        (None, None) => {
            return Err(Problem {
                row: Some(number),
                column: None,
                what: CsvProblem::NoPhotoKey,
            });
        }
    };
    Ok(Some(Row {
        number,
        key,
        file,
        values,
        wall_label,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Result<Vec<String>, String>> {
        records(text.as_bytes())
            .into_iter()
            .map(|(_, r)| {
                r.map(|c| {
                    c.iter()
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                        .collect()
                })
                .map_err(|p| p.to_string())
            })
            .collect()
    }

    #[test]
    fn records_are_read_strictly() {
        assert_eq!(
            cells("a,\"b,\"\"c\"\"\"\r\nd\"\",e\n,\n\"multi\nline\",x"),
            vec![
                Ok(vec!["a".into(), "b,\"c\"".into()]),
                Ok(vec!["d\"\"".into(), "e".into()]),
                Ok(vec!["".into(), "".into()]),
                Ok(vec!["multi\nline".into(), "x".into()]),
            ]
        );
        let bad = cells("1,\"abc\"def\n2,ok\n3,\"open\n4,gone");
        assert!(
            bad[0]
                .as_ref()
                .unwrap_err()
                .contains("row 1, column 2: text follows")
        );
        assert_eq!(bad[1], Ok(vec!["2".into(), "ok".into()]));
        assert!(
            bad[2]
                .as_ref()
                .unwrap_err()
                .contains("row 3, column 2: a quote opened here")
        );
        assert_eq!(
            bad.len(),
            3,
            "the unclosed quote takes the rest of the file"
        );
    }

    #[test]
    fn paths_that_are_not_utf8_round_trip_through_a_cell() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            for bytes in [
                &b"/a/Kyndrov\xe1.jpg"[..],
                b"/a/100% b.jpg",
                b"/a/file:///x",
            ] {
                let path = Path::new(std::ffi::OsStr::from_bytes(bytes));
                let cell = path_cell(path);
                assert_eq!(path_from_cell(cell.as_bytes()), path, "{cell}");
            }
            assert_eq!(
                path_cell(Path::new(std::ffi::OsStr::from_bytes(
                    b"/a/Kyndrov\xe1.jpg"
                ))),
                "file:///a/Kyndrov%E1.jpg"
            );
        }
        assert_eq!(path_cell(Path::new("/a/Kyndrová.jpg")), "/a/Kyndrová.jpg");
    }

    #[test]
    fn lists_split_back_whatever_they_hold() {
        for items in [
            vec!["Havel, Václav".to_owned(), "treaty".to_owned()],
            vec![
                "odsun; návrat".to_owned(),
                "a \"quoted\" one".to_owned(),
                " padded ".to_owned(),
            ],
            vec!["=cmd|' /C calc'!A0".to_owned()],
            vec![],
        ] {
            assert_eq!(
                split_list(&join_list(&items)),
                items,
                "{}",
                join_list(&items)
            );
        }
        assert_eq!(split_list("a;b ;  c"), ["a", "b", "c"]);
    }

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in [
            "=SUM(1+1)",
            "+420 123",
            "-5",
            "@home",
            "\tx",
            "'quoted'",
            "plain",
            "",
        ] {
            let out = neutralise(cell.to_owned());
            if cell.is_empty() || cell == "plain" {
                assert_eq!(out, cell);
            } else {
                assert!(out.starts_with('\''), "{out}");
            }
            assert_eq!(restore(&out), cell);
        }
    }

    #[test]
    fn exiftool_dates_use_colons() {
        assert_eq!(exiftool_date("1991-06"), "1991:06");
        assert_eq!(
            exiftool_date("1993-01-01T03:11:11+01:00"),
            "1993:01:01 03:11:11+01:00"
        );
    }
}
