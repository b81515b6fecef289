//! The team catalogue from the window: a thread of its own syncs in the
//! background while the window is open, and tells the status bar how
//! things stand (synced, changes waiting, offline, conflicts).
//!
//! The thread has its own connection to the catalogue, as another program
//! would: what it merges reaches the window as any change made elsewhere
//! does. It syncs when a colleague's push is notified (PostgreSQL's
//! LISTEN/NOTIFY), when an operation made here waits to be sent, and at
//! least every [`SYNC_AT_LEAST`]; a server it cannot reach is tried again,
//! less and less often, while work goes on here. Neither the window nor the
//! catalogue's own thread ever waits on the network.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use super::worker::Event;
use crate::catalog::Catalogue;
use crate::team::connect::{self, Connection};
use crate::team::{server, sync};

/// How the team catalogue stands, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamStatus {
    /// This replica's operations not on the server yet.
    pub waiting: u64,
    /// Fields changed apart by two members, kept as claims.
    pub conflicts: u64,
    /// Why the server cannot be reached, when it cannot.
    pub offline: Option<String>,
    /// Why the server refuses this replica's operations (a role that may
    /// only read), when it does.
    pub refused: Option<String>,
}

/// How often the thread looks at the catalogue for operations made here,
/// and for a colleague's push.
const LOOK: Duration = Duration::from_millis(250);

/// The longest time between two syncs while the server is reachable: a
/// notification lost with a dropped connection is made up for.
const SYNC_AT_LEAST: Duration = Duration::from_secs(60);

/// The first wait before trying an unreachable server again; it doubles
/// up to [`RETRY_LONGEST`].
const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_LONGEST: Duration = Duration::from_secs(120);

/// Starts the thread for the catalogue at `path`, when it belongs to a
/// team. It ends when `stop`'s sender is dropped.
pub fn start(
    path: PathBuf,
    url: String,
    send: impl Fn(Event) + Send + 'static,
    stop: Receiver<()>,
) -> Option<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("kartoteka-team".into())
        .spawn(move || {
            let Ok(catalogue) = Catalogue::open(&path) else {
                return;
            };
            Syncer {
                catalogue,
                url,
                send: Box::new(send),
                stop,
                said: None,
            }
            .run();
        })
        .ok()
}

struct Syncer {
    catalogue: Catalogue,
    url: String,
    send: Box<dyn Fn(Event) + Send>,
    stop: Receiver<()>,
    /// What the status bar was last told.
    said: Option<TeamStatus>,
}

impl Syncer {
    fn run(&mut self) {
        let mut retry = RETRY_FIRST;
        loop {
            match connect::connect(&self.url) {
                Ok(mut conn) => {
                    retry = RETRY_FIRST;
                    if let Err(why) = self.online(&mut conn) {
                        self.tell(Some(why), None);
                    }
                }
                Err(e) => self.tell(Some(e.to_string()), None),
            }
            if self.stopped() {
                return;
            }
            // Offline: the status bar still follows what is made here.
            let until = Instant::now() + retry;
            while Instant::now() < until {
                if self.wait(LOOK) {
                    return;
                }
                let offline = self.said.as_ref().and_then(|s| s.offline.clone());
                self.tell(offline, None);
            }
            retry = (retry * 2).min(RETRY_LONGEST);
        }
    }

    /// Syncs for as long as the connection holds; returns why it ended.
    fn online(&mut self, conn: &mut Connection) -> Result<(), String> {
        let place = server::place(conn).map_err(|e| e.to_string())?;
        server::listen(conn, &place).map_err(|e| e.to_string())?;
        loop {
            let synced = sync::sync(conn, &mut self.catalogue).map_err(|e| e.to_string())?;
            self.tell(None, synced.not_sent);
            let since = Instant::now();
            let version = self.catalogue.data_version().ok();
            loop {
                if self.stopped() {
                    return Ok(());
                }
                if server::notified(conn, &place, LOOK).map_err(|e| e.to_string())? {
                    break;
                }
                if since.elapsed() >= SYNC_AT_LEAST {
                    break;
                }
                if self.catalogue.data_version().ok() != version {
                    // Made here: sent at once when this replica may send.
                    let refused = self.said.as_ref().and_then(|s| s.refused.clone());
                    if refused.is_none() && self.waiting() > 0 {
                        break;
                    }
                    self.tell(None, refused);
                }
            }
        }
    }

    /// Operations and imported photos made here not on the server yet.
    fn waiting(&self) -> u64 {
        self.catalogue.unsent_count().unwrap_or(0)
            + self.catalogue.unsent_photo_count().unwrap_or(0)
    }

    /// Tells the status bar, when anything changed.
    fn tell(&mut self, offline: Option<String>, refused: Option<String>) {
        let status = TeamStatus {
            waiting: self.waiting(),
            conflicts: self.catalogue.conflicts().unwrap_or(0),
            offline,
            refused,
        };
        if self.said.as_ref() != Some(&status) {
            self.said = Some(status.clone());
            (self.send)(Event::Team(status));
        }
    }

    /// Waits `limit` unless told to stop; true when told.
    fn wait(&self, limit: Duration) -> bool {
        matches!(
            self.stop.recv_timeout(limit),
            Ok(()) | Err(RecvTimeoutError::Disconnected)
        )
    }

    fn stopped(&self) -> bool {
        self.wait(Duration::ZERO)
    }
}

/// A channel whose sender, dropped, stops the thread.
pub fn stopper() -> (Sender<()>, Receiver<()>) {
    crossbeam_channel::bounded(0)
}
