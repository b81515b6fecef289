//! The photo columns search filters, sorts and counts on, held in memory.
//!
//! Answered by SQL alone, a broad query over a million photos visits every
//! matching row of the photo table to filter and sort it: a tenth of a
//! second to a second, far too slow to search as one types. So the catalogue
//! keeps what search needs beside the words (dates, rating, flag, label,
//! which fields are filled, city, camera, creators, keywords) in memory,
//! indexed by photo id, with the photos' sort orders ready. A query becomes
//! a bitset of photo ids (words still come from the full-text index), a
//! sorted result is a walk along a ready order, and facets are counts over
//! the bitset.
//!
//! Kept in step without being rebuilt: triggers note every photo whose
//! searchable state changes in the catalogue's change log (`photo_change`),
//! whichever process makes the change, and the next query re-reads just the
//! photos noted since the columns last looked. The columns are saved beside
//! the catalogue ([`saved`]) with their place in the log, so that the next
//! process starts from them instead of reading a million rows again.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use fixedbitset::FixedBitSet;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::Result;
use super::claims;
use super::keywords::{KeywordTree, Tally};
use super::query::{Facets, Hit, Sort, SortKey};
use super::split;
use crate::collation::Collation;
use crate::date::Depicted;
use crate::photo::{Attribute, Field, Flag, Label, PhotoId};
use crate::search::{Comparison, DateField, DateRange, Property, Status};

pub mod saved;

/// A photo id's bit in a [`FixedBitSet`], its index in the columns.
pub type Ids = FixedBitSet;

/// A day as `yyyymmdd`, which orders like the date; unknown sorts last.
type Day = u32;
const UNKNOWN_DAY: Day = Day::MAX;
/// A time as `yyyymmddhhmmss`; unknown sorts last.
type Time = u64;
const UNKNOWN_TIME: Time = Time::MAX;
/// No name (no city, no camera).
const NO_NAME: u32 = u32::MAX;

/// `has:` properties read from the photo row, with the SQL that tells
/// whether a photo has one; each one's place is its bit in [`Hot::filled`].
/// (`has:keywords` is answered from the keyword lists.)
const FILLED: &[(Property, &str)] = &[
    (Property::Title, "title IS NOT NULL"),
    (Property::Headline, "headline IS NOT NULL"),
    (Property::Caption, "caption IS NOT NULL"),
    (Property::Creator, "creators <> '[]'"),
    (Property::Credit, "credit IS NOT NULL"),
    (Property::Copyright, "copyright IS NOT NULL"),
    (Property::Source, "source IS NOT NULL"),
    (
        Property::Location,
        "(sublocation IS NOT NULL OR city IS NOT NULL OR state IS NOT NULL OR country IS NOT NULL)",
    ),
    (Property::Event, "event IS NOT NULL"),
    (Property::People, "people <> '[]'"),
    (Property::Date, "date_created IS NOT NULL"),
    (Property::Gps, "gps_lat IS NOT NULL"),
    (Property::Note, "note IS NOT NULL"),
];
/// The depicted date is marked uncertain or approximate (`1991?`, `1991~`).
const QUALIFIED_BIT: u16 = 1 << 13;
const MISSING_BIT: u16 = 1 << 14;
const WARNING_BIT: u16 = 1 << 15;

/// Filters on at least this many words of photos (131,072 photos) split
/// them among the processor's cores: below it, starting a thread costs
/// more than it saves.
const SPLIT_WORDS: usize = 2_048;

/// What the filters of most searches read of one photo, 16 bytes: its
/// depicted date, rating, flag, label and which fields are filled. Kept
/// apart from the rest ([`Cold`]), a filter over a million photos reads
/// 16 MB of memory rather than 48, and a scan of that size is bound by
/// how fast memory is read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Hot {
    /// First and last day the depicted date can mean.
    depicted: (Day, Day),
    /// One bit per [`FILLED`] property, plus qualified, missing and warning.
    filled: u16,
    rating: u8,
    flag: Option<Flag>,
    label: Option<Label>,
}

/// The rest of what search needs of one photo.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Cold {
    taken: Time,
    city: u32,
    camera: u32,
    /// One bit per claimable field ([`claims::CLAIMABLE`]): it has a value.
    valued: u32,
    /// Fields whose claims disagree; fields with a claim citing a source.
    disputed: u32,
    sourced: u32,
    /// The certainties its claims carry ([`Certainty::bit`]).
    certainties: u8,
}

impl Hot {
    const EMPTY: Hot = Hot {
        depicted: (UNKNOWN_DAY, UNKNOWN_DAY),
        filled: 0,
        rating: 0,
        flag: None,
        label: None,
    };
}

impl Cold {
    const EMPTY: Cold = Cold {
        taken: UNKNOWN_TIME,
        city: NO_NAME,
        camera: NO_NAME,
        valued: 0,
        disputed: 0,
        sourced: 0,
        certainties: 0,
    };

    fn taken_day(&self) -> Day {
        if self.taken == UNKNOWN_TIME {
            UNKNOWN_DAY
        } else {
            (self.taken / 1_000_000) as Day
        }
    }
}

/// City, camera and creator names, each stored once.
#[derive(Debug, Default)]
struct Names {
    index: HashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn intern(&mut self, name: String) -> u32 {
        if let Some(&id) = self.index.get(&name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.clone());
        self.index.insert(name, id);
        id
    }

    fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// A short list of numbers for every photo (its keywords, its creators),
/// all in one pool: a million photos' lists are two allocations, not a
/// million, to read, save, load and free. A changed list goes at the end of
/// the pool, which is made compact again once most of it is lists no photo
/// points to.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Lists {
    /// Each photo's list: where it starts in `pool`, and how long it is.
    spans: Vec<(u32, u32)>,
    pool: Vec<u32>,
}

impl Lists {
    fn resize(&mut self, len: usize) {
        self.spans.resize(len, (0, 0));
    }

    fn get(&self, id: usize) -> &[u32] {
        let (start, len) = self.spans[id];
        &self.pool[start as usize..][..len as usize]
    }

    fn set(&mut self, id: usize, list: &[u32]) {
        if list.is_empty() {
            return self.clear(id);
        }
        if self.pool.len() + list.len() > u32::MAX as usize {
            self.compact();
        }
        let start = u32::try_from(self.pool.len()).expect("fewer than 4 billion links");
        self.pool.extend_from_slice(list);
        self.spans[id] = (start, list.len() as u32);
    }

    fn clear(&mut self, id: usize) {
        self.spans[id] = (0, 0);
    }

    /// Drops the lists no photo points to, once they are most of the pool.
    fn compact(&mut self) {
        let used: usize = self.spans.iter().map(|&(_, len)| len as usize).sum();
        if self.pool.len() <= 2 * used + 4096 {
            return;
        }
        let mut pool = Vec::with_capacity(used);
        for span in &mut self.spans {
            let (start, len) = *span;
            *span = (pool.len() as u32, len);
            pool.extend_from_slice(&self.pool[start as usize..][..len as usize]);
        }
        self.pool = pool;
    }

    /// Whether every photo's list lies inside the pool.
    fn hold_together(&self) -> bool {
        self.spans
            .iter()
            .all(|&(start, len)| start as usize + len as usize <= self.pool.len())
    }
}

/// A date condition of the query's top level, which decides whether a
/// match is exact or only possible.
#[derive(Debug, Clone, Copy)]
pub struct DateCondition {
    field: DateField,
    from: Day,
    to: Day,
}

#[derive(Debug)]
pub struct Columns {
    /// By photo id, each as long as the other; rows of ids not in `live`
    /// are meaningless.
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    live: Ids,
    keywords: Lists,
    creators: Lists,
    names: Names,
    /// Photo ids in each sort order asked for so far.
    orders: HashMap<SortKey, Ready>,
    /// The newest change of the catalogue's change log these columns show.
    position: Position,
    /// How many photo rows have been read from the catalogue, for tests
    /// that a change is caught up with by re-reading only what changed.
    rows_read: u64,
    /// What the copy saved beside the catalogue holds, if it is this one's.
    saved: Option<SavedState>,
    /// The language order text keys sort in; `None` for case- and
    /// accent-blind code-point order.
    collation: Option<Arc<Collation>>,
}

/// A place in the catalogue's change log: a change's number and nonce.
/// The nonce tells this catalogue's change from another's with the same
/// number (a copy restored and then edited differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    seq: i64,
    nonce: i64,
}

/// The newest change in the catalogue's log.
fn newest(conn: &Connection) -> Result<Position> {
    Ok(conn
        .prepare_cached("SELECT seq, nonce FROM photo_change ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| {
            Ok(Position {
                seq: r.get(0)?,
                nonce: r.get(1)?,
            })
        })
        .optional()?
        .unwrap_or(Position { seq: 0, nonce: 0 }))
}

/// What the saved copy holds: its place in the log, how many sort orders,
/// and how many rows the columns had read when it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SavedState {
    position: Position,
    orders: usize,
    rows_read: u64,
}

/// Photos re-read since the saved copy was made, past which the copy is
/// worth saving again: catching up with fewer costs the next process less
/// than writing the copy anew.
const WORTH_SAVING: u64 = 2_000;

/// Every photo in one sort order: those with a value for the key first, in
/// ascending order, then those without.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Ready {
    ids: Vec<u32>,
    /// How many have a value for the key.
    known: usize,
}

/// Photos in order, ascending or descending; those with no value for the
/// key come last either way.
fn arrange(ids: &[u32], known: usize, descending: bool) -> Box<dyn Iterator<Item = u32> + '_> {
    let (with, without) = ids.split_at(known.min(ids.len()));
    if descending {
        Box::new(with.iter().rev().chain(without).copied())
    } else {
        Box::new(ids.iter().copied())
    }
}

impl Columns {
    /// Reads the columns of every photo.
    pub fn load(conn: &Connection) -> Result<Self> {
        // Deferred: this only reads the catalogue, so it must not wait for,
        // or hold up, another writer.
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
        let mut columns = Columns {
            hot: Vec::new(),
            cold: Vec::new(),
            live: Ids::new(),
            keywords: Lists::default(),
            creators: Lists::default(),
            names: Names::default(),
            orders: HashMap::new(),
            position: newest(&tx)?,
            rows_read: 0,
            saved: None,
            collation: None,
        };
        columns.read(&tx, None)?;
        tx.commit()?;
        Ok(columns)
    }

    /// Re-reads the photos changed since the columns last looked, by this
    /// process or another. `false` when the change log cannot say what
    /// changed (the columns are too far behind, or the catalogue is another
    /// one or an older copy): the columns must then be loaded afresh.
    pub fn catch_up(&mut self, conn: &Connection) -> Result<bool> {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
        let now = newest(&tx)?;
        if now == self.position {
            return Ok(true);
        }
        let seen: Option<i64> = tx
            .prepare_cached("SELECT nonce FROM photo_change WHERE seq = ?1")?
            .query_row([self.position.seq], |r| r.get(0))
            .optional()?;
        if seen != Some(self.position.nonce) || now.seq < self.position.seq {
            return Ok(false);
        }
        let changed: Vec<u32> = tx
            .prepare_cached("SELECT DISTINCT photo_id FROM photo_change WHERE seq > ?1")?
            .query_map([self.position.seq], |r| r.get::<_, i64>(0))?
            .filter_map(|id| id.map(|id| u32::try_from(id).ok()).transpose())
            .collect::<rusqlite::Result<_>>()?;
        for &id in &changed {
            if (id as usize) < self.hot.len() {
                self.live.set(id as usize, false);
                self.keywords.clear(id as usize);
                self.creators.clear(id as usize);
            }
        }
        self.read(&tx, Some(self.position.seq))?;
        tx.commit()?;
        self.position = now;
        self.reorder(&changed);
        Ok(true)
    }

    /// How many photo rows these columns have read from the catalogue.
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// Whether the copy saved beside the catalogue is far enough behind
    /// these columns to be worth writing again: there is none, or it lacks
    /// a sort order, or the columns have re-read many photos since.
    pub fn worth_saving(&self) -> bool {
        let orders = self.orders.keys().filter(|k| is_compared(**k)).count();
        self.saved.is_none_or(|saved| {
            saved.orders < orders || self.rows_read - saved.rows_read >= WORTH_SAVING
        })
    }

    /// Saves the columns at `path` (see [`saved`]).
    pub fn save(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        self.keywords.compact();
        self.creators.compact();
        saved::write(self, path)?;
        self.saved = Some(SavedState {
            position: self.position,
            orders: self.orders.keys().filter(|k| is_compared(**k)).count(),
            rows_read: self.rows_read,
        });
        Ok(())
    }

    /// The columns saved at `path`, caught up with the catalogue; `None`
    /// when there is no whole copy of this catalogue there, or the change
    /// log cannot say what changed since it was saved.
    pub fn load_saved(path: &std::path::Path, conn: &Connection) -> Result<Option<Self>> {
        let Some(mut columns) = saved::read(path) else {
            return Ok(None);
        };
        Ok(columns.catch_up(conn)?.then_some(columns))
    }

    fn grow(&mut self, id: usize) {
        if id >= self.hot.len() {
            let len = (id + 1).max(self.hot.len() * 5 / 4);
            self.hot.resize(len, Hot::EMPTY);
            self.cold.resize(len, Cold::EMPTY);
            self.keywords.resize(len);
            self.creators.resize(len);
            self.live.grow(len);
        }
    }

    /// Reads the photo rows, claim marks and keyword links of every photo,
    /// or of those changed after the change numbered `since`.
    fn read(&mut self, conn: &Connection, since: Option<i64>) -> Result<()> {
        let (photos, links) = match since {
            Some(_) => (
                "WHERE id IN (SELECT photo_id FROM photo_change WHERE seq > ?1)",
                "WHERE photo_id IN (SELECT photo_id FROM photo_change WHERE seq > ?1)",
            ),
            None => ("", ""),
        };
        let params: &[&dyn rusqlite::ToSql] = match &since {
            Some(seq) => &[seq],
            None => &[],
        };
        let mut filled: Vec<String> = FILLED
            .iter()
            .enumerate()
            .map(|(bit, (_, sql))| format!("(({sql}) << {bit})"))
            .collect();
        filled.push(format!(
            "((missing_since IS NOT NULL) << {})",
            MISSING_BIT.trailing_zeros()
        ));
        filled.push(format!(
            "((warnings IS NOT NULL) << {})",
            WARNING_BIT.trailing_zeros()
        ));
        let valued: Vec<String> = claims::CLAIMABLE
            .iter()
            .enumerate()
            .filter_map(|(bit, a)| {
                let test = match a {
                    Attribute::Field(f) if f.is_keywords() => return None,
                    Attribute::Field(f) if f.is_list() => format!("{f} <> '[]'"),
                    other => format!("{} IS NOT NULL", other.name()),
                };
                Some(format!("(({test}) << {bit})"))
            })
            .collect();
        let sql = format!(
            "SELECT id, date_created, taken_at, rating, flag, label, city, camera_model, creators, {},
                    {}
             FROM photo {photos}",
            filled.join(" | "),
            valued.join(" | ")
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(params)?;
        while let Some(r) = rows.next()? {
            let id = r.get::<_, i64>(0)? as usize;
            let depicted = r
                .get_ref(1)
                .map(text)?
                .and_then(|d| Depicted::parse(d).ok());
            // An open end is the earliest or latest day there can be.
            let qualified = depicted.as_ref().is_some_and(Depicted::is_qualified);
            let depicted = depicted.map_or((UNKNOWN_DAY, UNKNOWN_DAY), |d| {
                let (from, to) = d.bounds();
                (from.unwrap_or(0), to.unwrap_or(UNKNOWN_DAY - 1))
            });
            let taken = r.get_ref(2).map(text)?.map_or(UNKNOWN_TIME, time);
            let flag = r.get_ref(4).map(text)?.and_then(Flag::from_name);
            let label = r.get_ref(5).map(text)?.and_then(Label::from_name);
            let city = r.get::<_, Option<String>>(6)?;
            let camera = r.get::<_, Option<String>>(7)?;
            let creators: Vec<String> = r
                .get_ref(8)
                .map(text)?
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default();
            let hot = Hot {
                depicted,
                filled: r.get::<_, u16>(9)? | if qualified { QUALIFIED_BIT } else { 0 },
                rating: r.get(3)?,
                flag,
                label,
            };
            let cold = Cold {
                taken,
                city: city.map_or(NO_NAME, |c| self.names.intern(c)),
                camera: camera.map_or(NO_NAME, |c| self.names.intern(c)),
                valued: r.get(10)?,
                disputed: 0,
                sourced: 0,
                certainties: 0,
            };
            self.grow(id);
            self.hot[id] = hot;
            self.cold[id] = cold;
            self.live.insert(id);
            let creators: Vec<u32> = creators.into_iter().map(|c| self.names.intern(c)).collect();
            self.creators.set(id, &creators);
            self.rows_read += 1;
        }

        let mut stmt = conn.prepare(&format!(
            "SELECT photo_id, disputed, sourced, certainties FROM claim_mark {links}"
        ))?;
        let mut rows = stmt.query(params)?;
        while let Some(r) = rows.next()? {
            let id = r.get::<_, i64>(0)? as usize;
            if self.live.contains(id) {
                let cold = &mut self.cold[id];
                (cold.disputed, cold.sourced, cold.certainties) = (r.get(1)?, r.get(2)?, r.get(3)?);
            }
        }

        let mut stmt = conn.prepare(&format!(
            "SELECT photo_id, keyword_id FROM photo_keyword {links} ORDER BY photo_id"
        ))?;
        let mut rows = stmt.query(params)?;
        let mut current: Option<usize> = None;
        let mut list = Vec::new();
        while let Some(r) = rows.next()? {
            let photo = r.get::<_, i64>(0)? as usize;
            if current != Some(photo) {
                if let Some(p) = current {
                    self.keywords.set(p, &list);
                    list.clear();
                }
                current = Some(photo);
            }
            list.push(r.get::<_, i64>(1)? as u32);
        }
        if let Some(p) = current {
            self.keywords.set(p, &list);
        }
        self.keywords.compact();
        self.creators.compact();
        Ok(())
    }

    /// Every photo.
    pub fn all(&self) -> Ids {
        self.live.clone()
    }

    /// No photo.
    pub fn none(&self) -> Ids {
        Ids::with_capacity(self.hot.len())
    }

    /// The photos among `within` that are in `ids` (from SQL).
    pub fn restrict(&self, ids: impl IntoIterator<Item = i64>, within: &Ids) -> Ids {
        let mut set = self.none();
        for id in ids {
            if let Ok(id) = usize::try_from(id)
                && within.contains(id)
            {
                set.insert(id);
            }
        }
        set
    }

    /// The photos among `within` that pass.
    ///
    /// A word of the set at a time: where every photo of the word is in
    /// `within` (as in a search of the whole catalogue), its 64 rows are
    /// tested in a straight run with no branch per photo, which the
    /// processor pipelines; elsewhere only the photos in `within` are.
    /// Setting bits one by one cost a search of a million photos as much
    /// as testing them. A large catalogue's words are split among the
    /// processor's cores ([`split::parts_for`]).
    fn select_ids(&self, within: &Ids, keep: impl Fn(usize) -> bool + Sync) -> Ids {
        let parts = split::parts_for(within.as_slice().len(), SPLIT_WORDS);
        self.select_in_parts(within, keep, parts)
    }

    /// [`Columns::select_ids`] in `parts` runs of words at once.
    pub(super) fn select_in_parts(
        &self,
        within: &Ids,
        keep: impl Fn(usize) -> bool + Sync,
        parts: usize,
    ) -> Ids {
        let mut set = self.none();
        let words = within.as_slice();
        let chunk = words.len().div_ceil(parts).max(1);
        let keep = &keep;
        std::thread::scope(|scope| {
            let mut pieces = words
                .chunks(chunk)
                .zip(set.as_mut_slice().chunks_mut(chunk));
            let first = pieces.next();
            for (i, (words, out)) in pieces.enumerate() {
                scope.spawn(move || select_words((i + 1) * chunk, words, out, keep));
            }
            if let Some((words, out)) = first {
                select_words(0, words, out, keep);
            }
        });
        set
    }

    /// The photos among `within` whose [`Hot`] row passes.
    fn select_hot(&self, within: &Ids, keep: impl Fn(&Hot) -> bool + Sync) -> Ids {
        self.select_ids(within, |id| keep(&self.hot[id]))
    }

    /// The photos among `within` whose [`Cold`] row passes.
    fn select_cold(&self, within: &Ids, keep: impl Fn(&Cold) -> bool + Sync) -> Ids {
        self.select_ids(within, |id| keep(&self.cold[id]))
    }

    /// The first and last day a photo's date of this kind can mean.
    fn days(&self, id: usize, field: DateField) -> (Day, Day) {
        match field {
            DateField::Depicted => self.hot[id].depicted,
            DateField::Taken => {
                let day = self.cold[id].taken_day();
                (day, day)
            }
        }
    }

    /// Photos whose date overlaps the range.
    pub fn date(&self, field: DateField, range: &DateRange, within: &Ids) -> Ids {
        let c = DateCondition::new(field, range);
        let overlaps =
            |(first, last): (Day, Day)| first != UNKNOWN_DAY && last >= c.from && first <= c.to;
        match field {
            DateField::Depicted => self.select_hot(within, |hot| overlaps(hot.depicted)),
            DateField::Taken => self.select_cold(within, |cold| {
                let day = cold.taken_day();
                overlaps((day, day))
            }),
        }
    }

    pub fn rating(&self, comparison: Comparison, n: u8, within: &Ids) -> Ids {
        let wanted = |r: u8| match comparison {
            Comparison::Less => r < n,
            Comparison::LessOrEqual => r <= n,
            Comparison::Equal => r == n,
            Comparison::GreaterOrEqual => r >= n,
            Comparison::Greater => r > n,
        };
        self.select_hot(within, |hot| wanted(hot.rating))
    }

    pub fn flag(&self, flag: Option<Flag>, within: &Ids) -> Ids {
        self.select_hot(within, |hot| hot.flag == flag)
    }

    pub fn label(&self, label: Option<Label>, within: &Ids) -> Ids {
        self.select_hot(within, |hot| hot.label == label)
    }

    pub fn status(&self, status: Status, within: &Ids) -> Ids {
        let bit = match status {
            Status::Missing => MISSING_BIT,
            Status::Warning => WARNING_BIT,
        };
        self.select_hot(within, |hot| hot.filled & bit != 0)
    }

    /// Photos with a disputed field among `bits`.
    pub fn disputed(&self, bits: u32, within: &Ids) -> Ids {
        self.select_cold(within, |cold| cold.disputed & bits != 0)
    }

    /// Photos with a value in the field of `bit` but no claim of it citing
    /// a source.
    pub fn unsourced(&self, bit: u32, within: &Ids) -> Ids {
        let keywords = claims::field_bit(Attribute::Field(Field::Keywords)).unwrap_or(0);
        self.select_ids(within, |id| {
            let cold = &self.cold[id];
            let valued = if bit == keywords {
                !self.keywords.get(id).is_empty()
            } else {
                cold.valued & bit != 0
            };
            valued && cold.sourced & bit == 0
        })
    }

    /// Photos with a claim of this certainty.
    pub fn certainty(&self, bit: u8, within: &Ids) -> Ids {
        self.select_cold(within, |cold| cold.certainties & bit != 0)
    }

    pub fn has(&self, property: Property, within: &Ids) -> Ids {
        if property == Property::Keywords {
            return self.select_ids(within, |id| !self.keywords.get(id).is_empty());
        }
        let bit = FILLED
            .iter()
            .position(|(p, _)| *p == property)
            .map_or(0, |i| 1u16 << i);
        self.select_hot(within, |hot| hot.filled & bit != 0)
    }

    /// Photos with any of these keywords.
    pub fn keywords(&self, keyword_ids: &[i64], within: &Ids) -> Ids {
        let Some(&max) = keyword_ids.iter().max() else {
            return self.none();
        };
        let mut wanted = FixedBitSet::with_capacity(max as usize + 1);
        for &k in keyword_ids {
            wanted.insert(k as usize);
        }
        self.select_ids(within, |id| {
            self.keywords
                .get(id)
                .iter()
                .any(|&k| wanted.contains(k as usize))
        })
    }

    /// The photos among `ids` that meet the date conditions only possibly,
    /// not exactly (dated "1991" for `date:1991-06`).
    pub fn inexact(&self, ids: &Ids, conditions: &[DateCondition]) -> Ids {
        if conditions.is_empty() {
            return self.none();
        }
        self.select_ids(ids, |id| {
            !conditions.iter().all(|c| {
                let (first, last) = self.days(id, c.field);
                // A date marked uncertain or approximate matches only possibly.
                let sure =
                    c.field != DateField::Depicted || self.hot[id].filled & QUALIFIED_BIT == 0;
                sure && first >= c.from && last <= c.to
            })
        })
    }

    /// The first `limit` photos of `ids` in the sort order, those in
    /// `possible` marked so; `set_order` lists a set's photos in order for
    /// [`SortKey::SetOrder`].
    pub fn hits(
        &mut self,
        conn: &Connection,
        ids: &Ids,
        sort: Sort,
        set_order: Option<Vec<i64>>,
        limit: Option<usize>,
        possible: &Ids,
    ) -> Result<Vec<Hit>> {
        let key = sort.key;
        let limit = limit.unwrap_or(usize::MAX);
        let count = ids.count_ones(..);
        // A few photos are quicker sorted than found along the whole order.
        let few = count < 1000
            || count.saturating_mul(32) < self.live.count_ones(..)
                && !self.orders.contains_key(&key);
        let sorted: Option<Ready> = match set_order {
            Some(order) => {
                let mut seen = self.none();
                let in_set: Vec<u32> = order
                    .into_iter()
                    .filter_map(|id| u32::try_from(id).ok())
                    .filter(|&id| ids.contains(id as usize) && !seen.put(id as usize))
                    .collect();
                Some(Ready {
                    known: in_set.len(),
                    ids: in_set,
                })
            }
            None if key == SortKey::Imported => None,
            None if few => self.sort_directly(conn, ids, key)?,
            None => None,
        };
        if sorted.is_none() && key != SortKey::Imported && !self.orders.contains_key(&key) {
            let order = self.order(conn, key)?;
            self.orders.insert(key, order);
        }
        let hit = |id: u32| Hit {
            id: PhotoId(i64::from(id)),
            possible: possible.contains(id as usize),
        };
        // One allocation of the right size: a result can be most of a
        // million photos.
        let mut hits = Vec::with_capacity(count.min(limit));
        match sorted {
            Some(sorted) => hits.extend(
                arrange(&sorted.ids, sorted.known, sort.descending)
                    .take(limit)
                    .map(hit),
            ),
            None if key == SortKey::Imported => {
                let found: Box<dyn Iterator<Item = usize>> = if sort.descending {
                    Box::new(ids.ones().rev())
                } else {
                    Box::new(ids.ones())
                };
                hits.extend(found.take(limit).map(|id| hit(id as u32)));
            }
            None => {
                let ready = &self.orders[&key];
                hits.extend(
                    arrange(&ready.ids, ready.known, sort.descending)
                        .filter(|&id| ids.contains(id as usize))
                        .take(limit)
                        .map(hit),
                );
            }
        }
        Ok(hits)
    }

    /// Sorts a few photos; `None` when there are too many to sort text
    /// keys one by one.
    fn sort_directly(&self, conn: &Connection, ids: &Ids, key: SortKey) -> Result<Option<Ready>> {
        let mut found: Vec<u32> = ids.ones().map(|id| id as u32).collect();
        if is_compared(key) {
            found.sort_unstable_by(|&a, &b| self.compare(key, a, b));
            let known = found.partition_point(|&id| self.has_value(key, id));
            return Ok(Some(Ready { ids: found, known }));
        }
        if found.len() > 1000 {
            return Ok(None);
        }
        Ok(Some(text_order(text_keys(
            conn,
            key,
            Some(&found),
            self.collation.as_deref(),
        )?)))
    }

    /// Every photo in the sort order.
    fn order(&self, conn: &Connection, key: SortKey) -> Result<Ready> {
        if is_compared(key) {
            let mut ids: Vec<u32> = self.live.ones().map(|id| id as u32).collect();
            ids.sort_unstable_by(|&a, &b| self.compare(key, a, b));
            let known = ids.partition_point(|&id| self.has_value(key, id));
            return Ok(Ready { ids, known });
        }
        Ok(text_order(text_keys(
            conn,
            key,
            None,
            self.collation.as_deref(),
        )?))
    }

    /// Orders two photos by a key held in memory, ties by import order.
    fn compare(&self, key: SortKey, a: u32, b: u32) -> Ordering {
        let (a, b) = (a as usize, b as usize);
        let (x, y) = (&self.hot[a], &self.hot[b]);
        let taken = |id: usize| self.cold[id].taken;
        match key {
            SortKey::Depicted => x
                .depicted
                .cmp(&y.depicted)
                .then_with(|| taken(a).cmp(&taken(b))),
            SortKey::Taken => taken(a).cmp(&taken(b)),
            SortKey::Rating => Reverse(x.rating).cmp(&Reverse(y.rating)),
            _ => Ordering::Equal,
        }
        .then(a.cmp(&b))
    }

    /// Whether a photo has a value for a key held in memory (those without
    /// sort last, whichever the direction).
    fn has_value(&self, key: SortKey, id: u32) -> bool {
        let id = id as usize;
        match key {
            SortKey::Depicted => self.hot[id].depicted.0 != UNKNOWN_DAY,
            SortKey::Taken => self.cold[id].taken != UNKNOWN_TIME,
            _ => true,
        }
    }

    /// Sorts text in a language's order from now on (`None`: code-point
    /// order, folded); text orders made in another are made again.
    pub fn set_collation(&mut self, collation: Option<Arc<Collation>>) {
        let same = match (&self.collation, &collation) {
            (Some(a), Some(b)) => a.tag() == b.tag(),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.orders.retain(|key, _| is_compared(*key));
            self.collation = collation;
        }
    }

    /// Puts changed photos back in their places in the ready orders.
    fn reorder(&mut self, changed: &[u32]) {
        // Text keys are not held in memory; those orders are made again
        // when next asked for.
        self.orders.retain(|key, _| is_compared(*key));
        let mut changed_set = self.none();
        for &id in changed {
            changed_set.insert(id as usize);
        }
        let mut orders = std::mem::take(&mut self.orders);
        for (&key, ready) in &mut orders {
            let order = &mut ready.ids;
            if changed.len() > order.len() / 8 {
                *order = self.live.ones().map(|id| id as u32).collect();
                order.sort_unstable_by(|&a, &b| self.compare(key, a, b));
            } else {
                order.retain(|&id| !changed_set.contains(id as usize));
                let mut fresh: Vec<u32> = changed
                    .iter()
                    .copied()
                    .filter(|&id| self.live.contains(id as usize))
                    .collect();
                fresh.sort_unstable_by(|&a, &b| self.compare(key, a, b));
                fresh.dedup();
                let old = std::mem::take(order);
                order.reserve(old.len() + fresh.len());
                let (mut i, mut j) = (0, 0);
                while i < old.len() && j < fresh.len() {
                    if self.compare(key, old[i], fresh[j]) == Ordering::Less {
                        order.push(old[i]);
                        i += 1;
                    } else {
                        order.push(fresh[j]);
                        j += 1;
                    }
                }
                order.extend_from_slice(&old[i..]);
                order.extend_from_slice(&fresh[j..]);
            }
            ready.known = ready.ids.partition_point(|&id| self.has_value(key, id));
        }
        self.orders = orders;
    }

    /// For every keyword, how many of `ids` have it or a keyword below it.
    pub fn keyword_counts(&self, ids: &Ids, tree: &KeywordTree) -> HashMap<i64, u64> {
        let mut tally = Tally::new(tree);
        for id in ids.ones() {
            tally.add(self.keywords.get(id));
        }
        tally.counts()
    }

    /// Keyword, creator, year, city and camera counts over `ids`.
    pub fn facets(&self, ids: &Ids, tree: &KeywordTree) -> Facets {
        let mut keywords: HashMap<u32, u64> = HashMap::new();
        let mut names = vec![[0u64; 3]; self.names.names.len()];
        let mut years: BTreeMap<u32, u64> = BTreeMap::new();
        let mut undated = 0;
        let mut disputed = [0u64; 32];
        const CREATOR: usize = 0;
        const CITY: usize = 1;
        const CAMERA: usize = 2;
        for id in ids.ones() {
            let (hot, cold) = (&self.hot[id], &self.cold[id]);
            for &k in self.keywords.get(id) {
                *keywords.entry(k).or_default() += 1;
            }
            for &c in self.creators.get(id) {
                names[c as usize][CREATOR] += 1;
            }
            if cold.city != NO_NAME {
                names[cold.city as usize][CITY] += 1;
            }
            if cold.camera != NO_NAME {
                names[cold.camera as usize][CAMERA] += 1;
            }
            if hot.depicted.0 != UNKNOWN_DAY {
                *years.entry(hot.depicted.0 / 10_000).or_default() += 1;
            } else {
                undated += 1;
            }
            let mut bits = cold.disputed;
            while bits != 0 {
                disputed[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        let top = |kind: usize| -> Vec<(String, u64)> {
            let mut counted: Vec<(u64, &str)> = names
                .iter()
                .enumerate()
                .filter(|(_, n)| n[kind] > 0)
                .map(|(i, n)| (n[kind], self.names.name(i as u32)))
                .collect();
            counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            counted
                .into_iter()
                .take(FACET_LIMIT)
                .map(|(n, name)| (name.to_owned(), n))
                .collect()
        };
        // Equal counts in the order of the keywords' paths, never of their
        // ids (which follow the order a parallel import happened to store
        // them in).
        let mut keywords: Vec<(String, u64)> = keywords
            .into_iter()
            .map(|(k, n)| (tree.path(k as i64), n))
            .collect();
        keywords.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Facets {
            keywords: keywords.into_iter().take(FACET_LIMIT).collect(),
            creators: top(CREATOR),
            years: years
                .into_iter()
                .map(|(y, n)| (format!("{y:04}"), n))
                .collect(),
            undated,
            cities: top(CITY),
            cameras: top(CAMERA),
            disputed: claims::CLAIMABLE
                .iter()
                .zip(disputed)
                .filter(|(_, n)| *n > 0)
                .map(|(a, n)| (a.name().to_owned(), n))
                .collect(),
        }
    }
}

/// How many values a facet lists, most frequent first.
const FACET_LIMIT: usize = 30;

impl DateCondition {
    pub fn new(field: DateField, range: &DateRange) -> Self {
        Self {
            field,
            from: range.from.as_deref().map_or(0, day),
            to: range.to.as_deref().map_or(UNKNOWN_DAY - 1, day),
        }
    }
}

/// [`Columns::select_ids`] on a run of words, the first of which is word
/// `first` of the set.
fn select_words(
    first: usize,
    words: &[fixedbitset::Block],
    out: &mut [fixedbitset::Block],
    keep: &(impl Fn(usize) -> bool + Sync),
) {
    const BITS: usize = fixedbitset::Block::BITS as usize;
    for (i, (&word, out)) in words.iter().zip(out).enumerate() {
        let base = (first + i) * BITS;
        *out = if word == fixedbitset::Block::MAX {
            (0..BITS).fold(0, |kept, bit| {
                kept | (keep(base + bit) as fixedbitset::Block) << bit
            })
        } else {
            let (mut rest, mut kept) = (word, 0);
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                if keep(base + bit) {
                    kept |= 1 << bit;
                }
                rest &= rest - 1;
            }
            kept
        };
    }
}

/// A text column's value; anything else reads as nothing.
fn text(value: ValueRef<'_>) -> Option<&str> {
    match value {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// `YYYY-MM-DD` as a [`Day`].
fn day(text: &str) -> Day {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .take(8)
        .fold(0, |n, b| n * 10 + Day::from(b - b'0'))
}

/// An ISO 8601 date-time as a [`Time`], to the second.
fn time(text: &str) -> Time {
    let digits: Vec<u8> = text
        .bytes()
        .take(19)
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if digits.len() < 8 {
        return UNKNOWN_TIME;
    }
    let mut padded = [0u8; 14];
    padded[..digits.len().min(14)].copy_from_slice(&digits[..digits.len().min(14)]);
    padded.iter().fold(0, |n, &d| n * 10 + Time::from(d))
}

/// Keys sorted by values held in memory, not by text read from the photo rows.
fn is_compared(key: SortKey) -> bool {
    matches!(key, SortKey::Depicted | SortKey::Taken | SortKey::Rating)
}

/// The value a text key sorts by, as SQL over the photo table.
fn text_column(key: SortKey) -> String {
    match key {
        SortKey::FileName => "file_name".to_owned(),
        SortKey::Text(f) if f.is_list() => {
            format!("CASE WHEN {f} = '[]' THEN NULL ELSE {f} ->> '$[0]' END")
        }
        SortKey::Text(f) => f.name().to_owned(),
        SortKey::Keywords => "(SELECT group_concat(k.name, '; ') FROM photo_keyword pk
                               JOIN keyword k ON k.id = pk.keyword_id
                               WHERE pk.photo_id = photo.id)"
            .to_owned(),
        SortKey::Camera => {
            "nullif(trim(ifnull(camera_make, '') || ' ' || ifnull(camera_model, '')), '')"
                .to_owned()
        }
        SortKey::Note => "note".to_owned(),
        _ => "title".to_owned(),
    }
}

/// Photos sorted by their text keys: those with a value first.
fn text_order(mut keyed: Vec<TextKey>) -> Ready {
    keyed.sort_unstable();
    let known = keyed.iter().filter(|k| !k.0).count();
    Ready {
        ids: keyed.into_iter().map(|k| k.3).collect(),
        known,
    }
}

/// A photo's place in a text order: no value (last), the collation or
/// folded key, the text as written, the photo.
type TextKey = (bool, Vec<u8>, String, u32);

/// Sort keys for a text order (empty values last, then in the language's
/// collation or else case- and accent-blind, then as written, then import
/// order), for the given photos or all.
fn text_keys(
    conn: &Connection,
    key: SortKey,
    only: Option<&[u32]>,
    collation: Option<&Collation>,
) -> Result<Vec<TextKey>> {
    let column = text_column(key);
    let filter = match only {
        Some(ids) => format!(
            "WHERE id IN (SELECT value FROM json_each('{}'))",
            serde_json::to_string(ids)?
        ),
        None => String::new(),
    };
    let mut stmt = conn.prepare(&format!("SELECT id, {column} FROM photo {filter}"))?;
    let keys = stmt
        .query_map([], |r| {
            let text: Option<String> = r.get(1)?;
            let id = r.get::<_, i64>(0)? as u32;
            Ok(match text.filter(|t| !t.trim().is_empty()) {
                Some(t) => {
                    let order = match collation {
                        Some(c) => c.sort_key(&t),
                        None => crate::text::fold(&t).into_bytes(),
                    };
                    (false, order, t, id)
                }
                None => (true, Vec::new(), String::new(), id),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stay_right_when_changed_and_made_compact() {
        let list = |id: usize, round: usize| -> Vec<u32> {
            (0..(id + round) % 7)
                .map(|k| (id * 10 + k) as u32)
                .collect()
        };
        let mut lists = Lists::default();
        lists.resize(500);
        for round in 0..40 {
            for id in (round % 3..500).step_by(2) {
                lists.set(id, &list(id, round));
            }
            lists.compact();
        }
        lists.clear(7);
        let used: usize = (0..500).map(|id| lists.get(id).len()).sum();
        assert!(lists.pool.len() <= 2 * used + 4096, "{}", lists.pool.len());
        assert!(lists.get(7).is_empty());
        for id in (0..500).filter(|&id| id != 7) {
            let last = (0..40).rev().find(|r| id >= r % 3 && (id - r % 3) % 2 == 0);
            let want = last.map_or(Vec::new(), |r| list(id, r));
            assert_eq!(lists.get(id), want, "photo {id}");
        }
    }

    #[test]
    fn days_and_times_order_like_their_text() {
        assert_eq!(day("1991-06-21"), 19_910_621);
        assert!(day("1990-12-31") < day("1991-01-01"));
        assert_eq!(time("2019-03-04T10:22:05+02:00"), 20_190_304_102_205);
        assert_eq!(time("2019-03-04"), 20_190_304_000_000);
        assert_eq!(time("garbage"), UNKNOWN_TIME);
    }
}
