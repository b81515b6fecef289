//! File paths as the catalogue stores them: the operating system's own
//! bytes, so that a name that is not valid UTF-8 (common on old archive
//! drives written in a legacy code page) survives a round trip.

use std::path::{Path, PathBuf};

#[cfg(unix)]
pub fn path_to_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

// Windows paths are UTF-16 and may hold unpaired surrogates; WTF-8 keeps them.
#[cfg(not(unix))]
pub fn path_to_bytes(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

#[cfg(not(unix))]
pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    // SAFETY: the bytes were produced by `as_encoded_bytes` on this platform
    // (catalogues are not shared between Windows and Unix).
    PathBuf::from(unsafe { std::ffi::OsString::from_encoded_bytes_unchecked(bytes) })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_names_survive() {
        use std::os::unix::ffi::OsStrExt;
        let odd = Path::new(std::ffi::OsStr::from_bytes(b"/archiv/Kyndrov\xe1/01.jpg"));
        assert_eq!(path_from_bytes(path_to_bytes(odd)), odd);
    }
}
