//! Splitting a query into tokens, remembering where each one starts.

use super::{QueryError, QueryProblem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Open,
    Close,
    /// A `-` directly before a term.
    Not,
    /// The word `OR`, in capitals.
    Or,
    Word(String),
    Phrase(String),
    /// `name:value` or `name:"quoted value"`; the name in lower case.
    Field {
        name: String,
        value: String,
        quoted: bool,
    },
}

pub struct Lexer<'a> {
    chars: Vec<char>,
    at: usize,
    _input: &'a str,
}

impl<'a> Lexer<'a> {
    pub fn new(input: &'a str) -> Self {
        Self {
            chars: input.chars().collect(),
            at: 0,
            _input: input,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    /// Reads a quoted string; `self.at` is on the opening quote.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let start = self.at;
        self.at += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(QueryError::new(start + 1, QueryProblem::QuoteNotClosed));
                }
                Some('"') => {
                    self.at += 1;
                    break;
                }
                Some(c) => {
                    text.push(if c.is_control() { ' ' } else { c });
                    self.at += 1;
                }
            }
        }
        if text.trim().is_empty() {
            return Err(QueryError::new(start + 1, QueryProblem::EmptyQuotes));
        }
        Ok(text)
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek() {
            if c.is_whitespace() || c.is_control() || matches!(c, '(' | ')' | '"') {
                break;
            }
            word.push(c);
            self.at += 1;
        }
        word
    }

    pub fn tokens(mut self) -> Result<Vec<(Token, usize)>, QueryError> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            let position = self.at + 1;
            match c {
                // Control characters (a pasted NUL or tab) separate words.
                c if c.is_whitespace() || c.is_control() => self.at += 1,
                '(' => {
                    out.push((Token::Open, position));
                    self.at += 1;
                }
                ')' => {
                    out.push((Token::Close, position));
                    self.at += 1;
                }
                '"' => {
                    let phrase = self.quoted()?;
                    out.push((Token::Phrase(phrase), position));
                }
                '-' => {
                    self.at += 1;
                    match self.peek() {
                        // A dash standing alone is punctuation ("Praha - Milovice").
                        None => {}
                        Some(next) if next.is_whitespace() || next.is_control() || next == ')' => {}
                        Some(_) => out.push((Token::Not, position)),
                    }
                }
                _ => {
                    let word = self.word();
                    if word == "OR" {
                        out.push((Token::Or, position));
                        continue;
                    }
                    match field_split(&word) {
                        Some((name, rest)) => {
                            let (value, quoted) = if rest.is_empty() && self.peek() == Some('"') {
                                (self.quoted()?, true)
                            } else {
                                (rest.to_owned(), false)
                            };
                            out.push((
                                Token::Field {
                                    name,
                                    value,
                                    quoted,
                                },
                                position,
                            ));
                        }
                        None => out.push((Token::Word(word), position)),
                    }
                }
            }
        }
        Ok(out)
    }
}

/// `name:rest` when `name` is letters only (so `12:30` stays a word).
fn field_split(word: &str) -> Option<(String, &str)> {
    let (name, rest) = word.split_once(':')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| (name.to_ascii_lowercase(), rest))
}
