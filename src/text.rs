//! Text comparison the way archivists expect: case- and accent-blind, so
//! that "kyndrova" finds Kyndrová, "dubcek" Dubček and "sedivy" Šedivý.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
