//! The parallel import pipeline.
//!
//! ```text
//!  scan ─► skip unchanged ─► read pool (rayon, bounded) ─► channel ─► writer (this thread)
//!                            hash, EXIF, IPTC, XMP,                   thumbnails, then
//!                            sidecar, thumbnail                       catalogue, in batches
//! ```
//!
//! The calling thread is the only writer. It stores results in batches,
//! one transaction each, thumbnails before catalogue records, so a process
//! killed at any moment leaves only whole photo records behind and running
//! the same import again finishes the job. The channel is bounded, so
//! memory stays flat however many files there are.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{RecvTimeoutError, bounded};
use rayon::prelude::*;

use super::scan::{Candidate, ScanProblem, scan};
use super::{Ingested, ReadError, find_sidecar, mtime_ns, read_photo};
use crate::catalog::{
    CatalogError, Catalogue, FileState, Invalid, StoreOutcome, Threads, ThumbnailStore,
    path_to_bytes,
};
use crate::photo::PhotoId;

/// Records stored per transaction.
const BATCH_SIZE: usize = 64;
/// A batch is stored at the latest this long after its first record arrived,
/// so that progress and crash-safety do not wait for a full batch.
const BATCH_WAIT: Duration = Duration::from_millis(250);

/// How to run an import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Reader threads; 0 means one per CPU core.
    pub threads: usize,
    /// Set to stop the import cleanly: files already read are stored, the
    /// rest are left for the next run.
    pub cancel: Arc<AtomicBool>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            threads: 0,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// Progress, for a terminal progress bar or the desktop app's status bar.
#[derive(Debug, Clone)]
pub enum Progress {
    /// Scanning is done: `total` files will be read, `unchanged` skipped.
    Started { total: usize, unchanged: usize },
    /// One more file is done (stored or failed).
    File {
        done: usize,
        total: usize,
        path: PathBuf,
    },
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: NotImported,
}

/// Why a file was not imported: it could not be reached while looking for
/// photos, or it could not be read as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotImported {
    #[error(transparent)]
    Scan(#[from] ScanProblem),
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// What an import did.
#[derive(Debug, Default, Clone)]
pub struct ImportSummary {
    pub added: Vec<PhotoId>,
    pub updated: Vec<PhotoId>,
    pub relinked: Vec<(PhotoId, PathBuf, PathBuf)>,
    /// New photos whose content was already catalogued: (new id, path, existing id).
    pub duplicates: Vec<(PhotoId, PathBuf, PhotoId)>,
    pub unchanged: usize,
    pub failed: Vec<Failure>,
    /// Imported, but with problems worth knowing: (path, message).
    pub warnings: Vec<(PathBuf, super::Warning)>,
    /// Files in the folders that are not photographs.
    pub not_photos: u64,
    /// Every file in the folders that was not catalogued, and why
    /// ("unsupported format: GIF"); see [`super::scan::Scan::not_catalogued`].
    pub not_catalogued: Vec<(PathBuf, String)>,
    pub cancelled: bool,
    pub elapsed: Duration,
}

impl ImportSummary {
    pub fn stored(&self) -> usize {
        self.added.len() + self.updated.len() + self.relinked.len() + self.duplicates.len()
    }
}

/// Imports the photographs under `paths` into the catalogue.
///
/// Per-file problems never stop the import; they are collected in the
/// summary. Only a failure of the catalogue itself is an error, and then
/// every batch stored before it is intact.
pub fn import(
    catalogue: &mut Catalogue,
    mut thumbnails: Option<&mut ThumbnailStore>,
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<ImportSummary, CatalogError> {
    let started = Instant::now();
    let mut summary = ImportSummary::default();

    let found = scan(paths);
    summary.not_photos = found.not_photos;
    summary.not_catalogued = found.not_catalogued;
    summary
        .failed
        .extend(found.errors.into_iter().map(|(path, reason)| Failure {
            path,
            reason: reason.into(),
        }));

    let known = catalogue.file_states()?;
    let scanned = found.files.len();
    let todo: Vec<Candidate> = found
        .files
        .into_iter()
        .filter(|c| !is_unchanged(c, known.get(&path_to_bytes(&c.path))))
        .collect();
    summary.unchanged = scanned - todo.len();
    let total = todo.len();
    progress(Progress::Started {
        total,
        unchanged: summary.unchanged,
    });

    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("kartoteka-read-{i}"))
        .build()
        .map_err(|e| Invalid::ThreadNotStarted {
            which: Threads::Readers,
            reason: e.to_string(),
        })?;
    let (sender, receiver) = bounded::<(PathBuf, Result<Ingested, ReadError>)>(threads * 4);
    let stop = AtomicBool::new(false);
    let cancel = &options.cancel;

    let written = std::thread::scope(|scope| -> Result<(), CatalogError> {
        let stop = &stop;
        let todo = &todo;
        std::thread::Builder::new()
            .name("kartoteka-import".into())
            .spawn_scoped(scope, move || {
                pool.install(|| {
                    todo.par_iter().for_each_with(sender, |sender, candidate| {
                        if cancel.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let result = read_photo(&candidate.path);
                        // The writer has gone only if it failed; stop quietly.
                        if sender.send((candidate.path.clone(), result)).is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    });
                });
            })
            .map_err(|e| {
                CatalogError::from(Invalid::ThreadNotStarted {
                    which: Threads::Import,
                    reason: e.to_string(),
                })
            })?;

        let mut done = 0usize;
        let mut batch: Vec<Ingested> = Vec::with_capacity(BATCH_SIZE);
        let mut batch_started = Instant::now();
        let result = loop {
            let wait = BATCH_WAIT.saturating_sub(batch_started.elapsed());
            let message =
                match receiver.recv_timeout(if batch.is_empty() { BATCH_WAIT } else { wait }) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break Ok(()),
                };
            if let Some((path, result)) = message {
                done += 1;
                match result {
                    Ok(ingested) => {
                        if batch.is_empty() {
                            batch_started = Instant::now();
                        }
                        batch.push(ingested);
                    }
                    Err(e) => summary.failed.push(Failure {
                        path: path.clone(),
                        reason: e.into(),
                    }),
                }
                progress(Progress::File { done, total, path });
            }
            let due = batch.len() >= BATCH_SIZE
                || (!batch.is_empty() && batch_started.elapsed() >= BATCH_WAIT);
            if due
                && let Err(e) = write_batch(
                    catalogue,
                    thumbnails.as_deref_mut(),
                    &mut batch,
                    &mut summary,
                )
            {
                break Err(e);
            }
        };
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(receiver);
        result?;
        write_batch(catalogue, thumbnails, &mut batch, &mut summary)
    });
    written?;

    summary.cancelled =
        cancel.load(Ordering::Relaxed) && summary.stored() + summary.failed.len() < total;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn write_batch(
    catalogue: &mut Catalogue,
    thumbnails: Option<&mut ThumbnailStore>,
    batch: &mut Vec<Ingested>,
    summary: &mut ImportSummary,
) -> Result<(), CatalogError> {
    if batch.is_empty() {
        return Ok(());
    }
    // The readers finish in any order; photos are catalogued in the order
    // of their paths, as the folders were walked, so that "import order"
    // (and every sort's tie-break) is the files' order, not the readers'.
    batch.sort_by(|a, b| a.record.file.path.cmp(&b.record.file.path));
    // Thumbnails first: a crash between the two commits leaves a thumbnail
    // without a record (harmless), never a record without its thumbnail.
    if let Some(store) = thumbnails {
        store.put_batch(batch.iter().filter_map(|i| {
            i.thumbnail
                .as_ref()
                .map(|t| (i.record.file.hash.as_str(), t))
        }))?;
    }
    let records: Vec<_> = batch.drain(..).map(|i| i.record).collect();
    let outcomes = catalogue.store_batch(&records)?;
    for (record, outcome) in records.into_iter().zip(outcomes) {
        let path = record.file.path;
        summary
            .warnings
            .extend(record.warnings.into_iter().map(|w| (path.clone(), w)));
        match outcome {
            StoreOutcome::Added(id) => summary.added.push(id),
            StoreOutcome::Updated(id) => summary.updated.push(id),
            StoreOutcome::Relinked { id, from } => summary.relinked.push((id, from, path)),
            StoreOutcome::Duplicate { id, of } => summary.duplicates.push((id, path, of)),
        }
    }
    Ok(())
}

/// A file is unchanged when its size and modification time, and those of
/// its sidecar, are what the catalogue last saw. Unchanged files are not
/// opened at all.
fn is_unchanged(candidate: &Candidate, known: Option<&FileState>) -> bool {
    let Some(known) = known else { return false };
    if known.size != candidate.size || known.mtime_ns != candidate.mtime_ns {
        return false;
    }
    let sidecar_now = find_sidecar(&candidate.path)
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| mtime_ns(&m));
    sidecar_now == known.sidecar_mtime_ns
}
