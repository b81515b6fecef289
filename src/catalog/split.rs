//! Searches of a large catalogue split among the processor's cores.
//!
//! A filter on the columns held in memory is split by runs of photos, a
//! full-text search by ranges of photo ids, each read through a connection
//! of its own ([`Catalogue::full_text`](super::Catalogue)). Each part is
//! answered on a thread of its own while the calling thread answers the
//! first, and the parts are joined in order.

use std::sync::OnceLock;

/// At most this many parts, however many cores there are: each full-text
/// part keeps a connection, with a page cache of its own, open.
const MOST_PARTS: usize = 4;

/// How many parts a search over `size` (photos, words of photos) is
/// split into: one per core, up to [`MOST_PARTS`], from `from` on; below
/// it, starting threads costs more than they save.
pub fn parts_for(size: usize, from: usize) -> usize {
    if size >= from { parts() } else { 1 }
}

/// One part per core, up to [`MOST_PARTS`].
fn parts() -> usize {
    static PARTS: OnceLock<usize> = OnceLock::new();
    *PARTS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(MOST_PARTS)
    })
}
