//! Lightroom's keyword list text format, the common currency for moving an
//! archive's controlled vocabulary between tools.
//!
//! ```text
//! Places
//! →Czechoslovakia
//! →→Milovice
//! →→→{Milowitz}
//! [Subjects]
//! →Military
//! ```
//!
//! One keyword per line, nested by tabs (→ above); `[name]` is a category that is not
//! written to files; `{name}` is a synonym of the keyword above it.

use std::collections::HashMap;

/// A keyword with what sits below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    pub name: String,
    /// False for `[categories]`.
    pub exported: bool,
    pub synonyms: Vec<String>,
    pub children: Vec<Term>,
}

/// Dropped level by level rather than recursively, so a list nested
/// thousands of levels deep cannot exhaust the stack.
impl Drop for Term {
    fn drop(&mut self) {
        let mut pending = std::mem::take(&mut self.children);
        while let Some(mut term) = pending.pop() {
            pending.append(&mut term.children);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct VocabularyError {
    pub line: usize,
    pub message: String,
}

/// Parses a keyword list (UTF-8, with or without BOM, LF or CRLF). Linear in
/// the size of the list, however deep it nests or however many keywords
/// share a parent.
pub fn parse(text: &str) -> Result<Vec<Term>, VocabularyError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Every term once, in order of first appearance; children by index.
    // A child always appears after its parent.
    let mut terms: Vec<Term> = Vec::new();
    let mut children: Vec<Vec<usize>> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    // (parent index + 1, or 0 for the top level; name) → index
    let mut named: HashMap<(usize, String), usize> = HashMap::new();
    // The chain of open terms, as indices.
    let mut open: Vec<usize> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let err = |message: &str| VocabularyError {
            line: line_no,
            message: message.to_owned(),
        };
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let depth = line.chars().take_while(|c| *c == '\t').count();
        let entry = line[depth..].trim();
        if let Some(synonym) = entry.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            // A synonym belongs to the keyword one level up.
            if depth == 0 || depth > open.len() {
                return Err(err("a {synonym} must sit one tab below its keyword"));
            }
            let term = &mut terms[open[depth - 1]];
            let synonym = synonym.trim();
            if !synonym.is_empty() && !term.synonyms.iter().any(|s| s == synonym) {
                term.synonyms.push(synonym.to_owned());
            }
            continue;
        }
        if depth > open.len() {
            return Err(err("indented more than one tab below the keyword above"));
        }
        if depth >= crate::limits::MAX_KEYWORD_LEVELS {
            return Err(VocabularyError {
                line: line_no,
                message: format!(
                    "nested deeper than the {} levels Kartoteka keeps",
                    crate::limits::MAX_KEYWORD_LEVELS
                ),
            });
        }
        let (name, exported) = match entry.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(category) => (category.trim(), false),
            None => (entry, true),
        };
        if name.is_empty() || name.contains('|') {
            return Err(err("not a keyword name"));
        }
        open.truncate(depth);
        let parent = open.last().copied();
        let key = (parent.map_or(0, |p| p + 1), name.to_owned());
        let index = match named.get(&key) {
            Some(i) => *i,
            None => {
                let i = terms.len();
                terms.push(Term {
                    name: name.to_owned(),
                    exported,
                    synonyms: Vec::new(),
                    children: Vec::new(),
                });
                children.push(Vec::new());
                match parent {
                    Some(p) => children[p].push(i),
                    None => roots.push(i),
                }
                named.insert(key, i);
                i
            }
        };
        open.push(index);
    }
    // Backwards, so that every term's children are built before it is.
    let mut built: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    for i in (0..built.len()).rev() {
        let kids: Vec<Term> = children[i]
            .iter()
            .filter_map(|c| built[*c].take())
            .collect();
        if let Some(term) = built[i].as_mut() {
            term.children = kids;
        }
    }
    Ok(roots.iter().filter_map(|r| built[*r].take()).collect())
}

/// Writes a keyword list as Lightroom does: tabs, `[categories]`,
/// `{synonyms}`, LF line ends.
pub fn write(terms: &[Term]) -> String {
    let mut out = String::new();
    let mut stack: Vec<(&Term, usize)> = terms.iter().rev().map(|t| (t, 0)).collect();
    while let Some((t, depth)) = stack.pop() {
        push_tabs(&mut out, depth);
        if t.exported {
            out.push_str(&t.name);
        } else {
            out.push('[');
            out.push_str(&t.name);
            out.push(']');
        }
        out.push('\n');
        for s in &t.synonyms {
            push_tabs(&mut out, depth + 1);
            out.push('{');
            out.push_str(s);
            out.push_str("}\n");
        }
        stack.extend(t.children.iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

fn push_tabs(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n('\t', n));
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "Places\n\tCzechoslovakia\n\t\tMilovice\n\t\t\t{Milowitz}\n\t\tMladá Boleslav\n[Subjects]\n\tMilitary\n\t\t{army}\n\t\t{armáda}\n\t\tBarracks\n";

    #[test]
    fn round_trips_a_lightroom_list() {
        let terms = parse(LIST).unwrap();
        assert_eq!(terms.len(), 2);
        assert!(!terms[1].exported);
        let military = &terms[1].children[0];
        assert_eq!(military.synonyms, ["army", "armáda"]);
        assert_eq!(military.children[0].name, "Barracks");
        assert_eq!(terms[0].children[0].children[0].synonyms, ["Milowitz"]);
        assert_eq!(write(&terms), LIST);
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let windows = format!("\u{feff}{}", LIST.replace('\n', "\r\n"));
        assert_eq!(parse(&windows).unwrap(), parse(LIST).unwrap());
    }

    #[test]
    fn bad_nesting_names_the_line() {
        let err = parse("Places\n\t\t\tToo deep\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = parse("{orphan synonym}\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
