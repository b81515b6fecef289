//! Alphabetical order as a language reads it (Unicode collation, ICU4X's
//! data): Czech puts "ch" after "h" and "Č" after "C", English puts "Č"
//! with "C". The catalogue sorts text by it when told a language; the
//! command line never tells it one, so its order stays what it was.

use std::cmp::Ordering;

use icu_collator::CollatorBorrowed;
use icu_collator::options::CollatorOptions;

/// One language's order of text.
pub struct Collation {
    tag: String,
    collator: CollatorBorrowed<'static>,
}

impl std::fmt::Debug for Collation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Collation").field(&self.tag).finish()
    }
}

impl Collation {
    /// The order of a language by its BCP 47 tag (`cs`, `sk`, `en`); the
    /// root order (Unicode's default) for a language without data.
    pub fn new(tag: &str) -> Collation {
        let locale: icu_locale_core::Locale =
            tag.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN);
        let collator =
            icu_collator::Collator::try_new((&locale).into(), CollatorOptions::default())
                .or_else(|_| {
                    icu_collator::Collator::try_new(Default::default(), CollatorOptions::default())
                })
                // Compiled-in data: the root collation is always there.
                .expect("the root collation is built in");
        Collation {
            tag: tag.to_owned(),
            collator,
        }
    }

    /// The language it is for.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }

    /// Bytes that order as [`compare`](Self::compare) orders the texts, for
    /// sorting many texts once each.
    pub fn sort_key(&self, text: &str) -> Vec<u8> {
        let mut key = Vec::new();
        let Ok(()) = self.collator.write_sort_key_to(text, &mut key);
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_order_as_the_comparison_does() {
        let cs = Collation::new("cs");
        let mut words = vec!["chata", "hrad", "Cesta", "Čech", "ivan"];
        words.sort_by_key(|w| cs.sort_key(w));
        assert_eq!(words, ["Cesta", "Čech", "hrad", "chata", "ivan"]);
        let en = Collation::new("en");
        words.sort_by_key(|w| en.sort_key(w));
        // English reads Č as C with a mark: "Čech" before "Cesta".
        assert_eq!(words, ["Čech", "Cesta", "chata", "hrad", "ivan"]);
    }
}
