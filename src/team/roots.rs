//! Where the shared store of scans is mounted on this machine: `--root
//! REMOTE=LOCAL` says that a photo catalogued under REMOTE (as the team's
//! snapshot has it) is under LOCAL here. Photos are known by content hash;
//! a path is only where this replica finds the file.
//!
//! A root matches whole path components (`/mnt/nas` is a root of
//! `/mnt/nas/1991/a.jpg`, not of `/mnt/nas2/a.jpg`), the longest matching
//! REMOTE wins, and it must be a folder above the photo, never the photo
//! itself, so that a file's name never changes. A photo under no root
//! keeps its path.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// One `--root REMOTE=LOCAL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub remote: PathBuf,
    pub local: PathBuf,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RootError {
    #[error("--root wants REMOTE=LOCAL, two absolute folders, not \"{0}\"")]
    Form(String),
    #[error("--root {0} is given twice")]
    Twice(String),
}

impl Root {
    /// Parses `REMOTE=LOCAL`; both must be absolute. The first `=` splits
    /// them (a folder name with `=` in it goes on the LOCAL side).
    pub fn parse(arg: &OsStr) -> Result<Root, RootError> {
        let bytes = arg.as_encoded_bytes();
        let shown = || arg.to_string_lossy().into_owned();
        let at = bytes
            .iter()
            .position(|&b| b == b'=')
            .ok_or_else(|| RootError::Form(shown()))?;
        // SAFETY: split at an ASCII `=`, which is a boundary in the
        // platform's encoding (as the standard library's docs allow).
        let (remote, local) = unsafe {
            (
                OsStr::from_encoded_bytes_unchecked(&bytes[..at]),
                OsStr::from_encoded_bytes_unchecked(&bytes[at + 1..]),
            )
        };
        let (remote, local) = (clean(Path::new(remote)), clean(Path::new(local)));
        if !remote.is_absolute() || !local.is_absolute() {
            return Err(RootError::Form(shown()));
        }
        Ok(Root { remote, local })
    }
}

/// A path without `.` components and trailing separators, so that
/// `/mnt/nas/` and `/mnt/./nas` are the same root. `..` stays: it is not
/// resolved without the disk, and a root with one simply matches nothing.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// The roots of one `team join`, longest REMOTE first.
#[derive(Debug, Clone, Default)]
pub struct Roots(Vec<Root>);

impl Roots {
    pub fn new(mut roots: Vec<Root>) -> Result<Roots, RootError> {
        roots.sort_by_key(|r| std::cmp::Reverse(r.remote.components().count()));
        let mut seen = std::collections::HashSet::new();
        for root in &roots {
            if !seen.insert(&root.remote) {
                return Err(RootError::Twice(root.remote.display().to_string()));
            }
        }
        Ok(Roots(roots))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `path` is on this machine, when a root is above it.
    pub fn map(&self, path: &Path) -> Option<PathBuf> {
        self.0
            .iter()
            .find_map(|root| under(path, &root.remote, &root.local))
    }

    /// Where the team names `path` of this machine, when a root's LOCAL
    /// is above it (the longest such LOCAL wins): the other way from
    /// [`Roots::map`], for the photos this replica imports.
    pub fn to_team(&self, path: &Path) -> Option<PathBuf> {
        self.0
            .iter()
            .filter_map(|root| {
                under(path, &root.local, &root.remote).map(|p| (root.local.components().count(), p))
            })
            .max_by_key(|(depth, _)| *depth)
            .map(|(_, p)| p)
    }

    /// Each root as `(REMOTE, LOCAL)`, for the catalogue to keep.
    pub fn pairs(&self) -> Vec<(&Path, &Path)> {
        self.0
            .iter()
            .map(|r| (r.remote.as_path(), r.local.as_path()))
            .collect()
    }

    /// The roots a catalogue kept.
    pub fn kept(pairs: Vec<(PathBuf, PathBuf)>) -> Roots {
        let roots = pairs
            .into_iter()
            .map(|(remote, local)| Root { remote, local })
            .collect();
        // Kept from roots that were checked when given.
        Roots::new(roots).unwrap_or_default()
    }
}

/// `path` moved from under `from` to under `to`, when `from` is a folder
/// above it (never the path itself).
fn under(path: &Path, from: &Path, to: &Path) -> Option<PathBuf> {
    let rest = path.strip_prefix(from).ok()?;
    if rest.as_os_str().is_empty() {
        return None;
    }
    Some(to.join(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(args: &[&str]) -> Roots {
        Roots::new(
            args.iter()
                .map(|a| Root::parse(OsStr::new(a)).unwrap())
                .collect(),
        )
        .unwrap()
    }

    fn mapped(roots: &Roots, path: &str) -> Option<String> {
        roots
            .map(Path::new(path))
            .map(|p| p.to_string_lossy().into_owned())
    }

    #[test]
    fn a_root_matches_whole_components_only() {
        let r = roots(&["/mnt/nas=/Volumes/Archiv"]);
        assert_eq!(
            mapped(&r, "/mnt/nas/1991/Milovice/01.jpg").as_deref(),
            Some("/Volumes/Archiv/1991/Milovice/01.jpg")
        );
        assert_eq!(mapped(&r, "/mnt/nas2/x.jpg"), None);
        assert_eq!(mapped(&r, "/mnt/na/x.jpg"), None);
        assert_eq!(mapped(&r, "/srv/mnt/nas/x.jpg"), None);
        // The root itself is a folder, not a photo.
        assert_eq!(mapped(&r, "/mnt/nas"), None);
    }

    #[test]
    fn the_longest_remote_wins_whatever_the_order_given() {
        for order in [
            ["/mnt/nas=/data/nas", "/mnt/nas/negatives=/media/neg"],
            ["/mnt/nas/negatives=/media/neg", "/mnt/nas=/data/nas"],
        ] {
            let r = roots(&order);
            assert_eq!(
                mapped(&r, "/mnt/nas/negatives/1989/a.tif").as_deref(),
                Some("/media/neg/1989/a.tif")
            );
            assert_eq!(
                mapped(&r, "/mnt/nas/prints/b.jpg").as_deref(),
                Some("/data/nas/prints/b.jpg")
            );
            assert_eq!(
                mapped(&r, "/mnt/nas/negatives2/c.jpg").as_deref(),
                Some("/data/nas/negatives2/c.jpg")
            );
        }
    }

    #[test]
    fn trailing_slashes_and_dots_do_not_matter_and_names_keep_their_letters() {
        let r = roots(&["/mnt/nas/./Kyndrová/=/home/jana/Sken y=1"]);
        assert_eq!(
            mapped(&r, "/mnt/nas/Kyndrová/Вывод войск.jpg").as_deref(),
            Some("/home/jana/Sken y=1/Вывод войск.jpg")
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_mapped_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let r = roots(&["/mnt/nas=/data"]);
        let odd = Path::new(OsStr::from_bytes(b"/mnt/nas/Kyndrov\xe1/01.jpg"));
        assert_eq!(
            r.map(odd).unwrap().as_os_str().as_bytes(),
            b"/data/Kyndrov\xe1/01.jpg"
        );
    }

    #[test]
    fn a_path_of_this_machine_goes_back_to_the_team_s_name_by_the_longest_local() {
        let r = roots(&["/mnt/nas=/data", "/mnt/nas/negatives=/data/neg"]);
        let back = |p: &str| r.to_team(Path::new(p)).map(|p| p.display().to_string());
        assert_eq!(
            back("/data/neg/1989/a.tif").as_deref(),
            Some("/mnt/nas/negatives/1989/a.tif")
        );
        assert_eq!(
            back("/data/prints/b.jpg").as_deref(),
            Some("/mnt/nas/prints/b.jpg")
        );
        assert_eq!(back("/data2/c.jpg"), None);
        assert_eq!(back("/data"), None);
        for p in ["/mnt/nas/negatives/1989/a.tif", "/mnt/nas/prints/b.jpg"] {
            let here = r.map(Path::new(p)).unwrap();
            assert_eq!(r.to_team(&here).unwrap(), Path::new(p));
        }
    }

    #[test]
    fn bad_roots_are_refused() {
        for bad in [
            "/mnt/nas",
            "mnt/nas=/data",
            "/mnt/nas=data",
            "=/data",
            "/mnt=",
        ] {
            assert!(Root::parse(OsStr::new(bad)).is_err(), "{bad}");
        }
        let twice = Roots::new(vec![
            Root::parse(OsStr::new("/mnt/nas=/a")).unwrap(),
            Root::parse(OsStr::new("/mnt/nas/=/b")).unwrap(),
        ]);
        assert_eq!(twice.unwrap_err(), RootError::Twice("/mnt/nas".into()));
    }
}
