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
}

impl TestServer {
    fn from_env(test: &str) -> Option<TestServer> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let (Some(url), Some(password), Some(ro_url), Some(ro_password), Some(ca)) = (
            var("KARTOTEKA_TEST_POSTGRES"),
            var("KARTOTEKA_TEST_POSTGRES_PASSWORD"),
            var("KARTOTEKA_TEST_POSTGRES_RO"),
            var("KARTOTEKA_TEST_POSTGRES_RO_PASSWORD"),
            var("KARTOTEKA_TEST_POSTGRES_CA"),
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
        })
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
