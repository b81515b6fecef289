//! `kartoteka sync`: sends this replica's new operations to the team's
//! server, then brings and merges every other replica's that came since
//! the last sync. Pushing first means an operation is on the server before
//! this replica pulls anything made after it, which is what lets a merge
//! tell operations made apart from those made knowingly (`catalog::sync`).
//!
//! Photos imported here go before the operations, with their thumbnails
//! and their paths as the team names them (`--root`), and photos other
//! members imported come in before the operations pulled with them are
//! merged: whoever pushed an operation had pushed its photos first, so
//! they are on the server by the time the operation is read
//! (`catalog::shared_photos`).

use std::time::{Duration, Instant};

use serde::Serialize;

use super::TeamError;
use super::connect::Connection;
use super::roots::Roots;
use super::server::{self, Place};
use crate::catalog::shared_photos::PhotosMerged;
use crate::catalog::sync::{Merged, content_hash};
use crate::catalog::{Catalogue, ThumbnailStore, thumbnails};

/// Operations sent to the server at a time.
const PUSH_BATCH: usize = 500;

/// Photos sent to the server at a time, each with its thumbnail.
const PHOTO_PUSH_BATCH: usize = 200;

/// Photos the server is asked about at a time; of them, those this
/// replica lacks are brought [`PHOTO_PULL_BATCH`] at a time.
const PHOTO_LIST_BATCH: i64 = 5_000;
const PHOTO_PULL_BATCH: usize = 200;

/// What a sync did.
#[derive(Debug, Serialize)]
pub struct Synced {
    #[serde(skip)]
    pub place: Place,
    /// This replica's operations the server received.
    pub sent: usize,
    /// Why this replica's operations could not be sent, when they could not.
    pub not_sent: Option<String>,
    pub merged: Merged,
    /// Photos imported here that the server received.
    pub photos_sent: usize,
    /// What came of the photos other members imported.
    pub photos: PhotosMerged,
    /// This replica's operations still not on the server.
    pub waiting: u64,
    /// Photos imported here still not on the server.
    pub photos_waiting: u64,
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Pushes this replica's unsent operations, then pulls and merges the
/// others'. A role that may not push still pulls, and is told why nothing
/// was sent.
pub fn sync(conn: &mut Connection, catalogue: &mut Catalogue) -> Result<Synced, TeamError> {
    let started = Instant::now();
    let place = server::place(conn)?;
    server::open_team(conn, &place)?;
    let replica = catalogue.replica_id()?;
    if catalogue.pulled()?.is_none() {
        let held = server::held_in_snapshots(&server::snapshots(conn, &place)?, &replica);
        catalogue.start_sync(held)?;
    }

    // A replica from before photos travelled shares its imports from now.
    catalogue.share_imports()?;
    let roots = Roots::kept(catalogue.team_roots()?);
    // Opened once a photo travels: most syncs move none.
    let mut store = None;

    let (photos_sent, mut not_sent) =
        push_photos(conn, &place, catalogue, &replica, &roots, &mut store)?;
    let mut sent = 0;
    while not_sent.is_none() {
        let operations = catalogue.unsent(PUSH_BATCH)?;
        if operations.is_empty() {
            break;
        }
        match server::push(conn, &place, &replica, &operations) {
            Ok(placed) => {
                sent += placed.len();
                catalogue.mark_sent(&placed)?;
                // A server that answers for some of them and not others
                // would have them sent again for ever.
                if let Some(op) = operations
                    .iter()
                    .find(|op| !placed.iter().any(|&(seq, _)| seq == op.seq))
                {
                    return Err(TeamError::Server {
                        server: place.server.clone(),
                        reason: format!(
                            "the server did not keep operation {} of this replica though it holds \
                             later ones; it was not sent again, and stays here",
                            op.seq
                        ),
                    });
                }
            }
            Err(e @ TeamError::MayNotPush { .. }) => {
                not_sent = Some(e.to_string());
                break;
            }
            Err(e) => return Err(e),
        }
    }

    let mut merged = Merged::default();
    let mut photos = PhotosMerged::default();
    loop {
        let after = catalogue.pulled()?.unwrap_or(0);
        let pulled = server::pull(conn, &place, after)?;
        // After the operations are read: their photos are on the server.
        photos.add(pull_photos(conn, &place, catalogue, &roots, &mut store)?);
        let Some(&(through, _)) = pulled.last() else {
            break;
        };
        let mut operations = Vec::with_capacity(pulled.len());
        for (pos, op) in pulled {
            match op {
                Ok(op) => operations.push((pos, op)),
                Err(why) => merged.refused.push(why),
            }
        }
        merged.add(catalogue.merge_pulled(&operations, through)?);
    }
    server::heard_from(conn, &replica);
    Ok(Synced {
        place,
        sent,
        not_sent,
        merged,
        photos_sent,
        photos,
        waiting: catalogue.unsent_count()?,
        photos_waiting: catalogue.unsent_photo_count()?,
        elapsed: started.elapsed(),
    })
}

/// The catalogue's thumbnail store, opened the first time it is needed.
fn thumbnail_store<'s>(
    store: &'s mut Option<ThumbnailStore>,
    catalogue: &Catalogue,
) -> Result<&'s mut ThumbnailStore, TeamError> {
    if store.is_none() {
        *store = Some(match catalogue.thumbnails_path() {
            Some(path) => ThumbnailStore::open(&path)?,
            None => ThumbnailStore::open_in_memory()?,
        });
    }
    Ok(store.as_mut().expect("opened just now"))
}

/// Sends the photos imported here, with their thumbnails and the team's
/// paths: how many, and why none could be sent when the role may not.
fn push_photos(
    conn: &mut Connection,
    place: &Place,
    catalogue: &mut Catalogue,
    replica: &str,
    roots: &Roots,
    store: &mut Option<ThumbnailStore>,
) -> Result<(usize, Option<String>), TeamError> {
    let mut sent = 0;
    loop {
        let photos = catalogue.unsent_photos(PHOTO_PUSH_BATCH)?;
        if photos.is_empty() {
            return Ok((sent, None));
        }
        let store = thumbnail_store(store, catalogue)?;
        let mut shared = Vec::with_capacity(photos.len());
        for (_, mut photo) in photos.iter().cloned() {
            let thumbnail = store.get(content_hash(&photo.photo))?;
            photo.path = roots.to_team(&photo.path).unwrap_or(photo.path);
            photo.sidecar = photo.sidecar.map(|s| roots.to_team(&s).unwrap_or(s));
            shared.push((photo, thumbnail));
        }
        match server::push_photos(conn, place, replica, &shared) {
            Ok(()) => {
                let ids: Vec<_> = photos.iter().map(|(id, _)| *id).collect();
                catalogue.mark_photos_sent(&ids)?;
                sent += ids.len();
            }
            Err(e @ TeamError::MayNotPush { .. }) => return Ok((sent, Some(e.to_string()))),
            Err(e) => return Err(e),
        }
    }
}

/// Adds the photos other members imported that this replica lacks, their
/// thumbnails first, with this machine's paths.
fn pull_photos(
    conn: &mut Connection,
    place: &Place,
    catalogue: &mut Catalogue,
    roots: &Roots,
    store: &mut Option<ThumbnailStore>,
) -> Result<PhotosMerged, TeamError> {
    let mut merged = PhotosMerged::default();
    loop {
        let after = catalogue.photos_pulled()?;
        let listed = server::photos_after(conn, place, after, PHOTO_LIST_BATCH)?;
        let Some(&(through, _)) = listed.last() else {
            return Ok(merged);
        };
        let names: Vec<String> = listed.iter().map(|(_, name)| name.clone()).collect();
        let lacking: Vec<i64> = catalogue
            .lacks_photos(&names)?
            .into_iter()
            .zip(&listed)
            .filter_map(|(lacks, (pos, _))| lacks.then_some(*pos))
            .collect();
        merged.already += listed.len() - lacking.len();
        for positions in lacking.chunks(PHOTO_PULL_BATCH) {
            let mut photos = Vec::with_capacity(positions.len());
            let mut thumbnails = Vec::new();
            for (pos, photo) in server::photos_at(conn, place, positions)? {
                photos.push((
                    pos,
                    photo.map(|(mut photo, thumbnail)| {
                        if let Some(thumbnail) = thumbnail {
                            match thumbnails::unfit(&thumbnail) {
                                None => thumbnails.push((photo.photo.clone(), thumbnail)),
                                Some(why) => merged
                                    .refused
                                    .push(format!("the thumbnail of photo {}: {why}", photo.photo)),
                            }
                        }
                        photo.path = roots.map(&photo.path).unwrap_or(photo.path);
                        photo.sidecar = photo.sidecar.map(|s| roots.map(&s).unwrap_or(s));
                        photo
                    }),
                ));
            }
            // The thumbnails first: a photo the window shows has its own.
            thumbnail_store(store, catalogue)?
                .put_batch(thumbnails.iter().map(|(name, t)| (content_hash(name), t)))?;
            let upto = positions.last().copied().unwrap_or(after);
            merged.add(catalogue.add_shared_photos(&photos, upto)?);
        }
        // The ones held here already are passed over with the rest.
        catalogue.add_shared_photos(&[], through)?;
    }
}
