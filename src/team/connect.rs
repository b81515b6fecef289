//! Opening a connection to the team's PostgreSQL server from a URL such as
//! `postgres://jana@db.archive.example:5432/catalogue?sslmode=verify-full`.
//!
//! It behaves as libpq does where a member would notice: the same `sslmode`
//! values and meanings (which tokio-postgres's own parser partly refuses, so
//! `sslmode` and `sslrootcert` are taken out of the URL here first), the
//! password from the URL, then `PGPASSWORD`, then the password file, and a
//! connect timeout (10 s unless the URL's `connect_timeout` says otherwise).
//! TLS goes through rustls with the `ring` provider.
//!
//! Every failure is one [`ConnectError`] whose message is a single line
//! naming the server and what went wrong, and never holding a password.
//! Nothing here writes a password anywhere.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use postgres::config::{Host, SslMode as PgSslMode, SslNegotiation};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::deadline::{MakeWithDeadline, Plain};
use super::pgpass;

/// How long to wait for the server to accept the connection when the URL
/// does not say (`connect_timeout`): long enough for a slow VPN, short
/// enough that an archivist on a train learns quickly that it is offline.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the server may take to start answering what was sent to it,
/// over TLS, unless `KARTOTEKA_TEAM_ANSWER_TIMEOUT` gives other seconds:
/// far longer than any of Kartoteka's queries takes, even waiting for a
/// colleague's push to commit.
pub const DEFAULT_ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

/// [`DEFAULT_ANSWER_TIMEOUT`], or the seconds the environment gives.
fn answer_timeout() -> Duration {
    std::env::var("KARTOTEKA_TEAM_ANSWER_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .map_or(DEFAULT_ANSWER_TIMEOUT, Duration::from_secs)
}

/// libpq's `sslmode` values, with libpq's meanings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, without checking its certificate
    /// (libpq's default).
    Prefer,
    /// TLS or nothing; the certificate is not checked unless `sslrootcert`
    /// names a CA file, in which case the chain is (libpq does the same).
    Require,
    /// TLS, and the certificate must chain to a trusted CA.
    VerifyCa,
    /// TLS, the chain must be trusted and the certificate must be for the
    /// host name in the URL.
    VerifyFull,
}

impl SslMode {
    fn parse(value: &str) -> Option<SslMode> {
        Some(match value {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// Where the trusted CA certificates come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootCerts {
    /// The operating system's store (`sslrootcert` absent or `system`).
    System,
    /// A PEM file of CA certificates (`sslrootcert=FILE`).
    File(PathBuf),
}

/// A parsed team server URL: tokio-postgres's configuration plus what it
/// cannot parse itself.
#[derive(Debug, Clone)]
pub struct ServerUrl {
    config: postgres::Config,
    pub ssl_mode: SslMode,
    pub root_certs: RootCerts,
}

/// The environment a connection takes its defaults and passwords from:
/// the process's by [`Environment::from_process`], or given by a test.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `PGPASSWORD`.
    pub password: Option<String>,
    /// `PGPASSFILE`, else `~/.pgpass`.
    pub passfile: Option<PathBuf>,
    /// `PGUSER`, else the login name (`USER`): the role when the URL names none.
    pub user: Option<String>,
}

impl Environment {
    pub fn from_process() -> Environment {
        Environment::from_vars(|name| std::env::var_os(name))
    }

    /// The environment as `var` reports it; empty variables count as unset,
    /// as libpq counts them.
    pub fn from_vars(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Environment {
        let var = |name| var(name).filter(|v| !v.is_empty());
        let text = |name| var(name).and_then(|v| v.into_string().ok());
        let passfile = var("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| Path::new(&home).join(".pgpass")));
        Environment {
            password: text("PGPASSWORD"),
            passfile,
            user: text("PGUSER").or_else(|| text("USER")),
        }
    }
}

/// Why a connection to the team server failed. Each message is one line
/// that names the server (`host:port`) and never contains a password.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("bad PostgreSQL URL: {0}")]
    BadUrl(String),
    #[error("cannot read the CA certificates in {path}: {reason}")]
    RootCerts { path: PathBuf, reason: String },
    #[error("no system CA certificates to check {server} against: give one with sslrootcert=FILE")]
    NoSystemRoots { server: String },
    #[error("password authentication failed for user \"{user}\" on {server}")]
    WrongPassword { user: String, server: String },
    #[error(
        "{server} asks for a password for user \"{user}\" and none was given (URL, PGPASSWORD or ~/.pgpass){note}"
    )]
    NoPassword {
        user: String,
        server: String,
        /// Why a password file was passed over, when it was.
        note: String,
    },
    #[error("cannot reach {server}: {reason}")]
    Unreachable { server: String, reason: String },
    #[error("{server} does not offer TLS, and sslmode={mode} requires it")]
    NoTls { server: String, mode: &'static str },
    #[error("the TLS certificate of {server} is not trusted: {reason}")]
    NotTrusted { server: String, reason: String },
    #[error("the TLS certificate of {server} is not valid for the host name \"{host}\"")]
    HostNameMismatch { server: String, host: String },
    #[error("TLS with {server} failed: {reason}")]
    Tls { server: String, reason: String },
    #[error("{server} refused user \"{user}\": {reason}")]
    Refused {
        user: String,
        server: String,
        reason: String,
    },
    #[error("{server}: {reason}")]
    Other { server: String, reason: String },
    /// Any of the above whose text held the password, with it masked.
    #[error("{0}")]
    Masked(String),
}

impl ServerUrl {
    /// Parses a `postgres://` or `postgresql://` URL. The error never
    /// repeats the URL, which may hold a password.
    pub fn parse(url: &str) -> Result<ServerUrl, ConnectError> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(ConnectError::BadUrl(
                "it must start with postgres:// or postgresql://".into(),
            ));
        }
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut ssl_mode = SslMode::Prefer;
        let mut root_certs = RootCerts::System;
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded = percent_decode_str(value)
                .decode_utf8()
                .map_err(|_| ConnectError::BadUrl(format!("the value of {key} is not UTF-8")))?;
            match key {
                "sslmode" => {
                    ssl_mode = SslMode::parse(&decoded).ok_or_else(|| {
                        ConnectError::BadUrl(format!(
                            "sslmode must be disable, prefer, require, verify-ca or verify-full, not \"{decoded}\""
                        ))
                    })?;
                }
                "sslrootcert" => {
                    root_certs = match &*decoded {
                        "" | "system" => RootCerts::System,
                        file => RootCerts::File(PathBuf::from(file)),
                    };
                }
                _ => rest.push(pair),
            }
        }
        let remaining = if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        let config = postgres::Config::from_str(&remaining)
            .map_err(|e| ConnectError::BadUrl(one_line(&source_text(&e))))?;
        if config.get_hosts().is_empty() {
            return Err(ConnectError::BadUrl("it names no server host".into()));
        }
        Ok(ServerUrl {
            config,
            ssl_mode,
            root_certs,
        })
    }

    /// `host:port` of the server (every one, when the URL lists several),
    /// as the error messages name it.
    pub fn server(&self) -> String {
        let hosts = self.config.get_hosts();
        let ports = self.config.get_ports();
        hosts
            .iter()
            .enumerate()
            .map(|(i, host)| {
                let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
                match host {
                    Host::Tcp(h) if h.contains(':') => format!("[{h}]:{port}"),
                    Host::Tcp(h) => format!("{h}:{port}"),
                    Host::Unix(dir) => format!("{}/.s.PGSQL.{port}", dir.display()),
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Why a catalogue may not keep this URL for the team's later commands,
    /// or `None` when it may: a password is never written into a catalogue,
    /// and a CA file named from the folder the command ran in would be
    /// another file, or none, when it runs from another.
    pub fn why_not_kept(&self) -> Option<&'static str> {
        if self.config.get_password().is_some() {
            Some("it holds a password")
        } else if matches!(&self.root_certs, RootCerts::File(file) if file.is_relative()) {
            Some("its sslrootcert is a relative path")
        } else {
            None
        }
    }

    /// The role the URL names, if it names one.
    pub fn user(&self) -> Option<&str> {
        self.config.get_user()
    }

    pub fn connect_timeout(&self) -> Duration {
        self.config
            .get_connect_timeout()
            .copied()
            .unwrap_or(DEFAULT_CONNECT_TIMEOUT)
    }
}

/// An open connection to the team server.
pub struct Connection {
    client: postgres::Client,
    server: String,
}

/// Who the server says we are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The PostgreSQL role the connection runs as.
    pub role: String,
    /// The server's `version()` line.
    pub server_version: String,
}

impl Connection {
    /// The role this connection runs as and the server's version: proof
    /// that the connection works, and the name the team's history will use.
    pub fn identity(&mut self) -> Result<Identity, ConnectError> {
        let row = self
            .client
            .query_one("SELECT current_user::text, version()", &[])
            .map_err(|e| ConnectError::Other {
                server: self.server.clone(),
                reason: one_line(&source_text(&e)),
            })?;
        Ok(Identity {
            role: row.get(0),
            server_version: row.get(1),
        })
    }

    /// The `host:port` this connection is to.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// The underlying client, for the team catalogue's own queries.
    pub fn client(&mut self) -> &mut postgres::Client {
        &mut self.client
    }
}

/// Connects to the server at `url`, taking passwords and defaults from the
/// process's environment.
pub fn connect(url: &str) -> Result<Connection, ConnectError> {
    connect_with(url, &Environment::from_process())
}

/// Connects to the server at `url` with the given environment.
pub fn connect_with(url: &str, env: &Environment) -> Result<Connection, ConnectError> {
    let parsed = ServerUrl::parse(url)?;
    let server = parsed.server();
    let mut config = parsed.config.clone();
    let user = match config.get_user() {
        Some(user) => user.to_string(),
        None => {
            let user = env.user.clone().ok_or_else(|| {
                ConnectError::BadUrl("it names no user, and neither PGUSER nor USER is set".into())
            })?;
            config.user(&user);
            user
        }
    };
    let mut note = String::new();
    if config.get_password().is_none() {
        if let Some(password) = &env.password {
            config.password(password);
        } else if let Some(file) = &env.passfile {
            let database = config.get_dbname().unwrap_or(&user).to_string();
            let (host, port) = first_host_and_port(&config);
            match pgpass::lookup(
                file,
                pgpass::Target {
                    host: &host,
                    port,
                    database: &database,
                    user: &user,
                },
            ) {
                pgpass::Lookup::Found(password) => {
                    config.password(password);
                }
                pgpass::Lookup::NotFound => {}
                pgpass::Lookup::TooOpen(path) => {
                    note = format!(
                        "; {} was ignored because others can read it (chmod 0600 it)",
                        path.display()
                    );
                }
            }
        }
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(DEFAULT_CONNECT_TIMEOUT);
    }
    // No TLS, and still the answer deadline: the socket goes through a
    // connector that adds none (see `deadline::Plain`).
    let by_tcp = config.get_hosts().iter().all(|h| matches!(h, Host::Tcp(_)));
    let without_tls = |config: &mut postgres::Config| {
        config.ssl_mode(PgSslMode::Require);
        config.ssl_negotiation(SslNegotiation::Direct);
        config.connect(MakeWithDeadline::new(Plain, answer_timeout()))
    };
    let connected = if parsed.ssl_mode == SslMode::Disable && by_tcp {
        without_tls(&mut config)
    } else {
        config.ssl_mode(match parsed.ssl_mode {
            SslMode::Disable => PgSslMode::Disable,
            SslMode::Prefer => PgSslMode::Prefer,
            _ => PgSslMode::Require,
        });
        let tls = MakeWithDeadline::new(tls_connector(&parsed, &server)?, answer_timeout());
        let used = tls.used();
        match config.connect(tls) {
            // `prefer` met a server without TLS, and the connection went
            // on past the connector: again, without TLS from the start.
            Ok(client) if by_tcp && !used.load(Ordering::Relaxed) => {
                drop(client);
                without_tls(&mut config)
            }
            connected => connected,
        }
    };
    let password = config.get_password().map(<[u8]>::to_vec);
    connected
        .map(|client| Connection {
            client,
            server: server.clone(),
        })
        .map_err(|e| {
            let error = classify(&e, &parsed, &server, &user, note);
            scrub(error, password.as_deref())
        })
}

/// The first host and port, as the password file names them: libpq
/// matches a Unix socket as `localhost`.
fn first_host_and_port(config: &postgres::Config) -> (String, u16) {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    (host, config.get_ports().first().copied().unwrap_or(5432))
}

fn tls_connector(
    url: &ServerUrl,
    server: &str,
) -> Result<postgres_rustls::MakeTlsConnector, ConnectError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = || -> Result<RootCertStore, ConnectError> {
        let mut store = RootCertStore::empty();
        match &url.root_certs {
            RootCerts::File(path) => {
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| ConnectError::RootCerts {
                        path: path.clone(),
                        reason: one_line(&e.to_string()),
                    })?;
                let (added, _) = store.add_parsable_certificates(certs);
                if added == 0 {
                    return Err(ConnectError::RootCerts {
                        path: path.clone(),
                        reason: "no certificate in it".into(),
                    });
                }
            }
            RootCerts::System => {
                // Unreadable files in the system store are skipped, as
                // libpq and browsers skip them; an empty store is an error.
                let found = rustls_native_certs::load_native_certs();
                store.add_parsable_certificates(found.certs);
                if store.is_empty() {
                    return Err(ConnectError::NoSystemRoots {
                        server: server.to_string(),
                    });
                }
            }
        }
        Ok(store)
    };
    let verifier: Arc<dyn ServerCertVerifier> = match url.ssl_mode {
        // No handshake happens; tokio-postgres still wants a connector.
        SslMode::Disable => Arc::new(Unverified(provider.clone())),
        // libpq: with a CA file, `require` checks the chain as `verify-ca`.
        SslMode::Prefer | SslMode::Require if url.root_certs == RootCerts::System => {
            Arc::new(Unverified(provider.clone()))
        }
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => {
            Arc::new(ChainOnly(webpki_verifier(roots()?, &provider, server)?))
        }
        SslMode::VerifyFull => webpki_verifier(roots()?, &provider, server)?,
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ConnectError::Tls {
            server: server.to_string(),
            reason: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(postgres_rustls::MakeTlsConnector::new(
        tokio_rustls::TlsConnector::from(Arc::new(config)),
    ))
}

fn webpki_verifier(
    roots: RootCertStore,
    provider: &Arc<CryptoProvider>,
    server: &str,
) -> Result<Arc<WebPkiServerVerifier>, ConnectError> {
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| ConnectError::Tls {
            server: server.to_string(),
            reason: e.to_string(),
        })
}

/// `verify-ca`: the chain must lead to a trusted CA, but the certificate
/// may name another host (libpq's meaning). The full check runs, and only
/// its host name verdict is set aside: rustls checks the name after the
/// chain, so a name error means the chain was good.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a CA file: encryption without checking
/// who is at the other end, which is what libpq does in these modes. The
/// handshake signatures are still checked, so the server must hold the key
/// of the certificate it shows.
#[derive(Debug)]
struct Unverified(Arc<CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Turns a postgres error into the one line a member reads. tokio-postgres
/// keeps its error kinds private, so the cause is found by walking the
/// error's sources: a database error's SQLSTATE, an I/O error's kind, a
/// rustls error inside an I/O error, and the two fixed messages it makes
/// itself ("password missing", "server does not support TLS").
fn classify(
    e: &postgres::Error,
    url: &ServerUrl,
    server: &str,
    user: &str,
    note: String,
) -> ConnectError {
    let server = server.to_string();
    let user = user.to_string();
    if let Some(db) = e.as_db_error() {
        let reason = format!("{}: {}", db.severity(), db.message());
        return match db.code().code() {
            // invalid_password
            "28P01" => ConnectError::WrongPassword { user, server },
            // invalid_authorization_specification: no pg_hba.conf line,
            // no such role, login not allowed; invalid_catalog_name: no
            // such database.
            "28000" | "3D000" => ConnectError::Refused {
                user,
                server,
                reason: one_line(&reason),
            },
            _ => ConnectError::Other {
                server,
                reason: one_line(&reason),
            },
        };
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return tls_error(tls, url, server);
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return tls_error(tls, url, server);
            }
            use std::io::ErrorKind::*;
            let reason = match io.kind() {
                ConnectionRefused => "connection refused (is PostgreSQL running there?)".into(),
                TimedOut => format!(
                    "no answer within {} s (connect_timeout)",
                    url.connect_timeout().as_secs_f32()
                ),
                HostUnreachable | NetworkUnreachable | NetworkDown => {
                    "no route to the host (offline?)".into()
                }
                _ => one_line(&io.to_string()),
            };
            if e.to_string().starts_with("error connecting to server") {
                return ConnectError::Unreachable { server, reason };
            }
            return ConnectError::Other { server, reason };
        }
        let text = err.to_string();
        if text == "password missing" {
            return ConnectError::NoPassword { user, server, note };
        }
        if text == "server does not support TLS" {
            return ConnectError::NoTls {
                server,
                mode: url.ssl_mode.as_str(),
            };
        }
        source = err.source();
    }
    ConnectError::Other {
        server,
        reason: one_line(&source_text(e)),
    }
}

fn tls_error(e: &rustls::Error, url: &ServerUrl, server: String) -> ConnectError {
    match e {
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => ConnectError::HostNameMismatch {
            host: match url.config.get_hosts().first() {
                Some(Host::Tcp(h)) => h.clone(),
                _ => String::new(),
            },
            server,
        },
        rustls::Error::InvalidCertificate(cert) => {
            let reason = match cert {
                CertificateError::UnknownIssuer => match &url.root_certs {
                    RootCerts::System => {
                        "it is not signed by a CA the system trusts (give the team's CA with sslrootcert=FILE)".to_string()
                    }
                    RootCerts::File(path) => {
                        format!("it is not signed by the CA in {}", path.display())
                    }
                },
                CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                    "it has expired".into()
                }
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                    "it is not valid yet (is this machine's clock right?)".into()
                }
                CertificateError::Revoked => "it has been revoked".into(),
                other => one_line(&format!("{other:?}")),
            };
            ConnectError::NotTrusted { server, reason }
        }
        other => ConnectError::Tls {
            server,
            reason: one_line(&other.to_string()),
        },
    }
}

/// An error and its causes as one text, for the rare failures that have
/// no message of their own here.
pub(super) fn source_text(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(err) = source {
        let part = err.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = err.source();
    }
    text
}

/// Server and library messages can span lines (a DETAIL, a HINT); the
/// member gets one.
pub(super) fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // A server's message is the server's text: no terminal escapes.
    crate::text::printable(&line).into_owned()
}

/// A last guard: whatever a server or library put in a message, the
/// password does not reach the member's screen or a log.
fn scrub(error: ConnectError, password: Option<&[u8]>) -> ConnectError {
    let Some(password) = password.and_then(|p| std::str::from_utf8(p).ok()) else {
        return error;
    };
    if password.is_empty() || !error.to_string().contains(password) {
        return error;
    }
    ConnectError::Masked(error.to_string().replace(password, "********"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_defaults_to_prefer_and_parses_libpq_values() {
        let url = ServerUrl::parse("postgres://jana@db.example/catalogue").unwrap();
        assert_eq!(url.ssl_mode, SslMode::Prefer);
        assert_eq!(url.root_certs, RootCerts::System);
        for mode in ["disable", "prefer", "require", "verify-ca", "verify-full"] {
            let url =
                ServerUrl::parse(&format!("postgres://jana@db.example/c?sslmode={mode}")).unwrap();
            assert_eq!(url.ssl_mode.as_str(), mode);
        }
        let err = ServerUrl::parse("postgres://jana@db.example/c?sslmode=verify").unwrap_err();
        assert!(err.to_string().contains("sslmode must be"), "{err}");
    }

    #[test]
    fn sslrootcert_and_other_options_are_separated() {
        let url = ServerUrl::parse(
            "postgresql://jana@db.example:5433/catalogue?sslrootcert=/etc/team%20ca.pem&connect_timeout=3&sslmode=verify-full&application_name=kartoteka",
        )
        .unwrap();
        assert_eq!(url.ssl_mode, SslMode::VerifyFull);
        assert_eq!(
            url.root_certs,
            RootCerts::File(PathBuf::from("/etc/team ca.pem"))
        );
        assert_eq!(url.connect_timeout(), Duration::from_secs(3));
        assert_eq!(url.server(), "db.example:5433");
        assert_eq!(url.user(), Some("jana"));
        let system =
            ServerUrl::parse("postgres://db.example/c?sslrootcert=system&sslmode=verify-ca")
                .unwrap();
        assert_eq!(system.root_certs, RootCerts::System);
        assert_eq!(system.connect_timeout(), DEFAULT_CONNECT_TIMEOUT);
        assert_eq!(system.server(), "db.example:5432");
    }

    #[test]
    fn bad_urls_are_one_line_without_the_password() {
        for url in [
            "mysql://jana:s3cret@db.example/c",
            "postgres://jana:s3cret@db.example/c?sslcert=x",
            "postgres://jana:s3cret@db.example/c?connect_timeout=soon",
            "postgres://jana:s3cret@/c",
        ] {
            let err = ServerUrl::parse(url).unwrap_err().to_string();
            assert!(err.starts_with("bad PostgreSQL URL: "), "{err}");
            assert!(!err.contains("s3cret"), "{err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn environment_follows_libpq() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            Environment::from_vars(move |name| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).into())
            })
        };
        let env = vars(&[
            ("PGPASSWORD", "pw"),
            ("PGPASSFILE", "/srv/team.pgpass"),
            ("HOME", "/home/jana"),
            ("PGUSER", "archivist"),
            ("USER", "jana"),
        ]);
        assert_eq!(env.password.as_deref(), Some("pw"));
        assert_eq!(env.passfile, Some(PathBuf::from("/srv/team.pgpass")));
        assert_eq!(env.user.as_deref(), Some("archivist"));
        let env = vars(&[("PGPASSWORD", ""), ("HOME", "/home/jana"), ("USER", "jana")]);
        assert_eq!(env.password, None);
        assert_eq!(env.passfile, Some(PathBuf::from("/home/jana/.pgpass")));
        assert_eq!(env.user.as_deref(), Some("jana"));
        let env = vars(&[]);
        assert_eq!((env.password, env.passfile, env.user), (None, None, None));
    }

    #[test]
    fn ipv6_hosts_are_bracketed_in_messages() {
        let url = ServerUrl::parse("postgres://jana@[::1]:5433/c").unwrap();
        assert_eq!(url.server(), "[::1]:5433");
    }

    #[test]
    fn scrubbing_hides_a_password_a_message_repeats() {
        let error = ConnectError::Other {
            server: "db:5432".into(),
            reason: "FATAL: role \"s3cret\" does not exist".into(),
        };
        let shown = scrub(error, Some(b"s3cret")).to_string();
        assert_eq!(shown, "db:5432: FATAL: role \"********\" does not exist");
    }
}
