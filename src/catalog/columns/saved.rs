//! The search columns saved beside the catalogue, so that a process opening
//! a large catalogue (a command-line search, the window) starts from them
//! instead of reading every photo row again: at a million photos, a tenth
//! of a second instead of three.
//!
//! The copy holds its place in the catalogue's change log, and whoever
//! loads it catches up from there ([`Columns::catch_up`]), or reads
//! everything afresh when the log cannot say what changed since. It is a
//! cache: a copy that is damaged, cut short, of another format or schema,
//! or not a regular file is ignored, and failing to write one is no error.
//! Its format is postcard (serde) behind a magic number, with a BLAKE3 hash
//! of the whole at the end.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Cold, Columns, Hot, Ids, Lists, NO_NAME, Names, Position, Ready, SavedState};
use crate::catalog::migrations::LATEST_VERSION;
use crate::catalog::query::SortKey;

/// The file's first bytes; the last is the format, raised whenever what is
/// saved changes shape (including [`Hot`], [`Cold`], [`crate::photo::Flag`]
/// and [`crate::photo::Label`], saved by their variants' places).
const MAGIC: &[u8; 8] = b"KRTKCOL\x02";
const HASH_LEN: usize = blake3::OUT_LEN;
/// Far more than the copy of any catalogue this program can hold.
const MAX_LEN: u64 = 8 << 30;

/// The sort orders saved with the columns: those made from the columns
/// alone. (Text orders follow a language and are made when asked for.)
const SAVED_ORDERS: &[(SortKey, u8)] = &[
    (SortKey::Depicted, 0),
    (SortKey::Taken, 1),
    (SortKey::Rating, 2),
];

/// Where the copy of a catalogue's columns is kept: beside it, as
/// `archive.search-columns` for `archive.kartoteka`.
pub fn path_beside(catalogue: &Path) -> PathBuf {
    let stem = catalogue
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".to_owned());
    catalogue.with_file_name(format!("{stem}.search-columns"))
}

#[derive(Serialize)]
struct Out<'a> {
    schema: u32,
    position: Position,
    hot: &'a [Hot],
    cold: &'a [Cold],
    live: Vec<u32>,
    keywords: &'a Lists,
    creators: &'a Lists,
    names: &'a [String],
    orders: Vec<(u8, &'a Ready)>,
}

#[derive(Deserialize)]
struct In {
    schema: u32,
    position: Position,
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    live: Vec<u32>,
    keywords: Lists,
    creators: Lists,
    names: Vec<String>,
    orders: Vec<(u8, Ready)>,
}

/// Feeds what is written to the hash on its way to the file.
struct Hashing<W> {
    inner: W,
    hasher: blake3::Hasher,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Saves the columns at `path`, whole or not at all: written beside it
/// under another name, then renamed over it (a link there is replaced, not
/// followed).
pub(in crate::catalog) fn write(columns: &Columns, path: &Path) -> io::Result<()> {
    write_out(
        &Out {
            schema: LATEST_VERSION,
            position: columns.position,
            hot: &columns.hot,
            cold: &columns.cold,
            live: columns.live.ones().map(|id| id as u32).collect(),
            keywords: &columns.keywords,
            creators: &columns.creators,
            names: &columns.names.names,
            orders: SAVED_ORDERS
                .iter()
                .filter_map(|(key, code)| Some((*code, columns.orders.get(key)?)))
                .collect(),
        },
        path,
    )
}

fn write_out(out: &Out<'_>, path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(folder)?;
    // Buffered before the hash, so that it is fed in large pieces rather
    // than field by field.
    let mut buffered = BufWriter::with_capacity(
        1 << 20,
        Hashing {
            inner: file,
            hasher: blake3::Hasher::new(),
        },
    );
    buffered.write_all(MAGIC)?;
    postcard::to_io(out, &mut buffered).map_err(io::Error::other)?;
    let Hashing {
        inner: mut file,
        hasher,
    } = buffered.into_inner().map_err(|e| e.into_error())?;
    file.write_all(hasher.finalize().as_bytes())?;
    file.persist(path).map_err(|e| e.error)?;
    remove_abandoned(folder);
    Ok(())
}

/// How the copies being written are named until they are whole.
const TEMPORARY_PREFIX: &str = ".kartoteka-columns-";

/// How long a copy being written may stay unfinished before it is taken
/// for abandoned: writing one takes about a second at a million photos.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the unfinished copies a process left in `folder` when it was
/// killed or lost power while writing one. Only regular files of this
/// name, untouched for [`ABANDONED_AFTER`]: another process's copy being
/// written is younger.
fn remove_abandoned(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let ours = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX));
        let abandoned = || {
            let meta = entry.metadata().ok()?;
            let age = meta.modified().ok()?.elapsed().ok()?;
            Some(meta.file_type().is_file() && age > ABANDONED_AFTER)
        };
        if ours && abandoned() == Some(true) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The columns saved at `path`, if there is a whole copy there, of this
/// format and schema; they still have to catch up with the catalogue.
pub(in crate::catalog) fn read(path: &Path) -> Option<Columns> {
    let bytes = read_regular_file(path).ok()?;
    let (body, hash) = bytes.split_at_checked(bytes.len().checked_sub(HASH_LEN)?)?;
    if blake3::hash(body).as_bytes() != hash {
        return None;
    }
    let payload = body.strip_prefix(MAGIC)?;
    let (saved, rest): (In, _) = postcard::take_from_bytes(payload).ok()?;
    if !rest.is_empty() || saved.schema != LATEST_VERSION {
        return None;
    }
    columns(saved)
}

/// A regular file's bytes; never waits on a FIFO or a device.
fn read_regular_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() > MAX_LEN {
        return Err(io::Error::other("not a copy of search columns"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The columns a copy describes, if it holds together: every list as long
/// as the photos, every name and photo id in range, every order a
/// permutation of the photos.
fn columns(saved: In) -> Option<Columns> {
    let len = saved.hot.len();
    if saved.cold.len() != len {
        return None;
    }
    for lists in [&saved.keywords, &saved.creators] {
        if lists.spans.len() != len || !lists.hold_together() {
            return None;
        }
    }
    let mut live = Ids::with_capacity(len);
    for pair in saved.live.windows(2) {
        if pair[0] >= pair[1] {
            return None;
        }
    }
    for &id in &saved.live {
        if id as usize >= len {
            return None;
        }
        live.insert(id as usize);
    }
    let mut names = Names::default();
    for name in saved.names {
        if names
            .index
            .insert(name.clone(), names.names.len() as u32)
            .is_some()
        {
            return None;
        }
        names.names.push(name);
    }
    let named = |id: u32| id == NO_NAME || (id as usize) < names.names.len();
    for id in live.ones() {
        let cold = &saved.cold[id];
        if !named(cold.city)
            || !named(cold.camera)
            || !saved
                .creators
                .get(id)
                .iter()
                .all(|&c| c != NO_NAME && named(c))
        {
            return None;
        }
    }
    let count = live.count_ones(..);
    let mut orders = HashMap::new();
    for (code, ready) in saved.orders {
        let (key, _) = SAVED_ORDERS.iter().find(|(_, c)| *c == code)?;
        let mut seen = Ids::with_capacity(len);
        let permutation = ready.ids.len() == count
            && ready.known <= count
            && ready
                .ids
                .iter()
                .all(|&id| live.contains(id as usize) && !seen.put(id as usize));
        if !permutation || orders.insert(*key, ready).is_some() {
            return None;
        }
    }
    Some(Columns {
        hot: saved.hot,
        cold: saved.cold,
        live,
        keywords: saved.keywords,
        creators: saved.creators,
        names,
        saved: Some(SavedState {
            position: saved.position,
            orders: orders.len(),
            rows_read: 0,
        }),
        orders,
        position: saved.position,
        rows_read: 0,
        collation: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalogue;
    use crate::catalog::tests::record;

    /// The columns of a small catalogue, with a sort order made.
    fn columns() -> Columns {
        let mut cat = Catalogue::open_in_memory().unwrap();
        let records: Vec<_> = (0..40)
            .map(|i| {
                let mut r = record(&format!("/a/{i}.jpg"), &format!("h{i}"));
                r.description.city = Some(["Milovice", "Zvolen"][i % 2].into());
                r.description.date_created = Some(format!("19{}", 50 + i));
                r
            })
            .collect();
        cat.store_batch(&records).unwrap();
        cat.conn
            .execute("DELETE FROM photo WHERE id = 5", [])
            .unwrap();
        let mut columns = Columns::load(&cat.conn).unwrap();
        let order = columns.order(&cat.conn, SortKey::Depicted).unwrap();
        columns.orders.insert(SortKey::Depicted, order);
        columns
    }

    /// Everything a copy keeps, in words, to compare.
    fn kept(c: &Columns) -> String {
        let live: Vec<usize> = c.live.ones().collect();
        let rows: Vec<String> = live
            .iter()
            .map(|&id| format!("{:?} {:?}", c.hot[id], c.cold[id]))
            .collect();
        let mut orders: Vec<_> = c
            .orders
            .iter()
            .map(|(k, r)| format!("{k}: {r:?}"))
            .collect();
        orders.sort();
        let lists = |l: &Lists| {
            live.iter()
                .map(|&id| l.get(id).to_vec())
                .collect::<Vec<_>>()
        };
        format!(
            "{live:?} {rows:?} {:?} {:?} {:?} {orders:?} {:?}",
            lists(&c.keywords),
            lists(&c.creators),
            c.names.names,
            c.position
        )
    }

    #[test]
    fn a_saved_copy_reads_back_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.search-columns");
        let columns = columns();
        write(&columns, &path).unwrap();
        let back = read(&path).unwrap();
        assert_eq!(kept(&back), kept(&columns));
        assert_eq!(back.names.index.len(), back.names.names.len());
        // Written again over itself, and through nothing left beside it.
        write(&back, &path).unwrap();
        assert_eq!(kept(&read(&path).unwrap()), kept(&columns));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unfinished_copies_a_killed_process_left_are_removed_once_old() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = |name: &str, old: bool| {
            let f = File::create(at(name)).unwrap();
            f.set_len(1 << 20).unwrap();
            if old {
                f.set_modified(an_hour_ago).unwrap();
            }
        };
        file(".kartoteka-columns-abandoned", true);
        file(".kartoteka-columns-being-written", false);
        file("odsun-1991.jpg", true);
        std::fs::create_dir(at(".kartoteka-columns-folder")).unwrap();
        File::open(at(".kartoteka-columns-folder"))
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();

        write(&columns(), &at("c.search-columns")).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".kartoteka-columns-being-written",
                ".kartoteka-columns-folder",
                "c.search-columns",
                "odsun-1991.jpg",
            ]
        );
    }

    #[test]
    fn a_copy_cut_short_or_changed_anywhere_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.search-columns");
        write(&columns(), &path).unwrap();
        let whole = std::fs::read(&path).unwrap();
        let bad = dir.path().join("bad");
        for cut in [0, 1, 7, 8, 9, 40, whole.len() / 2, whole.len() - 1] {
            std::fs::write(&bad, &whole[..cut]).unwrap();
            assert!(read(&bad).is_none(), "cut to {cut} bytes");
        }
        for at in (0..whole.len()).step_by(whole.len() / 50) {
            let mut changed = whole.clone();
            changed[at] ^= 0x10;
            std::fs::write(&bad, &changed).unwrap();
            assert!(read(&bad).is_none(), "byte {at} changed");
        }
        let mut longer = whole.clone();
        longer.push(0);
        std::fs::write(&bad, &longer).unwrap();
        assert!(read(&bad).is_none(), "a byte added");
    }

    /// A copy of `columns` written as `change` has it, with a right hash.
    fn written_with<'a>(
        columns: &'a Columns,
        change: impl FnOnce(&mut Out<'a>),
    ) -> Option<Columns> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.search-columns");
        let depicted = &columns.orders[&SortKey::Depicted];
        let mut out = Out {
            schema: LATEST_VERSION,
            position: columns.position,
            hot: &columns.hot,
            cold: &columns.cold,
            live: columns.live.ones().map(|id| id as u32).collect(),
            keywords: &columns.keywords,
            creators: &columns.creators,
            names: &columns.names.names,
            orders: vec![(0, depicted)],
        };
        change(&mut out);
        write_out(&out, &path).unwrap();
        read(&path)
    }

    #[test]
    fn a_whole_copy_that_does_not_hold_together_is_not_used() {
        let c = columns();
        let twice = vec!["Zvolen".to_owned(), "Zvolen".to_owned(), "x".to_owned()];
        let order = Ready {
            ids: vec![1, 1, 2],
            known: 3,
        };
        let depicted = &c.orders[&SortKey::Depicted];
        let short = Lists {
            spans: c.creators.spans[1..].to_vec(),
            pool: c.creators.pool.clone(),
        };
        let past = Lists {
            spans: vec![(1, c.keywords.pool.len() as u32); c.hot.len()],
            pool: c.keywords.pool.clone(),
        };
        assert!(written_with(&c, |_| ()).is_some(), "unchanged, it is used");
        assert!(
            written_with(&c, |o| o.keywords = &past).is_none(),
            "a list past the pool"
        );
        assert!(
            written_with(&c, |o| o.schema -= 1).is_none(),
            "an older schema"
        );
        assert!(
            written_with(&c, |o| o.live.push(10_000)).is_none(),
            "a photo past the rows"
        );
        assert!(
            written_with(&c, |o| o.live.swap(0, 1)).is_none(),
            "photos out of order"
        );
        assert!(
            written_with(&c, |o| o.live.push(5)).is_none(),
            "a photo twice"
        );
        assert!(
            written_with(&c, |o| o.hot = &o.hot[1..]).is_none(),
            "rows missing"
        );
        assert!(
            written_with(&c, |o| o.cold = &o.cold[1..]).is_none(),
            "rows of the rest missing"
        );
        assert!(
            written_with(&c, |o| o.creators = &short).is_none(),
            "creators missing"
        );
        assert!(
            written_with(&c, |o| o.names = &o.names[1..]).is_none(),
            "a name missing"
        );
        assert!(
            written_with(&c, |o| o.names = &twice).is_none(),
            "a name twice"
        );
        assert!(
            written_with(&c, |o| o.orders = vec![(0, &order)]).is_none(),
            "not a permutation"
        );
        assert!(
            written_with(&c, |o| o.orders = vec![(0, depicted), (0, depicted)]).is_none(),
            "an order twice"
        );
        assert!(
            written_with(&c, |o| o.orders = vec![(9, depicted)]).is_none(),
            "an unknown order"
        );
    }

    #[test]
    fn what_is_not_a_regular_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string naming a path in our own folder.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Nobody writes to it: a read that waited would never return.
        assert!(read(&fifo).is_none());
        assert!(read(dir.path()).is_none());
        assert!(read(&dir.path().join("nothing")).is_none());
    }
}
