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

/// A keyword with what sits below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    pub name: String,
    /// False for `[categories]`.
    pub exported: bool,
    pub synonyms: Vec<String>,
    pub children: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct VocabularyError {
    pub line: usize,
    pub message: String,
}

/// Parses a keyword list (UTF-8, with or without BOM, LF or CRLF).
pub fn parse(text: &str) -> Result<Vec<Term>, VocabularyError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut roots: Vec<Term> = Vec::new();
    // The chain of open terms: path of indices from the roots.
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
            let term = term_at(&mut roots, &open[..depth])
                .ok_or_else(|| err("a {synonym} must sit one tab below its keyword"))?;
            let synonym = synonym.trim();
            if !synonym.is_empty() && !term.synonyms.iter().any(|s| s == synonym) {
                term.synonyms.push(synonym.to_owned());
            }
            continue;
        }
        if depth > open.len() {
            return Err(err("indented more than one tab below the keyword above"));
        }
        let (name, exported) = match entry.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(category) => (category.trim(), false),
            None => (entry, true),
        };
        if name.is_empty() || name.contains('|') {
            return Err(err("not a keyword name"));
        }
        open.truncate(depth);
        let siblings = match term_at(&mut roots, &open) {
            Some(parent) => &mut parent.children,
            None => &mut roots,
        };
        let index = match siblings.iter().position(|t| t.name == name) {
            Some(i) => i,
            None => {
                siblings.push(Term {
                    name: name.to_owned(),
                    exported,
                    ..Term::default()
                });
                siblings.len() - 1
            }
        };
        open.push(index);
    }
    Ok(roots)
}

fn term_at<'a>(roots: &'a mut [Term], path: &[usize]) -> Option<&'a mut Term> {
    let (first, rest) = path.split_first()?;
    let mut term = roots.get_mut(*first)?;
    for i in rest {
        term = term.children.get_mut(*i)?;
    }
    Some(term)
}

/// Writes a keyword list as Lightroom does: tabs, `[categories]`,
/// `{synonyms}`, LF line ends.
pub fn write(terms: &[Term]) -> String {
    fn walk(out: &mut String, terms: &[Term], depth: usize) {
        for t in terms {
            out.push_str(&"\t".repeat(depth));
            if t.exported {
                out.push_str(&t.name);
            } else {
                out.push('[');
                out.push_str(&t.name);
                out.push(']');
            }
            out.push('\n');
            for s in &t.synonyms {
                out.push_str(&"\t".repeat(depth + 1));
                out.push('{');
                out.push_str(s);
                out.push_str("}\n");
            }
            walk(out, &t.children, depth + 1);
        }
    }
    let mut out = String::new();
    walk(&mut out, terms, 0);
    out
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
