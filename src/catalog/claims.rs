//! Sources and claims: who says what about a photo.
//!
//! A source is a bibliographic record: an article, a book, an archival
//! document, a negative sleeve, a testimony. A claim is one value of one
//! descriptive field of one photo, with the source that says it (or none),
//! a locator within the source, a certainty and a note. A field may hold
//! several claims that disagree; exactly one of them (when the field has a
//! value) is preferred, and its value is the field's value in the photo
//! row, so that search, CSV and XMP read a photo with claims as they read
//! any other. A field whose claims disagree is disputed: dates when their
//! ranges do not overlap, text when it differs after case, accents and
//! spaces are folded, lists when their items differ.
//!
//! Every change to sources and claims is an operation of the history,
//! undone and redone like an edit; the photo's value follows its preferred
//! claim through the same steps.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;

use super::edit::{self, Edit, normalise, value_of};
use super::history::{Deed, Step, Summary};
use super::keywords::KeywordTree;
use super::photos::{load_photo, load_photos, photo_exists};
use super::shared_ids::{self, Kind};
use super::{CatalogError, Catalogue, DateOf, Invalid, Record, Result};
use crate::date::Depicted;
use crate::limits::{MAX_FIELD_BYTES, MAX_LIST_BYTES};
use crate::photo::{Attribute, CarriedClaim, Field, Photo, PhotoId};
use crate::text::{count, fold, shorten};

/// What kind of thing a source is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Book,
    /// An archival document.
    Archival,
    /// A negative sleeve, the photographer's notes.
    Sleeve,
    /// Oral testimony.
    Oral,
    Website,
    #[default]
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Article,
        SourceKind::Book,
        SourceKind::Archival,
        SourceKind::Sleeve,
        SourceKind::Oral,
        SourceKind::Website,
        SourceKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Book => "book",
            SourceKind::Archival => "archival",
            SourceKind::Sleeve => "sleeve",
            SourceKind::Oral => "oral",
            SourceKind::Website => "website",
            SourceKind::Other => "other",
        }
    }

    /// The kind in words, for people.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Article => "Article",
            SourceKind::Book => "Book",
            SourceKind::Archival => "Archival document",
            SourceKind::Sleeve => "Negative sleeve or photographer's notes",
            SourceKind::Oral => "Oral testimony",
            SourceKind::Website => "Website",
            SourceKind::Other => "Other",
        }
    }

    pub fn from_name(name: &str) -> Option<SourceKind> {
        let name = name.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| {
            k.name() == name
                || (name == "archival document" && *k == SourceKind::Archival)
                || (name == "negative sleeve" && *k == SourceKind::Sleeve)
                || (name == "oral testimony" && *k == SourceKind::Oral)
        })
    }
}

/// How sure a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    Certain,
    Probable,
    Possible,
}

impl Certainty {
    pub const ALL: [Certainty; 3] = [Certainty::Certain, Certainty::Probable, Certainty::Possible];

    pub fn name(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Possible => "possible",
        }
    }

    pub fn from_name(name: &str) -> Option<Certainty> {
        Self::ALL
            .into_iter()
            .find(|c| c.name() == name.trim().to_lowercase())
    }

    /// Its bit in a photo's `certainties`.
    pub fn bit(self) -> u8 {
        match self {
            Certainty::Certain => 1,
            Certainty::Probable => 2,
            Certainty::Possible => 4,
        }
    }
}

/// What a source records. Unknown fields of the CSL-JSON it came from stay
/// in `extra`, so that they survive a round trip.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SourceRecord {
    /// The short citation people read: "Czech Radio, 2020-02-26".
    pub citation: String,
    pub authors: Vec<String>,
    pub title: Option<String>,
    /// The publisher or outlet.
    pub publisher: Option<String>,
    /// Partial or EDTF, as depicted dates are.
    pub date: Option<String>,
    pub url: Option<String>,
    /// Where an archive keeps it: fond, box, inventory number.
    pub reference: Option<String>,
    pub kind: SourceKind,
    pub note: Option<String>,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, Value>,
}

/// A source as the catalogue lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    pub id: i64,
    #[serde(flatten)]
    pub record: SourceRecord,
    /// Photos with a claim citing it.
    pub photos: u64,
    /// Claims citing it.
    pub claims: u64,
}

/// What a claim says.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimRecord {
    pub photo: PhotoId,
    /// The field's name, as `--set` takes it: caption, date_created, note, ...
    pub field: String,
    pub value: Value,
    pub source: Option<i64>,
    pub locator: Option<String>,
    pub certainty: Option<Certainty>,
    pub note: Option<String>,
    pub preferred: bool,
    /// For a claim a team sync made from two changes of the field made
    /// apart: the operation whose value it keeps, "replica:seq".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_from: Option<String>,
}

/// A claim as the catalogue lists it, with the source it cites.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Claim {
    pub id: i64,
    pub field: String,
    pub value: Value,
    pub source: Option<Source>,
    pub locator: Option<String>,
    pub certainty: Option<Certainty>,
    pub note: Option<String>,
    pub preferred: bool,
    /// For a claim a team sync kept from changes of the field made apart:
    /// the operation whose value it keeps, "replica:seq".
    pub kept_from: Option<String>,
}

/// The source, locator, certainty and note of claims being added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub source: Option<i64>,
    pub locator: Option<String>,
    pub certainty: Option<Certainty>,
    pub note: Option<String>,
}

/// What adding claims did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimReport {
    /// Photos that got the claim.
    pub photos: usize,
    /// Photos whose field now shows the new value.
    pub preferred: usize,
    /// Photos that already had this claim.
    pub unchanged: usize,
}

/// The fields claims can be about, in order: each one's place is its bit
/// in a photo's `claimed`, `disputed` and `sourced`.
pub const CLAIMABLE: &[Attribute] = &[
    Attribute::Field(Field::Title),
    Attribute::Field(Field::Headline),
    Attribute::Field(Field::Caption),
    Attribute::Field(Field::Creators),
    Attribute::Field(Field::Credit),
    Attribute::Field(Field::Copyright),
    Attribute::Field(Field::Source),
    Attribute::Field(Field::Instructions),
    Attribute::Field(Field::JobId),
    Attribute::Field(Field::Sublocation),
    Attribute::Field(Field::City),
    Attribute::Field(Field::State),
    Attribute::Field(Field::Country),
    Attribute::Field(Field::CountryCode),
    Attribute::Field(Field::Keywords),
    Attribute::Field(Field::People),
    Attribute::Field(Field::Event),
    Attribute::Field(Field::DateCreated),
    Attribute::Note,
];

/// A field's bit in a photo's claim masks.
pub fn field_bit(attribute: Attribute) -> Option<u32> {
    CLAIMABLE
        .iter()
        .position(|a| *a == attribute)
        .map(|i| 1 << i)
}

/// The claimable field a name means: the `--set` names and the search
/// filters' (`date`, `person`, `creator`, `keyword`, `job`).
pub fn claimable(name: &str) -> Option<Attribute> {
    let canonical = match name.trim() {
        "date" | "depicted" => "date_created",
        "person" => "people",
        "creator" => "creators",
        "keyword" => "keywords",
        "job" => "job_id",
        other => other,
    };
    Attribute::from_name(canonical).filter(|a| CLAIMABLE.contains(a))
}

fn claimable_or_error(name: &str) -> Result<Attribute> {
    claimable(name).ok_or_else(|| {
        Invalid::NotClaimable {
            name: name.to_owned(),
        }
        .into()
    })
}

/// A photo's keywords as one claim value: its keyword paths, then the flat
/// keywords no path ends in.
fn keywords_value(photo: &Photo) -> Value {
    Value::from(photo.description.keyword_list())
}

/// What a field of a photo holds, as a claim's value.
pub(super) fn current_value(photo: &Photo, attribute: Attribute) -> Value {
    match attribute {
        Attribute::Field(Field::Keywords) => keywords_value(photo),
        other => value_of(photo, other),
    }
}

pub(super) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The edits that make a field of a photo hold a claim's value.
fn edits_for(photo: &Photo, attribute: Attribute, value: &Value) -> Vec<Edit> {
    if attribute != Attribute::Field(Field::Keywords) {
        return vec![Edit::Set(attribute, value.clone())];
    }
    let mut edits: Vec<Edit> = keywords_value(photo)
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|k| Edit::RemoveKeyword(k.to_owned()))
        .collect();
    edits.extend(
        value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|k| Edit::AddKeyword(k.to_owned())),
    );
    edits
}

/// A claim's value made comparable: text folded (case, accents, spaces),
/// lists as sets of folded items.
pub(super) fn comparable(value: &Value) -> BTreeSet<String> {
    let one = |s: &str| fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    match value {
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(one).collect(),
        Value::String(s) => BTreeSet::from([one(s)]),
        _ => BTreeSet::new(),
    }
}

/// Whether the values of a field's claims disagree.
pub fn disagree(attribute: Attribute, values: &[&Value]) -> bool {
    if attribute == Attribute::Field(Field::DateCreated) {
        let ranges: Vec<(u32, u32)> = values
            .iter()
            .filter_map(|v| v.as_str())
            .filter_map(|s| Depicted::parse(s).ok())
            .map(|d| {
                let (a, b) = d.bounds();
                (a.unwrap_or(0), b.unwrap_or(u32::MAX))
            })
            .collect();
        return ranges
            .iter()
            .enumerate()
            .any(|(i, a)| ranges[i + 1..].iter().any(|b| a.1 < b.0 || b.1 < a.0));
    }
    let distinct: BTreeSet<BTreeSet<String>> = values.iter().map(|v| comparable(v)).collect();
    distinct.len() > 1
}

// ---------------------------------------------------------------------------
// Reading

fn source_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, SourceRecord)> {
    let json = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let authors: Vec<String> = serde_json::from_str(&json(2)?).unwrap_or_default();
    let extra: serde_json::Map<String, Value> =
        serde_json::from_str(&json(10)?).unwrap_or_default();
    let kind: String = r.get(8)?;
    Ok((
        r.get(0)?,
        SourceRecord {
            citation: r.get(1)?,
            authors,
            title: r.get(3)?,
            publisher: r.get(4)?,
            date: r.get(5)?,
            url: r.get(6)?,
            reference: r.get(7)?,
            kind: SourceKind::from_name(&kind).unwrap_or_default(),
            note: r.get(9)?,
            extra,
        },
    ))
}

const SOURCE_SELECT: &str =
    "id, citation, authors, title, publisher, date, url, reference, kind, note, extra";

pub(super) fn source_record(conn: &Connection, id: i64) -> Result<Option<SourceRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {SOURCE_SELECT} FROM source WHERE id = ?1"))?
        .query_row([id], source_from_row)
        .optional()?
        .map(|(_, r)| r))
}

fn claim_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, ClaimRecord)> {
    let value: String = r.get(3)?;
    let certainty: Option<String> = r.get(6)?;
    Ok((
        r.get(0)?,
        ClaimRecord {
            photo: PhotoId(r.get(1)?),
            field: r.get(2)?,
            value: serde_json::from_str(&value).unwrap_or(Value::Null),
            source: r.get(4)?,
            locator: r.get(5)?,
            certainty: certainty.as_deref().and_then(Certainty::from_name),
            note: r.get(7)?,
            preferred: r.get(8)?,
            kept_from: r.get(9)?,
        },
    ))
}

const CLAIM_SELECT: &str =
    "id, photo_id, field, value, source_id, locator, certainty, note, preferred, kept_from";

/// A photo's claims (of one field, when given), in the order they came.
pub(super) fn claims_of(
    conn: &Connection,
    photo: PhotoId,
    field: Option<&str>,
) -> Result<Vec<(i64, ClaimRecord)>> {
    // Two statements, not one with `?2 IS NULL`: SQLite plans such a
    // statement for the value bound, and would prepare it again each time
    // a caller alternates between a field and none.
    let rows = match field {
        Some(field) => conn
            .prepare_cached(&format!(
                "SELECT {CLAIM_SELECT} FROM claim WHERE photo_id = ?1 AND field = ?2 ORDER BY id"
            ))?
            .query_map(params![photo.0, field], claim_from_row)?
            .collect::<rusqlite::Result<_>>()?,
        None => conn
            .prepare_cached(&format!(
                "SELECT {CLAIM_SELECT} FROM claim WHERE photo_id = ?1 ORDER BY id"
            ))?
            .query_map(params![photo.0], claim_from_row)?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows)
}

/// The claims of many photos (of one field, when given), photo by photo,
/// each photo's in the order they came: one statement for all of them.
pub(super) fn claims_of_photos(
    conn: &Connection,
    photos: &[PhotoId],
    field: Option<&str>,
) -> Result<HashMap<PhotoId, Vec<(i64, ClaimRecord)>>> {
    let ids = serde_json::to_string(photos)?;
    let mut out: HashMap<PhotoId, Vec<(i64, ClaimRecord)>> = HashMap::new();
    let mut add = |row: rusqlite::Result<(i64, ClaimRecord)>| -> Result<()> {
        let (id, c) = row?;
        out.entry(c.photo).or_default().push((id, c));
        Ok(())
    };
    let within = "photo_id IN (SELECT value FROM json_each(?1))";
    match field {
        Some(field) => {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {CLAIM_SELECT} FROM claim WHERE {within} AND field = ?2 ORDER BY id"
            ))?;
            for row in stmt.query_map(params![ids, field], claim_from_row)? {
                add(row)?;
            }
        }
        None => {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {CLAIM_SELECT} FROM claim WHERE {within} ORDER BY id"
            ))?;
            for row in stmt.query_map(params![ids], claim_from_row)? {
                add(row)?;
            }
        }
    }
    Ok(out)
}

/// The step that changes claim `id` from `old` as `change` says.
pub(super) fn changed(id: i64, old: ClaimRecord, change: impl FnOnce(&mut ClaimRecord)) -> Step {
    let mut new = old.clone();
    change(&mut new);
    Step::Claim {
        id,
        old: Some(old),
        new: Some(new),
    }
}

/// The steps that have claims cite source `source` again: those whose
/// latest change by name had them cite it while it was not here (removed
/// on one replica while another cited it), now that it is back.
pub(super) fn citing_again(conn: &Connection, source: i64) -> Result<Vec<Step>> {
    let uid = shared_ids::uid_of(conn, Kind::Source, source)?;
    let mut steps = Vec::new();
    for claim in shared_ids::citing(conn, &uid)? {
        if let Some(c) = claim_here(conn, claim)?.filter(|c| c.source.is_none()) {
            steps.push(changed(claim, c, |c| c.source = Some(source)));
        }
    }
    Ok(steps)
}

/// A claim, if the catalogue has it.
pub(super) fn claim_here(conn: &Connection, id: i64) -> Result<Option<ClaimRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {CLAIM_SELECT} FROM claim WHERE id = ?1"))?
        .query_row([id], claim_from_row)
        .optional()?
        .map(|(_, c)| c))
}

fn claim_record(conn: &Connection, id: i64) -> Result<(i64, ClaimRecord)> {
    claim_here(conn, id)?
        .map(|c| (id, c))
        .ok_or_else(|| Invalid::NoSuchClaim(id).into())
}

/// The next free id of a table for a plan of steps. `taken` is the last id
/// this plan took (0 before the first): ids are
/// planned before any step is written, so once one is taken the next is
/// simply the one after it.
pub(super) fn next_id(conn: &Connection, table: &str, taken: i64) -> Result<i64> {
    if taken > 0 {
        return Ok(taken + 1);
    }
    // Table names are constants of this module, never input.
    let max: i64 = conn
        .prepare_cached(&format!("SELECT ifnull(max(id), 0) FROM {table}"))?
        .query_row([], |r| r.get(0))?;
    // Never an id a claim or source had before: a team's replicas name
    // them by it.
    let kind = match table {
        "claim" => Some(Kind::Claim),
        "source" => Some(Kind::Source),
        _ => None,
    };
    let had = match kind {
        Some(kind) => shared_ids::largest_id(conn, kind)?,
        None => 0,
    };
    Ok(max.max(had) + 1)
}

// ---------------------------------------------------------------------------
// Writing (the history applies steps through these)

pub(super) fn write_source(
    tx: &Transaction<'_>,
    id: i64,
    record: Option<&SourceRecord>,
) -> Result<()> {
    tx.prepare_cached("DELETE FROM source_fts WHERE rowid = ?1")?
        .execute([id])?;
    let Some(r) = record else {
        tx.prepare_cached("DELETE FROM source WHERE id = ?1")?
            .execute([id])
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    CatalogError::from(Invalid::SourceInUse(id))
                }
                other => other.into(),
            })?;
        return Ok(());
    };
    shared_ids::name_new(tx, Kind::Source, id)?;
    tx.prepare_cached(
        "INSERT INTO source (id, citation, authors, title, publisher, date, url, reference, kind, note, extra)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET citation = excluded.citation, authors = excluded.authors,
             title = excluded.title, publisher = excluded.publisher, date = excluded.date,
             url = excluded.url, reference = excluded.reference, kind = excluded.kind,
             note = excluded.note, extra = excluded.extra",
    )?
    .execute(params![
        id,
        r.citation,
        serde_json::to_string(&r.authors)?,
        r.title,
        r.publisher,
        r.date,
        r.url,
        r.reference,
        r.kind.name(),
        r.note,
        serde_json::to_string(&r.extra)?,
    ])?;
    tx.prepare_cached(
        "INSERT INTO source_fts (rowid, citation, authors, title, publisher, reference, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        r.citation,
        r.authors.join("; "),
        r.title,
        r.publisher,
        r.reference,
        r.note
    ])?;
    Ok(())
}

/// Writes a claim's change from `old` to `new`, as a step of the history
/// says it: a claim that was not there is added beside its photo (a photo
/// no longer catalogued gets none), one that was is rewritten or removed.
/// Each is a plain one-row statement, which SQLite runs without a statement
/// journal: a claim on 10,000 photos is 10,000 of them in one transaction.
pub(super) fn write_claim(
    tx: &Transaction<'_>,
    id: i64,
    old: Option<&ClaimRecord>,
    new: Option<&ClaimRecord>,
) -> Result<()> {
    let Some(c) = new else {
        tx.prepare_cached("DELETE FROM claim WHERE id = ?1")?
            .execute([id])?;
        return Ok(());
    };
    // A source a team member removed meanwhile is cited by nothing here
    // (an undo that brings back a claim citing it): should the source
    // come back, so does the citation (`citing_again`).
    let source = match c.source {
        Some(s) if source_record(tx, s)?.is_some() => Some(s),
        _ => None,
    };
    let values = params![
        id,
        c.photo.0,
        c.field,
        c.value.to_string(),
        source,
        c.locator,
        c.certainty.map(Certainty::name),
        c.note,
        c.preferred,
        c.kept_from
    ];
    // One a team member's change brought back since (a removal undone
    // here after a colleague changed the claim) is rewritten.
    if old.is_some() || claim_here(tx, id)?.is_some() {
        tx.prepare_cached(
            "UPDATE claim SET photo_id = ?2, field = ?3, value = ?4, source_id = ?5, locator = ?6,
                 certainty = ?7, note = ?8, preferred = ?9, kept_from = ?10
             WHERE id = ?1",
        )?
        .execute(values)?;
    } else if photo_exists(tx, c.photo)? {
        tx.prepare_cached(
            "INSERT INTO claim
                 (id, photo_id, field, value, source_id, locator, certainty, note, preferred, kept_from)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(values)?;
        shared_ids::name_new(tx, Kind::Claim, id)?;
    }
    Ok(())
}

/// What search keeps of a photo's claims: a bit per field whose claims
/// disagree, a bit per field with a claim citing a source, and the
/// certainties its claims carry (one bit each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    disputed: u32,
    sourced: u32,
    certainties: u8,
}

impl Marks {
    /// The marks of all a photo's claims.
    fn of_claims(claims: &[(i64, ClaimRecord)]) -> Marks {
        let mut by_field: BTreeMap<&str, Vec<&ClaimRecord>> = BTreeMap::new();
        for (_, c) in claims {
            by_field.entry(c.field.as_str()).or_default().push(c);
        }
        by_field
            .into_iter()
            .map(|(field, claims)| Marks::of_field(field, &claims))
            .fold(Marks::default(), Marks::with)
    }

    /// The marks of every claim of one field.
    fn of_field(field: &str, claims: &[&ClaimRecord]) -> Marks {
        let Some((attribute, bit)) = claimable(field).and_then(|a| Some((a, field_bit(a)?))) else {
            return Marks::default();
        };
        let values: Vec<&Value> = claims.iter().map(|c| &c.value).collect();
        Marks {
            disputed: if disagree(attribute, &values) { bit } else { 0 },
            sourced: if claims.iter().any(|c| c.source.is_some()) {
                bit
            } else {
                0
            },
            certainties: claims
                .iter()
                .fold(0, |all, c| all | c.certainty.map_or(0, Certainty::bit)),
        }
    }

    fn with(self, other: Marks) -> Marks {
        Marks {
            disputed: self.disputed | other.disputed,
            sourced: self.sourced | other.sourced,
            certainties: self.certainties | other.certainties,
        }
    }

    /// These marks with a field's disputed and sourced bits cleared; the
    /// certainties, of all fields together, are kept.
    fn without_field(self, field: &str) -> Marks {
        let bit = claimable(field).and_then(field_bit).unwrap_or(0);
        Marks {
            disputed: self.disputed & !bit,
            sourced: self.sourced & !bit,
            ..self
        }
    }
}

/// The photos whose marks a change of claims has left stale, and how much
/// of their claims must be read again to bring them up to date.
#[derive(Debug, Default)]
pub(super) struct StaleMarks {
    /// Photos whose claims were only added to, or had their preference
    /// moved: the certainties they carried are all still there, so only
    /// the claims of the fields touched are read again.
    added: BTreeMap<PhotoId, BTreeSet<String>>,
    /// Photos a claim was removed from or changed on: all their claims are
    /// read again.
    changed: BTreeSet<PhotoId>,
}

impl StaleMarks {
    /// The marks of these photos, read again from all their claims.
    pub(super) fn of(photos: impl IntoIterator<Item = PhotoId>) -> StaleMarks {
        StaleMarks {
            changed: photos.into_iter().collect(),
            ..StaleMarks::default()
        }
    }

    /// Notes a claim changed from `old` to `new` (`None`: there was none,
    /// or there is none now).
    pub(super) fn note(&mut self, old: Option<&ClaimRecord>, new: Option<&ClaimRecord>) {
        match (old, new) {
            (None, Some(added)) => self.note_field(added),
            (Some(o), Some(n))
                if *o
                    == (ClaimRecord {
                        preferred: o.preferred,
                        ..n.clone()
                    }) =>
            {
                self.note_field(n)
            }
            _ => self
                .changed
                .extend(old.iter().chain(new.iter()).map(|c| c.photo)),
        }
    }

    fn note_field(&mut self, claim: &ClaimRecord) {
        self.added
            .entry(claim.photo)
            .or_default()
            .insert(claim.field.clone());
    }

    /// Writes the photos' marks anew: their claims (or those of the fields
    /// touched) read in one statement a field, the marks written in one
    /// statement and cleared in another.
    pub(super) fn refresh(self, conn: &Connection) -> Result<()> {
        let StaleMarks { added, changed } = self;
        let mut marks: Vec<(PhotoId, Marks)> = Vec::new();
        if !changed.is_empty() {
            let whole: Vec<PhotoId> = changed.iter().copied().collect();
            let mut claims = claims_of_photos(conn, &whole, None)?;
            for photo in whole {
                let claims = claims.remove(&photo).unwrap_or_default();
                marks.push((photo, Marks::of_claims(&claims)));
            }
        }
        let added: BTreeMap<PhotoId, BTreeSet<String>> = added
            .into_iter()
            .filter(|(photo, _)| !changed.contains(photo))
            .collect();
        if !added.is_empty() {
            let photos: Vec<PhotoId> = added.keys().copied().collect();
            let mut current = marks_of(conn, &photos)?;
            let mut by_field: BTreeMap<&str, Vec<PhotoId>> = BTreeMap::new();
            for (&photo, fields) in &added {
                for field in fields {
                    by_field.entry(field.as_str()).or_default().push(photo);
                }
            }
            for (field, photos) in by_field {
                let mut claims = claims_of_photos(conn, &photos, Some(field))?;
                for photo in photos {
                    let claims = claims.remove(&photo).unwrap_or_default();
                    let claims: Vec<&ClaimRecord> = claims.iter().map(|(_, c)| c).collect();
                    let mark = current.entry(photo).or_default();
                    *mark = mark
                        .without_field(field)
                        .with(Marks::of_field(field, &claims));
                }
            }
            marks.extend(current);
        }
        write_marks(conn, &marks)
    }
}

/// The marks the catalogue holds for these photos; a photo without any has
/// no entry.
fn marks_of(conn: &Connection, photos: &[PhotoId]) -> Result<HashMap<PhotoId, Marks>> {
    let ids = serde_json::to_string(photos)?;
    let rows = conn
        .prepare_cached(
            "SELECT photo_id, disputed, sourced, certainties FROM claim_mark
             WHERE photo_id IN (SELECT value FROM json_each(?1))",
        )?
        .query_map([ids], |r| {
            Ok((
                PhotoId(r.get(0)?),
                Marks {
                    disputed: r.get(1)?,
                    sourced: r.get(2)?,
                    certainties: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Writes photos' marks: a photo without any loses its row. A mark that
/// did not change is not written, so search does not reload its photo.
fn write_marks(conn: &Connection, marks: &[(PhotoId, Marks)]) -> Result<()> {
    let (unmarked, marked): (Vec<_>, Vec<_>) =
        marks.iter().partition(|(_, m)| *m == Marks::default());
    let marked: Vec<[i64; 4]> = marked
        .iter()
        .map(|(photo, m)| {
            [
                photo.0,
                m.disputed.into(),
                m.sourced.into(),
                m.certainties.into(),
            ]
        })
        .collect();
    let unmarked: Vec<i64> = unmarked.iter().map(|(photo, _)| photo.0).collect();
    // A photo with marks has claims, so it exists: the key's reference is
    // checked, not looked up twice.
    conn.prepare_cached(
        "INSERT INTO claim_mark (photo_id, disputed, sourced, certainties)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?1) WHERE true
         ON CONFLICT (photo_id) DO UPDATE
         SET disputed = excluded.disputed, sourced = excluded.sourced,
             certainties = excluded.certainties
         WHERE (disputed, sourced, certainties)
             IS NOT (excluded.disputed, excluded.sourced, excluded.certainties)",
    )?
    .execute([serde_json::to_string(&marked)?])?;
    conn.prepare_cached(
        "DELETE FROM claim_mark WHERE photo_id IN (SELECT value FROM json_each(?1))",
    )?
    .execute([serde_json::to_string(&unmarked)?])?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Planning: what a change of claims does, as steps

/// Photo steps that make the photo's field hold `value`.
fn value_steps(
    tx: &Transaction<'_>,
    tree: &KeywordTree,
    photo: &Photo,
    attribute: Attribute,
    value: &Value,
) -> Result<Vec<Step>> {
    edit::photo_steps(tx, tree, photo.id, &edits_for(photo, attribute, value))
}

/// Restores the claims a file's XMP carried into a photo that has none
/// (one that has claims keeps the catalogue's). Sources are matched with
/// the catalogue's by what they say, and added when new. A field whose
/// value differs from the claim the packet preferred (another program
/// edited the standard property) is treated as a direct edit: its value
/// becomes the preferred claim and the sourced claims are kept beside it.
/// Not an edit of the archivist's, so not in the history.
pub(super) fn restore(
    tx: &Transaction<'_>,
    tree: &KeywordTree,
    photo: PhotoId,
    carried: &[CarriedClaim],
) -> Result<()> {
    if carried.is_empty() || !claims_of(tx, photo, None)?.is_empty() {
        return Ok(());
    }
    let mut taken_source = 0;
    let mut taken_claim = 0;
    let mut preferred_fields: BTreeSet<&str> = BTreeSet::new();
    for c in carried {
        let source = match &c.source {
            Some(record) => Some(match same_source(tx, record)? {
                Some(id) => id,
                None => {
                    taken_source = next_id(tx, "source", taken_source)?;
                    write_source(tx, taken_source, Some(record))?;
                    taken_source
                }
            }),
            None => None,
        };
        // One preferred claim per field: the first the packet marks.
        let preferred = c.preferred && preferred_fields.insert(c.field.as_str());
        taken_claim = next_id(tx, "claim", taken_claim)?;
        write_claim(
            tx,
            taken_claim,
            None,
            Some(&ClaimRecord {
                photo,
                field: c.field.clone(),
                value: c.value.clone(),
                source,
                locator: c.locator.clone(),
                certainty: c.certainty,
                note: c.note.clone(),
                preferred,
                kept_from: None,
            }),
        )?;
    }
    let current = load_photo(tx, tree, photo)?;
    let fields: BTreeSet<&str> = carried.iter().map(|c| c.field.as_str()).collect();
    for field in fields {
        let Some(attribute) = claimable(field) else {
            continue;
        };
        let value = current_value(&current, attribute);
        let claims = claims_of(tx, photo, Some(field))?;
        let agrees = claims
            .iter()
            .find(|(_, c)| c.preferred)
            .is_some_and(|(_, c)| comparable(&c.value) == comparable(&value));
        if agrees || (is_empty(&value) && !claims.iter().any(|(_, c)| c.preferred)) {
            continue;
        }
        for step in follow_edit(tx, &current, attribute, &mut taken_claim)? {
            if let Step::Claim { id, old, new } = step {
                write_claim(tx, id, old.as_ref(), new.as_ref())?;
            }
        }
    }
    StaleMarks::of([photo]).refresh(tx)
}

/// The catalogue's source that is the same as this one: the same citation
/// (folded), title, date and URL.
fn same_source(conn: &Connection, record: &SourceRecord) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, citation FROM source WHERE title IS ?1 AND date IS ?2 AND url IS ?3 ORDER BY id",
    )?;
    let candidates = stmt
        .query_map(params![record.title, record.date, record.url], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(candidates
        .into_iter()
        .find(|(_, citation)| fold(citation) == fold(&record.citation))
        .map(|(id, _)| id))
}

/// Steps that adjust a photo's claims of a field after its value was
/// edited directly: an unsourced preferred claim takes the new value; a
/// sourced one is kept, no longer preferred, beside a new unsourced claim
/// with the new value.
pub(super) fn follow_edit(
    conn: &Connection,
    photo: &Photo,
    attribute: Attribute,
    taken: &mut i64,
) -> Result<Vec<Step>> {
    // The claims a sync kept from changes made apart are a record of
    // those changes, not the field's value: an edit passes them by, but
    // for one chosen as the field's value, which it leaves as it is.
    let claims: Vec<(i64, ClaimRecord)> = claims_of(conn, photo.id, Some(attribute.name()))?
        .into_iter()
        .filter(|(_, c)| c.kept_from.is_none() || c.preferred)
        .collect();
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let new = current_value(photo, attribute);
    let mut steps = Vec::new();
    let preferred = claims.iter().find(|(_, c)| c.preferred);
    match preferred {
        Some((id, c)) if c.source.is_none() && c.kept_from.is_none() => {
            let mut changed = c.clone();
            changed.value = new.clone();
            changed.preferred = !is_empty(&new);
            let step = if is_empty(&new) {
                Step::Claim {
                    id: *id,
                    old: Some(c.clone()),
                    new: None,
                }
            } else {
                Step::Claim {
                    id: *id,
                    old: Some(c.clone()),
                    new: Some(changed),
                }
            };
            steps.push(step);
            return Ok(steps);
        }
        Some((id, c)) => {
            let mut kept = c.clone();
            kept.preferred = false;
            steps.push(Step::Claim {
                id: *id,
                old: Some(c.clone()),
                new: Some(kept),
            });
        }
        None => {}
    }
    if !is_empty(&new) {
        *taken = next_id(conn, "claim", *taken)?;
        steps.push(Step::Claim {
            id: *taken,
            old: None,
            new: Some(ClaimRecord {
                photo: photo.id,
                field: attribute.name().to_owned(),
                value: new,
                source: None,
                locator: None,
                certainty: None,
                note: None,
                preferred: true,
                kept_from: None,
            }),
        });
    }
    Ok(steps)
}

/// A claim's value in a few words, as the history says it: text quoted and
/// cut short, a list's items joined.
pub fn claim_value_words(value: &Value) -> String {
    match value {
        Value::String(s) => format!("“{}”", shorten(&s.replace('\n', " "), 50)),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A claim in a few words, for the history.
pub(super) fn claim_words(c: &ClaimRecord, conn_citation: Option<&str>) -> String {
    let value = claim_value_words(&c.value);
    let field = claimable(&c.field).map_or(c.field.as_str(), |a| a.label());
    match conn_citation {
        Some(citation) => format!("{field} {value} ({citation})"),
        None => format!("{field} {value}"),
    }
}

impl Catalogue {
    /// Adds a source; returns its id.
    pub fn add_source(&mut self, record: SourceRecord) -> Result<i64> {
        let record = checked_source(record)?;
        let id = self.operation("sources", |tx, _| {
            let id = next_id(tx, "source", 0)?;
            let summary = format!("Added source “{}”", record.citation);
            Ok(Some((
                summary.into(),
                vec![Step::Source {
                    id,
                    old: None,
                    new: Some(record),
                }],
                id,
            )))
        })?;
        id.ok_or_else(|| Invalid::SourceNotAdded.into())
    }

    /// Every source, by citation, with how many photos and claims cite it.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.sources_where_bound("1", None)
    }

    /// Sources with their counts, chosen by an SQL condition on `source`
    /// (a constant of this module, never input; `?1` may be bound).
    fn sources_where_bound(&self, condition: &str, bound: Option<i64>) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SOURCE_SELECT},
                    (SELECT count(DISTINCT photo_id) FROM claim c WHERE c.source_id = source.id),
                    (SELECT count(*) FROM claim c WHERE c.source_id = source.id)
             FROM source WHERE {condition} ORDER BY citation COLLATE fold, id"
        ))?;
        let from_row = |r: &rusqlite::Row<'_>| {
            let (id, record) = source_from_row(r)?;
            Ok(Source {
                id,
                record,
                photos: r.get::<_, i64>(11)? as u64,
                claims: r.get::<_, i64>(12)? as u64,
            })
        };
        let rows = match bound {
            Some(b) => stmt
                .query_map([b], from_row)?
                .collect::<rusqlite::Result<_>>(),
            None => stmt
                .query_map([], from_row)?
                .collect::<rusqlite::Result<_>>(),
        };
        Ok(rows?)
    }

    /// One source with its counts.
    pub fn source(&self, id: i64) -> Result<Source> {
        self.sources_where_bound("id = ?1", Some(id))?
            .pop()
            .ok_or_else(|| CatalogError::from(Invalid::NoSuchSource(id)))
    }

    /// What a source records, if the catalogue has it.
    pub fn source_record(&self, id: i64) -> Result<Option<SourceRecord>> {
        source_record(&self.conn, id)
    }

    /// The sources whose citation, authors, title or publisher hold these
    /// words (accent- and case-blind), best first.
    pub fn find_sources(&self, words: &str) -> Result<Vec<i64>> {
        let expression = fts_words(words);
        if expression.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self
            .conn
            .prepare_cached("SELECT rowid FROM source_fts WHERE source_fts MATCH ?1 ORDER BY rank")?
            .query_map([expression], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The source already in the catalogue that is the same as this one
    /// (the same citation, title, date and URL), if any.
    pub fn matching_source(&self, record: &SourceRecord) -> Result<Option<i64>> {
        same_source(&self.conn, &checked_source(record.clone())?)
    }

    /// Adds sources (from a reference manager's file) as one operation; a
    /// source the catalogue has already is not added twice. Returns the id
    /// of each, and how many were new.
    pub fn import_sources(&mut self, records: &[SourceRecord]) -> Result<(Vec<i64>, usize)> {
        // What makes two sources the same (as `same_source` says), so that
        // a reference manager's library of thousands is matched in one pass.
        let identity = |r: &SourceRecord| {
            (
                fold(&r.citation),
                r.title.clone(),
                r.date.clone(),
                r.url.clone(),
            )
        };
        let mut known: HashMap<_, i64> = HashMap::new();
        for s in self.sources()? {
            known.entry(identity(&s.record)).or_insert(s.id);
        }
        let mut ids = Vec::new();
        let mut steps = Vec::new();
        let mut taken = next_id(&self.conn, "source", 0)? - 1;
        for record in records {
            let record = checked_source(record.clone())?;
            let key = identity(&record);
            if let Some(id) = known.get(&key) {
                ids.push(*id);
                continue;
            }
            taken += 1;
            ids.push(taken);
            known.insert(key, taken);
            steps.push(Step::Source {
                id: taken,
                old: None,
                new: Some(record),
            });
        }
        let added = steps.len();
        if added > 0 {
            let summary = Summary::with(
                format!("Imported {}", count(added, "source", "sources")),
                Deed::SourcesImported { sources: added },
            );
            self.operation("sources", |_, _| Ok(Some((summary, steps, ()))))?;
        }
        Ok((ids, added))
    }

    /// Every source with its id, for writing them out.
    pub fn source_records(&self) -> Result<Vec<(i64, SourceRecord)>> {
        Ok(self
            .sources()?
            .into_iter()
            .map(|s| (s.id, s.record))
            .collect())
    }

    /// Changes a source's fields: `field` is citation, author (a list
    /// separated by `;`), title, publisher, date, url, reference, kind or
    /// note; an empty value clears it.
    pub fn edit_source(&mut self, id: i64, changes: &[(String, String)]) -> Result<()> {
        self.operation("sources", |tx, _| {
            let old = source_record(tx, id)?
                .ok_or_else(|| CatalogError::from(Invalid::NoSuchSource(id)))?;
            let mut new = old.clone();
            for (field, value) in changes {
                set_source_field(&mut new, field, value)?;
            }
            let new = checked_source(new)?;
            if new == old {
                return Ok(None);
            }
            let summary = format!("Changed source “{}”", new.citation);
            Ok(Some((
                summary.into(),
                vec![Step::Source {
                    id,
                    old: Some(old),
                    new: Some(new),
                }],
                (),
            )))
        })?;
        Ok(())
    }

    /// Removes a source. Refused while claims cite it, unless `force`: then
    /// those claims stay, citing nothing. Returns how many claims it left.
    pub fn remove_source(&mut self, id: i64, force: bool) -> Result<usize> {
        let left = self.operation("sources", |tx, _| {
            let old = source_record(tx, id)?
                .ok_or_else(|| CatalogError::from(Invalid::NoSuchSource(id)))?;
            let citing = claims_citing(tx, id)?;
            if !citing.is_empty() && !force {
                let photos: BTreeSet<PhotoId> = citing.iter().map(|(_, c)| c.photo).collect();
                return Err(Invalid::SourceStillCited {
                    id,
                    citation: old.citation,
                    claims: citing.len(),
                    photos: photos.len(),
                }
                .into());
            }
            let mut steps: Vec<Step> = citing
                .iter()
                .map(|(claim, c)| changed(*claim, c.clone(), |c| c.source = None))
                .collect();
            steps.push(Step::Source {
                id,
                old: Some(old.clone()),
                new: None,
            });
            let summary = Summary::with(
                format!("Removed source “{}”", old.citation),
                Deed::SourceRemoved {
                    source: old.citation.clone(),
                },
            );
            Ok(Some((summary, steps, citing.len())))
        })?;
        Ok(left.unwrap_or(0))
    }

    /// Merges source `from` into `into`: its claims cite `into`, and it goes.
    /// Returns how many claims moved.
    pub fn merge_sources(&mut self, from: i64, into: i64) -> Result<usize> {
        if from == into {
            return Err(Invalid::SourceIntoItself(from).into());
        }
        let moved = self.operation("sources", |tx, _| {
            let old = source_record(tx, from)?.ok_or(Invalid::NoSuchSource(from))?;
            let target = source_record(tx, into)?.ok_or(Invalid::NoSuchSource(into))?;
            let citing = claims_citing(tx, from)?;
            let mut steps: Vec<Step> = citing
                .iter()
                .map(|(claim, c)| changed(*claim, c.clone(), |c| c.source = Some(into)))
                .collect();
            steps.push(Step::Source {
                id: from,
                old: Some(old.clone()),
                new: None,
            });
            let summary = Summary::with(
                format!(
                    "Merged source “{}” into “{}”",
                    old.citation, target.citation
                ),
                Deed::SourceMerged {
                    source: old.citation.clone(),
                    into: target.citation.clone(),
                },
            );
            Ok(Some((summary, steps, citing.len())))
        })?;
        Ok(moved.unwrap_or(0))
    }

    /// Adds a claim to each photo: `value` for `field`, said by the
    /// attribution. A field that had a value and no claims keeps that value
    /// as a claim of its own first, so that no version is lost. The new
    /// claim is preferred when asked (`prefer`) or when the field was empty.
    /// One operation; with `dry_run`, says what would happen.
    pub fn add_claims(
        &mut self,
        photos: &[PhotoId],
        field: &str,
        value: &Value,
        attribution: &Attribution,
        prefer: bool,
        dry_run: bool,
    ) -> Result<ClaimReport> {
        self.mapped_while(photos.len(), |cat| {
            cat.add_claims_now(photos, field, value, attribution, prefer, dry_run)
        })
    }

    fn add_claims_now(
        &mut self,
        photos: &[PhotoId],
        field: &str,
        value: &Value,
        attribution: &Attribution,
        prefer: bool,
        dry_run: bool,
    ) -> Result<ClaimReport> {
        let attribute = claimable_or_error(field)?;
        checked_attribution(attribution)?;
        let value = normalise(attribute, value)?;
        if is_empty(&value) {
            return Err(Invalid::ClaimNeedsValue { field: attribute }.into());
        }
        let attribution = attribution.clone();
        let tx = self.conn.transaction()?;
        if let Some(source) = attribution.source
            && source_record(&tx, source)?.is_none()
        {
            return Err(Invalid::NoSuchSource(source).into());
        }
        let mut tree = KeywordTree::load(&tx)?;
        let mut report = ClaimReport::default();
        let mut steps = Vec::new();
        let mut taken = 0;
        // The photos' claims of the field, then the photos themselves where
        // their value matters (kept as a first claim, or replaced by the
        // new one), each read in one statement.
        let mut seen = BTreeSet::new();
        let photos: Vec<PhotoId> = photos.iter().copied().filter(|p| seen.insert(*p)).collect();
        let mut existing = claims_of_photos(&tx, &photos, Some(attribute.name()))?;
        let needs_photo = |claims: Option<&Vec<(i64, ClaimRecord)>>| {
            claims.is_none_or(|c| prefer || !c.iter().any(|(_, c)| c.preferred))
        };
        let wanted: Vec<PhotoId> = photos
            .iter()
            .copied()
            .filter(|id| needs_photo(existing.get(id)))
            .collect();
        let keywords = attribute == Attribute::Field(Field::Keywords);
        let mut loaded = load_photos(&tx, &tree, &wanted, keywords)?;
        for &id in &photos {
            let claims = existing.remove(&id).unwrap_or_default();
            let same = |c: &ClaimRecord| {
                comparable(&c.value) == comparable(&value)
                    && c.source == attribution.source
                    && c.locator == attribution.locator
            };
            if claims.iter().any(|(_, c)| same(c)) {
                report.unchanged += 1;
                continue;
            }
            report.photos += 1;
            let mut preferred = claims.iter().find(|(_, c)| c.preferred).cloned();
            // The photo itself is read only when its value matters: kept as
            // a first claim, or replaced by the new one.
            let photo = if claims.is_empty() || prefer || preferred.is_none() {
                Some(
                    loaded
                        .remove(&id)
                        .ok_or_else(|| CatalogError::NoSuchPhoto(id.to_string()))?,
                )
            } else {
                None
            };
            let current = photo
                .as_ref()
                .map_or(Value::Null, |p| current_value(p, attribute));
            if claims.is_empty() && !is_empty(&current) {
                taken = next_id(&tx, "claim", taken)?;
                let record = ClaimRecord {
                    photo: id,
                    field: attribute.name().to_owned(),
                    value: current.clone(),
                    source: None,
                    locator: None,
                    certainty: None,
                    note: None,
                    preferred: true,
                    kept_from: None,
                };
                steps.push(Step::Claim {
                    id: taken,
                    old: None,
                    new: Some(record.clone()),
                });
                preferred = Some((taken, record));
            }
            let make_preferred = prefer || preferred.is_none();
            if make_preferred && let Some((pid, p)) = &preferred {
                let mut kept = p.clone();
                kept.preferred = false;
                steps.push(Step::Claim {
                    id: *pid,
                    old: Some(p.clone()),
                    new: Some(kept),
                });
            }
            taken = next_id(&tx, "claim", taken)?;
            steps.push(Step::Claim {
                id: taken,
                old: None,
                new: Some(ClaimRecord {
                    photo: id,
                    field: attribute.name().to_owned(),
                    value: value.clone(),
                    source: attribution.source,
                    locator: attribution.locator.clone(),
                    certainty: attribution.certainty,
                    note: attribution.note.clone(),
                    preferred: make_preferred,
                    kept_from: None,
                }),
            });
            if make_preferred {
                report.preferred += 1;
                if let Some(photo) = &photo
                    && (comparable(&current) != comparable(&value) || current != value)
                {
                    steps.extend(value_steps(&tx, &tree, photo, attribute, &value)?);
                }
            }
        }
        if dry_run || steps.is_empty() {
            return Ok(report);
        }
        let citation = match attribution.source {
            Some(s) => source_record(&tx, s)?.map(|r| format!(" from “{}”", r.citation)),
            None => None,
        };
        let summary = Summary::with(
            format!(
                "Claim on {} of {}{}",
                attribute.label().to_lowercase(),
                count(report.photos, "photo", "photos"),
                citation.unwrap_or_default()
            ),
            Deed::ClaimsAdded {
                field: attribute.name().to_owned(),
                photos: report.photos,
                source: attribution.source,
            },
        );
        super::history::perform(&tx, &mut tree, "claims", &summary, None, &steps)?;
        tx.commit()?;
        Ok(report)
    }

    /// A photo's claims, field by field, each with the source it cites.
    pub fn claims(&self, photo: PhotoId) -> Result<Vec<Claim>> {
        let mut sources: BTreeMap<i64, Option<Source>> = BTreeMap::new();
        let mut out = Vec::new();
        for (id, c) in claims_of(&self.conn, photo, None)? {
            let source = match c.source {
                Some(s) => sources
                    .entry(s)
                    .or_insert_with(|| self.source(s).ok())
                    .clone(),
                None => None,
            };
            out.push(Claim {
                id,
                field: c.field,
                value: c.value,
                source,
                locator: c.locator,
                certainty: c.certainty,
                note: c.note,
                preferred: c.preferred,
                kept_from: c.kept_from,
            });
        }
        let order = |field: &str| {
            claimable(field)
                .and_then(|a| CLAIMABLE.iter().position(|c| *c == a))
                .unwrap_or(usize::MAX)
        };
        out.sort_by_key(|c| (order(&c.field), c.id));
        Ok(out)
    }

    /// The photo a claim is about.
    pub fn claim_photo(&self, claim: i64) -> Result<PhotoId> {
        Ok(claim_record(&self.conn, claim)?.1.photo)
    }

    /// Makes a claim the preferred one of its field: the field shows its value.
    pub fn prefer_claim(&mut self, claim: i64) -> Result<()> {
        self.operation("claims", |tx, tree| {
            let (id, c) = claim_record(tx, claim)?;
            if c.preferred {
                return Ok(None);
            }
            let attribute = claimable_or_error(&c.field)?;
            let mut steps = Vec::new();
            for (other, o) in claims_of(tx, c.photo, Some(&c.field))? {
                if o.preferred {
                    steps.push(changed(other, o, |o| o.preferred = false));
                }
            }
            let mut chosen = c.clone();
            chosen.preferred = true;
            steps.push(Step::Claim {
                id,
                old: Some(c.clone()),
                new: Some(chosen),
            });
            let photo = load_photo(tx, tree, c.photo)?;
            steps.extend(value_steps(tx, tree, &photo, attribute, &c.value)?);
            let summary = Summary::with(
                format!(
                    "Preferred {}",
                    claim_words(&c, citation_of(tx, c.source)?.as_deref())
                ),
                Deed::ClaimPreferred,
            );
            Ok(Some((summary, steps, ())))
        })?;
        Ok(())
    }

    /// Removes a claim. When it was preferred, the next claim of the field
    /// (the most certain, then the oldest) becomes preferred and the field
    /// shows its value; the last claim of a field leaves the field's value
    /// as it is.
    pub fn remove_claim(&mut self, claim: i64) -> Result<()> {
        self.operation("claims", |tx, tree| {
            let (id, c) = claim_record(tx, claim)?;
            let attribute = claimable_or_error(&c.field)?;
            let mut steps = vec![Step::Claim {
                id,
                old: Some(c.clone()),
                new: None,
            }];
            if c.preferred {
                let rank = |o: &ClaimRecord| match o.certainty {
                    Some(Certainty::Certain) => 0,
                    Some(Certainty::Probable) => 1,
                    None => 2,
                    Some(Certainty::Possible) => 3,
                };
                let next = claims_of(tx, c.photo, Some(&c.field))?
                    .into_iter()
                    .filter(|(other, _)| *other != id)
                    .min_by_key(|(other, o)| (rank(o), *other));
                if let Some((other, o)) = next {
                    let mut chosen = o.clone();
                    chosen.preferred = true;
                    steps.push(Step::Claim {
                        id: other,
                        old: Some(o.clone()),
                        new: Some(chosen),
                    });
                    let photo = load_photo(tx, tree, c.photo)?;
                    steps.extend(value_steps(tx, tree, &photo, attribute, &o.value)?);
                }
            }
            let summary = Summary::with(
                format!(
                    "Removed claim {}",
                    claim_words(&c, citation_of(tx, c.source)?.as_deref())
                ),
                Deed::ClaimRemoved,
            );
            Ok(Some((summary, steps, ())))
        })?;
        Ok(())
    }

    /// Changes a claim's source, locator, certainty or note.
    pub fn edit_claim(&mut self, claim: i64, attribution: &Attribution) -> Result<()> {
        checked_attribution(attribution)?;
        self.operation("claims", |tx, _| {
            let (id, c) = claim_record(tx, claim)?;
            if let Some(source) = attribution.source
                && source_record(tx, source)?.is_none()
            {
                return Err(Invalid::NoSuchSource(source).into());
            }
            let mut changed = c.clone();
            changed.source = attribution.source;
            changed.locator = attribution.locator.clone();
            changed.certainty = attribution.certainty;
            changed.note = attribution.note.clone();
            if changed == c {
                return Ok(None);
            }
            let summary = Summary::with(
                format!(
                    "Changed claim {}",
                    claim_words(&c, citation_of(tx, changed.source)?.as_deref())
                ),
                Deed::ClaimChanged,
            );
            Ok(Some((
                summary,
                vec![Step::Claim {
                    id,
                    old: Some(c),
                    new: Some(changed),
                }],
                (),
            )))
        })?;
        Ok(())
    }
}

/// One claim as a row of a claims CSV says it should be: an existing
/// claim (by id) changed, or a new one added.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// 1-based, counting the header (as a spreadsheet shows it).
    pub number: usize,
    pub claim: Option<i64>,
    pub record: ClaimRecord,
}

/// What applying (or previewing) claim rows changed, row by row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimRowsReport {
    /// Each changed row's number, photo and what changed, in words.
    pub changes: Vec<(usize, PhotoId, String)>,
    /// Rows left unchanged for a reason, with the reason.
    pub refused: Vec<(usize, super::RowRefused)>,
    /// The history operation, unless nothing changed or it was a dry run.
    pub operation: Option<i64>,
}

impl Catalogue {
    /// Applies claim rows (a claims CSV, edited) as one operation, row by
    /// row, each planned against what the rows before it did; with
    /// `dry_run`, only says what would change. A row that would change a
    /// claim's photo or field, cite a source the catalogue lacks, or leave
    /// a field's preferred claim unpreferred with no other row preferring
    /// one, changes nothing and is reported; so are two rows preferring
    /// different claims of one field.
    pub fn apply_claim_rows(
        &mut self,
        rows: &[ClaimRow],
        dry_run: bool,
    ) -> Result<ClaimRowsReport> {
        let tx = self.conn.transaction()?;
        let mut tree = KeywordTree::load(&tx)?;
        let mut report = ClaimRowsReport::default();
        // Which rows prefer a claim, by photo and field.
        let mut preferring: BTreeMap<(PhotoId, String), Vec<usize>> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.record.preferred) {
            let field = claimable(&row.record.field)
                .map_or(row.record.field.clone(), |a| a.name().to_owned());
            preferring
                .entry((row.record.photo, field))
                .or_default()
                .push(row.number);
        }
        let operation = super::history::record_operation(&tx, "csv", &String::new().into(), None)?;
        let mut taken = 0;
        for row in rows {
            match plan_row(&tx, &tree, row, &preferring, &mut taken)? {
                Ok(Some((words, steps))) => {
                    super::history::perform_within(&tx, &mut tree, operation, &steps)?;
                    report.changes.push((row.number, row.record.photo, words));
                }
                Ok(None) => {}
                Err(reason) => report.refused.push((row.number, reason)),
            }
        }
        if dry_run || report.changes.is_empty() {
            return Ok(report);
        }
        let photos: BTreeSet<PhotoId> = report.changes.iter().map(|(_, p, _)| *p).collect();
        let summary = format!(
            "Claims CSV: {} on {}",
            count(report.changes.len(), "claim", "claims"),
            count(photos.len(), "photo", "photos")
        );
        let deed = Deed::ClaimsRead {
            claims: report.changes.len(),
            photos: photos.len(),
        };
        tx.execute(
            "UPDATE edit_operation SET summary = ?2, deed = ?3 WHERE id = ?1",
            params![operation, summary, serde_json::to_string(&deed)?],
        )?;
        tx.commit()?;
        report.operation = Some(operation);
        Ok(report)
    }
}

/// The steps one claim row takes, with what it does in words; `Ok(None)`
/// when it changes nothing, `Err` (inside) when it is refused.
#[allow(clippy::type_complexity)]
fn plan_row(
    tx: &Transaction<'_>,
    tree: &KeywordTree,
    row: &ClaimRow,
    preferring: &BTreeMap<(PhotoId, String), Vec<usize>>,
    taken: &mut i64,
) -> Result<std::result::Result<Option<(String, Vec<Step>)>, super::RowRefused>> {
    use super::RowRefused;
    let mut new = row.record.clone();
    let Some(attribute) = claimable(&new.field) else {
        return Ok(Err(RowRefused::NotClaimable { field: new.field }));
    };
    new.field = attribute.name().to_owned();
    new.value = match normalise(attribute, &new.value) {
        Ok(v) if !is_empty(&v) => v,
        Ok(_) => return Ok(Err(RowRefused::ClaimNeedsValue(attribute))),
        Err(e) => return Ok(Err(RowRefused::value(e))),
    };
    if let Some(source) = new.source
        && source_record(tx, source)?.is_none()
    {
        return Ok(Err(RowRefused::NoSuchSource(source)));
    }
    let rival_rows = preferring
        .get(&(new.photo, new.field.clone()))
        .map_or(&[][..], Vec::as_slice);
    let rivals = rival_rows.len();
    if new.preferred && rivals > 1 {
        return Ok(Err(RowRefused::RivalsPreferred {
            rows: rival_rows.to_vec(),
            attribute,
            photo: new.photo,
        }));
    }
    let photo = match load_photo(tx, tree, new.photo) {
        Ok(photo) => photo,
        Err(CatalogError::NoSuchPhoto(_)) => {
            return Ok(Err(RowRefused::NoSuchPhoto(new.photo)));
        }
        Err(e) => return Err(e),
    };
    let claims = claims_of(tx, new.photo, Some(&new.field))?;
    let mut steps = Vec::new();
    let words;
    match row.claim {
        Some(id) => {
            let Some((_, old)) = claims_of(tx, new.photo, None)?
                .into_iter()
                .find(|(c, _)| *c == id)
            else {
                return Ok(Err(RowRefused::NoSuchClaimOnPhoto {
                    id,
                    photo: new.photo,
                }));
            };
            if old.field != new.field {
                return Ok(Err(RowRefused::ClaimOfAnotherField {
                    id,
                    field: old.field,
                    attribute,
                }));
            }
            if old.preferred && !new.preferred && rivals == 0 {
                return Ok(Err(RowRefused::LastPreferred { id }));
            }
            if old == new {
                return Ok(Ok(None));
            }
            words = changed_words(tx, id, &old, &new)?;
            if new.preferred && !old.preferred {
                steps.extend(unprefer_others(&claims, id));
            }
            steps.push(Step::Claim {
                id,
                old: Some(old.clone()),
                new: Some(new.clone()),
            });
            if new.preferred && (!old.preferred || comparable(&old.value) != comparable(&new.value))
            {
                steps.extend(value_steps(tx, tree, &photo, attribute, &new.value)?);
            }
        }
        None => {
            let same = claims.iter().any(|(_, c)| {
                comparable(&c.value) == comparable(&new.value)
                    && c.source == new.source
                    && c.locator == new.locator
            });
            if same {
                return Ok(Ok(None));
            }
            let current = current_value(&photo, attribute);
            // The value the field had keeps a claim of its own.
            let mut kept = None;
            if claims.is_empty() && !is_empty(&current) {
                *taken = next_id(tx, "claim", *taken)?;
                kept = Some(*taken);
                steps.push(Step::Claim {
                    id: *taken,
                    old: None,
                    new: Some(ClaimRecord {
                        photo: new.photo,
                        field: new.field.clone(),
                        value: current.clone(),
                        source: None,
                        locator: None,
                        certainty: None,
                        note: None,
                        preferred: !new.preferred,
                        kept_from: None,
                    }),
                });
            }
            let has_preferred = kept.is_some() || claims.iter().any(|(_, c)| c.preferred);
            new.preferred = new.preferred || !has_preferred;
            if new.preferred {
                steps.extend(unprefer_others(&claims, 0));
            }
            *taken = next_id(tx, "claim", *taken)?;
            words = format!(
                "new claim {}",
                claim_words(&new, citation_of(tx, new.source)?.as_deref())
            );
            steps.push(Step::Claim {
                id: *taken,
                old: None,
                new: Some(new.clone()),
            });
            if new.preferred && comparable(&current) != comparable(&new.value) {
                steps.extend(value_steps(tx, tree, &photo, attribute, &new.value)?);
            }
        }
    }
    Ok(Ok(Some((words, steps))))
}

/// Steps that take the preference from a field's claims other than `except`.
fn unprefer_others(claims: &[(i64, ClaimRecord)], except: i64) -> Vec<Step> {
    claims
        .iter()
        .filter(|(id, c)| c.preferred && *id != except)
        .map(|(id, c)| {
            let mut kept = c.clone();
            kept.preferred = false;
            Step::Claim {
                id: *id,
                old: Some(c.clone()),
                new: Some(kept),
            }
        })
        .collect()
}

/// What changed in a claim, in words: `claim 12: locator "p. 12" -> "p. 13"`.
fn changed_words(
    conn: &Connection,
    id: i64,
    old: &ClaimRecord,
    new: &ClaimRecord,
) -> Result<String> {
    let text = |v: &Option<String>| format!("{:?}", v.as_deref().unwrap_or(""));
    let mut parts = Vec::new();
    if old.value != new.value {
        parts.push(format!("value {} -> {}", old.value, new.value));
    }
    if old.source != new.source {
        parts.push(format!(
            "source {} -> {}",
            text(&citation_of(conn, old.source)?),
            text(&citation_of(conn, new.source)?)
        ));
    }
    if old.locator != new.locator {
        parts.push(format!(
            "locator {} -> {}",
            text(&old.locator),
            text(&new.locator)
        ));
    }
    if old.certainty != new.certainty {
        let name = |c: Option<Certainty>| format!("{:?}", c.map_or("", Certainty::name));
        parts.push(format!(
            "certainty {} -> {}",
            name(old.certainty),
            name(new.certainty)
        ));
    }
    if old.note != new.note {
        parts.push(format!("note {} -> {}", text(&old.note), text(&new.note)));
    }
    if old.preferred != new.preferred {
        parts.push(
            if new.preferred {
                "preferred"
            } else {
                "no longer preferred"
            }
            .to_owned(),
        );
    }
    Ok(format!("claim {id} on {}: {}", new.field, parts.join(", ")))
}

/// The claims citing a source.
pub(super) fn claims_citing(conn: &Connection, source: i64) -> Result<Vec<(i64, ClaimRecord)>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {CLAIM_SELECT} FROM claim WHERE source_id = ?1 ORDER BY id"
        ))?
        .query_map([source], claim_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

pub(super) fn citation_of(conn: &Connection, source: Option<i64>) -> Result<Option<String>> {
    Ok(match source {
        Some(s) => source_record(conn, s)?.map(|r| r.citation),
        None => None,
    })
}

/// Words as a full-text expression: each quoted, all of them required.
pub(super) fn fts_words(words: &str) -> String {
    words
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A source record made tidy; a source needs a citation (or a title or an
/// author to make one from) and a date, when it has one, that parses.
pub fn checked_source(mut r: SourceRecord) -> Result<SourceRecord> {
    let tidy = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    r.citation = r.citation.trim().to_owned();
    if r.citation.is_empty() {
        // A source with a title or an author is cited by them.
        r.citation = match (r.authors.first(), &r.title, &r.date) {
            (Some(a), _, Some(d)) => format!("{a}, {d}"),
            (Some(a), _, None) => a.clone(),
            (None, Some(t), Some(d)) => format!("{t}, {d}"),
            (None, Some(t), None) => t.clone(),
            _ => {
                return Err(Invalid::SourceNeedsCitation.into());
            }
        };
    }
    r.authors = r
        .authors
        .into_iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    r.title = tidy(r.title);
    r.publisher = tidy(r.publisher);
    r.date = tidy(r.date);
    if let Some(d) = &r.date {
        Depicted::parse(d).map_err(|error| Invalid::BadDate {
            of: DateOf::Source,
            error,
        })?;
    }
    r.url = tidy(r.url);
    r.reference = tidy(r.reference);
    r.note = tidy(r.note);
    let texts = [
        ("citation", Some(&r.citation)),
        ("title", r.title.as_ref()),
        ("publisher", r.publisher.as_ref()),
        ("date", r.date.as_ref()),
        ("url", r.url.as_ref()),
        ("reference", r.reference.as_ref()),
        ("note", r.note.as_ref()),
    ];
    for (name, text) in texts {
        if text.is_some_and(|t| t.len() > MAX_FIELD_BYTES) {
            return Err(too_long(Record::Source, name, MAX_FIELD_BYTES));
        }
    }
    if r.authors.iter().map(String::len).sum::<usize>() > MAX_LIST_BYTES {
        return Err(too_long(Record::Source, "authors", MAX_LIST_BYTES));
    }
    let extra = serde_json::to_string(&r.extra).map_or(0, |s| s.len());
    if extra > MAX_LIST_BYTES {
        return Err(too_long(
            Record::Source,
            "further CSL fields",
            MAX_LIST_BYTES,
        ));
    }
    Ok(r)
}

fn too_long(record: Record, part: &'static str, limit: usize) -> CatalogError {
    Invalid::PartTooLong {
        record,
        part,
        limit,
    }
    .into()
}

/// Refuses a locator or note longer than a field may hold.
fn checked_attribution(a: &Attribution) -> Result<()> {
    for (name, text) in [("locator", &a.locator), ("note", &a.note)] {
        if text.as_ref().is_some_and(|t| t.len() > MAX_FIELD_BYTES) {
            return Err(too_long(Record::Claim, name, MAX_FIELD_BYTES));
        }
    }
    Ok(())
}

/// Sets one field of a source record from text.
pub fn set_source_field(r: &mut SourceRecord, field: &str, value: &str) -> Result<()> {
    let text = || Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    match field.trim() {
        "citation" => r.citation = value.trim().to_owned(),
        "author" | "authors" => {
            r.authors = value
                .split(';')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect()
        }
        "title" => r.title = text(),
        "publisher" => r.publisher = text(),
        "date" => r.date = text(),
        "url" => r.url = text(),
        "reference" => r.reference = text(),
        "note" => r.note = text(),
        "kind" => {
            r.kind = SourceKind::from_name(value).ok_or_else(|| {
                CatalogError::from(Invalid::NoSuchSourceKind {
                    value: value.to_owned(),
                })
            })?
        }
        other => {
            return Err(Invalid::NoSuchSourceField {
                field: other.to_owned(),
            }
            .into());
        }
    }
    Ok(())
}
