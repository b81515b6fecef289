//! What the benchmarks share.

pub mod archive;

use std::path::Path;

use kartoteka::catalog::Catalogue;

/// A synthetic catalogue of `photos` photos is made once and cached at
/// `path`: `None` when an earlier run left it there whole, otherwise its
/// folder emptied and a new empty catalogue to fill.
pub fn catalogue_to_make(path: &Path, photos: usize) -> Option<Catalogue> {
    if path.exists()
        && Catalogue::open(path)
            .and_then(|c| c.photo_count())
            .is_ok_and(|n| n == photos as u64)
    {
        return None;
    }
    let dir = path.parent().unwrap();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    println!(
        "making a catalogue of {photos} photos (once; cached in {})",
        dir.display()
    );
    Some(Catalogue::open(path).unwrap())
}
