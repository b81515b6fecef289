//! `kartoteka sync`: sends this replica's new operations to the team's
//! server, then brings and merges every other replica's that came since
//! the last sync. Pushing first means an operation is on the server before
//! this replica pulls anything made after it, which is what lets a merge
//! tell operations made apart from those made knowingly (`catalog::sync`).

use std::time::{Duration, Instant};

use serde::Serialize;

use super::TeamError;
use super::connect::Connection;
use super::server::{self, Place};
use crate::catalog::Catalogue;
use crate::catalog::sync::Merged;

/// Operations sent to the server at a time.
const PUSH_BATCH: usize = 500;

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
    /// This replica's operations still not on the server.
    pub waiting: u64,
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

    let mut sent = 0;
    let mut not_sent = None;
    loop {
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
                            "the server did not keep operation {} of this replica though it holds                              later ones; it was not sent again, and stays here",
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
    loop {
        let after = catalogue.pulled()?.unwrap_or(0);
        let pulled = server::pull(conn, &place, after)?;
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
        waiting: catalogue.unsent_count()?,
        elapsed: started.elapsed(),
    })
}
