//! Thumbnails on screen: decoded on a small pool of named threads, uploaded
//! as textures on the UI thread, kept in a cache with a memory bound that
//! evicts the least recently used.
//!
//! Each frame the grid says which photos are visible; that list replaces
//! the queue, so photos scrolled past are never decoded. Decoding uses
//! libjpeg's DCT scaling to the size the grid shows.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};

use crossbeam_channel::{Receiver, Sender, unbounded};
use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::catalog::ThumbnailStore;
use crate::photo::PhotoId;

/// Sizes thumbnails are decoded at: the smallest that covers the cell.
pub const BUCKETS: [u32; 3] = [128, 256, 512];

pub fn bucket_for(px: f32) -> u32 {
    BUCKETS.into_iter().find(|b| *b as f32 >= px).unwrap_or(512)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub photo: PhotoId,
    pub bucket: u32,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub key: Key,
    /// The content hash that names the stored thumbnail.
    pub hash: String,
}

/// Shared between the window and the decoders.
struct Queue {
    /// What to decode next, the most wanted last.
    wanted: Vec<Request>,
    /// Taken by a decoder and not yet received by the window.
    taken: HashSet<Key>,
    closed: bool,
}

enum Decoded {
    Image(Key, ColorImage),
    /// No thumbnail stored (or it would not decode): drawn as a placeholder.
    Missing(Key),
}

struct Entry {
    texture: TextureHandle,
    bytes: usize,
}

pub struct Thumbnails {
    queue: Arc<(Mutex<Queue>, Condvar)>,
    results: Receiver<Decoded>,
    cache: lru::LruCache<Key, Entry>,
    bytes: usize,
    budget: usize,
    missing: HashSet<Key>,
    /// Textures uploaded per frame at most, so that a burst of arrivals
    /// never makes one frame slow.
    uploads_per_frame: usize,
}

impl Thumbnails {
    /// Starts `threads` decoders reading from the thumbnail file at `store`.
    /// `budget` bounds the memory of cached textures, in bytes.
    pub fn start(
        store: &Path,
        threads: usize,
        budget: usize,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let queue = Arc::new((
            Mutex::new(Queue {
                wanted: Vec::new(),
                taken: HashSet::new(),
                closed: false,
            }),
            Condvar::new(),
        ));
        let (tx, results) = unbounded();
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        for n in 0..threads.max(1) {
            let queue = queue.clone();
            let tx = tx.clone();
            let repaint = repaint.clone();
            let store = store.to_owned();
            let _ = std::thread::Builder::new()
                .name(format!("kartoteka-thumbnails-{n}"))
                .spawn(move || decode_loop(&store, &queue, &tx, &*repaint));
        }
        Self {
            queue,
            results,
            cache: lru::LruCache::unbounded(),
            bytes: 0,
            budget,
            missing: HashSet::new(),
            uploads_per_frame: 12,
        }
    }

    /// The texture for a photo at a bucket size if it is loaded (marking it
    /// recently used), or else any size of it that is.
    pub fn get(&mut self, photo: PhotoId, bucket: u32) -> Option<TextureHandle> {
        if let Some(e) = self.cache.get(&Key { photo, bucket }) {
            return Some(e.texture.clone());
        }
        BUCKETS.iter().rev().find_map(|b| {
            self.cache
                .peek(&Key { photo, bucket: *b })
                .map(|e| e.texture.clone())
        })
    }

    /// No thumbnail exists for the photo.
    pub fn is_missing(&self, photo: PhotoId, bucket: u32) -> bool {
        self.missing.contains(&Key { photo, bucket })
    }

    /// Replaces the decode queue with what the screen shows now, most
    /// wanted first. What is loaded or being decoded is left out.
    pub fn want(&mut self, requests: Vec<Request>) {
        let (lock, condvar) = &*self.queue;
        let mut q = lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut wanted: Vec<Request> = requests
            .into_iter()
            .filter(|r| {
                !self.cache.contains(&r.key)
                    && !self.missing.contains(&r.key)
                    && !q.taken.contains(&r.key)
            })
            .collect();
        wanted.reverse();
        q.wanted = wanted;
        condvar.notify_all();
    }

    /// Uploads decoded thumbnails (a few per frame) and evicts over budget.
    pub fn receive(&mut self, ctx: &egui::Context) {
        let mut received = Vec::new();
        for _ in 0..self.uploads_per_frame {
            let Ok(decoded) = self.results.try_recv() else {
                break;
            };
            match decoded {
                Decoded::Image(key, image) => {
                    received.push(key);
                    let bytes = image.width() * image.height() * 4;
                    let texture = ctx.load_texture(
                        format!("thumbnail-{}-{}", key.photo, key.bucket),
                        image,
                        TextureOptions::LINEAR,
                    );
                    self.bytes += bytes;
                    if let Some(old) = self.cache.put(key, Entry { texture, bytes }) {
                        self.bytes -= old.bytes;
                    }
                    while self.bytes > self.budget {
                        match self.cache.pop_lru() {
                            Some((_, e)) => self.bytes -= e.bytes,
                            None => break,
                        }
                    }
                }
                Decoded::Missing(key) => {
                    received.push(key);
                    self.missing.insert(key);
                }
            }
        }
        if !received.is_empty() {
            let mut q = self.queue.0.lock().unwrap_or_else(|e| e.into_inner());
            for key in &received {
                q.taken.remove(key);
            }
        }
        if !self.results.is_empty() {
            ctx.request_repaint();
        }
    }

    /// Forgets which photos had no thumbnail (after an import made some).
    pub fn forget_missing(&mut self) {
        self.missing.clear();
    }

    pub fn cached_bytes(&self) -> usize {
        self.bytes
    }

    /// Nothing waiting to be decoded or uploaded.
    pub fn is_idle(&self) -> bool {
        let q = self.queue.0.lock().unwrap_or_else(|e| e.into_inner());
        q.wanted.is_empty() && q.taken.is_empty() && self.results.is_empty()
    }
}

impl Drop for Thumbnails {
    fn drop(&mut self) {
        let (lock, condvar) = &*self.queue;
        lock.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        condvar.notify_all();
    }
}

fn decode_loop(
    store_path: &Path,
    queue: &(Mutex<Queue>, Condvar),
    results: &Sender<Decoded>,
    repaint: &dyn Fn(),
) {
    let (lock, condvar) = queue;
    // Opened on first use: before the first import there is no file yet.
    let mut store: Option<ThumbnailStore> = None;
    loop {
        let request = {
            let mut q = lock.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if q.closed {
                    return;
                }
                if let Some(r) = q.wanted.pop() {
                    q.taken.insert(r.key);
                    break r;
                }
                q = condvar.wait(q).unwrap_or_else(|e| e.into_inner());
            }
        };
        if store.is_none() {
            store = ThumbnailStore::open(store_path).ok();
        }
        let stored = store
            .as_ref()
            .and_then(|s| s.get(&request.hash).ok().flatten());
        let decoded = match stored.and_then(|t| decode(&t.jpeg, request.key.bucket)) {
            Some(image) => Decoded::Image(request.key, image),
            None => Decoded::Missing(request.key),
        };
        if results.send(decoded).is_err() {
            return;
        }
        repaint();
    }
}

/// Decodes a stored thumbnail JPEG at (at least) the bucket size.
pub fn decode(jpeg: &[u8], bucket: u32) -> Option<ColorImage> {
    let scaled =
        crate::ingest::jpeg::decode_scaled(jpeg, bucket, crate::ingest::thumbnail::MAX_PIXELS)
            .ok()?;
    let rgba = scaled.image.to_rgba8();
    Some(ColorImage::from_rgba_unmultiplied(
        [rgba.width() as usize, rgba.height() as usize],
        rgba.as_raw(),
    ))
}
