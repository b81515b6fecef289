//! Checkpoints off the edit path.
//!
//! In WAL mode every commit appends the pages it changed to the log, and
//! SQLite by default copies the log back into the catalogue file (a
//! checkpoint) inside the commit that makes the log pass 1,000 pages. An
//! edit of 10,000 photos in a million-photo catalogue changes some 30,000
//! pages, so its commit would also read, write and sync all of them a
//! second time: a fifth of the edit's time. Here the commit only notes that
//! the log has grown, and a thread of the catalogue's own, on a connection
//! of its own, copies it back while the user goes on. Readers and writers
//! carry on meanwhile (a passive checkpoint waits for nobody), and nothing
//! is less durable: the log itself is the committed record.
//!
//! The thread starts at the first log large enough, so a short command-line
//! run that writes a little never starts it; closing the catalogue waits
//! for a checkpoint under way, and closing the last connection checkpoints
//! what is left, as SQLite always does.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use rusqlite::wal::CheckpointMode;
use rusqlite::{Connection, OpenFlags};

/// Log pages after which a checkpoint is due (SQLite's own default).
const DUE_AT_PAGES: i32 = 1_000;

#[derive(Default)]
struct State {
    /// A checkpoint is due.
    due: bool,
    /// The catalogue is closing.
    closing: bool,
    /// The thread could not start or open the catalogue: commits
    /// checkpoint for themselves, as SQLite does by default.
    unavailable: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

/// The checkpoint thread of one catalogue, started when first needed.
pub(super) struct Checkpointer {
    path: PathBuf,
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Checkpointer {
    /// Takes over checkpoints of `conn`, a writable connection to `path` in
    /// WAL mode.
    pub(super) fn install(conn: &mut Connection, path: &Path) -> rusqlite::Result<Arc<Self>> {
        let me = Arc::new(Self {
            path: path.to_owned(),
            shared: Arc::default(),
            thread: Mutex::new(None),
        });
        // The hook is called after each commit with the log's length. It
        // holds the checkpointer weakly: the catalogue owns it.
        let weak = Arc::downgrade(&me);
        conn.wal_hook(Some(move |wal: &mut rusqlite::hooks::Wal, pages: i32| {
            if pages >= DUE_AT_PAGES && !weak.upgrade().is_some_and(|me| me.nudge()) {
                wal.checkpoint_v2(CheckpointMode::PASSIVE)?;
            }
            Ok(())
        }))?;
        Ok(me)
    }

    /// Asks the thread for a checkpoint; false when there is no thread.
    fn nudge(&self) -> bool {
        let mut thread = self.thread.lock().unwrap_or_else(|e| e.into_inner());
        if thread.is_none() {
            let (path, shared) = (self.path.clone(), self.shared.clone());
            match std::thread::Builder::new()
                .name("kartoteka-checkpoint".into())
                .spawn(move || run(&path, &shared))
            {
                Ok(handle) => *thread = Some(handle),
                Err(_) => return false,
            }
        }
        let mut state = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.unavailable {
            return false;
        }
        state.due = true;
        self.shared.wake.notify_one();
        true
    }

    /// Waits for a checkpoint under way and stops the thread.
    pub(super) fn close(&self) {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .closing = true;
        self.shared.wake.notify_one();
        let handle = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(handle) = handle {
            // A checkpoint that panicked has lost nothing: the log stays.
            let _ = handle.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.close();
    }
}

fn run(path: &Path, shared: &Shared) {
    // A new connection learns that the file is in WAL mode when it first
    // reads it; until then a checkpoint does nothing.
    let opened = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        Ok((conn, mode))
    });
    let conn = match opened {
        Ok((conn, mode)) if mode.eq_ignore_ascii_case("wal") => conn,
        _ => {
            shared
                .state
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .unavailable = true;
            return;
        }
    };
    loop {
        {
            let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            while !state.due && !state.closing {
                state = shared.wake.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            if state.closing {
                return;
            }
            state.due = false;
        }
        // A passive checkpoint copies what no reader still needs and waits
        // for nobody; what it leaves, the next one copies. An error (the
        // disk full, say) leaves the log as it was, still the record.
        let _ = conn.wal_checkpoint_v2(None::<&str>, CheckpointMode::PASSIVE);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::catalog::Catalogue;

    /// A large commit's log is copied into the catalogue file while the
    /// catalogue stays open, and closing leaves no log behind.
    #[test]
    fn a_large_commit_is_checkpointed_while_open_and_the_log_goes_at_close() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.kartoteka");
        let wal = dir.path().join("c.kartoteka-wal");
        let catalogue = Catalogue::open(&path).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        // 2,000 pages of 4 KiB in one commit, twice the point where a
        // checkpoint is due.
        catalogue
            .conn
            .execute_batch(
                "CREATE TABLE filler (b BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                 INSERT INTO filler SELECT randomblob(4000) FROM n;",
            )
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::fs::metadata(&path).unwrap().len() < before + 8_000_000 {
            assert!(
                Instant::now() < deadline,
                "the log was not copied into the catalogue file within 20 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(wal.exists(), "the log stays while the catalogue is open");
        drop(catalogue);
        assert!(!wal.exists(), "closing the catalogue leaves no log behind");
        let conn = rusqlite::Connection::open(&path).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM filler", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2000);
    }
}
