//! The search query language: parsing what an archivist types into a query
//! tree. Running it is the catalogue's job (`catalog::search`); this module
//! knows nothing of SQL.
//!
//! ```text
//! kyndrova milovice            words are ANDed (accent- and case-blind)
//! kasár*  "last train"         prefixes and phrases
//! soldiers OR vojáci           OR binds tighter than AND: a b OR c = a AND (b OR c)
//! -convoy  -city:Praha         exclusion
//! (a OR b) -(c d)              grouping
//! title: caption: creator: credit: copyright: source: city: state:
//! country: event: person: job: path: camera: lens:
//! keyword:military             the keyword and everything below it
//! date:1991  date:1991-06  date:1990..1991  date:..1990  taken:2019
//! rating:>=3  flag:pick|reject|none  label:red  set:"Name"
//! has:gps  has:caption  missing:credit  status:missing
//! ```

mod lexer;

use std::fmt;

use crate::date::PartialDate;
pub use crate::photo::{Flag, Label};
use lexer::{Lexer, Token};

/// A parse error, with the 1-based character position it was found at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("position {position}: {problem}")]
pub struct QueryError {
    pub position: usize,
    pub problem: QueryProblem,
}

impl QueryError {
    fn new(position: usize, problem: QueryProblem) -> Self {
        Self { position, problem }
    }
}

/// Why a query does not parse, with what it concerns, so that the window can
/// say it in its language. `Display` is the command line's English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    #[error("this quote is never closed")]
    QuoteNotClosed,
    #[error("empty quotes")]
    EmptyQuotes,
    #[error("unmatched ')'")]
    UnmatchedClose,
    #[error("'(' is never closed")]
    OpenNotClosed,
    #[error("unexpected text")]
    UnexpectedText,
    #[error("OR needs something after it")]
    OrNeedsAfter,
    #[error("OR needs something before it")]
    OrNeedsBefore,
    #[error("OR OR")]
    OrOr,
    #[error("'-' must be followed by what to exclude")]
    NothingToExclude,
    #[error("the query ends too early")]
    EndsTooEarly,
    #[error("parentheses and '-' nest deeper than {limit} levels")]
    TooDeep { limit: usize },
    /// A term of punctuation alone, as typed (`'—'`, `"?"`, `title:!!!`).
    #[error("'{term}' has no letters or digits to search for; leave it out, or search for words")]
    NoWords { term: String },
    #[error("'{field}:' needs a value")]
    NeedsValue { field: String },
    #[error("unknown field '{field}:' (fields are {})", FIELDS.join(", "))]
    UnknownField { field: String },
    #[error("{0}")]
    NotADate(crate::date::DateError),
    #[error("a date range needs at least one end")]
    RangeWithoutEnds,
    #[error("the range {range} ends before it starts")]
    RangeBackwards { range: String },
    #[error("a rating is 0 to 5, optionally after >=, >, <=, < or =; not '{value}'")]
    BadRating { value: String },
    #[error("flag is pick, reject or none, not '{value}'")]
    BadFlag { value: String },
    #[error("label is red, yellow, green, blue, purple or none, not '{value}'")]
    BadLabel { value: String },
    /// `has:` or `missing:` with a property it does not know.
    #[error("'{field}:' takes one of {}, not '{value}'", Property::names())]
    BadProperty { field: String, value: String },
    /// `disputed:` or `unsourced:` with a field that takes no claims.
    #[error(
        "'{field}:' takes a descriptive field (caption, date, city, person, ...), not '{value}'"
    )]
    NotDescriptive { field: String, value: String },
    #[error("certainty is certain, probable or possible, not '{value}'")]
    BadCertainty { value: String },
    #[error("status is missing or warning, not '{value}'")]
    BadStatus { value: String },
}

/// A word or phrase to find in the full-text index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// Quoted: the words must appear together, in order.
    pub phrase: bool,
    /// Ends in `*`: any word starting with it.
    pub prefix: bool,
}

/// Text fields that have their own `field:` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Caption,
    Creator,
    Credit,
    Copyright,
    Source,
    City,
    State,
    Country,
    Event,
    Person,
    Job,
}

/// Substring filters on technical text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LikeField {
    Path,
    Camera,
    Lens,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    /// The date the photo shows (`date:`).
    Depicted,
    /// The capture date from the camera or scanner (`taken:`).
    Taken,
}

/// A range of days; either end may be open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    /// First day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Less,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    Greater,
}

/// What `has:` and `missing:` can ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    Title,
    Headline,
    Caption,
    Creator,
    Credit,
    Copyright,
    Source,
    Location,
    Event,
    People,
    Keywords,
    Date,
    Gps,
    Note,
}

impl Property {
    const NAMES: &[(&'static str, Property)] = &[
        ("title", Property::Title),
        ("headline", Property::Headline),
        ("caption", Property::Caption),
        ("creator", Property::Creator),
        ("credit", Property::Credit),
        ("copyright", Property::Copyright),
        ("source", Property::Source),
        ("location", Property::Location),
        ("event", Property::Event),
        ("people", Property::People),
        ("person", Property::People),
        ("keywords", Property::Keywords),
        ("keyword", Property::Keywords),
        ("date", Property::Date),
        ("gps", Property::Gps),
        ("note", Property::Note),
    ];

    /// The names `has:` and `missing:` take, for messages.
    pub fn names() -> String {
        Self::NAMES
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The file was not there when last checked.
    Missing,
    /// Imported with problems (damaged EXIF or image data).
    Warning,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// Everything (the empty query).
    All,
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
    Text(Text),
    Field(TextField, Text),
    Like(LikeField, String),
    Keyword(String),
    Date(DateField, DateRange),
    Rating(Comparison, u8),
    Flag(Option<Flag>),
    Label(Option<Label>),
    Set(String),
    Has(Property),
    Missing(Property),
    Status(Status),
    /// Photos with a field whose claims disagree: any field, or this one
    /// (a `--set` field name or a filter's: date, person, creator, ...).
    Disputed(Option<String>),
    /// Photos with a claim citing a source: by its id, or by words of its
    /// citation, authors or title.
    Cites(Cited),
    /// Photos with a claim of this certainty.
    Certainty(String),
    /// Photos with a value in this field but no claim citing a source.
    Unsourced(String),
}

/// What `cites:` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cited {
    Source(i64),
    Words(String),
}

/// The `field:` names, for help and error messages.
pub const FIELDS: &[&str] = &[
    "title",
    "caption",
    "creator",
    "credit",
    "copyright",
    "source",
    "city",
    "state",
    "country",
    "event",
    "person",
    "job",
    "path",
    "camera",
    "lens",
    "keyword",
    "date",
    "taken",
    "rating",
    "flag",
    "label",
    "set",
    "has",
    "missing",
    "status",
    "disputed",
    "cites",
    "certainty",
    "unsourced",
];

/// Parses a query. Any string gives a query or an error naming the position.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let tokens = Lexer::new(input).tokens()?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let query = parser.and_expression(false)?;
    if let Some((token, position)) = parser.peek() {
        return Err(QueryError::new(
            position,
            match token {
                Token::Close => QueryProblem::UnmatchedClose,
                _ => QueryProblem::UnexpectedText,
            },
        ));
    }
    Ok(query)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    /// Open parentheses and `-` around the term being read.
    depth: usize,
}

/// Whether a search term has something the full-text index can find: a
/// term of punctuation alone (`!!!`, `'`, `—`) would otherwise match every
/// photo, and an edit or a write-back would then act on the whole archive.
pub fn has_word_characters(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn no_words(position: usize, term: &str) -> QueryError {
    QueryError::new(
        position,
        QueryProblem::NoWords {
            term: term.to_owned(),
        },
    )
}

impl Parser {
    fn peek(&self) -> Option<(&Token, usize)> {
        self.tokens.get(self.at).map(|(t, p)| (t, *p))
    }

    fn next(&mut self) -> Option<(Token, usize)> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    /// Terms until the end or a closing parenthesis, ANDed.
    fn and_expression(&mut self, nested: bool) -> Result<Query, QueryError> {
        let mut terms = Vec::new();
        while let Some((token, _)) = self.peek() {
            if *token == Token::Close {
                if nested {
                    break;
                }
                let (_, position) = self.next().unwrap_or((Token::Close, 0));
                return Err(QueryError::new(position, QueryProblem::UnmatchedClose));
            }
            terms.push(self.or_expression()?);
        }
        Ok(match terms.len() {
            0 => Query::All,
            1 => terms.pop().unwrap_or(Query::All),
            _ => Query::And(terms),
        })
    }

    fn or_expression(&mut self) -> Result<Query, QueryError> {
        let mut alternatives = vec![self.unary()?];
        while let Some((Token::Or, position)) = self.peek() {
            self.next();
            match self.peek() {
                None => return Err(QueryError::new(position, QueryProblem::OrNeedsAfter)),
                Some((Token::Close, _)) => {
                    return Err(QueryError::new(position, QueryProblem::OrNeedsAfter));
                }
                Some((Token::Or, p)) => return Err(QueryError::new(p, QueryProblem::OrOr)),
                _ => alternatives.push(self.unary()?),
            }
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Query::All)
        } else {
            Query::Or(alternatives)
        })
    }

    /// One level deeper into parentheses or `-`; past the limit the query
    /// is refused rather than parsed (and later evaluated) recursively.
    fn enter(&mut self, position: usize) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth > crate::limits::MAX_QUERY_DEPTH {
            return Err(QueryError::new(
                position,
                QueryProblem::TooDeep {
                    limit: crate::limits::MAX_QUERY_DEPTH,
                },
            ));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Query, QueryError> {
        let Some((token, position)) = self.next() else {
            return Err(QueryError::new(0, QueryProblem::EndsTooEarly));
        };
        match token {
            Token::Not => match self.peek() {
                None | Some((Token::Close, _)) | Some((Token::Or, _)) => {
                    Err(QueryError::new(position, QueryProblem::NothingToExclude))
                }
                _ => {
                    self.enter(position)?;
                    let inner = self.unary()?;
                    self.depth -= 1;
                    Ok(Query::Not(Box::new(inner)))
                }
            },
            Token::Open => {
                self.enter(position)?;
                let inner = self.and_expression(true)?;
                self.depth -= 1;
                match self.next() {
                    Some((Token::Close, _)) => Ok(inner),
                    _ => Err(QueryError::new(position, QueryProblem::OpenNotClosed)),
                }
            }
            Token::Close => Err(QueryError::new(position, QueryProblem::UnmatchedClose)),
            Token::Or => Err(QueryError::new(position, QueryProblem::OrNeedsBefore)),
            Token::Word(word) => {
                if !has_word_characters(&word) {
                    return Err(no_words(position, &word));
                }
                Ok(Query::Text(text_term(word, false)))
            }
            Token::Phrase(phrase) => {
                if !has_word_characters(&phrase) {
                    return Err(no_words(position, &format!("\"{phrase}\"")));
                }
                Ok(Query::Text(Text {
                    text: phrase,
                    phrase: true,
                    prefix: false,
                }))
            }
            Token::Field {
                name,
                value,
                quoted,
            } => field(&name, value, quoted, position),
        }
    }
}

fn text_term(word: String, phrase: bool) -> Text {
    match word.strip_suffix('*') {
        Some(stem) if !phrase => Text {
            text: stem.to_owned(),
            phrase: false,
            prefix: true,
        },
        _ => Text {
            text: word,
            phrase,
            prefix: false,
        },
    }
}

/// Builds the query for `name:value`. `position` is where the field name starts.
fn field(name: &str, value: String, quoted: bool, position: usize) -> Result<Query, QueryError> {
    let value_at = position + name.chars().count() + 1;
    let err = |problem: QueryProblem| Err(QueryError::new(value_at, problem));
    if name == "disputed" && (value.is_empty() || value.eq_ignore_ascii_case("any")) {
        return Ok(Query::Disputed(None));
    }
    if value.is_empty() {
        return err(QueryProblem::NeedsValue {
            field: name.to_owned(),
        });
    }
    let lower = value.to_lowercase();
    let text_field = match name {
        "title" => Some(TextField::Title),
        "caption" => Some(TextField::Caption),
        "creator" => Some(TextField::Creator),
        "credit" => Some(TextField::Credit),
        "copyright" => Some(TextField::Copyright),
        "source" => Some(TextField::Source),
        "city" => Some(TextField::City),
        "state" => Some(TextField::State),
        "country" => Some(TextField::Country),
        "event" => Some(TextField::Event),
        "person" => Some(TextField::Person),
        "job" => Some(TextField::Job),
        _ => None,
    };
    if let Some(f) = text_field {
        if !has_word_characters(&value) {
            return Err(no_words(value_at, &format!("{name}:{value}")));
        }
        return Ok(Query::Field(f, text_term(value, quoted)));
    }
    match name {
        "path" => Ok(Query::Like(LikeField::Path, value)),
        "camera" => Ok(Query::Like(LikeField::Camera, value)),
        "lens" => Ok(Query::Like(LikeField::Lens, value)),
        "keyword" => Ok(Query::Keyword(value)),
        "set" => Ok(Query::Set(value)),
        "date" | "taken" => {
            let field = if name == "date" {
                DateField::Depicted
            } else {
                DateField::Taken
            };
            date_range(&value)
                .map(|range| Query::Date(field, range))
                .map_err(|problem| QueryError::new(value_at, problem))
        }
        "rating" => rating(&value).map_err(|problem| QueryError::new(value_at, problem)),
        "flag" => match lower.as_str() {
            "none" | "unflagged" => Ok(Query::Flag(None)),
            other => match Flag::from_name(other) {
                Some(f) => Ok(Query::Flag(Some(f))),
                None => err(QueryProblem::BadFlag { value }),
            },
        },
        "label" => match lower.as_str() {
            "none" => Ok(Query::Label(None)),
            other => match Label::from_name(other) {
                Some(l) => Ok(Query::Label(Some(l))),
                None => err(QueryProblem::BadLabel { value }),
            },
        },
        "has" | "missing" => match Property::NAMES.iter().find(|(n, _)| *n == lower) {
            Some((_, p)) if name == "has" => Ok(Query::Has(*p)),
            Some((_, p)) => Ok(Query::Missing(*p)),
            None => err(QueryProblem::BadProperty {
                field: name.to_owned(),
                value,
            }),
        },
        "disputed" | "unsourced" => match crate::catalog::claimable(&lower) {
            Some(_) if name == "disputed" => Ok(Query::Disputed(Some(lower))),
            Some(_) => Ok(Query::Unsourced(lower)),
            None => err(QueryProblem::NotDescriptive {
                field: name.to_owned(),
                value,
            }),
        },
        "cites" => Ok(Query::Cites(match value.trim().parse::<i64>() {
            Ok(id) => Cited::Source(id),
            Err(_) => Cited::Words(value),
        })),
        "certainty" => match lower.as_str() {
            "certain" | "probable" | "possible" => Ok(Query::Certainty(lower)),
            _ => err(QueryProblem::BadCertainty { value }),
        },
        "status" => match lower.as_str() {
            "missing" => Ok(Query::Status(Status::Missing)),
            "warning" | "warnings" => Ok(Query::Status(Status::Warning)),
            _ => err(QueryProblem::BadStatus { value }),
        },
        _ => Err(QueryError::new(
            position,
            QueryProblem::UnknownField {
                field: name.to_owned(),
            },
        )),
    }
}

/// `1991`, `1991-06`, `1991-06-21`, `1990..1991`, `..1990`, `1990..`
fn date_range(value: &str) -> Result<DateRange, QueryProblem> {
    let date = |s: &str| PartialDate::parse(s).map_err(QueryProblem::NotADate);
    let (from, to) = match value.split_once("..") {
        Some((a, b)) => (
            (!a.is_empty()).then(|| date(a)).transpose()?,
            (!b.is_empty()).then(|| date(b)).transpose()?,
        ),
        None => {
            let d = date(value)?;
            (Some(d.clone()), Some(d))
        }
    };
    if from.is_none() && to.is_none() {
        return Err(QueryProblem::RangeWithoutEnds);
    }
    let range = DateRange {
        from: from.map(|d| d.bounds().0),
        to: to.map(|d| d.bounds().1),
    };
    if let (Some(f), Some(t)) = (&range.from, &range.to)
        && f > t
    {
        return Err(QueryProblem::RangeBackwards {
            range: value.to_owned(),
        });
    }
    Ok(range)
}

fn rating(value: &str) -> Result<Query, QueryProblem> {
    let (comparison, number) = if let Some(n) = value.strip_prefix(">=") {
        (Comparison::GreaterOrEqual, n)
    } else if let Some(n) = value.strip_prefix("<=") {
        (Comparison::LessOrEqual, n)
    } else if let Some(n) = value.strip_prefix('>') {
        (Comparison::Greater, n)
    } else if let Some(n) = value.strip_prefix('<') {
        (Comparison::Less, n)
    } else if let Some(n) = value.strip_prefix('=') {
        (Comparison::Equal, n)
    } else {
        (Comparison::Equal, value)
    };
    match number.parse::<u8>() {
        Ok(n) if n <= 5 => Ok(Query::Rating(comparison, n)),
        _ => Err(QueryProblem::BadRating {
            value: value.to_owned(),
        }),
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Equal => "=",
            Comparison::GreaterOrEqual => ">=",
            Comparison::Greater => ">",
        })
    }
}

#[cfg(test)]
mod tests;
