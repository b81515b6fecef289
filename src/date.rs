//! Dates as archives know them.
//!
//! A depicted date is often known only to the year or the month: a negative
//! sleeve says "1991" or "June 1991". [`PartialDate`] keeps exactly the
//! precision it was given and never invents a month or a day. Capture dates
//! from EXIF are full date-times, optionally with a UTC offset; they are kept
//! as ISO 8601 text.

use std::fmt;

/// A calendar date known to the year, the month or the day, optionally with a
/// time of day (as given, with its UTC offset when one was given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// `hh:mm[:ss[.fff]][Z|±hh:mm]`, only when the day is known.
    pub time: Option<String>,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    pub value: String,
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        Self {
            year,
            month: None,
            day: None,
            time: None,
        }
    }

    /// Reads an ISO 8601 date as XMP writes it: `YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD`, optionally followed by `Thh:mm[:ss[.fff]][TZD]`.
    /// EXIF-style colons in the date part (`1991:06`) are accepted too, since
    /// some writers use them.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            value: text.to_owned(),
        };
        let text = text.trim();
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t.trim())),
            None => (text, None),
        };
        let mut parts = date.split(['-', ':']);
        let year = parse_digits(parts.next().ok_or_else(err)?, 4).ok_or_else(err)?;
        let month = parts
            .next()
            .map(|m| {
                parse_digits(m, 2)
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(err)
            })
            .transpose()?;
        let day = parts
            .next()
            .map(|d| {
                parse_digits(d, 2)
                    .filter(|d| (1..=31).contains(d))
                    .ok_or_else(err)
            })
            .transpose()?;
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return Err(err());
        }
        if let (Some(m), Some(d)) = (month, day)
            && d > days_in_month(year, m as u8) as u32
        {
            return Err(err());
        }
        let time = match time {
            Some(t) if !t.is_empty() => {
                if day.is_none() || !is_time(t) {
                    return Err(err());
                }
                Some(t.to_owned())
            }
            _ => None,
        };
        Ok(Self {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            time,
        })
    }

    /// Reads IPTC IIM 2:55 `CCYYMMDD`, where `00` stands for an unknown month
    /// or day (`19910000` is "1991"), with IIM 2:60 `HHMMSS±HHMM` when given.
    pub fn from_iim(date: &str, time: Option<&str>) -> Result<Self, DateError> {
        let err = || DateError {
            value: date.to_owned(),
        };
        let d = date.trim();
        if d.len() != 8 || !d.bytes().all(|b| b.is_ascii_digit()) {
            // Some writers put ISO text into 2:55; accept it if it reads.
            return Self::parse(d);
        }
        let year = d[0..4].parse::<u16>().map_err(|_| err())?;
        let month = d[4..6].parse::<u8>().map_err(|_| err())?;
        let day = d[6..8].parse::<u8>().map_err(|_| err())?;
        if month > 12 || (month == 0 && day != 0) || day > 31 {
            return Err(err());
        }
        let mut date = Self {
            year,
            month: (month != 0).then_some(month),
            day: (day != 0).then_some(day),
            time: None,
        };
        if let Some(m) = date.month
            && let Some(day) = date.day
            && day > days_in_month(year as u32, m)
        {
            return Err(err());
        }
        if date.day.is_some() {
            date.time = time.and_then(iim_time);
        }
        Ok(date)
    }

    /// The first and last day this date could mean, as `YYYY-MM-DD` strings,
    /// for range searches with overlap semantics.
    pub fn bounds(&self) -> (String, String) {
        let (m0, m1) = self.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = match self.day {
            Some(d) => (d, d),
            None => (1, days_in_month(self.year as u32, m1)),
        };
        (
            format!("{:04}-{:02}-{:02}", self.year, m0, d0),
            format!("{:04}-{:02}-{:02}", self.year, m1, d1),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some(t) = &self.time {
            write!(f, "T{t}")?;
        }
        Ok(())
    }
}

/// A day as `yyyymmdd`, which orders like the date.
pub type Day = u32;

fn day_of(year: u32, month: u8, day: u8) -> Day {
    year * 10_000 + u32::from(month) * 100 + u32::from(day)
}

/// How sure a date is, as EDTF marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Qualifier {
    #[default]
    Sure,
    /// `?`: the date may be wrong.
    Uncertain,
    /// `~`: about this date.
    Approximate,
    /// `%`: both.
    Both,
}

impl Qualifier {
    fn suffix(self) -> &'static str {
        match self {
            Qualifier::Sure => "",
            Qualifier::Uncertain => "?",
            Qualifier::Approximate => "~",
            Qualifier::Both => "%",
        }
    }
}

/// One end of a depicted date: a year (digits may be unspecified, `199X`),
/// a month and a day, each known, unspecified (`XX`) or absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The year as written, four characters, trailing ones possibly `X`.
    year: String,
    month: Option<Option<u8>>,
    day: Option<Option<u8>>,
    qualifier: Qualifier,
}

impl Point {
    fn parse(text: &str) -> Option<Point> {
        let (body, qualifier) = match text.chars().last()? {
            '?' => (&text[..text.len() - 1], Qualifier::Uncertain),
            '~' => (&text[..text.len() - 1], Qualifier::Approximate),
            '%' => (&text[..text.len() - 1], Qualifier::Both),
            _ => (text, Qualifier::Sure),
        };
        let mut parts = body.split('-');
        let year = parts.next()?;
        let digits = year.trim_end_matches('X');
        if year.len() != 4 || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let two = |p: &str, max: u8| -> Option<Option<u8>> {
            if p == "XX" {
                return Some(None);
            }
            let n = parse_digits(p, 2)? as u8;
            (1..=max).contains(&n).then_some(Some(n))
        };
        let month = match parts.next() {
            Some(m) => Some(two(m, 12)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(two(d, 31)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        // Digits after an unspecified part are unspecified too: 199X-06 is
        // not a date, 1991-XX-21 is not either.
        let unspecified_year = digits.len() < 4;
        if (unspecified_year && month.is_some())
            || (month == Some(None) && matches!(day, Some(Some(_))))
        {
            return None;
        }
        if let (Some(Some(m)), Some(Some(d))) = (month, day)
            && d > days_in_month(digits.parse().ok()?, m)
        {
            return None;
        }
        Some(Point {
            year: year.to_owned(),
            month,
            day,
            qualifier,
        })
    }

    /// The first and last day this point could mean.
    fn bounds(&self) -> (Day, Day) {
        let digits = self.year.trim_end_matches('X');
        let unspecified = 4 - digits.len() as u32;
        let base: u32 = digits.parse().unwrap_or(0) * 10u32.pow(unspecified);
        let (y0, y1) = (base, base + 10u32.pow(unspecified) - 1);
        let (m0, m1) = match self.month {
            Some(Some(m)) => (m, m),
            _ => (1, 12),
        };
        let (d0, d1) = match self.day {
            Some(Some(d)) => (d, d),
            _ => (1, days_in_month(y1, m1)),
        };
        (day_of(y0, m0, d0), day_of(y1, m1, d1))
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.year)?;
        let part = |p: Option<u8>| p.map_or_else(|| "XX".to_owned(), |n| format!("{n:02}"));
        if let Some(m) = self.month {
            write!(f, "-{}", part(m))?;
        }
        if let Some(d) = self.day {
            write!(f, "-{}", part(d))?;
        }
        f.write_str(self.qualifier.suffix())
    }
}

/// The date a photograph depicts, as historians write it: a plain ISO date
/// (`1991`, `1991-06`, `1991-06-21`, with a time when one is known), or the
/// forms of the Extended Date/Time Format (EDTF, ISO 8601-2) level 1 that
/// archives use: uncertain `1990-02-26?`, approximate `1991~`, both
/// `1991-06%`, unspecified digits `199X` and `1991-XX`, intervals
/// `1990-02/1991-06` with open ends `../1990` and `1990-02/..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Depicted {
    /// A plain ISO date, as files carry it.
    Plain(PartialDate),
    Point(Point),
    Interval(Option<Point>, Option<Point>),
}

/// Why a depicted date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{value:?} is not a date (write 1991, 1991-06 or 1991-06-21; 1991? uncertain, 1991~ about, \
     199X a decade, 1990-02/1991-06 a span)"
)]
pub struct DepictedError {
    pub value: String,
}

impl Depicted {
    pub fn parse(text: &str) -> Result<Depicted, DepictedError> {
        let text = text.trim();
        let err = || DepictedError {
            value: text.to_owned(),
        };
        if let Ok(plain) = PartialDate::parse(text) {
            return Ok(Depicted::Plain(plain));
        }
        if let Some((from, to)) = text.split_once('/') {
            let end = |t: &str| -> Result<Option<Point>, DepictedError> {
                match t {
                    ".." | "" => Ok(None),
                    t => Point::parse(t).map(Some).ok_or_else(err),
                }
            };
            let (from, to) = (end(from)?, end(to)?);
            if from.is_none() && to.is_none() {
                return Err(err());
            }
            if let (Some(a), Some(b)) = (&from, &to)
                && a.bounds().0 > b.bounds().1
            {
                return Err(err());
            }
            return Ok(Depicted::Interval(from, to));
        }
        Point::parse(text).map(Depicted::Point).ok_or_else(err)
    }

    /// The first and last day the date could mean; `None` for an open end.
    pub fn bounds(&self) -> (Option<Day>, Option<Day>) {
        match self {
            Depicted::Plain(p) => {
                let (a, b) = p.bounds();
                (Some(day_from_text(&a)), Some(day_from_text(&b)))
            }
            Depicted::Point(p) => {
                let (a, b) = p.bounds();
                (Some(a), Some(b))
            }
            Depicted::Interval(a, b) => (
                a.as_ref().map(|p| p.bounds().0),
                b.as_ref().map(|p| p.bounds().1),
            ),
        }
    }

    /// Marked uncertain or approximate: a search that finds it finds it
    /// only possibly.
    pub fn is_qualified(&self) -> bool {
        let q = |p: &Option<Point>| p.as_ref().is_some_and(|p| p.qualifier != Qualifier::Sure);
        match self {
            Depicted::Plain(_) => false,
            Depicted::Point(p) => p.qualifier != Qualifier::Sure,
            Depicted::Interval(a, b) => q(a) || q(b),
        }
    }

    /// What goes into the standard properties other programs read (XMP
    /// `photoshop:DateCreated`, IPTC IIM 2:55), which hold a plain date: the
    /// most precise plain date that covers the whole of this one, without
    /// its qualifier. `None` when that would be wider than a year (a decade,
    /// a span of years, an open end): then only Kartoteka's own property
    /// carries it.
    pub fn standard(&self) -> Option<PartialDate> {
        if let Depicted::Plain(p) = self {
            return Some(p.clone());
        }
        let (Some(first), Some(last)) = self.bounds() else {
            return None;
        };
        let (y0, m0, d0) = (
            first / 10_000,
            (first / 100 % 100) as u8,
            (first % 100) as u8,
        );
        let (y1, m1, d1) = (last / 10_000, (last / 100 % 100) as u8, (last % 100) as u8);
        if y0 != y1 {
            return None;
        }
        let mut date = PartialDate::year(y0 as u16);
        if m0 == m1 {
            date.month = Some(m0);
            if d0 == d1 {
                date.day = Some(d0);
            }
        }
        Some(date)
    }
}

impl fmt::Display for Depicted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Depicted::Plain(p) => p.fmt(f),
            Depicted::Point(p) => p.fmt(f),
            Depicted::Interval(a, b) => {
                let end = |p: &Option<Point>| {
                    p.as_ref().map_or_else(|| "..".to_owned(), Point::to_string)
                };
                write!(f, "{}/{}", end(a), end(b))
            }
        }
    }
}

/// `YYYY-MM-DD` as a [`Day`].
fn day_from_text(text: &str) -> Day {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .take(8)
        .fold(0, |n, b| n * 10 + Day::from(b - b'0'))
}

/// Turns an EXIF date-time (`2008:05:30 15:56:01`) and an optional EXIF
/// offset (`+02:00`) into ISO 8601 (`2008-05-30T15:56:01+02:00`).
/// Blank or zeroed placeholders that cameras write when the clock was never
/// set (`0000:00:00 00:00:00`, `    :  :     :  :  `) give `None`.
pub fn exif_datetime(value: &str, offset: Option<&str>) -> Option<String> {
    let v = value.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let b = v.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let all_digits = [0..4, 5..7, 8..10, 11..13, 14..16, 17..19]
        .into_iter()
        .all(digits);
    if !all_digits {
        return None;
    }
    let year: u32 = v[0..4].parse().ok()?;
    let month: u8 = v[5..7].parse().ok()?;
    let day: u8 = v[8..10].parse().ok()?;
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let (h, mi, s): (u8, u8, u8) = (
        v[11..13].parse().ok()?,
        v[14..16].parse().ok()?,
        v[17..19].parse().ok()?,
    );
    if h > 24 || mi > 59 || s > 60 {
        return None;
    }
    let mut out = format!("{}-{}-{}T{}", &v[0..4], &v[5..7], &v[8..10], &v[11..19]);
    if let Some(off) = offset.map(str::trim).filter(|o| is_offset(o)) {
        out.push_str(off);
    }
    Some(out)
}

/// The current time in UTC as ISO 8601 (`2026-11-22T22:43:00Z`).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: u32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

/// `±hh:mm` as EXIF 2.31 OffsetTime writes it, or `Z`.
fn is_offset(s: &str) -> bool {
    let b = s.as_bytes();
    s == "Z"
        || (b.len() == 6
            && (b[0] == b'+' || b[0] == b'-')
            && b[1..3].iter().all(u8::is_ascii_digit)
            && b[3] == b':'
            && b[4..6].iter().all(u8::is_ascii_digit))
}

/// `hh:mm[:ss[.f+]][Z|±hh:mm]`
fn is_time(s: &str) -> bool {
    let (clock, zone) = match s.find(['Z', '+', '-']) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    if !zone.is_empty() && !is_offset(zone) {
        return false;
    }
    let mut fields = clock.split(':');
    let two =
        |f: Option<&str>| f.is_some_and(|f| f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()));
    if !two(fields.next()) || !two(fields.next()) {
        return false;
    }
    match fields.next() {
        None => true,
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, "0"));
            two(Some(whole))
                && !frac.is_empty()
                && frac.bytes().all(|b| b.is_ascii_digit())
                && fields.next().is_none()
        }
    }
}

/// IIM 2:60 `HHMMSS±HHMM` to `hh:mm:ss±hh:mm`.
fn iim_time(t: &str) -> Option<String> {
    let t = t.trim();
    let b = t.as_bytes();
    if b.len() < 6 || !b[..6].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut out = format!("{}:{}:{}", &t[0..2], &t[2..4], &t[4..6]);
    let zone = &t[6..];
    if zone.len() == 5
        && (zone.starts_with('+') || zone.starts_with('-'))
        && zone[1..].bytes().all(|b| b.is_ascii_digit())
    {
        out.push_str(&format!("{}:{}", &zone[0..3], &zone[3..5]));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(PartialDate::parse("1991").unwrap().to_string(), "1991");
        assert_eq!(
            PartialDate::parse("1991-06").unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::parse("1991:06").unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::parse("1991-06-21").unwrap().to_string(),
            "1991-06-21"
        );
        assert_eq!(
            PartialDate::parse("1993-01-01T03:11:11.311+01:00")
                .unwrap()
                .to_string(),
            "1993-01-01T03:11:11.311+01:00"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "",
            "91",
            "1991-13",
            "1991-02-30",
            "1991-06-21T25",
            "June 1991",
            "1991--01",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn iim_zeroes_mean_unknown() {
        assert_eq!(
            PartialDate::from_iim("19910000", None).unwrap().to_string(),
            "1991"
        );
        assert_eq!(
            PartialDate::from_iim("19910600", None).unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::from_iim("19920101", Some("021111+0100"))
                .unwrap()
                .to_string(),
            "1992-01-01T02:11:11+01:00"
        );
        assert!(PartialDate::from_iim("19910021", None).is_err());
    }

    #[test]
    fn bounds_cover_the_whole_period() {
        let b = |s: &str| PartialDate::parse(s).unwrap().bounds();
        assert_eq!(b("1991"), ("1991-01-01".into(), "1991-12-31".into()));
        assert_eq!(b("1992-02"), ("1992-02-01".into(), "1992-02-29".into()));
        assert_eq!(b("1991-06-21"), ("1991-06-21".into(), "1991-06-21".into()));
    }

    #[test]
    fn depicted_dates_take_the_edtf_forms_archives_use() {
        let d = |s: &str| Depicted::parse(s).unwrap();
        let bounds = |s: &str| d(s).bounds();
        assert_eq!(bounds("1991"), (Some(19_910_101), Some(19_911_231)));
        assert_eq!(bounds("1990-02-26?"), (Some(19_900_226), Some(19_900_226)));
        assert!(d("1990-02-26?").is_qualified());
        assert!(d("1991~").is_qualified() && d("1991-06%").is_qualified());
        assert!(!d("1991-06").is_qualified());
        assert_eq!(bounds("199X"), (Some(19_900_101), Some(19_991_231)));
        assert_eq!(bounds("19XX"), (Some(19_000_101), Some(19_991_231)));
        assert_eq!(bounds("1991-XX"), (Some(19_910_101), Some(19_911_231)));
        assert_eq!(bounds("1992-02-XX"), (Some(19_920_201), Some(19_920_229)));
        assert_eq!(
            bounds("1990-02/1991-06"),
            (Some(19_900_201), Some(19_910_630))
        );
        assert_eq!(bounds("../1990"), (None, Some(19_901_231)));
        assert_eq!(bounds("1990-02/.."), (Some(19_900_201), None));
        // Written back as given.
        for s in [
            "1990-02-26?",
            "1991~",
            "1991-06%",
            "199X",
            "1991-XX",
            "1990-02/1991-06",
            "../1990",
            "1990-02/..",
            "1991-06-21T14:30",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        for bad in [
            "June 1991",
            "199X-06",
            "1991-XX-21",
            "../..",
            "1991-13?",
            "1991/1990",
            "1991-02-30~",
            "19X1",
            "X991",
            "1991??",
        ] {
            assert!(Depicted::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn the_standard_properties_get_a_plain_date_that_covers_the_whole() {
        let std = |s: &str| {
            Depicted::parse(s)
                .unwrap()
                .standard()
                .map(|d| d.to_string())
        };
        assert_eq!(std("1990-02-26?").as_deref(), Some("1990-02-26"));
        assert_eq!(std("1991~").as_deref(), Some("1991"));
        assert_eq!(std("1991-06%").as_deref(), Some("1991-06"));
        assert_eq!(std("1991-XX").as_deref(), Some("1991"));
        assert_eq!(std("1991-02/1991-06").as_deref(), Some("1991"));
        assert_eq!(std("1991-06-01/1991-06-30").as_deref(), Some("1991-06"));
        assert_eq!(std("199X"), None);
        assert_eq!(std("1990-02/1991-06"), None);
        assert_eq!(std("../1990"), None);
    }

    #[test]
    fn now_is_a_full_utc_timestamp() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'), "{now}");
        assert!(
            PartialDate::parse(now.trim_end_matches('Z')).is_ok(),
            "{now}"
        );
    }

    #[test]
    fn exif_datetimes() {
        assert_eq!(
            exif_datetime("2008:05:30 15:56:01", None).as_deref(),
            Some("2008-05-30T15:56:01")
        );
        assert_eq!(
            exif_datetime("2008:05:30 15:56:01\0", Some("+02:00")).as_deref(),
            Some("2008-05-30T15:56:01+02:00")
        );
        assert_eq!(exif_datetime("    :  :     :  :  ", None), None);
        assert_eq!(exif_datetime("0000:00:00 00:00:00", None), None);
    }
}
