//! The window's words: every text the desktop app shows comes from the
//! Fluent message files under `i18n/` (English, Czech, Slovak), built into
//! the binary. Also the language's order of text (collation) and its way of
//! writing numbers.
//!
//! The language is per window: the app puts its [`Shared`] language on the
//! threads that make text for it (the window's, the catalogue worker's and
//! the jobs they start), so two windows (or two tests) in one process can
//! speak different languages. The command line never comes here: it stays
//! English.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::collation::Collation;

/// A language the window speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    English,
    Czech,
    Slovak,
    /// English with every message wrapped in ⟦ ⟧, so a test can tell text
    /// that came from the message files from text that did not. Never
    /// offered in the menu.
    Pseudo,
}

/// The message files, as they are built into the binary.
pub const ENGLISH_FTL: &str = include_str!("../../i18n/en/kartoteka.ftl");
pub const CZECH_FTL: &str = include_str!("../../i18n/cs/kartoteka.ftl");
pub const SLOVAK_FTL: &str = include_str!("../../i18n/sk/kartoteka.ftl");

impl Language {
    /// The languages a user can choose, in the menu's order.
    pub const CHOSEN: [Language; 3] = [Language::English, Language::Czech, Language::Slovak];

    /// The BCP 47 tag of the language.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English | Language::Pseudo => "en",
            Language::Czech => "cs",
            Language::Slovak => "sk",
        }
    }

    /// Its message file.
    pub fn ftl(self) -> &'static str {
        match self {
            Language::English | Language::Pseudo => ENGLISH_FTL,
            Language::Czech => CZECH_FTL,
            Language::Slovak => SLOVAK_FTL,
        }
    }

    /// The language of a POSIX locale name (`cs_CZ.UTF-8`, `sk_SK`,
    /// `cs`): English for any other.
    pub fn of_locale(locale: &str) -> Language {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "cs" => Language::Czech,
            "sk" => Language::Slovak,
            _ => Language::English,
        }
    }

    /// The system's language: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set (as the C library reads them for messages).
    pub fn of_system() -> Language {
        Self::of_environment(|name| std::env::var(name).ok())
    }

    /// [`of_system`](Self::of_system) on given variables.
    pub fn of_environment(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|v| !v.is_empty())
            .map_or(Language::English, |v| Language::of_locale(&v))
    }
}

/// One language's messages, collation and number form.
pub struct Strings {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    collation: Arc<Collation>,
    /// Messages without arguments, formatted once: most of what a frame
    /// asks for.
    plain: std::collections::HashMap<String, String>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// Why a message file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MessageFileError {
    #[error("the {language:?} messages do not parse: {errors}")]
    Syntax { language: Language, errors: String },
    #[error("the {language:?} messages repeat an id: {errors}")]
    Bundle { language: Language, errors: String },
}

impl Strings {
    /// The messages of a language, read once per process when first asked
    /// for (a window reads only the languages it speaks).
    pub fn of(language: Language) -> Arc<Strings> {
        static BUILT: [OnceLock<Arc<Strings>>; 4] = [const { OnceLock::new() }; 4];
        let index = match language {
            Language::English => 0,
            Language::Czech => 1,
            Language::Slovak => 2,
            Language::Pseudo => 3,
        };
        BUILT[index]
            .get_or_init(|| {
                // The files are built into the binary and checked by the
                // tests; a broken one is a build that must not ship.
                Arc::new(Strings::build(language).unwrap_or_else(|e| panic!("{e}")))
            })
            .clone()
    }

    /// Parses a language's message file.
    pub fn build(language: Language) -> Result<Strings, MessageFileError> {
        let resource = FluentResource::try_new(language.ftl().to_owned()).map_err(|(_, e)| {
            MessageFileError::Syntax {
                language,
                errors: format!("{e:?}"),
            }
        })?;
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        let tag: LanguageIdentifier = language.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // egui draws the isolation marks Fluent puts around arguments as
        // boxes; the texts are short and never mix directions.
        bundle.set_use_isolating(false);
        match language {
            Language::English | Language::Pseudo => bundle.set_formatter(Some(english_number)),
            Language::Czech | Language::Slovak => bundle.set_formatter(Some(czech_number)),
        }
        bundle
            .add_resource(resource)
            .map_err(|e| MessageFileError::Bundle {
                language,
                errors: format!("{e:?}"),
            })?;
        let mut strings = Strings {
            language,
            bundle,
            collation: Arc::new(Collation::new(language.tag())),
            plain: std::collections::HashMap::new(),
        };
        for id in ids {
            let Some(pattern) = strings.bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = strings.bundle.format_pattern(pattern, None, &mut errors);
            // A message that needs arguments reports the missing ones.
            if errors.is_empty() {
                let text = strings.wrapped(text.into_owned());
                strings.plain.insert(id, text);
            }
        }
        Ok(strings)
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether the file has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message, with its arguments; the id itself when there is no such
    /// message (the tests make sure there never is one).
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        self.wrapped(text.into_owned())
    }

    /// A message without arguments.
    pub fn plain(&self, id: &str) -> String {
        match self.plain.get(id) {
            Some(text) => text.clone(),
            None => self.format(id, None),
        }
    }

    /// The pseudo-language's mark around a message; other languages' text
    /// as it is.
    fn wrapped(&self, text: String) -> String {
        if self.language == Language::Pseudo {
            format!("⟦{text}⟧")
        } else {
            text
        }
    }

    /// Compares two texts in the language's order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collation.compare(a, b)
    }

    /// The language's order of text, for the catalogue's sorting.
    pub fn collation(&self) -> Arc<Collation> {
        self.collation.clone()
    }

    /// A whole number as the language writes it (`12,345` or `12 345`).
    pub fn number(&self, n: u64) -> String {
        match self.language {
            Language::English | Language::Pseudo => group(n, ','),
            Language::Czech | Language::Slovak => group(n, '\u{a0}'),
        }
    }

    /// A number with one decimal place (`1.5` or `1,5`).
    pub fn decimal(&self, x: f64) -> String {
        let text = format!("{x:.1}");
        match self.language {
            Language::English | Language::Pseudo => text,
            Language::Czech | Language::Slovak => text.replace('.', ","),
        }
    }
}

impl Strings {
    /// A date and time of day as the language writes it
    /// (`2026-11-29 22:19`, `29. 11. 2026 22:19`).
    pub fn date_time(&self, t: jiff::civil::DateTime) -> String {
        match self.language {
            Language::English | Language::Pseudo => t.strftime("%Y-%m-%d %H:%M").to_string(),
            Language::Czech | Language::Slovak => format!(
                "{}.\u{a0}{}.\u{a0}{} {:02}:{:02}",
                t.day(),
                t.month(),
                t.year(),
                t.hour(),
                t.minute()
            ),
        }
    }
}

impl Strings {
    /// A timestamp as the catalogue keeps it (`2019-03-04T10:22:05`, perhaps
    /// with a fraction or a zone after it, or a date alone) as the language
    /// writes it (`2019-03-04 10:22:05`, `4. 3. 2019 10:22:05`); text that is
    /// not one stays as it is.
    pub fn timestamp(&self, text: &str) -> String {
        if matches!(self.language, Language::English | Language::Pseudo) {
            return text.replace('T', " ");
        }
        fn number(s: Option<&str>) -> Option<&str> {
            s.filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
        }
        let date = text.get(..10);
        let parts: Vec<&str> = date.map(|d| d.split('-').collect()).unwrap_or_default();
        let (Some(year), Some(month), Some(day)) = (
            number(parts.first().copied()).filter(|y| y.len() == 4),
            number(parts.get(1).copied()).and_then(|m| m.parse::<u8>().ok()),
            number(parts.get(2).copied()).and_then(|d| d.parse::<u8>().ok()),
        ) else {
            return text.to_owned();
        };
        if parts.len() != 3 {
            return text.to_owned();
        }
        let rest = &text[10..];
        let time = rest.strip_prefix(['T', ' ']).unwrap_or(rest);
        let day_text = format!("{day}.\u{a0}{month}.\u{a0}{year}");
        if time.is_empty() {
            day_text
        } else {
            format!("{day_text} {time}")
        }
    }
}

/// Digits in groups of three.
fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn formatted_number(value: &FluentValue, separator: char, decimal: char) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let text = n.as_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (&*text, None),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", whole),
    };
    let grouped = group(digits.parse().ok()?, separator);
    Some(match fraction {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    })
}

fn english_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    formatted_number(value, ',', '.')
}

fn czech_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    formatted_number(value, '\u{a0}', ',')
}

/// A window's language, shared with the threads that make text for it.
#[derive(Clone, Debug)]
pub struct Shared(Arc<RwLock<Arc<Strings>>>);

impl Shared {
    pub fn new(language: Language) -> Shared {
        Shared(Arc::new(RwLock::new(Strings::of(language))))
    }

    /// Speaks another language from now on, on every thread sharing it.
    pub fn set(&self, language: Language) {
        let strings = Strings::of(language);
        match self.0.write() {
            Ok(mut s) => *s = strings,
            Err(poisoned) => *poisoned.into_inner() = strings,
        }
    }

    pub fn strings(&self) -> Arc<Strings> {
        match self.0.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn language(&self) -> Language {
        self.strings().language
    }

    /// Makes this the language of the calling thread's text.
    pub fn use_here(&self) {
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if !c.as_ref().is_some_and(|s| Arc::ptr_eq(&s.0, &self.0)) {
                *c = Some(self.clone());
            }
        });
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// The language of this thread's text (English where none was set), to be
/// carried to a thread that is about to be started.
pub fn current() -> Shared {
    CURRENT.with(|c| {
        c.borrow()
            .clone()
            .unwrap_or_else(|| Shared::new(Language::English))
    })
}

fn with<R>(f: impl FnOnce(&Strings) -> R) -> R {
    CURRENT.with(|c| match &*c.borrow() {
        Some(shared) => match shared.0.read() {
            Ok(s) => f(&s),
            Err(poisoned) => f(&poisoned.into_inner()),
        },
        None => f(&Strings::of(Language::English)),
    })
}

/// The message `id` in this thread's language.
pub fn t(id: &str) -> String {
    with(|s| s.plain(id))
}

/// The message `id` with arguments, in this thread's language.
pub fn t_args(id: &str, args: &FluentArgs) -> String {
    with(|s| s.format(id, Some(args)))
}

/// Compares two texts in this thread's language's order.
pub fn compare(a: &str, b: &str) -> Ordering {
    with(|s| s.compare(a, b))
}

/// A whole number in this thread's language's form.
pub fn number(n: impl TryInto<u64>) -> String {
    let n = n.try_into().unwrap_or(u64::MAX);
    with(|s| s.number(n))
}

/// A number with one decimal place in this thread's language's form.
pub fn decimal(x: f64) -> String {
    with(|s| s.decimal(x))
}

/// A timestamp as the catalogue keeps it, in this thread's language's form.
pub fn timestamp(text: &str) -> String {
    with(|s| s.timestamp(text))
}

/// A date and time of day in this thread's language's form.
pub fn date_time(t: jiff::civil::DateTime) -> String {
    with(|s| s.date_time(t))
}

/// A value for a message's argument.
pub fn value<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `tr!("id")` or `tr!("id", name = value, ...)`: a message in the
/// window's language. Argument values are numbers (for plurals) or text.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::ui::i18n::t($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::ui::i18n::value($value)); )+
        $crate::ui::i18n::t_args($id, &args)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_names_the_language() {
        assert_eq!(Language::of_locale("cs_CZ.UTF-8"), Language::Czech);
        assert_eq!(Language::of_locale("sk_SK"), Language::Slovak);
        assert_eq!(Language::of_locale("sk"), Language::Slovak);
        assert_eq!(Language::of_locale("de_DE.UTF-8"), Language::English);
        assert_eq!(Language::of_locale("C"), Language::English);
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Language::of_environment(env(&[("LANG", "cs_CZ.UTF-8")])),
            Language::Czech
        );
        assert_eq!(
            Language::of_environment(env(&[("LANG", "cs_CZ.UTF-8"), ("LC_MESSAGES", "sk_SK")])),
            Language::Slovak
        );
        assert_eq!(
            Language::of_environment(env(&[
                ("LC_ALL", "en_GB.UTF-8"),
                ("LC_MESSAGES", "sk_SK"),
                ("LANG", "cs_CZ.UTF-8")
            ])),
            Language::English
        );
        assert_eq!(
            Language::of_environment(env(&[("LC_ALL", ""), ("LANG", "cs_CZ.UTF-8")])),
            Language::Czech
        );
        assert_eq!(Language::of_environment(env(&[])), Language::English);
    }

    #[test]
    fn numbers_are_written_the_languages_way() {
        let en = Strings::of(Language::English);
        let cs = Strings::of(Language::Czech);
        assert_eq!(en.number(1234567), "1,234,567");
        assert_eq!(en.number(999), "999");
        assert_eq!(cs.number(12345), "12\u{a0}345");
        assert_eq!(cs.decimal(1.25), "1,2");
        assert_eq!(en.decimal(1.5), "1.5");
        let t = jiff::civil::date(2026, 3, 7).at(9, 5, 0, 0);
        assert_eq!(en.date_time(t), "2026-03-07 09:05");
        assert_eq!(cs.date_time(t), "7.\u{a0}3.\u{a0}2026 09:05");
        assert_eq!(
            cs.timestamp("2019-03-04T10:22:05+02:00"),
            "4.\u{a0}3.\u{a0}2019 10:22:05+02:00"
        );
        assert_eq!(cs.timestamp("2019-03-04"), "4.\u{a0}3.\u{a0}2019");
        assert_eq!(cs.timestamp("about 1991"), "about 1991");
        assert_eq!(
            en.timestamp("2019-03-04T10:22:05+02:00"),
            "2019-03-04 10:22:05+02:00"
        );
    }

    fn message_ids(ftl: &str) -> Vec<String> {
        let resource = FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(_, e)| {
            panic!("a message file does not parse: {e:?}");
        });
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    /// Each message's text as written, by id (the lines from its id to the
    /// next one).
    fn message_sources(ftl: &str) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            let starts = line
                .split_once(" =")
                .filter(|(id, _)| {
                    !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                })
                .map(|(id, _)| id.to_owned());
            if let Some(id) = starts {
                current = Some(id.clone());
                out.insert(id, line.to_owned());
            } else if line.starts_with(' ') || line.starts_with('}') {
                if let Some(id) = &current {
                    let text: &mut String = out.get_mut(id).expect("inserted above");
                    text.push('\n');
                    text.push_str(line);
                }
            } else {
                current = None;
            }
        }
        out
    }

    /// The `$variables` a message's text uses.
    fn variables(text: &str) -> std::collections::BTreeSet<String> {
        let mut found = std::collections::BTreeSet::new();
        let mut rest = text;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
            rest = &rest[at + 1..];
        }
        found
    }

    #[test]
    fn every_message_file_parses_and_builds() {
        for language in [Language::English, Language::Czech, Language::Slovak] {
            if let Err(e) = Strings::build(language) {
                panic!("{e}");
            }
            assert!(!message_ids(language.ftl()).is_empty());
        }
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_arguments() {
        let english = message_sources(ENGLISH_FTL);
        assert_eq!(
            english.len(),
            message_ids(ENGLISH_FTL).len(),
            "the test's reading of the English file"
        );
        for language in [Language::Czech, Language::Slovak] {
            let ids = message_ids(language.ftl());
            let mut seen = std::collections::BTreeSet::new();
            for id in &ids {
                assert!(seen.insert(id), "{language:?} has {id} twice");
            }
            let missing: Vec<&String> = english.keys().filter(|id| !seen.contains(id)).collect();
            assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
            let extra: Vec<&&String> = seen
                .iter()
                .filter(|id| !english.contains_key(**id))
                .collect();
            assert!(
                extra.is_empty(),
                "{language:?} has messages English lacks: {extra:?}"
            );
            let translated = message_sources(language.ftl());
            for (id, text) in &english {
                assert_eq!(
                    variables(text),
                    variables(&translated[id]),
                    "{language:?} {id} takes other arguments than English"
                );
            }
        }
    }

    /// The string literals of a Rust source (comments, char literals and
    /// lifetimes told apart), each with the code just before it.
    fn literals(source: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = source.chars().collect();
        let mut out = Vec::new();
        let mut code = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if c == '/' && next == Some('/') {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            } else if c == '/' && next == Some('*') {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            } else if c == '\'' {
                // A char literal ('x', '\n', '\u{..}'), else a lifetime.
                if next == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    code.push(c);
                    i += 1;
                }
            } else if c == '"' {
                let mut literal = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(&ch) = chars.get(i) {
                        literal.push(ch);
                    }
                    i += 1;
                }
                i += 1;
                out.push((code.clone(), literal));
                code.clear();
            } else {
                code.push(c);
                i += 1;
            }
        }
        out
    }

    /// The string literals of the window's sources outside their tests,
    /// where message ids are named (in `tr!` or in tables such as the
    /// keyboard reference's), and the ids asked for with `tr!` or `t`.
    fn ui_literals() -> (std::collections::BTreeSet<String>, Vec<(String, String)>) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut all = std::collections::BTreeSet::new();
        let mut asked = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("src/ui") {
            let path = entry.expect("src/ui entry").path();
            // This file defines the machinery, not messages.
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a source file");
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            for (before, literal) in literals(source) {
                let before = before.trim_end();
                let call = ["tr!(", "i18n::t("].iter().any(|call| {
                    before.strip_suffix(call).is_some_and(|rest| {
                        !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                });
                if call {
                    asked.push((file.clone(), literal.clone()));
                }
                all.insert(literal);
            }
        }
        (all, asked)
    }

    #[test]
    fn no_message_is_unused_and_every_message_asked_for_exists() {
        let (literals, asked) = ui_literals();
        assert!(asked.len() > 300, "the scan found {} uses", asked.len());
        let english = Strings::of(Language::English);
        let unknown: Vec<&(String, String)> =
            asked.iter().filter(|(_, id)| !english.has(id)).collect();
        assert!(
            unknown.is_empty(),
            "asked for but not in the files: {unknown:?}"
        );
        let unused: Vec<String> = message_ids(ENGLISH_FTL)
            .into_iter()
            .filter(|id| !literals.contains(id))
            .collect();
        assert!(unused.is_empty(), "messages no source names: {unused:?}");
        // The keyboard reference names its messages in a table.
        for binding in crate::ui::keys::BINDINGS {
            assert!(english.has(binding.what), "{}", binding.what);
        }
        for (keys, what) in crate::ui::keys::TYPING {
            assert!(english.has(keys) && english.has(what), "{keys} {what}");
        }
    }

    fn photos(strings: &Strings, n: u64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", n);
        strings.format("photo-count", Some(&args))
    }

    #[test]
    fn czech_and_slovak_count_photos_with_their_plural_forms() {
        let cs = Strings::of(Language::Czech);
        let counted: Vec<String> = [1, 2, 5, 22, 25].iter().map(|n| photos(&cs, *n)).collect();
        assert_eq!(
            counted,
            [
                "1 fotografie",
                "2 fotografie",
                "5 fotografií",
                // Czech takes "few" for 2 to 4 only: 22 counts as 5 does.
                "22 fotografií",
                "25 fotografií"
            ]
        );
        assert_eq!(photos(&cs, 3), "3 fotografie");
        assert_eq!(photos(&cs, 0), "0 fotografií");
        assert_eq!(photos(&cs, 1234), "1\u{a0}234 fotografií");
        let sk = Strings::of(Language::Slovak);
        let counted: Vec<String> = [1, 2, 5, 22, 25].iter().map(|n| photos(&sk, *n)).collect();
        assert_eq!(
            counted,
            [
                "1 fotografia",
                "2 fotografie",
                "5 fotografií",
                "22 fotografií",
                "25 fotografií"
            ]
        );
        let en = Strings::of(Language::English);
        assert_eq!(photos(&en, 1), "1 photo");
        assert_eq!(photos(&en, 2), "2 photos");
        assert_eq!(photos(&en, 1234), "1,234 photos");
    }

    #[test]
    fn arguments_carry_no_isolation_marks_and_the_pseudo_language_wraps_every_message() {
        let mut args = FluentArgs::new();
        args.set("set", "Odchod 1991");
        let cs = Strings::of(Language::Czech).format("set-created", Some(&args));
        assert_eq!(cs, "Vytvořena sada „Odchod 1991“");
        assert!(!cs.contains(['\u{2068}', '\u{2069}']));
        let pseudo = Strings::of(Language::Pseudo);
        assert_eq!(pseudo.format("menu-file", None), "⟦File⟧");
        // The same from the messages formatted once.
        assert_eq!(pseudo.plain("menu-file"), "⟦File⟧");
        assert_eq!(Strings::of(Language::Czech).plain("menu-file"), "Soubor");
        assert_eq!(
            pseudo.format("set-created", Some(&args)),
            "⟦Created set “Odchod 1991”⟧"
        );
    }

    #[test]
    fn each_window_thread_speaks_its_own_language() {
        let czech = Shared::new(Language::Czech);
        czech.use_here();
        assert_eq!(t("menu-file"), "Soubor");
        let other = std::thread::Builder::new()
            .name("kartoteka-test-bare".into())
            .spawn(|| t("menu-file"))
            .expect("a thread")
            .join()
            .expect("the thread");
        assert_eq!(other, "File", "a thread without a language speaks English");
        let carried = current();
        let carried = std::thread::Builder::new()
            .name("kartoteka-test-carried".into())
            .spawn(move || {
                carried.use_here();
                t("menu-file")
            })
            .expect("a thread")
            .join()
            .expect("the thread");
        assert_eq!(carried, "Soubor");
        czech.set(Language::Slovak);
        assert_eq!(t("menu-file"), "Súbor", "switched without a restart");
        Shared::new(Language::English).use_here();
    }

    #[test]
    fn czech_collation_puts_ch_after_h_and_c_caron_after_c() {
        let cs = Strings::of(Language::Czech);
        let mut words = vec!["chata", "hrad", "Cesta", "Čech", "ivan"];
        words.sort_by(|a, b| cs.compare(a, b));
        assert_eq!(words, ["Cesta", "Čech", "hrad", "chata", "ivan"]);
        let en = Strings::of(Language::English);
        words.sort_by(|a, b| en.compare(a, b));
        // English reads Č as C with a mark: "Čech" before "Cesta".
        assert_eq!(words, ["Čech", "Cesta", "chata", "hrad", "ivan"]);
    }

    #[test]
    fn slovak_collation_puts_ch_after_h() {
        let sk = Strings::of(Language::Slovak);
        let mut words = vec!["chlieb", "hora", "cesta", "čas", "ihla"];
        words.sort_by(|a, b| sk.compare(a, b));
        assert_eq!(words, ["cesta", "čas", "hora", "chlieb", "ihla"]);
    }
}
