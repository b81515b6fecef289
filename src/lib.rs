//! Kartoteka: a cataloguer for documentary photo archives.
//!
//! The library owns everything but the window: the SQLite catalogue
//! ([`catalog`]), reading photographs and their metadata ([`ingest`]), and the
//! command line ([`cli`]), and the connection to a team's PostgreSQL server
//! ([`team`]). The desktop app (`ui`) is one more face on the
//! same library, behind the `desktop` cargo feature (on by default): built
//! without it, the library and the command line need no display libraries.

pub mod catalog;
pub mod cli;
pub mod collation;
pub mod date;
pub mod export;
pub mod files;
pub mod ingest;
pub mod interop;
pub mod limits;
pub mod photo;
pub mod search;
pub mod team;
pub mod text;
#[cfg(feature = "desktop")]
pub mod ui;
pub mod vocabulary;
