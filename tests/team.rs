//! Connecting to a team's PostgreSQL server: TLS verification, passwords
//! from libpq's places, and the one-line errors a member reads.
//!
//! The tests that need a server read the private cluster that
//! `scripts/test-postgres start` makes (CI starts one): its URL in
//! `KARTOTEKA_TEST_POSTGRES` (and `_RO` for the read-only role), their
//! passwords in `KARTOTEKA_TEST_POSTGRES_PASSWORD` / `_RO_PASSWORD`, and the
//! test CA in `KARTOTEKA_TEST_POSTGRES_CA`. Without them they skip, saying
//! so, or fail under `KARTOTEKA_REQUIRE_ALL`.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use kartoteka::team::connect::{
    DEFAULT_CONNECT_TIMEOUT, Environment, ServerUrl, connect, connect_with,
};

struct TestServer {
    url: String,
    password: String,
    ro_url: String,
    ro_password: String,
    ca: PathBuf,
    /// The cluster's folder, for `scripts/test-postgres pause` and `resume`.
    dir: PathBuf,
    _up: Turn,
}

/// Tests use the server together, but for one that stops it for a while:
/// it has the server alone.
static SERVER: std::sync::RwLock<()> = std::sync::RwLock::new(());

enum Turn {
    Shared(#[allow(dead_code)] std::sync::RwLockReadGuard<'static, ()>),
    Alone(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>),
}

impl TestServer {
    fn from_env(test: &str) -> Option<TestServer> {
        Self::taking(test, || {
            Turn::Shared(SERVER.read().unwrap_or_else(|e| e.into_inner()))
        })
    }

    /// The server with no other test using it, so that it may be stopped.
    fn alone(test: &str) -> Option<TestServer> {
        Self::taking(test, || {
            Turn::Alone(SERVER.write().unwrap_or_else(|e| e.into_inner()))
        })
    }

    fn taking(test: &str, turn: impl FnOnce() -> Turn) -> Option<TestServer> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let (Some(url), Some(password), Some(ro_url), Some(ro_password), Some(ca), Some(dir)) = (
            var("KARTOTEKA_TEST_POSTGRES"),
            var("KARTOTEKA_TEST_POSTGRES_PASSWORD"),
            var("KARTOTEKA_TEST_POSTGRES_RO"),
            var("KARTOTEKA_TEST_POSTGRES_RO_PASSWORD"),
            var("KARTOTEKA_TEST_POSTGRES_CA"),
            var("KARTOTEKA_TEST_POSTGRES_DIR"),
        ) else {
            return common::skip(
                test,
                "no test PostgreSQL server (run `source <(scripts/test-postgres start)`)",
            );
        };
        Some(TestServer {
            url,
            password,
            ro_url,
            ro_password,
            ca: PathBuf::from(ca),
            dir: PathBuf::from(dir),
            _up: turn(),
        })
    }

    /// Stops the server (`up: false`) or starts it again, as a server that
    /// goes down for a while and comes back.
    fn set_running(&self, up: bool) {
        assert!(
            matches!(self._up, Turn::Alone(_)),
            "only a test that has the server alone stops it"
        );
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/test-postgres");
        let status = Command::new("bash")
            .arg(script)
            .arg(if up { "resume" } else { "pause" })
            .arg(&self.dir)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// `host:port` as the error messages name it.
    fn server(&self) -> String {
        ServerUrl::parse(&self.url).unwrap().server()
    }

    fn port(&self) -> u16 {
        let server = self.server();
        server.rsplit_once(':').unwrap().1.parse().unwrap()
    }

    /// The URL with `sslmode` and, when given, the test CA.
    fn with(&self, mode: &str, ca: bool) -> String {
        with_params(&self.url, mode, ca.then_some(&self.ca))
    }

    /// The same server reached by its address, which its certificate (for
    /// `localhost`) does not name.
    fn by_address(&self, mode: &str) -> String {
        let url = self.url.replacen("@localhost:", "@127.0.0.1:", 1);
        assert_ne!(url, self.url, "the test URL should name localhost");
        with_params(&url, mode, Some(&self.ca))
    }
}

fn with_params(url: &str, mode: &str, ca: Option<&PathBuf>) -> String {
    match ca {
        Some(ca) => format!("{url}?sslmode={mode}&sslrootcert={}", ca.display()),
        None => format!("{url}?sslmode={mode}"),
    }
}

fn password(password: &str) -> Environment {
    Environment {
        password: Some(password.to_string()),
        ..Environment::default()
    }
}

fn error_line(url: &str, env: &Environment) -> String {
    match connect_with(url, env) {
        Ok(_) => panic!("connected to {url}, expected an error"),
        Err(e) => {
            let line = e.to_string();
            assert!(!line.contains('\n'), "more than one line: {line:?}");
            line
        }
    }
}

#[test]
fn verify_full_with_the_team_ca_connects_as_each_role() {
    let Some(pg) = TestServer::from_env("verify_full_with_the_team_ca_connects_as_each_role")
    else {
        return;
    };
    let mut conn = connect_with(&pg.with("verify-full", true), &password(&pg.password))
        .unwrap_or_else(|e| panic!("{e}"));
    let me = conn.identity().unwrap();
    assert_eq!(me.role, "kartoteka_rw");
    assert!(
        me.server_version.starts_with("PostgreSQL "),
        "{}",
        me.server_version
    );
    assert_eq!(conn.server(), pg.server());
    // The connection really is encrypted.
    let ssl: bool = conn
        .client()
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(ssl);

    let ro_url = with_params(&pg.ro_url, "verify-full", Some(&pg.ca));
    let mut ro = connect_with(&ro_url, &password(&pg.ro_password)).unwrap();
    assert_eq!(ro.identity().unwrap().role, "kartoteka_ro");
}

#[test]
fn verify_full_refuses_a_host_name_the_certificate_does_not_name() {
    let Some(pg) =
        TestServer::from_env("verify_full_refuses_a_host_name_the_certificate_does_not_name")
    else {
        return;
    };
    let line = error_line(&pg.by_address("verify-full"), &password(&pg.password));
    assert_eq!(
        line,
        format!(
            "the TLS certificate of 127.0.0.1:{} is not valid for the host name \"127.0.0.1\"",
            pg.port()
        )
    );
    // verify-ca checks the chain only, as in libpq: the same server is fine.
    let mut conn = connect_with(&pg.by_address("verify-ca"), &password(&pg.password))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(conn.identity().unwrap().role, "kartoteka_rw");
}

#[test]
fn without_the_team_ca_the_certificate_is_not_trusted() {
    let Some(pg) = TestServer::from_env("without_the_team_ca_the_certificate_is_not_trusted")
    else {
        return;
    };
    for mode in ["verify-full", "verify-ca"] {
        let line = error_line(&pg.with(mode, false), &password(&pg.password));
        assert_eq!(
            line,
            format!(
                "the TLS certificate of {} is not trusted: it is not signed by a CA the system \
                 trusts (give the team's CA with sslrootcert=FILE)",
                pg.server()
            )
        );
    }
    // `require` without a CA encrypts without checking, as libpq does...
    let mut conn = connect_with(&pg.with("require", false), &password(&pg.password)).unwrap();
    assert_eq!(conn.identity().unwrap().role, "kartoteka_rw");
    // So does `prefer`, the default when the URL names no sslmode (this
    // server refuses plain connections, so the TLS really happened).
    let mut conn = connect_with(&pg.url, &password(&pg.password)).unwrap();
    assert_eq!(conn.identity().unwrap().role, "kartoteka_rw");
    // ...and with a CA that did not sign the certificate, checks the chain.
    let dir = tempfile::tempdir().unwrap();
    let other_ca = dir.path().join("other-ca.crt");
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
        ])
        .args(["-subj", "/CN=Another CA", "-keyout"])
        .arg(dir.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .expect("openssl (scripts/test-postgres needs it too)");
    assert!(made.status.success());
    let line = error_line(
        &with_params(&pg.url, "require", Some(&other_ca)),
        &password(&pg.password),
    );
    assert_eq!(
        line,
        format!(
            "the TLS certificate of {} is not trusted: it is not signed by the CA in {}",
            pg.server(),
            other_ca.display()
        )
    );
}

#[test]
fn a_wrong_password_is_one_line_naming_user_and_server() {
    let Some(pg) = TestServer::from_env("a_wrong_password_is_one_line_naming_user_and_server")
    else {
        return;
    };
    let expected = format!(
        "password authentication failed for user \"kartoteka_rw\" on {}",
        pg.server()
    );
    let wrong = "wrong-horse-battery-7731";
    let line = error_line(&pg.with("verify-full", true), &password(wrong));
    assert_eq!(line, expected);
    // In the URL, the password wins over PGPASSWORD (libpq's order), and
    // the message still does not repeat it.
    let in_url = pg.with("verify-full", true).replacen(
        "kartoteka_rw@",
        &format!("kartoteka_rw:{wrong}@"),
        1,
    );
    let line = error_line(&in_url, &password(&pg.password));
    assert_eq!(line, expected);
    assert!(!line.contains(wrong));
}

#[test]
fn no_password_anywhere_says_where_one_is_looked_for() {
    let Some(pg) = TestServer::from_env("no_password_anywhere_says_where_one_is_looked_for") else {
        return;
    };
    let line = error_line(&pg.with("verify-full", true), &Environment::default());
    assert_eq!(
        line,
        format!(
            "{} asks for a password for user \"kartoteka_rw\" and none was given (URL, \
             PGPASSWORD or ~/.pgpass)",
            pg.server()
        )
    );
}

#[test]
fn a_password_file_supplies_the_password_unless_others_can_read_it() {
    let Some(pg) =
        TestServer::from_env("a_password_file_supplies_the_password_unless_others_can_read_it")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    // Another server's line first, with an escaped colon in its password,
    // then this one's by wildcard port and database.
    let text = format!(
        "# test\nelsewhere:5432:*:kartoteka_rw:no\\:pe\nlocalhost:*:*:kartoteka_rw:{}\n",
        pg.password
    );
    std::fs::write(&file, text).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let env = Environment {
        passfile: Some(file.clone()),
        ..Environment::default()
    };
    let mut conn = connect_with(&pg.with("verify-full", true), &env).unwrap();
    assert_eq!(conn.identity().unwrap().role, "kartoteka_rw");

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let line = error_line(&pg.with("verify-full", true), &env);
    assert_eq!(
        line,
        format!(
            "{} asks for a password for user \"kartoteka_rw\" and none was given (URL, \
             PGPASSWORD or ~/.pgpass); {} was ignored because others can read it (chmod 0600 it)",
            pg.server(),
            file.display()
        )
    );
}

/// Runs [`from_the_process_environment`] in a child test process with
/// the given variables: the real environment, without changing this
/// process's own while other tests read it.
fn child(vars: &[(&str, &str)], expect: &str) -> std::process::Output {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "from_the_process_environment",
        "--ignored",
        "--nocapture",
    ])
    .env_remove("PGPASSWORD")
    .env_remove("PGPASSFILE")
    .env_remove("PGUSER")
    .env("KARTOTEKA_TEST_EXPECT", expect);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn child_passed(out: &std::process::Output) -> bool {
    out.status.success() && String::from_utf8_lossy(&out.stdout).contains("1 passed")
}

#[test]
fn pgpassword_and_pgpassfile_in_the_environment_are_used() {
    let Some(pg) = TestServer::from_env("pgpassword_and_pgpassfile_in_the_environment_are_used")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = child(
        &[
            ("PGPASSWORD", &pg.password),
            ("HOME", dir.path().to_str().unwrap()),
        ],
        "role kartoteka_rw",
    );
    assert!(child_passed(&out), "{out:?}");

    let file = dir.path().join("team.pgpass");
    std::fs::write(&file, format!("*:*:*:*:{}\n", pg.password)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let passfile = file.to_str().unwrap();
    let out = child(&[("PGPASSFILE", passfile)], "role kartoteka_rw");
    assert!(child_passed(&out), "{out:?}");

    // The wrong password in PGPASSWORD comes before the right one in the
    // file, as in libpq.
    let out = child(
        &[("PGPASSWORD", "not-it"), ("PGPASSFILE", passfile)],
        "error password authentication failed",
    );
    assert!(child_passed(&out), "{out:?}");

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = child(
        &[("PGPASSFILE", passfile)],
        "error was ignored because others can read it",
    );
    assert!(child_passed(&out), "{out:?}");
}

/// The child of [`pgpassword_and_pgpassfile_in_the_environment_are_used`]:
/// connects with [`connect`], which reads the process's environment.
#[test]
#[ignore = "run by pgpassword_and_pgpassfile_in_the_environment_are_used with its variables"]
fn from_the_process_environment() {
    let Ok(expect) = std::env::var("KARTOTEKA_TEST_EXPECT") else {
        eprintln!("from_the_process_environment only runs as the child of another test");
        return;
    };
    let pg = TestServer::from_env("from_the_process_environment").expect("the test server");
    let result = connect(&pg.with("verify-full", true));
    if let Some(role) = expect.strip_prefix("role ") {
        let mut conn = result.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(conn.identity().unwrap().role, role);
    } else if let Some(text) = expect.strip_prefix("error ") {
        let Err(e) = result else {
            panic!("connected, expected an error containing {text:?}");
        };
        assert!(e.to_string().contains(text), "{e}");
    } else {
        panic!("KARTOTEKA_TEST_EXPECT={expect:?}");
    }
}

#[test]
fn a_closed_port_is_one_line_at_once() {
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = Instant::now();
    let line = error_line(
        &format!("postgres://jana@127.0.0.1:{port}/catalogue?sslmode=verify-full"),
        &password("s3cret"),
    );
    assert_eq!(
        line,
        format!("cannot reach 127.0.0.1:{port}: connection refused (is PostgreSQL running there?)")
    );
    // Refused is an answer: no waiting out the connect timeout.
    assert!(started.elapsed() < DEFAULT_CONNECT_TIMEOUT);
}

#[test]
fn a_server_without_tls_is_refused_when_tls_is_required() {
    // A stand-in server that answers the TLS request with PostgreSQL's
    // "N" (no TLS here), as one with `ssl = off` does.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::Builder::new()
        .name("no-tls-server".into())
        .spawn(move || {
            for _ in 0..2 {
                let (mut stream, _) = listener.accept().unwrap();
                let mut request = [0u8; 8];
                stream.read_exact(&mut request).unwrap();
                // SSLRequest: length 8, code 80877103.
                assert_eq!(request, [0, 0, 0, 8, 4, 210, 22, 47]);
                stream.write_all(b"N").unwrap();
            }
        })
        .unwrap();
    for mode in ["require", "verify-full"] {
        let line = error_line(
            &format!("postgres://jana@127.0.0.1:{port}/catalogue?sslmode={mode}"),
            &password("s3cret"),
        );
        assert_eq!(
            line,
            format!("127.0.0.1:{port} does not offer TLS, and sslmode={mode} requires it")
        );
    }
    server.join().unwrap();
}

#[test]
fn a_bad_url_is_one_line_without_the_password() {
    let line = error_line(
        "postgres://jana:s3cret@db.example/catalogue?sslmode=verify_full",
        &Environment::default(),
    );
    assert_eq!(
        line,
        "bad PostgreSQL URL: sslmode must be disable, prefer, require, verify-ca or verify-full, \
         not \"verify_full\""
    );
    let line = error_line(
        "postgres://jana:s3cret@db.example/catalogue?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        &Environment::default(),
    );
    assert!(
        line.starts_with("cannot read the CA certificates in /nonexistent/ca.pem: "),
        "{line}"
    );
    assert!(!line.contains("s3cret"));
}

// ---------------------------------------------------------------------
// team create, join and status, through the real binary.
// ---------------------------------------------------------------------

/// The team catalogue lives in one schema (`kartoteka`) of the one test
/// database, and the test roles may not create databases: the tests that
/// make one take turns, each starting from a database without it.
static TEAM_SCHEMA: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A turn with the test database, emptied of any team catalogue.
struct Team {
    pg: TestServer,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Team {
    fn new(test: &str) -> Option<Team> {
        Self::with(TestServer::from_env(test)?)
    }

    /// A turn with the server no other test uses, which may stop it.
    fn alone(test: &str) -> Option<Team> {
        Self::with(TestServer::alone(test)?)
    }

    fn with(pg: TestServer) -> Option<Team> {
        let turn = TEAM_SCHEMA.lock().unwrap_or_else(|e| e.into_inner());
        let team = Team { pg, _turn: turn };
        team.sql("DROP SCHEMA IF EXISTS kartoteka CASCADE", &[]);
        Some(team)
    }

    /// The URL with full certificate checks against the test CA.
    fn url(&self) -> String {
        self.pg.with("verify-full", true)
    }

    fn ro_url(&self) -> String {
        with_params(&self.pg.ro_url, "verify-full", Some(&self.pg.ca))
    }

    /// Runs SQL as the read-write role, as an administrator (or an
    /// attacker with that role's password) would.
    fn sql(&self, sql: &str, params: &[&(dyn postgres::types::ToSql + Sync)]) -> u64 {
        let mut conn = connect_with(&self.url(), &password(&self.pg.password)).unwrap();
        conn.client().execute(sql, params).unwrap()
    }

    /// `kartoteka --catalog <env's catalogue>` with the rw password and no
    /// team URL from the environment.
    fn command(&self, env: &common::Env) -> Command {
        let mut cmd = env.cmd();
        cmd.env("PGPASSWORD", &self.pg.password)
            .env_remove("PGPASSFILE")
            .env_remove("KARTOTEKA_TEAM_URL");
        cmd
    }

    /// `kartoteka --catalog <env's catalogue> ARGS` with the rw password.
    fn run(&self, env: &common::Env, args: &[&std::ffi::OsStr]) -> std::process::Output {
        self.command(env).args(args).output().unwrap()
    }

    fn ok(&self, env: &common::Env, args: &[&str]) -> String {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        let out = self.run(env, &args);
        assert!(
            out.status.success(),
            "kartoteka {args:?} failed: {}",
            common::stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A command that must fail with one line on standard error.
    fn refused(&self, env: &common::Env, args: &[&str]) -> String {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        let out = self.run(env, &args);
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        err.trim_end().to_string()
    }

    /// The described archive, published as the team's catalogue.
    fn publish(&self) -> common::Env {
        let (a, _) = described_archive();
        self.ok(&a, &["team", "create", &self.url()]);
        a
    }

    /// A new member's replica, joined as `name` (the role's name without).
    fn member(&self, name: Option<&str>) -> common::Env {
        let mut env = common::Env::new();
        env.catalog = env.path("replica.kartoteka");
        let url = self.url();
        let mut args = vec!["team", "join", &url];
        if let Some(name) = name {
            args.extend(["--as", name]);
        }
        self.ok(&env, &args);
        env
    }

    fn status(&self, env: &common::Env) -> serde_json::Value {
        serde_json::from_str(&self.ok(env, &["team", "status", &self.url(), "--json"])).unwrap()
    }
}

const CAPTION_CS: &str = "Odchod sovětských vojsk, Milovice 1991";
const CAPTION_RU: &str = "Вывод войск";

/// A catalogue of the archive fixtures under `nas/1991`, described and
/// curated: captions in Czech and Russian, a keyword, a set, an author.
fn described_archive() -> (common::Env, PathBuf) {
    let env = common::Env::new();
    let nas = env.path("nas");
    std::fs::create_dir_all(nas.join("1991")).unwrap();
    for f in [
        "archive/treaty-signing.jpg",
        "archive/shopping-bags-formation.jpg",
        "archive/dormitory-sewing.jpg",
    ] {
        let from = common::fixtures().join(f);
        std::fs::copy(&from, nas.join("1991").join(from.file_name().unwrap())).unwrap();
    }
    assert!(env.import(&[&nas]).status.success());
    env.ok(["author", "Dana Kyndrová"]);
    env.ok([
        "edit",
        "path:treaty",
        "--set",
        &format!("caption={CAPTION_CS}"),
    ]);
    env.ok([
        "edit",
        "path:shopping",
        "--set",
        &format!("caption={CAPTION_RU}"),
    ]);
    env.ok([
        "edit",
        "path:treaty",
        "--add-keyword",
        "Místa|Československo|Milovice",
    ]);
    env.ok(["set", "create", "Odchod 1991"]);
    env.ok(["set", "add", "Odchod 1991", "path:treaty OR path:shopping"]);
    (env, nas)
}

fn by_hash(photos: &[serde_json::Value]) -> std::collections::BTreeMap<String, serde_json::Value> {
    photos
        .iter()
        .map(|p| (p["hash"].as_str().unwrap().to_string(), p.clone()))
        .collect()
}

fn thumbnails_of(catalogue: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let stem = catalogue.file_stem().unwrap().to_str().unwrap();
    let path = catalogue.with_file_name(format!("{stem}.thumbnails.sqlite"));
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT hash, jpeg FROM thumbnail ORDER BY hash")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_joined_replica_holds_the_team_catalogue_where_this_machine_mounts_the_store() {
    let Some(team) =
        Team::new("a_joined_replica_holds_the_team_catalogue_where_this_machine_mounts_the_store")
    else {
        return;
    };
    let (a, nas) = described_archive();
    let history_before = a.ok(["history"]);
    let created = team.ok(&a, &["team", "create", &team.url()]);
    assert!(
        created.starts_with(
            "published this catalogue as the team catalogue in database kartoteka_team on "
        ),
        "{created}"
    );
    assert!(created.contains(": 3 photos, "), "{created}");
    // Publishing only read the catalogue.
    assert_eq!(a.ok(["history"]), history_before);

    let mut b = common::Env::new();
    b.catalog = b.path("Jana/tým.kartoteka");
    let root = format!("{}=/mnt/archiv", nas.display());
    let joined = team.ok(
        &b,
        &[
            "team",
            "join",
            &team.url(),
            "--root",
            &root,
            "--as",
            "Jana Nováková",
        ],
    );
    assert!(
        joined.starts_with("joined the team catalogue in database kartoteka_team on "),
        "{joined}"
    );
    assert!(
        joined.contains("as \"Jana Nováková\": 3 photos (3 mapped by --root)"),
        "{joined}"
    );

    // The same photos, known by content hash, under this machine's root.
    let (theirs, mine) = (by_hash(&a.list()), by_hash(&b.list()));
    assert_eq!(theirs.len(), 3);
    assert_eq!(
        theirs.keys().collect::<Vec<_>>(),
        mine.keys().collect::<Vec<_>>()
    );
    for (hash, photo) in &theirs {
        let path = photo["path"].as_str().unwrap();
        let rest = path.strip_prefix(nas.to_str().unwrap()).unwrap();
        assert_eq!(mine[hash]["path"], format!("/mnt/archiv{rest}"));
        for key in [
            "caption",
            "title",
            "keywords",
            "hierarchical_keywords",
            "id",
        ] {
            assert_eq!(mine[hash][key], photo[key], "{key} of {path}");
        }
    }
    let captions: Vec<&str> = mine
        .values()
        .filter_map(|p| p["caption"].as_str())
        .collect();
    assert!(captions.contains(&CAPTION_CS), "{captions:?}");
    assert!(captions.contains(&CAPTION_RU), "{captions:?}");
    assert_eq!(
        b.ok(["search", "войск", "--paths"]).trim(),
        "/mnt/archiv/1991/shopping-bags-formation.jpg"
    );
    assert_eq!(
        b.ok(["search", "keyword:Československo", "--paths"]).trim(),
        "/mnt/archiv/1991/treaty-signing.jpg"
    );
    assert_eq!(
        b.ok(["set", "show", "Odchod 1991"]),
        a.ok(["set", "show", "Odchod 1991"])
            .replace(nas.to_str().unwrap(), "/mnt/archiv")
    );
    // The history came along, with its author.
    let history = b.ok(["history"]);
    assert_eq!(history, history_before);
    assert!(history.contains("Dana Kyndrová"), "{history}");
    // And the thumbnails, so photos can be browsed without the store.
    let thumbs = thumbnails_of(&b.catalog);
    assert_eq!(thumbs.len(), 3);
    assert_eq!(thumbs, thumbnails_of(&a.catalog));
    // Nothing else was left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(b.path("Jana"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm") && !n.ends_with(".search-columns"))
        .collect();
    names.sort();
    assert_eq!(names, ["tým.kartoteka", "tým.thumbnails.sqlite"]);

    // A replica of its own, with its author; both are members.
    assert_eq!(b.ok(["author"]).trim(), "Jana Nováková");
    let (sa, sb) = (team.status(&a), team.status(&b));
    let (ra, rb) = (
        sa["replica"].as_str().unwrap(),
        sb["replica"].as_str().unwrap(),
    );
    assert_ne!(
        ra, rb,
        "a joined copy must not share the creator's replica id"
    );
    assert_eq!(rb.len(), 32);
    assert_eq!(sa["member"], true);
    assert_eq!(sb["member"], true);
    // The snapshot holds every operation the creator made; the member has
    // made none yet.
    assert_eq!((&sa["waiting"], &sb["waiting"]), (&0.into(), &0.into()));
    let members = sb["members"].as_array().unwrap();
    let authors: Vec<(&str, &str, &str)> = members
        .iter()
        .map(|m| {
            (
                m["replica"].as_str().unwrap(),
                m["author"].as_str().unwrap(),
                m["role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        authors,
        [
            (ra, "Dana Kyndrová", "kartoteka_rw"),
            (rb, "Jana Nováková", "kartoteka_rw")
        ]
    );
    let snapshot = &sb["snapshots"][0];
    assert_eq!(snapshot["photos"], 3);
    assert_eq!(snapshot["made_by"], ra);
    // It holds the creator's operations, up to the last one.
    assert_eq!(snapshot["includes"][0]["replica"], ra);
    assert_eq!(snapshot["includes"][0]["up_to_seq"], 5);
    // The new replica's own operations are numbered apart from them.
    b.ok(["edit", "path:dormitory", "--set", "city=Olomouc"]);
    let text = team.ok(&b, &["team", "status", &team.url()]);
    assert!(
        text.contains(&format!(
            "this replica: {rb} (a member), 1 operation made here not on the server yet\n"
        )),
        "{text}"
    );
    // Both catalogues keep the server's URL for the team's commands.
    assert!(
        joined.ends_with(
            "\nthe catalogue keeps the server's URL: the team commands need it no more\n"
        ),
        "{joined}"
    );
    assert_eq!(team.ok(&b, &["team", "status"]), text);
    assert!(
        team.ok(&a, &["team", "status"])
            .contains(&format!("this replica: {ra} (a member)"))
    );
    // Undo takes back the member's own edit, and never the creator's.
    let undid = b.ok(["undo"]);
    assert!(undid.contains("City on 1 photo"), "{undid}");
    assert_eq!(b.ok(["undo"]).trim(), "nothing to undo");
    assert!(
        b.ok(["search", "caption:Milovice"])
            .contains("treaty-signing")
    );
}

#[test]
fn joining_never_replaces_a_file() {
    let Some(team) = Team::new("joining_never_replaces_a_file") else {
        return;
    };
    let a = team.publish();
    let b = common::Env::new();
    std::fs::write(&b.catalog, "my notes").unwrap();
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        format!(
            "kartoteka: no catalogue was made: {} already exists; team join makes a new catalogue \
             and never replaces a file",
            b.catalog.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&b.catalog).unwrap(), "my notes");
    // Nor the thumbnail store that would go beside it.
    std::fs::remove_file(&b.catalog).unwrap();
    let thumbs = b.path("test.thumbnails.sqlite");
    std::fs::write(&thumbs, "a photo, perhaps").unwrap();
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert!(
        line.contains(&format!("{} already exists", thumbs.display())),
        "{line}"
    );
    assert!(!b.catalog.exists());
    // Nor a place where the team's photos are on this machine.
    std::fs::remove_file(&thumbs).unwrap();
    let mut c = common::Env::new();
    c.catalog = c.path("archiv/1991/treaty-signing.jpg");
    let root = format!("{}={}", a.path("nas").display(), c.path("archiv").display());
    let line = team.refused(&c, &["team", "join", &team.url(), "--root", &root]);
    assert!(
        line.contains("treaty-signing.jpg is where the team's photo "),
        "{line}"
    );
    assert!(
        line.ends_with(" is on this machine; choose another place for the catalogue"),
        "{line}"
    );
    assert_eq!(std::fs::read_dir(c.path("archiv/1991")).unwrap().count(), 0);
}

#[test]
fn a_database_holds_one_team_catalogue() {
    let Some(team) = Team::new("a_database_holds_one_team_catalogue") else {
        return;
    };
    let a = team.publish();
    let other = common::Env::new();
    let line = team.refused(&other, &["team", "create", &team.url()]);
    assert_eq!(
        line,
        format!(
            "kartoteka: database kartoteka_team on {} already holds a team catalogue; nothing was changed",
            team.pg.server()
        )
    );
    assert_eq!(team.status(&a)["snapshots"].as_array().unwrap().len(), 1);
}

#[test]
fn a_read_only_role_may_not_create_a_team_catalogue() {
    let Some(team) = Team::new("a_read_only_role_may_not_create_a_team_catalogue") else {
        return;
    };
    let (a, _) = described_archive();
    let out = a
        .cmd()
        .args(["team", "create", &team.ro_url()])
        .env("PGPASSWORD", &team.pg.ro_password)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        common::stderr(&out),
        format!(
            "kartoteka: role \"kartoteka_ro\" may not create a team catalogue in database \
             kartoteka_team on {} (permission denied to create a schema); nothing was changed\n",
            team.pg.server()
        )
    );
    let line = team.refused(&a, &["team", "status", &team.url()]);
    assert!(
        line.contains("there is no team catalogue in database kartoteka_team"),
        "{line}"
    );
}

#[test]
fn a_damaged_snapshot_is_refused_and_leaves_nothing_behind() {
    let Some(team) = Team::new("a_damaged_snapshot_is_refused_and_leaves_nothing_behind") else {
        return;
    };
    let _a = team.publish();
    // Two bytes of the catalogue's first chunk changed on the server.
    let changed = team.sql(
        "UPDATE kartoteka.snapshot_chunk SET data = overlay(data PLACING $1 FROM 200)
         WHERE kind = 'catalogue' AND n = 0",
        &[&&b"\x00\x01"[..]],
    );
    assert_eq!(changed, 1);
    let b = common::Env::new();
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        "kartoteka: no catalogue was made: the team's snapshot (catalogue) is damaged: its BLAKE3 \
         hash is not the one stored with it; nothing was written"
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);

    // A chunk gone is caught before any hash.
    team.sql(
        "DELETE FROM kartoteka.snapshot_chunk WHERE kind = 'catalogue' AND n = 0",
        &[],
    );
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        "kartoteka: no catalogue was made: the team's snapshot (catalogue) is damaged: chunk 0 \
         of 1 is missing; nothing was written"
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
}

/// Replaces the team's catalogue snapshot with `bytes`, with a length and
/// hash that match: what an attacker with the rw role could do.
fn replace_catalogue_snapshot(team: &Team, bytes: &[u8]) {
    team.sql(
        "DELETE FROM kartoteka.snapshot_chunk WHERE kind = 'catalogue'",
        &[],
    );
    let hash = blake3::hash(bytes).to_hex().to_string();
    let chunks = bytes.chunks(1 << 20).count() as i32;
    team.sql(
        "UPDATE kartoteka.snapshot_file SET bytes = $1, blake3 = $2, chunks = $3 WHERE kind = 'catalogue'",
        &[&(bytes.len() as i64), &hash, &chunks],
    );
    for (n, chunk) in bytes.chunks(1 << 20).enumerate() {
        team.sql(
            "INSERT INTO kartoteka.snapshot_chunk (snapshot, kind, n, data)
             SELECT id, 'catalogue', $1, $2 FROM kartoteka.snapshot",
            &[&(n as i32), &chunk],
        );
    }
}

#[test]
fn a_hostile_snapshot_with_a_sound_hash_is_refused() {
    let Some(team) = Team::new("a_hostile_snapshot_with_a_sound_hash_is_refused") else {
        return;
    };
    let a = team.publish();
    // The team's own snapshot with a trigger slipped in that would run
    // inside every caption the new member writes.
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("hostile.kartoteka");
    {
        let conn = rusqlite::Connection::open(&a.catalog).unwrap();
        conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        let hostile = rusqlite::Connection::open(&copy).unwrap();
        hostile
            .execute_batch(
                "CREATE TRIGGER exfiltrate AFTER UPDATE ON photo BEGIN
                     UPDATE photo SET note = 'owned';
                 END;",
            )
            .unwrap();
    }
    replace_catalogue_snapshot(&team, &std::fs::read(&copy).unwrap());
    let b = common::Env::new();
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        "kartoteka: no catalogue was made: the team's snapshot (catalogue) was refused: it holds \
         trigger exfiltrate, which Kartoteka's schema for it does not have; nothing was written"
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);

    // Not a database at all.
    replace_catalogue_snapshot(&team, "Odchod sovětských vojsk".repeat(400).as_bytes());
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        "kartoteka: no catalogue was made: the team's snapshot (catalogue) was refused: it is not a \
         Kartoteka catalogue; nothing was written"
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
}

#[test]
fn a_read_only_role_joins_with_the_grants_the_readme_gives_without_becoming_a_member() {
    let Some(team) = Team::new(
        "a_read_only_role_joins_with_the_grants_the_readme_gives_without_becoming_a_member",
    ) else {
        return;
    };
    let _a = team.publish();
    let ro = |env: &common::Env, args: &[&str]| {
        env.cmd()
            .args(args)
            .env("PGPASSWORD", &team.pg.ro_password)
            .output()
            .unwrap()
    };
    // Before IT grants anything, one line saying so.
    let b = common::Env::new();
    let out = ro(&b, &["team", "join", &team.ro_url()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        common::stderr(&out),
        format!(
            "kartoteka: no catalogue was made: role \"kartoteka_ro\" may not read the team catalogue \
             in database kartoteka_team on {} (permission denied for schema kartoteka); the team's \
             administrator grants it\n",
            team.pg.server()
        )
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
    // The README's grants for a read-only role.
    team.sql("GRANT USAGE ON SCHEMA kartoteka TO kartoteka_ro", &[]);
    team.sql(
        "GRANT SELECT ON ALL TABLES IN SCHEMA kartoteka TO kartoteka_ro",
        &[],
    );
    let out = ro(&b, &["team", "join", &team.ro_url()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        common::stderr(&out),
        "kartoteka: role \"kartoteka_ro\" may only read the team catalogue; this replica is not \
         listed among its members\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("as \"kartoteka_ro\": 3 photos"),
        "{out:?}"
    );
    assert_eq!(b.list().len(), 3);
    let out = ro(&b, &["team", "status", &team.ro_url(), "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["member"], false);
    assert_eq!(status["role"], "kartoteka_ro");
    assert_eq!(status["members"].as_array().unwrap().len(), 1);
}

/// The team's catalogue made into a copy whose first photo's file (or
/// sidecar) is at `path`: a snapshot that passes every schema check, with
/// hostile content.
fn with_first_photo_at(a: &common::Env, column: &str, path: &[u8]) -> Vec<u8> {
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("hostile.kartoteka");
    let conn = rusqlite::Connection::open(&a.catalog).unwrap();
    conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
    let hostile = rusqlite::Connection::open(&copy).unwrap();
    let changed = hostile
        .execute(
            &format!("UPDATE photo SET {column} = ?1 WHERE id = (SELECT min(id) FROM photo)"),
            [path],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(hostile);
    std::fs::read(&copy).unwrap()
}

#[test]
fn a_snapshot_whose_photos_point_at_the_catalogues_own_files_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let Some(team) =
        Team::new("a_snapshot_whose_photos_point_at_the_catalogues_own_files_is_refused")
    else {
        return;
    };
    let a = team.publish();
    let b = common::Env::new();
    let id: i64 = rusqlite::Connection::open(&a.catalog)
        .unwrap()
        .query_row("SELECT min(id) FROM photo", [], |r| r.get(0))
        .unwrap();
    let catalogue = b.catalog.display().to_string();
    let thumbs = b.path("test.thumbnails.sqlite").display().to_string();
    // The same folder by another name.
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("link");
    std::os::unix::fs::symlink(b.dir.path(), &link).unwrap();
    let on_photo = |path: &str| {
        format!(
            "kartoteka: no catalogue was made: {path} is where the team's photo {id} is on this \
             machine; choose another place for the catalogue"
        )
    };
    let unfit = |path: &str, reason: &str| {
        format!(
            "kartoteka: no catalogue was made: the team's snapshot gives photo {id} the path \
             \"{path}\", which is {reason}; a team catalogue's photos are at absolute paths; nothing \
             was written"
        )
    };
    let by_link = format!("{}/test.search-columns", link.display());
    let climbing = format!("{}/1991/../test.kartoteka", b.dir.path().display());
    for (column, path, expected) in [
        ("path", catalogue.clone(), on_photo(&catalogue)),
        (
            "path",
            format!("{catalogue}-wal"),
            on_photo(&format!("{catalogue}-wal")),
        ),
        ("sidecar_path", thumbs.clone(), on_photo(&thumbs)),
        (
            "sidecar_path",
            format!("{thumbs}-shm"),
            on_photo(&format!("{thumbs}-shm")),
        ),
        ("path", by_link.clone(), on_photo(&by_link)),
        (
            "path",
            climbing.clone(),
            unfit(&climbing, "one that climbs out of a folder with .."),
        ),
        (
            "sidecar_path",
            "notes/.bashrc".to_owned(),
            unfit("notes/.bashrc", "relative"),
        ),
        ("path", String::new(), unfit("", "empty")),
        (
            "path",
            "\u{1b}[2Jphoto.jpg".to_owned(),
            unfit("\\x1b[2Jphoto.jpg", "relative"),
        ),
    ] {
        replace_catalogue_snapshot(
            &team,
            &with_first_photo_at(&a, column, std::ffi::OsStr::new(&path).as_bytes()),
        );
        let line = team.refused(&b, &["team", "join", &team.url()]);
        assert_eq!(line, expected, "{column} = {path:?}");
        assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
    }
}

#[test]
fn a_snapshot_that_claims_impossible_sizes_is_refused_at_once() {
    let Some(team) = Team::new("a_snapshot_that_claims_impossible_sizes_is_refused_at_once") else {
        return;
    };
    let _a = team.publish();
    let b = common::Env::new();
    let refused = |change: &str, undo: &str| {
        team.sql(
            &format!("UPDATE kartoteka.snapshot_file SET {change} WHERE kind = 'thumbnails'"),
            &[],
        );
        let line = team.refused(&b, &["team", "join", &team.url()]);
        assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
        team.sql(
            &format!("UPDATE kartoteka.snapshot_file SET {undo} WHERE kind = 'thumbnails'"),
            &[],
        );
        line
    };
    let prefix = "kartoteka: no catalogue was made: the team's snapshot (thumbnails) is damaged: ";

    // A terabyte more, with the chunks to match: refused before a byte is
    // written, not when the disk is full.
    let line = refused(
        "bytes = bytes + 1099511627776, chunks = chunks + 1048576",
        "bytes = bytes - 1099511627776, chunks = chunks - 1048576",
    );
    assert!(
        line.starts_with("kartoteka: no catalogue was made: the team's snapshot is "),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            " bytes free in {}; nothing was written",
            b.dir.path().display()
        )),
        "{line}"
    );

    // What the table's checks forbid, a role that owns the tables can allow.
    team.sql(
        "ALTER TABLE kartoteka.snapshot_file DROP CONSTRAINT snapshot_file_bytes_check,
         DROP CONSTRAINT snapshot_file_chunks_check",
        &[],
    );
    let line = refused("bytes = -1 - bytes", "bytes = -1 - bytes");
    assert!(line.starts_with(&format!("{prefix}it claims -")), "{line}");
    let line = refused("chunks = -1 - chunks", "chunks = -1 - chunks");
    assert!(line.starts_with(&format!("{prefix}it claims -")), "{line}");
    assert!(line.ends_with(" bytes; nothing was written"), "{line}");
    // More chunks than the length needs, each there.
    team.sql(
        "INSERT INTO kartoteka.snapshot_chunk (snapshot, kind, n, data)
         SELECT snapshot, kind, n + 1000, data FROM kartoteka.snapshot_chunk
         WHERE kind = 'thumbnails'",
        &[],
    );
    let line = refused("chunks = chunks + 1000", "chunks = chunks - 1000");
    assert!(line.starts_with(&format!("{prefix}it claims ")), "{line}");

    // Each change undone, the snapshot joins: it was the change refused.
    let c = common::Env::new();
    team.ok(&c, &["team", "join", &team.url()]);

    // A chunk of 64 MiB is refused by its length, without being fetched.
    team.sql(
        "UPDATE kartoteka.snapshot_chunk SET data = convert_to(repeat('x', 67108864), 'UTF8')
         WHERE kind = 'thumbnails' AND n = 0",
        &[],
    );
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert_eq!(
        line,
        format!(
            "{prefix}chunk 0 holds 67108864 bytes, more than a chunk may (1048576); nothing was written"
        )
    );
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
}

#[test]
fn what_a_server_says_cannot_forge_lines_or_send_terminal_escapes() {
    let Some(team) = Team::new("what_a_server_says_cannot_forge_lines_or_send_terminal_escapes")
    else {
        return;
    };
    let a = team.publish();
    // A member with escapes and line breaks everywhere the table allows
    // once its owner drops the check on replica ids.
    team.sql(
        "ALTER TABLE kartoteka.member DROP CONSTRAINT member_replica_check",
        &[],
    );
    team.sql(
        "INSERT INTO kartoteka.member (replica, author, role) VALUES ($1, $2, $3)",
        &[
            &"\u{1b}[2J\nsnapshots:",
            &"Eve\u{1b}]0;owned\u{7}\nmembers:",
            &"\u{1b}[31mrw",
        ],
    );
    let text = team.ok(&a, &["team", "status", &team.url()]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    // Two lines of header, members: and two, snapshots: and one.
    assert_eq!(text.lines().count(), 7, "{text}");
    assert_eq!(text.matches("snapshots:").count(), 2, "{text}");
    assert!(text.contains("\\x1b[2J\\x0asnapshots:"), "{text}");

    // The server's own error messages too.
    team.sql(
        "CREATE FUNCTION kartoteka.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION E'\\x1b[2Jowned\\x07'; END $$",
        &[],
    );
    team.sql(
        "CREATE TRIGGER refuse BEFORE INSERT ON kartoteka.member
         FOR EACH ROW EXECUTE FUNCTION kartoteka.refuse()",
        &[],
    );
    let b = common::Env::new();
    let line = team.refused(&b, &["team", "join", &team.url()]);
    assert!(line.ends_with("ERROR: \\x1b[2Jowned\\x07"), "{line:?}");
    assert_eq!(std::fs::read_dir(b.dir.path()).unwrap().count(), 0);
}

/// The working folders in `dir` that joins made, by name.
fn working_folders(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".kartoteka-join-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_join_killed_in_the_middle_leaves_what_the_next_join_removes() {
    let Some(team) = Team::new("a_join_killed_in_the_middle_leaves_what_the_next_join_removes")
    else {
        return;
    };
    let a = team.publish();
    let b = common::Env::new();

    // The server holds the snapshot's chunks locked, so the join waits in
    // the middle of its download, and is killed there.
    let mut holder = connect_with(&team.url(), &password(&team.pg.password)).unwrap();
    let mut held = holder.client().transaction().unwrap();
    held.batch_execute("LOCK TABLE kartoteka.snapshot_chunk IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let mut join = team
        .command(&b)
        .args(["team", "join", &team.url()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let working = loop {
        let found = working_folders(b.dir.path());
        if let [name] = found.as_slice()
            && b.path(name).join("join.lock").exists()
        {
            break b.path(name);
        }
        assert!(
            started.elapsed().as_secs() < 60,
            "the join never began its download: {found:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    join.kill().unwrap(); // SIGKILL
    join.wait().unwrap();
    held.rollback().unwrap();
    assert!(working.is_dir(), "a killed join cannot clean up");
    assert!(!b.catalog.exists());

    // Beside it: a join still running (its lock held here), a folder of
    // that name without a lock, and a link to a killed join's folder.
    let running = b.path(".kartoteka-join-running");
    std::fs::create_dir(&running).unwrap();
    let lock = std::fs::File::create(running.join("join.lock")).unwrap();
    lock.lock().unwrap();
    let no_lock = b.path(".kartoteka-join-mine");
    std::fs::create_dir(&no_lock).unwrap();
    std::fs::write(no_lock.join("notes.txt"), "kept").unwrap();
    let elsewhere = a.path("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::File::create(elsewhere.join("join.lock")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, b.path(".kartoteka-join-link")).unwrap();

    let url = team.url();
    let args = ["team", "join", &url].map(std::ffi::OsStr::new);
    let out = team.run(&b, &args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        common::stderr(&out).trim_end(),
        format!(
            "kartoteka: removed the leftovers of 1 interrupted join from {}",
            b.dir.path().display()
        )
    );
    assert!(!working.exists());
    assert_eq!(
        working_folders(b.dir.path()),
        [
            ".kartoteka-join-link",
            ".kartoteka-join-mine",
            ".kartoteka-join-running"
        ]
    );
    assert!(elsewhere.join("join.lock").exists());
    assert_eq!(
        b.ok(["stats"]).lines().next().unwrap(),
        a.ok(["stats"]).lines().next().unwrap()
    );
    drop(lock);
}

#[test]
fn a_url_with_a_password_is_used_but_never_kept() {
    let Some(team) = Team::new("a_url_with_a_password_is_used_but_never_kept") else {
        return;
    };
    let (a, _) = described_archive();
    // Before any team: a command without a URL says where one comes from.
    let line = team.refused(&a, &["team", "status"]);
    assert_eq!(
        line,
        "kartoteka: this catalogue belongs to no team it knows of: give the server's URL, or \
         set KARTOTEKA_TEAM_URL"
    );
    let secret = &team.pg.password;
    let with_password = team
        .url()
        .replacen("kartoteka_rw@", &format!("kartoteka_rw:{secret}@"), 1);
    assert_ne!(with_password, team.url());
    let args = ["team", "create", &with_password].map(std::ffi::OsStr::new);
    let out = team.run(&a, &args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        common::stderr(&out).trim_end(),
        "kartoteka: the catalogue does not keep the server's URL, since it holds a password; \
         give it to each team command, or set KARTOTEKA_TEAM_URL"
    );
    assert!(!String::from_utf8(out.stdout).unwrap().contains("keeps"));
    team.refused(&a, &["team", "status"]);
    // The URL works when given; the password is in none of the files.
    assert!(
        team.ok(&a, &["team", "status", &with_password])
            .contains("(a member)")
    );
    for file in std::fs::read_dir(a.dir.path()).unwrap() {
        let file = file.unwrap().path();
        if file.is_file() {
            let bytes = std::fs::read(&file).unwrap();
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} holds the password",
                file.display()
            );
        }
    }

    // A CA file named from the folder the command ran in is not kept.
    let b = common::Env::new();
    std::fs::copy(&team.pg.ca, b.path("ca.crt")).unwrap();
    let relative = with_params(&team.pg.url, "verify-full", Some(&PathBuf::from("ca.crt")));
    let out = team
        .command(&b)
        .args(["team", "join", &relative])
        .current_dir(b.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("since its sslrootcert is a relative path;"),
        "{}",
        common::stderr(&out)
    );
    team.refused(&b, &["team", "status"]);
}

// ---------------------------------------------------------------------
// sync: push and pull, merged field by field.
// ---------------------------------------------------------------------

/// What SQLite's `integrity_check` says of `env`'s catalogue.
fn integrity(env: &common::Env) -> String {
    rusqlite::Connection::open(&env.catalog)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A photo of `env` by a path fragment, as `show` gives it.
fn photo(env: &common::Env, fragment: &str) -> serde_json::Value {
    let list = env.list();
    list.iter()
        .find(|p| p["path"].as_str().unwrap().contains(fragment))
        .unwrap_or_else(|| panic!("no photo at *{fragment}*"))
        .clone()
}

/// The claims of a photo's field: (value, preferred, note).
fn claims_of(env: &common::Env, fragment: &str, field: &str) -> Vec<(String, bool, String)> {
    let id = photo(env, fragment)["id"].to_string();
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(["claim", "list", &id, "--json"])).unwrap();
    let mut out: Vec<(String, bool, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == field)
        .map(|c| {
            (
                c["value"].as_str().unwrap_or_default().to_string(),
                c["preferred"].as_bool().unwrap(),
                c["note"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn sync_brings_each_replicas_edits_to_the_other_and_keeps_both_sides_of_a_conflict() {
    let Some(team) = Team::new(
        "sync_brings_each_replicas_edits_to_the_other_and_keeps_both_sides_of_a_conflict",
    ) else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));

    // Different fields, one from each side: both arrive.
    a.ok([
        "edit",
        "path:dormitory",
        "--set",
        "caption=Šití na ubytovně",
    ]);
    b.ok(["edit", "path:dormitory", "--rating", "4"]);
    b.ok(["edit", "path:dormitory", "--add-keyword", "Lidé|Vojáci"]);
    let out = team.ok(&a, &["sync"]);
    assert!(
        out.contains("sent 1 operation, merged 0 operations;"),
        "{out}"
    );
    let out = team.ok(&b, &["sync"]);
    assert!(
        out.contains("sent 2 operations, merged 1 operation;"),
        "{out}"
    );
    assert!(out.contains("; 0 waiting here"), "{out}");
    let out = team.ok(&a, &["sync"]);
    assert!(
        out.contains("sent 0 operations, merged 2 operations;"),
        "{out}"
    );
    for env in [&a, &b] {
        let p = photo(env, "dormitory");
        assert_eq!(p["caption"], "Šití na ubytovně");
        assert_eq!(p["rating"], 4);
        let keywords = p["hierarchical_keywords"].as_array().unwrap();
        assert!(keywords.contains(&"Lidé|Vojáci".into()), "{keywords:?}");
    }
    assert_eq!(
        photo(&a, "dormitory")["keywords"],
        photo(&b, "dormitory")["keywords"]
    );
    assert_eq!(
        photo(&a, "dormitory")["hierarchical_keywords"],
        photo(&b, "dormitory")["hierarchical_keywords"]
    );
    // Again: nothing new either way.
    let out = team.ok(&b, &["sync"]);
    assert!(
        out.contains("sent 0 operations, merged 0 operations;"),
        "{out}"
    );
    // A colleague's operation is in the history under their name, and undo
    // passes it by.
    let history = a.ok(["history"]);
    assert!(history.contains("Jana Nováková"), "{history}");
    assert_eq!(photo(&a, "dormitory")["rating"], 4);

    // The same field changed on both while apart: the later value stands
    // on both, and both values stay as claims naming who and when (none
    // preferred: the field shows the later one).
    a.ok(["edit", "path:treaty", "--set", "caption=Podpis smlouvy"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    b.ok([
        "edit",
        "path:treaty",
        "--set",
        "caption=Подписание договора",
    ]);
    team.ok(&a, &["sync"]);
    let out = team.ok(&b, &["sync"]);
    assert!(out.contains("1 conflict kept as claims"), "{out}");
    let out = team.ok(&a, &["sync"]);
    assert!(out.contains("1 conflict kept as claims"), "{out}");
    for env in [&a, &b] {
        assert_eq!(photo(env, "treaty")["caption"], "Подписание договора");
        let claims = claims_of(env, "treaty", "caption");
        assert_eq!(claims.len(), 2, "{claims:?}");
        let (theirs, ours) = (&claims[1], &claims[0]);
        assert_eq!(
            (theirs.0.as_str(), theirs.1),
            ("Подписание договора", false)
        );
        assert!(theirs.2.starts_with("Jana Nováková, "), "{theirs:?}");
        assert_eq!((ours.0.as_str(), ours.1), ("Podpis smlouvy", false));
        assert!(ours.2.starts_with("Dana Kyndrová, "), "{ours:?}");
        assert_eq!(
            env.ok(["search", "disputed:caption", "--paths"])
                .lines()
                .count(),
            1
        );
    }
    assert_eq!(
        claims_of(&a, "treaty", "caption"),
        claims_of(&b, "treaty", "caption")
    );

    // An edit made knowing the other's is no conflict.
    a.ok(["edit", "path:shopping", "--set", "city=Milovice"]);
    team.ok(&a, &["sync"]);
    team.ok(&b, &["sync"]);
    b.ok(["edit", "path:shopping", "--set", "city=Mladá Boleslav"]);
    let out = team.ok(&b, &["sync"]);
    assert!(!out.contains("conflict"), "{out}");
    let out = team.ok(&a, &["sync"]);
    assert!(!out.contains("conflict"), "{out}");
    assert_eq!(photo(&a, "shopping")["city"], "Mladá Boleslav");
    assert!(claims_of(&a, "shopping", "city").is_empty());
}

/// Every photo's keywords, by its path, as `show` gives them: hierarchical
/// and flat.
fn keywords_by_photo(env: &common::Env) -> serde_json::Value {
    let mut photos = serde_json::Map::new();
    for p in env.list() {
        let name = p["path"].as_str().unwrap().rsplit('/').next().unwrap();
        photos.insert(
            name.to_owned(),
            serde_json::json!([p["hierarchical_keywords"], p["keywords"]]),
        );
    }
    photos.into()
}

/// Keywords renamed, merged and deleted apart from colleagues' tagging end
/// the same on every replica. A photo's keywords are the latest value given
/// them, renamed by every rename since: a photo tagged before a rename
/// follows it, one tagged after keeps the name it was given.
#[test]
fn keywords_renamed_apart_end_the_same_on_every_replica() {
    let Some(team) = Team::new("keywords_renamed_apart_end_the_same_on_every_replica") else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));
    a.ok(["edit", "path:treaty", "--add-keyword", "Témata|Tanky"]);
    team.ok(&a, &["sync"]);
    team.ok(&b, &["sync"]);
    let later = || std::thread::sleep(std::time::Duration::from_millis(20));
    // Syncs in this order; then the two hold the same keywords, photo by
    // photo and in the tree, returned.
    let synced = |order: [&common::Env; 3]| {
        for env in order {
            team.ok(env, &["sync"]);
        }
        let photos = keywords_by_photo(&a);
        assert_eq!(photos, keywords_by_photo(&b));
        assert_eq!(a.ok(["keywords", "list"]), b.ok(["keywords", "list"]));
        photos
    };
    // The keywords below `branch` a photo holds.
    let holds = |photos: &serde_json::Value, fragment: &str, branch: &str| -> Vec<String> {
        let (_, keywords) = photos
            .as_object()
            .unwrap()
            .iter()
            .find(|(name, _)| name.contains(fragment))
            .unwrap();
        keywords[0]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .filter(|k| k.starts_with(branch))
            .collect()
    };

    // Apart: B tags a photo and gives the keyword a synonym, then A renames
    // the keyword, then B tags another photo with the old name. The first
    // photo and the synonym follow the rename, the second photo keeps its
    // name.
    b.ok(["edit", "path:shopping", "--add-keyword", "Témata|Tanky"]);
    let list = b.path("synonyms.txt");
    std::fs::write(&list, "Témata\n\tTanky\n\t\t{Panzer}\n").unwrap();
    b.ok(["keywords", "import", list.to_str().unwrap()]);
    later();
    a.ok(["keywords", "rename", "Témata|Tanky", "Tanks"]);
    later();
    b.ok(["edit", "path:dormitory", "--add-keyword", "Témata|Tanky"]);
    let photos = synced([&a, &b, &a]);
    assert_eq!(holds(&photos, "treaty", "Témata"), ["Témata|Tanks"]);
    assert_eq!(holds(&photos, "shopping", "Témata"), ["Témata|Tanks"]);
    assert_eq!(holds(&photos, "dormitory", "Témata"), ["Témata|Tanky"]);
    let tree = a.ok(["keywords", "list"]);
    assert!(tree.contains("  Tanks {Panzer}\t2\n"), "{tree}");
    assert!(tree.contains("  Tanky\t1\n"), "{tree}");

    // Both rename one keyword apart, and the later pulls first: the
    // earlier rename stands, and the later finds the keyword gone, as it
    // would have had the two been made in that order on one machine.
    a.ok(["keywords", "rename", "Témata|Tanks", "Obrněnci"]);
    later();
    b.ok(["keywords", "rename", "Témata|Tanks", "Tanky vojska"]);
    let photos = synced([&b, &a, &b]);
    assert_eq!(holds(&photos, "treaty", "Témata"), ["Témata|Obrněnci"]);
    assert_eq!(holds(&photos, "shopping", "Témata"), ["Témata|Obrněnci"]);
    assert_eq!(holds(&photos, "dormitory", "Témata"), ["Témata|Tanky"]);

    // A moves the keyword to another branch while B renames its branch:
    // a chain of renames, pulled in the other order on each side.
    a.ok(["keywords", "rename", "Témata|Obrněnci", "Vojsko|Obrněnci"]);
    later();
    b.ok(["keywords", "rename", "Témata", "Témata 1991"]);
    let photos = synced([&a, &b, &a]);
    assert_eq!(holds(&photos, "treaty", "Vojsko"), ["Vojsko|Obrněnci"]);
    assert!(holds(&photos, "treaty", "Témata").is_empty());
    assert_eq!(
        holds(&photos, "dormitory", "Témata 1991"),
        ["Témata 1991|Tanky"]
    );

    // A merges a keyword away while B, later, tags a photo with it: the
    // merged photos hold the keyword merged into, B's photo keeps its tag.
    a.ok(["keywords", "merge", "Témata 1991|Tanky", "Vojsko|Obrněnci"]);
    later();
    b.ok([
        "edit",
        "path:shopping",
        "--add-keyword",
        "Témata 1991|Tanky",
    ]);
    let photos = synced([&b, &a, &b]);
    assert_eq!(holds(&photos, "dormitory", "Vojsko"), ["Vojsko|Obrněnci"]);
    assert!(holds(&photos, "dormitory", "Témata").is_empty());
    assert_eq!(holds(&photos, "shopping", "Vojsko"), ["Vojsko|Obrněnci"]);
    assert_eq!(holds(&photos, "shopping", "Témata"), ["Témata 1991|Tanky"]);

    // Keywords no photo holds: A deletes one while B, later, gives it a
    // synonym; A renames another while B, later, deletes it. In the order
    // of their times the later change finds the keyword there: the first
    // comes back with its synonym, the second lives on by its new name.
    let list = |env: &common::Env, text: &str| {
        let file = env.path("keywords.txt");
        std::fs::write(&file, text).unwrap();
        env.ok(["keywords", "import", file.to_str().unwrap()]);
    };
    list(&a, "Výstroj\nTábor\n");
    synced([&a, &b, &a]);
    a.ok(["keywords", "delete", "Výstroj"]);
    a.ok(["keywords", "rename", "Tábor", "Tábory"]);
    later();
    list(&b, "Výstroj\n\t{Equipment}\n");
    b.ok(["keywords", "delete", "Tábor"]);
    synced([&a, &b, &a]);
    let tree = a.ok(["keywords", "list"]);
    assert!(tree.contains("\nVýstroj {Equipment}\t0\n"), "{tree}");
    assert!(
        tree.contains("\nTábory\t0\n") && !tree.contains("Tábor\t"),
        "{tree}"
    );

    for env in [&a, &b] {
        assert_eq!(integrity(env), "ok");
    }
}

/// A photo can hold two keywords of one name (a keyword renamed to the
/// name of another on another branch): its flat keywords name it once
/// wherever the value is compared. Keyword lists changed apart keep the
/// same claims on the replica that made a change as on the one that
/// merged it.
#[test]
fn keyword_claims_are_the_same_everywhere_when_two_keywords_share_a_name() {
    let Some(team) =
        Team::new("keyword_claims_are_the_same_everywhere_when_two_keywords_share_a_name")
    else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));
    // The treaty holds Místa|Československo|Milovice already.
    a.ok(["edit", "path:treaty", "--add-keyword", "Témata|Posádka"]);
    a.ok(["keywords", "rename", "Témata|Posádka", "Milovice"]);
    let flat = photo(&a, "treaty")["keywords"].clone();
    let named = |name: &str| {
        flat.as_array()
            .unwrap()
            .iter()
            .filter(|k| *k == name)
            .count()
    };
    assert_eq!(named("Milovice"), 2, "{flat}");
    team.ok(&a, &["sync"]);
    team.ok(&b, &["sync"]);
    // The rename merged there leaves the two as they are here.
    assert_eq!(photo(&b, "treaty")["keywords"], flat);
    // Apart, both change the treaty's keywords.
    a.ok(["edit", "path:treaty", "--add-keyword", "Témata|Olomouc"]);
    b.ok([
        "edit",
        "path:treaty",
        "--add-keyword",
        "Témata|Mladá Boleslav",
    ]);
    for env in [&a, &b, &a] {
        team.ok(env, &["sync"]);
    }
    let kept = |env: &common::Env| -> Vec<String> {
        let id = photo(env, "treaty")["id"].to_string();
        let list: serde_json::Value =
            serde_json::from_str(&env.ok(["claim", "list", &id, "--json"])).unwrap();
        let mut kept: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["field"] == "keywords")
            .map(|c| format!("{} {}", c["value"], c["note"]))
            .collect();
        kept.sort();
        kept
    };
    let on_a = kept(&a);
    assert_eq!(on_a.len(), 2, "{on_a:?}");
    assert_eq!(on_a, kept(&b));
    assert_eq!(
        photo(&a, "treaty")["keywords"],
        photo(&b, "treaty")["keywords"]
    );
}

/// Sets made, renamed, deleted and changed apart: the latest change to a
/// name, by the clock, decides what the name holds on every replica.
#[test]
fn sets_changed_apart_by_name_end_the_same_on_every_replica() {
    let Some(team) = Team::new("sets_changed_apart_by_name_end_the_same_on_every_replica") else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));
    a.ok(["set", "create", "Posádky"]);
    a.ok(["set", "add", "Posádky", "path:treaty"]);
    team.ok(&a, &["sync"]);
    team.ok(&b, &["sync"]);
    // A set's photos as `sets_of` gives them: the set made at first,
    // then others added at its end.
    let at_first: Vec<serde_json::Value> = sets_of(&a)["Odchod 1991"].as_array().unwrap().clone();
    let entry = |fragment: &str| format!("{} null", photo(&a, fragment)["hash"]).into();
    let items = |first: bool, fragments: &[&str]| -> serde_json::Value {
        let mut items = if first { at_first.clone() } else { Vec::new() };
        items.extend(fragments.iter().map(|f| entry(f)));
        items.into()
    };
    let later = || std::thread::sleep(std::time::Duration::from_millis(20));
    // Syncs in this order; then the two hold the same sets, returned.
    let synced = |order: [&common::Env; 3]| {
        for env in order {
            team.ok(env, &["sync"]);
        }
        let sets = sets_of(&a);
        assert_eq!(sets, sets_of(&b));
        sets
    };

    // Apart: A renames a set, and B, later, adds to it by its old name;
    // B deletes a set, and A, later, adds to it.
    a.ok(["set", "rename", "Odchod 1991", "Odchod vojsk"]);
    later();
    b.ok(["set", "add", "Odchod 1991", "path:dormitory"]);
    later();
    b.ok(["set", "delete", "Posádky"]);
    later();
    a.ok(["set", "add", "Posádky", "path:shopping"]);
    assert_eq!(
        synced([&a, &b, &a]),
        serde_json::json!({
            // Renamed with the photos it had when renamed...
            "Odchod vojsk": items(true, &[]),
            // ...and the old name holds B's later change.
            "Odchod 1991": items(true, &["dormitory"]),
            // A's change came after B's delete: the set is back.
            "Posádky": items(false, &["treaty", "shopping"]),
        })
    );

    // The other way round: B deletes after A's change; A renames after
    // B's change of the same set; both make a set by one name, B later.
    a.ok(["set", "add", "Posádky", "path:dormitory"]);
    later();
    b.ok(["set", "delete", "Posádky"]);
    later();
    b.ok(["set", "remove", "Odchod vojsk", "path:treaty"]);
    later();
    a.ok(["set", "rename", "Odchod vojsk", "Vlaky"]);
    later();
    a.ok(["set", "create", "Výstava"]);
    a.ok(["set", "add", "Výstava", "path:treaty"]);
    later();
    b.ok(["set", "create", "Výstava"]);
    b.ok(["set", "add", "Výstava", "path:dormitory"]);
    assert_eq!(
        synced([&b, &a, &b]),
        serde_json::json!({
            "Odchod 1991": items(true, &["dormitory"]),
            // The rename came later, and carries the set as A had it:
            // B's earlier removal from it is in the history only.
            "Vlaky": items(true, &[]),
            "Výstava": items(false, &["dormitory"]),
        })
    );
    for env in [&a, &b] {
        assert_eq!(integrity(env), "ok");
    }
}

#[test]
fn a_read_only_role_pulls_but_its_operations_stay_here_with_one_line_saying_so() {
    let Some(team) =
        Team::new("a_read_only_role_pulls_but_its_operations_stay_here_with_one_line_saying_so")
    else {
        return;
    };
    let a = team.publish();
    team.sql("GRANT USAGE ON SCHEMA kartoteka TO kartoteka_ro", &[]);
    team.sql(
        "GRANT SELECT ON ALL TABLES IN SCHEMA kartoteka TO kartoteka_ro",
        &[],
    );
    let ro = |env: &common::Env, args: &[&str]| {
        env.cmd()
            .args(args)
            .env("PGPASSWORD", &team.pg.ro_password)
            .env_remove("KARTOTEKA_TEAM_URL")
            .output()
            .unwrap()
    };
    let b = common::Env::new();
    assert!(ro(&b, &["team", "join", &team.ro_url()]).status.success());
    a.ok([
        "edit",
        "path:dormitory",
        "--set",
        "caption=Šití na ubytovně",
    ]);
    team.ok(&a, &["sync"]);
    b.ok(["edit", "path:treaty", "--rating", "5"]);

    let out = ro(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        common::stderr(&out),
        format!(
            "kartoteka: role \"kartoteka_ro\" may only read the team catalogue on {}: the \
             operations made here were not sent, and stay here\n",
            team.pg.server()
        )
    );
    let said = common::stdout(&out);
    assert!(
        said.contains("sent 0 operations, merged 1 operation; 1 waiting here"),
        "{said}"
    );
    assert_eq!(photo(&b, "dormitory")["caption"], "Šití na ubytovně");
    assert_eq!(photo(&b, "treaty")["rating"], 5);
    // The server has nothing of it.
    let count = |sql: &str| -> i64 {
        let mut conn = connect_with(&team.url(), &password(&team.pg.password)).unwrap();
        conn.client().query_one(sql, &[]).unwrap().get(0)
    };
    assert_eq!(count("SELECT count(*) FROM kartoteka.operation"), 1);
    let status: serde_json::Value =
        serde_json::from_slice(&ro(&b, &["team", "status", "--json"]).stdout).unwrap();
    assert_eq!(status["waiting"], 1);
}

/// Puts an operation on the server as a hostile member could.
fn hostile_operation(team: &Team, replica: &str, seq: i64, hlc: i64, author: &str, steps: &str) {
    team.sql(
        "INSERT INTO kartoteka.operation (replica, seq, hlc, seen, author, source, summary, steps)
         VALUES ($1, $2, $3, 0, $4, 'edit', 'Caption on 1 photo', $5::text::jsonb)",
        &[&replica, &seq, &hlc, &author, &steps],
    );
}

#[test]
fn hostile_operations_from_the_server_are_refused_one_by_one_and_the_rest_merge() {
    let Some(team) =
        Team::new("hostile_operations_from_the_server_are_refused_one_by_one_and_the_rest_merge")
    else {
        return;
    };
    let _a = team.publish();
    let b = team.member(None);
    let treaty = photo(&b, "treaty")["hash"].as_str().unwrap().to_string();
    let before = photo(&b, "treaty");

    let mallory = "0123456789abcdef0123456789abcdef";
    team.sql(
        "INSERT INTO kartoteka.member (replica, author, role) VALUES ($1, 'Mallory', 'kartoteka_rw')",
        &[&mallory],
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let caption = |text: &str| {
        serde_json::json!([{"kind": "photo", "photo": treaty, "field": "caption",
                            "old": null, "new": text}])
        .to_string()
    };
    // Timed three hours ahead of this computer's clock.
    hostile_operation(
        &team,
        mallory,
        1,
        (now + 3 * 3_600_000) << 16,
        "Mallory",
        &caption("ahead"),
    );
    // Steps of a kind no Kartoteka makes.
    hostile_operation(
        &team,
        mallory,
        2,
        now << 16,
        "Mallory",
        r#"[{"kind": "drop_table"}]"#,
    );
    // An author that would send a terminal escape.
    hostile_operation(
        &team,
        mallory,
        3,
        now << 16,
        "Mallory\u{1b}[2J",
        &caption("escape"),
    );
    // A caption larger than any field may hold: the step is left out.
    hostile_operation(
        &team,
        mallory,
        4,
        now << 16,
        "Mallory",
        &caption(&"x".repeat(1 << 20)),
    );
    // Nested past any depth.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    hostile_operation(&team, mallory, 5, now << 16, "Mallory", &deep);
    // A set whose name would send a terminal escape: the step is left out.
    hostile_operation(
        &team,
        mallory,
        7,
        now << 16,
        "Mallory",
        r#"[{"kind": "set", "name": "Sada\u001b[2J", "old": null, "new": {"query": null, "items": []}}]"#,
    );
    // A claim with a note past any field's size, and a source citing
    // nothing: each step is left out.
    let claim = serde_json::json!([{"kind": "claim", "photo": treaty, "field": "caption",
        "claim": format!("{mallory}:1"), "old": null,
        "new": {"field": "caption", "value": "Milovice", "source": null, "locator": null,
                "certainty": null, "note": "x".repeat(1 << 20), "preferred": true}}]);
    hostile_operation(&team, mallory, 8, now << 16, "Mallory", &claim.to_string());
    let source = serde_json::json!([{"kind": "source", "source": format!("{mallory}:2"),
        "old": null, "new": {"citation": " ", "authors": [], "kind": "other"}}]);
    hostile_operation(&team, mallory, 9, now << 16, "Mallory", &source.to_string());
    // And one sound operation among them.
    hostile_operation(
        &team,
        mallory,
        6,
        (now << 16) + 1,
        "Mallory",
        &caption("Podpis smlouvy"),
    );

    let out = team.run(&b, &["sync".as_ref()]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    let line = |seq: i64| {
        let start = format!("kartoteka: refused operation {seq} of replica {mallory}: ");
        let found: Vec<&str> = err.lines().filter(|l| l.starts_with(&start)).collect();
        assert_eq!(found.len(), 1, "operation {seq}: {err}");
        found[0][start.len()..].to_string()
    };
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(line(1).starts_with("a change timed "), "{err}");
    assert!(line(1).contains("ahead of this computer's clock"), "{err}");
    assert!(
        line(2).starts_with("its steps are not steps this Kartoteka knows"),
        "{err}"
    );
    assert!(
        line(5).starts_with("its steps are not steps this Kartoteka knows"),
        "{err}"
    );
    assert_eq!(line(3), "its author is not a name the catalogue keeps");
    assert!(!err.contains('\u{1b}'));
    let said = common::stdout(&out);
    assert!(
        said.contains(
            "merged 5 operations (4 changes with a field or value the catalogue cannot hold)"
        ),
        "{said}"
    );

    let after = photo(&b, "treaty");
    assert_eq!(after["caption"], "Podpis smlouvy");
    assert_eq!(after["title"], before["title"]);
    assert_eq!(integrity(&b), "ok");
    assert!(!b.ok(["set", "list"]).contains("Sada"));
    assert_eq!(claims_of(&b, "treaty", "caption").len(), 0);
    assert_eq!(b.ok(["source", "list"]).trim(), "");
    // Refused once, they are not fetched again.
    let out = team.ok(&b, &["sync"]);
    assert!(out.contains("merged 0 operations"), "{out}");
}

/// `team status` shows when each member last synced, whether its sync
/// sent anything or only brought the others' work.
#[test]
fn a_sync_that_only_pulls_still_shows_when_the_member_was_last_heard_from() {
    let Some(team) =
        Team::new("a_sync_that_only_pulls_still_shows_when_the_member_was_last_heard_from")
    else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));
    let last_seen = |env: &common::Env| -> String {
        let status = team.status(env);
        let member = status["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["author"] == "Jana Nováková")
            .cloned()
            .unwrap();
        member["last_seen"].as_str().unwrap().to_string()
    };
    let joined = last_seen(&b);
    // The times are to the second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    a.ok(["edit", "path:treaty", "--set", "caption=Milovice"]);
    team.ok(&a, &["sync"]);
    let out = team.ok(&b, &["sync"]);
    assert!(
        out.contains("sent 0 operations, merged 1 operation"),
        "{out}"
    );
    assert!(last_seen(&b) > joined, "{} after {joined}", last_seen(&b));
}

/// A server that holds later operations of this replica but not an
/// earlier one (hidden, or deleted by hand) is named, once: the sync
/// stops instead of sending the same operations for ever.
#[test]
fn a_server_hiding_one_of_this_replicas_operations_stops_the_sync_with_one_line() {
    let Some(team) =
        Team::new("a_server_hiding_one_of_this_replicas_operations_stops_the_sync_with_one_line")
    else {
        return;
    };
    let a = team.publish();
    for caption in ["Milovice", "Olomouc"] {
        a.ok([
            "edit",
            "path:treaty",
            "--set",
            &format!("caption={caption}"),
        ]);
    }
    team.ok(&a, &["sync"]);
    let conn = rusqlite::Connection::open(&a.catalog).unwrap();
    let replica: String = conn
        .query_row("SELECT id FROM local_replica", [], |r| r.get(0))
        .unwrap();
    let first: i64 = conn
        .query_row(
            "SELECT max(seq) - 1 FROM edit_operation WHERE replica = ?1",
            [&replica],
            |r| r.get(0),
        )
        .unwrap();
    // The two captions seem unsent here, and the server has lost the first.
    conn.execute(
        "UPDATE edit_operation SET server_pos = NULL WHERE replica = ?1 AND seq >= ?2",
        rusqlite::params![replica, first],
    )
    .unwrap();
    drop(conn);
    let hidden = team.sql(
        "DELETE FROM kartoteka.operation WHERE replica = $1 AND seq = $2",
        &[&replica, &first],
    );
    assert_eq!(hidden, 1);
    let mut sync = team
        .command(&a)
        .arg("sync")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while sync.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            sync.kill().unwrap();
            panic!("sync went on sending for a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = sync.wait_with_output().unwrap();
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("did not keep operation {first} of this replica")),
        "{err}"
    );
    // The later one is known to be there; the hidden one still waits.
    assert_eq!(team.status(&a)["waiting"], 1);
}

#[test]
fn a_server_that_stops_answering_in_the_middle_of_a_sync_is_one_line_after_the_deadline() {
    let Some(team) = Team::new(
        "a_server_that_stops_answering_in_the_middle_of_a_sync_is_one_line_after_the_deadline",
    ) else {
        return;
    };
    let a = team.publish();
    a.ok(["edit", "path:treaty", "--set", "caption=Milovice"]);
    let (out, waited) = sync_while_the_server_is_held(&team, team.command(&a));
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&team.pg.server()), "{err}");
    assert!(err.contains("did not answer for 2 s"), "{err}");
    assert!(waited >= std::time::Duration::from_secs(2), "{waited:?}");
    // Nothing was lost: the edit waits here, and goes with the next sync.
    assert_eq!(team.status(&a)["waiting"], 1);
    let out = team.ok(&a, &["sync"]);
    assert!(out.contains("sent 1 operation"), "{out}");
}

/// Runs `sync` (a replica's command) with an answer deadline of 2 s while
/// an administrator's transaction holds the operations, so that the sync's
/// query waits on the server, which sends nothing back meanwhile. Returns
/// what it gave and how long it took; it may take at most a minute.
fn sync_while_the_server_is_held(
    team: &Team,
    mut sync: Command,
) -> (std::process::Output, std::time::Duration) {
    let mut admin = connect_with(&team.url(), &password(&team.pg.password)).unwrap();
    let mut hold = admin.client().transaction().unwrap();
    hold.batch_execute("LOCK TABLE kartoteka.operation IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let started = std::time::Instant::now();
    let mut sync = sync
        .arg("sync")
        .env("KARTOTEKA_TEAM_ANSWER_TIMEOUT", "2")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while sync.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            sync.kill().unwrap();
            panic!("sync waited on a silent server for a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let waited = started.elapsed();
    hold.rollback().unwrap();
    (sync.wait_with_output().unwrap(), waited)
}

/// The same deadline on a connection without TLS: with `sslmode=disable`,
/// and with `sslmode=prefer` against a server that offers no TLS (a
/// stand-in in front of the test server answers its TLS request "N"). A
/// member joins and syncs by the test server's one role that may connect
/// without TLS.
#[test]
fn a_server_reached_without_tls_that_stops_answering_is_one_line_after_the_deadline() {
    let Some(team) = Team::new(
        "a_server_reached_without_tls_that_stops_answering_is_one_line_after_the_deadline",
    ) else {
        return;
    };
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} is not set: start the server with scripts/test-postgres")
        })
    };
    let (url, plain_password) = (
        var("KARTOTEKA_TEST_POSTGRES_PLAIN"),
        var("KARTOTEKA_TEST_POSTGRES_PLAIN_PASSWORD"),
    );
    let no_tls_port = server_without_tls(team.pg.port());
    let prefer = url
        .replacen(
            &format!("@localhost:{}/", team.pg.port()),
            &format!("@127.0.0.1:{no_tls_port}/"),
            1,
        )
        .replacen("sslmode=disable", "sslmode=prefer", 1);
    assert_ne!(prefer, url);
    team.publish();
    for url in [url, prefer] {
        let plain = |env: &common::Env| {
            let mut cmd = team.command(env);
            cmd.env("PGPASSWORD", &plain_password);
            cmd
        };
        let mut b = common::Env::new();
        b.catalog = b.path("replica.kartoteka");
        let out = plain(&b).args(["team", "join", &url]).output().unwrap();
        assert!(out.status.success(), "{url}: {}", common::stderr(&out));
        b.ok(["edit", "path:treaty", "--set", "caption=Milovice"]);
        let out = plain(&b).arg("sync").output().unwrap();
        assert!(out.status.success(), "{url}: {}", common::stderr(&out));
        b.ok(["edit", "path:treaty", "--set", "caption=Milovice 1991"]);

        let (out, waited) = sync_while_the_server_is_held(&team, plain(&b));
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{url}: {err}");
        assert_eq!(err.lines().count(), 1, "{url}: {err}");
        assert!(err.contains("did not answer for 2 s"), "{url}: {err}");
        assert!(waited >= std::time::Duration::from_secs(2), "{waited:?}");
        let out = plain(&b).arg("sync").output().unwrap();
        assert!(out.status.success(), "{url}: {}", common::stderr(&out));
        assert!(common::stdout(&out).contains("sent 1 operation"));
    }
}

/// A stand-in for a server without TLS in front of the test server, on a
/// port of its own, returned: it answers a TLS request with PostgreSQL's
/// "N" and passes everything else through.
fn server_without_tls(port: u16) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let own = listener.local_addr().unwrap().port();
    let pass = |mut from: std::net::TcpStream, mut to: std::net::TcpStream| {
        std::thread::Builder::new()
            .name("no-tls-pass".into())
            .spawn(move || {
                let _ = std::io::copy(&mut from, &mut to);
                let _ = to.shutdown(std::net::Shutdown::Write);
            })
            .unwrap();
    };
    let accepting = std::thread::Builder::new().name("no-tls-server".into());
    accepting
        .spawn(move || {
            for client in listener.incoming() {
                let Ok(mut client) = client else { continue };
                let mut first = [0u8; 8];
                if client.read_exact(&mut first).is_err() {
                    continue;
                }
                let mut server = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                // SSLRequest: length 8, code 80877103.
                if first == [0, 0, 0, 8, 4, 210, 22, 47] {
                    client.write_all(b"N").unwrap();
                } else {
                    server.write_all(&first).unwrap();
                }
                pass(client.try_clone().unwrap(), server.try_clone().unwrap());
                pass(server, client);
            }
        })
        .unwrap();
    own
}

/// What three replicas are compared by: each photo's fields, keywords and
/// claims with the sources they cite (by content hash), the set's order
/// with its wall labels, and the sources.
fn descriptions_of(env: &common::Env) -> serde_json::Value {
    let mut photos = serde_json::Map::new();
    for p in env.list() {
        let id = p["id"].to_string();
        let claims: serde_json::Value =
            serde_json::from_str(&env.ok(["claim", "list", &id, "--json"])).unwrap();
        let mut claims: Vec<String> = claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{} = {} {} {} {} {}",
                    c["field"],
                    c["value"],
                    c["preferred"],
                    c["note"],
                    c["source"]["citation"],
                    c["locator"]
                )
            })
            .collect();
        claims.sort();
        let mut keywords: Vec<String> = p["hierarchical_keywords"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        keywords.sort();
        photos.insert(
            p["hash"].as_str().unwrap().to_string(),
            serde_json::json!({
                "caption": p["caption"], "city": p["city"], "rating": p["rating"],
                "keywords": keywords, "flat keywords": p["keywords"], "claims": claims,
            }),
        );
    }
    let sets = sets_of(env);
    let sources: serde_json::Value =
        serde_json::from_str(&env.ok(["source", "list", "--json"])).unwrap();
    let mut sources: Vec<String> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {} {}", s["citation"], s["note"], s["claims"]))
        .collect();
    sources.sort();
    serde_json::json!({"photos": photos, "sets": sets, "sources": sources})
}

/// Every set of a replica by name, its photos (by content hash) in order
/// with their wall labels.
fn sets_of(env: &common::Env) -> serde_json::Value {
    let mut sets = serde_json::Map::new();
    for line in env.ok(["set", "list"]).lines() {
        let name = line.split('\t').next().unwrap();
        let set: serde_json::Value =
            serde_json::from_str(&env.ok(["set", "show", name, "--json"])).unwrap();
        let set: Vec<String> = set
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{} {}", i["photo"]["hash"], i["wall_label"]))
            .collect();
        sets.insert(name.to_owned(), set.into());
    }
    sets.into()
}

/// A random one of a replica's claims of a photo, by this replica's id.
fn any_claim(env: &common::Env, photo: &str, rng: &mut common::Rng) -> Option<String> {
    let id = self::photo(env, photo)["id"].to_string();
    let claims: serde_json::Value =
        serde_json::from_str(&env.ok(["claim", "list", &id, "--json"])).unwrap();
    let claims = claims.as_array().unwrap();
    (!claims.is_empty()).then(|| claims[rng.below(claims.len() as u64) as usize]["id"].to_string())
}

/// A random one of a replica's sources, by this replica's id.
fn any_source(env: &common::Env, rng: &mut common::Rng) -> Option<String> {
    let sources: serde_json::Value =
        serde_json::from_str(&env.ok(["source", "list", "--json"])).unwrap();
    let sources = sources.as_array().unwrap();
    (!sources.is_empty())
        .then(|| sources[rng.below(sources.len() as u64) as usize]["id"].to_string())
}

/// Three replicas make 3,000 random steps between them: imports, captions,
/// cities, ratings, keywords, keywords renamed and merged, set changes,
/// sets made, renamed and deleted (by names the others may be changing
/// too), claims (citing sources, preferred, removed), sources (added,
/// edited, removed), undo, syncs and syncs killed outright. One replica is
/// offline for a third of the run and the server down for an eighth. After final syncs all three hold the same.
#[test]
fn three_replicas_editing_at_random_with_one_offline_converge() {
    let Some(team) = Team::alone("three_replicas_editing_at_random_with_one_offline_converge")
    else {
        return;
    };
    let mut rng = common::Rng::new(common::seed(
        "three_replicas_editing_at_random_with_one_offline_converge",
    ));
    let a = team.publish();
    let mut replicas = vec![a];
    for name in ["Jana Nováková", "Петр Иванов"] {
        replicas.push(team.member(Some(name)));
    }
    // All three change one caption apart first.
    for (env, caption) in replicas.iter().zip(["Milovice", "Olomouc", "Вывод войск"]) {
        env.ok([
            "edit",
            "path:treaty",
            "--set",
            &format!("caption={caption}"),
        ]);
    }
    // Once each has pulled the others', the three captions stay, each as
    // a claim naming its author (later steps may remove them).
    for r in [0, 1, 2, 0, 1] {
        team.ok(&replicas[r], &["sync"]);
    }
    for env in &replicas {
        let claims = claims_of(env, "treaty", "caption");
        for (caption, author) in [
            ("Milovice", "Dana Kyndrová"),
            ("Olomouc", "Jana Nováková"),
            ("Вывод войск", "Петр Иванов"),
        ] {
            assert!(
                claims
                    .iter()
                    .any(|(value, preferred, note)| value == caption
                        && !preferred
                        && note.starts_with(&format!("{author}, "))),
                "{caption} by {author}: {claims:?}"
            );
        }
    }
    // Each imports scans of its own as it goes: new content, so that they
    // travel as photos, and edits to them with them.
    let import_scan = |env: &common::Env, r: usize, step: usize| {
        let folder = env.path(&format!("scans/{step}"));
        std::fs::create_dir_all(&folder).unwrap();
        let mut scan =
            std::fs::read(common::fixtures().join("archive/dormitory-sewing.jpg")).unwrap();
        scan.extend_from_slice(format!("scan {r} {step}").as_bytes());
        std::fs::write(folder.join(format!("scan-{r}-{step}.jpg")), scan).unwrap();
        assert!(env.import(&[&folder]).status.success());
    };
    for (r, env) in replicas.iter().enumerate() {
        import_scan(env, r, 0);
    }
    let photos = ["treaty", "shopping", "dormitory", "scan"];
    let words = [
        "Milovice",
        "Mladá Boleslav",
        "Olomouc",
        "Вывод войск",
        "Dubček",
    ];
    let (mut syncs, mut conflicts, mut killed, mut refused) = (0, 0, 0, 0);
    let mut renamed = 0;
    let steps = 3000;
    // The server goes down for a stretch too, overlapping the third
    // replica's, and comes back with what it held.
    let down = steps / 2..steps / 2 + steps / 8;
    for step in 0..steps {
        if step == down.start {
            // It goes down in the middle of a sync, which fails with one
            // line (or finishes first); either way nothing is lost.
            let sync = team
                .command(&replicas[0])
                .arg("sync")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(rng.below(150)));
            team.pg.set_running(false);
            let out = sync.wait_with_output().unwrap();
            let err = common::stderr(&out);
            assert!(out.status.success() || err.lines().count() == 1, "{err}");
        }
        if step == down.end {
            team.pg.set_running(true);
        }
        let r = rng.below(3) as usize;
        // The third replica is offline for a stretch in the middle.
        let offline = r == 2 && (steps / 3..2 * steps / 3).contains(&step);
        let env = &replicas[r];
        let fragment = photos[rng.below(photos.len() as u64) as usize];
        let photo = format!("path:{fragment}");
        let word = words[rng.below(words.len() as u64) as usize];
        // Sets made, renamed and deleted by each: the names are few, so
        // that two replicas apart often change the same one.
        let set_name = |rng: &mut common::Rng| {
            ["Výstava Milovice", "Posádky", "Вывод войск 1991"][rng.below(3) as usize]
        };
        match rng.below(30) {
            0..=5 => {
                env.ok(["edit", &photo, "--set", &format!("caption={word}")]);
            }
            6..=8 => {
                env.ok(["edit", &photo, "--set", &format!("city={word}")]);
            }
            9..=10 => {
                env.ok(["edit", &photo, "--rating", &rng.below(6).to_string()]);
            }
            11 => {
                env.ok(["edit", &photo, "--add-keyword", &format!("Témata|{word}")]);
            }
            12 => {
                env.ok([
                    "edit",
                    &photo,
                    "--remove-keyword",
                    &format!("Témata|{word}"),
                ]);
            }
            13 => {
                env.ok(["set", "add", "Odchod 1991", &photo]);
            }
            14 => {
                env.ok(["set", "remove", "Odchod 1991", &photo]);
            }
            15 => {
                env.ok(["undo"]);
            }
            17 | 18 => {
                // A claim, citing a source when there is one, preferred
                // or not.
                let field = ["caption", "city"][rng.below(2) as usize];
                let mut args = vec!["claim", "add", &photo, field, word];
                let source = any_source(env, &mut rng);
                let locator = format!("s. {}", rng.below(100));
                if let Some(source) = &source {
                    args.extend(["--source", source, "--locator", &locator]);
                }
                if rng.below(2) == 0 {
                    args.push("--prefer");
                }
                env.ok(args);
            }
            19 => {
                if let Some(claim) = any_claim(env, fragment, &mut rng) {
                    env.ok(["claim", "prefer", &claim]);
                }
            }
            20 => {
                if let Some(claim) = any_claim(env, fragment, &mut rng) {
                    env.ok(["claim", "remove", &claim]);
                }
            }
            21 => match any_source(env, &mut rng) {
                Some(source) if rng.below(2) == 0 => {
                    env.ok(["source", "edit", &source, "--set", &format!("note={word}")]);
                }
                _ => {
                    env.ok([
                        "source",
                        "add",
                        "--citation",
                        &format!("{} {step}", ["ČTK", "Rudé právo", "Лидове новины"][r]),
                        "--date",
                        "1991",
                    ]);
                }
            },
            22 => {
                if let Some(source) = any_source(env, &mut rng) {
                    env.ok(["source", "remove", &source, "--force"]);
                }
            }
            23 => import_scan(env, r, step + 1),
            // These may find the keyword or set missing, or the name
            // taken: each fails alone, as the archivist would see it fail.
            26 => {
                let other = words[rng.below(words.len() as u64) as usize];
                let keyword = format!("Témata|{word}");
                let out = if rng.below(3) == 0 {
                    env.run(["keywords", "merge", &keyword, &format!("Témata|{other}")])
                } else {
                    env.run(["keywords", "rename", &keyword, other])
                };
                renamed += usize::from(out.status.success());
            }
            27 => {
                env.run(["set", "create", set_name(&mut rng)]);
            }
            28 => {
                let name = set_name(&mut rng);
                if rng.below(3) == 0 {
                    env.run(["set", "delete", name]);
                } else {
                    env.run(["set", "rename", name, set_name(&mut rng)]);
                }
            }
            29 => {
                let how = ["add", "remove"][rng.below(2) as usize];
                env.run(["set", how, set_name(&mut rng), &photo]);
            }
            _ if offline => {}
            16 => {
                // A sync killed outright (SIGKILL) somewhere along its way.
                let mut sync = team
                    .command(env)
                    .arg("sync")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap();
                std::thread::sleep(std::time::Duration::from_millis(rng.below(120)));
                sync.kill().unwrap();
                sync.wait().unwrap();
                killed += 1;
            }
            _ if down.contains(&step) => {
                // One line saying the server cannot be reached; the work
                // stays here.
                let err = team.refused(env, &["sync"]);
                assert!(err.contains(&team.pg.server()), "{err}");
                refused += 1;
            }
            _ => {
                let out = team.ok(env, &["sync"]);
                syncs += 1;
                conflicts += usize::from(out.contains("conflict"));
            }
        }
    }
    // Everyone back online: each pushes, then each pulls what the others
    // pushed after it.
    for r in [0, 1, 2, 0, 1] {
        team.ok(&replicas[r], &["sync"]);
    }
    eprintln!(
        "{syncs} syncs, {conflicts} with conflicts, {killed} killed, {refused} while the server was down, {renamed} keywords renamed or merged"
    );
    assert!(refused > 0 && killed > 0);
    let states: Vec<serde_json::Value> = replicas.iter().map(descriptions_of).collect();
    for (other, name) in [(1, "B"), (2, "C")] {
        assert_eq!(
            states[0]["sets"], states[other]["sets"],
            "the sets on A and {name}"
        );
        for (hash, photo) in states[0]["photos"].as_object().unwrap() {
            assert_eq!(
                photo, &states[other]["photos"][hash],
                "{hash} on A and {name}"
            );
        }
        assert_eq!(states[0], states[other]);
    }
    let mut held = Vec::new();
    for env in &replicas {
        assert_eq!(integrity(env), "ok");
        let conn = rusqlite::Connection::open(&env.catalog).unwrap();
        held.push(
            conn.query_row("SELECT count(*) FROM edit_operation", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap(),
        );
        // Nothing is waiting anywhere.
        let status = team.status(env);
        assert_eq!(
            (&status["waiting"], &status["photos_waiting"]),
            (&0.into(), &0.into())
        );
    }
    // Every replica holds every operation, its own and the others'.
    assert!(held.iter().all(|&n| n == held[0]), "{held:?}");
}

/// The window on a member's replica syncs in the background: a colleague's
/// edit shows without anything done here, and an edit made here reaches
/// the colleague at their next sync.
#[cfg(feature = "desktop")]
#[test]
fn an_open_window_syncs_in_the_background() {
    use kartoteka::ui::{App, Settings, i18n::Language};
    let Some(team) = Team::new("an_open_window_syncs_in_the_background") else {
        return;
    };
    let a = team.publish();
    let b = team.member(Some("Jana Nováková"));
    // The window's thread finds the password in the URL the catalogue
    // keeps (the command line never keeps one; this test's process cannot
    // set PGPASSWORD for one thread alone).
    let with_password = team.url().replacen(
        "kartoteka_rw@",
        &format!("kartoteka_rw:{}@", team.pg.password),
        1,
    );
    assert_ne!(with_password, team.url());
    kartoteka::catalog::Catalogue::open(&b.catalog)
        .unwrap()
        .keep_team_server(&with_password)
        .unwrap();

    let path = b.catalog.clone();
    let settings = Settings {
        language: Some(Language::English),
        ..Settings::default()
    };
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::with_settings(&cc.egui_ctx, path, settings));
    let wait =
        |h: &mut egui_kittest::Harness<'static, App>, what: &str, done: &dyn Fn(&App) -> bool| {
            let started = Instant::now();
            loop {
                h.step();
                if done(h.state()) {
                    h.run_steps(3);
                    return started.elapsed();
                }
                assert!(
                    started.elapsed().as_secs() < 30,
                    "timed out waiting for {what} (team status {:?})",
                    h.state().team_status()
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        };
    wait(&mut h, "the first sync", &|app| {
        app.team_status() == Some((0, 0, false))
    });
    let _ = egui_kittest::kittest::Queryable::get_by_label(&h, "Team: synced");

    a.ok(["edit", "path:dormitory", "--set", "title=Šití na ubytovně"]);
    team.ok(&a, &["sync"]);
    let took = wait(&mut h, "the colleague's title", &|app| {
        app.results()
            .iter()
            .any(|p| p.title.as_deref() == Some("Šití na ubytovně"))
    });
    eprintln!(
        "a colleague's edit showed in the window {} ms after their sync",
        took.as_millis()
    );

    // An edit made here (as by another program on this machine) is sent
    // by the window's thread.
    b.ok(["edit", "path:treaty", "--set", "title=Podpis smlouvy"]);
    wait(&mut h, "the edit to be sent", &|app| {
        app.team_status() == Some((0, 0, false))
            && app
                .results()
                .iter()
                .any(|p| p.title.as_deref() == Some("Podpis smlouvy"))
    });
    let started = Instant::now();
    loop {
        team.ok(&a, &["sync"]);
        if photo(&a, "treaty")["title"] == "Podpis smlouvy" {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 30,
            "the window never sent the edit"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

// ---------------------------------------------------------------------
// Imports travel: one member's photos reach the others.
// ---------------------------------------------------------------------

/// A photo's catalogue facts that do not depend on where or when this
/// replica holds it.
fn travelling_facts(photo: &serde_json::Value) -> serde_json::Value {
    let mut photo = photo.clone();
    let fields = photo.as_object_mut().unwrap();
    for here in ["id", "path", "imported_at", "updated_at", "sidecar_path"] {
        fields.remove(here);
    }
    photo
}

#[test]
fn a_members_import_reaches_the_others_with_its_thumbnail_where_each_mounts_the_store() {
    let Some(team) = Team::new(
        "a_members_import_reaches_the_others_with_its_thumbnail_where_each_mounts_the_store",
    ) else {
        return;
    };
    let (a, nas) = described_archive();
    team.ok(&a, &["team", "create", &team.url()]);
    // Jana has the shared store mounted elsewhere.
    let mut b = common::Env::new();
    b.catalog = b.path("Jana/tým.kartoteka");
    let mount = b.path("archiv");
    let root = format!("{}={}", nas.display(), mount.display());
    team.ok(&b, &["team", "join", &team.url(), "--root", &root]);

    // Dana imports a new folder and describes one of its photos.
    std::fs::create_dir_all(nas.join("1992")).unwrap();
    for f in [
        "portraits-stacked.jpg",
        "sidecar-only.jpg",
        "sidecar-only.xmp",
    ] {
        std::fs::copy(
            common::fixtures().join("archive").join(f),
            nas.join("1992").join(f),
        )
        .unwrap();
    }
    assert!(a.import(&[&nas.join("1992")]).status.success());
    a.ok([
        "edit",
        "path:portraits",
        "--set",
        "caption=Portréty vojáků, Vysoké Mýto 1992",
    ]);
    let status = team.ok(&a, &["team", "status"]);
    assert!(
        status.contains("(a member), 1 operation and 2 imported photos made here not on"),
        "{status}"
    );
    let sent = team.ok(&a, &["sync"]);
    assert!(
        sent.contains(": sent 1 operation and 2 photos, merged 0 operations; 0 waiting here"),
        "{sent}"
    );

    let pulled = team.ok(&b, &["sync"]);
    assert!(
        pulled.contains(": sent 0 operations, merged 1 operation and 2 photos; 0 waiting here"),
        "{pulled}"
    );
    // The same photos, known by content, under Jana's mount, with every
    // fact Dana's import read and her caption, without Jana reading a file.
    let (theirs, mine) = (by_hash(&a.list()), by_hash(&b.list()));
    assert_eq!(mine.len(), 5);
    assert_eq!(
        theirs.keys().collect::<Vec<_>>(),
        mine.keys().collect::<Vec<_>>()
    );
    for (hash, photo) in &theirs {
        let path = photo["path"].as_str().unwrap();
        let rest = path.strip_prefix(nas.to_str().unwrap()).unwrap();
        assert_eq!(
            mine[hash]["path"].as_str().unwrap(),
            format!("{}{rest}", mount.display())
        );
        assert_eq!(
            travelling_facts(&mine[hash]),
            travelling_facts(photo),
            "{path}"
        );
    }
    assert!(!mount.exists(), "nothing is written under the mount");
    assert_eq!(
        b.ok(["search", "Vysoké Mýto", "--paths"]).trim(),
        mount.join("1992/portraits-stacked.jpg").to_str().unwrap()
    );
    // The sidecar's description came with its photo, and the thumbnails.
    assert!(
        b.ok(["search", "path:sidecar-only", "--paths"])
            .contains("sidecar-only.jpg")
    );
    assert_eq!(thumbnails_of(&b.catalog), thumbnails_of(&a.catalog));
    assert_eq!(thumbnails_of(&b.catalog).len(), 5);
    // Her history has Dana's caption, and undo is not hers to take.
    assert!(b.ok(["history"]).contains("Caption on 1 photo"));
    assert_eq!(b.ok(["undo"]).trim(), "nothing to undo");

    // Jana imports from her mount; Dana gets it under her own path.
    std::fs::create_dir_all(mount.join("1993")).unwrap();
    // A scan of its own: bytes after the image's end make new content.
    let mut scan =
        std::fs::read(common::fixtures().join("archive/shopping-bags-formation.jpg")).unwrap();
    scan.extend_from_slice(b"rescanned 1993");
    std::fs::write(mount.join("1993/nakupy.jpg"), scan).unwrap();
    assert!(b.import(&[&mount.join("1993")]).status.success());
    let sent = team.ok(&b, &["sync"]);
    assert!(
        sent.contains(": sent 0 operations and 1 photo, merged 0 operations;"),
        "{sent}"
    );
    let pulled = team.ok(&a, &["sync"]);
    assert!(
        pulled.contains("merged 0 operations and 1 photo;"),
        "{pulled}"
    );
    assert_eq!(
        a.ok(["search", "path:nakupy", "--paths"]).trim(),
        nas.join("1993/nakupy.jpg").to_str().unwrap()
    );
    // Nothing travels twice.
    for env in [&a, &b] {
        let again = team.ok(env, &["sync"]);
        assert!(
            again.contains(": sent 0 operations, merged 0 operations; 0 waiting here"),
            "{again}"
        );
    }

    // A member who joins later, from the first snapshot, gets them all.
    let c = team.member(Some("Petr Šedivý"));
    let pulled = team.ok(&c, &["sync"]);
    assert!(
        pulled.contains("merged 1 operation and 3 photos;"),
        "{pulled}"
    );
    let (theirs, his) = (a.list(), c.list());
    assert_eq!(his.len(), 6);
    let facts = |list: &[serde_json::Value]| -> Vec<serde_json::Value> {
        let mut all: Vec<_> = list.iter().map(travelling_facts).collect();
        all.sort_by_key(|p| p.to_string());
        all
    };
    assert_eq!(facts(&his), facts(&theirs));
    assert_eq!(thumbnails_of(&c.catalog), thumbnails_of(&a.catalog));
    for env in [&a, &b, &c] {
        assert_eq!(integrity(env), "ok");
    }
}

/// Puts a photo on the server as a hostile member could, with facts given
/// as JSON text.
fn hostile_photo(team: &Team, replica: &str, name: &str, path: &[u8], facts: &str) {
    team.sql(
        "INSERT INTO kartoteka.photo (replica, photo, path, facts)
         VALUES ($1, $2, $3, $4::text::jsonb)",
        &[&replica, &name, &path, &facts],
    );
}

#[test]
fn hostile_photos_from_the_server_are_refused_one_by_one_and_the_rest_are_added() {
    let Some(team) =
        Team::new("hostile_photos_from_the_server_are_refused_one_by_one_and_the_rest_are_added")
    else {
        return;
    };
    let _a = team.publish();
    let b = team.member(None);
    let mallory = "0123456789abcdef0123456789abcdef";
    team.sql(
        "INSERT INTO kartoteka.member (replica, author, role) VALUES ($1, 'Mallory', 'kartoteka_rw')",
        &[&mallory],
    );
    let hash = |n: u8| format!("{n:02x}").repeat(32);
    let facts = |description: &str, technical: &str| {
        format!(
            r#"{{"size": 1000, "mtime_ns": 0, "format": "jpeg", "technical": {technical},
                "description": {description}}}"#
        )
    };
    let plain = facts(r#"{"caption": "Dobrá fotografie"}"#, "{}");
    let big = "x".repeat(1 << 20);
    let huge = "y".repeat(9 << 20);
    let catalogue = b.catalog.to_str().unwrap().to_owned();
    let thumbnails = b
        .catalog
        .with_file_name("replica.thumbnails.sqlite")
        .to_str()
        .unwrap()
        .to_owned();
    let cases: Vec<(String, Vec<u8>, String, &str)> = vec![
        (hash(1), b"/mnt/nas/good.jpg".to_vec(), plain.clone(), ""),
        (
            "../../etc/passwd".into(),
            b"/mnt/nas/a.jpg".to_vec(),
            plain.clone(),
            "content hash",
        ),
        (
            hash(2),
            b"relative/a.jpg".to_vec(),
            plain.clone(),
            "relative",
        ),
        (
            hash(3),
            b"/mnt/nas/../../etc/cron.d/x".to_vec(),
            plain.clone(),
            "..",
        ),
        (hash(4), catalogue.into_bytes(), plain.clone(), "own files"),
        (hash(5), thumbnails.into_bytes(), plain.clone(), "own files"),
        (
            hash(6),
            b"/mnt/nas/f.jpg".to_vec(),
            facts(r#"{"evil": "x"}"#, "{}"),
            "\"evil\"",
        ),
        (
            hash(7),
            b"/mnt/nas/g.jpg".to_vec(),
            facts(&format!(r#"{{"caption": "{big}"}}"#), "{}"),
            "caption",
        ),
        (
            hash(8),
            b"/mnt/nas/h.jpg".to_vec(),
            facts("{}", r#"{"orientation": 9}"#),
            "orientation",
        ),
        (
            hash(9),
            b"/mnt/nas/i.jpg".to_vec(),
            r#"{"size": "big"}"#.into(),
            "not facts",
        ),
        (
            hash(10),
            b"/mnt/nas/j.jpg".to_vec(),
            facts(&format!(r#"{{"caption": "{huge}"}}"#), "{}"),
            "more than",
        ),
        (
            hash(11),
            b"/mnt/nas/k.jpg".to_vec(),
            facts(r#"{"date_created": "the ninth of never"}"#, "{}"),
            "date_created",
        ),
        (
            hash(12),
            b"/mnt/nas/good.jpg".to_vec(),
            plain.clone(),
            "another photo is catalogued",
        ),
        (
            hash(13),
            b"/mnt/nas/l.jpg".to_vec(),
            facts("{}", "{}").replace("jpeg", "exe"),
            "format",
        ),
    ];
    for (name, path, facts, _) in &cases {
        hostile_photo(&team, mallory, name, path, facts);
    }
    // Thumbnails that are not Kartoteka's: not a JPEG, and too large.
    team.sql(
        "INSERT INTO kartoteka.thumbnail (hash, width, height, jpeg) VALUES ($1, 10, 10, '\\x00')",
        &[&hash(1)],
    );
    let jpeg = thumbnails_of(&b.catalog).remove(0).1;
    hostile_photo(&team, mallory, &hash(14), b"/mnt/nas/m.jpg", &plain);
    team.sql(
        "INSERT INTO kartoteka.thumbnail (hash, width, height, jpeg) VALUES ($1, 9000, 10, $2)",
        &[&hash(14), &jpeg],
    );

    let out = team.run(&b, &["sync".as_ref()]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (name, _, _, why) in cases.iter().filter(|c| !c.3.is_empty()) {
        let name = &name[..name.len().min(60)];
        assert!(
            err.lines()
                .any(|l| l.starts_with("kartoteka: refused photo ")
                    && l.contains(name)
                    && l.contains(why)),
            "{name} for {why}: {err}"
        );
    }
    assert!(
        err.contains(&format!(
            "refused the thumbnail of photo {}: it is not a JPEG",
            hash(1)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "refused the thumbnail of photo {}: it says 9000x10",
            hash(14)
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), cases.len() - 1 + 2, "{err}");
    // The sound ones are here, without the thumbnails refused.
    let said = common::stdout(&out);
    assert!(said.contains("merged 0 operations and 2 photos;"), "{said}");
    let good = b.ok(["search", "Dobrá", "--paths"]);
    assert_eq!(
        good.lines().collect::<Vec<_>>(),
        ["/mnt/nas/good.jpg", "/mnt/nas/m.jpg"]
    );
    assert_eq!(thumbnails_of(&b.catalog).len(), 3);
    assert_eq!(integrity(&b), "ok");
    // They are not brought again.
    let again = team.ok(&b, &["sync"]);
    assert!(again.contains("merged 0 operations;"), "{again}");
}
