//! Sources cited in wall labels, turned into numbered notes and a
//! bibliography, as a historian's article carries them.
//!
//! A wall label cites a source with a marker in square brackets, quick to
//! type: `[12]` or `[source:12]` cites source 12, and `[12, p. 4]` or
//! `[source:12, p. 4]` adds where in it. On export, the markers become note
//! numbers `[1]`, `[2]`… in order of first appearance through the set (a
//! source cited again at the same place keeps its number), each note reads
//! "citation, locator", and the bibliography lists every cited source once.
//! A marker naming no source in the catalogue (a year in brackets,
//! `[1991]`, say) is left as typed.

use std::collections::BTreeMap;

use crate::catalog::SourceRecord;

/// A piece of a wall label: text as typed, or a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Cite {
        source: i64,
        locator: Option<&'a str>,
        /// The marker as typed, for a source the catalogue lacks.
        marker: &'a str,
    },
}

/// Splits a wall label into text and citation markers.
pub fn pieces(label: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = label;
    let mut text_from = 0;
    let mut at = 0;
    while let Some(open) = rest[at..].find('[').map(|i| at + i) {
        let Some(close) = rest[open..].find(']').map(|i| open + i) else {
            break;
        };
        match marker(&rest[open + 1..close]) {
            Some((source, locator)) => {
                if open > text_from {
                    out.push(Piece::Text(&rest[text_from..open]));
                }
                out.push(Piece::Cite {
                    source,
                    locator,
                    marker: &rest[open..=close],
                });
                text_from = close + 1;
                at = close + 1;
            }
            None => at = open + 1,
        }
        if at >= rest.len() {
            break;
        }
    }
    rest = &rest[text_from..];
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The inside of a marker: `12`, `source:12`, either with `, locator`.
fn marker(inside: &str) -> Option<(i64, Option<&str>)> {
    let (id, locator) = match inside.split_once(',') {
        Some((id, locator)) => (id, Some(locator.trim()).filter(|l| !l.is_empty())),
        None => (inside, None),
    };
    let id = id.trim();
    let id = id
        .strip_prefix("source:")
        .or_else(|| id.strip_prefix("source :"))
        .map_or(id, str::trim);
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) || id.len() > 18 {
        return None;
    }
    Some((id.parse().ok()?, locator))
}

/// The sources a label cites, by id.
pub fn cited(label: &str) -> impl Iterator<Item = i64> + '_ {
    pieces(label).into_iter().filter_map(|p| match p {
        Piece::Cite { source, .. } => Some(source),
        Piece::Text(_) => None,
    })
}

/// One numbered note: the source and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub number: usize,
    pub source: i64,
    pub locator: Option<String>,
}

/// Numbers the citations of a whole set, label by label.
#[derive(Debug)]
pub struct Notes<'s> {
    sources: &'s BTreeMap<i64, SourceRecord>,
    pub notes: Vec<Note>,
}

impl<'s> Notes<'s> {
    pub fn new(sources: &'s BTreeMap<i64, SourceRecord>) -> Self {
        Self {
            sources,
            notes: Vec::new(),
        }
    }

    /// A label with its markers as note numbers, and the notes it cites
    /// (in order). Markers naming no known source stay as typed.
    pub fn number(&mut self, label: &str) -> (Vec<Numbered>, Vec<usize>) {
        let mut out = Vec::new();
        let mut cited = Vec::new();
        for piece in pieces(label) {
            match piece {
                Piece::Text(t) => out.push(Numbered::Text(t.to_owned())),
                Piece::Cite {
                    source, locator, ..
                } if self.sources.contains_key(&source) => {
                    let locator = locator.map(str::to_owned);
                    let number = match self
                        .notes
                        .iter()
                        .find(|n| n.source == source && n.locator == locator)
                    {
                        Some(n) => n.number,
                        None => {
                            let number = self.notes.len() + 1;
                            self.notes.push(Note {
                                number,
                                source,
                                locator,
                            });
                            number
                        }
                    };
                    if !cited.contains(&number) {
                        cited.push(number);
                    }
                    out.push(Numbered::Note(number));
                }
                Piece::Cite { marker, .. } => out.push(Numbered::Text(marker.to_owned())),
            }
        }
        (out, cited)
    }

    /// A note as read: "citation, locator".
    pub fn note_text(&self, number: usize) -> String {
        let Some(note) = self.notes.iter().find(|n| n.number == number) else {
            return String::new();
        };
        let citation = self
            .sources
            .get(&note.source)
            .map_or("", |s| s.citation.as_str());
        match &note.locator {
            Some(l) => format!("{citation}, {l}"),
            None => citation.to_owned(),
        }
    }

    /// Every cited source once, ordered as a bibliography is: by its
    /// entry, accent-blind.
    pub fn bibliography(&self) -> Vec<(i64, String)> {
        let mut ids: Vec<i64> = Vec::new();
        for n in &self.notes {
            if !ids.contains(&n.source) {
                ids.push(n.source);
            }
        }
        let mut entries: Vec<(i64, String)> = ids
            .into_iter()
            .filter_map(|id| self.sources.get(&id).map(|s| (id, entry(s))))
            .collect();
        entries.sort_by_cached_key(|(_, e)| crate::text::fold(e));
        entries
    }
}

/// A label, numbered: text and note numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Numbered {
    Text(String),
    Note(usize),
}

/// A numbered label as plain text, notes as `[1]`.
pub fn plain(label: &[Numbered]) -> String {
    label
        .iter()
        .map(|p| match p {
            Numbered::Text(t) => t.clone(),
            Numbered::Note(n) => format!("[{n}]"),
        })
        .collect()
}

/// A source as a bibliography lists it: authors. Title. Publisher, date.
/// Archive reference. URL. (The short citation when that is all there is.)
pub fn entry(s: &SourceRecord) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !s.authors.is_empty() {
        parts.push(s.authors.join("; "));
    }
    if let Some(t) = &s.title {
        parts.push(t.clone());
    }
    match (&s.publisher, &s.date) {
        (Some(p), Some(d)) => parts.push(format!("{p}, {d}")),
        (Some(p), None) => parts.push(p.clone()),
        (None, Some(d)) => parts.push(d.clone()),
        (None, None) => {}
    }
    if let Some(r) = &s.reference {
        parts.push(r.clone());
    }
    if let Some(u) = &s.url {
        parts.push(u.clone());
    }
    if parts.is_empty() || (s.authors.is_empty() && s.title.is_none()) {
        parts.insert(0, s.citation.clone());
    }
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
        if !p.ends_with(['.', '?', '!']) {
            out.push('.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> BTreeMap<i64, SourceRecord> {
        BTreeMap::from([
            (
                12,
                SourceRecord {
                    citation: "Czech Radio, 2020-02-26".into(),
                    title: Some("Před 30 lety začal odchod sovětských vojsk".into()),
                    publisher: Some("Český rozhlas".into()),
                    date: Some("2020-02-26".into()),
                    ..SourceRecord::default()
                },
            ),
            (
                3,
                SourceRecord {
                    citation: "Šedivý 1991".into(),
                    authors: vec!["Šedivý, Jaroslav".into()],
                    title: Some("Návrat domů".into()),
                    date: Some("1991".into()),
                    ..SourceRecord::default()
                },
            ),
        ])
    }

    #[test]
    fn markers_are_found_in_both_forms_with_locators() {
        assert_eq!(
            pieces("75,000 troops [12] or 73,500 [source:3, p. 12]."),
            vec![
                Piece::Text("75,000 troops "),
                Piece::Cite {
                    source: 12,
                    locator: None,
                    marker: "[12]"
                },
                Piece::Text(" or 73,500 "),
                Piece::Cite {
                    source: 3,
                    locator: Some("p. 12"),
                    marker: "[source:3, p. 12]"
                },
                Piece::Text("."),
            ]
        );
        assert_eq!(
            pieces("[sic] [a1] [ ] [12"),
            vec![Piece::Text("[sic] [a1] [ ] [12")]
        );
        assert_eq!(cited("[1][2][source: 3]").collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn notes_are_numbered_through_the_set_and_unknown_markers_stay() {
        let sources = sources();
        let mut notes = Notes::new(&sources);
        let (first, cited) =
            notes.number("Agreement signed [12, para. 2]; some say later [3, p. 12].");
        assert_eq!(plain(&first), "Agreement signed [1]; some say later [2].");
        assert_eq!(cited, [1, 2]);
        let (second, cited) = notes.number("Milovice [1991], see [3, p. 12] and [3].");
        assert_eq!(plain(&second), "Milovice [1991], see [2] and [3].");
        assert_eq!(cited, [2, 3]);
        assert_eq!(notes.note_text(1), "Czech Radio, 2020-02-26, para. 2");
        assert_eq!(notes.note_text(3), "Šedivý 1991");
        let bibliography: Vec<String> = notes.bibliography().into_iter().map(|(_, e)| e).collect();
        assert_eq!(
            bibliography,
            [
                "Před 30 lety začal odchod sovětských vojsk. Český rozhlas, 2020-02-26.",
                "Šedivý, Jaroslav. Návrat domů. 1991.",
            ]
        );
    }
}
