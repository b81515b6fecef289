//! Kartoteka: a cataloguer for documentary photo archives.
//!
//! The library owns everything but the window: the SQLite catalogue
//! ([`catalog`]), reading photographs and their metadata ([`ingest`]), and the
//! command line ([`cli`]). The desktop app is one more face on the same
//! library.

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
pub mod text;
pub mod ui;
pub mod vocabulary;
