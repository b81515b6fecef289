//! The PostgreSQL password file (`~/.pgpass`, or the file `PGPASSFILE`
//! names), read the way libpq reads it, so that an archive's IT can hand a
//! member the same file their other PostgreSQL tools already use.
//!
//! Each line is `host:port:database:user:password`; a field that is exactly
//! `*` matches anything, `\:` and `\\` stand for a colon and a backslash, and
//! lines starting with `#` are comments. The first matching line wins. A file
//! that its group or others can read is ignored, as libpq ignores it: a
//! password there is not private. Nothing here ever writes the file.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Lines longer than this are not read: a password file is a few short
/// lines, and a huge one is not a password file (libpq reads at most a few
/// hundred bytes a line too).
const MAX_LINE: usize = 4096;

/// What a look-up in the password file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The password of the first matching line.
    Found(String),
    /// No file, or no line for this server, database and user.
    NotFound,
    /// The file exists but was ignored because its group or others can
    /// read it (libpq's rule); the connection error names it, so that the
    /// member knows to `chmod 0600` it.
    TooOpen(PathBuf),
}

/// What a connection is for: the password file's four keys.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// Looks the password up in the file at `path`, checking its permissions
/// first as libpq does.
pub fn lookup(path: &Path, target: Target<'_>) -> Lookup {
    let Ok(meta) = fs::metadata(path) else {
        return Lookup::NotFound;
    };
    if !meta.is_file() {
        return Lookup::NotFound;
    }
    if meta.permissions().mode() & 0o077 != 0 {
        return Lookup::TooOpen(path.to_path_buf());
    }
    match fs::read_to_string(path) {
        Ok(text) => find(&text, target).map_or(Lookup::NotFound, Lookup::Found),
        Err(_) => Lookup::NotFound,
    }
}

/// The password of the first line of `text` that matches `target`.
pub fn find(text: &str, target: Target<'_>) -> Option<String> {
    let port = target.port.to_string();
    let wanted = [target.host, &port, target.database, target.user];
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty() && !line.starts_with('#') && line.len() <= MAX_LINE)
        .find_map(|line| {
            let (fields, password) = split(line)?;
            fields
                .iter()
                .zip(wanted)
                .all(|(field, value)| field.matches(value))
                .then_some(password)
        })
}

/// One of the four key fields of a line.
#[derive(Debug, PartialEq, Eq)]
enum Field {
    /// A bare `*`: matches any value. An escaped `\*` is a literal star.
    Any,
    Exactly(String),
}

impl Field {
    fn matches(&self, value: &str) -> bool {
        match self {
            Field::Any => true,
            Field::Exactly(s) => s == value,
        }
    }
}

/// Splits a line into its four key fields and the password, undoing the
/// escapes; `None` for a line with fewer than five fields, which libpq skips.
fn split(line: &str) -> Option<([Field; 4], String)> {
    let mut fields = Vec::with_capacity(4);
    let mut current = String::new();
    let mut escaped_any = false;
    let mut chars = line.chars();
    while fields.len() < 4 {
        match chars.next()? {
            '\\' => {
                // A backslash at the very end escapes nothing; libpq keeps
                // nothing of it either.
                if let Some(c) = chars.next() {
                    current.push(c);
                    escaped_any = true;
                }
            }
            ':' => {
                let field = if current == "*" && !escaped_any {
                    Field::Any
                } else {
                    Field::Exactly(std::mem::take(&mut current))
                };
                current.clear();
                escaped_any = false;
                fields.push(field);
            }
            c => current.push(c),
        }
    }
    // The password is the rest of the line, unescaped; a colon in it needs
    // no escape, as in libpq.
    let mut password = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => password.extend(chars.next()),
            c => password.push(c),
        }
    }
    let fields: [Field; 4] = fields.try_into().ok()?;
    Some((fields, password))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target<'static> {
        Target {
            host: "db.archive.example",
            port: 5432,
            database: "catalogue",
            user: "jana",
        }
    }

    #[test]
    fn first_matching_line_wins() {
        let text = "\
# the archive's server
db.archive.example:5432:catalogue:petr:not-jana
db.archive.example:5432:catalogue:jana:first
*:*:*:*:second
";
        assert_eq!(find(text, target()).as_deref(), Some("first"));
    }

    #[test]
    fn stars_match_anything() {
        assert_eq!(find("*:*:*:*:any", target()).as_deref(), Some("any"));
        assert_eq!(
            find("db.archive.example:*:*:jana:host-and-user", target()).as_deref(),
            Some("host-and-user")
        );
        assert_eq!(find("other:*:*:*:x", target()), None);
        assert_eq!(find("*:5433:*:*:x", target()), None);
    }

    #[test]
    fn escapes_are_undone_in_keys_and_password() {
        let t = Target {
            host: "fe80::1",
            port: 5432,
            database: "cat\\alogue",
            user: "*",
        };
        let text = "fe80\\:\\:1:5432:cat\\\\alogue:\\*:pa\\:ss\\\\word:tail";
        assert_eq!(find(text, t).as_deref(), Some("pa:ss\\word:tail"));
        // An escaped star is a literal star, not a wildcard.
        assert_eq!(find("*:*:*:\\*:x", target()), None);
    }

    #[test]
    fn short_lines_and_comments_are_skipped() {
        let text = "db.archive.example:5432:catalogue\n#*:*:*:*:comment\n\r\n*:*:*:*:ok\r\n";
        assert_eq!(find(text, target()).as_deref(), Some("ok"));
    }

    #[test]
    fn a_file_others_can_read_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        fs::write(&path, "*:*:*:*:secret\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(lookup(&path, target()), Lookup::Found("secret".into()));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(lookup(&path, target()), Lookup::TooOpen(path.clone()));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        assert_eq!(lookup(&path, target()), Lookup::TooOpen(path.clone()));
        assert_eq!(
            lookup(&dir.path().join("absent"), target()),
            Lookup::NotFound
        );
    }
}
