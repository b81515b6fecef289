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

/// Thumbnails of `count` pictures: the shared corpus's camera photographs
/// (or the archive fixtures when the corpus is not beside this checkout),
/// cropped a little differently each time round so that no two are alike.
#[allow(dead_code)] // not every benchmark makes thumbnails
pub fn pictures(root: &Path, count: usize) -> Vec<kartoteka::ingest::thumbnail::Thumbnail> {
    let cameras = root.join("../shared/corpus/cameras");
    let dir = if cameras.is_dir() {
        cameras
    } else {
        root.join("tests/fixtures/archive")
    };
    let mut sources: Vec<image::DynamicImage> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| image::open(e.ok()?.path()).ok())
        .map(|img| img.thumbnail(1024, 1024))
        .collect();
    sources.retain(|s| s.width() > 200 && s.height() > 200);
    (0..count)
        .map(|k| {
            let source = &sources[k % sources.len()];
            let shift = (k / sources.len()) as u32 * 3;
            let cropped = source.crop_imm(
                shift,
                shift,
                source.width() - 2 * shift.min(source.width() / 4),
                source.height() - 2 * shift.min(source.height() / 4),
            );
            kartoteka::ingest::thumbnail::encode(&cropped.thumbnail(512, 512)).unwrap()
        })
        .collect()
}
