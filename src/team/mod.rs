//! The team catalogue's server side: a PostgreSQL database that several
//! archivists' local catalogues share.
//!
//! For now this is the connection alone ([`connect`]): a URL, TLS through
//! rustls with libpq's `sslmode` meanings, passwords from libpq's places
//! ([`pgpass`]), and one-line errors. It holds no catalogue data and never
//! touches the local SQLite catalogue.

pub mod connect;
pub mod pgpass;
