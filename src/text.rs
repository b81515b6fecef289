//! Text the way archivists expect it: compared case- and accent-blind (so
//! that "kyndrova" finds Kyndrová, "dubcek" Dubček and "sedivy" Šedivý),
//! and made safe on its way out: control characters from a file or a CSV
//! cell never reach a terminal raw (an untrusted file could send escape
//! sequences) and never reach XML, where they are not well-formed.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Characters XML 1.0 does not allow at all (tab, line feed and carriage
/// return are allowed).
fn not_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Text for XML: characters XML forbids (NUL, ESC, BEL, …) are left out.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(not_xml) {
        Cow::Owned(text.chars().filter(|c| !not_xml(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a character would act on a terminal rather than show: C0 and C1
/// controls and DEL. `keep` names the ones a caller lets through (a line
/// feed in a multi-line caption, a tab between columns).
fn controls(c: char, keep: &[char]) -> bool {
    // Bidirectional overrides and isolates can make a line read as
    // something else (a file name that looks like another).
    (c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        && !keep.contains(&c)
}

/// Text for a terminal: control characters (ESC, BEL, NUL, …) shown as
/// `\x1b`-style escapes, except those in `keep`.
pub fn printable_keeping<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| controls(c, keep)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if controls(c, keep) {
            let n = c as u32;
            if n <= 0xFF {
                out.push_str(&format!("\\x{n:02x}"));
            } else {
                out.push_str(&format!("\\u{{{n:04x}}}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for one line of a terminal: every control character escaped,
/// line breaks and tabs included.
pub fn printable(text: &str) -> Cow<'_, str> {
    printable_keeping(text, &[])
}

/// A path for a person to read on a terminal: control characters escaped,
/// and bytes that are not UTF-8 shown as `\xE1`, so that two different
/// names never look the same.
pub fn printable_path(path: &std::path::Path) -> String {
    match path.to_str() {
        Some(s) => printable(s).into_owned(),
        None => {
            let bytes = crate::catalog::path_to_bytes(path);
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(&printable(chunk.valid()));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            out
        }
    }
}

/// Lower-cases and strips diacritics: `Šedivý` → `sedivy`. Letters that are
/// not a base letter plus marks (ł, ø, đ) are kept as they are.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A count with its noun in the right number: "1 photo", "5 photos".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Text cut to `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{count, fold, shorten};

    #[test]
    fn counts_say_one_and_many() {
        assert_eq!(count(1, "photo", "photos"), "1 photo");
        assert_eq!(count(0, "photo", "photos"), "0 photos");
        assert_eq!(count(2, "copy", "copies"), "2 copies");
    }

    #[test]
    fn shortening_keeps_short_text_and_marks_a_cut() {
        assert_eq!(shorten("Milovice", 20), "Milovice");
        assert_eq!(shorten("Poslední vlak opouští Milovice", 10), "Poslední…");
    }

    #[test]
    fn control_characters_never_reach_a_terminal_or_xml() {
        use super::*;
        assert_eq!(printable("a\u{1b}[31mred\u{7}"), "a\\x1b[31mred\\x07");
        assert_eq!(printable_keeping("two\nlines", &['\n']), "two\nlines");
        assert_eq!(printable("Kyndrová"), "Kyndrová");
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = std::path::Path::new(std::ffi::OsStr::from_bytes(b"/a/Kyndrov\xe1\x1b.jpg"));
            assert_eq!(printable_path(odd), "/a/Kyndrov\\xE1\\x1b.jpg");
        }
    }

    #[test]
    fn folds_czech_slovak_and_cyrillic() {
        assert_eq!(fold("Kyndrová"), "kyndrova");
        assert_eq!(fold("Dubček"), "dubcek");
        assert_eq!(fold("Šedivý"), "sedivy");
        assert_eq!(fold("Gorbačov"), "gorbacov");
        assert_eq!(fold("KASÁRNA"), "kasarna");
        assert_eq!(fold("Ľudovít Štúr"), "ludovit stur");
        // Cyrillic й is и plus a breve; folding matches what the search index does.
        assert_eq!(fold("Советская Армия"), "советская армия");
        assert_eq!(fold("Йошкар"), "иошкар");
    }
}
